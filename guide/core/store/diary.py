"""The cramp diary: for a night (or a day), how many cramps, how bad the worst was, where, a note.

Entries live in the history database (table ``diary``, schema version 2), one per date. Every
check is here, so the command line and the window refuse the same input with the same words.
"""

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from guide.core.i18n import tr
from guide.core.store.history import History
from guide.core.store.records import BEDTIME_DAY_STARTS, Record

PLACES = ("calf", "thigh-front", "thigh-back", "foot", "other")
MAX_CRAMPS = 50
MAX_SEVERITY = 10
MAX_NOTE = 1000
# Home asks "How was last night?" until this hour.
ASK_UNTIL_HOUR = 12
# Last night's bedtime routine is among this many newest sessions (for Home's quick check).
RECENT_SESSIONS = 50


class Refused(ValueError):
    """Input the diary cannot accept; ``str(exc)`` is a sentence for the user."""


@dataclass(frozen=True)
class Entry:
    night: dt.date  # the evening the night began (or the day, for a day entry)
    cramps: int
    severity: int  # the worst cramp, 0 (no pain) to 10 (the worst imaginable)
    places: tuple[str, ...] = ()
    note: str = ""
    logged: str = ""  # ISO local time it was written

    def to_json(self) -> dict[str, Any]:
        return {"date": self.night.isoformat(), "cramps": self.cramps,
                "severity": self.severity, "where": list(self.places), "note": self.note,
                "logged": self.logged}


def place_names() -> dict[str, str]:
    """Each place id with the words shown for it."""
    return {"calf": tr("Calf"), "thigh-front": tr("Front of the thigh"),
            "thigh-back": tr("Back of the thigh"), "foot": tr("Foot"), "other": tr("Elsewhere")}


def severity_meaning(severity: int) -> str:
    """What a severity number means, for the scale beside the input."""
    if severity <= 0:
        return tr("0: no pain")
    if severity <= 3:
        return tr("{n}: mild, it eased quickly").format(n=severity)
    if severity <= 6:
        return tr("{n}: moderate, it hurt and took a while to ease").format(n=severity)
    if severity <= 9:
        return tr("{n}: severe, hard to bear").format(n=severity)
    return tr("10: the worst pain imaginable")


def last_night(now: dt.datetime) -> dt.date:
    """The night a diary entry made at ``now`` is about, by the bedtime sessions' rule.

    Before BEDTIME_DAY_STARTS the night in progress began the evening before; after it, the
    night just past did too: either way the evening before.
    """
    evening = (now - dt.timedelta(hours=BEDTIME_DAY_STARTS)).date()
    return evening if now.hour < BEDTIME_DAY_STARTS else evening - dt.timedelta(days=1)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise Refused(tr("`{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-03-29")
                      .format(text=text)) from None


def parse_places(words: Iterable[str]) -> tuple[str, ...]:
    """Place ids from words such as ``calf`` or ``calf,foot``; unknown words are refused."""
    found: list[str] = []
    for word in (w.strip().lower() for text in words for w in text.split(",")):
        if not word:
            continue
        if word not in PLACES:
            raise Refused(tr("unknown place `{word}`; use one or more of {places}")
                          .format(word=word, places=", ".join(PLACES)))
        if word not in found:
            found.append(word)
    return tuple(p for p in PLACES if p in found)


def make_entry(*, night: dt.date, cramps: int, severity: int, places: Iterable[str] = (),
               note: str = "", now: dt.datetime) -> Entry:
    """A checked entry, or :class:`Refused` saying what is wrong."""
    if isinstance(cramps, bool) or not isinstance(cramps, int) or not 0 <= cramps <= MAX_CRAMPS:
        raise Refused(tr("the number of cramps must be a whole number from 0 to {most}")
                      .format(most=MAX_CRAMPS))
    if (isinstance(severity, bool) or not isinstance(severity, int)
            or not 0 <= severity <= MAX_SEVERITY):
        raise Refused(tr("the severity must be a whole number from 0 (no pain) to {most} "
                         "(the worst imaginable)").format(most=MAX_SEVERITY))
    if night > now.date():
        raise Refused(tr("{date} is in the future; a diary entry is for a night or day "
                         "that has begun").format(date=night.isoformat()))
    places = parse_places(places)
    if cramps == 0 and (severity or places):
        raise Refused(tr("with no cramps, leave the severity at 0 and the places empty"))
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise Refused(tr("the note is too long ({n} characters); keep it under {most}")
                      .format(n=len(note), most=MAX_NOTE))
    if any(ord(c) < 32 and c not in "\n\t" for c in note):
        raise Refused(tr("the note contains control characters"))
    return Entry(night, cramps, severity, places, note,
                 now.replace(microsecond=0).isoformat())


def bedtime_nights(sessions: Iterable[Record]) -> set[dt.date]:
    """The nights among ``sessions`` with the bedtime routine completed."""
    return {r.night for r in sessions if r.completed and r.kind == "bedtime"}


def night_to_ask(now: dt.datetime, bedtime_nights: set[dt.date],
                  logged: set[dt.date]) -> dt.date | None:
    """The night Home asks about: in the morning, after a bedtime routine, not yet logged."""
    if not BEDTIME_DAY_STARTS <= now.hour < ASK_UNTIL_HOUR:
        return None
    night = last_night(now)
    return night if night in bedtime_nights and night not in logged else None


@dataclass(frozen=True)
class Week:
    start: dt.date  # its Monday
    logged: int  # nights with a diary entry
    cramp_nights: int  # nights logged with at least one cramp
    mean_severity: float | None  # the worst severity, averaged over the cramp nights
    routine_nights: int  # nights with the bedtime routine completed


def weeks(entries: Iterable[Entry], bedtime_nights: Iterable[dt.date], today: dt.date,
          most: int = 53) -> list[Week]:
    """Week by week, from the first entry or routine night up to this week (the last ``most``)."""
    by_night = {e.night: e for e in entries}
    routine = set(bedtime_nights)
    known = set(by_night) | routine
    if not known:
        return []
    first = _monday(max(min(known), today - dt.timedelta(weeks=most - 1)))
    out = []
    start = first
    while start <= today:
        days = [start + dt.timedelta(days=n) for n in range(7)]
        logged = [by_night[d] for d in days if d in by_night]
        cramped = [e for e in logged if e.cramps > 0]
        mean = sum(e.severity for e in cramped) / len(cramped) if cramped else None
        out.append(Week(start, len(logged), len(cramped), mean,
                        sum(1 for d in days if d in routine)))
        start += dt.timedelta(weeks=1)
    return out


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


_COLUMNS = "night, cramps, severity, places, note, logged"


class Diary:
    """The diary in ``history``'s database; like the history, it never raises to the caller."""

    def __init__(self, history: History) -> None:
        self.history = history

    def log(self, entry: Entry) -> bool:
        """Store ``entry``, replacing one for the same night; False (with a message) if not."""
        values = (entry.night.isoformat(), entry.cramps, entry.severity, ",".join(entry.places),
                  entry.note, entry.logged)

        def write(db: sqlite3.Connection) -> bool:
            with db:
                db.execute(f"INSERT OR REPLACE INTO diary ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                           values)
            return True

        busy = tr("The diary is in use by another window; try again in a moment.")
        return bool(self.history.use(write, busy))

    def entries(self) -> list[Entry]:
        """Newest first. Rows that do not pass today's checks (edited by hand) are left out."""

        def read(db: sqlite3.Connection) -> list[Entry]:
            rows = db.execute(f"SELECT {_COLUMNS} FROM diary ORDER BY night DESC").fetchall()
            return [e for e in map(_from_row, rows) if e is not None]

        busy = tr("The diary is in use by another window; try again in a moment.")
        return self.history.use(read, busy) or []

    def entry(self, night: dt.date) -> Entry | None:
        def read(db: sqlite3.Connection) -> list[Entry]:
            rows = db.execute(f"SELECT {_COLUMNS} FROM diary WHERE night = ?",
                              (night.isoformat(),)).fetchall()
            return [e for e in map(_from_row, rows) if e is not None]

        busy = tr("The diary is in use by another window; try again in a moment.")
        return next(iter(self.history.use(read, busy) or []), None)

    def night_to_ask(self, now: dt.datetime) -> dt.date | None:
        """:func:`night_to_ask` reading only the newest sessions and that night's entry."""
        night = last_night(now)
        recent = bedtime_nights(self.history.sessions(limit=RECENT_SESSIONS))
        if night_to_ask(now, recent, set()) is None:
            return None
        return None if self.entry(night) is not None else night

    def bedtime_nights(self) -> set[dt.date]:
        """Nights with the bedtime routine completed."""
        return bedtime_nights(self.history.sessions())

    def take_messages(self) -> list[str]:
        return self.history.take_messages()


def _from_row(row: tuple[Any, ...]) -> Entry | None:
    """An entry from a stored row; None for a row no longer valid (edited by hand)."""
    night, cramps, severity, places, note, logged = row
    try:
        day = dt.date.fromisoformat(night)
        where = tuple(places.split(",")) if places else ()
    except (TypeError, ValueError, AttributeError):
        return None
    valid = (type(cramps) is int and 0 <= cramps <= MAX_CRAMPS
             and type(severity) is int and 0 <= severity <= MAX_SEVERITY
             and set(where) <= _PLACE_SET and isinstance(note, str) and len(note) <= MAX_NOTE
             and (cramps > 0 or (severity == 0 and not where)))
    return Entry(day, cramps, severity, where, note, str(logged)) if valid else None


_PLACE_SET = frozenset(PLACES)
