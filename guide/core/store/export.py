"""Sessions and diary entries as one CSV file for a spreadsheet, a doctor or a physiotherapist.

RFC 4180: one header row, comma-separated, CRLF line ends, fields quoted where needed; UTF-8;
ISO 8601 dates. Each row is either a played session or a diary entry (the ``record`` column).
"""

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from guide.core.store.diary import Entry, bedtime_nights
from guide.core.store.files import atomic_write
from guide.core.store.history import Record

HEADER = ("record", "date", "start", "routine", "routine_name", "kind", "seconds",
          "completed", "holds", "feeling", "cramps", "severity", "where", "note",
          "bedtime_routine")


def rows(sessions: Iterable[Record], entries: Iterable[Entry]) -> list[list[str]]:
    """The CSV rows under the header, oldest first (a diary night after that day's sessions)."""
    entries = list(entries)
    sessions = list(sessions)
    bedtime = bedtime_nights(sessions)
    keyed: list[tuple[str, int, list[str]]] = []
    for r in sessions:
        keyed.append((r.local_start, 0, [
            "session", r.day.isoformat(), r.local_start, r.routine, r.routine_name, r.kind,
            f"{r.duration:.0f}", _yes(r.completed), str(r.holds), r.feeling or "",
            "", "", "", "", ""]))
    for e in entries:
        keyed.append((e.night.isoformat() + "T99", 1, [
            "diary", e.night.isoformat(), "", "", "", "", "", "", "", "",
            str(e.cramps), str(e.severity), ";".join(e.places), e.note,
            _yes(e.night in bedtime)]))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [row for *_, row in keyed]


def to_csv(data: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(data)
    return buffer.getvalue()


def write_csv(path: Path, sessions: Iterable[Record], entries: Iterable[Entry]) -> int:
    """Write the file atomically (never half a file); returns the number of data rows.

    OSError is left to the caller, which says what went wrong.
    """
    data = rows(sessions, entries)
    atomic_write(path, to_csv(data).encode("utf-8"))
    return len(data)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
