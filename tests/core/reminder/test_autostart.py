"""Start at login on Linux: an XDG autostart entry that runs `stretch-guide --background`."""

import configparser
import shlex
import sys
from pathlib import Path

import pytest

from guide import DESKTOP_ID
from guide.core.reminder import autostart
from guide.core.store import launcher


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(path)
    return dict(parser["Desktop Entry"])


@pytest.fixture(autouse=True)
def _linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")


def test_honours_xdg_config_home(tmp_path: Path) -> None:
    assert autostart.desktop_file() == tmp_path / "config" / "autostart" / "stretch-guide.desktop"
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    assert autostart.desktop_file().is_file()


def test_entry_runs_the_installed_script_in_the_background(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = tmp_path / "bin" / "stretch-guide"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script)])  # started as this installation's script
    autostart.set_enabled(True)
    entry = read_entry(autostart.desktop_file())
    assert entry["Type"] == "Application"
    assert entry["Exec"] == f"{script} --background"
    assert entry["Icon"] == DESKTOP_ID  # the menu entry's icon
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Name"] == "Stretch Guide"


def test_without_a_script_it_runs_the_module(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "argv", ["/opt/my python/lib/guide/__main__.py"])
    monkeypatch.setattr(launcher, "_scripts_dir", lambda: tmp_path / "empty")
    monkeypatch.setattr(sys, "executable", "/opt/my python/bin/python3")
    autostart.set_enabled(True)
    exec_line = read_entry(autostart.desktop_file())["Exec"]
    # The spec's quoting: the path with a space is quoted; backslashes are doubled in the file.
    assert exec_line == '"/opt/my python/bin/python3" -m guide --background'
    assert shlex.split(exec_line) == ["/opt/my python/bin/python3", "-m", "guide", "--background"]


def test_off_removes_the_entry_and_is_idempotent() -> None:
    autostart.set_enabled(True)
    autostart.set_enabled(False)
    assert not autostart.desktop_file().exists()
    assert not autostart.is_enabled()
    autostart.set_enabled(False)  # already off: no error
    folder = autostart.desktop_file().parent
    assert list(folder.iterdir()) == []  # no temporary files left either
