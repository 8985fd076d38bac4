"""The reminder in the UI: the service's one timer, the window, the tray, the notifier without a
bus, and the Settings page. The clock is shifted or stepped by hand, never slept on."""

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from guide.core.reminder import autostart
from guide.ui.common.context import SettingsStore
from guide.ui.reminder.notifier import Notifier
from guide.ui.reminder.service import RECHECK_MS, ReminderService
from guide.ui.reminder.tray import Tray
from guide.ui.reminder.window import ReminderWindow
from guide.ui.shell.settings import SettingsPage

BERLIN = ZoneInfo("Europe/Berlin")


class Clock:
    """Wall time = real time + offset, so Qt's timer really runs while the date is faked."""

    def __init__(self, pretend_now: datetime) -> None:
        self.offset = pretend_now - datetime.now(UTC)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def jump(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture
def store() -> SettingsStore:
    store = SettingsStore()
    r = store.settings.reminder
    r.enabled, r.time, r.days = True, "22:30", list(range(7))
    store.save()
    return store


@pytest.fixture
def no_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no `bus` socket in there


def service_at(qtbot: QtBot, store: SettingsStore, when: datetime,
               **kw: object) -> tuple[ReminderService, Clock]:
    clock = Clock(when)
    service = ReminderService(store, clock=clock, tz=BERLIN, **kw)  # type: ignore[arg-type]
    return service, clock


def close_window(service: ReminderService) -> None:
    if service.window is not None:
        service.window.hide()
        service.window.deleteLater()


# -- the service -----------------------------------------------------------------------------

def test_timer_fires_due_exactly_once(qtbot: QtBot, store: SettingsStore) -> None:
    service, clock = service_at(qtbot, store, datetime(2026, 3, 29, 22, 29, 59, 700_000,
                                                       tzinfo=BERLIN), show_window=False)
    fires = []
    service.due.connect(fires.append)
    service.begin()
    assert 0 < service.interval_ms() <= 1000  # armed for the reminder, not for a minute
    qtbot.waitUntil(lambda: len(fires) == 1, timeout=3000)  # Qt's own timer delivered it
    assert fires[0].occurrence.isoformat() == "2026-03-29T22:30:00+02:00"
    assert service.interval_ms() == RECHECK_MS  # then back to one wake-up a minute
    with qtbot.assertNotEmitted(service.due):
        service.check()  # the minute re-check
        clock.jump(minutes=30)
        service.check()
    assert store.settings.reminder.last_fired == "2026-03-29T22:30:00+02:00"


def test_waiting_wakes_once_a_minute_at_most(qtbot: QtBot, store: SettingsStore) -> None:
    service, _clock = service_at(qtbot, store, datetime(2026, 5, 4, 12, 0, tzinfo=BERLIN))
    service.begin()
    assert service.interval_ms() == RECHECK_MS
    store.settings.reminder.enabled = False
    store.save()  # the store says `changed`; the service stops waiting
    assert service.interval_ms() == -1


def test_missed_while_off_fires_on_start_within_grace(qtbot: QtBot,
                                                      store: SettingsStore) -> None:
    service, _clock = service_at(qtbot, store, datetime(2026, 5, 4, 23, 15, tzinfo=BERLIN),
                                 show_window=False)
    with qtbot.waitSignal(service.due, timeout=1000):
        service.begin()


def test_changing_the_time_does_not_fire_for_the_past(qtbot: QtBot,
                                                      store: SettingsStore) -> None:
    service, _clock = service_at(qtbot, store, datetime(2026, 5, 4, 21, 0, tzinfo=BERLIN),
                                 show_window=False)
    service.begin()
    with qtbot.assertNotEmitted(service.due):
        store.settings.reminder.time = "20:45"  # 15 minutes ago
        store.save()
        service.check()


def test_window_start_snooze_and_skip(qtbot: QtBot, store: SettingsStore, no_bus: None) -> None:
    service, clock = service_at(qtbot, store, datetime(2026, 5, 4, 22, 30, 1, tzinfo=BERLIN),
                                notifier=Notifier(),
                                routine_name=lambda ident: f"Routine {ident}")
    service.begin()
    window = service.window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint

    with qtbot.waitSignal(service.snoozed) as snoozed:
        qtbot.mouseClick(window.buttons()["snooze"], Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    until = snoozed.args[0]
    assert until - clock() == pytest.approx(timedelta(minutes=10), abs=timedelta(seconds=1))
    assert 0 < service.interval_ms() <= RECHECK_MS

    clock.jump(minutes=10, seconds=1)
    with qtbot.waitSignal(service.due) as due:
        service.check()
    assert due.args[0].snoozed and window.isVisible()

    with qtbot.waitSignal(service.start_requested) as started:
        qtbot.keyClick(window, Qt.Key.Key_Return)  # Start is the default button
    assert started.args == ["bedtime"]
    assert not window.isVisible()


def test_skip_tonight_from_the_window(qtbot: QtBot, store: SettingsStore) -> None:
    service, clock = service_at(qtbot, store, datetime(2026, 5, 4, 22, 31, tzinfo=BERLIN))
    service.begin()
    assert service.window is not None
    qtbot.addWidget(service.window)
    with qtbot.waitSignal(service.skipped):
        qtbot.mouseClick(service.window.buttons()["skip"], Qt.MouseButton.LeftButton)
    clock.jump(hours=1)
    with qtbot.assertNotEmitted(service.due):
        service.check()


def test_pause_from_the_tray_for_a_day(qtbot: QtBot, store: SettingsStore) -> None:
    tray = Tray()
    service, clock = service_at(qtbot, store, datetime(2026, 5, 4, 22, 0, tzinfo=BERLIN),
                                tray=tray, show_window=False)
    service.begin()
    pause = next(a for a in tray.actions() if a.isCheckable())
    with qtbot.waitSignal(service.paused_changed) as changed:
        pause.trigger()
    assert changed.args == [True] and service.paused
    clock.jump(hours=1)
    with qtbot.assertNotEmitted(service.due):
        service.check()
    pause.trigger()
    assert not service.paused and not pause.isChecked()


def test_tray_start_opens_the_reminder_routine(qtbot: QtBot, store: SettingsStore) -> None:
    tray = Tray()
    store.settings.reminder.routine = "bedtime-seated"
    service, _clock = service_at(qtbot, store, datetime(2026, 5, 4, 12, 0, tzinfo=BERLIN),
                                 tray=tray)
    with qtbot.waitSignal(service.start_requested) as started:
        tray.actions()[0].trigger()
    assert started.args == ["bedtime-seated"]


# -- the window and the tray on their own ------------------------------------------------------

@pytest.mark.parametrize(("name", "signal"), [("start", "start_requested"),
                                              ("snooze", "snooze_requested"),
                                              ("skip", "skip_requested")])
def test_window_buttons_emit(qtbot: QtBot, name: str, signal: str) -> None:
    window = ReminderWindow("Bedtime leg-cramp prevention", 10)
    qtbot.addWidget(window)
    window.present()
    with qtbot.waitSignal(getattr(window, signal)):
        qtbot.mouseClick(window.buttons()[name], Qt.MouseButton.LeftButton)


def test_window_keyboard_and_accessibility(qtbot: QtBot) -> None:
    window = ReminderWindow("Bedtime leg-cramp prevention", 5)
    qtbot.addWidget(window)
    window.present()
    buttons = window.buttons()
    assert buttons["start"].isDefault()
    assert buttons["snooze"].text().replace("&", "") == "Snooze 5 min"
    assert [b.accessibleName() for b in buttons.values()] == [
        "Start bedtime routine", "Snooze 5 min", "Skip tonight"]
    assert all(b.minimumHeight() >= 44 for b in buttons.values())
    with qtbot.waitSignal(window.skip_requested):
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # closing counts as Skip tonight


def test_tray_menu(qtbot: QtBot) -> None:
    tray = Tray()
    labels = [a.text() for a in tray.actions()]
    assert labels == ["Start bedtime routine", "Calf cramp now", "Open Stretch Guide",
                      "Pause reminders for a day", "Quit"]
    # Offscreen there is no system tray: no icon, and balloon messages say so.
    assert tray.available is False
    assert tray.show_message("t", "b") is False
    for action, signal in zip(tray.actions(), ("start_requested", "cramp_requested",
                                              "open_requested", "pause_toggled",
                                              "quit_requested"), strict=True):
        with qtbot.waitSignal(getattr(tray, signal)):
            action.trigger()


# -- the notifier without a bus ----------------------------------------------------------------

def test_notifier_without_a_session_bus_fails_softly(qtbot: QtBot, no_bus: None,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="guide.ui.reminder.notifier")
    notifier = Notifier()
    assert notifier.available is False
    assert notifier.notify("Title", "Body", [("default", "Start")]) is False
    notifier.close()  # nothing shown: nothing to do, no error
    assert "unavailable" in caplog.text


def test_notifier_with_a_dead_bus_address_fails_softly(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/nobody-listens")
    assert Notifier().available is False
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "tcp:host=localhost,port=1")
    assert Notifier().available is False


# -- the Settings page -------------------------------------------------------------------------

def test_settings_page_saves_every_change(qtbot: QtBot, store: SettingsStore) -> None:
    page = SettingsPage(store, routines=[("bedtime", "Bedtime"), ("desk-break", "Desk break")],
                        voices=lambda: ["Anne", "Bob"])
    qtbot.addWidget(page)
    page.show()

    with qtbot.waitSignal(page.changed):
        page._time.setTime(QTime(21, 15))
    with qtbot.waitSignal(page.changed):
        page._days[6].setChecked(False)
    with qtbot.waitSignal(page.changed):
        page._routine.setCurrentIndex(1)
    with qtbot.waitSignal(page.changed):
        page._snooze.setValue(15)
    with qtbot.waitSignal(page.changed):
        page._voice_name.setCurrentIndex(2)
    with qtbot.waitSignal(page.changed):
        page._volume.setValue(40)
    saved = SettingsStore()  # reads the file again: what was written, not what is in memory
    r = saved.settings.reminder
    assert (r.time, r.days, r.routine, r.snooze_minutes) == (
        "21:15", [0, 1, 2, 3, 4, 5], "desk-break", 15)
    assert saved.settings.voice_name == "Bob" and saved.settings.volume == 0.4

    with qtbot.waitSignal(page.changed):
        page._enabled.setChecked(False)
    assert not page._time.isEnabled()
    assert SettingsStore().settings.reminder.enabled is False


def test_settings_page_start_at_login(qtbot: QtBot, store: SettingsStore) -> None:
    page = SettingsPage(store, voices=lambda: [])
    qtbot.addWidget(page)
    assert page._login.accessibleName() == "Start at login so reminders work"
    page._login.setChecked(True)
    assert autostart.is_enabled() and store.settings.autostart
    page._login.setChecked(False)
    assert not autostart.desktop_file().exists()


def test_settings_page_without_speech(qtbot: QtBot, store: SettingsStore) -> None:
    page = SettingsPage(store, voices=lambda: [])
    qtbot.addWidget(page)
    page.show()
    assert not page._voice_name.isEnabled()
    assert page._voice_name.currentText() == "No speech engine found"
