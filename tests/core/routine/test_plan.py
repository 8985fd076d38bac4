"""Routine timelines: every shipped routine plans and plays, and bedtime follows the 2012 trial."""

import msgspec
import pytest

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Catalog
from guide.core.content.model import RoutineKind, SideOrder
from guide.core.routine.plan import Plan, SegmentKind, build_plan
from guide.core.routine.session import EventKind, Session, State


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    from guide.core.content.catalog import builtin_source

    return load_catalog([builtin_source()])


def routine_ids() -> list[str]:
    from guide.core.content.catalog import builtin_source

    return sorted(load_catalog([builtin_source()]).routines)


def test_content_ships_routines(shipped: Catalog) -> None:
    assert shipped.routines, "no routines found under exercises/routines"
    assert "bedtime" in shipped.routines


@pytest.mark.parametrize("routine_id", routine_ids())
def test_every_shipped_routine_plans_and_plays_to_the_end(shipped: Catalog,
                                                          routine_id: str) -> None:
    plan = build_plan(shipped.routines[routine_id], shipped.stretches)
    assert plan.segments[-1].kind is SegmentKind.DONE
    assert all(s.seconds > 0 for s in plan.segments[:-1])
    assert 30 <= plan.total_seconds <= 20 * 60
    for segment in plan.segments:
        if segment.illustration:
            assert shipped.media_path(segment.illustration) is not None, segment.illustration
    now = [0.0]
    session = Session(plan, clock=lambda: now[0], wall=lambda: now[0])
    events = session.start()
    while session.state is State.RUNNING:
        now[0] += 0.5
        events += session.tick()
    assert session.state is State.FINISHED
    assert [e.kind for e in events].count(EventKind.FINISH) == 1
    assert session.holds_done == sum(s.kind in (SegmentKind.HOLD, SegmentKind.ACTION)
                                     for s in plan.segments)


def _holds(plan: Plan) -> list[tuple[str | None, str | None, int | None, int]]:
    return [(s.exercise, s.side, s.rep, s.seconds) for s in plan.segments
            if s.kind is SegmentKind.HOLD]


@pytest.mark.parametrize("routine_id", ["bedtime", "bedtime-seated"])
def test_bedtime_follows_the_2012_protocol(shipped: Catalog, routine_id: str) -> None:
    """Hallegraeff et al. 2012: calf then hamstring, each leg, 3 x 10 s with 10 s relaxation."""
    routine = shipped.routines[routine_id]
    assert routine.kind is RoutineKind.BEDTIME
    plan = build_plan(routine, shipped.stretches)
    calf, hamstring = (item.stretch for item in routine.items)
    assert calf is not None and "calf" in calf
    assert hamstring is not None and "hamstring" in hamstring
    expected = [(ex, side, rep, 10) for ex in (calf, hamstring) for side in ("left", "right")
                for rep in (1, 2, 3)]
    assert _holds(plan) == expected
    kinds = [s.kind for s in plan.segments]
    # Between the holds on one leg: a 10 s relaxation; between legs: a side switch.
    for i, segment in enumerate(plan.segments[:-1]):
        following = plan.segments[i + 1]
        if segment.kind is SegmentKind.HOLD and following.kind is SegmentKind.HOLD:
            pytest.fail(f"two holds in a row without rest at segment {i}")
        if segment.kind is SegmentKind.REST:
            assert segment.seconds == 10
    assert kinds.count(SegmentKind.SWITCH) == 2
    switches = [s for s in plan.segments if s.kind is SegmentKind.SWITCH]
    assert [s.side for s in switches] == ["right", "right"]
    # The illustration is flipped when the other leg works, if it is drawn for one side.
    for segment in plan.segments:
        if segment.kind is SegmentKind.HOLD:
            stretch = shipped.stretches[segment.exercise or ""]
            assert segment.mirrored == (segment.side != str(stretch.drawn_side))
    # A bedtime session plays to the end in about four minutes.
    assert 3 * 60 <= plan.total_seconds <= 5 * 60


@pytest.mark.parametrize(("routine_id", "cramping", "opposite"), [
    ("cramp-thigh", "quadriceps", "hamstrings"),
    ("cramp-hamstring", "hamstrings", "quadriceps"),
])
def test_thigh_relief_stretches_the_half_that_cramps(shipped: Catalog, routine_id: str,
                                                     cramping: str, opposite: str) -> None:
    """A cramp is eased by lengthening that muscle; stretching the other half of the thigh
    shortens the cramping one, so each thigh routine must stretch only its own half."""
    routine = shipped.routines[routine_id]
    assert routine.kind is RoutineKind.RELIEF
    stretches = [shipped.stretches[item.stretch] for item in routine.items if item.stretch]
    assert stretches
    for stretch in stretches:
        assert cramping in stretch.muscles.primary, stretch.id
        assert opposite not in (*stretch.muscles.primary, *stretch.muscles.secondary), stretch.id
    assert any(item.until_eased for item in routine.items)


def test_bedtime_in_alternate_order_switches_leg_every_hold(shipped: Catalog) -> None:
    routine = msgspec.structs.replace(shipped.routines["bedtime"],
                                      side_order=SideOrder.ALTERNATE)
    plan = build_plan(routine, shipped.stretches)
    holds = _holds(plan)
    assert len(holds) == 12
    assert [side for _, side, _, _ in holds] == ["left", "right"] * 6
    assert [rep for _, _, rep, _ in holds] == [1, 1, 2, 2, 3, 3] * 2
    session = Session(plan, clock=lambda: 0.0, wall=lambda: 0.0)
    events = session.start()
    while session.state is not State.FINISHED:
        events += session.skip()
    switched = [e.segment.side for e in events if e.kind is EventKind.SIDE_SWITCH]
    assert switched == ["right", "left", "right", "left", "right"] * 2
