"""The display's large panel: the current call's number and counter, its service, or a calm idle line.

Sizes follow the rule in docs/DESIGN.md ("Display: readable from the back of the room"): the number and the
counter's number at least the call's floor (``sizes.Floors.call``), the rest at least the text floor. On a
landscape screen the counter stands beside the number, its word over its number; in portrait it is one
centred line below the number ("LOKET 3"), the word half as high as the digit and on the same baseline.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QBoxLayout, QFrame, QSizePolicy, QVBoxLayout, QWidget

from antrian.gui import theme
from antrian.gui.display.sizes import Floors, font_with_cap
from antrian.gui.display.tiles import ElidedLabel, label
from antrian.gui.i18n import Retranslated
from antrian.gui.theme.metrics import DISPLAY
from antrian.services.display import Call

PADDING = 16  # each side of the panel's contents
BESIDE = 32  # between the number and its counter on a landscape screen
UNBOUNDED = 16777215  # Qt's QWIDGETSIZE_MAX: no widest width


class CallCounter(Retranslated, QWidget):
    """The current call's counter: the word and the number, as large as the called number or nearly (only
    the number must be read from the back of the room). The word stands over the number (``stacked``,
    beside the called number on a landscape screen) or before it on one baseline, the pair centred."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.word = label("", "callCounterWord", Qt.AlignmentFlag.AlignCenter, elastic=False)
        self.number = label("", "callCounter", Qt.AlignmentFlag.AlignCenter, elastic=False)
        self._layout.addStretch(1)
        self._layout.addWidget(self.word)
        self._layout.addWidget(self.number)
        self._layout.addStretch(1)
        self._stacked = True
        self._counter: int | None = None

    def set_stacked(self, stacked: bool) -> None:
        self._stacked = stacked
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        self._layout.setSpacing(0 if stacked else self.word.fontMetrics().horizontalAdvance(" "))
        bottom = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        self.word.setAlignment(Qt.AlignmentFlag.AlignCenter if stacked else bottom)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter if stacked else bottom)
        # on one line the word's baseline is the number's: it is lifted by the difference of their descents
        lift = (
            0 if stacked else max(0, self.number.fontMetrics().descent() - self.word.fontMetrics().descent())
        )
        self.word.setContentsMargins(0, 0, 0, lift)
        for part in (self.word, self.number):
            part.setMinimumHeight(math.ceil(QFontMetricsF(part.font()).height()))  # never a line cut short

    def needs(self) -> int:
        """The width its texts need, with a two-digit counter."""
        word = QFontMetrics(self.word.font()).horizontalAdvance(self.tr("COUNTER"))
        number = QFontMetrics(self.number.font()).horizontalAdvance("88")
        return max(word, number) if self._stacked else word + self._layout.spacing() + number

    def set_counter(self, counter: int | None) -> None:
        self._counter = counter
        self.retranslate()

    def retranslate(self) -> None:
        self.word.setText(self.tr("COUNTER") if self._counter is not None else "")
        self.number.setText(str(self._counter) if self._counter is not None else "")

    def text(self) -> str:
        """What the panel says, as one line ("LOKET 2")."""
        return f"{self.word.text()} {self.number.text()}".strip()


class CallPanel(Retranslated, QFrame):
    """The current call, large, or why there is none; ``fresh`` (a new live call) paints it bright."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("callPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PADDING, 8, PADDING, 8)
        layout.setSpacing(0)
        self.heading = label("", "heading")
        self.number = label("", "callNumber")
        self.counter = CallCounter()
        self.service = ElidedLabel("callService", lines=2, align=Qt.AlignmentFlag.AlignHCenter)
        self.idle = label("", "callIdle")
        self.idle.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addStretch(1)
        # the number and its counter: side by side on a landscape screen, one over the other in portrait
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.row.addWidget(self.number, 1)
        self.row.addWidget(self.counter, 0)
        layout.addLayout(self.row)
        layout.addWidget(self.service)
        layout.addWidget(self.idle)
        layout.addStretch(1)
        self._call: Call | None = None
        self._calls_today = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("QUEUE NUMBER"))
        self.show_call(self._call, calls_today=self._calls_today)

    def show_call(self, call: Call | None, *, calls_today: bool) -> None:
        """``call`` large, or (none) a line saying whether there have been calls today."""
        self._call, self._calls_today = call, calls_today
        for widget in (self.number, self.counter, self.service):
            widget.setVisible(call is not None)
        self.idle.setVisible(call is None)
        if call is None:
            # the day's first call has not been made, or everyone called has been served
            self.idle.setText(self.tr("Please wait to be called") if calls_today else self.tr("No calls yet"))
            self.number.setText("")
            self.counter.set_counter(None)
            self.service.set_full_text("")
            return
        self.number.setText(call.number)
        self.counter.set_counter(call.counter)
        self.service.set_full_text(
            self.tr("{service} (called again)").format(service=call.service_name)
            if call.recall
            else call.service_name
        )

    def set_fresh(self, fresh: bool) -> None:
        theme.mark(self, "fresh", "true" if fresh else "false", within=True)

    def scale(self, base: QFont, floors: Floors, room: int, *, portrait: bool) -> None:
        """Every font of the panel on a screen of ``floors``' size, where the panel may be ``room`` pixels
        wide; ``base``: the window's font."""
        height = floors.height
        text = font_with_cap(base, floors.text)
        bold = font_with_cap(base, floors.text, bold=True)
        self.heading.setFont(bold)
        self.service.setFont(text)
        self.service.set_lines(1 if portrait else 2)  # portrait: wider, and its height goes to the counters
        idle = font_with_cap(base, floors.text * DISPLAY.idle, bold=True)
        self.idle.setFont(idle)
        self.idle.setFixedHeight(QFontMetrics(idle).lineSpacing() * 2 + 4)  # wrapped or not, one size
        self.row.setSpacing(0 if portrait else BESIDE)
        self.row.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        # the called number: at least the call's floor, larger up to a share of the screen, never wider than
        # its panel; the counter's number as large, or nearly
        least = font_with_cap(base, floors.call, bold=True)
        call, beside = (
            (DISPLAY.call_portrait, DISPLAY.counter_portrait) if portrait else (DISPLAY.call, DISPLAY.counter)
        )
        font = QFont(least)
        font.setPixelSize(max(least.pixelSize(), int(height * call)))
        counter = QFont(font)
        counter.setPixelSize(max(least.pixelSize(), int(font.pixelSize() * beside)))
        self.counter.number.setFont(counter)
        # in portrait the word is half the digit's height, so "LOKET 3" reads as one line
        self.counter.word.setFont(font_with_cap(base, floors.call / 2, bold=True) if portrait else bold)
        self.counter.set_stacked(not portrait)
        beside = 0 if portrait else self.counter.needs() + BESIDE
        sample = max(self.number.text(), "W888", key=len)
        room -= 2 * PADDING + beside
        advance = QFontMetrics(font).horizontalAdvance(sample)
        if advance > room:
            font.setPixelSize(max(least.pixelSize(), int(font.pixelSize() * room / advance)))
        self.number.setFont(font)
        # the panel is never narrower than the number at its floor: the counters take what is left
        self.setMinimumWidth(QFontMetrics(least).horizontalAdvance(sample) + 2 * PADDING + beside)
        self.counter.setSizePolicy(
            QSizePolicy.Policy.Preferred if portrait else QSizePolicy.Policy.Fixed,
            QSizePolicy.Policy.Preferred,
        )
        if not portrait:
            self.counter.setFixedWidth(self.counter.needs())
        else:
            self.counter.setMinimumWidth(0)
            self.counter.setMaximumWidth(UNBOUNDED)
        self.number.setMinimumHeight(math.ceil(QFontMetricsF(font).height()))  # never a line cut short
