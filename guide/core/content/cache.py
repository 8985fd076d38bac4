"""A cache of the validated catalogue, so start-up neither parses YAML nor decodes what it does
not show.

The file (``catalog.msgpack``) is an 8-byte length, a small head, then sections:

- the head: the content key, language and version, the muscles, the routines, the problems, the
  stretch ids and where each stretch's bytes end. Its size grows with the ids only (about 20
  bytes a stretch); it is all start-up reads.
- the sections: each stretch encoded on its own, the map of content files, Browse's search
  columns. They are read from the open file when first needed, a stretch at a time.

The file is only ever replaced by renaming a new one over it (``atomic_write``), so the
descriptor a catalogue keeps goes on reading the version that catalogue was loaded from.

The key is the short content digest (``guide.core.content.sources.content_key``). Any doubt,
any error: the cache is ignored and the YAML is read as usual. The cache depends on the
catalogue, never the reverse; :func:`load_catalog` is the way in for every caller.
"""

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from guide import __version__
from guide.core import i18n
from guide.core.content.catalog import Catalog, Source, bulk_load, read_catalog
from guide.core.content.model import Muscle, Routine, Stretch
from guide.core.content.problems import Problem
from guide.core.content.search import Columns, SearchIndex
from guide.core.content.sources import content_key, default_sources
from guide.core.store import paths

FORMAT = 6
# About 1.4 KB a stretch: 50,000 of them make 68 MB. A larger file is not ours to read.
MAX_CACHE = 512 << 20
_LENGTH = 8  # bytes of the head's length at the start of the file

K = TypeVar("K")
V = TypeVar("V")


class _Head(msgspec.Struct):
    key: str
    language: str
    version: str
    muscles: list[Muscle]
    routines: list[Routine]
    builtin: list[tuple[str, str]]
    media_dirs: list[bytes]
    problems: list[tuple[str, int, int, str, str]]
    stretch_ids: list[str]
    stretch_ends: list[int]  # where each stretch's bytes end, counted from the sections' start
    files_end: int  # the file map follows the stretches, the search columns follow it
    index_end: int


_FILES = msgspec.msgpack.Decoder(list[tuple[str, str, bytes]])
_COLUMNS = msgspec.msgpack.Decoder(Columns)
_STRETCH = msgspec.msgpack.Decoder(Stretch)


class _Sections:
    """The sections of one cache file, read through its open descriptor on demand."""

    def __init__(self, fd: int, start: int, size: int) -> None:
        self._fd, self._start, self._size = fd, start, size
        self._whole: bytes | None = None  # all the stretches at once, while converting them all

    def __del__(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)

    def read(self, begin: int, end: int) -> bytes:
        if self._whole is not None and end <= len(self._whole):
            return self._whole[begin:end]
        if not 0 <= begin <= end <= self._size:
            raise msgspec.DecodeError("a section lies outside the cache file")
        data = os.pread(self._fd, end - begin, self._start + begin)
        if len(data) != end - begin:
            raise msgspec.DecodeError("the cache file is shorter than its head says")
        return data

    @contextlib.contextmanager
    def whole(self, end: int) -> Iterator[None]:
        """Read the first ``end`` bytes in one go for a while (converting every stretch)."""
        self._whole = self.read(0, end)
        try:
            yield
        finally:
            self._whole = None


class _Lazy(dict[K, V]):
    """A dict whose values are converted from their cached form on first access, one by one
    (or all at once when someone asks for every value). Start-up with 50,000 stretches then
    costs a dict of ids, not 50,000 decoded stretches."""

    def __init__(self, raw: dict[K, Any], convert: Callable[[Any], V], done: type,
                 bulk: Callable[[], contextlib.AbstractContextManager[None]] | None = None
                 ) -> None:
        super().__init__(raw)
        self._convert, self._done, self._whole = convert, done, not raw
        self._bulk = bulk or contextlib.nullcontext

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        if not isinstance(value, self._done):
            try:
                value = self._convert(value)
            except (OSError, msgspec.DecodeError, msgspec.ValidationError):
                # The cache file was damaged in place after it was opened: the entry is gone.
                super().__delitem__(key)
                raise KeyError(key) from None
            super().__setitem__(key, value)
        return value

    def get(self, key: K, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def _convert_all(self) -> None:
        if not self._whole:
            try:
                with self._bulk():
                    self._convert_each()
            except (OSError, msgspec.DecodeError):  # not in one read: one by one
                self._convert_each()
            self._whole = True

    def _convert_each(self) -> None:
        for key in list(self.keys()):
            with contextlib.suppress(KeyError):  # unreadable: dropped
                self.__getitem__(key)  # converts it in place

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


class _LazyFiles(MutableMapping[tuple[str, str], Path]):
    """The catalogue's map of content files, read from the cache the first time it is used.
    A section that cannot be read any more leaves the map empty: no file is then known."""

    def __init__(self, load: Callable[[], list[tuple[str, str, bytes]]]) -> None:
        self._load: Callable[[], list[tuple[str, str, bytes]]] | None = load
        self._data: dict[tuple[str, str], Path] = {}

    def _map(self) -> dict[tuple[str, str], Path]:
        if self._load is not None:
            load, self._load = self._load, None
            try:
                rows = load()
            except (OSError, msgspec.DecodeError, msgspec.ValidationError):
                rows = []
            self._data = {(kind, ident): Path(os.fsdecode(name)) for kind, ident, name in rows}
        return self._data

    def __getitem__(self, key: tuple[str, str]) -> Path:
        return self._map()[key]

    def __setitem__(self, key: tuple[str, str], value: Path) -> None:
        self._map()[key] = value

    def __delitem__(self, key: tuple[str, str]) -> None:
        del self._map()[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


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


def load_cached(sources: Sequence[Source], path: Path | None = None,
                digest: str | None = None) -> tuple[Catalog, str | None]:
    """The catalogue of ``sources`` and its content key (None when the files cannot be listed).

    The key is computed here, once per load (it lists every content file), unless the caller
    computed it already (``digest``).
    """
    path = path or cache_file()
    if digest is None:
        try:
            digest = content_key(sources)
        except OSError:
            return localized(read_catalog(sources), sources), None
    stored = _open(path)
    if stored is not None and stored[0].key == f"{FORMAT}|{digest}":
        return _catalog(*stored), digest
    catalog = localized(read_catalog(sources), sources)
    with contextlib.suppress(OSError):  # a read-only home is fine: the YAML is read next time
        _store(path, f"{FORMAT}|{digest}", catalog)
    return catalog, digest


def load_unchecked(path: Path | None = None) -> tuple[Catalog, str] | None:
    """The catalogue as last cached for this version and language, and the content key it was
    cached under, without listing a single content file; None when there is none to use.

    For the app's start-up, which checks the key off the UI thread afterwards."""
    stored = _open(path or cache_file())
    if stored is None:
        return None
    head, sections = stored
    form, _, digest = head.key.partition("|")
    if form != str(FORMAT) or head.version != __version__ or head.language != i18n.language():
        return None
    return _catalog(head, sections), digest


def _open(path: Path) -> tuple[_Head, _Sections] | None:
    """The head of the cache file at ``path`` and its open sections, or None (no cache, or one
    that is damaged, foreign or of another format)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE:
            raise ValueError("not a cache file")
        length = int.from_bytes(os.pread(fd, _LENGTH, 0), "little")
        if not 0 < length <= info.st_size - _LENGTH:
            raise ValueError("not a cache file")
        head = msgspec.msgpack.decode(os.pread(fd, length, _LENGTH), type=_Head)
        start = _LENGTH + length
        sections = _Sections(fd, start, info.st_size - start)  # it closes the descriptor
    except (OSError, ValueError, msgspec.DecodeError, msgspec.ValidationError):
        os.close(fd)
        return None
    return head, sections


def localized(catalog: Catalog, sources: Sequence[Source]) -> Catalog:
    """The catalogue in the user's language: the packs' own translations, then the shipped."""
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


def _catalog(head: _Head, sections: _Sections) -> Catalog:
    ends = head.stretch_ends
    stretches_end = ends[-1] if ends else 0

    def stretch(row: int) -> Stretch:
        return _STRETCH.decode(sections.read(ends[row - 1] if row else 0, ends[row]))

    def index() -> Columns | None:
        try:
            return _COLUMNS.decode(sections.read(head.files_end, head.index_end))
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None  # Browse builds the index from the stretches instead

    with bulk_load():
        return Catalog(
            muscles={m.id: m for m in head.muscles},
            stretches=_Lazy(dict(zip(head.stretch_ids, range(len(ends)), strict=True)),
                            stretch, Stretch, lambda: sections.whole(stretches_end)),
            routines={r.id: r for r in head.routines},
            files=_LazyFiles(lambda: _FILES.decode(
                sections.read(stretches_end, head.files_end))),
            builtin_ids={(kind, ident) for kind, ident in head.builtin},
            media_dirs=[Path(os.fsdecode(p)) for p in head.media_dirs],
            problems=[Problem(*p) for p in head.problems],
            search_index=index,
        )


def _store(path: Path, key: str, catalog: Catalog) -> None:
    from guide.core.store.files import atomic_write

    encode = msgspec.msgpack.encode
    parts: list[bytes] = []
    ends: list[int] = []
    size = 0
    for s in catalog.stretches.values():
        parts.append(encode(s))
        size += len(parts[-1])
        ends.append(size)
    parts.append(encode([(kind, ident, os.fsencode(file))
                         for (kind, ident), file in catalog.files.items()]))
    files_end = size + len(parts[-1])
    parts.append(encode(SearchIndex.for_catalog(catalog).columns))
    head = encode(_Head(
        key=key, language=i18n.language(), version=__version__,
        muscles=list(catalog.muscles.values()),
        routines=list(catalog.routines.values()),
        builtin=sorted(catalog.builtin_ids),
        media_dirs=[os.fsencode(p) for p in catalog.media_dirs],
        problems=[(p.path, p.line, p.col, p.key, p.message) for p in catalog.problems],
        stretch_ids=list(catalog.stretches), stretch_ends=ends,
        files_end=files_end, index_end=files_end + len(parts[-1]),
    ))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, b"".join([len(head).to_bytes(_LENGTH, "little"), head, *parts]))
