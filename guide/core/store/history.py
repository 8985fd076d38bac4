"""The history of played sessions: one sqlite file in the data folder.

Every write is one transaction, so a killed process leaves either the whole record or none.
Nothing here raises to the UI: a damaged database is renamed aside (kept, with a timestamp) and a
fresh one started; a locked one (another instance writing) gets the record appended to a small
JSON-lines queue next to it, merged on the next successful write. Messages for the user collect
in :attr:`History.messages`.
"""

import datetime as dt
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from guide.core.i18n import tr
from guide.core.store import paths

FILE_NAME = "history.sqlite3"
SCHEMA_VERSION = 2
# A bedtime routine done after midnight but before this hour counts for the evening before.
BEDTIME_DAY_STARTS = 4

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


class PlayedSession(Protocol):
    """What a played session tells the history (the player's ``Summary`` has these fields)."""

    @property
    def routine(self) -> str: ...
    @property
    def routine_name(self) -> str: ...
    @property
    def routine_kind(self) -> str: ...
    @property
    def started(self) -> float: ...
    @property
    def duration(self) -> float: ...
    @property
    def holds(self) -> int: ...
    @property
    def completed(self) -> bool: ...
    @property
    def stopped_at(self) -> int | None: ...
    @property
    def stopped_name(self) -> str | None: ...


class Feeling(StrEnum):
    GOOD = "good"
    OK = "ok"
    HARD = "hard"


@dataclass(frozen=True)
class Record:
    uid: str
    routine: str
    routine_name: str
    kind: str
    started: float  # epoch seconds
    local_start: str  # ISO local time when it was recorded, e.g. 2026-03-29T22:30:05
    duration: float
    holds: int
    completed: bool
    stopped_at: int | None = None
    stopped_name: str | None = None
    feeling: str | None = None

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromisoformat(self.local_start).date()

    @property
    def night(self) -> dt.date:
        """The evening a bedtime session belongs to (00:30 counts for the day before)."""
        start = dt.datetime.fromisoformat(self.local_start)
        return (start - dt.timedelta(hours=BEDTIME_DAY_STARTS)).date()

    @classmethod
    def from_summary(cls, summary: PlayedSession) -> "Record":
        local = dt.datetime.fromtimestamp(summary.started).replace(microsecond=0)
        return cls(
            uid=uuid.uuid4().hex, routine=summary.routine, routine_name=summary.routine_name,
            kind=summary.routine_kind, started=summary.started, local_start=local.isoformat(),
            duration=round(summary.duration, 3), holds=summary.holds,
            completed=summary.completed, stopped_at=summary.stopped_at,
            stopped_name=summary.stopped_name,
        )


_COLUMNS = ("uid", "routine", "routine_name", "kind", "started", "local_start", "duration",
            "holds", "completed", "stopped_at", "stopped_name", "feeling")


def history_path() -> Path:
    return paths.data_dir() / FILE_NAME


class History:
    def __init__(self, path: Path | None = None, timeout: float = 2.0) -> None:
        self.path = path or history_path()
        self.queue_path = self.path.with_name(self.path.name + ".pending.jsonl")
        self.timeout = timeout
        self.messages: list[str] = []

    # -- writing ----------------------------------------------------------------------------

    def record(self, summary: PlayedSession | Record) -> str:
        """Store a session; returns its id for :meth:`set_feeling`. Never raises."""
        record = summary if isinstance(summary, Record) else Record.from_summary(summary)
        op = {"op": "record", **_record_to_json(record)}
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
        sql = f"SELECT {', '.join(_COLUMNS)} FROM sessions ORDER BY started DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"

        def read(db: sqlite3.Connection) -> list[Record]:
            return [_record_from_row(row) for row in db.execute(sql)]

        self._write([])  # merges any queued records first
        stored = self._run(read) or []
        pending = self._pending_records()
        known = {r.uid for r in stored}
        merged = stored + [r for r in pending if r.uid not in known]
        merged.sort(key=lambda r: r.started, reverse=True)
        return merged[:limit] if limit is not None else merged

    def streak(self, today: dt.date) -> int:
        """Days in a row, up to today, with a routine completed (today may still be to come)."""
        return _streak({r.day for r in self.sessions() if r.completed}, today)

    def bedtime_streak(self, today: dt.date) -> int:
        """Evenings in a row with the bedtime routine completed."""
        nights = {r.night for r in self.sessions() if r.completed and r.kind == "bedtime"}
        return _streak(nights, today)

    def use(self, action: Callable[[sqlite3.Connection], T], busy: str) -> T | None:
        """Run ``action`` on the (migrated) database for another store in the same file, such
        as the diary; None when it could not, with ``busy`` or the problem in :attr:`messages`."""
        return self._run(action, busy)

    def take_messages(self) -> list[str]:
        out, self.messages = self.messages, []
        return out

    # -- inside -----------------------------------------------------------------------------

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=self.timeout,
                                     isolation_level=None)) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                db.execute("PRAGMA journal_mode=WAL")
                steps = "".join(sql for to, sql in sorted(_MIGRATIONS.items()) if to > version)
                db.executescript(f"BEGIN; {steps} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")
            yield db

    def _run(self, action: Callable[[sqlite3.Connection], T], busy: str | None = None
             ) -> T | None:
        """Run ``action``; on a damaged file move it aside and retry once on a fresh one."""
        for attempt in range(2):
            try:
                with self._connect() as db:
                    return action(db)
            except sqlite3.Error as exc:
                if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                    self._note(busy or tr("The history is in use by another window; "
                                          "this session is kept and will be saved later."))
                    return None
                if attempt == 0 and _is_damaged(exc):
                    self._set_aside(exc)
                    continue
                self._note(tr("Could not use the history ({error}).").format(error=exc))
                return None
            except OSError as exc:
                self._note(tr("Could not use the history ({error}).").format(
                    error=exc.strerror or exc))
                return None
        return None

    def _write(self, ops: list[dict[str, Any]]) -> bool | None:
        """Apply queued then new operations in one transaction; None when it could not."""
        queued = self._read_queue()
        todo = queued + ops
        if not todo:
            return True

        def apply(db: sqlite3.Connection) -> bool:
            db.execute("BEGIN IMMEDIATE")
            try:
                for op in todo:
                    _apply(db, op)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            return True

        done = self._run(apply)
        if done and queued:
            # Safe to repeat if we die before this: records are keyed by uid.
            self._clear_queue()
        return done

    def _queue(self, op: dict[str, Any]) -> None:
        line = json.dumps(op, ensure_ascii=False) + "\n"
        try:
            self.queue_path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.queue_path, "a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            self._note(tr("This session could not be saved ({error}).").format(
                error=exc.strerror or exc))

    def _read_queue(self) -> list[dict[str, Any]]:
        try:
            text = self.queue_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError:
            return []
        ops = []
        for line in text.splitlines():
            try:
                op = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash
            if _valid_op(op):
                ops.append(op)
        return ops

    def _pending_records(self) -> list[Record]:
        out = []
        for op in self._read_queue():
            if op["op"] == "record":
                out.append(_record_from_json(op))
        return out

    def _clear_queue(self) -> None:
        with suppress(OSError):
            self.queue_path.unlink(missing_ok=True)

    def _set_aside(self, error: Exception) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    os.replace(extra, aside.with_name(aside.name + suffix))
        except OSError as exc:
            self._note(tr("The history file is damaged and could not be moved aside ({error})."
                          ).format(error=exc.strerror or exc))
            return
        self._note(tr("The history file was damaged ({error}); it was kept as {name} "
                      "and a new history was started.").format(error=error, name=aside.name))

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
    """A queue line we can apply: anything else (a hand-edited or cut line) is skipped."""
    if not isinstance(op, dict):
        return False
    if op.get("op") == "feeling":
        return isinstance(op.get("uid"), str) and op.get("feeling") in set(Feeling)
    if op.get("op") == "record":
        try:
            record = _record_from_json(op)
            dt.datetime.fromisoformat(record.local_start)
        except (TypeError, ValueError):
            return False
        return isinstance(record.started, int | float) and isinstance(record.uid, str)
    return False


def _apply(db: sqlite3.Connection, op: dict[str, Any]) -> None:
    if op["op"] == "record":
        record = _record_from_json(op)
        values = [getattr(record, c) for c in _COLUMNS]
        db.execute(f"INSERT OR IGNORE INTO sessions ({', '.join(_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(_COLUMNS))})", values)
    elif op["op"] == "feeling":
        db.execute("UPDATE sessions SET feeling = ? WHERE uid = ?", (op["feeling"], op["uid"]))


def _record_to_json(record: Record) -> dict[str, Any]:
    return {c: getattr(record, c) for c in _COLUMNS}


def _record_from_json(data: dict[str, Any]) -> Record:
    fields: dict[str, Any] = {c: data[c] for c in _COLUMNS if c in data}
    return Record(**fields)


def _record_from_row(row: tuple[Any, ...]) -> Record:
    data = dict(zip(_COLUMNS, row, strict=True))
    data["completed"] = bool(data["completed"])
    return Record(**data)


def _streak(days: set[dt.date], today: dt.date) -> int:
    day = today if today in days else today - dt.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count
