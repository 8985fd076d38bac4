"""No display, or Qt's X11 plugin missing a library: a clear word and exit 2, never Qt's abort."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide.cli import main
from guide.ui.shell import display_check

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    return {**env, **extra}


@pytest.mark.parametrize("args", [[], ["start", "cramp-calf"], ["--background"]])
def test_without_a_display_the_window_commands_say_so(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "guide", *args], env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "there is no graphical display here" in done.stderr
    for command in ("validate", "list", "plan", "reminder", "desktop"):
        assert command in done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr
    assert "qt.qpa" not in done.stderr  # Qt never started


def test_without_a_display_the_other_commands_work() -> None:
    done = subprocess.run([sys.executable, "-m", "guide", "list", "routines"], env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "bedtime" in done.stdout


def test_xcb_asked_for_without_display_says_so() -> None:
    assert display_check.problem({"QT_QPA_PLATFORM": "xcb"}) == display_check.no_display_message()


@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"},
                                 {"WAYLAND_DISPLAY": "wayland-0"},
                                 {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}])
def test_no_library_check_where_qt_does_not_start_with_xcb(
        env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display_check, "missing_xcb_libraries",
                        lambda: pytest.fail("xcb is not used here"))
    assert display_check.problem(env) is None


def test_the_installed_xcb_plugin_loads() -> None:
    assert display_check.xcb_plugin() is not None
    assert display_check.problem({"DISPLAY": ":0"}) is None  # every library is installed here


LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f74)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f74)
\tlibxcb-keysyms.so.1 => not found
"""


def test_missing_xcb_libraries_name_the_packages(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for name in NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(display_check, "_load_error", lambda _plugin: (
        "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"))
    monkeypatch.setattr(display_check, "_ldd", lambda _plugin: LDD_OUTPUT)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1." in err
    assert "    sudo apt install libxcb-icccm4 libxcb-keysyms1\n" in err
    assert "    sudo dnf install xcb-util-wm xcb-util-keysyms\n" in err
    assert "validate, list, plan, reminder and desktop" in err


def test_without_ldd_the_loader_names_the_first_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display_check, "_load_error", lambda _plugin: (
        "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"))
    monkeypatch.setattr(display_check, "_ldd", lambda _plugin: "")
    assert display_check.missing_xcb_libraries() == ["libxcb-icccm.so.4"]


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd (Debian's libc-bin)")
def test_a_plugin_that_needs_an_absent_library_is_caught(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A real load failure: a copy of the plugin whose icccm library is renamed to one that no
    system has (same length, so the ELF stays valid), next to the real Qt libraries."""
    real = display_check.xcb_plugin()
    assert real is not None
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (tmp_path / "Qt" / "lib").symlink_to(real.parents[2] / "lib")  # RUNPATH $ORIGIN/../../lib
    fake = platforms / "libqxcb.so"
    data = real.read_bytes()
    assert data.count(b"libxcb-icccm.so.4\0") == 1
    fake.write_bytes(data.replace(b"libxcb-icccm.so.4\0", b"libxcb-icccz.so.4\0"))
    monkeypatch.setattr(display_check, "xcb_plugin", lambda: fake)
    assert display_check.missing_xcb_libraries() == ["libxcb-icccz.so.4"]
    message = display_check.problem({"DISPLAY": ":0"})
    assert message is not None
    assert "Install the packages that provide: libxcb-icccz.so.4." in message
    assert "Traceback" not in message
