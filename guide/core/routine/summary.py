"""What the Home page shows, cached as small JSON so the first paint needs no content model.

Its size depends on the routines only, never on the number of stretches. The first paint uses
it as stored, without listing the content files; the catalogue loads right after the first paint
(:func:`load_with_summary`, which computes the content key once) and the window updates Home in
the rare case the files changed meanwhile. Free of msgspec and YAML at import on purpose.
"""

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.core import i18n
from guide.core.content.sources import default_sources
from guide.core.store import paths
from guide.core.store.files import read_user_file

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog


# Bump when RoutineInfo changes, so a summary written by an older version is not read.
FORMAT = 2


@dataclass(frozen=True)
class SourceInfo:
    title: str
    publisher: str
    url: str


@dataclass(frozen=True)
class RoutineInfo:
    id: str
    name: str
    kind: str
    description: str
    seconds: int | None
    tips: tuple[str, ...] = ()
    sources: tuple[SourceInfo, ...] = ()  # the routine's and its stretches', each once


@dataclass(frozen=True)
class Summary:
    routines: tuple[RoutineInfo, ...]
    problems: int


def summary_file() -> Path:
    return paths.cache_dir() / "home.json"


def summarize(catalog: "Catalog") -> Summary:
    from guide.core.routine.guidance import routine_sources
    from guide.core.routine.plan import routine_seconds

    return Summary(
        tuple(RoutineInfo(r.id, r.name, str(r.kind), r.description,
                          routine_seconds(r, catalog.stretches), tuple(r.tips),
                          tuple(SourceInfo(s.title, s.publisher, s.url)
                                for s in routine_sources(r, catalog.stretches)))
              for r in catalog.routines.values()),
        len(catalog.problems),
    )


def load_with_summary() -> tuple["Catalog", Summary]:
    """The app's catalogue (through the cache) and its Home summary, stored when it changed."""
    from guide.core.content.cache import load_cached

    catalog, key = load_cached(default_sources())
    summary = summarize(catalog)
    if key is not None and _stored_key() != key:
        with contextlib.suppress(OSError):  # a read-only home is fine
            store_summary(key, summary)
    return catalog, summary


def _stored_key() -> str | None:
    try:
        data = json.loads(read_user_file(summary_file()))
        return str(data["key"]) if data.get("format") == FORMAT else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def load_summary() -> Summary | None:
    """The summary as last stored (None before the first load): no content file is listed."""
    try:
        data = json.loads(read_user_file(summary_file()))
        if data.get("format") != FORMAT or data.get("language", "en") != i18n.language():
            return None  # another language's names: Home waits for the content instead
        return Summary(tuple(_routine_info(r) for r in data["routines"]), int(data["problems"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def _routine_info(data: dict[str, Any]) -> RoutineInfo:
    tips = tuple(str(t) for t in data.pop("tips", ()))
    sources = tuple(SourceInfo(**s) for s in data.pop("sources", ()))
    return RoutineInfo(**data, tips=tips, sources=sources)


def store_summary(key: str, summary: Summary) -> None:
    from guide.core.store.files import atomic_write

    data = {"format": FORMAT, "key": key, "routines": [asdict(r) for r in summary.routines],
            "problems": summary.problems, "language": i18n.language()}
    path = summary_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data).encode())
