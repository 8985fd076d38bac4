"""A cache of the validated catalogue, so start-up skips YAML parsing while nothing changed.

The key is the short content digest (``guide.core.content.sources.content_key``). Any doubt,
any error: the cache is ignored and the YAML is read as usual. The cache depends on the
catalogue, never the reverse; :func:`load_catalog` is the way in for every caller.
"""

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from guide.core.content.catalog import Catalog, Source, bulk_load, read_catalog
from guide.core.content.model import Muscle, Routine, Stretch
from guide.core.content.problems import Problem
from guide.core.content.search import Columns, SearchIndex
from guide.core.content.sources import content_key, default_sources
from guide.core.store import paths
from guide.core.store.files import read_user_file

FORMAT = 4
# About 1.4 KB a stretch: 50,000 of them make 68 MB. A larger file is not ours to read.
MAX_CACHE = 512 << 20

K = TypeVar("K")
V = TypeVar("V")


class _Lazy(dict[K, V]):
    """A dict whose values are converted from their cached form on first access, one by one
    (or all at once when someone asks for every value). Start-up with 50,000 stretches then
    costs a list of raw bytes, not 50,000 decoded stretches and file paths."""

    def __init__(self, raw: dict[K, Any], convert: Callable[[Any], V], done: type) -> None:
        super().__init__(raw)
        self._convert, self._done, self._whole = convert, done, not raw

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        if not isinstance(value, self._done):
            value = self._convert(value)
            super().__setitem__(key, value)
        return value

    def get(self, key: K, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def _convert_all(self) -> None:
        if not self._whole:
            for key in list(self.keys()):
                self.__getitem__(key)  # converts it in place
            self._whole = True

    def values(self) -> Any:
        self._convert_all()
        return super().values()

    def items(self) -> Any:
        self._convert_all()
        return super().items()

    def pop(self, key: K, *default: Any) -> Any:
        if key in self:
            self.__getitem__(key)
        return super().pop(key, *default)


def _stretch(raw: msgspec.Raw) -> Stretch:
    return msgspec.msgpack.decode(raw, type=Stretch)


def _path(name: bytes) -> Path:
    return Path(os.fsdecode(name))


class _Head(msgspec.Struct):
    """Just the key: a stale cache is recognised without building its contents."""

    key: str


class _Cached(msgspec.Struct):
    key: str
    muscles: list[Muscle]
    stretch_ids: list[str]
    stretches: list[msgspec.Raw]  # each stretch encoded on its own, decoded when first used
    routines: list[Routine]
    files: list[tuple[str, str, bytes]]  # file names as bytes: they need not be UTF-8
    builtin: list[tuple[str, str]]
    media_dirs: list[bytes]
    problems: list[tuple[str, int, int, str, str]]
    index: Columns


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
    """The catalogue of ``sources`` and its content key (None when the files cannot be listed).

    The key is computed here, once per load: it lists every content file.
    """
    try:
        digest = content_key(sources)
    except OSError:
        return localized(read_catalog(sources), sources), None
    key = f"{FORMAT}|{digest}"
    path = cache_file()
    try:
        raw = read_user_file(path, MAX_CACHE)
        if msgspec.msgpack.decode(raw, type=_Head).key == key:
            with bulk_load():
                return _catalog(msgspec.msgpack.decode(raw, type=_Cached)), digest
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        pass
    catalog = localized(read_catalog(sources), sources)
    with contextlib.suppress(OSError):  # a read-only home is fine: the YAML is read next time
        _store(path, key, catalog)
    return catalog, digest


def localized(catalog: Catalog, sources: Sequence[Source]) -> Catalog:
    """The catalogue in the user's language: the packs' own translations, then the shipped."""
    from guide.core import i18n
    from guide.core.content.localize import Lookup, builtin_lookup, localize
    from guide.core.content.pack_locale import pack_lookup, read_po
    from guide.core.content.sources import locale_files

    lang = i18n.language()
    if lang == "en":
        return catalog
    lookups: list[Lookup] = [pack_lookup(read_po(p)[0])
                             for p in reversed(locale_files(sources, lang))]
    builtin = builtin_lookup()
    if builtin is not None:
        lookups.append(builtin)
    return localize(catalog, lookups)


def _catalog(cached: _Cached) -> Catalog:
    return Catalog(
        muscles={m.id: m for m in cached.muscles},
        stretches=_Lazy(dict(zip(cached.stretch_ids, cached.stretches, strict=True)), _stretch,
                        Stretch),
        routines={r.id: r for r in cached.routines},
        files=_Lazy({(kind, ident): file for kind, ident, file in cached.files}, _path, Path),
        builtin_ids={(kind, ident) for kind, ident in cached.builtin},
        media_dirs=[Path(os.fsdecode(p)) for p in cached.media_dirs],
        problems=[Problem(*p) for p in cached.problems],
        search_index=SearchIndex(cached.index),
    )


def _store(path: Path, key: str, catalog: Catalog) -> None:
    from guide.core.store.files import atomic_write

    data = _Cached(
        key=key,
        muscles=list(catalog.muscles.values()),
        stretch_ids=list(catalog.stretches),
        stretches=[msgspec.Raw(msgspec.msgpack.encode(s)) for s in catalog.stretches.values()],
        routines=list(catalog.routines.values()),
        files=[(kind, ident, os.fsencode(file)) for (kind, ident), file in catalog.files.items()],
        builtin=sorted(catalog.builtin_ids),
        media_dirs=[os.fsencode(p) for p in catalog.media_dirs],
        problems=[(p.path, p.line, p.col, p.key, p.message) for p in catalog.problems],
        index=SearchIndex.for_catalog(catalog).columns,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, msgspec.msgpack.encode(data))
