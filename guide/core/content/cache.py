"""A cache of the validated catalogue, so start-up skips YAML parsing while nothing changed.

The key is the content fingerprint (``guide.core.content.sources.fingerprint``). Any doubt,
any error: the cache is ignored and the YAML is read as usual. The cache depends on the
catalogue, never the reverse; :func:`load_catalog` is the way in for every caller.
"""

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from guide.core.content.catalog import Catalog, Source, read_catalog
from guide.core.content.model import Muscle, Routine, Stretch
from guide.core.content.problems import Problem
from guide.core.content.sources import default_sources, fingerprint
from guide.core.store import paths
from guide.core.store.files import read_user_file

FORMAT = 2


class _Cached(msgspec.Struct):
    key: str
    muscles: list[Muscle]
    stretches: list[Stretch]
    routines: list[Routine]
    files: list[tuple[str, str, bytes]]  # file names as bytes: they need not be UTF-8
    builtin: list[tuple[str, str]]
    media_dirs: list[bytes]
    problems: list[tuple[str, int, int, str, str]]


def cache_file() -> Path:
    return paths.cache_dir() / "catalog.msgpack"


def load_catalog(sources: Iterable[Source] | None = None) -> Catalog:
    """Load every source in order; later sources override earlier ones by id.

    Without explicit sources (the app's own start-up) the built-in and user folders are read,
    through the cache while no file has changed.
    """
    if sources is None:
        return load_cached(default_sources())[0]
    return read_catalog(sources)


def load_cached(sources: Sequence[Source]) -> tuple[Catalog, str | None]:
    """The catalogue of ``sources`` and its content key (None when the files cannot be listed)."""
    try:
        content_key = fingerprint(sources)
    except OSError:
        return read_catalog(sources), None
    key = f"{FORMAT}|{content_key}"
    path = cache_file()
    try:
        cached = msgspec.msgpack.decode(read_user_file(path, 64 << 20), type=_Cached)
        if cached.key == key:
            return _catalog(cached), content_key
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        pass
    catalog = read_catalog(sources)
    with contextlib.suppress(OSError):  # a read-only home is fine: the YAML is read next time
        _store(path, key, catalog)
    return catalog, content_key


def _catalog(cached: _Cached) -> Catalog:
    return Catalog(
        muscles={m.id: m for m in cached.muscles},
        stretches={s.id: s for s in cached.stretches},
        routines={r.id: r for r in cached.routines},
        files={(kind, ident): Path(os.fsdecode(file)) for kind, ident, file in cached.files},
        builtin_ids={(kind, ident) for kind, ident in cached.builtin},
        media_dirs=[Path(os.fsdecode(p)) for p in cached.media_dirs],
        problems=[Problem(*p) for p in cached.problems],
    )


def _store(path: Path, key: str, catalog: Catalog) -> None:
    from guide.core.store.files import atomic_write

    data = _Cached(
        key=key,
        muscles=list(catalog.muscles.values()),
        stretches=list(catalog.stretches.values()),
        routines=list(catalog.routines.values()),
        files=[(kind, ident, os.fsencode(file)) for (kind, ident), file in catalog.files.items()],
        builtin=sorted(catalog.builtin_ids),
        media_dirs=[os.fsencode(p) for p in catalog.media_dirs],
        problems=[(p.path, p.line, p.col, p.key, p.message) for p in catalog.problems],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, msgspec.msgpack.encode(data))
