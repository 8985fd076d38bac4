"""The library: find a stretch by body map, muscle, everyday words, position, equipment or time.

Layout, left to right: body map | muscles with counts | matching stretches | the chosen stretch.
The stretch list is one model behind one filtered list; filters never rebuild widgets.
"""

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.search import NO_EQUIPMENT, muscles_for_words
from guide.ui.library.body_map import BodyMap
from guide.ui.library.detail import StretchDetail
from guide.ui.library.stretch_model import (
    THUMB,
    DoseRole,
    IdRole,
    StretchFilterProxy,
    StretchListModel,
    position_names,
)

MuscleRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class _StretchDelegate(QStyledItemDelegate):
    """Thumbnail, name (up to two lines) and dose in grey."""

    @staticmethod
    def row_height(line_spacing: int) -> int:
        # Two lines of name and one of dose in the list's font, so larger text never overlaps.
        return max(THUMB.height(), 3 * line_spacing) + 12

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(200, self.row_height(option.fontMetrics.lineSpacing()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = option.rect
        painter.save()
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if pixmap is not None:
            painter.drawPixmap(rect.x() + 6, rect.y() + 6, pixmap)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        left = rect.x() + THUMB.width() + 14
        text_rect = QRect(left, rect.y() + 5, rect.right() - left - 4, rect.height() - 10)
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_colour)
        name_rect = painter.boundingRect(text_rect, Qt.TextFlag.TextWordWrap,
                                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        name_rect = name_rect.intersected(QRect(text_rect.x(), text_rect.y(), text_rect.width(),
                                                text_rect.height() - painter.fontMetrics()
                                                .height()))
        painter.drawText(name_rect, Qt.TextFlag.TextWordWrap,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        dose_rect = QRect(left, name_rect.bottom() + 2, text_rect.width(),
                          painter.fontMetrics().height())
        painter.drawText(dose_rect, Qt.AlignmentFlag.AlignLeft, str(index.data(DoseRole)))
        painter.restore()


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
        self.muscle_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.muscle_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.muscle_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.muscle_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.muscle_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.muscle_list.setShowGrid(False)
        self.muscle_list.setWordWrap(False)
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
        delegate = _StretchDelegate(self.results)
        self.results.setItemDelegate(delegate)
        self.results.horizontalHeader().hide()
        self.results.horizontalHeader().setStretchLastSection(True)
        rows = self.results.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.row_height(self.results.fontMetrics().lineSpacing()))
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
        self.meaning = QLabel()
        self.meaning.setObjectName("hint")
        self.meaning.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear all filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        self.detail = StretchDetail(catalog)
        self.detail.start_stretch.connect(self.start_stretch)
        self.detail.add_to_routine.connect(self.add_to_routine)

        self._layout()
        self.proxy.modelReset.connect(self._after_filter)
        self._update_count()
        self.setStyleSheet(_STYLE)

    def _combo(self, name: str, entries: Sequence[tuple[object, str]]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(name)
        for data, text in entries:
            box.addItem(text, data)
        return box

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.position_box, 1)
        filters.addWidget(self.equipment_box, 1)
        filters.addWidget(self.time_box, 1)

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

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.body_map, 0), (muscles, 0), (results, 1),
                                (self.detail, 1)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        self.detail.setMinimumWidth(300)  # room for both buttons side by side
        splitter.setSizes([150, 165, 265, 300])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _fill_muscles(self) -> None:
        counts = self.model.index_data.muscle_counts()
        rows = [("", self.tr("All muscles"), self.tr("Every stretch"),
                 len(self.model.index_data))]
        for muscle in sorted(self._catalog.muscles.values(), key=lambda m: m.name.lower()):
            also = self.tr("Also called: {0}").format(", ".join(muscle.synonyms))
            rows.append((muscle.id, muscle.name, f"{muscle.name}\n{also}",
                         counts.get(muscle.id, 0)))
        for muscle_id, name, tip, count in rows:
            # "Calf (gastrocnemius)" shows as "Calf"; the full name is in the tooltip.
            label = QStandardItem(name.split(" (")[0])
            label.setData(muscle_id, MuscleRole)
            label.setToolTip(tip)
            label.setData(self.tr("{0}, {1} stretches").format(name, count),
                          Qt.ItemDataRole.AccessibleTextRole)
            number = QStandardItem(str(count))
            number.setData(muscle_id, MuscleRole)
            number.setToolTip(tip)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setForeground(QColor("#5b6573"))
            if not count:
                label.setForeground(QColor("#8a94a3"))
            self.muscle_model.appendRow([label, number])

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
        self.meaning.setText(self.tr("Includes stretches for: {0}").format(", ".join(names))
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
            self.count_label.setText(self.tr("All {0} stretches").format(total))
        elif shown:
            self.count_label.setText(self.tr("{0} of {1} stretches").format(shown, total))
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
QLabel#heading { font-weight: bold; color: #26323f; }
QLabel#count { font-weight: bold; color: #26323f; }
QLabel#hint { color: #5b6573; }
QTableView#results { background: white; border: 1px solid #dde2e8; }
QListView::item:selected, QTableView::item:selected { background: #e4572e; color: white; }
QTableView { background: white; border: 1px solid #dde2e8; }
"""
