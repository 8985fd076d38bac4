"""Desktop integration: one reverse-DNS id everywhere, valid AppStream and desktop files, and
`stretch-guide desktop install|uninstall` writing a working menu entry for this installation."""

import argparse
import configparser
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guide import DESKTOP_ID, __version__
from guide.cli import main
from guide.core.reminder import autostart
from guide.core.store import launcher

ROOT = Path(__file__).resolve().parents[2]
MEDIA = ROOT / "media"
DESKTOP = MEDIA / f"{DESKTOP_ID}.desktop"
METAINFO = MEDIA / f"{DESKTOP_ID}.metainfo.xml"
TOOLS = {"appstreamcli": "appstream", "desktop-file-validate": "desktop-file-utils"}


def tool(name: str) -> str:
    """The tool's path; skip only where it is genuinely absent (.ci/run installs it)."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is missing; install Debian's {TOOLS[name]}"
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: " + message)
        pytest.skip(message)
    return found


def read_desktop(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def test_appstream_metainfo_validates() -> None:
    done = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_shipped_desktop_entry_validates() -> None:
    done = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_one_id_for_entry_metainfo_and_icons() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    assert root.findtext("icon") == DESKTOP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("content_rating").get("type", "").startswith("oars-")  # type: ignore[union-attr]
    assert read_desktop(DESKTOP)["Desktop Entry"]["Icon"] == DESKTOP_ID
    sizes = {p.parts[-3] for p in (MEDIA / "icons" / "hicolor").glob(f"*/apps/{DESKTOP_ID}.png")}
    assert {"48x48", "256x256"} <= sizes


def test_metainfo_lists_this_version_and_real_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    versions = [r.get("version") for r in root.iter("release")]
    assert "0.1.0" in versions and __version__ in versions
    images = [i.text or "" for i in root.iter("image")]
    assert images
    for url in images:
        assert url.startswith("https://")
        assert (MEDIA / "screenshots" / url.rsplit("/", 1)[-1]).is_file(), url


def test_the_app_names_its_desktop_file(qapp: object) -> None:
    from PySide6.QtGui import QGuiApplication

    from guide.ui.shell.app import run_app

    args = argparse.Namespace(command=None, routine=None, exit_after_startup=True,
                              background=False)
    assert run_app(args) == 0
    assert QGuiApplication.desktopFileName() == DESKTOP_ID


def _stretch_guide() -> list[str]:
    """This environment's script, as a user runs it (falls back to the module)."""
    script = launcher.script()
    return [str(script)] if script else [sys.executable, "-m", "guide"]


def test_desktop_install_writes_a_working_entry_and_uninstall_removes_it(
        tmp_path: Path) -> None:
    data = tmp_path / "xdg-data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    legacy = data / "applications" / "stretch-guide.desktop"  # copied by hand from 0.1.0
    legacy.parent.mkdir(parents=True)
    legacy.write_text(DESKTOP.read_text(encoding="utf-8").replace(DESKTOP_ID, "stretch-guide"))

    done = subprocess.run([*_stretch_guide(), "desktop", "install"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    entry_file = data / "applications" / f"{DESKTOP_ID}.desktop"
    written = [Path(line.split(" ", 1)[1]) for line in done.stdout.splitlines()
               if line.startswith("wrote ")]
    assert entry_file in written
    assert data / "metainfo" / f"{DESKTOP_ID}.metainfo.xml" in written
    assert data / "icons" / "hicolor" / "48x48" / "apps" / f"{DESKTOP_ID}.png" in written
    assert data / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg" in written
    assert all(p.is_file() for p in written)
    assert f"removed {legacy}" in done.stdout and not legacy.exists()

    check = subprocess.run([tool("desktop-file-validate"), str(entry_file)],
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    entry = read_desktop(entry_file)
    main_exec = shlex.split(entry["Desktop Entry"]["Exec"])
    program = Path(main_exec[0])
    assert program.is_absolute() and os.access(program, os.X_OK)
    assert entry["Desktop Entry"]["TryExec"] == str(program)
    assert shlex.split(entry["Desktop Action calf-cramp"]["Exec"])[-2:] == ["start", "cramp-calf"]
    assert entry["Desktop Action bedtime"]["Name"] == "Bedtime routine"
    version = subprocess.run([*main_exec, "--version"], capture_output=True, text=True,
                             timeout=60, cwd="/")
    assert version.stdout.strip() == f"stretch-guide {__version__}"

    done = subprocess.run([*_stretch_guide(), "desktop", "uninstall"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.splitlines()) == sorted(f"removed {p}" for p in written)
    assert not [p for p in data.rglob("*") if p.is_file()]


def test_autostart_starts_the_same_program_with_the_same_icon(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["desktop", "install"]) == 0
    capsys.readouterr()
    autostart.set_enabled(True)
    menu = read_desktop(Path(os.environ["XDG_DATA_HOME"]) / "applications"
                        / f"{DESKTOP_ID}.desktop")["Desktop Entry"]
    login = read_desktop(autostart.desktop_file())["Desktop Entry"]
    assert login["Icon"] == menu["Icon"] == DESKTOP_ID
    assert shlex.split(login["Exec"]) == [*shlex.split(menu["Exec"]), "--background"]
