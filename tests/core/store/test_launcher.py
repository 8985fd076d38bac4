"""The Exec of menu and autostart entries starts this installation, not whatever is on PATH."""

import sys
from pathlib import Path

import pytest

from guide.core.store import launcher


def _script(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "stretch-guide"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return script


def test_started_as_the_script_uses_that_script(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pipx_link = _script(tmp_path / "home" / ".local" / "bin")
    monkeypatch.setattr(launcher, "_scripts_dir", lambda: _script(tmp_path / "venv" / "bin")
                        .parent)
    monkeypatch.setattr(sys, "argv", [str(pipx_link), "desktop", "install"])
    assert launcher.command("--background") == [str(pipx_link), "--background"]


def test_started_as_a_module_uses_its_environment_script(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    venv_script = _script(tmp_path / "venv" / "bin")
    monkeypatch.setenv("PATH", str(_script(tmp_path / "other").parent))  # another copy
    monkeypatch.setattr(launcher, "_scripts_dir", lambda: venv_script.parent)
    monkeypatch.setattr(sys, "argv", ["/src/guide/__main__.py"])
    assert launcher.command() == [str(venv_script)]


def test_without_a_script_it_runs_this_interpreter(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launcher, "_scripts_dir", lambda: tmp_path / "none")
    monkeypatch.setattr(sys, "argv", ["/src/guide/__main__.py"])
    assert launcher.command("start", "bedtime") == [sys.executable, "-m", "guide", "start",
                                                    "bedtime"]


def test_the_test_environment_has_its_script() -> None:
    script = launcher.script()
    assert script is not None and script.parent == Path(sys.executable).parent
