"""The history of played sessions: one sqlite file in the data folder.

Every write is one transaction, so a killed process leaves either the whole record or none.
Nothing here raises to the UI: a damaged database is renamed aside (kept, under a unique name) and
a fresh one started; a row or queued line with a value out of range is left out (queued lines are
kept aside) and the user told once; a locked one (another instance writing) gets the record
appended to a small JSON-lines queue next to it, merged on the next successful write. Messages
for the user collect in :attr:`History.messages`.
"""

import datetime as dt
import fcntl
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from guide.core.i18n import ntr, tr
from guide.core.store import paths
from guide.core.store.files import describe_error, keep_aside, move_aside, same_file
from guide.core.store.pending import PendingQueue
from guide.core.store.records import (
    COLUMNS,
    Feeling,
    PlayedSession,
    Record,
    record_from_json,
    record_from_row,
    record_to_json,
    streak_of,
)

__all__ = ["Feeling", "History", "PlayedSession", "Record", "history_path"]

FILE_NAME = "history.sqlite3"
SCHEMA_VERSION = 2

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    routine TEXT NOT NULL,
    routine_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    started REAL NOT NULL,
    local_start TEXT NOT NULL,
    duration REAL NOT NULL,
    holds INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    stopped_at INTEGER,
    stopped_name TEXT,
    feeling TEXT
);
CREATE INDEX IF NOT EXISTS sessions_local_start ON sessions(local_start);
"""
# Version 2 adds the cramp diary (guide.core.store.diary): one row per night, keyed by its date.
_DIARY_SCHEMA = """
CREATE TABLE IF NOT EXISTS diary (
    night TEXT PRIMARY KEY,
    cramps INTEGER NOT NULL,
    severity INTEGER NOT NULL,
    places TEXT NOT NULL,
    note TEXT NOT NULL,
    logged TEXT NOT NULL
);
"""
# What takes a database from the version before each key to that version.
_MIGRATIONS = {1: _SCHEMA, 2: _DIARY_SCHEMA}


def history_path() -> Path:
    return paths.data_dir() / FILE_NAME


class History:
    def __init__(self, path: Path | None = None, timeout: float = 2.0) -> None:
        self.path = path or history_path()
        self.queue_path = self.path.with_name(self.path.name + ".pending.jsonl")
        self.queue = PendingQueue(self.queue_path, _valid_op)
        self.timeout = timeout
        self.messages: list[str] = []

    # -- writing ----------------------------------------------------------------------------

    def record(self, summary: PlayedSession | Record) -> str:
        """Store a session; returns its id for :meth:`set_feeling`. Never raises."""
        record = summary if isinstance(summary, Record) else Record.from_summary(summary)
        op = {"op": "record", **record_to_json(record)}
        if self._write([op]) is None:
            self._queue(op)
        return record.uid

    def set_feeling(self, session_id: str, feeling: Feeling | str) -> bool:
        op = {"op": "feeling", "uid": session_id, "feeling": str(Feeling(feeling))}
        if self._write([op]) is None:
            self._queue(op)
            return False
        return True

    # -- reading ----------------------------------------------------------------------------

    def sessions(self, limit: int | None = None) -> list[Record]:
        """Newest first; records still waiting in the queue are included."""
        sql = f"SELECT rowid, {', '.join(COLUMNS)} FROM sessions ORDER BY started DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        bad: list[tuple[Any, ...]] = []

        def read(db: sqlite3.Connection) -> list[Record]:
            bad.clear()
            out = []
            for row in db.execute(sql):
                try:
                    out.append(record_from_row(row[1:]))
                except (TypeError, ValueError, OverflowError):
                    bad.append(row)
            return out

        self._write([])  # merges any queued records first
        told = list(self.messages)
        stored = self._run(read)
        writable = stored is not None
        if stored is None and self.path.is_file():
            stored = self._read_only(read)
            if stored is not None:  # readable after all: say that, not the failure
                self.messages = told
                self._note(tr("The history is read-only here; new sessions cannot be saved."))
        if bad:
            self._set_rows_aside(bad, writable)
        pending = self._pending_records()
        known = {r.uid for r in stored or []}
        merged = (stored or []) + [r for r in pending if r.uid not in known]
        merged.sort(key=lambda r: r.started, reverse=True)
        return merged[:limit] if limit is not None else merged

    def _set_rows_aside(self, rows: list[tuple[Any, ...]], writable: bool) -> None:
        """Rows with values that cannot be right: kept in a file next to the history, taken
        out of it, and the user told once (only told, while the history is read-only)."""
        lines = b"".join(json.dumps(dict(zip(COLUMNS, row[1:], strict=True)), default=repr,
                                    ensure_ascii=False).encode() + b"\n" for row in rows)
        aside = keep_aside(self.path, lines) if writable else None
        if aside is None:
            self._note(ntr("{n} session in the history has values that cannot be right; "
                           "it is not shown.",
                           "{n} sessions in the history have values that cannot be right; "
                           "they are not shown.", len(rows)).format(n=len(rows)))
            return
        ids = [(row[0],) for row in rows]

        def delete(db: sqlite3.Connection) -> bool:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM sessions WHERE rowid = ?", ids)
            db.execute("COMMIT")
            return True

        self._run(delete)
        self._note(ntr("{n} session in the history had values that cannot be right; it was "
                       "kept as {name} and left out.",
                       "{n} sessions in the history had values that cannot be right; they "
                       "were kept as {name} and left out.", len(rows)).format(
                           n=len(rows), name=aside.name))

    def streak(self, today: dt.date, sessions: list[Record] | None = None) -> int:
        """Days in a row, up to today, with a routine completed (today may still be to come).

        ``sessions``: the list the caller has just read, to spare reading it again."""
        records = self.sessions() if sessions is None else sessions
        return streak_of({r.day for r in records if r.completed}, today)

    def bedtime_streak(self, today: dt.date, sessions: list[Record] | None = None) -> int:
        """Evenings in a row with the bedtime routine completed."""
        records = self.sessions() if sessions is None else sessions
        return streak_of({r.night for r in records if r.completed and r.kind == "bedtime"},
                         today)

    def use(self, action: Callable[[sqlite3.Connection], T], busy: str) -> T | None:
        """Run ``action`` on the (migrated) database for another store in the same file, such
        as the diary; None when it could not, with ``busy`` or the problem in :attr:`messages`."""
        return self._run(action, busy)

    def take_messages(self) -> list[str]:
        out, self.messages = self.messages, []
        return out

    # -- inside -----------------------------------------------------------------------------

    def _read_only(self, action: Callable[[sqlite3.Connection], T]) -> T | None:
        """Read a history we may not write (a read-only data folder or file)."""
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        for extra in ("", "&immutable=1"):  # immutable: no -shm can be created next to it
            try:
                with closing(sqlite3.connect(uri + extra, uri=True, timeout=self.timeout)) as db:
                    result = action(db)
            except sqlite3.Error:
                continue
            return result
        return None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=self.timeout,
                                     isolation_level=None)) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                # Nothing is written to a damaged file (a random header can read as an old
                # version): another process may be setting it aside to keep it as it was.
                if version < 0 or db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("database disk image is malformed")
                db.execute("PRAGMA journal_mode=WAL")
                steps = "".join(sql for to, sql in sorted(_MIGRATIONS.items()) if to > version)
                db.executescript(f"BEGIN; {steps} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")
            yield db

    def _run(self, action: Callable[[sqlite3.Connection], T], busy: str | None = None
             ) -> T | None:
        """Run ``action``; on a damaged file move it aside and retry once on a fresh one."""
        for attempt in range(3):
            try:
                found = os.stat(self.path)
            except OSError:
                found = None
            try:
                with self._connect() as db:
                    return action(db)
            except sqlite3.Error as exc:
                if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                    self._note(busy or tr("The history is in use by another window; "
                                          "this session is kept and will be saved later."))
                    return None
                if attempt < 2 and _is_damaged(exc) and found is not None:
                    self._set_aside(exc, found)
                    continue
                self._note(tr("Could not use the history ({error}).").format(error=exc))
                return None
            except OSError as exc:
                self._note(tr("Could not use the history ({error}).").format(
                    error=describe_error(exc)))
                return None
        return None

    def _write(self, ops: list[dict[str, Any]]) -> bool | None:
        """Apply queued then new operations in one transaction; None when it could not.

        The queue stays locked meanwhile, so a line another process appends is never cleared
        unapplied; lines that cannot be applied are kept aside, never replayed forever.
        """
        fd = self.queue.open_locked()
        try:
            queued, bad = self.queue.parse(fd)
            todo = queued + ops
            done = self._run(lambda db: _apply_all(db, todo)) if todo else True
            if done and fd is not None and (queued or bad):
                # Safe to repeat if we die before this: records are keyed by uid.
                self._keep_bad_lines(bad)
                with suppress(OSError):
                    self.queue_path.unlink()  # while locked: an appender waiting re-opens
            return done
        finally:
            if fd is not None:
                os.close(fd)  # releases the lock

    def _keep_bad_lines(self, bad: list[bytes]) -> None:
        if not bad:
            return
        aside = keep_aside(self.queue_path, b"\n".join(bad) + b"\n")
        if aside is None:
            self._note(ntr("{n} damaged line waiting to be saved in the history was dropped.",
                           "{n} damaged lines waiting to be saved in the history were dropped.",
                           len(bad)).format(n=len(bad)))
        else:
            self._note(ntr("{n} damaged line waiting to be saved in the history was kept as "
                           "{name}.",
                           "{n} damaged lines waiting to be saved in the history were kept "
                           "as {name}.", len(bad)).format(n=len(bad), name=aside.name))

    def _queue(self, op: dict[str, Any]) -> None:
        try:
            self.queue.append(op)
        except OSError as exc:
            self._note(tr("This session could not be saved ({error}).").format(
                error=describe_error(exc)))

    def _pending_records(self) -> list[Record]:
        fd = self.queue.open_locked()
        try:
            ops, _bad = self.queue.parse(fd)
        finally:
            if fd is not None:
                os.close(fd)
        return [record_from_json(op) for op in ops if op["op"] == "record"]

    def _set_aside(self, error: Exception, found: os.stat_result) -> None:
        """Keep the damaged file under a unique name and start a fresh one, under a lock.

        Another process may meet the same damage at the same moment: the lock makes one of
        them set it aside and create the fresh file; the other then finds a different (or a
        healthy) file and simply uses it.
        """
        lock = self._lock_aside()
        try:
            if not same_file(self.path, found) or self._opens():
                return
            for suffix in ("-wal", "-shm"):  # the damaged file's own, before anyone reopens
                move_aside(self.path.with_name(self.path.name + suffix))
            aside = move_aside(self.path, expect=found)
            if aside is None:
                self._note(tr("The history file is damaged and could not be moved aside."))
                return
            with suppress(sqlite3.Error, OSError), self._connect():
                pass  # the fresh history, made before the lock is released
        finally:
            if lock is not None:
                os.close(lock)
        self._note(tr("The history file was damaged ({error}); it was kept as {name} "
                      "and a new history was started.").format(error=error, name=aside.name))

    def _lock_aside(self) -> int | None:
        try:
            fd = os.open(self.path.with_name(self.path.name + ".lock"),
                         os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            os.close(fd)
            return None
        return fd

    def _opens(self) -> bool:
        """Whether the file at the path reads as a history now (it may have just been made)."""
        try:
            with closing(sqlite3.connect(self.path, timeout=self.timeout)) as db:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                version: int = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as exc:
            return not _is_damaged(exc)
        return version >= 0  # as _connect reads it

    def _note(self, message: str) -> None:
        if message not in self.messages:
            self.messages.append(message)


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_damaged(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(words in text for words in ("malformed", "not a database", "disk image",
                                           "file is encrypted"))


def _valid_op(op: Any) -> bool:
    """A queue line we can apply: anything else (a hand-edited or cut line) is kept aside."""
    if not isinstance(op, dict):
        return False
    if op.get("op") == "feeling":
        return isinstance(op.get("uid"), str) and op.get("feeling") in set(Feeling)
    if op.get("op") == "record":
        try:
            record_from_json(op)
        except (TypeError, ValueError, KeyError, OverflowError):
            return False
        return True
    return False


def _apply_all(db: sqlite3.Connection, ops: list[dict[str, Any]]) -> bool:
    db.execute("BEGIN IMMEDIATE")
    try:
        for op in ops:
            _apply(db, op)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def _apply(db: sqlite3.Connection, op: dict[str, Any]) -> None:
    if op["op"] == "record":
        record = record_from_json(op)
        values = [getattr(record, c) for c in COLUMNS]
        db.execute(f"INSERT OR IGNORE INTO sessions ({', '.join(COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(COLUMNS))})", values)
    elif op["op"] == "feeling":
        db.execute("UPDATE sessions SET feeling = ? WHERE uid = ?", (op["feeling"], op["uid"]))



