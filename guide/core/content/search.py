"""Fast filtering of the stretch list: everyday words, muscle, position, equipment and time.

The index is built once per catalogue: for every stretch a lower-case search text (name, summary,
muscle ids, names and everyday synonyms, equipment) plus sets for the exact filters. A query is
answered in one pass of plain ``str`` operations, so 10,000 stretches filter in a few ms and the
Qt proxy only has to look up one flag per row.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from guide.core.content.catalog import Catalog
from guide.core.content.model import Muscle, Stretch
from guide.core.i18n import fold

NO_EQUIPMENT = "-"  # the equipment filter value for "needs nothing"
SWITCH_SECONDS = 5  # the default routine's "switch sides" pause (Routine.switch)


@dataclass(frozen=True)
class Query:
    """What the library view asks for; empty fields do not filter."""

    text: str = ""
    muscle: str = ""
    position: str = ""
    equipment: str = ""  # an equipment word, NO_EQUIPMENT, or "" for any
    max_seconds: int = 0  # 0: any length


@dataclass(frozen=True)
class Entry:
    """One stretch as the filters see it (for inspection; the index keeps columns)."""

    id: str
    text: str
    muscles: frozenset[str]
    positions: frozenset[str]
    equipment: frozenset[str]
    seconds: int


def stretch_seconds(stretch: Stretch) -> int:
    """How long the stretch takes on its own, without the get-ready time (as the player runs it)."""
    sides = 2 if stretch.per_side else 1
    one_side = stretch.hold * stretch.reps + stretch.rest * (stretch.reps - 1)
    return sides * one_side + (SWITCH_SECONDS if sides == 2 else 0)


def words(text: str) -> list[str]:
    """The search words of a query: lower case without accents, split on spaces and commas."""
    return [w for w in fold(text).replace(",", " ").split() if w]


def _muscle_text(muscle: Muscle | None, ident: str) -> str:
    if muscle is None:
        return ident.replace("_", " ")
    return " ".join([ident.replace("_", " "), muscle.name, *muscle.synonyms])


class SearchIndex:
    """Precomputed search data for every stretch of a catalogue, in a fixed order.

    Kept as parallel lists, and the muscle/position/equipment part of each text is shared
    between stretches that have the same ones: building the index for 10,000 stretches is
    then mostly one ``str.lower`` per stretch.
    """

    def __init__(self, stretches: Iterable[Stretch], muscles: dict[str, Muscle]) -> None:
        muscle_text = {ident: _muscle_text(m, ident) for ident, m in muscles.items()}
        tails: dict[tuple[Any, ...], tuple[str, frozenset[str], frozenset[str],
                                           frozenset[str]]] = {}
        self.ids: list[str] = []
        self._texts: list[str] = []
        self._muscles: list[frozenset[str]] = []
        self._positions: list[frozenset[str]] = []
        self._equipment: list[frozenset[str]] = []
        self._seconds: list[int] = []
        for s in stretches:
            key = (tuple(s.muscles.primary), tuple(s.muscles.secondary), tuple(s.position),
                   tuple(s.equipment))
            tail = tails.get(key)
            if tail is None:
                ids = [*s.muscles.primary, *s.muscles.secondary]
                parts = [*(muscle_text.get(i) or _muscle_text(None, i) for i in ids),
                         *s.equipment, *(str(p).replace("_", " ") for p in s.position)]
                tail = tails[key] = ("\n" + fold("\n".join(parts)), frozenset(ids),
                                     frozenset(str(p) for p in s.position),
                                     frozenset(e.lower() for e in s.equipment))
            self.ids.append(s.id)
            self._texts.append(fold(f"{s.name}\n{s.summary}") + tail[0])
            self._muscles.append(tail[1])
            self._positions.append(tail[2])
            self._equipment.append(tail[3])
            self._seconds.append(stretch_seconds(s))

    @classmethod
    def for_catalog(cls, catalog: Catalog) -> "SearchIndex":
        return cls(catalog.stretches.values(), catalog.muscles)

    def __len__(self) -> int:
        return len(self.ids)

    def entry(self, row: int) -> Entry:
        return Entry(self.ids[row], self._texts[row], self._muscles[row], self._positions[row],
                     self._equipment[row], self._seconds[row])

    def equipment_words(self) -> list[str]:
        return sorted(set().union(*set(self._equipment)))

    def muscle_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for group, n in Counter(self._muscles).items():
            for m in group:
                counts[m] = counts.get(m, 0) + n
        return counts

    def mask(self, query: Query) -> list[bool]:
        """One flag per stretch: does it pass every filter of ``query``?"""
        keep = [True] * len(self.ids)
        for word in words(query.text):
            keep = [k and word in t for k, t in zip(keep, self._texts, strict=True)]
        if query.muscle:
            keep = [k and query.muscle in m for k, m in zip(keep, self._muscles, strict=True)]
        if query.position:
            keep = [k and query.position in p
                    for k, p in zip(keep, self._positions, strict=True)]
        if query.equipment == NO_EQUIPMENT:
            keep = [k and not e for k, e in zip(keep, self._equipment, strict=True)]
        elif query.equipment:
            wanted = query.equipment.lower()
            keep = [k and wanted in e for k, e in zip(keep, self._equipment, strict=True)]
        if query.max_seconds:
            limit = query.max_seconds
            keep = [k and t <= limit for k, t in zip(keep, self._seconds, strict=True)]
        return keep

    def matching_ids(self, query: Query) -> list[str]:
        return [i for i, k in zip(self.ids, self.mask(query), strict=True) if k]


def muscles_for_words(catalog: Catalog, text: str) -> list[str]:
    """Muscle ids an everyday phrase points at ("hammies" -> hamstrings), best guess first."""
    phrase = " ".join(words(text))
    if not phrase:
        return []
    exact = [m.id for m in catalog.find_muscles(phrase)]
    if exact:
        return exact
    return [m.id for m in catalog.muscles.values()
            if any(phrase in fold(s) for s in (m.name, *m.synonyms))]

