"""The routine builder: make, change, reorder, copy and delete your own routines.

A routine is edited as a draft; Save runs the same validator as ``stretch-guide validate`` and
either writes ``<data>/stretch-guide/exercises/routines/<id>.yaml`` or shows each problem beside
the field it concerns and writes nothing. Shipped routines are never edited in place: "Copy a
shipped routine" makes an editable copy under a new id.
"""

import re
from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from guide.core import routine_io
from guide.core.catalog import Catalog
from guide.core.listing import duration
from guide.core.model import Routine, RoutineItem, RoutineKind, Sides
from guide.core.problems import Problem
from guide.ui.stretch_model import short_duration

AnyIndex = QModelIndex | QPersistentModelIndex
MIME = "application/x-stretch-guide-item-row"
ErrorRole = Qt.ItemDataRole.UserRole + 1
FIELDS = ("hold", "reps", "rest", "sides")
_ITEM_KEY = re.compile(r"^items\[(\d+)\](?:\.(\w+))?")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoutineBuilder", text)


class RoutineItemsModel(QAbstractListModel):
    """The lines of the routine being edited; rows move by drag and drop or keyboard."""

    changed = Signal()

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.items: list[RoutineItem] = []
        self.errors: dict[int, str] = {}

    def set_items(self, items: list[RoutineItem]) -> None:
        self.beginResetModel()
        self.items = [msgspec.structs.replace(i) for i in items]
        self.errors = {}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def title(self, row: int) -> str:
        item = self.items[row]
        if item.stretch is not None:
            stretch = self._catalog.stretches.get(item.stretch)
            return stretch.name if stretch else item.stretch
        return item.action or ""

    def describe(self, row: int) -> str:
        item = self.items[row]
        stretch = self._catalog.stretches.get(item.stretch or "")
        hold = item.hold if item.hold is not None else (stretch.hold if stretch else 30)
        reps = item.reps if item.reps is not None else (stretch.reps if stretch else 1)
        rest = item.rest if item.rest is not None else (stretch.rest if stretch else 0)
        text = _tr("{hold} × {reps}").format(hold=short_duration(hold), reps=reps)
        if reps > 1 and rest:
            text += " · " + _tr("rest {rest}").format(rest=short_duration(rest))
        if stretch is not None and stretch.per_side:
            sides = {None: _tr("both sides"), Sides.BOTH: _tr("both sides"),
                     Sides.LEFT: _tr("left only"), Sides.RIGHT: _tr("right only")}
            text += " · " + sides.get(item.sides, str(item.sides))
        return text

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        error = self.errors.get(row)
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "⚠ " if error else ""
            return f"{mark}{row + 1}. {self.title(row)}\n    {self.describe(row)}"
        if role in (Qt.ItemDataRole.ToolTipRole, ErrorRole):
            return error
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row + 1}. {self.title(row)}, {self.describe(row)}" + (
                f". {error}" if error else "")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled

    # -- editing -------------------------------------------------------------------------

    def append(self, item: RoutineItem) -> int:
        row = len(self.items)
        self.beginInsertRows(QModelIndex(), row, row)
        self.items.append(item)
        self.endInsertRows()
        self.changed.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.errors = {}
            self.endRemoveRows()
            self.changed.emit()

    def set_field(self, row: int, name: str, value: Any) -> None:
        if 0 <= row < len(self.items) and getattr(self.items[row], name) != value:
            setattr(self.items[row], name, value)
            self.errors.pop(row, None)
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
            self.changed.emit()

    def move(self, row: int, to: int) -> bool:
        """Move one row so that it ends up at position ``to``."""
        if not (0 <= row < len(self.items) and 0 <= to < len(self.items)) or row == to:
            return False
        # Qt's destination is "before which row", counted before the move.
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), to + 1 if to > row else to)

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        if count < 1 or source_row <= destination_child <= source_row + count:
            return False
        if not self.beginMoveRows(source_parent, source_row, source_row + count - 1,
                                  destination_parent, destination_child):
            return False
        moving = self.items[source_row:source_row + count]
        del self.items[source_row:source_row + count]
        at = destination_child - count if destination_child > source_row else destination_child
        self.items[at:at] = moving
        self.errors = {}
        self.endMoveRows()
        self.changed.emit()
        return True

    # -- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        raw = bytes(data.data(MIME).data()).decode()
        rows = [int(r) for r in raw.split(",") if r.strip().isdigit()]
        if len(rows) != 1:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), target)
        # The move is done; returning False stops the view from also removing the source row.
        return False


class RoutineBuilder(QWidget):
    """Your routines on the left, the one being edited on the right."""

    play_routine = Signal(str)
    routines_changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._base: Routine | None = None  # fields the editor does not show are kept from here
        self._original_id: str | None = None  # id of the saved routine being edited
        self._id_edited = False
        self._dirty = False
        self._loading = False
        self._field_errors: dict[tuple[int, str], str] = {}
        self.confirm: Callable[[str], bool] = self._ask

        self.model = RoutineItemsModel(catalog, self)
        self.model.changed.connect(self._on_items_changed)
        self._build_left()
        self._build_editor()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        layout.addWidget(self._left, 1)
        layout.addWidget(self._editor, 3)
        self.setStyleSheet(_STYLE)
        self.refresh()
        if self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        else:
            self.new_routine()
            self._dirty = False
            self._update_status()

    # -- building the widgets ------------------------------------------------------------

    def _button(self, text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    def _build_left(self) -> None:
        self._left = QWidget()
        column = QVBoxLayout(self._left)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Your routines"))
        heading.setObjectName("heading")
        self.routine_list = QListWidget()
        self.routine_list.setAccessibleName(self.tr("Your routines"))
        heading.setBuddy(self.routine_list)
        self.routine_list.currentItemChanged.connect(self._on_routine_chosen)
        self.new_button = self._button(self.tr("New"), self.tr("New routine"), self.new_routine)
        self.duplicate_button = self._button(self.tr("Duplicate"),
                                             self.tr("Duplicate this routine"), self.duplicate)
        self.delete_button = self._button(self.tr("Delete"), self.tr("Delete this routine"),
                                          self.delete_current)
        self.copy_button = QToolButton()
        self.copy_button.setText(self.tr("Copy a shipped routine"))
        self.copy_button.setAccessibleName(self.tr("Copy a shipped routine to edit it"))
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.copy_button)
        for routine in self._catalog.routines.values():
            if self._catalog.is_builtin("routine", routine.id):
                action = menu.addAction(routine.name)
                action.triggered.connect(lambda _=False, r=routine.id: self.copy_shipped(r))
        self.copy_button.setMenu(menu)
        grid = QGridLayout()
        grid.addWidget(self.new_button, 0, 0)
        grid.addWidget(self.duplicate_button, 0, 1)
        grid.addWidget(self.delete_button, 1, 0)
        grid.addWidget(self.copy_button, 2, 0, 1, 2)
        self.empty_hint = QLabel(self.tr(
            "You have no routines of your own yet. Build one on the right, or copy a shipped "
            "routine and change it."))
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setWordWrap(True)
        column.addWidget(heading)
        column.addWidget(self.routine_list, 1)
        column.addWidget(self.empty_hint)
        column.addLayout(grid)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setObjectName("error")
        label.setWordWrap(True)
        label.hide()
        return label

    def _build_editor(self) -> None:
        self._editor = QWidget()
        column = QVBoxLayout(self._editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Routine name"))
        self.name_edit.textEdited.connect(self._on_name)
        self.name_error = self._error_label()
        self.id_edit = QLineEdit()
        self.id_edit.setAccessibleName(self.tr("Routine id (its file name)"))
        self.id_edit.textEdited.connect(self._on_id)
        self.id_error = self._error_label()
        self.description_edit = QLineEdit()
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.textEdited.connect(self._mark_dirty)
        self.description_error = self._error_label()
        form = QFormLayout()
        for label, edit, error in ((self.tr("&Name"), self.name_edit, self.name_error),
                                   (self.tr("&Id"), self.id_edit, self.id_error),
                                   (self.tr("Desc&ription"), self.description_edit,
                                    self.description_error)):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            buddy = form.labelForField(box)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(edit)
        column.addLayout(form)

        add_row = QHBoxLayout()
        self.stretch_box = QComboBox()
        self.stretch_box.setAccessibleName(self.tr("Stretch to add"))
        for stretch in sorted(self._catalog.stretches.values(), key=lambda s: s.name.lower()):
            self.stretch_box.addItem(stretch.name, stretch.id)
        self.add_button = self._button(self.tr("Add stretch"), self.tr("Add the chosen stretch"),
                                       lambda: self.add_stretch(
                                           str(self.stretch_box.currentData() or "")))
        add_row.addWidget(self.stretch_box, 1)
        add_row.addWidget(self.add_button)
        column.addLayout(add_row)

        self.items_view = QListView()
        self.items_view.setModel(self.model)
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
        self.items_error = self._error_label()
        hint = QLabel(self.tr("Drag to reorder, or Ctrl+Up / Ctrl+Down."))
        hint.setObjectName("hint")
        moves = QHBoxLayout()
        self.up_button = self._button(self.tr("Move up"), self.tr("Move the stretch up"),
                                      lambda: self.move_current(-1))
        self.down_button = self._button(self.tr("Move down"), self.tr("Move the stretch down"),
                                        lambda: self.move_current(1))
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the stretch"),
                                          self.remove_current)
        moves.addWidget(hint, 1)
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        column.addWidget(self.items_view, 1)
        column.addWidget(self.items_error)
        column.addLayout(moves)

        self.hold_spin = self._spin("hold", self.tr("Hold, seconds"), 9999, self.tr(" s"))
        self.reps_spin = self._spin("reps", self.tr("Repetitions"), 99, "")
        self.rest_spin = self._spin("rest", self.tr("Rest between repetitions, seconds"), 9999,
                                    self.tr(" s"))
        self.sides_box = QComboBox()
        self.sides_box.setAccessibleName(self.tr("Sides"))
        for value, text in ((Sides.BOTH, self.tr("Both sides")), (Sides.LEFT, self.tr("Left only")),
                            (Sides.RIGHT, self.tr("Right only"))):
            self.sides_box.addItem(text, str(value))
        self.sides_box.currentIndexChanged.connect(self._on_sides)
        self.field_errors = {name: self._error_label() for name in FIELDS}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for n, (text, widget) in enumerate(((self.tr("&Hold"), self.hold_spin),
                                            (self.tr("Re&ps"), self.reps_spin),
                                            (self.tr("R&est"), self.rest_spin),
                                            (self.tr("&Sides"), self.sides_box))):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, n)
            grid.addWidget(widget, 1, n)
            grid.addWidget(self.field_errors[FIELDS[n]], 2, n)
        for n in range(4):
            grid.setColumnStretch(n, 1)
        column.addLayout(grid)

        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.total_label.setAccessibleName(self.tr("Total time"))
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.general_error = self._error_label()
        self.save_button = self._button(self.tr("Save"), self.tr("Save this routine"), self.save)
        self.save_button.setObjectName("primary")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.play_button = self._button(self.tr("Play"), self.tr("Play this routine"), self.play)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label)
        bottom.addStretch(1)
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.save_button)
        column.addWidget(self.general_error)
        column.addLayout(bottom)
        column.addWidget(self.status_label)

    def _spin(self, field: str, name: str, maximum: int, suffix: str) -> QSpinBox:
        # Wider than the file format allows on purpose: the validator explains out-of-range
        # values beside the field instead of the box silently refusing them.
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setKeyboardTracking(True)
        spin.valueChanged.connect(lambda value, f=field: self._on_spin(f, value))
        return spin

    # -- the list of routines ------------------------------------------------------------

    def user_routines(self) -> list[Routine]:
        return sorted((r for r in self._catalog.routines.values()
                       if not self._catalog.is_builtin("routine", r.id)
                       and not r.id.startswith("single-")),
                      key=lambda r: r.name.lower())

    def refresh(self, select: str | None = None) -> None:
        self.routine_list.blockSignals(True)
        self.routine_list.clear()
        for routine in self.user_routines():
            item = QListWidgetItem(routine.name)
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            item.setToolTip(routine.id)
            self.routine_list.addItem(item)
            if routine.id == select:
                self.routine_list.setCurrentItem(item)
        self.routine_list.blockSignals(False)
        self.empty_hint.setVisible(self.routine_list.count() == 0)
        self._update_buttons()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_routine_chosen(self, current: QListWidgetItem | None,
                           _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        routine = self._catalog.routines.get(str(current.data(Qt.ItemDataRole.UserRole)))
        if routine is not None:
            self.edit(routine, saved=True)

    def edit(self, routine: Routine, saved: bool) -> None:
        """Load ``routine`` into the editor (a saved user routine, or a new draft)."""
        self._loading = True
        self._base = routine_io.copy_routine(routine, routine.id, routine.name)
        self._original_id = routine.id if saved else None
        self._id_edited = saved
        self.name_edit.setText(routine.name)
        self.id_edit.setText(routine.id)
        self.description_edit.setText(routine.description)
        self.model.set_items(list(self._base.items))
        self._clear_errors()
        self._loading = False
        self._dirty = not saved
        if self.model.rowCount():
            self.items_view.setCurrentIndex(self.model.index(0, 0))
        self._on_item_chosen(self.items_view.currentIndex(), QModelIndex())
        self._update_total()
        self._update_status()
        self._update_buttons()

    # -- commands ------------------------------------------------------------------------

    def _unique_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self._catalog.routines and candidate != self._original_id:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    @Slot()
    def new_routine(self) -> None:
        name = self.tr("My routine")
        self.routine_list.clearSelection()
        self._original_id = None
        self.edit(Routine(id=self._unique_id(routine_io.slug(name)), name=name,
                          kind=RoutineKind.CUSTOM, description=self.tr("My own routine."),
                          items=[]), saved=False)
        self._id_edited = False
        self.name_edit.setFocus()

    @Slot()
    def duplicate(self) -> None:
        current = self.current_routine()
        self._original_id = None
        copy = routine_io.copy_routine(current, self._unique_id(f"{current.id}-copy"),
                                       self.tr("{0} (copy)").format(current.name))
        self.routine_list.clearSelection()
        self.edit(copy, saved=False)

    def copy_shipped(self, routine_id: str) -> None:
        """Start editing a copy of a shipped routine under a new id such as "bedtime-mine"."""
        shipped = self._catalog.routines[routine_id]
        self._original_id = None
        copy = routine_io.copy_routine(shipped, routine_io.free_id(routine_id, self._catalog),
                                       self.tr("{0} (my copy)").format(shipped.name))
        self.routine_list.clearSelection()
        self.edit(copy, saved=False)

    @Slot()
    def delete_current(self) -> None:
        if self._original_id is None:
            if self.routine_list.count():
                self.routine_list.setCurrentRow(0)
            else:
                self.new_routine()
            return
        name = self.name_edit.text() or self._original_id
        if not self.confirm(self.tr("Delete your routine “{0}”?").format(name)):
            return
        try:
            routine_io.delete_user_routine(self._original_id, self._catalog)
        except OSError as exc:
            self._show_general(self.tr("Could not delete the file: {0}").format(
                exc.strerror or exc))
            return
        self._original_id = None
        self.refresh()
        self.routines_changed.emit()
        if self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        else:
            self.new_routine()

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete routine"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot(str)
    def add_stretch(self, stretch_id: str) -> None:
        """Append a stretch at its own dose (also what the library's "Add to routine" calls)."""
        stretch = self._catalog.stretches.get(stretch_id)
        if stretch is None:
            return
        row = self.model.append(routine_io.item_for(stretch))
        self.items_view.setCurrentIndex(self.model.index(row, 0))

    def move_current(self, step: int) -> None:
        row = self.items_view.currentIndex().row()
        if row >= 0 and self.model.move(row, row + step):
            self.items_view.setCurrentIndex(self.model.index(row + step, 0))

    @Slot()
    def remove_current(self) -> None:
        row = self.items_view.currentIndex().row()
        self.model.remove(row)
        if self.model.rowCount():
            self.items_view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1),
                                                             0))
        else:
            self._on_item_chosen(QModelIndex(), QModelIndex())

    def current_routine(self) -> Routine:
        """The routine as the editor shows it now (not validated)."""
        base = self._base or Routine(id="", name="", kind=RoutineKind.CUSTOM, description="",
                                     items=[])
        return msgspec.structs.replace(
            base, id=self.id_edit.text().strip(), name=self.name_edit.text().strip(),
            description=self.description_edit.text().strip(),
            items=[msgspec.structs.replace(i) for i in self.model.items])

    @Slot()
    def save(self) -> bool:
        """Validate and save; on a problem show it beside its field and write nothing."""
        routine = self.current_routine()
        self._clear_errors()
        try:
            path = routine_io.save_user_routine(routine, self._catalog, self._original_id)
        except routine_io.RoutineInvalid as exc:
            self._show_problems(exc.problems)
            return False
        except OSError as exc:
            self._show_general(self.tr("Could not save: {0}").format(exc.strerror or exc))
            return False
        self._base = routine
        self._original_id = routine.id
        self._id_edited = True
        self._dirty = False
        self.refresh(select=routine.id)
        self.status_label.setText(self.tr("Saved to {0}").format(path))
        self._update_buttons()
        self.routines_changed.emit()
        return True

    @Slot()
    def play(self) -> None:
        if self._dirty and not self.save():
            return
        if self._original_id:
            self.play_routine.emit(self._original_id)

    # -- problems beside their fields ----------------------------------------------------

    def _clear_errors(self) -> None:
        for label in (self.name_error, self.id_error, self.description_error, self.items_error,
                      self.general_error, *self.field_errors.values()):
            label.clear()
            label.hide()
        self._field_errors = {}
        if self.model.errors:
            self.model.errors = {}
            self.model.layoutChanged.emit()

    def _show_problems(self, problems: list[Problem]) -> None:
        labels = {"name": self.name_error, "id": self.id_error,
                  "description": self.description_error, "items": self.items_error}
        first_row = -1
        for problem in problems:
            match = _ITEM_KEY.match(problem.key)
            if problem.key in labels:
                self._append(labels[problem.key], problem.message)
            elif match:
                row, field = int(match.group(1)), match.group(2) or ""
                self.model.errors[row] = problem.message
                if field in FIELDS:
                    self._field_errors[(row, field)] = problem.message
                else:
                    self._append(self.items_error, self.tr("Stretch {0}: {1}").format(
                        row + 1, problem.message))
                first_row = row if first_row < 0 else first_row
            else:
                where = f"{problem.key}: " if problem.key else ""
                self._append(self.general_error, where + problem.message)
        self.model.layoutChanged.emit()
        if first_row >= 0:
            self.items_view.setCurrentIndex(self.model.index(first_row, 0))
        self._show_field_errors()
        self.status_label.setText(self.tr("Not saved: please fix the marked fields."))

    @staticmethod
    def _append(label: QLabel, message: str) -> None:
        text = label.text()
        label.setText(f"{text}\n{message}" if text else message)
        label.show()

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def _show_field_errors(self) -> None:
        row = self.items_view.currentIndex().row()
        for name, label in self.field_errors.items():
            message = self._field_errors.get((row, name), "")
            label.setText(message)
            label.setVisible(bool(message))

    # -- reacting to edits ---------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_item_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        editors: list[QWidget] = [self.hold_spin, self.reps_spin, self.rest_spin, self.sides_box]
        for widget in editors:
            widget.setEnabled(row >= 0)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(row >= 0)
        if row < 0:
            self._show_field_errors()
            return
        item = self.model.items[row]
        stretch = self._catalog.stretches.get(item.stretch or "")
        loading, self._loading = self._loading, True
        self.hold_spin.setValue(item.hold if item.hold is not None else
                                (stretch.hold if stretch else 30))
        self.reps_spin.setValue(item.reps if item.reps is not None else
                                (stretch.reps if stretch else 1))
        self.rest_spin.setValue(item.rest if item.rest is not None else
                                (stretch.rest if stretch else 0))
        per_side = stretch is not None and stretch.per_side
        self.sides_box.setEnabled(per_side)
        self.sides_box.setCurrentIndex(max(0, self.sides_box.findData(str(item.sides or "both"))))
        self._loading = loading
        self._show_field_errors()

    def _on_spin(self, field: str, value: int) -> None:
        if self._loading:
            return
        row = self.items_view.currentIndex().row()
        self._field_errors.pop((row, field), None)
        self.model.set_field(row, field, value)
        self._show_field_errors()

    @Slot(int)
    def _on_sides(self, _index: int) -> None:
        if self._loading:
            return
        row = self.items_view.currentIndex().row()
        if row < 0:
            return
        value = Sides(str(self.sides_box.currentData()))
        stretch = self._catalog.stretches.get(self.model.items[row].stretch or "")
        self.model.set_field(row, "sides", value if stretch and stretch.per_side else None)

    @Slot(str)
    def _on_name(self, text: str) -> None:
        if not self._id_edited:
            self.id_edit.setText(self._unique_id(routine_io.slug(text)))
        self._mark_dirty()

    @Slot(str)
    def _on_id(self, _text: str) -> None:
        self._id_edited = True
        self._mark_dirty()

    @Slot()
    def _mark_dirty(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._update_status()

    @Slot()
    def _on_items_changed(self) -> None:
        self._update_total()
        self._mark_dirty()

    def _update_total(self) -> None:
        seconds = routine_io.routine_total_seconds(self.current_routine(), self._catalog) \
            if self.model.items else 0
        self.total_label.setText(self.tr("Total: {0}").format(duration(seconds)))

    def _update_status(self) -> None:
        if self._dirty:
            self.status_label.setText(self.tr("Not saved yet.") if self._original_id is None
                                      else self.tr("Unsaved changes."))
        elif self._original_id:
            self.status_label.setText(self.tr("Saved."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self._original_id is not None)
        self.duplicate_button.setEnabled(bool(self.model.items))
        self.play_button.setEnabled(bool(self.model.items))


_STYLE = """
QLabel#heading { font-weight: bold; color: #26323f; }
QLabel#error { color: #b3261e; font-weight: bold; }
QLabel#hint { color: #5b6573; }
QLabel#total { font-weight: bold; font-size: 12pt; color: #26323f; }
QPushButton#primary { background: #e4572e; color: white; border: none; border-radius: 4px;
                      padding: 6px 18px; font-weight: bold; }
QPushButton#primary:focus { border: 2px solid #26323f; }
QPushButton#primary:disabled { background: #d9a595; }
"""
