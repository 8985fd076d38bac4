"""Settings survive: atomic writes, and a damaged or unreadable file never stops the app."""

import os
from pathlib import Path

import pytest

from guide.core.store import settings
from guide.core.store.settings import Reminder, Settings


def test_missing_file_gives_defaults_without_a_message() -> None:
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert loaded.message is None
    assert loaded.settings.reminder.routine == "bedtime"
    assert loaded.settings.reminder.days == [0, 1, 2, 3, 4, 5, 6]


def test_round_trip_in_the_config_folder(tmp_path: Path) -> None:
    original = Settings(volume=0.3, voice=False, reminder=Reminder(
        enabled=True, time="21:45", days=[0, 2, 4], routine="bedtime-seated",
        snooze_minutes=5, last_fired="2026-03-29T21:45:00+02:00"))
    settings.save(original)
    path = tmp_path / "config" / "stretch-guide" / "settings.json"
    assert settings.settings_path() == path and path.is_file()
    loaded = settings.load()
    assert loaded.settings == original
    assert loaded.message is None


def test_atomic_write_leaves_no_temporary_files() -> None:
    for volume in (0.1, 0.2, 0.3):
        settings.save(Settings(volume=volume))
    folder = settings.settings_path().parent
    assert sorted(p.name for p in folder.iterdir()) == ["settings.json"]


def test_failed_write_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.save(Settings(volume=0.5))
    path = settings.settings_path()
    before = path.read_bytes()

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        settings.save(Settings(volume=0.9))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


@pytest.mark.parametrize("content", [
    b"{ not json",
    b"",
    b'{"reminder": {"days": [9]}}',
    b'{"volume": "loud"}',
    b"\xff\xfe\x00garbage",
])
def test_corrupt_file_is_moved_aside_with_a_message(content: bytes) -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert loaded.message is not None and "damaged" in loaded.message
    aside = [p for p in path.parent.iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert aside[0].name in loaded.message
    assert not path.exists()
    # Told once: the next start finds no file and says nothing.
    assert settings.load().message is None


def test_unknown_keys_from_a_newer_version_are_tolerated() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"volume": 0.4, "future_option": true, "reminder": {"later": 1}}')
    loaded = settings.load()
    assert loaded.message is None
    assert loaded.settings.volume == 0.4


def test_unreadable_file_gives_defaults_and_a_message() -> None:
    # A folder where the file should be cannot be read, even by root (chmod would not stop it).
    path = settings.settings_path()
    path.mkdir(parents=True)
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert loaded.message is not None and "Could not read" in loaded.message
    assert path.is_dir()  # not moved: it may be a permissions problem the user can fix
