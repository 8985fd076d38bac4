"""The player's state machine, stepped by hand with a fake clock."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.core.content.model import (
    MuscleGroups,
    Position,
    Routine,
    RoutineItem,
    RoutineKind,
    SideOrder,
    Source,
    Step,
    Stretch,
)
from guide.core.i18n import short_duration
from guide.core.routine.plan import Plan, SegmentKind, build_plan
from guide.core.routine.session import Event, EventKind, Session, State

SRC = [Source(title="t", publisher="p", url="https://example.org/")]


def stretch(ident: str, per_side: bool = False, hold: int = 10, reps: int = 2,
            rest: int = 5) -> Stretch:
    return Stretch(id=ident, name=ident.title(), summary="s",
                   muscles=MuscleGroups(primary=["gastrocnemius"]),
                   position=[Position.STANDING], steps=[Step(text="do it")], sources=SRC,
                   per_side=per_side, side_label="leg", hold=hold, reps=reps, rest=rest)


STRETCHES = {s.id: s for s in (stretch("calf", per_side=True), stretch("neck"))}


def make_plan(*items: RoutineItem, prepare: int = 5, between: int = 5, switch: int = 5,
              kind: RoutineKind = RoutineKind.CUSTOM,
              side_order: SideOrder = SideOrder.SEQUENTIAL) -> Plan:
    routine = Routine(id="r", name="R", kind=kind, description="d", items=list(items),
                      prepare=prepare, between=between, switch=switch, side_order=side_order)
    return build_plan(routine, STRETCHES)


class FakeClock:
    """Monotonic and wall clocks that move together unless told otherwise."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall_time = 1_700_000_000.0

    def __call__(self) -> float:
        return self.mono

    def wall(self) -> float:
        return self.wall_time

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall_time += seconds


def run(session: Session, clock: FakeClock, seconds: float, step: float = 0.2) -> list[Event]:
    """Let time pass as the UI's timer would, ticking every ``step`` seconds."""
    events: list[Event] = []
    end = clock.mono + seconds
    while clock.mono < end - 1e-9:
        clock.advance(min(step, end - clock.mono))
        events += session.tick()
    return events


def kinds(events: list[Event]) -> list[EventKind]:
    return [e.kind for e in events]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def new(plan: Plan, clock: FakeClock) -> Session:
    return Session(plan, clock=clock, wall=clock.wall)


def test_starts_ready_and_plays_the_whole_plan(clock: FakeClock) -> None:
    plan = make_plan(RoutineItem(stretch="neck"))  # prepare 5, hold 10, rest 5, hold 10
    session = new(plan, clock)
    assert session.state is State.READY
    assert session.remaining == 5
    assert session.time_left == 30
    started = session.start()
    assert kinds(started) == [EventKind.SEGMENT_START]
    assert session.segment.kind is SegmentKind.PREPARE
    events = run(session, clock, 30)
    assert session.state is State.FINISHED
    assert events[-1].kind is EventKind.FINISH
    starts = [e.segment.kind for e in events if e.kind is EventKind.SEGMENT_START]
    assert starts == [SegmentKind.HOLD, SegmentKind.REST, SegmentKind.HOLD]
    assert session.holds_done == 2
    assert session.overall_progress == 1.0
    assert session.summary().completed
    assert session.summary().duration == pytest.approx(30)


def test_remaining_comes_from_the_deadline_not_from_ticks(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    clock.advance(3.7)  # no tick at all
    assert session.remaining == pytest.approx(6.3)
    assert session.segment_progress == pytest.approx(0.37)
    assert session.time_left == pytest.approx(25 - 3.7)


def test_a_late_tick_carries_the_overshoot_into_the_next_segment(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    run(session, clock, 9.9)
    clock.advance(0.4)  # the timer fired 0.3 s late
    events = session.tick()
    assert kinds(events)[0] is EventKind.SEGMENT_START
    assert session.segment.kind is SegmentKind.REST
    assert session.remaining == pytest.approx(4.7)  # 5 s rest started at the old deadline


def test_pause_keeps_the_exact_remaining_time(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    run(session, clock, 4.25)
    assert kinds(session.pause()) == [EventKind.PAUSED]
    assert session.remaining == pytest.approx(5.75)
    clock.advance(600)  # a long pause
    assert session.tick() == []
    assert session.remaining == pytest.approx(5.75)
    assert kinds(session.resume()) == [EventKind.RESUMED]
    clock.advance(0.75)
    assert session.remaining == pytest.approx(5.0)
    assert session.played == pytest.approx(5.0)


@given(st.lists(st.tuples(st.floats(0.01, 3.0), st.floats(0.0, 100.0)), max_size=8))
@settings(max_examples=50, deadline=None)
def test_pauses_never_change_how_much_is_played(pauses: list[tuple[float, float]]) -> None:
    clock = FakeClock()
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    played = 0.0
    for run_for, pause_for in pauses:
        if played + run_for >= 24:
            break
        run(session, clock, run_for)
        played += run_for
        session.pause()
        clock.advance(pause_for)
        session.resume()
    assert session.time_left == pytest.approx(25 - played)
    assert session.played == pytest.approx(played)


def test_toggle_starts_pauses_and_resumes(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck")), clock)
    session.toggle()
    assert session.state is State.RUNNING
    session.toggle()
    assert session.state is State.PAUSED
    session.toggle()
    assert session.state is State.RUNNING


def test_skip_back_and_restart(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck")), clock)
    session.start()
    run(session, clock, 2)
    events = session.skip()
    assert kinds(events) == [EventKind.SEGMENT_START]
    assert session.segment.kind is SegmentKind.HOLD
    assert session.remaining == 10
    run(session, clock, 4)
    session.restart_segment()
    assert session.index == 1
    assert session.remaining == 10
    session.back()
    assert session.segment.kind is SegmentKind.PREPARE
    assert session.remaining == 5
    session.back()  # the first segment just restarts
    assert session.index == 0
    assert session.state is State.RUNNING


def test_skip_while_paused_stays_paused(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck")), clock)
    session.start()
    session.pause()
    session.skip()
    assert session.state is State.PAUSED
    assert session.remaining == 10
    clock.advance(5)
    assert session.remaining == 10


def test_skip_past_the_end_finishes_without_counting_holds(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck")), clock)
    session.start()
    events: list[Event] = []
    for _ in range(10):
        events += session.skip()
    assert session.state is State.FINISHED
    assert kinds(events).count(EventKind.FINISH) == 1
    assert session.holds_done == 0


def test_halfway_and_last_three_seconds(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck", reps=1), prepare=0), clock)
    session.start()
    events = run(session, clock, 10)
    assert [(e.kind, e.count) for e in events if e.kind is not EventKind.FINISH] == [
        (EventKind.HALFWAY, 0), (EventKind.COUNTDOWN, 3), (EventKind.COUNTDOWN, 2),
        (EventKind.COUNTDOWN, 1)]
    assert kinds(events)[-1] is EventKind.FINISH


def test_waking_only_at_next_change_misses_no_cue_and_skips_idle_half_seconds() -> None:
    # Two 11 s holds (halfway cue at 5.5 s left) around a 5 s rest (too short for a cue).
    neck = stretch("neck", hold=11, reps=2, rest=5)
    routine = Routine(id="r", name="R", kind=RoutineKind.CUSTOM, description="d", prepare=0,
                      items=[RoutineItem(stretch="neck")])
    plan = build_plan(routine, {"neck": neck})
    timed, fine = FakeClock(), FakeClock()
    woken, sparse = new(plan, timed), new(plan, fine)
    woken.start()
    sparse.start()
    events: list[tuple[EventKind, int, int, float]] = []
    wakes = 0
    while woken.state is State.RUNNING:
        timed.advance(woken.next_change() + 0.001)
        wakes += 1
        events += [(e.kind, e.count, e.index, round(timed.mono - 1000)) for e in woken.tick()]
    finely: list[tuple[EventKind, int, int, float]] = []
    while sparse.state is State.RUNNING:
        fine.advance(0.01)
        finely += [(e.kind, e.count, e.index, round(fine.mono - 1000)) for e in sparse.tick()]
    assert events == finely  # the same cues at the same seconds
    assert [e[0] for e in events].count(EventKind.HALFWAY) == 2
    assert wakes == plan.total_seconds + 2  # once a second, and at each hold's halfway


def test_a_late_tick_announces_only_the_latest_count(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck", reps=1), prepare=0), clock)
    session.start()
    run(session, clock, 6.5)
    clock.advance(2.0)  # 3.5 -> 1.5 s left in one step
    assert [(e.kind, e.count) for e in session.tick()] == [(EventKind.COUNTDOWN, 2)]


def test_sides_reps_and_switch_in_sequential_order(clock: FakeClock) -> None:
    plan = make_plan(RoutineItem(stretch="calf"), prepare=0)
    holds = [(s.side, s.rep, s.reps) for s in plan.segments if s.kind is SegmentKind.HOLD]
    assert holds == [("left", 1, 2), ("left", 2, 2), ("right", 1, 2), ("right", 2, 2)]
    session = new(plan, clock)
    session.start()
    events = run(session, clock, plan.total_seconds)
    switches = [e for e in events if e.kind is EventKind.SIDE_SWITCH]
    assert len(switches) == 1
    assert switches[0].segment.kind is SegmentKind.SWITCH
    assert switches[0].segment.side == "right"
    assert session.holds_done == 4


def test_alternate_order_without_a_switch_pause_still_announces_the_switch(
        clock: FakeClock) -> None:
    plan = make_plan(RoutineItem(stretch="calf"), prepare=0, switch=0,
                     side_order=SideOrder.ALTERNATE)
    sides = [s.side for s in plan.segments if s.kind is SegmentKind.HOLD]
    assert sides == ["left", "right", "left", "right"]
    session = new(plan, clock)
    session.start()
    events = run(session, clock, plan.total_seconds)
    assert sum(e.kind is EventKind.SIDE_SWITCH for e in events) == 3  # L>R, R>L, L>R


def test_sleep_pauses_at_the_time_left_before_it(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    run(session, clock, 3.0)
    # Suspend: CLOCK_MONOTONIC stands still on Linux, the wall clock jumps an hour.
    clock.mono += 0.01
    clock.wall_time += 3600
    events = session.tick()
    assert kinds(events) == [EventKind.SLEPT]
    assert session.state is State.PAUSED
    assert session.index == 0
    assert session.remaining == pytest.approx(7.0)
    session.resume()
    run(session, clock, 1)
    assert session.remaining == pytest.approx(6.0)


def test_a_monotonic_clock_that_counts_sleep_also_pauses(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    run(session, clock, 2.0)
    clock.advance(3600)  # Windows: both clocks jump
    assert kinds(session.tick()) == [EventKind.SLEPT]
    assert session.index == 0
    assert session.remaining == pytest.approx(8.0)


def test_on_system_resumed_pauses_at_the_last_tick(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    run(session, clock, 2.0)
    clock.advance(1.0)
    assert kinds(session.on_system_resumed()) == [EventKind.SLEPT]
    assert session.remaining == pytest.approx(8.0)
    assert session.on_system_resumed() == []


def test_a_wall_clock_step_backwards_is_not_sleep(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck"), prepare=0), clock)
    session.start()
    clock.wall_time -= 3600
    clock.mono += 0.2
    session.tick()
    assert session.state is State.RUNNING


def test_eased_skips_the_remaining_reps_of_a_relief_item(clock: FakeClock) -> None:
    plan = make_plan(RoutineItem(stretch="neck", reps=4, until_eased=True),
                     RoutineItem(action="Walk about", hold=30), prepare=0,
                     kind=RoutineKind.RELIEF)
    session = new(plan, clock)
    session.start()
    assert session.can_ease
    run(session, clock, 10 + 5 + 3)  # rep 1, rest, part of rep 2
    assert session.segment.rep == 2
    events = session.eased()
    assert session.segment.kind is SegmentKind.PREPARE
    assert session.segment.exercise == "Walk about"
    assert kinds(events) == [EventKind.SEGMENT_START]
    assert not session.can_ease
    assert session.eased() == []


def test_relief_hold_repeats_until_eased(clock: FakeClock) -> None:
    plan = make_plan(RoutineItem(stretch="neck", reps=3, until_eased=True), prepare=0)
    session = new(plan, clock)
    session.start()
    events = run(session, clock, 10 + 5 + 10 + 5 + 1)
    reps = [e.segment.rep for e in events
            if e.kind is EventKind.SEGMENT_START and e.segment.kind is SegmentKind.HOLD]
    assert reps == [2, 3]  # still cramping: it keeps going until told otherwise


def test_stop_records_where(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck")), clock)
    seen: list[Event] = []
    unsubscribe = session.subscribe(seen.append)
    session.start()
    run(session, clock, 7)
    events = session.stop()
    assert kinds(events) == [EventKind.STOPPED]
    assert session.state is State.STOPPED
    summary = session.summary()
    assert not summary.completed
    assert summary.stopped_at == 1
    assert summary.stopped_name == "Neck"
    assert summary.duration == pytest.approx(7)
    assert summary.started == pytest.approx(1_700_000_000.0)
    assert kinds(seen)[-1] is EventKind.STOPPED
    assert session.tick() == [] and session.skip() == [] and session.stop() == []
    unsubscribe()
    session.resume()
    assert session.state is State.STOPPED


def test_subscribers_get_what_tick_returns(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck")), clock)
    seen: list[Event] = []
    session.subscribe(seen.append)
    returned = session.start() + run(session, clock, 30)
    assert seen == returned


def test_next_segment_and_summary_text(clock: FakeClock) -> None:
    session = new(make_plan(RoutineItem(stretch="neck", reps=1)), clock)
    assert session.next_segment is not None
    assert session.next_segment.kind is SegmentKind.HOLD
    session.skip()
    assert session.next_segment is None
    assert short_duration(200) == "3 min 20 s"
    assert short_duration(60) == "1 min"
    assert short_duration(9.6) == "10 s"
    run(session, clock, 0)  # paused by the skip from ready
    session.resume()
    run(session, clock, 10)
    assert session.summary().text() == "10 s, 1 hold"
