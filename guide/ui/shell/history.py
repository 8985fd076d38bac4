"""The History page: the two streaks, then two tabs: the sessions played, newest first, and the
cramp diary with its weekly chart (built when the page is, so start-up never pays for it)."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guide.core.i18n import ntr, short_duration
from guide.core.store.diary import Diary
from guide.core.store.history import Feeling, History, Record
from guide.ui.common.fonts import scaled
from guide.ui.diary.panel import DiaryPanel


class HistoryPage(QWidget):
    """Call :meth:`refresh` when the page is shown or a session was recorded."""

    def __init__(self, history: History, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        super().__init__(parent)
        self._history = history
        self._today = today
        self.diary = DiaryPanel(Diary(history), now=now, own_messages=False)
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
        sessions = QWidget()
        sessions_layout = QVBoxLayout(sessions)
        sessions_layout.addWidget(self._empty)
        sessions_layout.addWidget(self._table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(sessions, self.tr("&Sessions"))
        self.tabs.addTab(self.diary, self.tr("Cramp &diary"))
        layout.addWidget(self.tabs, 1)
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

    def show_diary(self) -> DiaryPanel:
        self.tabs.setCurrentWidget(self.diary)
        return self.diary

    @Slot()
    def refresh(self) -> None:
        sessions = self._history.sessions()
        self.diary.refresh(sessions)  # its problems reading the file are shown above the tabs
        today = self._today()
        days = self._history.streak(today, sessions)
        nights = self._history.bedtime_streak(today, sessions)
        self._streak.setText(ntr("Streak: {n} day in a row", "Streak: {n} days in a row",
                                 days).format(n=days))
        self._bedtime.setText(ntr("Bedtime streak: {n} night", "Bedtime streak: {n} nights",
                                  nights).format(n=nights))
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
        # Translators: how the History list writes a date and time (Qt's format letters).
        when = QDateTime(QDate(start.year, start.month, start.day),
                         QTime(start.hour, start.minute)).toString(self.tr("yyyy-MM-dd HH:mm"))
        if record.completed:
            result = ntr("Completed, {n} hold", "Completed, {n} holds", record.holds).format(
                n=record.holds)
        elif record.stopped_name:
            result = self.tr("Stopped at step {n}: {name}").format(
                n=(record.stopped_at or 0) + 1, name=record.stopped_name)
        else:
            result = self.tr("Stopped")
        # Translators: how the routine felt: good, okay (so-so) or hard
        felt = {Feeling.GOOD.value: self.tr("Good"), Feeling.OK.value: self.tr("OK"),
                Feeling.HARD.value: self.tr("Hard")}.get(record.feeling or "", "")
        return [when, record.routine_name, short_duration(record.duration), result, felt]
