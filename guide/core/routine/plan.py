"""Expand a routine into a flat timeline of segments: get-ready, hold, rest, switch, action, done.

Per-side stretches run every rep on one side, then a "switch sides" segment, then the other side
(or alternate sides rep by rep when the routine or item says so).
"""

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

import msgspec

from guide.core.content.model import Routine, RoutineItem, SideOrder, Sides, Source, Stretch
from guide.core.content.sides import side_phrase
from guide.core.i18n import tr


class SegmentKind(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    REST = "rest"
    SWITCH = "switch"
    ACTION = "action"
    DONE = "done"


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    exercise: str | None  # stretch id, or the action's text
    name: str  # what the screen shows as the title
    seconds: int
    side: str | None = None  # "left" / "right" / None
    rep: int | None = None  # 1-based
    reps: int | None = None
    item: int | None = None  # index of the routine item this belongs to
    text: str = ""
    illustration: str | None = None
    mirrored: bool = False  # draw the illustration flipped (the other side)
    until_eased: bool = False
    style: str = ""
    cautions: tuple[str, ...] = ()  # the stretch's cautions, on every segment of that stretch

    def to_json(self, start: int) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["start"] = start
        data["cautions"] = list(self.cautions)
        return data


@dataclass(frozen=True)
class Plan:
    routine: Routine
    segments: tuple[Segment, ...]

    @property
    def total_seconds(self) -> int:
        return sum(s.seconds for s in self.segments)

    @property
    def briefing_index(self) -> int | None:
        """The get-ready segment that shows the routine's tips and cautions: the last one
        before the first hold, so it is on screen just before the user starts stretching."""
        last = None
        for index, segment in enumerate(self.segments):
            if segment.kind is SegmentKind.PREPARE:
                last = index
            elif segment.kind is SegmentKind.HOLD:
                break
        return last

    def starts(self) -> list[int]:
        out, t = [], 0
        for seg in self.segments:
            out.append(t)
            t += seg.seconds
        return out

    def to_json(self, sources: list[Source] | None = None) -> dict[str, Any]:
        """The plan as JSON; ``sources`` are the routine's and its stretches' (see guidance)."""
        return {
            "routine": self.routine.id,
            "name": self.routine.name,
            "total_seconds": self.total_seconds,
            "tips": list(self.routine.tips),
            "sources": [msgspec.to_builtins(s) for s in
                        (self.routine.sources if sources is None else sources)],
            "segments": [s.to_json(t) for s, t in zip(self.segments, self.starts(), strict=True)],
        }


class PlanError(ValueError):
    pass


def build_plan(routine: Routine, stretches: dict[str, Stretch]) -> Plan:
    """The timeline for ``routine``. Raises PlanError when an item names an unknown stretch."""
    segments: list[Segment] = []
    for index, item in enumerate(routine.items):
        body = list(_item_segments(routine, index, item, stretches))
        if not body:
            continue
        lead = routine.prepare if index == 0 else routine.between
        if lead:
            first = body[0]
            text = routine.prepare_text if index == 0 and routine.prepare_text else ""
            segments.append(Segment(
                SegmentKind.PREPARE, first.exercise, first.name, lead, side=first.side,
                item=index, text=text or tr("Get ready: {name}").format(name=first.name),
                illustration=first.illustration, mirrored=first.mirrored,
                cautions=first.cautions,
            ))
        segments.extend(body)
    segments.append(Segment(SegmentKind.DONE, None, tr("Well done"), 0,
                            text=routine.finish_text or ""))
    return Plan(routine, tuple(segments))


def _first_illustration(stretch: Stretch) -> str | None:
    return next((s.illustration for s in stretch.steps if s.illustration), None)


def _item_segments(routine: Routine, index: int, item: RoutineItem,
                   stretches: dict[str, Stretch]) -> Iterator[Segment]:
    if item.stretch is None:
        reps = item.reps or 1
        for rep in range(1, reps + 1):
            if rep > 1 and item.rest:
                yield Segment(SegmentKind.REST, item.action, tr("Relax"), item.rest, item=index)
            yield Segment(
                SegmentKind.ACTION, item.action, item.action or "", item.hold or 30,
                rep=rep if reps > 1 else None, reps=reps if reps > 1 else None, item=index,
                text=item.text or "", illustration=item.illustration,
                until_eased=item.until_eased,
            )
        return
    stretch = stretches.get(item.stretch)
    if stretch is None:
        raise PlanError(tr("unknown stretch `{id}`").format(id=item.stretch))
    hold = item.hold or stretch.hold
    reps = item.reps or stretch.reps
    rest = stretch.rest if item.rest is None else item.rest
    art = item.illustration or _first_illustration(stretch)
    # The routine's own words for this item, else how to do the stretch: its steps, one a line.
    text = item.text or "\n".join(step.text.strip() for step in stretch.steps)
    cautions = tuple(stretch.cautions)
    common = dict(exercise=stretch.id, name=stretch.name, item=index, text=text,
                  until_eased=item.until_eased, style=str(stretch.style), cautions=cautions)

    def hold_segment(side: str | None, rep: int) -> Segment:
        mirrored = side is not None and side != str(stretch.drawn_side)
        return Segment(SegmentKind.HOLD, seconds=hold, side=side, rep=rep, reps=reps,
                       illustration=art, mirrored=mirrored, **common)  # type: ignore[arg-type]

    def rest_segment(side: str | None) -> Segment:
        return Segment(SegmentKind.REST, stretch.id, tr("Relax"), rest, side=side, item=index,
                       text=tr("Relax and breathe"), illustration=art,
                       mirrored=side is not None and side != str(stretch.drawn_side),
                       cautions=cautions)

    # A cramp happens in one leg: relief holds go to "the cramping leg", not left then right.
    one_side = stretch.per_side and item.until_eased and item.sides is None
    if not stretch.per_side or one_side:
        for rep in range(1, reps + 1):
            if rep > 1 and rest:
                yield rest_segment(None)
            yield hold_segment(None, rep)
        return
    sides = ["left", "right"] if item.sides in (None, Sides.BOTH) else [str(item.sides)]
    order = item.side_order or routine.side_order
    if order is SideOrder.ALTERNATE and len(sides) == 2:
        for rep in range(1, reps + 1):
            for n, side in enumerate(sides):
                if n and routine.switch:
                    yield _switch(stretch, side, index, routine.switch, art)
                elif rep > 1 and rest:
                    yield rest_segment(side)
                yield hold_segment(side, rep)
        return
    for n, side in enumerate(sides):
        if n and routine.switch:
            yield _switch(stretch, side, index, routine.switch, art)
        for rep in range(1, reps + 1):
            if rep > 1 and rest:
                yield rest_segment(side)
            yield hold_segment(side, rep)


def _switch(stretch: Stretch, side: str, index: int, seconds: int, art: str | None) -> Segment:
    return Segment(
        SegmentKind.SWITCH, stretch.id, tr("Switch sides"), seconds, side=side, item=index,
        text=side_phrase(stretch.side_label, f"now-{side}"),
        illustration=art, mirrored=side != str(stretch.drawn_side),
        cautions=tuple(stretch.cautions),
    )


def routine_seconds(routine: Routine, stretches: dict[str, Stretch]) -> int | None:
    """The routine's length as the player runs it; None while an item names an unknown stretch."""
    try:
        return build_plan(routine, stretches).total_seconds
    except PlanError:
        return None
