"""Desktop integration: one reverse-DNS id everywhere, valid AppStream and desktop files."""

import argparse
import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guide import DESKTOP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
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

    from guide.ui.app import run_app

    args = argparse.Namespace(command=None, routine=None, exit_after_startup=True,
                              background=False)
    assert run_app(args) == 0
    assert QGuiApplication.desktopFileName() == DESKTOP_ID
