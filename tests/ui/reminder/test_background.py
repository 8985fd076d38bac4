"""With the reminder on, closing the window keeps the app running and says so, once."""

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.store import settings as core_settings
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.reminder.controller import Reminders
from guide.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def _restore_app(qapp: QApplication) -> Iterator[None]:
    yield
    for reminders in qapp.findChildren(Reminders):
        reminders.service.stop()
        reminders.setParent(None)
        reminders.deleteLater()
    qapp.setQuitOnLastWindowClosed(True)


def make(qtbot: QtBot, qapp: QApplication, reminder_on: bool) -> tuple[MainWindow, Reminders]:
    store = SettingsStore()
    store.settings.reminder.enabled = reminder_on
    store.settings.reminder.time = "03:33"
    store.save()
    window = MainWindow(AppContext(load_catalog(), store))
    qtbot.addWidget(window)
    window.show()
    reminders = Reminders(qapp, window, store, window._context.catalog)
    return window, reminders


def test_closing_with_the_reminder_on_keeps_running_and_says_so_once(
        qtbot: QtBot, qapp: QApplication) -> None:
    window, reminders = make(qtbot, qapp, reminder_on=True)
    assert not qapp.quitOnLastWindowClosed()
    window.close()
    assert not window.isVisible()
    notice = reminders.notice
    assert notice is not None and notice.isVisible()
    assert "keeps running" in notice.windowTitle()
    notice.close()
    assert core_settings.load().settings.background_notice_shown
    reminders.bring_up()
    assert window.isVisible()
    reminders.notice = None
    window.close()  # the second time: quietly
    assert not window.isVisible() and reminders.notice is None


def test_closing_with_the_reminder_off_quits(qtbot: QtBot, qapp: QApplication) -> None:
    window, reminders = make(qtbot, qapp, reminder_on=False)
    assert qapp.quitOnLastWindowClosed()
    assert window.close()
    assert reminders.notice is None


def test_a_reminder_set_from_the_command_line_reaches_the_running_app(
        qtbot: QtBot, qapp: QApplication) -> None:
    from guide.cli import main

    _window, reminders = make(qtbot, qapp, reminder_on=False)
    store = reminders._store
    with qtbot.waitSignal(store.changed, timeout=5000):
        assert main(["reminder", "set", "21:45", "--days", "mon"]) == 0
    assert store.settings.reminder.enabled
    assert store.settings.reminder.time == "21:45"
    assert not qapp.quitOnLastWindowClosed()  # now the app stays for the reminder


def test_settings_page_shows_a_change_made_outside_it(qtbot: QtBot, qapp: QApplication) -> None:
    from guide.cli import main
    from guide.ui.shell.settings import SettingsPage

    _window, reminders = make(qtbot, qapp, reminder_on=False)
    page = SettingsPage(reminders._store, routines=[("bedtime", "Bedtime")], voices=list)
    qtbot.addWidget(page)
    with qtbot.waitSignal(reminders._store.changed, timeout=5000):
        assert main(["reminder", "set", "21:45", "--days", "mon"]) == 0
    assert page._enabled.isChecked()
    assert page._time.time().toString("HH:mm") == "21:45"
    assert [box.isChecked() for box in page._days] == [True] + [False] * 6
