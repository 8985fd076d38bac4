"""The routine builder: build, save, reload, play; invalid values refused beside the field."""

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.content.model import Sides
from guide.ui.builder.view import RoutineBuilder


def make(qtbot: QtBot) -> RoutineBuilder:
    builder = RoutineBuilder(load_catalog())
    qtbot.addWidget(builder)
    builder.resize(900, 700)
    builder.show()
    qtbot.waitExposed(builder)
    return builder


@pytest.fixture
def builder(qtbot: QtBot, user_exercises: Path) -> RoutineBuilder:
    return make(qtbot)


def add(qtbot: QtBot, builder: RoutineBuilder, stretch_id: str) -> None:
    builder.stretch_box.setCurrentIndex(builder.stretch_box.findData(stretch_id))
    qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)


def order(builder: RoutineBuilder) -> list[str | None]:
    return [i.stretch for i in builder.model.items]


def test_build_save_reload_and_play(qtbot: QtBot, builder: RoutineBuilder,
                                    user_exercises: Path) -> None:
    builder.new_routine()
    builder.name_edit.clear()
    qtbot.keyClicks(builder.name_edit, "Evening calves")
    assert builder.id_edit.text() == "evening-calves"
    add(qtbot, builder, "calf-wall-straight")
    before = builder.total_label.text()
    add(qtbot, builder, "hamstring-lying")
    assert builder.total_label.text() != before  # the total follows every change
    builder.items_view.setCurrentIndex(builder.model.index(0, 0))
    builder.hold_spin.setValue(45)
    builder.reps_spin.setValue(3)
    builder.rest_spin.setValue(5)
    builder.sides_box.setCurrentIndex(builder.sides_box.findData("left"))
    # get ready 10 + left calf 3 x 45 with 2 x 5 rest + between 5 + hamstrings 2 x (2 x 30 + 10)
    # + switch 5 = 305 s
    assert builder.total_label.text() == "Total: 5 min 05 s"
    with qtbot.waitSignal(builder.routines_changed):
        qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    path = user_exercises / "routines" / "evening-calves.yaml"
    assert path.is_file()
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/routine.schema.json\n")
    loaded = load_catalog()
    assert loaded.problems == []
    routine = loaded.routines["evening-calves"]
    first = routine.items[0]
    assert (first.stretch, first.hold, first.reps, first.rest, first.sides) == (
        "calf-wall-straight", 45, 3, 5, Sides.LEFT)

    again = make(qtbot)  # a fresh window reads the saved file
    assert again.routine_list.count() == 1
    again.routine_list.setCurrentRow(0)
    assert again.name_edit.text() == "Evening calves"
    assert order(again) == ["calf-wall-straight", "hamstring-lying"]
    assert again.hold_spin.value() == 45
    with qtbot.waitSignal(again.play_routine) as played:
        qtbot.mouseClick(again.play_button, Qt.MouseButton.LeftButton)
    assert played.args == ["evening-calves"]


def test_invalid_values_are_refused_beside_the_field(qtbot: QtBot, builder: RoutineBuilder,
                                                     user_exercises: Path) -> None:
    builder.new_routine()
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    assert builder.items_error.isVisible()
    assert builder.items_error.text() == "must have at least one entry"
    add(qtbot, builder, "calf-wall-straight")
    add(qtbot, builder, "neck-rotation")
    builder.hold_spin.setValue(0)  # the second, selected line
    builder.name_edit.clear()
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    assert builder.field_errors["hold"].isVisible()
    assert builder.field_errors["hold"].text() == "must be a whole number, at least 1"
    assert builder.name_error.text() == "must not be empty"
    assert not builder.field_errors["reps"].isVisible()
    assert builder.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Not saved" in builder.status_label.text()
    assert list((user_exercises / "routines").iterdir()) == []
    # Another line has no error; back on the wrong one, the message is still beside Hold.
    builder.items_view.setCurrentIndex(builder.model.index(0, 0))
    assert not builder.field_errors["hold"].isVisible()
    builder.items_view.setCurrentIndex(builder.model.index(1, 0))
    assert builder.field_errors["hold"].isVisible()
    builder.id_edit.setText("Bad id!")
    qtbot.mouseClick(builder.save_button, Qt.MouseButton.LeftButton)
    assert "lower-case" in builder.id_error.text()
    assert list((user_exercises / "routines").iterdir()) == []


def test_copy_of_a_shipped_routine_gets_a_new_id(qtbot: QtBot, builder: RoutineBuilder,
                                                 user_exercises: Path) -> None:
    actions = {a.text(): a for a in builder.copy_button.menu().actions()}
    shipped = builder._catalog.routines["bedtime"]
    actions[shipped.name].trigger()
    assert builder.id_edit.text() == "bedtime-mine"
    assert order(builder) == [i.stretch for i in shipped.items]
    builder.id_edit.setText("bedtime")  # the shipped id is refused
    builder.save()
    assert "shipped routine" in builder.id_error.text()
    assert not (user_exercises / "routines" / "bedtime.yaml").exists()
    builder.id_edit.setText("bedtime-mine")
    assert builder.save()
    assert (user_exercises / "routines" / "bedtime-mine.yaml").is_file()
    assert load_catalog().is_builtin("routine", "bedtime")


def test_reorder_by_keyboard_and_drag(qtbot: QtBot, builder: RoutineBuilder) -> None:
    for stretch in ("calf-wall-straight", "hamstring-lying", "neck-rotation"):
        builder.add_stretch(stretch)
    view = builder.items_view
    view.setCurrentIndex(builder.model.index(0, 0))
    builder.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert order(builder) == ["hamstring-lying", "calf-wall-straight", "neck-rotation"]
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert order(builder) == ["calf-wall-straight", "hamstring-lying", "neck-rotation"]
    # What a drop does: the first line dropped below the last.
    model = builder.model
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert order(builder) == ["hamstring-lying", "neck-rotation", "calf-wall-straight"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(builder.model.items) == 2


def test_duplicate_and_delete(qtbot: QtBot, builder: RoutineBuilder,
                              user_exercises: Path) -> None:
    builder.new_routine()
    builder.add_stretch("calf-wall-straight")
    assert builder.save()
    qtbot.mouseClick(builder.duplicate_button, Qt.MouseButton.LeftButton)
    assert builder.id_edit.text() == "my-routine-copy"
    assert builder.save()
    assert builder.routine_list.count() == 2
    builder.confirm = lambda _text: True
    with qtbot.waitSignal(builder.routines_changed):
        qtbot.mouseClick(builder.delete_button, Qt.MouseButton.LeftButton)
    assert not (user_exercises / "routines" / "my-routine-copy.yaml").exists()
    assert (user_exercises / "routines" / "my-routine.yaml").exists()
    assert builder.routine_list.count() == 1


def test_the_stretch_chooser_lists_a_cached_pack_by_name_without_decoding_it(
        qtbot: QtBot, user_exercises: Path) -> None:
    """With a large pack, opening My routines must not read every stretch: the chooser takes
    the names from the cached search index."""
    from guide.core.content.cache import load_unchecked
    from guide.core.content.model import Stretch

    load_catalog()  # an earlier start cached the content
    taken = load_unchecked()
    assert taken is not None
    catalog = taken[0]
    builder = RoutineBuilder(catalog)
    qtbot.addWidget(builder)
    box = builder.stretch_box
    names = [box.itemText(row) for row in range(box.count())]
    assert len(names) == len(catalog.stretches)
    assert names == sorted(names, key=str.lower)
    assert box.itemData(names.index("Wall calf stretch, straight knee")) == "calf-wall-straight"
    decoded = [v for v in dict.values(catalog.stretches) if isinstance(v, Stretch)]
    assert not decoded
