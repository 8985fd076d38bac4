"""What the Home page shows, cached as small JSON so the first paint needs no content model.

Written together with the catalogue cache and keyed by the same fingerprint; the full catalogue
loads right after the window is on screen. Free of msgspec and YAML on purpose.
"""

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.core.content.sources import Source, fingerprint
from guide.core.store import paths

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog


@dataclass(frozen=True)
class RoutineInfo:
    id: str
    name: str
    kind: str
    description: str
    seconds: int | None


@dataclass(frozen=True)
class Summary:
    routines: tuple[RoutineInfo, ...]
    problems: int


def duration(seconds: int | None) -> str:
    """'3 min 45 s', '40 s', or '?' when unknown."""
    if seconds is None:
        return "?"
    minutes, secs = divmod(seconds, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def summary_file() -> Path:
    return paths.cache_dir() / "home.json"


def summarize(catalog: "Catalog") -> Summary:
    from guide.cli.listing import routine_seconds

    return Summary(
        tuple(RoutineInfo(r.id, r.name, str(r.kind), r.description,
                          routine_seconds(catalog, r.id))
              for r in catalog.routines.values()),
        len(catalog.problems),
    )


def load_summary(sources: Sequence[Source]) -> Summary | None:
    """The cached summary when no content file changed since it was written, else None."""
    try:
        data = json.loads(summary_file().read_text(encoding="utf-8"))
        if data["key"] != fingerprint(sources):
            return None
        return Summary(tuple(RoutineInfo(**r) for r in data["routines"]), int(data["problems"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store_summary(key: str, summary: Summary) -> None:
    from guide.core.store.settings import atomic_write

    data = {"key": key, "routines": [asdict(r) for r in summary.routines],
            "problems": summary.problems}
    path = summary_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data).encode())
