"""A damaged, poisoned or read-only history never loses what it was told and never breaks."""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.core.routine.session import Summary
from guide.core.store.history import History

ROOT = Path(__file__).resolve().parents[3]


def summary(day: int, kind: str = "custom") -> Summary:
    started = dt.datetime(2026, 3, day, 21, 30).timestamp()
    return Summary(routine="r", routine_name="R", routine_kind=kind, started=started,
                   duration=200.0, holds=12, completed=True, stopped_at=None, stopped_name=None)


def stored_uids(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT uid FROM sessions")}


_WRITER = textwrap.dedent("""
    import datetime as dt, sys, time
    from pathlib import Path
    from guide.core.routine.session import Summary
    from guide.core.store.history import History
    path, start_at, day = Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    history = History(path)
    while time.time() < start_at:
        pass
    started = dt.datetime(2026, 3, day, 21, 30).timestamp()
    uid = history.record(Summary(routine="r", routine_name="R", routine_kind="custom",
        started=started, duration=1.0, holds=1, completed=True, stopped_at=None,
        stopped_name=None))
    print(uid, *history.take_messages(), sep="\\n")
""")


def test_two_processes_meeting_the_same_damage_keep_every_copy(tmp_path: Path) -> None:
    """Both set the damaged file aside in the same second: nothing is overwritten or lost."""
    import time

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for trial in range(12):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        path = folder / "history.sqlite3"
        damaged = b"SQLite format 3\x00" + os.urandom(4000)
        path.write_bytes(damaged)
        start_at = time.time() + 0.4
        procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(start_at),
                                   str(day)], stdout=subprocess.PIPE, text=True, env=env)
                 for day in (1, 2)]
        uids = [p.communicate(timeout=30)[0].splitlines()[0] for p in procs]
        aside = [p for p in folder.iterdir() if ".corrupt-" in p.name and
                 not any(f"{s}.corrupt-" in p.name for s in ("-wal", "-shm"))]
        assert [p.read_bytes() for p in aside] == [damaged], f"trial {trial}"
        assert stored_uids(path) | _queued(path) >= set(uids), f"trial {trial}"


def _queued(path: Path) -> set[str]:
    queue = path.with_name(path.name + ".pending.jsonl")
    if not queue.exists():
        return set()
    return {json.loads(line)["uid"] for line in queue.read_text().splitlines() if line}


@pytest.mark.parametrize("poison", [
    {"op": "record", "uid": "x1", "routine": "r"},  # columns missing: NOT NULL fails
    {"op": "record", "uid": "x2", "routine": "r", "routine_name": "R", "kind": "custom",
     "started": 1e300, "local_start": "2026-03-01T21:30:00", "duration": 1.0, "holds": 1,
     "completed": True},  # a start far beyond any calendar
    {"op": "record", "uid": "x3", "routine": "r", "routine_name": "R", "kind": "custom",
     "started": 1.0e9, "local_start": "2026-03-01T21:30:00", "duration": 1.0,
     "holds": "many", "completed": True},
])
def test_a_poisoned_queue_line_blocks_nothing(tmp_path: Path, poison: dict[str, object]) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    history.record(summary(1))
    history.queue_path.write_text(json.dumps(poison) + "\n")
    uid = history.record(summary(2))
    assert uid in stored_uids(path)  # written at once, not queued behind the bad line
    assert [s.day.day for s in History(path).sessions()] == [2, 1]
    messages = history.take_messages()
    assert len(messages) == 1 and "damaged" in messages[0]
    [kept] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert json.loads(kept.read_text()) == poison
    assert not history.queue_path.exists()
    history.record(summary(3))
    assert history.take_messages() == []  # told once


@pytest.mark.parametrize(("column", "value"), [
    ("local_start", "not a date"), ("started", "x"), ("completed", 7), ("holds", -5),
    ("feeling", "ecstatic"),
])
def test_a_bad_row_does_not_break_the_history_page(tmp_path: Path, column: str,
                                                   value: object) -> None:
    path = tmp_path / "history.sqlite3"
    history = History(path)
    bad = history.record(summary(1))
    history.record(summary(2))
    with sqlite3.connect(path) as db:
        db.execute(f"UPDATE sessions SET {column} = ? WHERE uid = ?", (value, bad))
    today = dt.date(2026, 3, 2)
    assert [s.day.day for s in history.sessions()] == [2]
    assert history.streak(today) == 1
    assert history.bedtime_streak(today) == 0
    [message] = history.take_messages()
    assert "cannot be right" in message
    [kept] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert kept.name in message
    assert json.loads(kept.read_text())["uid"] == bad  # the row is kept, out of the history
    history.record(summary(3))  # later writes still work
    assert [s.day.day for s in History(path).sessions()] == [3, 2]
    assert history.take_messages() == []  # told once


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="stretch-guide-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_data_folder_still_shows_the_sessions(shared_folder: Path) -> None:
    path = shared_folder / "history.sqlite3"
    history = History(path)
    for day in (1, 2, 3):
        history.record(summary(day))
    path.chmod(0o644)
    code = ("import sys; from pathlib import Path; from guide.core.store.history import History;"
            "h = History(Path(sys.argv[1])); print(len(h.sessions())); "
            "print(*h.take_messages(), sep='\\n')")
    # The other user may not reach the checkout or its venv (a private clone folder): it runs
    # the base interpreter on a copy of the package (the history needs nothing outside it).
    code_dir = shared_folder / "code"
    shutil.copytree(ROOT / "guide", code_dir / "guide", ignore=shutil.ignore_patterns("data"))
    command = [sys._base_executable, "-c", code, str(path)]
    if os.geteuid() == 0:  # root writes anywhere: read as nobody instead
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    else:
        shared_folder.chmod(0o555)
    out = subprocess.run(command, capture_output=True, text=True, timeout=30, cwd="/",
                         env={**os.environ, "PYTHONPATH": str(code_dir)}, check=True).stdout
    shared_folder.chmod(0o755)
    count, *messages = out.splitlines()
    assert count == "3"
    assert messages == ["The history is read-only here; new sessions cannot be saved."]


def test_a_file_whose_version_reads_as_nonsense_is_kept_as_it_was(tmp_path: Path) -> None:
    """A damaged header can read as an old version: upgrading it would write into the file
    another process may be keeping aside. It is set aside untouched, and a new history begun."""
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = -7")
    before = path.read_bytes()
    history = History(path)
    uid = history.record(summary(1))
    assert uid in stored_uids(path)
    [kept] = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert kept.read_bytes() == before
    assert "damaged" in history.take_messages()[0]
