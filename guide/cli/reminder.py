"""``stretch-guide reminder set|show|off``: the bedtime reminder from the command line."""

import argparse
import sys
from datetime import UTC, datetime

from guide.core.content.problems import did_you_mean
from guide.core.i18n import tr
from guide.core.reminder import schedule
from guide.core.store import settings
from guide.core.store.settings import Reminder

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_GROUPS = {"weekdays": [0, 1, 2, 3, 4], "weekends": [5, 6], "daily": list(range(7))}


class Refused(Exception):
    """Input the command cannot accept; the message is meant for the user."""


def day_names() -> list[str]:
    return [tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")]


def parse_days(text: str) -> list[int]:
    """``mon,tue,...``, full day names, ``weekdays``, ``weekends`` or ``daily`` as 0-6."""
    days: set[int] = set()
    words = [w.strip().lower() for w in text.split(",")]
    if not any(words):
        raise Refused(tr("no days given; use e.g. --days mon,wed,fri"))
    for word in filter(None, words):
        if word in _GROUPS:
            days.update(_GROUPS[word])
        elif word in DAY_KEYS:
            days.add(DAY_KEYS.index(word))
        elif word in _FULL_NAMES:
            days.add(_FULL_NAMES.index(word))
        else:
            hint = did_you_mean(word, [*DAY_KEYS, *_GROUPS])
            raise Refused(tr(
                "unknown day `{word}`{hint}; use mon,tue,wed,thu,fri,sat,sun, "
                "weekdays, weekends or daily"
            ).format(word=word, hint=hint))
    return sorted(days)


def parse_hhmm(text: str) -> str:
    clock = schedule.parse_time(text)
    if clock is None:
        raise Refused(tr("invalid time `{text}`; use HH:MM from 00:00 to 23:59, e.g. 22:30")
                      .format(text=text))
    return clock.strftime("%H:%M")


def _routine_names() -> dict[str, str]:
    from guide.core.content.cache import load_catalog

    return {ident: routine.name for ident, routine in load_catalog().routines.items()}


def check_routine(ident: str, names: dict[str, str]) -> str:
    if ident not in names:
        hint = did_you_mean(ident, names)
        known = ", ".join(sorted(names)) or tr("none")
        raise Refused(tr("unknown routine `{id}`{hint}; known routines: {known}")
                      .format(id=ident, hint=hint, known=known))
    return ident


def describe(reminder: Reminder, names: dict[str, str], now: datetime) -> list[str]:
    """The lines ``reminder show`` prints."""
    zone = schedule.local_zone()
    labels = day_names()
    days = ", ".join(labels[d] for d in sorted(set(reminder.days))) or tr("none")
    name = names.get(reminder.routine)
    routine = f"{reminder.routine} ({name})" if name else tr("{id} (not found)").format(
        id=reminder.routine)
    lines = [
        tr("Reminder: {state}").format(state=tr("on") if reminder.enabled else tr("off")),
        tr("Time: {time}").format(time=reminder.time),
        tr("Days: {days}").format(days=days),
        tr("Routine: {routine}").format(routine=routine),
    ]
    paused = schedule.parse_instant(reminder.paused_until)
    if reminder.enabled and paused is not None and paused > now:
        lines.append(tr("Paused until: {when}").format(
            when=paused.astimezone(zone).isoformat(timespec="seconds")))
    due = schedule.Scheduler(reminder, tz=zone).next_due(now)
    nxt = due.astimezone(zone).isoformat(timespec="seconds") if due else tr("none")
    lines.append(tr("Next: {when}").format(when=nxt))
    return lines


def run_reminder(args: argparse.Namespace) -> int:
    loaded = settings.load()
    if loaded.message:
        sys.stderr.write(loaded.message + "\n")
    reminder = loaded.settings.reminder
    now = datetime.now(UTC)
    names = _routine_names()
    try:
        if args.action == "set":
            time_text = parse_hhmm(args.time)
            days = parse_days(args.days) if args.days is not None else None
            routine = check_routine(args.routine, names) if args.routine else None
            reminder.enabled = True
            reminder.time = time_text
            reminder.days = days if days is not None else reminder.days
            reminder.routine = routine or reminder.routine
            schedule.rearm(reminder, now)
        elif args.action == "off":
            reminder.enabled = False
            reminder.snoozed_until = None
    except Refused as exc:
        sys.stderr.write(tr("stretch-guide reminder: {message}").format(message=exc) + "\n")
        return 2
    if args.action in ("set", "off"):
        try:
            settings.save(loaded.settings)
        except OSError as exc:
            sys.stderr.write(tr("Could not save your settings: {error}").format(error=exc) + "\n")
            return 1
    sys.stdout.write("\n".join(describe(reminder, names, now)) + "\n")
    return 0
