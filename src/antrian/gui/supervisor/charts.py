"""The report's charts: arrivals by hour of day (bars) with mean waiting (a line on a second axis), and a
weekday x hour heatmap of arrivals (a small painted widget: QtCharts has no heatmap)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from antrian.domain.figures import HourFigures
from antrian.gui import theme
from antrian.gui.theme.metrics import SIZE

LOW, HIGH = theme.colour("chart_low"), theme.colour("chart_high")
MOST_INTERVALS = 5  # grid intervals on the hour chart's axes


def whole_steps() -> Iterator[int]:
    """1, 2, 5, 10, 20, 50, 100, ...: the steps of a count axis."""
    for power in itertools.count():
        for first in (1, 2, 5):
            yield first * 10**power


def minute_steps() -> Iterator[int]:
    """1, 2, 5, 10, 15, 20, 30 minutes, then whole hours (60, 120, 180, ...): the steps of a time axis."""
    yield from (1, 2, 5, 10, 15, 20, 30)
    for hours in itertools.count(1):
        yield 60 * hours


def scale(most: float, steps: Iterable[int], intervals: int = MOST_INTERVALS) -> tuple[int, int]:
    """The first of ``steps`` that reaches ``most`` in at most ``intervals`` intervals, and how many it
    takes (at least one)."""
    for step in steps:
        needed = max(1, math.ceil(most / step))
        if needed <= intervals:
            return step, needed
    raise AssertionError("the steps never end")


def shared_scale(arrivals: float, minutes: float) -> tuple[int, int, int]:
    """The arrivals step, the minutes step and the number of intervals both axes share, so that their
    ticks fall on the same grid lines."""
    arrival_step, arrival_intervals = scale(arrivals, whole_steps())
    minute_step, minute_intervals = scale(minutes, minute_steps())
    return arrival_step, minute_step, max(arrival_intervals, minute_intervals)


class HourChart(QChartView):
    """Arrivals per office-local hour as bars, mean waiting in minutes as a line on the right axis."""

    def __init__(self) -> None:
        super().__init__()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(SIZE.chart)
        self.arrivals: list[int] = []
        self.waiting_minutes: list[float] = []
        self.hours: list[int] = []
        self.arrival_step = self.minute_step = 1
        self.show_hours([])

    def show_hours(self, hours: Sequence[HourFigures]) -> None:
        """Hours from the first to the last with an arrival or a wait (all 24 when there are none)."""
        used = [h.hour for h in hours if h.arrivals or h.waiting.count]
        first, last = (min(used), max(used)) if used else (7, 16)
        by_hour = {h.hour: h for h in hours}
        self.hours = list(range(first, last + 1))
        self.arrivals = [by_hour[h].arrivals if h in by_hour else 0 for h in self.hours]
        self.waiting_minutes = [
            (by_hour[h].waiting.mean or 0.0) / 60 if h in by_hour else 0.0 for h in self.hours
        ]
        chart = QChart()
        chart.setMargins(chart.margins() * 0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        bars = QBarSet(QCoreApplication.translate("ReportCharts", "Arrivals"))
        bars.append([float(n) for n in self.arrivals])
        bars.setColor(theme.colour("chart_bar"))
        series = QBarSeries()
        series.append(bars)
        line = QLineSeries()
        line.setName(QCoreApplication.translate("ReportCharts", "Mean waiting (minutes)"))
        line.setColor(theme.colour("chart_line"))
        for i, minutes in enumerate(self.waiting_minutes):
            line.append(i, minutes)
        chart.addSeries(series)
        chart.addSeries(line)
        categories = QBarCategoryAxis()
        categories.append([f"{h:02d}" for h in self.hours])
        categories.setTitleText(QCoreApplication.translate("ReportCharts", "Hour of day"))
        # both axes on the same grid lines: whole arrivals, and minutes in steps a reader counts in
        self.arrival_step, self.minute_step, intervals = shared_scale(
            max(self.arrivals, default=0), max(self.waiting_minutes, default=0.0)
        )
        left = QValueAxis()
        left.setRange(0, self.arrival_step * intervals)
        left.setTickCount(intervals + 1)
        left.setLabelFormat("%d")
        left.setTitleText(QCoreApplication.translate("ReportCharts", "Arrivals"))
        right = QValueAxis()
        right.setRange(0, self.minute_step * intervals)
        right.setTickCount(intervals + 1)
        right.setLabelFormat("%d")
        right.setTitleText(QCoreApplication.translate("ReportCharts", "Minutes"))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(categories)
        series.attachAxis(left)
        line.attachAxis(categories)
        line.attachAxis(right)
        chart.setTitle(QCoreApplication.translate("ReportCharts", "Arrivals and mean waiting by hour of day"))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


def _mix(share: float) -> QColor:
    return QColor(
        round(LOW.red() + (HIGH.red() - LOW.red()) * share),
        round(LOW.green() + (HIGH.green() - LOW.green()) * share),
        round(LOW.blue() + (HIGH.blue() - LOW.blue()) * share),
    )


class Heatmap(QWidget):
    """Arrivals per weekday (rows, Monday first) and office-local hour (columns), with a colour legend."""

    def __init__(self) -> None:
        super().__init__()
        self.matrix: list[list[int]] = [[0] * 24 for _ in range(7)]
        self.setMinimumSize(QSize(SIZE.chart_width, SIZE.chart_heat))

    def show_matrix(self, matrix: Sequence[Sequence[int]]) -> None:
        self.matrix = [list(row) for row in matrix]
        self.update()

    def _hours(self) -> list[int]:
        used = [h for h in range(24) if any(row[h] for row in self.matrix)]
        return list(range(min(used), max(used) + 1)) if used else list(range(7, 17))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        days = [
            QCoreApplication.translate("ReportCharts", "Mon"),
            QCoreApplication.translate("ReportCharts", "Tue"),
            QCoreApplication.translate("ReportCharts", "Wed"),
            QCoreApplication.translate("ReportCharts", "Thu"),
            QCoreApplication.translate("ReportCharts", "Fri"),
            QCoreApplication.translate("ReportCharts", "Sat"),
            QCoreApplication.translate("ReportCharts", "Sun"),
        ]
        hours = self._hours()
        line = metrics.height()
        left = max(metrics.horizontalAdvance(day) for day in days) + 8
        top = line + 6
        legend = line * 2 + 8
        width = max(1.0, (self.width() - left - 4) / len(hours))
        height = max(1.0, (self.height() - top - legend - line - 4) / 7)
        painter.drawText(
            QRectF(0, 0, self.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate("ReportCharts", "Arrivals by weekday and hour"),
        )
        most = max([1, *(n for row in self.matrix for n in row)])
        for column, hour in enumerate(hours):
            x = left + column * width
            painter.drawText(
                QRectF(x, top + 7 * height + 2, width, line), Qt.AlignmentFlag.AlignCenter, f"{hour:02d}"
            )
        for row, day in enumerate(days):
            y = top + row * height
            painter.drawText(
                QRectF(0, y, left - 4, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                day,
            )
            for column, hour in enumerate(hours):
                count = self.matrix[row][hour]
                share = count / most
                cell = QRectF(left + column * width + 1, y + 1, width - 2, height - 2)
                painter.fillRect(cell, _mix(share))
                if count and width > metrics.horizontalAdvance(str(count)) + 2 and height > line:
                    painter.setPen(QColor("white") if share > 0.5 else theme.colour("chart_ink"))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(count))
                    painter.setPen(self.palette().text().color())
        # the legend: a colour scale from 0 to the busiest cell
        y = self.height() - legend + 4
        painter.drawText(QRectF(left, y, 40, line), Qt.AlignmentFlag.AlignLeft, "0")
        scale = QRectF(left + 30, y + 2, min(240.0, self.width() - left - 100), line - 4)
        steps = 24
        for i in range(steps):
            painter.fillRect(
                QRectF(
                    scale.x() + i * scale.width() / steps,
                    scale.y(),
                    scale.width() / steps + 1,
                    scale.height(),
                ),
                _mix(i / (steps - 1)),
            )
        painter.drawText(QRectF(scale.right() + 6, y, 80, line), Qt.AlignmentFlag.AlignLeft, str(most))
        painter.drawText(
            QRectF(left, y + line + 2, self.width() - left, line),
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate(
                "ReportCharts", "Colour: arrivals in the hour (citizens' first visits)"
            ),
        )
        painter.end()
