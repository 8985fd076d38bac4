"""The player's state machine: one routine plan played against a clock.

Time left is always ``deadline - clock()``, never a count of ticks, so a late or missed tick
costs nothing. The UI owns one timer that calls :meth:`Session.tick`; the session answers with
events (segment start, halfway, the last three seconds, side switch, finish) that it also hands
to subscribed callbacks. If the computer sleeps mid-routine, the next tick pauses the session at
the time left before the sleep instead of fast-forwarding through the missed holds.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from itertools import accumulate

from guide.core.i18n import ntr, short_duration
from guide.core.routine.plan import Plan, Segment, SegmentKind

Clock = Callable[[], float]

# A tick gap (wall clock ahead of the monotonic clock, or the monotonic clock itself) larger than
# this while running means the machine was suspended or the process frozen.
SLEEP_GAP = 5.0
# Halfway is announced only for holds long enough for it to mean something.
HALFWAY_MIN = 10
COUNT_FROM = 3


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class EventKind(StrEnum):
    SEGMENT_START = "segment_start"
    HALFWAY = "halfway"
    COUNTDOWN = "countdown"  # count = 3, 2, 1 seconds left in the segment
    SIDE_SWITCH = "side_switch"
    FINISH = "finish"
    PAUSED = "paused"
    RESUMED = "resumed"
    SLEPT = "slept"  # paused because the computer was asleep
    STOPPED = "stopped"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    index: int
    segment: Segment
    count: int = 0


@dataclass(frozen=True)
class Summary:
    """What the end screen and the history need to know about a finished or stopped session."""

    routine: str
    routine_name: str
    routine_kind: str
    started: float  # wall clock (epoch seconds) of the first start
    duration: float  # seconds actually played, pauses excluded
    holds: int  # holds and actions that ran to their end
    completed: bool
    stopped_at: int | None  # index of the segment the user stopped at
    stopped_name: str | None

    def text(self) -> str:
        return ntr("{time}, {n} hold", "{time}, {n} holds", self.holds).format(
            time=short_duration(self.duration), n=self.holds)


def _is_work(segment: Segment) -> bool:
    return segment.kind in (SegmentKind.HOLD, SegmentKind.ACTION)


class Session:
    """Plays ``plan`` against ``clock`` (monotonic seconds); ``wall`` only detects sleep."""

    def __init__(self, plan: Plan, clock: Clock = time.monotonic, wall: Clock = time.time,
                 sleep_gap: float = SLEEP_GAP) -> None:
        self.plan = plan
        self._clock = clock
        self._wall = wall
        self._sleep_gap = sleep_gap
        self._segments = plan.segments
        self._total = float(plan.total_seconds)
        # Seconds in the segments after each one: the time left is read at every tick.
        self._after = tuple(self._total - d for d in accumulate(s.seconds for s in self._segments))
        self._index = 0
        self._state = State.READY
        self._deadline = 0.0  # clock() when the current segment ends, while running
        self._remaining = float(self._segments[0].seconds)  # while not running
        self._counted = COUNT_FROM + 1  # lowest count already announced in this segment
        self._halfway_done = False
        self._last_clock = 0.0
        self._last_wall = 0.0
        self._run_since = 0.0
        self._played = 0.0
        self._started: float | None = None
        self._holds = 0
        self._stopped_at: int | None = None
        self._subscribers: list[Callable[[Event], None]] = []

    # -- reading ----------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def index(self) -> int:
        return self._index

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self._segments

    @property
    def segment(self) -> Segment:
        return self._segments[self._index]

    @property
    def next_segment(self) -> Segment | None:
        """The segment after this one, not counting the closing "done"."""
        following = self._segments[self._index + 1:]
        return following[0] if following and following[0].kind is not SegmentKind.DONE else None

    @property
    def remaining(self) -> float:
        """Seconds left in the current segment."""
        if self._state is State.RUNNING:
            return max(0.0, self._deadline - self._clock())
        return self._remaining

    def next_change(self) -> float:
        """Seconds to the next change shown or heard while running: the next whole second, or
        this segment's halfway cue when that comes first (a half second for an odd hold)."""
        if (left := self.remaining) <= 0:
            return 0.0
        wait, half = left - math.floor(left - 1e-6), self.segment.seconds / 2
        if self._halfway_pending() and half < left < half + wait:
            wait = left - half
        return wait

    @property
    def segment_progress(self) -> float:
        seconds = self.segment.seconds
        if seconds <= 0:
            return 1.0
        return min(1.0, max(0.0, 1.0 - self.remaining / seconds))

    @property
    def time_left(self) -> float:
        """Seconds left in the whole routine."""
        return self.remaining + self._after[self._index]

    @property
    def total_seconds(self) -> float:
        return self._total

    @property
    def overall_progress(self) -> float:
        if self._state is State.FINISHED or self._total <= 0:
            return 1.0
        return min(1.0, max(0.0, 1.0 - self.time_left / self._total))

    @property
    def played(self) -> float:
        """Seconds played so far, pauses excluded."""
        if self._state is State.RUNNING:
            return self._played + max(0.0, self._clock() - self._run_since)
        return self._played

    @property
    def holds_done(self) -> int:
        return self._holds

    @property
    def can_ease(self) -> bool:
        """True while the current item repeats until the user says the cramp has eased."""
        return self._state in (State.RUNNING, State.PAUSED) and self.segment.until_eased

    @property
    def is_over(self) -> bool:
        return self._state in (State.FINISHED, State.STOPPED)

    def summary(self) -> Summary:
        routine = self.plan.routine
        stopped = self._stopped_at
        return Summary(
            routine=routine.id, routine_name=routine.name, routine_kind=str(routine.kind),
            started=self._started if self._started is not None else self._wall(),
            duration=self.played, holds=self._holds,
            completed=self._state is State.FINISHED, stopped_at=stopped,
            stopped_name=self._segments[stopped].name if stopped is not None else None,
        )

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        """Call ``callback`` with every event; returns a function that unsubscribes it."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    # -- driving ----------------------------------------------------------------------------

    def start(self) -> list[Event]:
        if self._state is not State.READY:
            return []
        now = self._clock()
        self._started = self._wall()
        self._state = State.RUNNING
        self._run_since = now
        self._mark(now)
        return self._emit(self._enter(0, now, previous=None))

    def tick(self) -> list[Event]:
        """Advance to the clock's time; called by the UI's timer. Returns what happened."""
        if self._state is not State.RUNNING:
            return []
        now, wall = self._clock(), self._wall()
        slept = (wall - self._last_wall) - (now - self._last_clock) > self._sleep_gap
        if slept or now - self._last_clock > self._sleep_gap:
            return self._emit(self._pause_at(self._last_clock, EventKind.SLEPT))
        self._mark(now, wall)
        events: list[Event] = []
        while self._state is State.RUNNING:
            left = self._deadline - now
            if left > 0:
                events.extend(self._announce(left))
                break
            if _is_work(self.segment):
                self._holds += 1
            # The next segment starts at the old deadline, not now: no drift from late ticks.
            events.extend(self._enter(self._index + 1, self._deadline, previous=self._index))
        return self._emit(events)

    def on_system_resumed(self) -> list[Event]:
        """The desktop says the machine woke up: pause at the time left before it slept."""
        if self._state is not State.RUNNING:
            return []
        return self._emit(self._pause_at(self._last_clock, EventKind.SLEPT))

    def pause(self) -> list[Event]:
        if self._state is not State.RUNNING:
            return []
        return self._emit(self._pause_at(self._clock(), EventKind.PAUSED))

    def resume(self) -> list[Event]:
        if self._state is State.READY:
            return self.start()
        if self._state is not State.PAUSED:
            return []
        now = self._clock()
        self._state = State.RUNNING
        self._deadline = now + self._remaining
        self._run_since = now
        self._mark(now)
        return self._emit([self._event(EventKind.RESUMED)])

    def toggle(self) -> list[Event]:
        if self._state is State.RUNNING:
            return self.pause()
        return self.resume()

    def skip(self) -> list[Event]:
        """Go to the next segment (the end of the routine finishes it)."""
        if self.is_over:
            return []
        return self._jump(self._index + 1)

    def back(self) -> list[Event]:
        """Go to the previous segment (the first one restarts)."""
        if self.is_over:
            return []
        return self._jump(max(0, self._index - 1))

    def restart_segment(self) -> list[Event]:
        if self.is_over:
            return []
        return self._jump(self._index)

    def eased(self) -> list[Event]:
        """The cramp has eased: skip the rest of the current until-eased item."""
        if not self.can_ease:
            return []
        item = self.segment.item
        target = self._index + 1
        while (target < len(self._segments) - 1 and self._segments[target].item == item
               and self._segments[target].kind is not SegmentKind.PREPARE):
            target += 1
        return self._jump(target)

    def stop(self) -> list[Event]:
        if self.is_over:
            return []
        if self._state is State.RUNNING:
            now = self._clock()
            self._played += max(0.0, now - self._run_since)
            self._remaining = max(0.0, self._deadline - now)
        if self._started is None:
            self._started = self._wall()
        self._stopped_at = self._index
        self._state = State.STOPPED
        return self._emit([self._event(EventKind.STOPPED)])

    # -- inside -----------------------------------------------------------------------------

    def _mark(self, now: float, wall: float | None = None) -> None:
        self._last_clock = now
        self._last_wall = self._wall() if wall is None else wall

    def _pause_at(self, at: float, kind: EventKind) -> list[Event]:
        self._remaining = max(0.0, self._deadline - at)
        self._played += max(0.0, at - self._run_since)
        self._state = State.PAUSED
        return [self._event(kind)]

    def _jump(self, index: int) -> list[Event]:
        if self._state is State.READY:
            self._started = self._wall()
            self._state = State.PAUSED
        now = self._clock()
        if self._state is State.RUNNING:
            self._mark(now)
        previous = self._index if index != self._index else None
        return self._emit(self._enter(index, now, previous=previous))

    def _enter(self, index: int, at: float, previous: int | None) -> list[Event]:
        """Make ``index`` the current segment, starting at clock time ``at``."""
        index = min(index, len(self._segments) - 1)
        self._index = index
        segment = self._segments[index]
        self._counted = COUNT_FROM + 1
        self._halfway_done = False
        if self._state is State.RUNNING:
            self._deadline = at + segment.seconds
        else:
            self._remaining = float(segment.seconds)
        if segment.kind is SegmentKind.DONE:
            return self._finish(at)
        events = [self._event(EventKind.SEGMENT_START)]
        if self._is_side_switch(previous, segment):
            events.append(self._event(EventKind.SIDE_SWITCH))
        return events

    def _is_side_switch(self, previous: int | None, segment: Segment) -> bool:
        if segment.kind is SegmentKind.SWITCH:
            return True
        if previous is None or segment.side is None or not _is_work(segment):
            return False
        # No switch pause (alternate order, or switch: 0): the other side of the same item.
        for before in reversed(self._segments[:self._index]):
            if before.kind is SegmentKind.SWITCH or before.item != segment.item:
                return False
            if _is_work(before):
                return before.side is not None and before.side != segment.side
        return False

    def _finish(self, at: float) -> list[Event]:
        if self._state is State.RUNNING:
            self._played += max(0.0, at - self._run_since)
        self._remaining = 0.0
        self._state = State.FINISHED
        return [self._event(EventKind.FINISH)]

    def _announce(self, left: float) -> list[Event]:
        events: list[Event] = []
        segment = self.segment
        if self._halfway_pending() and left <= segment.seconds / 2:
            self._halfway_done = True
            events.append(self._event(EventKind.HALFWAY))
        # Announce 3, 2, 1 as the display reaches them; after a late tick only the latest.
        shown = math.ceil(left)
        if shown <= COUNT_FROM and shown < self._counted and shown < segment.seconds:
            self._counted = shown
            events.append(self._event(EventKind.COUNTDOWN, count=shown))
        return events

    def _halfway_pending(self) -> bool:
        """Halfway is still to be announced in this segment (a hold long enough for it)."""
        seg = self.segment
        return not self._halfway_done and _is_work(seg) and seg.seconds >= HALFWAY_MIN

    def _event(self, kind: EventKind, count: int = 0) -> Event:
        return Event(kind, self._index, self.segment, count)

    def _emit(self, events: list[Event]) -> list[Event]:
        for event in events:
            for callback in list(self._subscribers):
                callback(event)
        return events
