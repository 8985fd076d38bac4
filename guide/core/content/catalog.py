"""The catalogue: every muscle, stretch and routine the app knows, loaded from YAML folders.

Built-in content comes first; the user's folder adds to it and may override a built-in by id.
A bad file never stops loading: its problems are collected and the rest of the content loads.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from guide.core.content.media import svg_problem
from guide.core.content.model import Muscle, MusclesFile, Routine, Stretch
from guide.core.content.problems import Problem
from guide.core.content.references import Pending, Reread, RoutineRefs
from guide.core.content.sources import (
    YAML_SUFFIXES,
    Source,
    builtin_source,
    sources_for,
    user_source,
)
from guide.core.i18n import fold, tr
from guide.core.store.files import describe_error, display_path

__all__ = ["YAML_SUFFIXES", "Catalog", "Source", "builtin_source", "check_sources", "read_catalog",
           "sources_for", "user_source"]

if TYPE_CHECKING:
    from guide.core.content.reading import Document, PathPart

T = TypeVar("T", bound=msgspec.Struct)

@dataclass
class Catalog:
    muscles: dict[str, Muscle] = field(default_factory=dict)
    stretches: dict[str, Stretch] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    files: MutableMapping[tuple[str, str], Path] = field(default_factory=dict)
    builtin_ids: set[tuple[str, str]] = field(default_factory=set)
    media_dirs: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # guide.core.content.search.SearchIndex, built once for Browse (a cached catalogue holds
    # the function that reads its stored columns until then)
    search_index: Any = field(default=None, repr=False, compare=False)

    def file_of(self, kind: str, ident: str) -> Path | None:
        return self.files.get((kind, ident))

    def is_builtin(self, kind: str, ident: str) -> bool:
        return (kind, ident) in self.builtin_ids

    def media_path(self, relative: str) -> Path | None:
        """The file for an illustration path, searched in the user's then the built-in media."""
        for folder in reversed(self.media_dirs):
            candidate = (folder / relative).resolve()
            if candidate.is_relative_to(folder.resolve()) and candidate.is_file():
                return candidate
        return None

    def stretches_for_muscle(self, muscle_id: str) -> list[Stretch]:
        return [
            s
            for s in self.stretches.values()
            if muscle_id in s.muscles.primary or muscle_id in s.muscles.secondary
        ]

    def find_muscles(self, word: str) -> list[Muscle]:
        """Muscles whose id, name or everyday synonym matches ``word`` (case-insensitive)."""
        needle = fold(word.strip()).replace("_", " ")
        exact = [
            m
            for m in self.muscles.values()
            if needle in (m.id.replace("_", " "), fold(m.name))
            or needle in (fold(s) for s in m.synonyms)
        ]
        return exact

    def muscle_words(self) -> list[str]:
        """Every muscle id and everyday word, once each (for "did you mean")."""
        words = list(self.muscles)
        for m in self.muscles.values():
            words.extend(s.lower() for s in m.synonyms)
        return list(dict.fromkeys(words))


def read_catalog(sources: Iterable[Source]) -> Catalog:
    """Read and check every source in order; later sources override earlier ones by id.

    Most callers want :func:`guide.core.content.cache.load_catalog`, which adds the cache.
    """
    loader = _Loader(keep=True)
    sources = list(sources)
    with bulk_load():
        for source in sources:
            loader.load(source)
        loader.cross_check()
    for source in sources:
        if not source.builtin and source.root is not None and (source.root / "locale").is_dir():
            from guide.core.content.pack_locale import check_pack_locale

            for po in sorted((source.root / "locale").glob("*.po")):
                loader.catalog.problems.extend(check_pack_locale(po, loader.catalog))
    return loader.catalog


def check_sources(sources: Iterable[Source]) -> tuple[list[Problem], int]:
    """Every problem of ``sources`` and the number of definitions checked (``validate``).

    The same checks as :func:`read_catalog`, without keeping the stretches: memory stays near
    that of parsing the files one by one, whatever their number.
    """
    loader = _Loader(keep=False)
    with bulk_load():
        for source in sources:
            loader.load(source)
        loader.cross_check()
    return loader.catalog.problems, loader.defined


@contextlib.contextmanager
def bulk_load() -> Iterator[None]:
    """No garbage collection while loading.

    The loader makes no reference cycles for the collector to find: parsed documents are trees,
    dropped file by file. Collections during the load would only rescan the growing catalogue
    over and over (about a fifth of the load time at 10,000 files). Not ``gc.freeze()`` after:
    it would also make permanent whatever else is alive then, garbage included.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Loader:
    """Reads file after file, keeping of each only its result and, in the rare case a reference
    cannot be resolved yet (it may point at a later file or source), that reference."""

    def __init__(self, keep: bool) -> None:
        self.catalog = Catalog()
        self.keep = keep
        self.defined = 0
        self.stretch_ids: set[str] = set()
        self.owner: dict[str, Path] = {}  # which file defines each routine
        self.pending: list[Pending] = []
        self.routines_read: list[RoutineRefs] = []
        self._media_cache: dict[tuple[Path, str], tuple[bool, str | None]] = {}

    def load(self, source: Source) -> None:
        self.catalog.media_dirs.append(source.media)
        documents = list(source.documents())
        # Muscles first so stretches in the same source can refer to them.
        documents.sort(key=lambda d: {"muscles": 0, "stretch": 1, "guess": 1}.get(d[0], 2))
        seen_here: dict[tuple[str, str], str] = {}
        from guide.core.content.reading import read_document

        for kind, path in documents:
            if kind == "unreadable":
                self.catalog.problems.append(_unreadable_folder(path))
                continue
            doc = read_document(path)
            self.catalog.problems.extend(doc.problems)
            if doc.data is None:
                continue
            if kind == "guess":
                kind = _guess_kind(doc.data)
            if kind == "muscles":
                self._load_muscles(doc, source, seen_here)
            elif kind == "stretch":
                self._add(doc, source, "stretch", Stretch, seen_here)
                self._refer_stretch(doc, source)
            else:
                before = len(self.catalog.problems)
                ident = self._add(doc, source, "routine", Routine, seen_here)
                items = doc.data.get("items")  # checked once every stretch is known
                self.routines_read.append(RoutineRefs(
                    doc.path, source, ident, len(self.catalog.problems) > before,
                    items if isinstance(items, list) else []))

    def _report(self, doc: Document) -> Any:
        def report(where: list[PathPart], message: str, at_key: bool) -> None:
            self.catalog.problems.append(doc.problem(where, message, at_key=at_key))

        return report

    def _claim(self, doc: Document, source: Source, kind: str, ident: str, where: list[PathPart],
               seen_here: dict[tuple[str, str], str]) -> bool:
        key = (kind, ident)
        if key in seen_here:
            self.catalog.problems.append(doc.problem(where, tr(
                "{kind} id `{id}` is already defined in {other}; ids must be unique"
            ).format(kind=kind, id=ident, other=display_path(seen_here[key]))))
            return False
        seen_here[key] = str(doc.path)
        self.defined += 1
        if self.keep:
            self.catalog.files[key] = doc.path
            if source.builtin:
                self.catalog.builtin_ids.add(key)
            else:
                self.catalog.builtin_ids.discard(key)
        return True

    def _add(self, doc: Document, source: Source, kind: str, cls: type[T],
             seen_here: dict[tuple[str, str], str]) -> str | None:
        from guide.core.content.check import convert

        item = convert(doc.data or {}, cls, self._report(doc))
        if item is None:
            return None
        ident: str = getattr(item, "id")  # noqa: B009 - every content struct has an id
        if not self._claim(doc, source, kind, ident, ["id"], seen_here):
            return None
        if kind == "stretch":
            self.stretch_ids.add(ident)
            if self.keep:
                self.catalog.stretches[ident] = item  # type: ignore[assignment]
        else:
            self.owner[ident] = doc.path
            self.catalog.routines[ident] = item  # type: ignore[assignment]
        return ident

    def _load_muscles(self, doc: Document, source: Source,
                      seen_here: dict[tuple[str, str], str]) -> None:
        from guide.core.content.check import convert

        parsed = convert(doc.data or {}, MusclesFile, self._report(doc))
        if parsed is None:
            return
        for i, muscle in enumerate(parsed.muscles):
            if self._claim(doc, source, "muscle", muscle.id, ["muscles", i, "id"], seen_here):
                self.catalog.muscles[muscle.id] = muscle

    # -- references to other files ---------------------------------------------------------
    # Read from the raw mapping, so a file that failed its own checks is still checked and the
    # user sees all its problems at once. Resolved at once when possible; the rest waits for
    # :meth:`cross_check`, once every file is read.

    def _refer_stretch(self, doc: Document, source: Source) -> None:
        data = doc.data or {}
        muscles = data.get("muscles")
        if isinstance(muscles, dict):
            for group in ("primary", "secondary"):
                names = muscles.get(group)
                for i, muscle in enumerate(names if isinstance(names, list) else []):
                    if isinstance(muscle, str) and muscle not in self.catalog.muscles:
                        self.pending.append(
                            Pending(doc.path, source, ["muscles", group, i], "muscle", muscle))
        steps = data.get("steps")
        for i, step in enumerate(steps if isinstance(steps, list) else []):
            if isinstance(step, dict) and isinstance(step.get("illustration"), str):
                self._refer_media(doc, source, ["steps", i, "illustration"], step["illustration"])

    def _refer_media(self, doc: Document, source: Source, where: list[PathPart],
                     relative: str) -> None:
        found, refused = self._media(source, relative)
        if refused is not None:
            self.catalog.problems.append(doc.problem(where, _refused(relative, refused)))
        elif not found:
            self.pending.append(Pending(doc.path, source, where, "media", relative))

    def _media(self, source: Source, relative: str) -> tuple[bool, str | None]:
        """Whether the illustration exists, and why it will not be shown if it is refused."""
        media_dirs = [source.media] if source.builtin else self.catalog.media_dirs
        for folder in media_dirs:
            key = (folder, relative)
            found = self._media_cache.get(key)
            if found is None:
                candidate = os.path.normpath(os.path.join(folder, relative))
                inside = candidate.startswith(os.path.normpath(folder) + os.sep)
                ok = inside and os.path.isfile(candidate)
                refused = svg_problem(Path(candidate)) if ok and candidate.lower().endswith(
                    ".svg") else None
                found = self._media_cache[key] = (ok, refused)
            if found[0]:
                return found
        return (False, None)

    def cross_check(self) -> None:
        """The references that waited for every file: muscles, stretch ids, illustrations."""
        files = Reread()
        for ref in self.pending:
            if ref.kind == "muscle" and ref.value not in self.catalog.muscles:
                self.catalog.problems.append(
                    files.unknown(ref.path, ref.where, "muscle", ref.value, self.catalog))
            elif ref.kind == "media":
                self._media_problem(ref, files)
        for routine in self.routines_read:
            bad = self._check_routine(routine, files) or routine.bad
            if bad and routine.ident is not None and self.owner.get(routine.ident) == routine.path:
                # A routine that cannot be planned is not offered; its problems are shown.
                self.catalog.routines.pop(routine.ident, None)

    def _media_problem(self, ref: Pending, files: Reread) -> None:
        found, refused = self._media(ref.source, ref.value)
        if refused is not None:
            self.catalog.problems.append(files.at(ref.path, ref.where,
                                                  _refused(ref.value, refused)))
        elif not found:
            self.catalog.problems.append(files.media(ref))

    def _check_routine(self, routine: RoutineRefs, files: Reread) -> bool:
        """Problems in the items of a routine (its raw list, so all show at once)."""
        before = len(self.catalog.problems)
        path, problems = routine.path, self.catalog.problems
        for i, item in enumerate(routine.items):
            if not isinstance(item, dict):
                continue
            where: list[PathPart] = ["items", i]
            stretch, action = item.get("stretch"), item.get("action")
            if (stretch is None) == (action is None):
                problems.append(files.at(path, where, tr(
                    "each item needs exactly one of `stretch: <id>` or `action: <what to do>`")))
                continue
            if isinstance(stretch, str) and stretch not in self.stretch_ids:
                problems.append(files.unknown(path, [*where, "stretch"], "stretch", stretch,
                                              self.catalog, list(self.stretch_ids)))
            if action is not None and item.get("hold") is None:
                problems.append(files.at(path, where, tr(
                    "an action needs `hold: <seconds>` to say how long it lasts")))
            picture = item.get("illustration")
            if isinstance(picture, str):
                self._media_problem(
                    Pending(path, routine.source, [*where, "illustration"], "media", picture),
                    files)
        return len(problems) > before


def _refused(relative: str, problem: str) -> str:
    return tr("illustration `{path}`: {problem}").format(path=relative, problem=problem)


def _unreadable_folder(folder: Path) -> Problem:
    try:
        os.scandir(folder).close()
        reason = ""
    except OSError as exc:
        reason = describe_error(exc)
    return Problem(display_path(folder), 0, 0, "", tr(
        "cannot read this folder, so its files were skipped: {error}").format(error=reason))


def _guess_kind(data: dict[str, Any]) -> str:
    if "muscles" in data and isinstance(data.get("muscles"), list):
        return "muscles"
    if "items" in data or "kind" in data:
        return "routine"
    return "stretch"
