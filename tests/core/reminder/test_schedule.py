"""The reminder schedule under a fake clock: DST, clock jumps, suspend, restart, snooze, pause."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide.core.reminder import schedule
from guide.core.reminder.schedule import Fire, Scheduler, next_occurrence, previous_occurrence
from guide.core.store import settings
from guide.core.store.settings import Reminder

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when

    def advance(self, **delta: float) -> None:
        self.now = self.now + timedelta(**delta)


def reminder(time: str = "22:30", days: list[int] | None = None, **kw: object) -> Reminder:
    return Reminder(enabled=True, time=time, days=list(range(7)) if days is None else days,
                    **kw)  # type: ignore[arg-type]


def make(start: datetime, r: Reminder | None = None, tz: ZoneInfo | None = BERLIN,
         ) -> tuple[Scheduler, FakeClock, list[Reminder]]:
    clock = FakeClock(start)
    saved: list[Reminder] = []
    r = r or reminder()
    sched = Scheduler(r, save=lambda rem: saved.append(rem.copy()), tz=tz,
                      clock=clock)
    return sched, clock, saved


def run_minutes(sched: Scheduler, clock: FakeClock, minutes: int) -> list[Fire]:
    """Check once a minute, like the app does, and collect what fired."""
    fires = []
    for _ in range(minutes):
        clock.advance(minutes=1)
        fire = sched.check()
        if fire is not None:
            fires.append(fire)
    return fires


# -- the calendar --------------------------------------------------------------------------

def test_spring_forward_day_is_23_hours_apart() -> None:
    before = berlin(2026, 3, 28, 22, 30)
    nxt = next_occurrence(reminder(), before, BERLIN)
    assert nxt is not None
    assert nxt.isoformat() == "2026-03-29T22:30:00+02:00"
    assert nxt.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=23)


def test_fall_back_day_is_25_hours_apart() -> None:
    before = berlin(2026, 10, 24, 22, 30)
    nxt = next_occurrence(reminder(), before, BERLIN)
    assert nxt is not None
    assert nxt.isoformat() == "2026-10-25T22:30:00+01:00"
    assert nxt.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=25)


def test_nonexistent_time_fires_when_the_clock_passes_it() -> None:
    # 02:30 does not exist on 2026-03-29 in Berlin (02:00 -> 03:00): it becomes 03:30 CEST.
    r = reminder("02:30")
    nxt = next_occurrence(r, berlin(2026, 3, 29, 0, 0), BERLIN)
    assert nxt is not None
    assert nxt.isoformat() == "2026-03-29T03:30:00+02:00"
    sched, clock, _ = make(berlin(2026, 3, 29, 0, 0), r)
    fires = run_minutes(sched, clock, 6 * 60)
    assert [f.occurrence.isoformat() for f in fires] == ["2026-03-29T03:30:00+02:00"]


def test_ambiguous_time_fires_once_at_its_first_instance() -> None:
    # 02:30 happens twice on 2026-10-25 in Berlin (03:00 CEST -> 02:00 CET).
    r = reminder("02:30")
    nxt = next_occurrence(r, berlin(2026, 10, 25, 0, 0), BERLIN)
    assert nxt is not None
    assert nxt.isoformat() == "2026-10-25T02:30:00+02:00"
    sched, clock, _ = make(berlin(2026, 10, 25, 0, 0), r)
    fires = run_minutes(sched, clock, 6 * 60)
    assert [f.occurrence.isoformat() for f in fires] == ["2026-10-25T02:30:00+02:00"]


@pytest.mark.parametrize("start", [berlin(2026, 3, 27, 12, 0), berlin(2026, 10, 23, 12, 0)])
def test_once_a_day_at_local_time_across_dst(start: datetime) -> None:
    sched, clock, _ = make(start)
    fires = run_minutes(sched, clock, 4 * 24 * 60)
    assert [f.occurrence.strftime("%d %H:%M") for f in fires] == [
        f"{start.day + i} 22:30" for i in range(4)]
    # Each fired on the minute of its local time, not an hour early or late.
    assert all(f.occurrence.astimezone(BERLIN).strftime("%H:%M") == "22:30" for f in fires)


def test_weekdays_only() -> None:
    r = reminder(days=[0])  # Mondays; 2026-03-29 is a Sunday
    nxt = next_occurrence(r, berlin(2026, 3, 29, 23, 0), BERLIN)
    assert nxt is not None and nxt.isoformat() == "2026-03-30T22:30:00+02:00"
    sched, clock, _ = make(berlin(2026, 3, 24, 12, 0), r)
    fires = run_minutes(sched, clock, 14 * 24 * 60)
    assert [f.occurrence.date().isoformat() for f in fires] == ["2026-03-30", "2026-04-06"]


def test_off_or_no_days_means_no_occurrence() -> None:
    assert next_occurrence(Reminder(enabled=False), berlin(2026, 1, 1, 0, 0), BERLIN) is None
    assert next_occurrence(reminder(days=[]), berlin(2026, 1, 1, 0, 0), BERLIN) is None
    sched, clock, _ = make(berlin(2026, 1, 1, 22, 0), Reminder(enabled=False))
    assert run_minutes(sched, clock, 60) == []
    assert sched.next_due() is None


@given(
    hour=st.integers(0, 23), minute=st.integers(0, 59),
    days=st.sets(st.integers(0, 6), min_size=1).map(sorted),
    after=st.datetimes(datetime(2020, 1, 1), datetime(2035, 1, 1), timezones=st.just(UTC)),
)
def test_next_occurrence_is_the_first_matching_local_time(hour: int, minute: int,
                                                          days: list[int],
                                                          after: datetime) -> None:
    r = reminder(f"{hour:02d}:{minute:02d}", days)
    nxt = next_occurrence(r, after, BERLIN)
    assert nxt is not None
    assert nxt > after
    assert nxt.weekday() in days
    local = nxt.astimezone(BERLIN)
    # The wall time is the one asked for, or one hour later when DST skipped it.
    shifted = (local.hour * 60 + local.minute) - (hour * 60 + minute)
    assert shifted in (0, 60)
    # Nothing in between: the previous occurrence before it is not after `after`.
    prev = previous_occurrence(r, nxt - timedelta(microseconds=1), BERLIN)
    assert prev is None or prev <= after


@pytest.mark.parametrize(("text", "ok"), [
    ("22:30", "22:30"), ("7:05", "07:05"), ("00:00", "00:00"), ("23:59", "23:59"),
    ("24:00", None), ("12:60", None), ("1230", None), ("12:5", None), ("ab:cd", None),
    ("", None), ("-1:30", None), ("２２:３０", None),
])
def test_parse_time(text: str, ok: str | None) -> None:
    parsed = schedule.parse_time(text)
    assert (parsed.strftime("%H:%M") if parsed else None) == ok


# -- clock jumps, suspend, restart -----------------------------------------------------------

def test_clock_jump_forward_over_the_time_fires_once_within_grace() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 0))
    assert sched.check() is None
    clock.set(berlin(2026, 5, 4, 23, 10))
    fire = sched.check()
    assert fire is not None and fire.occurrence == berlin(2026, 5, 4, 22, 30)
    assert run_minutes(sched, clock, 120) == []


def test_clock_jump_back_after_firing_does_not_fire_again() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 29))
    assert len(run_minutes(sched, clock, 2)) == 1
    clock.set(berlin(2026, 5, 4, 21, 0))  # e.g. NTP correction or a manual change
    assert run_minutes(sched, clock, 180) == []
    assert len(run_minutes(sched, clock, 24 * 60)) == 1  # the next evening still fires


def test_suspend_over_the_time_within_grace_fires_once_on_wake() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 0))
    assert sched.check() is None
    clock.set(berlin(2026, 5, 5, 0, 15))  # 1 h 45 after 22:30, grace is 2 h
    fire = sched.check()
    assert fire is not None and fire.occurrence == berlin(2026, 5, 4, 22, 30)
    assert sched.check() is None


def test_suspend_beyond_grace_skips_without_burst() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 0))
    clock.set(berlin(2026, 5, 5, 0, 31))  # 2 h 01 late
    assert sched.check() is None
    clock.set(berlin(2026, 5, 8, 23, 0))  # asleep for days: at most tonight's, once
    fires = [sched.check(), sched.check()]
    assert fires[0] is not None and fires[0].occurrence == berlin(2026, 5, 8, 22, 30)
    assert fires[1] is None


def test_restart_after_firing_does_not_fire_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    stored = settings.Settings(reminder=reminder())
    sched = Scheduler(stored.reminder, save=lambda _r: settings.save(stored, path), tz=BERLIN,
                      clock=FakeClock(berlin(2026, 5, 4, 22, 30, 5)))
    assert sched.check() is not None
    reloaded = settings.load(path).settings.reminder
    assert reloaded.last_fired == "2026-05-04T22:30:00+02:00"
    again, clock2, _ = make(berlin(2026, 5, 4, 22, 31), reloaded)
    assert again.check() is None
    assert run_minutes(again, clock2, 60) == []


def test_time_zone_change_does_not_fire_twice_the_same_evening(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 29), tz=None)
    assert len(run_minutes(sched, clock, 2)) == 1
    monkeypatch.setenv("TZ", "America/New_York")  # flew west the same day
    fires = run_minutes(sched, clock, 12 * 60)  # passes 22:30 New York time
    assert fires == []
    fires = run_minutes(sched, clock, 24 * 60)
    assert [f.occurrence.isoformat() for f in fires] == ["2026-05-05T22:30:00-04:00"]


# -- snooze, skip, pause -----------------------------------------------------------------------

def test_snooze_brings_it_back_once() -> None:
    sched, clock, saved = make(berlin(2026, 5, 4, 22, 29))
    assert len(run_minutes(sched, clock, 1)) == 1
    clock.advance(seconds=30)
    until = sched.snooze()
    assert until == berlin(2026, 5, 4, 22, 40, 30)
    assert saved[-1].snoozed_until is not None
    assert sched.next_due() == until
    fires = run_minutes(sched, clock, 30)
    assert len(fires) == 1 and fires[0].snoozed
    assert fires[0].occurrence == berlin(2026, 5, 4, 22, 30)


def test_snooze_survives_a_restart() -> None:
    sched, _clock, _ = make(berlin(2026, 5, 4, 22, 30))
    assert sched.check() is not None
    sched.snooze()
    again, clock2, _ = make(berlin(2026, 5, 4, 22, 35), sched.reminder)
    fires = run_minutes(again, clock2, 10)
    assert len(fires) == 1 and fires[0].snoozed


def test_skip_tonight_after_the_reminder_only_answers_it() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 29))
    assert len(run_minutes(sched, clock, 1)) == 1
    sched.snooze()
    clock.advance(minutes=2)
    assert sched.skip() is None
    assert run_minutes(sched, clock, 60) == []
    assert len(run_minutes(sched, clock, 24 * 60)) == 1  # tomorrow as usual


def test_skip_tonight_in_advance() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 20, 0))
    skipped = sched.skip()
    assert skipped == berlin(2026, 5, 4, 22, 30)
    assert run_minutes(sched, clock, 6 * 60) == []
    assert len(run_minutes(sched, clock, 24 * 60)) == 1


def test_pause_drops_occurrences_and_resume_does_not_catch_up() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 21, 0))
    sched.pause(clock.now + timedelta(days=1))
    assert sched.paused()
    assert run_minutes(sched, clock, 120) == []  # 22:30 dropped
    sched.resume()  # at 23:00, within the grace window of 22:30
    assert not sched.paused()
    assert sched.check() is None
    assert len(run_minutes(sched, clock, 24 * 60)) == 1


def test_pause_expires_by_itself() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 21, 0))
    sched.pause(berlin(2026, 5, 5, 20, 0))
    fires = run_minutes(sched, clock, 2 * 24 * 60 + 120)
    assert [f.occurrence.date().isoformat() for f in fires] == ["2026-05-05", "2026-05-06"]


def test_next_due_is_the_next_occurrence() -> None:
    sched, _clock, _ = make(berlin(2026, 3, 28, 23, 0))
    assert sched.next_due() == berlin(2026, 3, 29, 22, 30)


def test_rearm_skips_an_occurrence_just_passed() -> None:
    sched, clock, _ = make(berlin(2026, 5, 4, 22, 40))
    schedule.rearm(sched.reminder, clock.now, BERLIN)
    assert sched.check() is None
    assert sched.next_due() == berlin(2026, 5, 5, 22, 30)


# -- the local zone ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["Europe/Berlin", ":Europe/Berlin",
                                   "/usr/share/zoneinfo/Europe/Berlin"])
def test_local_zone_reads_tz(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    if not Path("/usr/share/zoneinfo/Europe/Berlin").exists():
        pytest.skip("no system time zone database")
    monkeypatch.setenv("TZ", value)
    zone = schedule.local_zone()
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() == timedelta(hours=2)


def test_local_zone_survives_a_bogus_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Not/AZone")
    assert schedule.local_zone() is not None
