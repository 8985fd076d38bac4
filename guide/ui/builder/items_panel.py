"""The stretches of the routine being edited: add, reorder, remove, and change their dose."""

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.search import SearchIndex
from guide.core.routine import user_routines
from guide.ui.builder.item_editor import FIELDS, ItemEditor
from guide.ui.builder.items_model import RoutineItemsModel
from guide.ui.builder.parts import append_error, error_label, push_button


class StretchNames(QAbstractListModel):
    """Every stretch's name (shown) and id (the item data), in name order, read from the
    catalogue's search index: a pack of 50,000 stretches lists at once, without decoding one."""

    def __init__(self, index: SearchIndex, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids, self._names = index.ids, index.names

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._names[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None


class ItemsPanel(QWidget):
    """A stretch chooser, the list of the routine's stretches, and the editor of the current one."""

    def __init__(self, catalog: Catalog, model: RoutineItemsModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.model = model
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)

        add_row = QHBoxLayout()
        self.stretch_box = QComboBox()
        self.stretch_box.setAccessibleName(self.tr("Stretch to add"))
        self.stretch_box.setModel(StretchNames(SearchIndex.for_catalog(catalog), self))
        # Sized for a typical name, not by measuring every name of a large pack.
        self.stretch_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stretch_box.setMinimumContentsLength(24)
        popup = self.stretch_box.view()
        if isinstance(popup, QListView):
            popup.setUniformItemSizes(True)
        self.add_button = push_button(self.tr("Add stretch"), self.tr("Add the chosen stretch"),
                                      lambda: self.add_stretch(
                                          str(self.stretch_box.currentData() or "")))
        add_row.addWidget(self.stretch_box, 1)
        add_row.addWidget(self.add_button)
        column.addLayout(add_row)

        self.items_view = QListView()
        self.items_view.setModel(model)
        self.items_view.setAccessibleName(self.tr("Stretches in this routine"))
        self.items_view.setAccessibleDescription(self.tr(
            "Drag to reorder, or press Ctrl+Up and Ctrl+Down. Delete removes the stretch."))
        self.items_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items_view.setDropIndicatorShown(True)
        self.items_view.setSpacing(2)
        self.items_view.selectionModel().currentChanged.connect(self._on_item_chosen)
        for keys, slot in ((QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
                           (QKeySequence("Ctrl+Down"), lambda: self.move_current(1)),
                           (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_current)):
            action = QAction(self.items_view)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.items_view.addAction(action)
        self.items_error = error_label()
        hint = QLabel(self.tr("Drag to reorder, or Ctrl+Up / Ctrl+Down."))
        hint.setObjectName("hint")
        moves = QHBoxLayout()
        self._up_button = push_button(self.tr("Move up"), self.tr("Move the stretch up"),
                                      lambda: self.move_current(-1))
        self._down_button = push_button(self.tr("Move down"), self.tr("Move the stretch down"),
                                        lambda: self.move_current(1))
        self._remove_button = push_button(self.tr("Remove"), self.tr("Remove the stretch"),
                                          self.remove_current)
        moves.addWidget(hint, 1)
        for button in (self._up_button, self._down_button, self._remove_button):
            moves.addWidget(button)
        column.addWidget(self.items_view, 1)
        column.addWidget(self.items_error)
        column.addLayout(moves)

        self.editor = ItemEditor(catalog, model, self.items_view)
        column.addWidget(self.editor)

    def current_row(self) -> int:
        return self.items_view.currentIndex().row()

    def select(self, row: int) -> None:
        self.items_view.setCurrentIndex(self.model.index(row, 0))

    def show_current(self) -> None:
        """Bring the buttons and the editor up to date with the current item (or none)."""
        self._on_item_chosen(self.items_view.currentIndex(), QModelIndex())
        self.editor.show_item(self.items_view.currentIndex())

    def clear_errors(self) -> None:
        self.items_error.clear()
        self.items_error.hide()
        self.editor.clear_errors()
        if self.model.errors:
            self.model.errors = {}
            self.model.layoutChanged.emit()

    def add_problem(self, row: int, field: str, message: str) -> None:
        """Mark row ``row``; show the problem beside ``field``, or above the list."""
        self.model.errors[row] = message
        if field in FIELDS:
            self.editor.errors[(row, field)] = message
        else:
            append_error(self.items_error, self.tr("Stretch {number}: {problem}").format(
                number=row + 1, problem=message))

    @Slot(QModelIndex, QModelIndex)
    def _on_item_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        for button in (self._up_button, self._down_button, self._remove_button):
            button.setEnabled(current.isValid())

    @Slot(str)
    def add_stretch(self, stretch_id: str) -> None:
        """Append a stretch at its own dose."""
        stretch = self._catalog.stretches.get(stretch_id)
        if stretch is None:
            return
        self.select(self.model.append(user_routines.item_for(stretch)))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row >= 0 and self.model.move(row, row + step):
            self.select(row + step)

    @Slot()
    def remove_current(self) -> None:
        row = self.current_row()
        self.model.remove(row)
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1))
        else:
            self.show_current()
