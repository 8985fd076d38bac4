"""When the bedtime reminder fires: the calendar, the grace window, snooze, skip and pause.

Occurrences are computed from the calendar in local time (22:30 to 22:30 across a DST change is
23 or 25 hours, never "now + 24 h"). All comparisons and arithmetic happen in UTC, because Python
compares two datetimes of the same zone by their wall time and ignores ``fold``.

The :class:`Scheduler` is asked ``check(now)`` at least once a minute. It looks only at the latest
occurrence at or before ``now``: delivered already, skipped, paused or older than the grace window
means nothing happens, so a suspend, a clock jump or a restart can neither burst nor double-fire.
"""

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from guide.core.store.settings import Reminder

_HH_MM = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)
LOOK_BACK_DAYS = 8  # a weekly schedule has an occurrence in any 8 consecutive days


def local_zone() -> tzinfo:
    """The local time zone: ``TZ`` if set, else ``/etc/localtime``, else the C library's offset."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        zone = _zone_from(name)
        if zone is not None:
            return zone
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve(strict=True))
    except OSError:
        target = ""
    if "/zoneinfo/" in target:
        zone = _zone_from(target.rsplit("/zoneinfo/", 1)[1])
        if zone is not None:
            return zone
    if target:
        zone = _zone_from(target)
        if zone is not None:
            return zone
    # A POSIX TZ rule string or an unusual system: the current fixed offset is the best we have.
    return datetime.now().astimezone().tzinfo or UTC


def _zone_from(name: str) -> tzinfo | None:
    try:
        if name.startswith("/"):
            with open(name, "rb") as handle:
                return ZoneInfo.from_file(handle, key=name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def parse_time(text: str) -> time | None:
    """``HH:MM`` (00:00 to 23:59) as a time, or None."""
    match = _HH_MM.fullmatch(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))


def parse_instant(text: str | None) -> datetime | None:
    """An ISO 8601 instant stored in the settings, or None when absent or unreadable."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _at(day: date, clock: time, tz: tzinfo) -> datetime:
    """``clock`` on ``day`` in ``tz``, as UTC. A time skipped by a DST change (02:30 on the day
    clocks go forward) comes out one gap later (03:30); a repeated one is its first instance."""
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def _candidates(reminder: Reminder, around: datetime, tz: tzinfo, step: int) -> list[datetime]:
    clock = parse_time(reminder.time)
    if clock is None or not reminder.days:
        return []
    today = around.astimezone(tz).date()
    days = (today + timedelta(days=step * i) for i in range(-1, LOOK_BACK_DAYS + 1))
    return [_at(d, clock, tz) for d in days if d.weekday() in reminder.days]


def next_occurrence(reminder: Reminder, after: datetime,
                    tz: tzinfo | None = None) -> datetime | None:
    """The first occurrence strictly after ``after``, in local time; None when off or no days."""
    if not reminder.enabled:
        return None
    return next_scheduled(reminder, after, tz)


def next_scheduled(reminder: Reminder, after: datetime,
                   tz: tzinfo | None = None) -> datetime | None:
    """Like :func:`next_occurrence` but also for a reminder that is switched off."""
    tz = tz or local_zone()
    after = after.astimezone(UTC)
    later = [c for c in _candidates(reminder, after, tz, 1) if c > after]
    return min(later).astimezone(tz) if later else None


def previous_occurrence(reminder: Reminder, at_or_before: datetime,
                        tz: tzinfo | None = None) -> datetime | None:
    """The latest scheduled occurrence at or before the given instant, in local time."""
    tz = tz or local_zone()
    limit = at_or_before.astimezone(UTC)
    earlier = [c for c in _candidates(reminder, limit, tz, -1) if c <= limit]
    return max(earlier).astimezone(tz) if earlier else None


def rearm(reminder: Reminder, now: datetime, tz: tzinfo | None = None) -> None:
    """After the time, the days or the switch changed: only occurrences after ``now`` fire.

    Without this, setting 22:30 at 22:40 would fire at once for the occurrence ten minutes ago.
    """
    previous = previous_occurrence(reminder, now, tz)
    reminder.last_fired = previous.isoformat() if previous else None
    reminder.snoozed_until = None


@dataclass(frozen=True)
class Fire:
    """A reminder to deliver now."""

    occurrence: datetime  # the scheduled local time it is for
    routine: str
    snoozed: bool = False  # a snoozed reminder coming back


def wall_clock() -> datetime:
    return datetime.now(UTC)


class Scheduler:
    """Decides, each time it is asked, whether the reminder is due; persists what it decided.

    ``reminder`` is changed in place and handed to ``save`` whenever state must survive a
    restart (last fired occurrence, snooze, pause). ``tz`` None means the local zone, read again
    on every call, so a change of time zone is noticed at the next check.
    """

    def __init__(self, reminder: Reminder, save: Callable[[Reminder], None] | None = None,
                 tz: tzinfo | None = None, clock: Callable[[], datetime] = wall_clock) -> None:
        self.reminder = reminder
        self._save = save or (lambda _reminder: None)
        self._tz = tz
        self._clock = clock
        self.active: datetime | None = None  # the occurrence shown to the user, not yet answered

    def zone(self) -> tzinfo:
        return self._tz or local_zone()

    def now(self) -> datetime:
        return self._clock().astimezone(UTC)

    def check(self, now: datetime | None = None) -> Fire | None:
        """The reminder to deliver at ``now``, at most once per occurrence; else None."""
        now = (now or self.now()).astimezone(UTC)
        r = self.reminder
        if not r.enabled:
            return None
        grace = timedelta(minutes=max(r.grace_minutes, 0))
        snoozed = parse_instant(r.snoozed_until)
        if snoozed is not None and now >= snoozed:
            r.snoozed_until = None
            self._save(r)
            last = parse_instant(r.last_fired)
            if now - snoozed <= grace and last is not None and not self.paused(now):
                self.active = last
                return Fire(last, r.routine, snoozed=True)
        if snoozed is not None and now < snoozed:
            return None
        occurrence = previous_occurrence(r, now, self.zone())
        if occurrence is None or self._handled(occurrence) or now - occurrence > grace:
            return None
        paused = parse_instant(r.paused_until)
        if paused is not None and occurrence <= paused:
            return None
        r.last_fired = occurrence.isoformat()
        self._save(r)
        self.active = occurrence
        return Fire(occurrence, r.routine)

    def _handled(self, occurrence: datetime) -> bool:
        last = parse_instant(self.reminder.last_fired)
        if last is None:
            return False
        # The date test keeps a change of time zone from firing a second time the same evening.
        return occurrence <= last or occurrence.date() == last.date()

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """The earliest instant at which :meth:`check` could return something, in UTC."""
        now = (now or self.now()).astimezone(UTC)
        r = self.reminder
        if not r.enabled:
            return None
        snoozed = parse_instant(r.snoozed_until)
        if snoozed is not None:
            return max(snoozed.astimezone(UTC), now)
        after = max([now] + [t.astimezone(UTC) for t in (parse_instant(r.last_fired),
                                                         parse_instant(r.paused_until)) if t])
        upcoming = next_occurrence(r, after, self.zone())
        return upcoming.astimezone(UTC) if upcoming else None

    def snooze(self, now: datetime | None = None) -> datetime:
        """Remind again ``snooze_minutes`` from now; returns when."""
        now = (now or self.now()).astimezone(UTC)
        until = now + timedelta(minutes=max(self.reminder.snooze_minutes, 1))
        self.reminder.snoozed_until = until.isoformat()
        self.active = None
        self._save(self.reminder)
        return until

    def start(self) -> None:
        """The user started the routine: the reminder is answered."""
        self._answer()

    def skip(self, now: datetime | None = None) -> datetime | None:
        """Skip tonight: answer the reminder on screen, or else skip the next occurrence.

        Returns the occurrence skipped in advance, if any.
        """
        if self.active is not None or self.reminder.snoozed_until:
            self._answer()
            return None
        now = (now or self.now()).astimezone(UTC)
        upcoming = self.next_due(now)
        if upcoming is None:
            return None
        self.reminder.last_fired = upcoming.astimezone(self.zone()).isoformat()
        self._save(self.reminder)
        return upcoming

    def _answer(self) -> None:
        self.active = None
        if self.reminder.snoozed_until is not None:
            self.reminder.snoozed_until = None
            self._save(self.reminder)

    def pause(self, until: datetime) -> None:
        """No reminders until ``until``; occurrences in between are dropped, not caught up."""
        self.reminder.paused_until = until.astimezone(self.zone()).isoformat()
        self.reminder.snoozed_until = None
        self.active = None
        self._save(self.reminder)

    def resume(self, now: datetime | None = None) -> None:
        """End a pause now. The pause is kept as ending now so what it covered stays dropped."""
        now = (now or self.now()).astimezone(UTC)
        if self.paused(now):
            self.reminder.paused_until = now.astimezone(self.zone()).isoformat()
            self._save(self.reminder)

    def paused(self, now: datetime | None = None) -> bool:
        until = parse_instant(self.reminder.paused_until)
        return until is not None and (now or self.now()).astimezone(UTC) < until
