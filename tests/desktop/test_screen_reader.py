"""What a screen reader really gets from the player: the app runs on X (Xvfb) with Qt's AT-SPI
bridge on, and its tree is read over the accessibility bus with Debian's pyatspi, the library
Orca uses. Needs at-spi2-core and python3-pyatspi (installed by .ci/run)."""

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.core.content.cache import load_catalog
from guide.core.routine.plan import build_plan
from guide.core.store import settings as core_settings

from .conftest import START_TIMEOUT, Desktop

pytestmark = pytest.mark.desktop

LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
READER = Path(__file__).with_name("atspi_reader.py")


def _require_atspi() -> None:
    has_pyatspi = SYSTEM_PYTHON.exists() and subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True,
        check=False).returncode == 0
    if LAUNCHER.exists() and has_pyatspi:
        return
    message = "needs Debian's at-spi2-core and python3-pyatspi: apt-get install at-spi2-core " \
              "python3-pyatspi"
    if os.environ.get("CI"):
        pytest.fail("CI must run the screen-reader test: " + message)
    pytest.skip(message)


def _a11y_bus_running(env: dict[str, str]) -> bool:
    done = subprocess.run(
        ["dbus-send", "--session", "--print-reply=literal", "--dest=org.freedesktop.DBus",
         "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.a11y.Bus"],
        env=env, capture_output=True, text=True, timeout=10, check=False)
    return done.stdout.split()[-1:] == ["true"]


@pytest.fixture
def screen_reader_desktop(desktop: Desktop, tmp_path: Path) -> Iterator[Desktop]:
    """The desktop plus the accessibility bus a screen reader listens on."""
    _require_atspi()
    launcher = subprocess.Popen([str(LAUNCHER), "--launch-immediately"], env=desktop.env,
                                stdout=subprocess.DEVNULL,
                                stderr=(tmp_path / "desktop-logs" / "atspi.log").open("wb"))
    desktop.processes.append(launcher)  # stopped with the rest of the desktop
    deadline = time.monotonic() + START_TIMEOUT
    while not _a11y_bus_running(desktop.env):
        if launcher.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("at-spi-bus-launcher did not start")
        with contextlib.suppress(subprocess.TimeoutExpired):
            launcher.wait(timeout=0.1)
    yield desktop


def read_tree(env: dict[str, str]) -> list[dict[str, object]]:
    done = subprocess.run([str(SYSTEM_PYTHON), str(READER), "stretch-guide"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        return []
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def test_a_screen_reader_reads_the_instruction_and_the_countdown(
        screen_reader_desktop: Desktop, tmp_path: Path) -> None:
    settings = core_settings.Settings(disclaimer_accepted=True, sound=False, voice=False)
    core_settings.save(settings, core_settings.settings_path())
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(screen_reader_desktop.env, QT_QPA_PLATFORM="xcb",
               QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", XDG_RUNTIME_DIR=str(runtime),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    app = subprocess.Popen([sys.executable, "-m", "guide", "start", "cramp-calf"], env=env,
                           stdout=subprocess.DEVNULL,
                           stderr=(tmp_path / "desktop-logs" / "app.log").open("wb"))
    screen_reader_desktop.processes.append(app)
    try:
        countdown: dict[str, object] = {}
        tree: list[dict[str, object]] = []
        deadline = time.monotonic() + 60
        while not countdown and time.monotonic() < deadline and app.poll() is None:
            tree = read_tree(env)
            countdown = next((n for n in tree if n["role"] == "progress bar"
                              and n["name"] == "Countdown" and "value" in n), {})
    finally:
        app.terminate()
    log = (tmp_path / "desktop-logs" / "app.log").read_text(errors="replace")[-2000:]
    assert countdown, f"no countdown on the accessibility bus; app log:\n{log}"

    catalog = load_catalog()
    segments = build_plan(catalog.routines["cramp-calf"], catalog.stretches).segments
    said = {str(n.get("name", "")) for n in tree} | {str(n.get("text", "")) for n in tree}
    instructions = [s for s in segments if s.text and s.text in said]
    assert instructions, f"no step's instruction is read; the reader got {sorted(said)}"
    segment = instructions[0]
    # The countdown's value is whole seconds left of that step, and its text is what it shows.
    assert countdown["maximum"] == segment.seconds
    assert 0 <= float(str(countdown["value"])) <= segment.seconds
    assert countdown["description"] in ("Go", "Get ready", "Hold", "Relax")


BROWSE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
app.setApplicationName("stretch-guide")
from guide.core.content.cache import load_catalog
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow
window = MainWindow(AppContext(load_catalog(), SettingsStore()))
window.show()
window.show_page("browse")
window.page("browse").select_muscle("gastrocnemius")
app.exec()
"""


def test_a_screen_reader_lists_the_body_maps_muscles(screen_reader_desktop: Desktop,
                                                     tmp_path: Path) -> None:
    env = dict(screen_reader_desktop.env, QT_QPA_PLATFORM="xcb",
               QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    app = subprocess.Popen([sys.executable, "-c", BROWSE], env=env, stdout=subprocess.DEVNULL,
                           stderr=(tmp_path / "desktop-logs" / "app.log").open("wb"))
    screen_reader_desktop.processes.append(app)
    try:
        items: list[dict[str, object]] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None and \
                "Calf (gastrocnemius)" not in {n["name"] for n in items}:
            items = [n for n in read_tree(env) if n["role"] == "list item"]
        read_twice = read_tree(env)  # reading again must not upset the app
        alive = app.poll() is None
    finally:
        app.terminate()
    log = (tmp_path / "desktop-logs" / "app.log").read_text(errors="replace")[-2000:]
    assert alive, f"the app died while a screen reader read it:\n{log}"
    names = {str(n["name"]) for n in items}
    assert "Calf (gastrocnemius)" in names, sorted(names)
    assert len(read_twice) >= len(items)
