"""The user's own routines: build, write as YAML, validate with the content validator, save.

User routines live in ``<data>/stretch-guide/exercises/routines/<id>.yaml``, laid out exactly like
the shipped ones. Their first line is the same schema comment as the shipped files
(``$schema=../schema/routine.schema.json``); to make that relative path true, saving also copies
the built-in ``routine.schema.json`` into ``<data>/stretch-guide/exercises/schema/``, so editors
with the YAML language server complete and check a user file just like a shipped one.

Validation runs the very loader the app uses: the YAML text is written into a temporary folder laid
out like ``exercises/routines/`` and loaded on top of the built-in and user content; only the
problems of that file are kept. A problem's ``key`` is the path of the offending value
(``items[2].hold``) so the builder can show it beside the field.
"""

import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec
import yaml

from guide.core.content.catalog import Catalog, Source, builtin_source, read_catalog, user_source
from guide.core.content.model import Routine, RoutineItem, RoutineKind, Stretch
from guide.core.content.problems import Problem
from guide.core.i18n import tr
from guide.core.store import paths
from guide.core.store.files import atomic_write

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/routine.schema.json"
SCHEMA_FILE = "routine.schema.json"
# Keys in the order a person reads a routine; the struct's own order puts `items` before these.
_KEY_ORDER = ("id", "name", "kind", "description", "prepare", "prepare_text", "between", "switch",
              "side_order", "items", "finish_text", "tips", "sources")


class RoutineInvalid(ValueError):
    """Raised by :func:`save_user_routine`; ``problems`` say what to fix, nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def single_stretch_routine(stretch: Stretch) -> Routine:
    """The routine the player runs for "Start this stretch": the stretch at its own dose."""
    return Routine(
        id=f"single-{stretch.id}",
        name=stretch.name,
        kind=RoutineKind.CUSTOM,
        description=stretch.summary,
        items=[RoutineItem(stretch=stretch.id)],
        prepare=5,
    )


def item_for(stretch: Stretch) -> RoutineItem:
    """A routine line for ``stretch`` with its own dose written out, ready to be changed."""
    return RoutineItem(stretch=stretch.id, hold=stretch.hold, reps=stretch.reps, rest=stretch.rest,
                       sides=None)


# -- YAML ------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the shipped files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    first = {k: data[k] for k in _KEY_ORDER if k in data}
    return {**first, **{k: v for k, v in data.items() if k not in first}}


def routine_to_yaml(routine: Routine) -> str:
    """Human-friendly YAML for ``routine``: readable key order, defaults left out."""
    data = msgspec.to_builtins(routine)  # omit_defaults on the model drops unset keys
    body = yaml.dump(_ordered(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=96, indent=2)
    return f"{SCHEMA_LINE}\n{body}"


# -- validation ------------------------------------------------------------------------------


def user_routines_dir() -> Path:
    return paths.user_exercises() / "routines"


def validate_routine(routine_or_text: Routine | str, catalog: Catalog,
                     replacing: str | None = None) -> list[Problem]:
    """Every problem the validator finds in this routine, plus the checks saving needs.

    ``replacing`` is the id of the user routine being edited (it may keep or change its id).
    """
    text = routine_or_text if isinstance(routine_or_text, str) else routine_to_yaml(
        routine_or_text)
    with tempfile.TemporaryDirectory(prefix="stretch-guide-check-") as tmp:
        folder = Path(tmp) / "exercises"
        (folder / "routines").mkdir(parents=True)
        target = folder / "routines" / "routine.yaml"
        target.write_text(text, encoding="utf-8")
        checked = read_catalog([builtin_source(), user_source(),
                                Source(folder, paths.user_media())])
        problems = [p for p in checked.problems if Path(p.path) == target]
        ident = next((r.id for r in checked.routines.values()
                      if checked.file_of("routine", r.id) == target), None)
    if ident is None and not isinstance(routine_or_text, str):
        ident = routine_or_text.id
    shown = str(user_routines_dir() / f"{ident or 'routine'}.yaml")
    problems = [replace(p, path=shown) for p in problems]
    if ident is not None and not any(p.key == "id" for p in problems):
        problems.extend(_id_problems(ident, catalog, replacing, shown))
    return sorted(problems)


def _id_problems(ident: str, catalog: Catalog, replacing: str | None,
                 shown: str) -> list[Problem]:
    if catalog.is_builtin("routine", ident):
        return [Problem(shown, 0, 0, "id", tr(
            "`{id}` is a shipped routine; give your routine its own id, such as `{id}-mine`"
        ).format(id=ident))]
    if ident != replacing and ident in catalog.routines:
        return [Problem(shown, 0, 0, "id", tr(
            "you already have a routine with the id `{id}`; choose another").format(id=ident))]
    return []


# -- saving, copying, deleting ---------------------------------------------------------------


def _user_file(routine_id: str, catalog: Catalog | None) -> Path:
    folder = user_routines_dir()
    known = catalog.file_of("routine", routine_id) if catalog is not None else None
    if known is not None and known.resolve().parent == folder.resolve():
        return known  # a hand-written file with another name keeps its name
    return folder / f"{routine_id}.yaml"


def _copy_schema() -> None:
    source = paths.builtin_exercises() / "schema" / SCHEMA_FILE
    target = paths.user_exercises() / "schema" / SCHEMA_FILE
    if not source.is_file():
        return
    try:
        if target.is_file() and target.read_bytes() == source.read_bytes():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError:
        pass  # only an editor convenience; the routine itself is saved


def save_user_routine(routine: Routine, catalog: Catalog, replacing: str | None = None) -> Path:
    """Validate and atomically write ``routine`` into the user folder; update ``catalog``.

    Raises :class:`RoutineInvalid` (nothing written) when the validator finds a problem or the
    id belongs to a shipped routine. When ``replacing`` names the routine's previous id, that
    older file is removed after the new one is safely written.
    """
    problems = validate_routine(routine, catalog, replacing)
    if problems:
        raise RoutineInvalid(problems)
    target = _user_file(routine.id, catalog)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, routine_to_yaml(routine).encode("utf-8"))
    _copy_schema()
    if replacing and replacing != routine.id:
        delete_user_routine(replacing, catalog)
    catalog.routines[routine.id] = routine
    catalog.files[("routine", routine.id)] = target
    catalog.builtin_ids.discard(("routine", routine.id))
    return target


def delete_user_routine(routine_id: str, catalog: Catalog | None = None) -> bool:
    """Remove the user's routine file (never a shipped one). True when a file was removed."""
    if catalog is not None and catalog.is_builtin("routine", routine_id):
        return False
    target = _user_file(routine_id, catalog)
    removed = False
    for candidate in (target, target.with_suffix(".yml")):
        if candidate.is_file():
            candidate.unlink()
            removed = True
    if catalog is not None and removed:
        catalog.routines.pop(routine_id, None)
        catalog.files.pop(("routine", routine_id), None)
    return removed


def copy_routine(routine: Routine, new_id: str, new_name: str) -> Routine:
    """An editable copy of ``routine`` under a new id and name (items copied, not shared)."""
    return msgspec.structs.replace(
        routine, id=new_id, name=new_name,
        items=[msgspec.structs.replace(i) for i in routine.items],
        tips=list(routine.tips), sources=[msgspec.structs.replace(s) for s in routine.sources])


def free_id(base: str, catalog: Catalog, suffix: str = "mine") -> str:
    """``<base>-<suffix>``, or ``-2``, ``-3`` ... after it, not yet used by any routine."""
    stem = f"{base}-{suffix}"[:60]
    candidate, n = stem, 2
    while candidate in catalog.routines:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def slug(text: str) -> str:
    """An id made from a name: "My bedtime!" -> "my-bedtime"."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:60] or "routine"
