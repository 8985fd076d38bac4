"""Tips, cautions and sources of a routine: what the player, the sheet and plan --json show."""

from guide.core.content.model import (
    MuscleGroups,
    Position,
    Routine,
    RoutineItem,
    RoutineKind,
    Source,
    Step,
    Stretch,
)
from guide.core.routine.guidance import key_caution, routine_cautions, routine_sources
from guide.core.routine.plan import SegmentKind, build_plan

NHS = Source(title="Leg cramps", publisher="NHS", url="https://www.nhs.uk/conditions/leg-cramps/")
MAYO = Source(title="Stretching", publisher="Mayo", url="https://mayo.example/stretching")


def stretch(ident: str, cautions: list[str], sources: list[Source]) -> Stretch:
    return Stretch(id=ident, name=ident.title(), summary="s",
                   muscles=MuscleGroups(primary=["gastrocnemius"]),
                   position=[Position.STANDING],
                   steps=[Step(text=f"{ident} first step"), Step(text=f"{ident} second step")],
                   sources=sources, cautions=cautions, cues=["Slowly"], hold=5, reps=1, rest=0)


STRETCHES = {
    "calf": stretch("calf", ["Hold a chair.", "Stop if the leg is swollen."], [NHS]),
    "neck": stretch("neck", [], [MAYO, NHS]),
}
ROUTINE = Routine(id="r", name="R", kind=RoutineKind.RELIEF, description="d",
                  items=[RoutineItem(action="Stand still", hold=5), RoutineItem(stretch="calf"),
                         RoutineItem(stretch="neck", text="Turn slowly."),
                         RoutineItem(stretch="calf")],
                  tips=["Warmth for tightness."], sources=[NHS])


def test_cautions_come_once_per_stretch_that_has_them() -> None:
    groups = routine_cautions(ROUTINE, STRETCHES)
    assert [(g.stretch, g.cautions) for g in groups] == [
        ("calf", ("Hold a chair.", "Stop if the leg is swollen."))]


def test_sources_are_the_routines_then_the_stretches_each_address_once() -> None:
    assert routine_sources(ROUTINE, STRETCHES) == [NHS, MAYO]


def test_the_stop_line_is_the_key_caution_else_the_first() -> None:
    assert key_caution(["Hold a chair.", "Stop if the leg is swollen."]) == \
        "Stop if the leg is swollen."
    assert key_caution(["Hold a chair.", "Skip it."]) == "Hold a chair."
    assert key_caution([]) == ""


def test_plan_json_carries_tips_sources_and_each_segments_cautions() -> None:
    plan = build_plan(ROUTINE, STRETCHES)
    data = plan.to_json(routine_sources(ROUTINE, STRETCHES))
    assert data["tips"] == ["Warmth for tightness."]
    assert [s["url"] for s in data["sources"]] == [NHS.url, MAYO.url]
    calf = [s for s in data["segments"] if s["exercise"] == "calf"]
    assert calf and all(s["cautions"] == ["Hold a chair.", "Stop if the leg is swollen."]
                        for s in calf)
    assert all(s["cautions"] == [] for s in data["segments"] if s["exercise"] != "calf")


def test_a_hold_says_how_to_do_the_stretch_not_a_cue_word() -> None:
    holds = [s for s in build_plan(ROUTINE, STRETCHES).segments if s.kind is SegmentKind.HOLD]
    assert holds[0].text == "calf first step\ncalf second step"
    assert holds[1].text == "Turn slowly."  # the routine's own words win


def test_the_briefing_is_the_get_ready_just_before_the_first_hold() -> None:
    plan = build_plan(ROUTINE, STRETCHES)
    index = plan.briefing_index
    assert index is not None
    assert plan.segments[index].kind is SegmentKind.PREPARE
    assert plan.segments[index + 1].kind is SegmentKind.HOLD
    assert all(s.kind is not SegmentKind.HOLD for s in plan.segments[:index])
