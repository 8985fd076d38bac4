"""References from one content file to another (muscles, stretches, illustrations) that could
not be resolved while reading, and the problems they make once every file has been read.

Only these few references are kept, never the parsed documents: a problem found here re-reads
its file to say at which line it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.core.content.problems import Problem, did_you_mean
from guide.core.content.reading import Document, PathPart, read_document
from guide.core.content.sources import Source
from guide.core.i18n import tr
from guide.core.store.files import display_path

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog

@dataclass(slots=True)
class Pending:
    path: Path
    source: Source
    where: list[PathPart]
    kind: str  # "muscle" or "media"
    value: str


@dataclass(slots=True)
class RoutineRefs:
    """A routine's items, checked once every stretch is known (routines are few and small)."""

    path: Path
    source: Source
    ident: str | None  # None when the routine itself is invalid: its items are still checked
    bad: bool  # it had problems of its own
    items: list[Any]


class Reread:
    """Files read again to locate problems, each at most once."""

    def __init__(self) -> None:
        self._docs: dict[Path, Document] = {}

    def _doc(self, path: Path) -> Document:
        doc = self._docs.get(path)
        if doc is None:
            doc = self._docs[path] = read_document(path)
        return doc

    def at(self, path: Path, where: list[PathPart], message: str) -> Problem:
        return self._doc(path).problem(where, message)

    def unknown(self, path: Path, where: list[PathPart], kind: str, value: str,
                catalog: Catalog, choices: list[str] | None = None) -> Problem:
        hint = ""
        if kind == "muscle":
            found = catalog.find_muscles(value)
            if found:
                hint = tr(" (use the muscle id: {ids})").format(
                    ids=", ".join(f"`{m.id}`" for m in found))
            choices = catalog.muscle_words()
        hint = hint or did_you_mean(value, choices or [])
        return self._doc(path).problem(where, tr("unknown {kind} `{value}`{hint}").format(
            kind=kind, value=value, hint=hint))

    def media(self, ref: Pending) -> Problem:
        if ".." in Path(ref.value).parts:
            message = tr("illustration path `{path}` leaves the media folder").format(
                path=ref.value)
        else:
            message = tr("illustration `{path}` not found in {folder}").format(
                path=ref.value, folder=display_path(ref.source.media))
        return self._doc(ref.path).problem(ref.where, message)
