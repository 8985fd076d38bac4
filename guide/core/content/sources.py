"""Where content comes from: folders laid out like ``exercises/``, or loose files.

Kept apart from the catalogue (and free of msgspec) so start-up can compute the content key
without importing the content model.
"""

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from guide import __version__
from guide.core.store import paths

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Source:
    """A folder laid out like ``exercises/`` (or a list of loose files) plus its media folder."""

    root: Path | None
    media: Path
    builtin: bool = False
    files: tuple[Path, ...] = ()

    def documents(self) -> Iterator[tuple[str, Path]]:
        """(kind, path) of every content file: kind is 'muscles', 'stretch' or 'routine'."""
        for kind, path, _stat in self.listing():
            yield kind, Path(path)

    def listing(self) -> Iterator[tuple[str, str, Callable[[], os.stat_result]]]:
        """(kind, path, stat) of every content file, in loading order; ``stat`` is the cheap
        one of the folder listing (no Path objects: the content key lists every file)."""
        if self.root is not None:
            for name in ("muscles.yaml", "muscles.yml"):
                if (self.root / name).is_file():
                    path = str(self.root / name)
                    yield "muscles", path, partial(os.stat, path)
            for kind, sub in (("stretch", "stretches"), ("routine", "routines")):
                folder = self.root / sub
                if folder.is_dir():
                    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                        if entry.name.endswith(YAML_SUFFIXES) and entry.is_file():
                            yield kind, entry.path, entry.stat
        for file in self.files:
            yield _kind_of(file), str(file), partial(os.stat, file)


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

    32 hex characters whatever the number of files: the caches store it, never the file list.
    Raises OSError when a folder cannot be listed.
    """
    import hashlib  # not needed before the first paint

    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for source in sources:
        digest.update(f"|{source.root}|{source.media}".encode())
        for _kind, path, stat in source.listing():
            st = stat()
            digest.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())
        for folder, _dirs, _files in os.walk(source.media):
            digest.update(f"{folder}:{os.stat(folder).st_mtime_ns};".encode())
    return digest.hexdigest()


def default_sources() -> list[Source]:
    return [builtin_source(), user_source()]
