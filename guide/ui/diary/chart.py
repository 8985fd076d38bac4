"""The diary chart: per week, nights with cramps and nights with the bedtime routine (bars), the
average worst severity (a line on its own axis) and the first routine night (a marker line).

Drawn with QtCharts (PySide6-Addons): its widget API gives a legend, two y axes and a category
axis in a plain QWidget that renders in software, offscreen and without OpenGL. QtGraphs' 2D
charts need QML in a QQuickWidget and a GPU backend. Qt deprecated QtCharts in 6.10; everything
that touches it is in this module, so moving to QtGraphs later changes one file. Imported only
when History is opened.
"""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, QPointF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from guide.core.store.diary import Week
from guide.ui.common import theme

NIGHTS_IN_A_WEEK = 7
MOST_SEVERE = 10


class DiaryChart(QChartView):
    """Call :meth:`show_weeks`; the series are properties so tests can read what is drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.setAccessibleName(self.tr("Chart of your diary by week"))
        chart = self._chart
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._cramps = QBarSet(self.tr("Nights with cramps"))
        self._routine = QBarSet(self.tr("Nights with the routine"))
        self._bars = QBarSeries()
        self._bars.append(self._cramps)
        self._bars.append(self._routine)
        self._severity = QLineSeries()
        self._severity.setName(self.tr("Worst severity, average"))
        self._severity.setPointsVisible(True)
        self._first = QLineSeries()
        self._first.setName(self.tr("First routine night"))
        self._bars.setBarWidth(0.8)
        for series in (self._bars, self._severity, self._first):
            chart.addSeries(series)
        self._x = QCategoryAxis()
        self._x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._x.setGridLineVisible(False)
        self._nights = QValueAxis()
        self._nights.setRange(0, NIGHTS_IN_A_WEEK)
        self._nights.setTickCount(NIGHTS_IN_A_WEEK + 1)
        self._nights.setLabelFormat("%d")
        self._nights.setTitleText(self.tr("Nights in the week"))
        self._scale = QValueAxis()
        self._scale.setRange(0, MOST_SEVERE)
        self._scale.setTickCount(6)
        self._scale.setLabelFormat("%d")
        self._scale.setTitleText(self.tr("Severity"))
        chart.addAxis(self._x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._nights, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self._scale, Qt.AlignmentFlag.AlignRight)
        for series in (self._bars, self._severity, self._first):
            series.attachAxis(self._x)
        self._bars.attachAxis(self._nights)
        self._first.attachAxis(self._nights)
        self._severity.attachAxis(self._scale)
        self._apply_theme()
        theme.watcher().changed.connect(self._apply_theme)
        # Lines show as lines in the legend, bars as filled boxes.
        for series in (self._severity, self._first):
            for marker in chart.legend().markers(series):
                marker.setShape(QLegend.MarkerShape.MarkerShapeFromSeries)

    # What is drawn, for tests and the text summary.
    @property
    def cramp_nights(self) -> list[float]:
        return [self._cramps.at(i) for i in range(self._cramps.count())]

    @property
    def routine_nights(self) -> list[float]:
        return [self._routine.at(i) for i in range(self._routine.count())]

    @property
    def severity_points(self) -> list[tuple[float, float]]:
        return [(p.x(), p.y()) for p in self._severity.points()]

    @property
    def first_night_x(self) -> float | None:
        points = self._first.points()
        return points[0].x() if points else None

    @property
    def week_labels(self) -> list[str]:
        return list(self._x.categoriesLabels())

    def show_weeks(self, weeks: Sequence[Week], first_night: dt.date | None) -> None:
        """Draw ``weeks`` (oldest first); mark ``first_night`` when it falls among them."""
        self._cramps.remove(0, self._cramps.count())
        self._routine.remove(0, self._routine.count())
        self._cramps.append([float(w.cramp_nights) for w in weeks])
        self._routine.append([float(w.routine_nights) for w in weeks])
        self._severity.replace([QPointF(i, w.mean_severity) for i, w in enumerate(weeks)
                                if w.mean_severity is not None])
        self._first.clear()
        self._first.setVisible(False)
        if first_night is not None and weeks and weeks[0].start <= first_night:
            index = (first_night - weeks[0].start).days // 7
            if index < len(weeks):
                # Within the week's bar group, at the night's own day.
                x = index - 0.5 + (first_night.weekday() + 0.5) / 7
                self._first.append([QPointF(x, 0), QPointF(x, NIGHTS_IN_A_WEEK)])
                self._first.setVisible(True)
                self._first.setName(self.tr("First routine night: {date}")
                                    .format(date=_day(first_night)))
        self._label_weeks(weeks)

    def _label_weeks(self, weeks: Sequence[Week]) -> None:
        for label in self._x.categoriesLabels():
            self._x.remove(label)
        self._x.setRange(-0.5, max(len(weeks), 1) - 0.5)
        # Every week when there are few; otherwise about eight labels, whole weeks apart.
        step = max(1, -(-len(weeks) // 8))
        for i in range(0, len(weeks), step):
            self._x.append(_day(weeks[i].start), i)
        self._x.setStartValue(-0.5)

    @Slot()
    def _apply_theme(self) -> None:
        """The app theme's colours (AA-checked against the base), again when it changes."""
        colours = theme.current()
        self._chart.setTheme(QChart.ChartTheme.ChartThemeDark if colours.scheme.dark
                             else QChart.ChartTheme.ChartThemeLight)
        self._chart.setBackgroundBrush(QColor(colours.base))
        self.setBackgroundBrush(QColor(colours.window))
        text = QColor(colours.base_text)
        self._chart.legend().setLabelColor(text)
        grid = QColor(colours.border)
        for axis in (self._x, self._nights, self._scale):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)
        self._cramps.setColor(QColor(colours.accent_text))
        self._cramps.setBorderColor(QColor(colours.accent_text))
        self._routine.setColor(QColor(colours.hold))
        self._routine.setBorderColor(QColor(colours.hold))
        # Told apart by shape as well as colour: a solid line with points, a dashed marker.
        self._severity.setPen(QPen(text, 2.5))
        self._first.setPen(QPen(text, 2, Qt.PenStyle.DashLine))


def _day(day: dt.date) -> str:
    """A short date in the user's language, e.g. "2 Mar"."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")
