"""The diary entries as a table model: rows are made when the view asks, so a year of nights costs
nothing until it scrolls into sight."""

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics

from guide.core.store import diary
from guide.core.store.diary import Entry

_Index = QModelIndex | QPersistentModelIndex


class EntriesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._bedtime: set[dt.date] = set()
        self._names = diary.place_names()
        self._headers = [self.tr("Date"), self.tr("Cramps"), self.tr("Worst"), self.tr("Where"),
                         self.tr("Bedtime routine"), self.tr("Note")]

    def set_entries(self, entries: list[Entry], bedtime: set[dt.date]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._bedtime = bedtime
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def column_widths(self, metrics: QFontMetrics) -> list[int]:
        """Widths that fit each column's header and its widest value (the note stretches)."""
        samples = ["0000-00-00", "00", self.tr("{n} of 10").format(n=10),
                   max(self._names.values(), key=metrics.horizontalAdvance), self.tr("Done")]
        pad = metrics.horizontalAdvance("M") * 2
        return [max(metrics.horizontalAdvance(h), metrics.horizontalAdvance(t)) + pad
                for h, t in zip(self._headers, samples, strict=False)]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return entry.night.isoformat()
        if column == 1:
            return str(entry.cramps)
        if column == 2:
            return self.tr("{n} of 10").format(n=entry.severity)
        if column == 3:
            return ", ".join(self._names[p] for p in entry.places)
        if column == 4:
            return self.tr("Done") if entry.night in self._bedtime else ""
        return " ".join(entry.note.split())
