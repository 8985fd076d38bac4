"""What the content teaches, in the user's language.

Every translatable field of a muscle, stretch or routine has a stable context such as
``stretch:calf-wall-straight:steps[2]``; the English text is the message id. A translation
is looked up by both, so when the English changes the old translation no longer matches and
the English shows until a translator updates it: stale, never silently wrong.

Built-in translations are ``guide/translations/<lang>/content.mo``; a user's pack may carry
``exercises/locale/<lang>.po`` next to its YAML, which wins over the built-in one.
"""

from collections.abc import Callable, Iterator
from dataclasses import replace as dc_replace
from gettext import GNUTranslations
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from guide.core import i18n
from guide.core.content.model import Muscle, Routine, Stretch

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog

# (context, English text, translator comment)
Entry = tuple[str, str, str]
Lookup = Callable[[str, str], str | None]

SYNONYMS_COMMENT = ("Everyday words people search for, separated by commas. They need not "
                    "match the English one for one: give the words people say in your language.")
EQUIPMENT_CONTEXT = "equipment"


def muscle_entries(m: Muscle) -> Iterator[Entry]:
    yield f"muscle:{m.id}:name", m.name, ""
    if m.description:
        yield f"muscle:{m.id}:description", m.description, ""
    if m.synonyms:
        yield f"muscle:{m.id}:synonyms", ", ".join(m.synonyms), SYNONYMS_COMMENT


def stretch_entries(s: Stretch) -> Iterator[Entry]:
    base = f"stretch:{s.id}"
    yield f"{base}:name", s.name, ""
    yield f"{base}:summary", s.summary, ""
    for i, step in enumerate(s.steps):
        yield f"{base}:steps[{i}]", step.text, ""
    for field in ("cues", "mistakes", "cautions"):
        for i, text in enumerate(getattr(s, field)):
            comment = "A short cue the voice may say." if field == "cues" else ""
            yield f"{base}:{field}[{i}]", text, comment
    for word in s.equipment:
        yield EQUIPMENT_CONTEXT, word, "Equipment a stretch needs, shown in the Browse filter."


def routine_entries(r: Routine) -> Iterator[Entry]:
    base = f"routine:{r.id}"
    yield f"{base}:name", r.name, ""
    yield f"{base}:description", r.description, ""
    for field in ("prepare_text", "finish_text"):
        if getattr(r, field):
            yield f"{base}:{field}", getattr(r, field), ""
    for i, tip in enumerate(r.tips):
        yield f"{base}:tips[{i}]", tip, ""
    for i, item in enumerate(r.items):
        for field in ("action", "text", "cue"):
            value = getattr(item, field)
            if value:
                yield f"{base}:items[{i}].{field}", value, ""


def catalog_entries(catalog: "Catalog") -> Iterator[tuple[Entry, Path | None]]:
    """Every translatable text of the catalogue with the file it comes from."""
    for m in catalog.muscles.values():
        for e in muscle_entries(m):
            yield e, catalog.file_of("muscle", m.id)
    for s in catalog.stretches.values():
        for e in stretch_entries(s):
            yield e, catalog.file_of("stretch", s.id)
    for r in catalog.routines.values():
        for e in routine_entries(r):
            yield e, catalog.file_of("routine", r.id)


# -- applying translations -----------------------------------------------------------------

def builtin_lookup() -> Lookup | None:
    """The shipped content catalogue for the current language; None for English."""
    if i18n.language() == "en":
        return None
    mo = i18n.catalog("content")
    if not isinstance(mo, GNUTranslations):
        return None
    messages: dict[object, str] = getattr(mo, "_catalog", {})

    def lookup(context: str, text: str) -> str | None:
        return messages.get(f"{context}\x04{text}") or None

    return lookup


def localize(catalog: "Catalog", lookups: list[Lookup]) -> "Catalog":
    """A copy of ``catalog`` with every text the first lookup knows, else the English."""
    if not lookups:
        return catalog

    def t(context: str, text: str) -> str:
        for lookup in lookups:
            found = lookup(context, text)
            if found:
                return found
        return text

    def many(base: str, field: str, texts: list[str]) -> list[str]:
        return [t(f"{base}:{field}[{i}]", x) for i, x in enumerate(texts)]

    muscles = {}
    for ident, m in catalog.muscles.items():
        base = f"muscle:{ident}"
        synonyms = m.synonyms
        if synonyms:
            joined = t(f"{base}:synonyms", ", ".join(synonyms))
            synonyms = [w.strip() for w in joined.split(",") if w.strip()]
        muscles[ident] = msgspec.structs.replace(
            m, name=t(f"{base}:name", m.name), synonyms=synonyms,
            description=t(f"{base}:description", m.description) if m.description else None)
    stretches = {}
    for ident, s in catalog.stretches.items():
        base = f"stretch:{ident}"
        stretches[ident] = msgspec.structs.replace(
            s, name=t(f"{base}:name", s.name), summary=t(f"{base}:summary", s.summary),
            steps=[msgspec.structs.replace(step, text=t(f"{base}:steps[{i}]", step.text))
                   for i, step in enumerate(s.steps)],
            cues=many(base, "cues", s.cues), mistakes=many(base, "mistakes", s.mistakes),
            cautions=many(base, "cautions", s.cautions),
            equipment=[t(EQUIPMENT_CONTEXT, w) for w in s.equipment])
    routines = {}
    for ident, r in catalog.routines.items():
        base = f"routine:{ident}"
        items = []
        for i, item in enumerate(r.items):
            changes = {f: t(f"{base}:items[{i}].{f}", getattr(item, f))
                       for f in ("action", "text", "cue") if getattr(item, f)}
            items.append(msgspec.structs.replace(item, **changes))
        routines[ident] = msgspec.structs.replace(
            r, name=t(f"{base}:name", r.name), description=t(f"{base}:description",
                                                              r.description),
            prepare_text=t(f"{base}:prepare_text", r.prepare_text) if r.prepare_text else None,
            finish_text=t(f"{base}:finish_text", r.finish_text) if r.finish_text else None,
            tips=many(base, "tips", r.tips), items=items)
    return dc_replace(catalog, muscles=muscles, stretches=stretches, routines=routines)
