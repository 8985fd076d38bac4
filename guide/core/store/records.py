"""One played session as the history keeps it, and the checks a stored one must pass.

Values come back from a file the user (or a crash) may have changed: every one is checked for
type and range on the way in, so a bad row is left out instead of breaking the History page.
"""

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

# A bedtime routine done after midnight but before this hour counts for the evening before.
BEDTIME_DAY_STARTS = 4


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


COLUMNS = ("uid", "routine", "routine_name", "kind", "started", "local_start", "duration",
            "holds", "completed", "stopped_at", "stopped_name", "feeling")


def record_to_json(record: Record) -> dict[str, Any]:
    return {c: getattr(record, c) for c in COLUMNS}


# Sessions start between these instants; anything else is damage (or a clock far off).
_EARLIEST, _LATEST = 0.0, 32503680000.0  # 1970 .. 3000


def _checked(data: dict[str, Any]) -> Record:
    """A record from stored values, or ValueError/TypeError when one cannot be right."""
    def text(key: str, optional: bool = False) -> Any:
        value = data.get(key)
        if (value is None and optional) or (isinstance(value, str) and len(value) <= 1000):
            return value
        raise ValueError(key)

    def number(key: str, low: float, high: float, optional: bool = False,
               whole: bool = False) -> Any:
        value = data.get(key)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(key)
        if whole and not isinstance(value, int):
            raise TypeError(key)
        if not (math.isfinite(value) and low <= value <= high):
            raise ValueError(key)
        return value

    completed = data.get("completed")
    if completed not in (True, False, 0, 1):
        raise ValueError("completed")
    feeling = text("feeling", optional=True)
    if feeling is not None and feeling not in set(Feeling):
        raise ValueError("feeling")
    local_start = text("local_start")
    dt.datetime.fromisoformat(local_start)
    return Record(
        uid=text("uid"), routine=text("routine"), routine_name=text("routine_name"),
        kind=text("kind"), started=float(number("started", _EARLIEST, _LATEST)),
        local_start=local_start, duration=float(number("duration", 0, 7 * 86400)),
        holds=number("holds", 0, 1_000_000, whole=True), completed=bool(completed),
        stopped_at=number("stopped_at", 0, 1_000_000, optional=True, whole=True),
        stopped_name=text("stopped_name", optional=True), feeling=feeling)


def record_from_json(data: dict[str, Any]) -> Record:
    return _checked(data)


def record_from_row(row: tuple[Any, ...]) -> Record:
    return _checked(dict(zip(COLUMNS, row, strict=True)))


def streak_of(days: set[dt.date], today: dt.date) -> int:
    day = today if today in days else today - dt.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count
