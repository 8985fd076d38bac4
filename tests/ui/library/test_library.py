"""The library view: body map, search, filters, detail and "Start this stretch"."""

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Catalog
from guide.ui.common import theme
from guide.ui.library.body_map import BodyMap
from guide.ui.library.stretch_model import IdRole
from guide.ui.library.view import LibraryView, MuscleRole

TINY_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="200"
  viewBox="0 0 100 200">
  <rect x="0" y="0" width="100" height="200" fill="#eeeeee"/>
  <circle id="quadriceps" cx="50" cy="50" r="40" fill="#cccccc"/>
  <rect id="hamstrings" x="10" y="120" width="80" height="60" fill="#cccccc"/>
</svg>"""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def library(qtbot: QtBot, catalog: Catalog) -> LibraryView:
    view = LibraryView(catalog)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown_ids(view: LibraryView) -> list[str]:
    return [view.proxy.stretch_id(row) for row in range(view.proxy.rowCount())]


def click_row(qtbot: QtBot, view: LibraryView, stretch_id: str) -> None:
    index = view.proxy.index(view.proxy.row_of(stretch_id), 0)
    view.results.scrollTo(index)
    rect = view.results.visualRect(index)
    qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_body_map_region_filters_by_that_muscle(
        qtbot: QtBot, library: LibraryView, catalog: Catalog) -> None:
    canvas = library.body_map.canvas
    library.body_map.set_side("back")
    point = canvas.region_point("gastrocnemius")
    assert canvas.region_rect("gastrocnemius").contains(point)
    qtbot.mouseMove(canvas, point)
    qtbot.waitUntil(lambda: library.body_map.caption.text() == "Calf (gastrocnemius)")
    with qtbot.waitSignal(library.body_map.muscle_clicked) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["gastrocnemius"]
    assert set(shown_ids(library)) == {s.id for s in catalog.stretches_for_muscle("gastrocnemius")}
    assert library.muscle_list.currentIndex().data(MuscleRole) == "gastrocnemius"
    assert canvas.selected == "gastrocnemius"
    # Choosing from the muscle list turns the body round and selects the region.
    row = next(r for r in range(library.muscle_model.rowCount())
               if library.muscle_model.index(r, 0).data(MuscleRole) == "quadriceps")
    library.muscle_list.setCurrentIndex(library.muscle_model.index(row, 0))
    assert (canvas.side, canvas.selected) == ("front", "quadriceps")
    assert set(shown_ids(library)) == {s.id for s in catalog.stretches_for_muscle("quadriceps")}


def test_body_map_hit_test_follows_the_outline(qtbot: QtBot, tmp_path: Path,
                                               catalog: Catalog) -> None:
    svg = tmp_path / "front.svg"
    svg.write_text(TINY_SVG, encoding="utf-8")
    body = BodyMap(catalog, {"front": svg, "back": None})
    qtbot.addWidget(body)
    body.resize(220, 460)
    body.show()
    qtbot.waitExposed(body)
    canvas = body.canvas
    assert canvas.regions() == ["quadriceps", "hamstrings"]
    circle = canvas.region_rect("quadriceps")
    assert canvas.muscle_at(circle.center()) == "quadriceps"
    corner = circle.topLeft() + QPoint(3, 3)  # inside the bounds, outside the circle
    assert canvas.muscle_at(corner) == ""
    with qtbot.assertNotEmitted(body.muscle_clicked):
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=corner)
    with qtbot.waitSignal(body.muscle_clicked) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                         pos=canvas.region_rect("hamstrings").center())
    assert blocker.args == ["hamstrings"]
    # The selected region is drawn in the accent colour.
    image = canvas.grab().toImage()
    centre = canvas.region_rect("hamstrings").center()
    assert image.pixelColor(centre).name() == theme.current().map_selected


def test_body_map_keyboard(qtbot: QtBot, library: LibraryView) -> None:
    canvas = library.body_map.canvas
    assert canvas.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert canvas.accessibleName().startswith("Body map")
    library.activateWindow()
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    first, second = canvas.regions()[:2]
    assert library.body_map.caption.text() == canvas.muscle_name(first)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert library.body_map.caption.text() == canvas.muscle_name(second)
    assert canvas.muscle_name(second) in canvas.accessibleDescription()
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    with qtbot.waitSignal(library.body_map.muscle_clicked) as blocker:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert blocker.args == [first]
    assert library.proxy.query.muscle == first


@pytest.mark.parametrize(("words", "muscle"), [("hammies", "hamstrings"),
                                               ("charley horse", "gastrocnemius")])
def test_search_knows_everyday_words(qtbot: QtBot, library: LibraryView, catalog: Catalog,
                                     words: str, muscle: str) -> None:
    qtbot.keyClicks(library.search, words)
    ids = shown_ids(library)
    assert ids
    assert {s.id for s in catalog.stretches_for_muscle(muscle)} <= set(ids)
    assert library.meaning.isVisible()
    assert catalog.muscles[muscle].name in library.meaning.text()


def test_position_filter_and_clear(qtbot: QtBot, library: LibraryView, catalog: Catalog) -> None:
    box = library.position_box
    box.setCurrentIndex(box.findData("in_bed"))
    ids = shown_ids(library)
    assert ids and all("in_bed" in catalog.stretches[i].position for i in ids)
    assert library.count_label.text() == f"{len(ids)} of {len(catalog.stretches)} stretches"
    qtbot.mouseClick(library.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown_ids(library)) == len(catalog.stretches)


def test_open_detail_and_start_the_stretch(qtbot: QtBot, library: LibraryView) -> None:
    library.select_muscle("gastrocnemius")
    click_row(qtbot, library, "calf-wall-straight")
    detail = library.detail
    assert detail.stretch_id == "calf-wall-straight"
    assert detail.title.text() == "Wall calf stretch, straight knee"
    assert "30 s × 2 · each leg" in detail.facts.text()
    assert "Letting the back heel lift" in detail.mistakes.text()
    assert detail.cautions.isVisible() and "Achilles" in detail.cautions.text()
    assert detail.sources.openExternalLinks()
    assert "href='https://www.nhs.uk/conditions/leg-cramps/'" in detail.sources.text()
    with qtbot.waitSignal(library.start_stretch) as started:
        qtbot.mouseClick(detail.start_button, Qt.MouseButton.LeftButton)
    assert started.args == ["calf-wall-straight"]
    with qtbot.waitSignal(library.add_to_routine) as added:
        qtbot.mouseClick(detail.add_button, Qt.MouseButton.LeftButton)
    assert added.args == ["calf-wall-straight"]


def test_results_show_thumbnail_and_dose(library: LibraryView) -> None:
    row = library.proxy.row_of("calf-wall-straight")
    index = library.proxy.index(row, 0)
    assert index.data(IdRole) == "calf-wall-straight"
    pixmap = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QPixmap) and not pixmap.isNull()
    assert library.model.rowCount(QModelIndex()) == library.proxy.rowCount()


def test_every_control_has_an_accessible_name(library: LibraryView) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListView, QTableView

    controls = [w for kind in (QAbstractButton, QComboBox, QLineEdit, QListView, QTableView)
                for w in library.findChildren(kind)]
    unnamed = [w for w in controls if w.isVisible() and not w.accessibleName()
               and not (isinstance(w, QAbstractButton) and w.text())]
    assert unnamed == []
