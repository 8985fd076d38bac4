"""The session history: sqlite in the data folder, never lost, never raising."""

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from guide.core.routine.session import Summary
from guide.core.store.history import Feeling, History, Record, history_path


def summary(started: dt.datetime, kind: str = "custom", completed: bool = True,
            routine: str = "r") -> Summary:
    return Summary(routine=routine, routine_name=routine.title(), routine_kind=kind,
                   started=started.timestamp(), duration=200.0, holds=12, completed=completed,
                   stopped_at=None if completed else 3, stopped_name=None if completed else "Calf")


def at(day: int, hour: int = 21, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 30)


def test_lives_in_the_data_folder(tmp_path: Path) -> None:
    assert history_path() == tmp_path / "data" / "stretch-guide" / "history.sqlite3"


def test_record_and_read_back(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    first = history.record(summary(at(1)))
    history.record(summary(at(2), completed=False))
    sessions = history.sessions()
    assert [s.day for s in sessions] == [dt.date(2026, 3, 2), dt.date(2026, 3, 1)]
    assert sessions[0].stopped_at == 3 and sessions[0].stopped_name == "Calf"
    assert not sessions[0].completed and sessions[1].completed
    assert sessions[1].holds == 12 and sessions[1].duration == 200.0
    assert history.set_feeling(first, Feeling.GOOD)
    assert history.sessions()[1].feeling == "good"
    assert history.messages == []
    mode = sqlite3.connect(tmp_path / "h.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_streaks(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    for day in (1, 3, 4, 5):
        history.record(summary(at(day)))
    history.record(summary(at(2), completed=False))  # stopped: does not count
    assert history.streak(dt.date(2026, 3, 5)) == 3
    assert history.streak(dt.date(2026, 3, 6)) == 3  # today is not over yet
    assert history.streak(dt.date(2026, 3, 7)) == 0


def test_bedtime_streak_counts_late_nights_for_the_evening_before(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    history.record(summary(at(1, 22), kind="bedtime"))
    history.record(summary(at(3, 0), kind="bedtime"))  # 00:30 on the 3rd: the night of the 2nd
    history.record(summary(at(3, 23), kind="bedtime"))
    history.record(summary(at(4, 12), kind="desk"))
    assert history.bedtime_streak(dt.date(2026, 3, 3)) == 3
    assert history.bedtime_streak(dt.date(2026, 3, 4)) == 3
    assert history.streak(dt.date(2026, 3, 4)) == 2  # calendar days 1, 3, 4: the 2nd had none


def test_a_corrupt_file_is_kept_aside_and_a_new_history_started(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    history = History(path)
    assert history.sessions() == []
    history.record(summary(at(1)))
    assert len(history.sessions()) == 1
    aside = list(tmp_path.glob("h.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not sqlite")
    messages = history.take_messages()
    assert len(messages) == 1 and aside[0].name in messages[0]
    assert history.messages == []


def test_a_locked_database_queues_the_record_and_merges_it_later(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path, timeout=0.05)
    history.record(summary(at(1)))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    uid = history.record(summary(at(2)))
    assert not history.set_feeling(uid, "hard")
    assert history.queue_path.exists()
    assert history.messages  # the user is told once
    assert [s.day.day for s in history.sessions()] == [2, 1]  # shown while still queued
    blocker.execute("ROLLBACK")
    blocker.close()
    history.record(summary(at(3)))
    assert not history.queue_path.exists()
    sessions = History(path).sessions()
    assert [s.day.day for s in sessions] == [3, 2, 1]
    assert sessions[1].feeling == "hard"


def test_a_queue_merged_twice_does_not_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path)
    history.record(Record.from_summary(summary(at(1))))
    line = history.queue_path
    stored = history.sessions()[0]
    # A crash between the merge's commit and removing the queue leaves the line behind.
    fields = {k: getattr(stored, k) for k in ("uid", "routine", "routine_name", "kind", "started",
                                              "local_start", "duration", "holds", "completed")}
    line.write_text(json.dumps({"op": "record", **fields}) + "\n"
                    + "{broken json\n" + '{"op": "record", "uid": 5}\n')
    assert len(history.sessions()) == 1
    assert not line.exists()


def test_an_unwritable_folder_never_raises(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    history = History(blocked / "sub" / "h.sqlite3")
    history.record(summary(at(1)))
    assert history.sessions() == []
    assert history.streak(dt.date(2026, 3, 1)) == 0
    assert history.messages


def test_history_survives_a_killed_process(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    script = textwrap.dedent(f"""
        import os, signal, sqlite3, datetime as dt
        from pathlib import Path
        from guide.core.store.history import History
        from guide.core.routine.session import Summary
        history = History(Path({str(path)!r}))
        for day in (1, 2, 3):
            history.record(Summary("r", "R", "bedtime", dt.datetime(2026, 3, day, 22).timestamp(),
                                   60.0, 6, True, None, None))
        db = sqlite3.connect({str(path)!r}, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM sessions")
        db.execute("INSERT INTO sessions (uid, routine, routine_name, kind, started, local_start,"
                   " duration, holds, completed) VALUES ('x', 'r', 'R', 'k', 0, '2026-01-01T00:00',"
                   " 1, 1, 1)")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    result = subprocess.run([sys.executable, "-c", script], env=env, check=False)
    assert result.returncode == -signal.SIGKILL
    history = History(path)
    sessions = history.sessions()
    assert [s.day.day for s in sessions] == [3, 2, 1]
    assert history.bedtime_streak(dt.date(2026, 3, 3)) == 3
    history.record(summary(at(4)))
    assert len(history.sessions()) == 4
    assert history.messages == []


def test_bad_feeling_is_refused() -> None:
    with pytest.raises(ValueError):
        Feeling("meh")
