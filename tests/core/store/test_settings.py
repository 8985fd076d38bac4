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


@pytest.mark.parametrize(("reminder", "why"), [
    ({"paused_until": "9999-12-31T23:59:59+00:00"}, "year 9999 overflows the next occurrence"),
    ({"snoozed_until": "0001-01-01T00:30:00+01:00"}, "near year 1 overflows in UTC"),
    ({"last_fired": "yesterday"}, "not an instant"),
    ({"grace_minutes": 10**12}, "overflows a timedelta"),
    ({"snooze_minutes": 0}, "a snooze of nothing"),
    ({"time": "99:99"}, "shown as on, never fires"),
    ({"time": "22:60"}, "no such minute"),
])
def test_values_out_of_range_are_set_aside_like_damage(reminder: dict[str, object],
                                                       why: str) -> None:
    import json

    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"volume": 0.3, "reminder": {"enabled": True, **reminder}}))
    loaded = settings.load()
    assert loaded.settings == Settings(), why
    assert loaded.message is not None and "damaged" in loaded.message
    assert "out of range" in loaded.message
    [aside] = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert json.loads(aside.read_text())["reminder"] == {"enabled": True, **reminder}
    assert settings.load().message is None  # told once


def test_a_file_nested_100000_deep_is_set_aside() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("[" * 100_000 + "]" * 100_000)
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert loaded.message is not None and "damaged" in loaded.message
    assert not path.exists()
    assert settings.load().message is None


def test_a_fifo_named_settings_json_does_not_hang() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)  # a blocking open would wait for a writer that never comes
    loaded = settings.load()
    assert loaded.settings == Settings()
    assert loaded.message is not None and "damaged" in loaded.message
    assert not path.exists()


def test_same_second_damage_keeps_every_copy() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    for n in range(5):
        path.write_text("{ damaged " + str(n))
        assert "damaged" in (settings.load().message or "")
    kept = sorted(p.read_text() for p in path.parent.iterdir() if ".corrupt-" in p.name)
    assert kept == ["{ damaged " + str(n) for n in range(5)]
