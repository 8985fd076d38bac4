"""The running reminder: one QTimer asks the core scheduler, then delivers what is due.

The timer fires at the next occurrence or in 60 s, whichever is earlier: Qt timers run on a
monotonic clock that stops during suspend, so the wall clock is looked at again at least once a
minute and never more often while waiting. Delivery goes three ways at once: the app's own
window (works everywhere), a desktop notification when a server exists, and otherwise a tray
balloon. Whichever the user answers, the others are withdrawn.
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from guide.core.reminder.schedule import Fire, Scheduler, rearm
from guide.core.store import paths
from guide.ui.common.context import SettingsStore
from guide.ui.reminder.notifier import Notifier
from guide.ui.reminder.tray import Tray
from guide.ui.reminder.window import ReminderWindow

RECHECK_MS = 60_000
_SLACK_MS = 20  # land just after the instant, not a hair before it


class ReminderService(QObject):
    """Owns the schedule's only timer; ``due(Fire)`` when a reminder must be shown."""

    due = Signal(object)  # guide.core.reminder.schedule.Fire
    start_requested = Signal(str)  # routine id to open in the player
    snoozed = Signal(object)  # datetime (UTC) when it comes back
    skipped = Signal()
    paused_changed = Signal(bool)

    def __init__(self, store: SettingsStore, *, notifier: Notifier | None = None,
                 tray: Tray | None = None, show_window: bool = True,
                 routine_name: Callable[[str], str] = lambda ident: ident,
                 clock: Callable[[], datetime] | None = None, tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._notifier = notifier
        self._tray = tray
        self._show_window = show_window
        self._routine_name = routine_name
        self._clock = clock or (lambda: datetime.now(UTC))
        self._scheduler = Scheduler(store.settings.reminder, save=lambda _r: store.save(),
                                    tz=tz, clock=self._clock)
        self._shape = self._schedule_shape()
        self._window: ReminderWindow | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)
        store.changed.connect(self.reschedule)
        if notifier is not None:
            notifier.action_invoked.connect(self._notification_action)
        if tray is not None:
            tray.start_requested.connect(self.start)
            tray.pause_toggled.connect(self.set_paused)

    @property
    def scheduler(self) -> Scheduler:
        return self._scheduler

    @property
    def window(self) -> ReminderWindow | None:
        return self._window

    @property
    def paused(self) -> bool:
        return self._scheduler.paused()

    @property
    def timer(self) -> QTimer:
        return self._timer

    def interval_ms(self) -> int:
        """What the timer is set to: until the next due instant, at most a minute."""
        return self._timer.interval() if self._timer.isActive() else -1

    def begin(self) -> None:
        """Start watching; delivers at once what is due now (e.g. missed during a restart)."""
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def check(self) -> None:
        fire = self._scheduler.check()
        if fire is not None:
            self._deliver(fire)
        self._arm()

    def _arm(self) -> None:
        now = self._scheduler.now()
        due = self._scheduler.next_due(now)
        if self._tray is not None:
            self._tray.set_paused(self._scheduler.paused(now))
        if due is None:  # off, or no days chosen: nothing to wait for until settings change
            self._timer.stop()
            return
        wait = int((due - now) / timedelta(milliseconds=1)) + _SLACK_MS
        self._timer.start(min(RECHECK_MS, max(0, wait)))

    def _schedule_shape(self) -> tuple[object, ...]:
        r = self._store.settings.reminder
        return (r.enabled, r.time, tuple(r.days))

    @Slot()
    def reschedule(self) -> None:
        """Settings changed: pick up the (possibly replaced) reminder and re-arm the timer."""
        reminder = self._store.settings.reminder
        self._scheduler.reminder = reminder
        shape = self._schedule_shape()
        if shape != self._shape:
            self._shape = shape
            rearm(reminder, self._scheduler.now(), self._scheduler.zone())
            self._store.save()
        self._arm()

    # -- delivery ----------------------------------------------------------------------------

    def _deliver(self, fire: Fire) -> None:
        name = self._routine_name(fire.routine)
        minutes = self._store.settings.reminder.snooze_minutes
        bedtime = fire.routine.startswith("bedtime")
        if self._show_window:
            if self._window is None:
                self._window = ReminderWindow()
                self.destroyed.connect(self._window.deleteLater)
                self._window.start_requested.connect(self.start)
                self._window.snooze_requested.connect(self.snooze)
                self._window.skip_requested.connect(self.skip)
            self._window.set_reminder(name, minutes, bedtime)
            self._window.present()
        title = self.tr("Time for your bedtime stretches")
        body = self.tr("%1, a few minutes of stretching before bed.").replace("%1", name)
        icon = paths.builtin_media() / "icons" / "stretch-guide.svg"
        sent = self._notifier is not None and self._notifier.notify(title, body, [
            ("default", self.tr("Start bedtime routine")),
            ("start", self.tr("Start")),
            ("snooze", self.tr("Snooze %n min", "", minutes)),
            ("skip", self.tr("Skip tonight")),
        ], icon=str(icon) if icon.is_file() else "")
        if not sent and self._tray is not None:
            self._tray.show_message(title, body)
        self.due.emit(fire)

    def _withdraw(self) -> None:
        if self._window is not None:
            self._window.hide()
        if self._notifier is not None:
            self._notifier.close()

    @Slot(str)
    def _notification_action(self, key: str) -> None:
        {"default": self.start, "start": self.start, "snooze": self.snooze,
         "skip": self.skip}.get(key, lambda: None)()

    @Slot()
    def start(self) -> None:
        """Open the reminder's routine (from the window, the notification or the tray)."""
        self._withdraw()
        self._scheduler.start()
        self.start_requested.emit(self._store.settings.reminder.routine)
        self._arm()

    @Slot()
    def snooze(self) -> None:
        self._withdraw()
        until = self._scheduler.snooze()
        self.snoozed.emit(until)
        self._arm()

    @Slot()
    def skip(self) -> None:
        self._withdraw()
        self._scheduler.skip()
        self.skipped.emit()
        self._arm()

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        """Pause reminders for a day, or resume them."""
        if paused:
            self._withdraw()
            self._scheduler.pause(self._scheduler.now() + timedelta(days=1))
        else:
            self._scheduler.resume()
        if self._tray is not None:
            self._tray.set_paused(paused)
        self.paused_changed.emit(paused)
        self._arm()
