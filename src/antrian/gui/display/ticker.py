"""The display's bottom bar: the time, the date and the office's running text, scrolling smoothly.

The text is drawn once into a pixmap (on a new text, font or colour) and each frame only paints that
pixmap at an offset: no text layout, no style sheet, no label resizing per frame. The offset follows the
time elapsed, so a late frame never slows the text down.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QSizePolicy, QWidget

from antrian import words
from antrian.gui.display.tiles import label

FRAME_MS = 25
SEPARATOR = "     •     "
CAPS_PER_SECOND = 3.0  # the speed, in cap heights per second: easy to read at the text's floor


class Ticker(QWidget):
    """A strip that scrolls ``text`` from right to left, repeated, forever."""

    def __init__(self, color: QColor) -> None:
        super().__init__()
        self.setObjectName("ticker")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._color = color
        self._text = ""
        self._strip = QPixmap()
        self._started = time.monotonic()
        self._timer = QTimer(self, interval=FRAME_MS)
        self._timer.timeout.connect(self.update)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._started = time.monotonic()
            self._draw_strip()

    def setFont(self, font: QFont | str | Sequence[str]) -> None:
        super().setFont(font)
        self.setFixedHeight(QFontMetrics(self.font()).height())
        self._draw_strip()

    def sizeHint(self) -> QSize:
        return QSize(QFontMetrics(self.font()).averageCharWidth() * 20, QFontMetrics(self.font()).height())

    def offset(self) -> int:
        """How far the text has moved left, within one repetition."""
        period = self._strip.width()
        if period <= 0:
            return 0
        speed = QFontMetrics(self.font()).capHeight() * CAPS_PER_SECOND
        return int((time.monotonic() - self._started) * speed) % period

    def _draw_strip(self) -> None:
        """The text and its separator once, the pattern repeated while painting."""
        if not self._text:
            self._strip = QPixmap()
            self._timer.stop()
            self.update()
            return
        metrics = QFontMetrics(self.font())
        piece = self._text + SEPARATOR
        strip = QPixmap(max(1, metrics.horizontalAdvance(piece)), max(1, metrics.height()))
        strip.fill(Qt.GlobalColor.transparent)
        painter = QPainter(strip)
        painter.setFont(self.font())
        painter.setPen(self._color)
        painter.drawText(0, metrics.ascent(), piece)
        painter.end()
        self._strip = strip
        self._timer.start()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._strip.isNull():
            return
        painter = QPainter(self)
        x = -self.offset()
        while x < self.width():
            painter.drawPixmap(x, 0, self._strip)
            x += self._strip.width()
        painter.end()


class BottomBar(QFrame):
    """The time, the date and the running text on one line; on a portrait screen, too narrow for that, the
    date over the time and the running text."""

    def __init__(self, margin: int, color: QColor) -> None:
        super().__init__()
        self.setObjectName("bottomBar")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(margin, 4, 0, 4)
        self._grid.setHorizontalSpacing(margin)
        self._grid.setVerticalSpacing(0)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.clock = label("", "clock", left, elastic=False)
        self.date = label("", "date", left, elastic=False)
        self.ticker = Ticker(color)
        self.arrange(text=QFont(), bold=QFont(), portrait=False)

    def arrange(self, *, text: QFont, bold: QFont, portrait: bool) -> None:
        self.date.setFont(text)
        self.ticker.setFont(text)
        self.clock.setFont(bold)
        for widget in (self.clock, self.date, self.ticker):
            self._grid.removeWidget(widget)
        if portrait:
            self._grid.addWidget(self.date, 0, 0, 1, 2)
            self._grid.addWidget(self.clock, 1, 0)
            self._grid.addWidget(self.ticker, 1, 1)
            self._grid.setColumnStretch(1, 1)
            self._grid.setColumnStretch(2, 0)
        else:
            self._grid.addWidget(self.clock, 0, 0)
            self._grid.addWidget(self.date, 0, 1)
            self._grid.addWidget(self.ticker, 0, 2)
            self._grid.setColumnStretch(1, 0)
            self._grid.setColumnStretch(2, 1)
        self.setFixedHeight((QFontMetrics(text).lineSpacing() + 4) * (2 if portrait else 1) + 8)
        self._fit()

    def show_time(self, local: datetime) -> None:
        self.date.setText(words.long_date(local))
        self.clock.setText(local.strftime("%H:%M:%S"))
        self._fit()

    def _fit(self) -> None:
        for widget in (self.date, self.clock):  # whole, even before the layout has heard of a new text
            widget.setMinimumWidth(QFontMetrics(widget.font()).horizontalAdvance(widget.text()) + 4)
