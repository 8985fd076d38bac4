"""History's cramp diary: the weekly chart, the figures in words, the entries, and a way to log.

The wording stays with the user's own numbers: it never says the routine changed anything.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guide.core.store import diary, export
from guide.core.store.diary import Diary, Entry
from guide.core.store.history import Record
from guide.ui.diary.chart import DiaryChart
from guide.ui.diary.dialog import DiaryDialog, open_entry
from guide.ui.diary.entries_model import EntriesModel

RECENT_WEEKS = 4


class DiaryPanel(QWidget):
    """Empty until :meth:`refresh`: call it when shown (History does) and after logging."""

    def __init__(self, store: Diary, parent: QWidget | None = None, *,
                 now: Callable[[], dt.datetime] = dt.datetime.now,
                 own_messages: bool = True) -> None:
        """``own_messages=False``: the database's problems are left for the page around it."""
        super().__init__(parent)
        self._store = store
        self._now = now
        self._own_messages = own_messages
        self.dialog: DiaryDialog | None = None
        self.honest = honest = QLabel(self.tr(
            "These are your own numbers, as you logged them. They cannot show whether the "
            "bedtime routine caused any change: cramps come and go for many reasons. Take them "
            "to your doctor or physiotherapist; “Save as CSV” writes them to a file a "
            "spreadsheet opens."))
        honest.setWordWrap(True)
        self.log_button = QPushButton(self.tr("&Log a night…"))
        self.log_button.clicked.connect(self.log_last_night)
        self.export_button = QPushButton(self.tr("Save as &CSV…"))
        self.export_button.clicked.connect(self._ask_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        self.chart = DiaryChart()
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self.tr("No diary entries yet. Log a night, and your weeks appear "
                                    "here."))
        self.empty.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.entries = EntriesModel(self)
        self.table = QTableView()
        self.table.setModel(self.entries)
        self.table.setAccessibleName(self.tr("Diary entries"))
        self.table.setAccessibleDescription(self.tr("Press Enter to change an entry"))
        self.table.verticalHeader().setVisible(False)
        # One line a row, fixed height: the first paint need not measure a year of rows.
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # Widths from the widest possible text, not by measuring a year of rows (which tripled
        # the time to show the page); the full text of a cut cell is in its tooltip.
        header.setStretchLastSection(True)
        for column, width in enumerate(self.entries.column_widths(self.fontMetrics())):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._edit)
        self.table.doubleClicked.connect(self._edit)

        layout = QVBoxLayout(self)
        layout.addWidget(honest)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.empty)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.figures)
        layout.addWidget(self.table, 2)
        self._entries: list[Entry] = []

    def refresh(self, sessions: list[Record] | None = None) -> None:
        """Read the diary again; ``sessions``, when the caller has just read them, saves a read."""
        self._entries = self._store.entries()
        bedtime = (diary.bedtime_nights(sessions) if sessions is not None
                   else self._store.bedtime_nights())
        if self._own_messages:
            self._show_messages(self._store.take_messages())
        today = self._now().date()
        weeks = diary.weeks(self._entries, bedtime, today)
        first = min(bedtime) if bedtime else None
        self.chart.show_weeks(weeks, first)
        has_any = bool(weeks)
        self.empty.setVisible(not self._entries)
        self.chart.setVisible(has_any)
        self.figures.setVisible(has_any)
        self.figures.setText(self._figures(weeks[-RECENT_WEEKS:], first))
        self.chart.setAccessibleDescription(self.figures.text())
        self.table.setVisible(bool(self._entries))
        self.entries.set_entries(self._entries, bedtime)

    def _figures(self, recent: list[diary.Week], first: dt.date | None) -> str:
        logged = sum(w.logged for w in recent)
        cramped = sum(w.cramp_nights for w in recent)
        rated = [(w.mean_severity, w.cramp_nights) for w in recent if w.mean_severity is not None]
        lines = [self.tr("In the last four weeks:"),
                 self.tr("Nights logged: {n}").format(n=logged),
                 self.tr("Nights with cramps: {n}").format(n=cramped)]
        if rated:
            mean = sum(m * n for m, n in rated) / sum(n for _, n in rated)
            lines.append(self.tr("Average worst severity on those nights: {value} of 10")
                         .format(value=f"{mean:.1f}"))
        lines.append(self.tr("Nights with the bedtime routine: {n}").format(
            n=sum(w.routine_nights for w in recent)))
        if first is not None:
            lines.append(self.tr("First night with the bedtime routine: {date}")
                         .format(date=first.isoformat()))
        return "\n".join(lines)

    def _show_messages(self, messages: list[str]) -> None:
        self.message.setText("\n".join(messages))
        self.message.setVisible(bool(messages))

    @Slot()
    def log_last_night(self) -> None:
        self.open_night(diary.last_night(self._now()))

    def open_night(self, night: dt.date) -> DiaryDialog:
        self.dialog = open_entry(self._store, night, self, lambda _entry: self.refresh(),
                                 now=self._now)
        return self.dialog

    @Slot(QModelIndex)
    def _edit(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._entries):
            self.open_night(self._entries[index.row()].night)

    @Slot()
    def _ask_export(self) -> None:
        start = str(Path.home() / "stretch-guide.csv")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save sessions and diary as CSV"),
                                              start, self.tr("CSV files (*.csv)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        """Write sessions and diary to ``path``; says how it went under the buttons."""
        sessions = self._store.history.sessions()
        try:
            export.write_csv(path, sessions, self._store.entries())
        except OSError as exc:
            self._show_messages([self.tr("Could not save {path}: {error}").format(
                path=path, error=exc.strerror or exc)])
            return False
        self._show_messages([self.tr("Saved {path}.").format(path=path)])
        return True
