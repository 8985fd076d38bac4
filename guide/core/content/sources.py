"""Where content comes from: folders laid out like ``exercises/``, or loose files.

Kept apart from the catalogue (and free of msgspec) so start-up can compute the content key
without importing the content model.
"""

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from guide import __version__
from guide.core import i18n
from guide.core.store import paths
from guide.core.store.files import display_path

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """A folder laid out like ``exercises/`` (or a list of loose files) plus its media folder."""

    root: Path | None
    media: Path
    builtin: bool = False
    files: tuple[Path, ...] = ()

    def documents(self) -> Iterator[tuple[str, Path]]:
        """(kind, path) of every content file: kind is 'muscles', 'stretch' or 'routine'.

        Never raises: a folder that cannot be listed comes out as kind 'unreadable', and an
        entry that is odd (a symbolic link loop, a FIFO, a name that is not UTF-8) comes out as
        a file, so reading it reports the problem for that one entry.
        """
        for kind, path, _entry in self.listing():
            yield kind, Path(path)

    def listing(self) -> Iterator[tuple[str, str, os.DirEntry[str] | None]]:
        """:meth:`documents` as plain strings, with the folder entry where there is one (its
        ``stat`` is the cheap one): the content key lists every file without making Paths."""
        if self.root is not None:
            for name in ("muscles.yaml", "muscles.yml"):
                if _exists(self.root / name):
                    yield "muscles", str(self.root / name), None
            for kind, sub in (("stretch", "stretches"), ("routine", "routines")):
                folder = self.root / sub
                if not _exists(folder):
                    continue
                try:
                    entries = sorted(os.scandir(folder), key=lambda e: e.name)
                except NotADirectoryError:
                    continue
                except OSError:
                    yield "unreadable", str(folder), None
                    continue
                for entry in entries:
                    if entry.name.endswith(YAML_SUFFIXES) and not _is_dir(entry):
                        yield kind, entry.path, entry
        for file in self.files:
            yield _kind_of(file), str(file), None


def _exists(path: Path) -> bool:
    """Whether something is there (even something unreadable): lstat, never raising."""
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _kind_of(file: Path) -> str:
    if file.stem == "muscles":
        return "muscles"
    if file.parent.name == "routines":
        return "routine"
    if file.parent.name == "stretches":
        return "stretch"
    return "guess"


def builtin_source() -> Source:
    return Source(paths.builtin_exercises(), paths.builtin_media(), builtin=True)


def user_source() -> Source:
    return Source(paths.user_exercises(), paths.user_media())


def sources_for(args: Iterable[Path]) -> list[Source]:
    """Sources for the command line's PATH arguments: folders like exercises/, or loose files."""
    out: list[Source] = []
    loose: list[Path] = []
    for arg in args:
        path = arg.resolve()
        if path.is_dir() and path.name not in ("stretches", "routines"):
            out.append(Source(path, path.parent / "media"))
        elif path.is_dir():
            loose.extend(sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES))
        else:
            loose.append(path)
    if loose:
        media = loose[0].parent.parent.parent / "media"
        out.append(Source(None, media, files=tuple(loose)))
    return out


def content_key(sources: Sequence[Source]) -> str:
    """A short digest of every content file's path, size and modification time, and of every
    media folder's modification time (an illustration added or removed changes its folder).
    An entry that cannot be looked at still counts, by its name, so it never stops the listing.

    32 hex characters whatever the number of files: the caches store it, never the file list.
    """
    import hashlib  # not needed before the first paint

    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    update = digest.update
    update(translations_stamp(sources).encode())  # the cached catalogue is per language
    for source in sources:
        update(b"|%s|%s" % (os.fsencode(source.root or ""), os.fsencode(source.media)))
        for kind, path, entry in source.listing():
            try:
                st = entry.stat() if entry is not None else os.stat(path)
            except OSError as exc:
                update(b"%s:%s:%d;" % (kind.encode(), os.fsencode(path), exc.errno or 0))
            else:
                update(b"%s:%d:%d;" % (os.fsencode(path), st.st_size, st.st_mtime_ns))
        for folder, _dirs, _files in os.walk(source.media):
            try:
                update(b"%s:%d;" % (os.fsencode(folder), os.stat(folder).st_mtime_ns))
            except OSError:
                update(b"%s:?;" % os.fsencode(folder))
    return digest.hexdigest()


def locale_files(sources: Sequence[Source], lang: str) -> list[Path]:
    """The packs' own translations into ``lang`` (``<root>/locale/<lang>.po``) that exist."""
    found = [s.root / "locale" / f"{lang}.po" for s in sources if s.root is not None]
    return [p for p in found if p.is_file()]


def translations_stamp(sources: Sequence[Source]) -> str:
    """The language and its catalogues' dates: the cached catalogue is kept per language."""
    lang = i18n.language()
    if lang == "en":
        return "en"
    files = [i18n.TRANSLATIONS / lang / "content.mo", *locale_files(sources, lang)]
    return lang + "".join(f":{p}:{p.stat().st_mtime_ns}" for p in files if p.is_file())


def _text(path: Path | str | None) -> str:
    return "" if path is None else display_path(path)


def default_sources() -> list[Source]:
    return [builtin_source(), user_source()]
