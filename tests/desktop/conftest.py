"""A real desktop for notification tests: Xvfb, a private D-Bus session bus and dunst.

Nothing here touches the user's own session: the bus is private, dunst reads a minimal config
from the test's folder, and every process is stopped when the test ends.
"""

import contextlib
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BINARIES = ("Xvfb", "dbus-daemon", "dbus-send", "dunst", "dunstctl")
APT_PACKAGES = "xvfb dbus dunst"
START_TIMEOUT = 15.0  # seconds for each process to come up

DUNSTRC = """\
[global]
    font = DejaVu Sans 9
    icon_position = off
    enable_recursive_icon_lookup = false
    show_indicators = no
    browser = /bin/true
    dmenu = /bin/true
    history_length = 20
    sticky_history = yes
    idle_threshold = 0
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


@dataclass
class Desktop:
    display: str
    bus_address: str
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def dunstctl(self, *args: str) -> str:
        done = subprocess.run(["dunstctl", *args], env=self.env, capture_output=True, text=True,
                              timeout=10, check=True)
        return done.stdout.strip()

    def notification_server_running(self) -> bool:
        # NameHasOwner never starts a server through D-Bus activation, unlike calling dunst.
        done = subprocess.run(
            ["dbus-send", "--session", "--print-reply=literal", "--dest=org.freedesktop.DBus",
             "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
             "string:org.freedesktop.Notifications"],
            env=self.env, capture_output=True, text=True, timeout=10, check=False)
        return done.stdout.split()[-1:] == ["true"]


def _require_binaries() -> None:
    missing = [name for name in BINARIES if shutil.which(name) is None]
    if not missing:
        return
    message = (f"missing {', '.join(missing)}; install the Debian packages: "
               f"apt-get install {APT_PACKAGES}")
    if os.environ.get("CI"):
        pytest.fail("CI must run the desktop tests: " + message)
    pytest.skip(message)


def _read_line(fd: int, what: str, process: subprocess.Popen[bytes]) -> str:
    """One line from ``fd`` within START_TIMEOUT, failing clearly if the process died."""
    deadline = time.monotonic() + START_TIMEOUT
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or process.poll() is not None:
            raise RuntimeError(f"{what} did not start (exit code {process.poll()})")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 256)
            if not chunk:
                raise RuntimeError(f"{what} closed its output before saying where it listens")
            data += chunk
    return data.split(b"\n", 1)[0].decode().strip()


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in reversed(processes):
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desktop]:
    """Xvfb on a free display, a private session bus, and dunst owning Notifications."""
    _require_binaries()
    processes: list[subprocess.Popen[bytes]] = []
    logs = tmp_path / "desktop-logs"
    logs.mkdir()
    try:
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0",
             "800x600x24"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
            stderr=(logs / "xvfb.log").open("wb"))
        processes.append(xvfb)
        os.close(write_fd)
        try:
            display = ":" + _read_line(read_fd, "Xvfb", xvfb)  # Xvfb picks a free display
        finally:
            os.close(read_fd)

        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("DBUS_", "WAYLAND_"))}
        env.update(DISPLAY=display, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               env=env, stdout=subprocess.PIPE,
                               stderr=(logs / "dbus.log").open("wb"))
        processes.append(bus)
        assert bus.stdout is not None
        address = _read_line(bus.stdout.fileno(), "dbus-daemon", bus)
        env["DBUS_SESSION_BUS_ADDRESS"] = address

        dunstrc = tmp_path / "dunstrc"
        dunstrc.write_text(DUNSTRC)
        dunst = subprocess.Popen(["dunst", "-config", str(dunstrc)], env=env,
                                 stdout=subprocess.DEVNULL,
                                 stderr=(logs / "dunst.log").open("wb"))
        processes.append(dunst)
        session = Desktop(display, address, env, processes)
        deadline = time.monotonic() + START_TIMEOUT
        while not session.notification_server_running():
            if dunst.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("dunst did not start: "
                                   + (logs / "dunst.log").read_text(errors="replace")[-2000:])
            with contextlib.suppress(subprocess.TimeoutExpired):
                dunst.wait(timeout=0.05)  # a short wait that also notices dunst exiting

        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        monkeypatch.setenv("DISPLAY", display)
        yield session
    finally:
        _stop(processes)
