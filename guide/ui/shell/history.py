"""The History page: the sessions played, newest first, and the two streaks."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide.core.routine.session import format_duration
from guide.core.store.history import Feeling, History, Record
from guide.ui.common.fonts import scaled


class HistoryPage(QWidget):
    """Call :meth:`refresh` when the page is shown or a session was recorded."""

    def __init__(self, history: History, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._history = history
        self._today = today
        title = QLabel(self.tr("History"))
        scaled(title, 1.6, bold=True)
        self._streak = QLabel()
        scaled(self._streak, 1.3)
        self._bedtime = QLabel()
        scaled(self._bedtime, 1.3)
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._empty = QLabel(self.tr("No sessions yet. Finished and stopped routines appear "
                                     "here."))
        self._empty.setWordWrap(True)
        self._table = QTableWidget(0, 5)
        self._table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Routine"), self.tr("Time"), self.tr("Result"),
            self.tr("Felt")])
        self._table.setAccessibleName(self.tr("Sessions"))
        self._table.verticalHeader().setVisible(False)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setAlternatingRowColors(True)
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        streaks = QHBoxLayout()
        streaks.addWidget(self._streak)
        streaks.addSpacing(self.fontMetrics().height() * 2)
        streaks.addWidget(self._bedtime)
        streaks.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(streaks)
        layout.addWidget(self._message)
        layout.addWidget(self._empty)
        layout.addWidget(self._table, 1)
        self.refresh()

    @property
    def table(self) -> QTableWidget:
        return self._table

    @property
    def streak_text(self) -> str:
        return self._streak.text()

    @property
    def bedtime_text(self) -> str:
        return self._bedtime.text()

    @Slot()
    def refresh(self) -> None:
        sessions = self._history.sessions()
        today = self._today()
        days = self._history.streak(today)
        nights = self._history.bedtime_streak(today)
        self._streak.setText(self.tr("Streak: %n day(s) in a row", "", days))
        self._bedtime.setText(self.tr("Bedtime streak: %n night(s)", "", nights))
        messages = self._history.take_messages()
        self._message.setText("\n".join(messages))
        self._message.setVisible(bool(messages))
        self._empty.setVisible(not sessions)
        self._table.setVisible(bool(sessions))
        self._table.setRowCount(len(sessions))
        for row, record in enumerate(sessions):
            for column, text in enumerate(self._cells(record)):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self._table.setItem(row, column, item)

    def _cells(self, record: Record) -> list[str]:
        start = dt.datetime.fromisoformat(record.local_start)
        when = start.strftime("%Y-%m-%d %H:%M")
        if record.completed:
            result = self.tr("Completed, {n} holds").format(n=record.holds)
        elif record.stopped_name:
            result = self.tr("Stopped at step {n}: {name}").format(
                n=(record.stopped_at or 0) + 1, name=record.stopped_name)
        else:
            result = self.tr("Stopped")
        felt = {Feeling.GOOD.value: self.tr("Good"), Feeling.OK.value: self.tr("OK"),
                Feeling.HARD.value: self.tr("Hard")}.get(record.feeling or "", "")
        return [when, record.routine_name, format_duration(record.duration), result, felt]
