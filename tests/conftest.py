"""Shared test set-up: no display needed, and every test gets its own config and data folders."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["STRETCH_GUIDE_TTS_ENGINE"] = "mock"

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # English unless a test asks for another language (the machine's locale must not leak in).
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    from guide.core import i18n

    i18n.set_language(None)


@pytest.fixture
def user_exercises(tmp_path: Path) -> Path:
    """The user's content folder for this test (laid out like exercises/)."""
    folder = tmp_path / "data" / "stretch-guide" / "exercises"
    (folder / "stretches").mkdir(parents=True)
    (folder / "routines").mkdir(parents=True)
    return folder


MY_CALF = """\
id: my-calf
name: My calf stretch
summary: A gentle calf stretch.
muscles:
  primary: [gastrocnemius]
position: [standing]
hold: 20
steps:
  - text: Stand facing a wall.
sources:
  - title: Leg cramps
    publisher: NHS
    url: https://www.nhs.uk/conditions/leg-cramps/
"""


@pytest.fixture
def my_calf() -> str:
    """A small valid stretch file of the user's (id my-calf), for tests that need one."""
    return MY_CALF
