"""Fast filtering of the stretch list: everyday words, muscle, position, equipment and time.

The index is built once per catalogue: for every stretch a lower-case search text (name, summary,
muscle ids, names and everyday synonyms, equipment) plus sets for the exact filters. A query is
answered with plain ``str`` and set operations over the rows still in play, so 50,000 stretches
filter in a few ms.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
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


@dataclass
class Columns:
    """The search data of every stretch, sorted by name, as plain lists (the catalogue cache
    stores them, so Browse opens without touching 50,000 stretches)."""

    ids: list[str]
    names: list[str]  # as shown (the builder's stretch chooser lists them)
    heads: list[str]  # lower-case name and summary
    groups: list[int]  # the row's entry in ``tails``
    tails: list[tuple[str, list[str], list[str], list[str]]]  # text, muscles, positions, equipment
    seconds: list[int]


def columns_of(stretches: Iterable[Stretch], muscles: dict[str, Muscle]) -> Columns:
    muscle_text = {ident: _muscle_text(m, ident) for ident, m in muscles.items()}
    tails: dict[tuple[Any, ...], int] = {}
    out = Columns([], [], [], [], [], [])
    for s in sorted(stretches, key=lambda s: s.name.lower()):
        key = (tuple(s.muscles.primary), tuple(s.muscles.secondary), tuple(s.position),
               tuple(s.equipment))
        group = tails.get(key)
        if group is None:
            ids = list(dict.fromkeys([*s.muscles.primary, *s.muscles.secondary]))
            parts = [*(muscle_text.get(i) or _muscle_text(None, i) for i in ids),
                     *s.equipment, *(str(p).replace("_", " ") for p in s.position)]
            group = tails[key] = len(out.tails)
            out.tails.append(("\n" + fold("\n".join(parts)), ids,
                              [str(p) for p in s.position], [e.lower() for e in s.equipment]))
        out.ids.append(s.id)
        out.names.append(s.name)
        out.heads.append(fold(f"{s.name}\n{s.summary}"))
        out.groups.append(group)
        out.seconds.append(stretch_seconds(s))
    return out


class SearchIndex:
    """Precomputed search data for every stretch of a catalogue, sorted by name.

    Parallel lists; the muscle/position/equipment part is shared by the stretches that have
    the same ones (a few dozen groups however many stretches), so a search word is looked for
    once per group and once in each stretch's own name and summary.
    """

    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.ids = columns.ids
        self.names = columns.names
        self._heads = columns.heads
        self._groups = columns.groups
        self._tail_texts = [t[0] for t in columns.tails]
        sets = [(frozenset(m), frozenset(p), frozenset(e)) for _t, m, p, e in columns.tails]
        self._group_muscles = [s[0] for s in sets]
        self._muscles = [sets[g][0] for g in columns.groups]
        self._positions = [sets[g][1] for g in columns.groups]
        self._equipment = [sets[g][2] for g in columns.groups]
        self._seconds = columns.seconds

    @classmethod
    def for_catalog(cls, catalog: Catalog) -> "SearchIndex":
        """The catalogue's index, built on first use (or read from the cache) and kept.

        A cached catalogue holds a function that reads its stored columns (None when they
        cannot be read: the index is then built from the stretches)."""
        index = catalog.search_index
        if not isinstance(index, SearchIndex):
            columns = index() if callable(index) else None
            if columns is None:
                columns = columns_of(catalog.stretches.values(), catalog.muscles)
            catalog.search_index = index = cls(columns)
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def entry(self, row: int) -> Entry:
        text = self._heads[row] + self._tail_texts[self._groups[row]]
        return Entry(self.ids[row], text, self._muscles[row], self._positions[row],
                     self._equipment[row], self._seconds[row])

    def equipment_words(self) -> list[str]:
        return sorted({word for _t, _m, _p, words in self.columns.tails for word in words})

    def muscle_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for group, n in Counter(self._groups).items():
            for m in self._group_muscles[group]:
                counts[m] = counts.get(m, 0) + n
        return counts

    def matching_rows(self, query: Query) -> Sequence[int]:
        """The rows (in index order) that pass every filter of ``query``.

        Each filter narrows the rows left by the one before, most selective first.
        """
        rows: Sequence[int] = range(len(self.ids))
        if query.muscle:
            muscle, column = query.muscle, self._muscles
            rows = [i for i in rows if muscle in column[i]]
        if query.position:
            position, column = query.position, self._positions
            rows = [i for i in rows if position in column[i]]
        if query.equipment == NO_EQUIPMENT:
            column = self._equipment
            rows = [i for i in rows if not column[i]]
        elif query.equipment:
            wanted, column = query.equipment.lower(), self._equipment
            rows = [i for i in rows if wanted in column[i]]
        if query.max_seconds:
            limit, seconds = query.max_seconds, self._seconds
            rows = [i for i in rows if seconds[i] <= limit]
        heads, groups = self._heads, self._groups
        for word in words(query.text):
            found = {g for g, text in enumerate(self._tail_texts) if word in text}
            rows = [i for i in rows if groups[i] in found or word in heads[i]]
        return rows

    def matching_ids(self, query: Query) -> list[str]:
        return [self.ids[row] for row in self.matching_rows(query)]


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

