"""The lines of the routine being edited, as a Qt list model that reorders by drag and drop."""

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
)
from PySide6.QtGui import QColor

from guide.core.content.catalog import Catalog
from guide.core.content.model import RoutineItem, Sides, Stretch
from guide.core.i18n import short_duration
from guide.ui.common import theme

AnyIndex = QModelIndex | QPersistentModelIndex
MIME = "application/x-stretch-guide-item-row"
ErrorRole = Qt.ItemDataRole.UserRole + 1



def dose(item: RoutineItem, stretch: Stretch | None) -> tuple[int, int, int]:
    """Hold, reps and rest of ``item``: its own values, else its stretch's, else 30 s × 1."""
    return (item.hold if item.hold is not None else (stretch.hold if stretch else 30),
            item.reps if item.reps is not None else (stretch.reps if stretch else 1),
            item.rest if item.rest is not None else (stretch.rest if stretch else 0))



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
        hold, reps, rest = dose(item, stretch)
        translate = QCoreApplication.translate
        text = translate("RoutineBuilder", "{hold} × {reps}").format(
            hold=short_duration(hold), reps=reps)
        if reps > 1 and rest:
            text += " · " + translate("RoutineBuilder", "rest {rest}").format(
                rest=short_duration(rest))
        if stretch is not None and stretch.per_side:
            both = translate("RoutineBuilder", "both sides")
            sides = {None: both, Sides.BOTH: both,
                     Sides.LEFT: translate("RoutineBuilder", "left only"),
                     Sides.RIGHT: translate("RoutineBuilder", "right only")}
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
            return QColor(theme.current().error)
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

