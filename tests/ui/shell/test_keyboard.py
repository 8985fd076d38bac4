"""The keyboard alone: Enter presses what has the focus, Tab moves on (also out of tables), the
player's buttons are reachable, and F1 lists every shortcut."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow
from guide.ui.shell.shortcuts import ShortcutsDialog


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    window.after_show()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_enter_starts_the_focused_home_card(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    card = window.home.quick_buttons["bedtime"]
    card.setFocus()
    with qtbot.waitSignal(window.home.start_requested) as started:
        qtbot.keyClick(card, Qt.Key.Key_Return)
    assert started.args == ["bedtime"]


def test_player_buttons_take_the_focus_and_enter_presses_them(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    view.setFocus()
    reached = []
    for _ in range(8):
        qtbot.keyClick(focused() or view, Qt.Key.Key_Tab)
        widget = focused()
        if isinstance(widget, QPushButton) and view.isAncestorOf(widget):
            reached.append(widget.text())
    assert {"Back", "Pause", "Skip", "Mute", "Stop"} <= set(reached)

    while not (isinstance(focused(), QPushButton) and focused().text() == "Skip"):  # type: ignore[union-attr]
        qtbot.keyClick(focused() or view, Qt.Key.Key_Tab)
    before = view.session.index
    qtbot.keyClick(focused() or view, Qt.Key.Key_Return)
    assert view.session.index == before + 1
    # The player's own keys still work while a button has the focus.
    qtbot.keyClick(focused() or view, Qt.Key.Key_Space)
    assert view.session.state.name == "PAUSED"


def test_enter_presses_done_on_the_summary(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    while not view.session.is_over:
        view.skip()
    done = focused()
    assert isinstance(done, QPushButton) and done.text() == "Done"
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(done, Qt.Key.Key_Return)


def test_tab_leaves_the_history_table(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    view.stop()  # a stopped session in the history
    window.show_page("history")
    table = window.page("history").table  # type: ignore[attr-defined]
    assert table.isVisible()
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert focused() is not table


def test_f1_shows_every_shortcut_and_the_sidebar_shows_its_keys(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None and sheet.isVisible()
    listed = " ".join(sheet.texts())
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.actions():
        for keys in action.shortcuts():
            assert keys.toString(native) in listed, keys.toString(native)
    for key in ("Space", "Esc", "F11", "Enter"):
        assert key in listed
    assert "Ctrl+?" in [k.toString() for a in window.actions() for k in a.shortcuts()]
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert not sheet.isVisible()
    nav = window.findChild(QWidget, "nav")
    assert nav is not None
    assert [nav.item(n).toolTip() for n in range(3)] == ["Alt+1", "Alt+2", "Alt+3"]  # type: ignore[attr-defined]


def test_the_sidebar_shows_where_the_focus_is(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    nav = window.findChild(QWidget, "nav")
    assert nav is not None
    nav.setFocus(Qt.FocusReason.TabFocusReason)
    nav.setCurrentRow(1)  # type: ignore[attr-defined]
    nav.setCurrentRow(0)  # type: ignore[attr-defined]
    with_focus = nav.grab().toImage()
    window.home.routine_list.setFocus()
    without = nav.grab().toImage()
    assert with_focus != without, "the focused sidebar item looks the same as an unfocused one"


def test_enter_starts_the_selected_routine_in_the_home_list(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    routines = window.home.routine_list
    routines.setFocus()
    routines.setCurrentRow(0)
    with qtbot.waitSignal(window.home.start_requested) as started:
        qtbot.keyClick(routines, Qt.Key.Key_Return)
    assert started.args == [routines.item(0).data(Qt.ItemDataRole.UserRole)]
