"""End to end with a real notification server: the reminder fires, dunst shows it, its Start
action comes back over D-Bus and the player opens. Needs Xvfb, dbus-daemon and dunst."""

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.routine.plan import build_plan
from guide.core.routine.session import Session
from guide.core.store.settings import Settings
from guide.ui.common.context import SettingsStore
from guide.ui.player.cues import Cues
from guide.ui.player.view import PlayerView
from guide.ui.reminder.notifier import Notifier
from guide.ui.reminder.service import ReminderService

from .conftest import Desktop

pytestmark = pytest.mark.desktop

BERLIN = ZoneInfo("Europe/Berlin")


def history_text(desktop: Desktop) -> str:
    """All strings in dunst's history, which holds notifications once they are closed."""
    entries = json.loads(desktop.dunstctl("history"))["data"][0]
    return " ".join(str(field.get("data", "")) for entry in entries for field in entry.values())


def test_reminder_notification_start_action_opens_the_player(qtbot: QtBot,
                                                             desktop: Desktop) -> None:
    catalog = load_catalog()
    store = SettingsStore()
    r = store.settings.reminder
    r.enabled, r.time, r.days, r.routine = True, "22:30", list(range(7)), "bedtime"
    store.save()

    offset = datetime(2026, 3, 29, 22, 30, 5, tzinfo=BERLIN) - datetime.now(UTC)
    notifier = Notifier()
    assert notifier.available
    service = ReminderService(
        store, notifier=notifier, clock=lambda: datetime.now(UTC) + offset, tz=BERLIN,
        routine_name=lambda ident: catalog.routines[ident].name)
    players: list[PlayerView] = []

    def open_player(routine_id: str) -> None:  # what the main window does with the request
        session = Session(build_plan(catalog.routines[routine_id], catalog.stretches))
        player = PlayerView(session, catalog, Cues(Settings(sound=False, voice=False)))
        qtbot.addWidget(player)
        player.show()
        players.append(player)

    service.start_requested.connect(open_player)
    with qtbot.waitSignal(service.due, timeout=5000):
        service.begin()
    window = service.window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)

    qtbot.waitUntil(lambda: desktop.dunstctl("count", "displayed") == "1", timeout=15000)

    with qtbot.waitSignal(service.start_requested, timeout=15000) as started:
        desktop.dunstctl("action", "0")  # dunst invokes the notification's default action
    assert started.args == ["bedtime"]
    assert len(players) == 1 and players[0].isVisible()
    assert players[0].session.plan.routine.id == "bedtime"
    assert not window.isVisible()  # answered in the notification: the window goes too

    qtbot.waitUntil(lambda: desktop.dunstctl("count", "displayed") == "0", timeout=15000)
    text = history_text(desktop)
    assert "Stretch Guide" in text
    assert "Time for your bedtime stretches" in text
    notifier.close()
    service.stop()
    players[0].close()
