"""Home asks which half of the thigh cramps, and shows a routine's tips and sources with a way
to print it; My routines shows the same for your own routines."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    window.after_show()
    return window


@pytest.mark.parametrize(("back", "routine"), [(False, "cramp-thigh"),
                                                (True, "cramp-hamstring")])
def test_thigh_asks_front_or_back_and_plays_the_matching_routine(
        qtbot: QtBot, back: bool, routine: str) -> None:
    window = make_window(qtbot)
    button = window.home.quick_buttons["thigh"]
    assert button.isEnabled()
    assert "Front or back" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    choice = window.home.thigh_choice
    assert choice is not None and choice.isVisible()
    assert window.player.view is None  # nothing starts before the answer
    assert choice.front_button.isEnabled() and choice.back_button.isEnabled()
    hint = " ".join(label.text() for label in choice.findChildren(type(window._banner)))
    assert "quadriceps" in hint and "hamstrings" in hint
    # The keyboard answers: Enter takes the front (the default), Tab then Space the back.
    choice.activateWindow()
    qtbot.waitUntil(choice.isActiveWindow)
    assert choice.focusWidget() is choice.front_button
    if back:
        qtbot.keyClick(choice.focusWidget(), Qt.Key.Key_Tab)
        assert choice.focusWidget() is choice.back_button
        qtbot.keyClick(choice.back_button, Qt.Key.Key_Space)
    else:
        qtbot.keyClick(choice, Qt.Key.Key_Return)
    view = window.player.view
    assert view is not None and view.session.plan.routine.id == routine
    assert not choice.isVisible()


def test_escape_leaves_the_thigh_question_without_starting_anything(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    qtbot.mouseClick(window.home.quick_buttons["thigh"], Qt.MouseButton.LeftButton)
    choice = window.home.thigh_choice
    assert choice is not None and choice.isVisible()
    qtbot.keyClick(choice, Qt.Key.Key_Escape)
    assert not choice.isVisible() and window.player.view is None


def test_home_shows_the_selected_routines_tips_and_sources(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    home = window.home
    detail = home.detail
    assert not detail.sheet_button.isEnabled()  # nothing selected yet
    home.routine_list.setFocus()
    rows = [home.routine_list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(home.routine_list.count())]
    home.routine_list.setCurrentRow(rows.index("bedtime"))
    text = detail.text()
    assert "every night for six weeks" in text
    assert "Stretching before sleep and nocturnal leg cramps" in text  # the trial
    assert "Hallegraeff" in text
    assert detail.sheet_button.isEnabled()
    assert "Print or save as PDF" in detail.sheet_button.text()


def test_print_or_save_as_pdf_from_home_writes_the_sheet(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot)
    home = window.home
    rows = [home.routine_list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(home.routine_list.count())]
    home.routine_list.setCurrentRow(rows.index("desk-break"))
    target = tmp_path / "desk.pdf"
    asked: list[Path] = []
    home.detail.sheet_button.ask_path = lambda suggested: asked.append(suggested) or target
    with qtbot.waitSignal(home.detail.sheet_button.saved):
        home.detail.sheet_button.save_action.trigger()
    assert asked and asked[0].name == "desk-break.pdf"
    assert target.read_bytes().startswith(b"%PDF-")


def test_my_routines_shows_tips_and_sources_of_the_selected_routine(
        qtbot: QtBot, user_exercises: Path) -> None:
    (user_exercises / "routines" / "mine.yaml").write_text(
        "id: mine\nname: Mine\nkind: custom\ndescription: d\n"
        "items: [{stretch: upper-body-twist}]\ntips: [Sit on a steady chair.]\n")
    window = make_window(qtbot)
    window.show_page("routines")
    builder = window.page("routines")
    detail = builder._left.detail  # type: ignore[attr-defined]
    assert detail.routine_id == "mine"
    text = detail.text()
    assert "Sit on a steady chair." in text
    assert "Stretching: focus on flexibility" in text  # the twist's source
    assert detail.sheet_button.isEnabled()
