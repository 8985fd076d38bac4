"""A cache of the validated catalogue, so start-up skips YAML parsing while nothing changed.

The key is the content fingerprint (``guide.core.content.sources.fingerprint``). Any doubt,
any error: the cache is ignored and the YAML is read as usual.
The Home page's summary is written with it.
"""

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec

from guide.core.content.catalog import Catalog, Source
from guide.core.content.model import Muscle, Routine, Stretch
from guide.core.content.problems import Problem
from guide.core.content.sources import fingerprint
from guide.core.routine.summary import store_summary, summarize, summary_file
from guide.core.store import paths

FORMAT = 1


class _Cached(msgspec.Struct):
    key: str
    muscles: list[Muscle]
    stretches: list[Stretch]
    routines: list[Routine]
    files: list[tuple[str, str, str]]
    builtin: list[tuple[str, str]]
    media_dirs: list[str]
    problems: list[tuple[str, int, int, str, str]]


def cache_file() -> Path:
    return paths.cache_dir() / "catalog.msgpack"


def load_cached(sources: Sequence[Source], load: Callable[[], Catalog]) -> Catalog:
    try:
        content_key = fingerprint(sources)
    except OSError:
        return load()
    key = f"{FORMAT}|{content_key}"
    path = cache_file()
    try:
        cached = msgspec.msgpack.decode(path.read_bytes(), type=_Cached)
        if cached.key == key:
            catalog = _catalog(cached)
            if not summary_file().is_file():
                with contextlib.suppress(OSError):
                    store_summary(content_key, summarize(catalog))
            return catalog
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        pass
    catalog = load()
    with contextlib.suppress(OSError):  # a read-only home is fine: the YAML is read next time
        _store(path, key, catalog)
        store_summary(content_key, summarize(catalog))
    return catalog


def _catalog(cached: _Cached) -> Catalog:
    return Catalog(
        muscles={m.id: m for m in cached.muscles},
        stretches={s.id: s for s in cached.stretches},
        routines={r.id: r for r in cached.routines},
        files={(kind, ident): Path(file) for kind, ident, file in cached.files},
        builtin_ids={(kind, ident) for kind, ident in cached.builtin},
        media_dirs=[Path(p) for p in cached.media_dirs],
        problems=[Problem(*p) for p in cached.problems],
    )


def _store(path: Path, key: str, catalog: Catalog) -> None:
    from guide.core.store.settings import atomic_write

    data = _Cached(
        key=key,
        muscles=list(catalog.muscles.values()),
        stretches=list(catalog.stretches.values()),
        routines=list(catalog.routines.values()),
        files=[(kind, ident, str(file)) for (kind, ident), file in catalog.files.items()],
        builtin=sorted(catalog.builtin_ids),
        media_dirs=[str(p) for p in catalog.media_dirs],
        problems=[(p.path, p.line, p.col, p.key, p.message) for p in catalog.problems],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, msgspec.msgpack.encode(data))
