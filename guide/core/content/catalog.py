"""The catalogue: every muscle, stretch and routine the app knows, loaded from YAML folders.

Built-in content comes first; the user's folder adds to it and may override a built-in by id.
A bad file never stops loading: its problems are collected and the rest of the content loads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from guide.core.content.media import svg_problem
from guide.core.content.model import Muscle, MusclesFile, Routine, Stretch
from guide.core.content.problems import Problem, did_you_mean
from guide.core.content.sources import (
    YAML_SUFFIXES,
    Source,
    builtin_source,
    sources_for,
    user_source,
)
from guide.core.i18n import tr
from guide.core.store.files import describe_error, display_path

__all__ = ["YAML_SUFFIXES", "Catalog", "Source", "builtin_source", "read_catalog", "sources_for",
           "user_source"]

if TYPE_CHECKING:
    from guide.core.content.reading import Document, PathPart

T = TypeVar("T", bound=msgspec.Struct)

@dataclass
class Catalog:
    muscles: dict[str, Muscle] = field(default_factory=dict)
    stretches: dict[str, Stretch] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    builtin_ids: set[tuple[str, str]] = field(default_factory=set)
    media_dirs: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

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
        needle = word.strip().lower().replace("_", " ")
        exact = [
            m
            for m in self.muscles.values()
            if needle in (m.id.replace("_", " "), m.name.lower())
            or needle in (s.lower() for s in m.synonyms)
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
    loader = _Loader()
    for source in sources:
        loader.load(source)
    loader.cross_check()
    return loader.catalog


class _Loader:
    def __init__(self) -> None:
        self.catalog = Catalog()
        self.docs: dict[tuple[str, str], tuple[Document, Source]] = {}
        self.checked: list[tuple[str, Document, Source]] = []
        self._media_cache: dict[tuple[Path, str], tuple[bool, str | None]] = {}

    def load(self, source: Source) -> None:
        self.catalog.media_dirs.append(source.media)
        documents = list(source.documents())
        # Muscles first so stretches in the same source can refer to them.
        documents.sort(key=lambda d: {"muscles": 0, "stretch": 1, "guess": 1}.get(d[0], 2))
        seen_here: dict[tuple[str, str], Path] = {}
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
                continue
            self.checked.append((kind, doc, source))
            if kind == "stretch":
                self._add(doc, source, "stretch", Stretch, self.catalog.stretches, seen_here)
            else:
                self._add(doc, source, "routine", Routine, self.catalog.routines, seen_here)

    def _report(self, doc: Document) -> Any:
        def report(where: list[PathPart], message: str, at_key: bool) -> None:
            self.catalog.problems.append(doc.problem(where, message, at_key=at_key))

        return report

    def _claim(self, doc: Document, source: Source, kind: str, ident: str, where: list[PathPart],
               seen_here: dict[tuple[str, str], Path]) -> bool:
        key = (kind, ident)
        if key in seen_here:
            self.catalog.problems.append(doc.problem(where, tr(
                "{kind} id `{id}` is already defined in {other}; ids must be unique"
            ).format(kind=kind, id=ident, other=display_path(seen_here[key]))))
            return False
        seen_here[key] = doc.path
        self.catalog.files[key] = doc.path
        if source.builtin:
            self.catalog.builtin_ids.add(key)
        else:
            self.catalog.builtin_ids.discard(key)
        self.docs[key] = (doc, source)
        return True

    def _add(self, doc: Document, source: Source, kind: str, cls: type[T],
             into: dict[str, T], seen_here: dict[tuple[str, str], Path]) -> None:
        from guide.core.content.check import convert

        item = convert(doc.data or {}, cls, self._report(doc))
        if item is None:
            return
        ident: str = getattr(item, "id")  # noqa: B009 - every content struct has an id
        if self._claim(doc, source, kind, ident, ["id"], seen_here):
            into[ident] = item

    def _load_muscles(self, doc: Document, source: Source,
                      seen_here: dict[tuple[str, str], Path]) -> None:
        from guide.core.content.check import convert

        parsed = convert(doc.data or {}, MusclesFile, self._report(doc))
        if parsed is None:
            return
        for i, muscle in enumerate(parsed.muscles):
            if self._claim(doc, source, "muscle", muscle.id, ["muscles", i, "id"], seen_here):
                self.catalog.muscles[muscle.id] = muscle

    # -- checks across files -------------------------------------------------------------

    def cross_check(self) -> None:
        """Checks that need every file: muscles, stretch ids and illustrations exist.

        They read the raw mappings, so a file that failed its own checks is still checked here
        and the user sees all its problems at once.
        """
        for kind, doc, source in self.checked:
            data = doc.data or {}
            if kind == "stretch":
                self._check_stretch(doc, source, data)
            elif kind == "routine" and not self._check_routine(doc, source, data):
                ident = data.get("id")
                if self.docs.get(("routine", str(ident)), (None,))[0] is doc:
                    # A routine that cannot be planned is not offered; its problems are shown.
                    self.catalog.routines.pop(str(ident), None)

    def _check_stretch(self, doc: Document, source: Source, data: dict[str, Any]) -> None:
        muscles = data.get("muscles")
        if isinstance(muscles, dict):
            for group in ("primary", "secondary"):
                names = muscles.get(group)
                for i, muscle in enumerate(names if isinstance(names, list) else []):
                    if isinstance(muscle, str) and muscle not in self.catalog.muscles:
                        self._unknown(doc, ["muscles", group, i], "muscle", muscle,
                                      self.catalog.muscle_words(), hint_muscle=True)
        steps = data.get("steps")
        for i, step in enumerate(steps if isinstance(steps, list) else []):
            if isinstance(step, dict) and isinstance(step.get("illustration"), str):
                self._check_media(doc, source, ["steps", i, "illustration"],
                                  step["illustration"])

    def _check_routine(self, doc: Document, source: Source, data: dict[str, Any]) -> bool:
        before = len(self.catalog.problems)
        items = data.get("items")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            where: list[PathPart] = ["items", i]
            stretch, action = item.get("stretch"), item.get("action")
            if (stretch is None) == (action is None):
                self.catalog.problems.append(doc.problem(where, tr(
                    "each item needs exactly one of `stretch: <id>` or `action: <what to do>`")))
                continue
            if isinstance(stretch, str) and stretch not in self.catalog.stretches:
                self._unknown(doc, [*where, "stretch"], "stretch", stretch,
                              list(self.catalog.stretches))
            if action is not None and item.get("hold") is None:
                self.catalog.problems.append(doc.problem(where, tr(
                    "an action needs `hold: <seconds>` to say how long it lasts")))
            if isinstance(item.get("illustration"), str):
                self._check_media(doc, source, [*where, "illustration"], item["illustration"])
        return len(self.catalog.problems) == before

    def _unknown(self, doc: Document, where: list[PathPart], kind: str, value: str,
                 choices: list[str], hint_muscle: bool = False) -> None:
        hint = ""
        if hint_muscle:
            found = self.catalog.find_muscles(value)
            if found:
                hint = tr(" (use the muscle id: {ids})").format(
                    ids=", ".join(f"`{m.id}`" for m in found))
        hint = hint or did_you_mean(value, choices)
        self.catalog.problems.append(doc.problem(where, tr("unknown {kind} `{value}`{hint}").format(
            kind=kind, value=value, hint=hint)))

    def _check_media(self, doc: Document, source: Source, where: list[PathPart],
                     relative: str) -> None:
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
                if found[1] is not None:
                    self.catalog.problems.append(doc.problem(where, tr(
                        "illustration `{path}`: {problem}").format(path=relative,
                                                                   problem=found[1])))
                return
        if ".." in Path(relative).parts:
            message = tr("illustration path `{path}` leaves the media folder").format(path=relative)
        else:
            message = tr("illustration `{path}` not found in {folder}").format(
                path=relative, folder=display_path(source.media))
        self.catalog.problems.append(doc.problem(where, message))


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
