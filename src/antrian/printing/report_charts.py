"""The report's two charts painted with QPainter for the PDF (QtCharts needs widgets, which a worker thread
may not make): arrivals per office-local hour as bars with the mean waiting as a line, and the weekday x hour
heatmap of arrivals. Both read the JSON's dict (``hours``, ``weekday_hour``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from antrian import words
from antrian.printing.pdf_layout import font

BAR, LINE_COLOUR, LOW, HIGH, AXIS = (
    QColor("#7aa6d8"),
    QColor("#c0392b"),
    QColor("#f1f5fb"),
    QColor("#1d4f91"),
    QColor("#555555"),
)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def used_hours(hours: list[dict[str, Any]]) -> list[int]:
    """From the first to the last hour with an arrival or a wait (07-16 when there are none)."""
    used = [h["hour"] for h in hours if h["arrivals"] or h["waiting"]["count"]]
    first, last = (min(used), max(used)) if used else (7, 16)
    return list(range(first, last + 1))


def paint_hours(p: QPainter, box: QRectF, hours: list[dict[str, Any]]) -> None:
    """Bars of arrivals (left axis) and mean waiting in minutes (red line, right axis), a legend below."""
    shown = used_hours(hours)
    by_hour = {h["hour"]: h for h in hours}
    arrivals = [by_hour[h]["arrivals"] if h in by_hour else 0 for h in shown]
    waits = [((by_hour[h]["waiting"]["mean"] or 0.0) / 60 if h in by_hour else 0.0) for h in shown]
    unit = box.height() / 60
    plot = box.adjusted(8 * unit, 2 * unit, -8 * unit, -12 * unit)
    top_n, top_w = max(1, max(arrivals, default=0)), max(1.0, max(waits, default=0.0))
    p.setFont(font(6.5))
    p.setPen(QPen(AXIS, 0))
    p.drawRect(plot)
    for value, side, top in ((top_n, -1, float(top_n)), (top_w, 1, top_w)):
        label = words.number(value) if side < 0 else words.number(top, decimals=1)
        x = plot.left() - 8 * unit if side < 0 else plot.right() + unit
        p.drawText(QRectF(x, plot.top() - 2 * unit, 7 * unit, 4 * unit), _CENTRE, label)
        p.drawText(QRectF(x, plot.bottom() - 2 * unit, 7 * unit, 4 * unit), _CENTRE, "0")
    step = plot.width() / len(shown)
    points: list[QPointF] = []
    for index, (hour, count, wait) in enumerate(zip(shown, arrivals, waits, strict=True)):
        left = plot.left() + index * step
        height = plot.height() * count / top_n
        p.fillRect(QRectF(left + step * 0.15, plot.bottom() - height, step * 0.7, height), BAR)
        p.setPen(QPen(AXIS, 0))
        p.drawText(QRectF(left, plot.bottom() + unit, step, 4 * unit), _CENTRE, f"{hour:02d}")
        points.append(QPointF(left + step / 2, plot.bottom() - plot.height() * wait / top_w))
    pen = QPen(LINE_COLOUR)
    pen.setWidthF(unit * 0.6)
    p.setPen(pen)
    p.drawPolyline(points)
    legend = QRectF(box.left(), plot.bottom() + 6 * unit, box.width() / 2, 5 * unit)
    p.fillRect(QRectF(legend.left() + 8 * unit, legend.top() + unit, 3 * unit, 3 * unit), BAR)
    p.setPen(QPen(AXIS, 0))
    p.drawText(
        legend.adjusted(12 * unit, 0, 0, 0),
        int(Qt.AlignmentFlag.AlignLeft),
        words.text("report.pdf.chart_arrivals"),
    )
    legend.moveLeft(box.left() + box.width() / 2)
    p.setPen(pen)
    p.drawLine(
        QPointF(legend.left(), legend.top() + 2.5 * unit),
        QPointF(legend.left() + 3 * unit, legend.top() + 2.5 * unit),
    )
    p.setPen(QPen(AXIS, 0))
    p.drawText(
        legend.adjusted(4 * unit, 0, 0, 0),
        int(Qt.AlignmentFlag.AlignLeft),
        words.text("report.pdf.chart_waiting"),
    )


def paint_heatmap(p: QPainter, box: QRectF, matrix: list[list[int]], hours: list[int]) -> None:
    """Arrivals by weekday (rows, Monday first) and hour (columns ``hours``), darker for more."""
    label_width = box.width() * 0.12
    cell_w = (box.width() - label_width) / max(1, len(hours))
    cell_h = box.height() / 8
    most = max(1, max((max(row) for row in matrix), default=0))
    p.setFont(font(6.5))
    for column, hour in enumerate(hours):
        p.setPen(QPen(AXIS, 0))
        x = box.left() + label_width + column * cell_w
        p.drawText(QRectF(x, box.top(), cell_w, cell_h), _CENTRE, f"{hour:02d}")
    for row, counts in enumerate(matrix):
        y = box.top() + (row + 1) * cell_h
        p.setPen(QPen(AXIS, 0))
        left_box = QRectF(box.left(), y, label_width, cell_h)
        p.drawText(
            left_box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), words.day_name(row + 1)
        )
        for column, hour in enumerate(hours):
            share = counts[hour] / most
            colour = QColor.fromRgbF(
                LOW.redF() + (HIGH.redF() - LOW.redF()) * share,
                LOW.greenF() + (HIGH.greenF() - LOW.greenF()) * share,
                LOW.blueF() + (HIGH.blueF() - LOW.blueF()) * share,
            )
            cell = QRectF(box.left() + label_width + column * cell_w, y, cell_w, cell_h)
            p.fillRect(cell.adjusted(0.5, 0.5, -0.5, -0.5), colour)
            if counts[hour]:
                p.setPen(QPen(QColor("white") if share > 0.5 else QColor("black"), 0))
                p.drawText(cell, _CENTRE, words.number(counts[hour]))
