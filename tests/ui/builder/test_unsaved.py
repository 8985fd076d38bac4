"""An unsaved routine is never thrown away without asking, and survives a crash as a draft."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.ui.builder.view import RoutineBuilder
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow

DRAFT = "builder-draft.json"


def make(qtbot: QtBot) -> RoutineBuilder:
    builder = RoutineBuilder(load_catalog())
    qtbot.addWidget(builder)
    builder.show()
    qtbot.waitExposed(builder)
    return builder


def start_routine(qtbot: QtBot, builder: RoutineBuilder) -> None:
    builder.name_edit.clear()
    qtbot.keyClicks(builder.name_edit, "Evening calves")
    builder.stretch_box.setCurrentIndex(builder.stretch_box.findData("calf-wall-straight"))
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)


class Asked:
    """Stands in for the Save / Discard / Cancel box and answers ``answer``."""

    def __init__(self, builder: RoutineBuilder, answer: str) -> None:
        from guide.ui.builder.unsaved import Answer

        self.names: list[str] = []
        self._answer = Answer(answer)
        builder.unsaved.ask = self

    def __call__(self, name: str) -> object:
        self.names.append(name)
        return self._answer


@pytest.fixture
def builder(qtbot: QtBot, user_exercises: Path) -> RoutineBuilder:
    return make(qtbot)


def test_new_asks_and_cancel_keeps_the_routine(qtbot: QtBot, builder: RoutineBuilder) -> None:
    start_routine(qtbot, builder)
    asked = Asked(builder, "cancel")
    builder.new_routine()
    assert asked.names == ["Evening calves"]
    assert builder.name_edit.text() == "Evening calves"
    assert [i.stretch for i in builder.model.items] == ["calf-wall-straight"]


def test_new_asks_and_save_writes_the_file(qtbot: QtBot, builder: RoutineBuilder,
                                           user_exercises: Path) -> None:
    start_routine(qtbot, builder)
    asked = Asked(builder, "save")
    builder.new_routine()
    assert asked.names == ["Evening calves"]
    assert (user_exercises / "routines" / "evening-calves.yaml").is_file()
    assert builder.model.items == []  # and the new routine is open


def test_new_asks_and_discard_drops_the_draft(qtbot: QtBot, builder: RoutineBuilder,
                                              tmp_path: Path) -> None:
    start_routine(qtbot, builder)
    draft = tmp_path / "data" / "stretch-guide" / DRAFT
    qtbot.waitUntil(draft.exists, timeout=3000)
    Asked(builder, "discard")
    builder.new_routine()
    assert builder.model.items == []
    assert not draft.exists()
    assert not make(qtbot).model.items  # nothing comes back next time


def test_closing_the_window_asks(qtbot: QtBot, user_exercises: Path) -> None:
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    builder = window.page("routines")
    assert isinstance(builder, RoutineBuilder)
    window.show_page("routines")
    start_routine(qtbot, builder)
    asked = Asked(builder, "cancel")
    assert window.close() is False  # Cancel: the window stays, with the routine
    assert window.isVisible() and asked.names == ["Evening calves"]
    Asked(builder, "discard")
    assert window.close() is True


def test_a_draft_survives_a_crash(qtbot: QtBot, builder: RoutineBuilder,
                                  tmp_path: Path) -> None:
    start_routine(qtbot, builder)
    draft = tmp_path / "data" / "stretch-guide" / DRAFT
    qtbot.waitUntil(draft.exists, timeout=3000)  # written shortly after the change
    # The app dies here without a word; the next start opens the builder again.
    again = make(qtbot)
    assert again.name_edit.text() == "Evening calves"
    assert [i.stretch for i in again.model.items] == ["calf-wall-straight"]
    assert again.has_unsaved_changes()
    assert "Restored" in again.status_label.text()


def test_a_damaged_draft_is_dropped(qtbot: QtBot, user_exercises: Path, tmp_path: Path) -> None:
    draft = tmp_path / "data" / "stretch-guide" / DRAFT
    draft.write_text('{"base": [')
    builder = make(qtbot)
    assert not builder.has_unsaved_changes()
    assert not draft.exists()


def test_choosing_another_routine_asks_first(qtbot: QtBot, builder: RoutineBuilder) -> None:
    start_routine(qtbot, builder)
    assert Asked(builder, "save").names == []
    builder.new_routine()  # saves "Evening calves", opens a new one
    start_routine(qtbot, builder)
    builder.name_edit.clear()
    qtbot.keyClicks(builder.name_edit, "Second")
    asked = Asked(builder, "cancel")
    builder.routine_list.setCurrentRow(0)  # the saved "Evening calves"
    assert asked.names == ["Second"]
    assert builder.name_edit.text() == "Second"  # still editing the unsaved one
    Asked(builder, "discard")
    builder.routine_list.setCurrentRow(0)
    assert builder.name_edit.text() == "Evening calves"
