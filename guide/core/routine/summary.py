"""What the Home page shows, cached as small JSON so the first paint needs no content model.

Its size depends on the routines only, never on the number of stretches. The first paint uses
it as stored, without listing the content files. Right after the first paint the app takes the
catalogue as last cached (:func:`load_unchecked`) and checks off the UI thread that the files
have not changed since (:func:`check_job`, which computes the content key once); in the rare
case they have, it loads them there and the window takes the new catalogue. Without a usable
cache, :func:`load_with_summary` reads the files at once. Free of msgspec and YAML at import on
purpose.
"""

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from guide.core import i18n
from guide.core.store import paths
from guide.core.store.files import read_user_file

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from guide.core.content.catalog import Catalog, Source


# Bump when RoutineInfo changes, so a summary written by an older version is not read.
FORMAT = 2


# Named tuples, not dataclasses: they are made on the way to the first paint, in a fifth of
# the time.
class SourceInfo(NamedTuple):
    title: str
    publisher: str
    url: str


class RoutineInfo(NamedTuple):
    id: str
    name: str
    kind: str
    description: str
    seconds: int | None
    tips: tuple[str, ...] = ()
    sources: tuple[SourceInfo, ...] = ()  # the routine's and its stretches', each once


class Summary(NamedTuple):
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


def load_with_summary(sources: "Sequence[Source] | None" = None, digest: str | None = None,
                      cache: Path | None = None, home: Path | None = None
                      ) -> tuple["Catalog", Summary]:
    """The app's catalogue (through the cache) and its Home summary, stored when it changed.

    ``digest``: the content key, when the caller has just computed it; ``cache`` and ``home``:
    the catalogue cache and the summary file, when not the usual ones."""
    from guide.core.content.cache import load_cached
    from guide.core.content.sources import default_sources

    home = home or summary_file()
    catalog, key = load_cached(sources or default_sources(), cache, digest)
    summary = summarize(catalog)
    if key is not None and _stored_key(home) != key:
        with contextlib.suppress(OSError):  # a read-only home is fine
            store_summary(key, summary, home)
    return catalog, summary


def load_unchecked() -> tuple["Catalog", Summary, str] | None:
    """The catalogue as last cached, its summary and the content key it was cached under,
    without listing the content files (None when nothing usable is cached). The app starts
    with it and runs :func:`check_job` off the UI thread."""
    from guide.core.content import cache

    stored = cache.load_unchecked()
    if stored is None:
        return None
    catalog, digest = stored
    return catalog, summarize(catalog), digest


def check_job(digest: str, summary: Summary) -> "Callable[[], tuple[Catalog, Summary] | None]":
    """The work that makes sure an unchecked catalogue is current, to run on another thread:
    it lists the content files and, when they changed since the catalogue ``digest`` was cached,
    loads them again (and caches them). It returns the new catalogue and summary, or None when
    nothing changed; then it stores ``summary`` (the unchecked catalogue's) for the next first
    paint, when the one stored is not for these files. The folders are settled here, on the
    caller's thread."""
    from guide.core.content.cache import cache_file
    from guide.core.content.sources import content_key, default_sources

    sources, cache, home = default_sources(), cache_file(), summary_file()

    def run() -> "tuple[Catalog, Summary] | None":
        try:
            key = content_key(sources)
        except OSError:  # a folder cannot be listed: read everything, as a start-up would
            return load_with_summary(sources, None, cache, home)
        if key != digest:
            return load_with_summary(sources, key, cache, home)
        if _stored_key(home) != key:  # the cache was written without it (by the command line)
            with contextlib.suppress(OSError):
                store_summary(key, summary, home)
        return None

    return run


def _stored_key(home: Path | None = None) -> str | None:
    try:
        data = json.loads(read_user_file(home or summary_file()))
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


def _routine_data(routine: RoutineInfo) -> dict[str, Any]:
    return {**routine._asdict(), "tips": list(routine.tips),
            "sources": [source._asdict() for source in routine.sources]}


def store_summary(key: str, summary: Summary, path: Path | None = None) -> None:
    from guide.core.store.files import atomic_write

    data = {"format": FORMAT, "key": key, "routines": [_routine_data(r) for r in summary.routines],
            "problems": summary.problems, "language": i18n.language()}
    path = path or summary_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data).encode())
