"""The main window as a newcomer meets it: Home, the places, the disclaimer, content problems."""

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.store import settings as core_settings
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    window.after_show()
    return window


def test_home_offers_the_four_quick_routines_with_durations(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    buttons = window.home.quick_buttons
    assert list(buttons) == ["cramp-calf", "thigh", "warm-up", "bedtime"]
    assert all(b.isEnabled() for b in buttons.values())
    assert "Calf cramp now" in buttons["cramp-calf"].text()
    assert " min " in buttons["bedtime"].text()
    assert window.home.routine_list.count() == len(load_catalog().routines)


def test_quick_button_starts_its_routine(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    with qtbot.waitSignal(window.home.start_requested) as blocker:
        qtbot.mouseClick(window.home.quick_buttons["cramp-calf"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["cramp-calf"]


def test_places_are_reachable_by_keyboard(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == "safety"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == "home"
    # The sidebar itself: arrow keys move between places.
    window._nav.setFocus()
    qtbot.keyClick(window._nav, Qt.Key.Key_Down)
    assert window.current_page() == "browse"


def test_safety_page_has_the_urgent_signs(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_page("safety")
    browser_text = window.page("safety").browser.toPlainText()  # type: ignore[attr-defined]
    assert "10 minutes" in browser_text
    assert "not medical advice" in browser_text.lower() or "medical advice" in browser_text


def test_first_run_disclaimer_is_acknowledged_once(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_disclaimer_if_needed()
    dialog = window._disclaimer
    assert dialog is not None and dialog.isVisible()
    ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "I understand")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert core_settings.load().settings.disclaimer_accepted
    second = make_window(qtbot)
    second.show_disclaimer_if_needed()
    assert second._disclaimer is None


def test_bad_user_file_is_shown_in_the_app_not_on_a_console(
        qtbot: QtBot, user_exercises: Path) -> None:
    (user_exercises / "stretches" / "broken.yaml").write_text("id: [unclosed\n")
    window = make_window(qtbot)
    banner = window._banner
    assert banner.isVisible() and "problems (1)" in banner.text()
    banner.linkActivated.emit("problems")
    assert window.current_page() == "problems"
    text = window.page("problems").browser.toPlainText()  # type: ignore[attr-defined]
    assert "broken.yaml:2:1" in text or "broken.yaml:1:" in text
    assert window.home.quick_buttons["cramp-calf"].isEnabled()  # the rest still loaded


def test_corrupt_settings_are_set_aside_and_the_user_told(qtbot: QtBot) -> None:
    path = core_settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    window = make_window(qtbot)
    assert "damaged" in window._banner.text()
    assert list(path.parent.glob("settings.json.corrupt-*"))


def test_home_button_opens_the_player_and_stopping_comes_back(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot)
    qtbot.mouseClick(window.home.quick_buttons["bedtime"], Qt.MouseButton.LeftButton)
    view = window.player.view
    assert view is not None and view.isVisible()
    assert window._stack.currentWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    box = view.stop_dialog
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.current_page() == "home")
    assert window.player.view is None
    window.show_page("history")
    [record] = window.player.history.sessions()
    assert record.routine == "bedtime" and not record.completed


def test_browse_starts_a_single_stretch_and_settings_open(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_page("browse")
    library = window.page("browse")
    with qtbot.waitSignal(library.start_stretch):  # type: ignore[attr-defined]
        library.start_stretch.emit("calf-towel")  # type: ignore[attr-defined]
    view = window.player.view
    assert view is not None
    assert view._session.plan.routine.id == "single-calf-towel"
    window.show_page("settings")  # leaving from the sidebar stops the routine
    assert window.player.view is None
    assert window.current_page() == "settings"


def test_add_to_routine_opens_the_builder_with_the_stretch(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_page("browse")
    window.page("browse").add_to_routine.emit("calf-wall-bent")  # type: ignore[attr-defined]
    assert window.current_page() == "routines"


def test_a_routine_asked_for_on_first_run_starts_after_the_disclaimer(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_disclaimer_if_needed()
    window.start_routine_after_disclaimer("cramp-calf")
    assert window._player is None or window.player.view is None  # not behind the dialog
    dialog = window._disclaimer
    assert dialog is not None
    dialog.accept()
    view = window.player.view
    assert view is not None and view.session.plan.routine.id == "cramp-calf"


def test_about_shows_the_media_licence_and_credits(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_page("about")
    text = window.page("about").browser.toPlainText()  # type: ignore[attr-defined]
    assert "CC BY-SA 4.0" in text
    assert "sounds/start.wav" in text  # the credits table, rendered
    assert "Hallegraeff" in text
    reviewed = QLocale().toString(QDate(2026, 11, 29), QLocale.FormatType.LongFormat)
    assert f"Content reviewed against its sources on {reviewed}." in text


def test_text_follows_the_desktop_font_size(qtbot: QtBot, qapp: QApplication) -> None:
    normal = make_window(qtbot).home.quick_buttons["bedtime"].font().pointSizeF()
    original = qapp.font()
    bigger = QFont(original)
    bigger.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    try:
        large = make_window(qtbot).home.quick_buttons["bedtime"].font().pointSizeF()
    finally:
        qapp.setFont(original)
    assert large == pytest.approx(normal * 1.5, rel=0.05)


def test_a_settings_file_that_cannot_be_written_is_reported(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    # A folder where the file should be: the rename over it fails, even for root.
    core_settings.settings_path().mkdir(parents=True)
    window._context.store.settings.sound = False
    window._context.store.save()
    assert window._banner.isVisible() and "Could not save settings" in window._banner.text()
    assert window._context.store.settings.sound is False  # kept for this session


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_safety_notes_link_is_drawn_in_the_notes_colour(
        qtbot: QtBot, scheme: str) -> None:
    """Not the application's blue: the link "When to see a doctor" takes the note's text
    colour, in light and dark (a label ignores its own palette's link colour)."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    from guide.ui.common import colours, theme

    theme.force_scheme(colours.Scheme(scheme))
    try:
        window = make_window(qtbot)
        window.show()
        qtbot.waitExposed(window)
        note = window.home.findChild(QLabel, "safetyNote")
        assert note is not None
        image = note.grab().toImage()
        seen = {image.pixel(x, y) & 0xFFFFFF for x in range(image.width())
                for y in range(image.height())}
        # The note and its text are reddish; a link in a palette's blue would show.
        assert not [c for c in seen if (c & 0xFF) > (c >> 16) + 60 and
                    (c & 0xFF) > ((c >> 8) & 0xFF) + 30]
        assert QColor(theme.current().alarm_text).rgb() & 0xFFFFFF in seen
    finally:
        theme.release_scheme()
