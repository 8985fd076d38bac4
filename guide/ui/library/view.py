"""The library: find a stretch by body map, muscle, everyday words, position, equipment or time.

Layout, left to right: body map | muscles with counts | matching stretches | the chosen stretch.
The stretch list is one model behind one filtered list; filters never rebuild widgets.
"""

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.search import NO_EQUIPMENT, muscles_for_words
from guide.core.i18n import ntr
from guide.ui.common import theme
from guide.ui.library.body_map import BodyMap
from guide.ui.library.detail import StretchDetail
from guide.ui.library.stretch_delegate import StretchDelegate
from guide.ui.library.stretch_model import (
    IdRole,
    StretchFilterProxy,
    StretchListModel,
    position_names,
)

MuscleRole = Qt.ItemDataRole.UserRole + 1
WIDE = 150  # characters of width below which the body map goes above the muscle list
AnyIndex = QModelIndex | QPersistentModelIndex


class LibraryView(QWidget):
    """Browse and search every stretch; the detail pane's buttons leave through the signals."""

    start_stretch = Signal(str)
    add_to_routine = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.model = StretchListModel(catalog, self)
        self.proxy = StretchFilterProxy(self.model, self)

        self.body_map = BodyMap(catalog)
        self.body_map.setAccessibleName(self.tr("Body map"))
        self.body_map.muscle_clicked.connect(self.select_muscle)

        self.muscle_model = QStandardItemModel(self)
        self.muscle_list = QTableView()
        self.muscle_list.setModel(self.muscle_model)
        self.muscle_list.setAccessibleName(self.tr("Muscles"))
        self.muscle_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.muscle_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.muscle_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.muscle_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.muscle_list.setShowGrid(False)
        self.muscle_list.setWordWrap(True)
        self.muscle_list.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.muscle_list.horizontalHeader().sectionResized.connect(
            lambda *_: self.muscle_list.resizeRowsToContents())
        self.muscle_list.horizontalHeader().hide()
        self.muscle_list.verticalHeader().hide()
        self.muscle_list.setTabKeyNavigation(False)
        self._fill_muscles()
        header = self.muscle_list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.muscle_list.selectionModel().currentChanged.connect(self._on_muscle_row)
        # The first viewport() call builds some of PySide6's enum types (~15 ms): pay it while
        # opening, not on the first click on a muscle.
        self.muscle_list.viewport()

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: calf, charley horse, hammies, neck …"))
        self.search.setAccessibleName(self.tr("Search stretches"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.position_box = self._combo(self.tr("Position"), [("", self.tr("Any position"))] + [
            (key, name) for key, name in position_names().items()])
        self.position_box.currentIndexChanged.connect(
            lambda _n: self.proxy.set_position(self.position_box.currentData() or ""))
        equipment = self.model.index_data.equipment_words()
        self.equipment_box = self._combo(self.tr("Equipment"), [
            ("", self.tr("Any equipment")), (NO_EQUIPMENT, self.tr("No equipment"))] + [
            (word, word.capitalize()) for word in equipment])
        self.equipment_box.currentIndexChanged.connect(
            lambda _n: self.proxy.set_equipment(self.equipment_box.currentData() or ""))
        self.time_box = self._combo(self.tr("Time needed"), [
            (0, self.tr("Any length")), (60, self.tr("Up to 1 min")),
            (120, self.tr("Up to 2 min")), (300, self.tr("Up to 5 min"))])
        self.time_box.currentIndexChanged.connect(
            lambda _n: self.proxy.set_max_seconds(int(self.time_box.currentData() or 0)))

        # A one-column table, not a QListView: a list view lays out every row again after each
        # filter (a model call per row, 50,000 of them); a table with fixed row heights asks
        # only for the rows on screen.
        self.results = QTableView()
        self.results.setObjectName("results")
        self.results.setModel(self.proxy)
        self.results.setItemDelegate(StretchDelegate(self.results))
        self.results.horizontalHeader().hide()
        self.results.horizontalHeader().setStretchLastSection(True)
        rows = self.results.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(StretchDelegate.row_height(self.results.font()))
        self.results.setShowGrid(False)
        self.results.setWordWrap(False)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setTabKeyNavigation(False)
        self.results.setAccessibleName(self.tr("Matching stretches"))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.selectionModel().currentChanged.connect(self._on_result)
        self.results.activated.connect(self._on_activated)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setWordWrap(True)
        self.meaning = QLabel()
        self.meaning.setObjectName("hint")
        self.meaning.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleDescription(self.tr("Clear all filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        self.detail = StretchDetail(catalog)
        self.detail.start_stretch.connect(self.start_stretch)
        self.detail.add_to_routine.connect(self.add_to_routine)

        self._layout()
        self.proxy.modelReset.connect(self._after_filter)
        self._update_count()
        theme.styled(self, _STYLE)

    def _combo(self, name: str, entries: Sequence[tuple[object, str]]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(name)
        for data, text in entries:
            box.addItem(text, data)
        return box

    def _layout(self) -> None:
        """Wide: body map | muscles | stretches | detail. Narrow (a small or 150 % screen): the
        body map stacks above the muscles and the filters wrap, so nothing is cut off."""
        self._filters = QGridLayout()
        self._filters.setSpacing(8)
        self._place_filters(narrow=False)

        muscles = QWidget()
        column = QVBoxLayout(muscles)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Muscles"))
        heading.setObjectName("heading")
        heading.setBuddy(self.muscle_list)
        column.addWidget(heading)
        column.addWidget(self.muscle_list, 1)

        results = QWidget()
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.clear_button)
        column.addLayout(top)
        column.addWidget(self.meaning)
        column.addWidget(self.results, 1)

        # Long muscle names wrap onto a second line rather than "Back of the shoul…".
        metrics = self.muscle_list.fontMetrics()
        muscles.setMinimumWidth(metrics.horizontalAdvance("Between the") + 48
                                + self.muscle_list.verticalScrollBar().sizeHint().width())
        self.finder = QSplitter(Qt.Orientation.Horizontal)  # body map and muscles
        self.finder.setChildrenCollapsible(False)
        self.finder.addWidget(self.body_map)
        self.finder.addWidget(muscles)
        self.finder.setStretchFactor(0, 1)  # the body map grows with the space
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.finder, 2), (results, 2), (self.detail, 3)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([330, 265, 300])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(self._filters)
        layout.addWidget(splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < WIDE * self.fontMetrics().averageCharWidth()
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.finder.orientation() != orientation:
            self.finder.setOrientation(orientation)
            self._place_filters(narrow)
        super().resizeEvent(event)

    def _place_filters(self, narrow: bool) -> None:
        """One row (search wider), or the search above the three choices when narrow."""
        for widget in (self.search, self.position_box, self.equipment_box, self.time_box):
            self._filters.removeWidget(widget)
        boxes = (self.position_box, self.equipment_box, self.time_box)
        self._filters.addWidget(self.search, 0, 0, 1, 3 if narrow else 1)
        for n, box in enumerate(boxes):
            self._filters.addWidget(box, 1 if narrow else 0, n if narrow else n + 1)
        for column in range(4):
            self._filters.setColumnStretch(column, 0 if narrow and column == 3 else
                                           (3 if column == 0 and not narrow else 1))

    def _fill_muscles(self) -> None:
        counts = self.model.index_data.muscle_counts()
        rows = [("", self.tr("All muscles"), self.tr("Every stretch"),
                 len(self.model.index_data))]
        for muscle in sorted(self._catalog.muscles.values(), key=lambda m: m.name.lower()):
            also = self.tr("Also called: {words}").format(words=", ".join(muscle.synonyms))
            rows.append((muscle.id, muscle.name, f"{muscle.name}\n{also}",
                         counts.get(muscle.id, 0)))
        for muscle_id, name, tip, count in rows:
            # "Calf (gastrocnemius)" shows as "Calf"; the full name is in the tooltip.
            label = QStandardItem(name.split(" (")[0])
            label.setData(muscle_id, MuscleRole)
            label.setToolTip(tip)
            label.setData(ntr("{name}, {n} stretch", "{name}, {n} stretches", count).format(
                name=name, n=count),
                          Qt.ItemDataRole.AccessibleTextRole)
            number = QStandardItem(str(count))
            number.setData(muscle_id, MuscleRole)
            number.setToolTip(tip)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.muscle_model.appendRow([label, number])
        self._colour_muscles()
        theme.watcher().changed.connect(self._colour_muscles)

    @Slot()
    def _colour_muscles(self) -> None:
        """Counts in the quieter colour, and muscles without a stretch quieter still."""
        colours = theme.current()
        for row in range(self.muscle_model.rowCount()):
            label, number = self.muscle_model.item(row, 0), self.muscle_model.item(row, 1)
            number.setForeground(QColor(colours.muted))
            if number.text() == "0":
                label.setForeground(QColor(colours.dim))

    # -- filters -------------------------------------------------------------------------

    @Slot(str)
    def select_muscle(self, muscle_id: str) -> None:
        """Filter by ``muscle_id`` ("" for all) and show it on the map and in the list."""
        self.proxy.set_muscle(muscle_id)
        self.body_map.set_selected(muscle_id)
        for row in range(self.muscle_model.rowCount()):
            index = self.muscle_model.index(row, 0)
            if index.data(MuscleRole) == muscle_id:
                if self.muscle_list.currentIndex() != index:
                    blocker = self.muscle_list.selectionModel().blockSignals(True)
                    self.muscle_list.setCurrentIndex(index)
                    self.muscle_list.selectionModel().blockSignals(blocker)
                    self.muscle_list.viewport().update()
                break

    @Slot(QModelIndex, QModelIndex)
    def _on_muscle_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.select_muscle(str(current.data(MuscleRole) or ""))

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_text(text)
        ids = muscles_for_words(self._catalog, text) if len(text.strip()) >= 3 else []
        names = [self._catalog.muscles[i].name for i in ids]
        self.meaning.setText(self.tr("Includes stretches for: {muscles}").format(
            muscles=", ".join(names))
                             if names else "")
        self.meaning.setVisible(bool(names))

    @Slot()
    def clear_filters(self) -> None:
        self.search.clear()
        self.position_box.setCurrentIndex(0)
        self.equipment_box.setCurrentIndex(0)
        self.time_box.setCurrentIndex(0)
        self.select_muscle("")

    @Slot()
    def _after_filter(self) -> None:
        """The list was refilled: keep the stretch shown in the detail selected if it is listed."""
        row = self.proxy.row_of(self.detail.stretch_id) if self.detail.stretch_id else -1
        if row >= 0:
            selection = self.results.selectionModel()
            blocked = selection.blockSignals(True)  # the detail already shows it
            self.results.setCurrentIndex(self.proxy.index(row, 0))
            selection.blockSignals(blocked)
            self.results.viewport().update()
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        if shown == total:
            self.count_label.setText(ntr("All {n} stretch", "All {n} stretches", total).format(
                n=total))
        elif shown:
            self.count_label.setText(ntr("{shown} of {n} stretch", "{shown} of {n} stretches",
                                         total).format(shown=shown, n=total))
        else:
            self.count_label.setText(self.tr("No stretch matches"))
        self.clear_button.setEnabled(shown != total)

    # -- results and detail --------------------------------------------------------------

    def open_stretch(self, stretch_id: str) -> None:
        """Show ``stretch_id`` in the detail pane and select it in the list if it is shown."""
        row = self.proxy.row_of(stretch_id)
        if row >= 0:
            self.results.setCurrentIndex(self.proxy.index(row, 0))
        self.detail.show_stretch(stretch_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_result(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.show_stretch(str(current.data(IdRole)))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        self.detail.show_stretch(str(index.data(IdRole)))
        self.detail.start_button.setFocus()


_STYLE = """
QLabel#heading { font-weight: bold; color: $text; }
QLabel#count { font-weight: bold; color: $text; }
QLabel#hint { color: $muted; }
QTableView { background: $base; color: $base_text; border: 1px solid $border; }
QTableView::item:selected { background: $accent; color: $on_accent; }
QTableView:focus { border: 2px solid $focus; }
"""
