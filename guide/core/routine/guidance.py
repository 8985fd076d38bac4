"""What a routine asks the user to keep in mind: its tips, its stretches' cautions, its sources.

The player, the routine detail panes, the printed sheet and ``plan --json`` all read these from
here, so they say the same thing.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from guide.core.content.model import Routine, Source, Stretch


@dataclass(frozen=True)
class StretchCautions:
    """The cautions of one stretch in a routine, in the routine's order."""

    stretch: str  # stretch id
    name: str
    cautions: tuple[str, ...]


def routine_stretches(routine: Routine, stretches: dict[str, Stretch]) -> list[Stretch]:
    """The stretches a routine uses, each once, in the order they first appear."""
    seen: dict[str, Stretch] = {}
    for item in routine.items:
        stretch = stretches.get(item.stretch or "")
        if stretch is not None and stretch.id not in seen:
            seen[stretch.id] = stretch
    return list(seen.values())


def routine_cautions(routine: Routine, stretches: dict[str, Stretch]) -> list[StretchCautions]:
    """Every stretch in the routine that has cautions, with them."""
    return [StretchCautions(s.id, s.name, tuple(s.cautions))
            for s in routine_stretches(routine, stretches) if s.cautions]


def routine_sources(routine: Routine, stretches: dict[str, Stretch]) -> list[Source]:
    """The routine's own sources, then its stretches' sources; each address once."""
    return unique_sources([routine.sources,
                           *(s.sources for s in routine_stretches(routine, stretches))])


def unique_sources(groups: Iterable[Iterable[Source]]) -> list[Source]:
    seen: set[str] = set()
    out: list[Source] = []
    for group in groups:
        for source in group:
            key = source.url.rstrip("/")
            if key not in seen:
                seen.add(key)
                out.append(source)
    return out


def key_caution(cautions: Iterable[str]) -> str:
    """The caution that must stay on screen: the first "stop ..." line, else the first one."""
    cautions = [c.strip() for c in cautions if c.strip()]
    for caution in cautions:
        if caution.lower().startswith("stop"):
            return caution
    return cautions[0] if cautions else ""
