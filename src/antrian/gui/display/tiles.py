"""The display's cells and labels: a counter tile, a recent call, a waiting count, and a label that elides
what it cannot show (with the whole text as its tooltip)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from antrian import words
from antrian.gui import theme
from antrian.gui.i18n import Retranslated
from antrian.gui.theme.palette import PALETTE
from antrian.services.display import Call, CounterBoard, Waiting

TILE_PADDING = 8  # each side of a tile's or a row's text


def label(
    text: str = "",
    name: str | None = None,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    *,
    elastic: bool = True,
) -> QLabel:
    """A label; an elastic one never makes the window wider than the screen."""
    widget = QLabel(text)
    widget.setAlignment(align)
    if elastic:
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if name:
        widget.setObjectName(name)
    return widget


class ElidedLabel(QLabel):
    """Plain text on at most ``lines`` lines, wrapped at spaces (a note in brackets stays on one line); what
    does not fit ends in "…" and the whole text becomes the tooltip. Its height is that of ``lines`` lines."""

    def __init__(
        self, name: str, *, lines: int = 1, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    ) -> None:
        super().__init__()
        self._full = ""
        self._lines = lines
        self.setObjectName(name)
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._fit()

    def set_lines(self, lines: int) -> None:
        self._lines = lines
        self.setFont(self.font())

    def setFont(self, font: QFont | str | Sequence[str]) -> None:
        super().setFont(font)
        self.setFixedHeight(QFontMetrics(self.font()).lineSpacing() * self._lines + 2)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        room = self.contentsRect().width()
        words_left = re.findall(r"\([^)]*\)|\S+", self._full)
        lines: list[str] = []
        while words_left and len(lines) < self._lines - 1:
            line = words_left.pop(0)
            while words_left and metrics.horizontalAdvance(f"{line} {words_left[0]}") <= room:
                line += " " + words_left.pop(0)
            if metrics.horizontalAdvance(line) > room:  # one word wider than the line: the rest elides
                words_left.insert(0, line)
                break
            lines.append(line)
        if words_left:
            lines.append(metrics.elidedText(" ".join(words_left), Qt.TextElideMode.ElideRight, max(room, 0)))
        shown = "\n".join(lines)
        super().setText(shown)
        self.setToolTip(self._full if shown.replace("\n", " ") != self._full else "")


class CounterTile(Retranslated, QFrame):
    """One counter: its number, and the ticket it serves (bold) or why it is not serving (in the regular
    weight: narrower, so more tiles fit a row, and quieter than a number someone waits for)."""

    def __init__(self, board: CounterBoard) -> None:
        super().__init__()
        self._bold = QFont()
        self._text = QFont()
        self.setProperty("class", "counter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(TILE_PADDING, 2, TILE_PADDING, 2)
        layout.setSpacing(0)
        self.title = label()
        self.value = label()
        self.value.setObjectName("counterValue")
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        self.update_board(board)

    def retranslate(self) -> None:
        self.update_board(self.board)

    def update_board(self, board: CounterBoard) -> None:
        self.board = board
        self.title.setText(self.tr("COUNTER {number}").format(number=board.number))
        if board.state == "closed":
            self.value.setText(self.tr("CLOSED"))
        elif board.state == "paused":
            self.value.setText(self.tr("ON BREAK"))
        else:
            self.value.setText(board.current or "—")
        self.value.setFont(self._bold if board.state == "open" else self._text)
        theme.mark(self, "state", board.state, within=True)

    def set_fonts(self, text: QFont, bold: QFont) -> None:
        self._text, self._bold = text, bold
        self.title.setFont(bold)
        self.update_board(self.board)

    def needs(self, text: QFont, bold: QFont, numbers: list[str]) -> QSize:
        """The size at which every text this tile may show is whole in its font."""
        heavy, light = QFontMetrics(bold), QFontMetrics(text)
        title = self.tr("COUNTER {number}").format(number=self.board.number)
        width = max(
            [heavy.horizontalAdvance(t) for t in (title, *numbers)]
            + [light.horizontalAdvance(t) for t in (self.tr("CLOSED"), self.tr("ON BREAK"))]
        )
        return QSize(width + 2 * TILE_PADDING + 4, 2 * heavy.lineSpacing() + 4)


class RecentCall(QLabel):
    """One recent call: the number over its counter (rich text)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recent")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_call(self, call: Call | None) -> None:
        self.setText(
            f"<b>{call.number}</b><br><span style='color:{PALETTE['heading_dim']}'>"
            + self.tr("Counter {number}").format(number=call.counter)
            + "</span>"
            if call
            else ""
        )
        theme.mark(self, "empty", "false" if call else "true")

    def needs(self, font: QFont, numbers: list[str], last_counter: int) -> QSize:
        plain, bold = QFontMetrics(font), QFont(font)
        bold.setBold(True)
        texts = [self.tr("Counter {number}").format(number=last_counter)]
        width = max(
            [plain.horizontalAdvance(text) for text in texts]
            + [QFontMetrics(bold).horizontalAdvance(n) for n in numbers]
        )
        return QSize(width + 2 * TILE_PADDING + 8, 2 * plain.lineSpacing() + 12)


class WaitingRow(QFrame):
    """A service's code and name (elided, whole in the tooltip) and how many are waiting for it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("waitingRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(TILE_PADDING, 0, TILE_PADDING, 0)
        self.name = ElidedLabel("waitingName")
        self.count = label(
            "", "waitingCount", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elastic=False
        )
        layout.addWidget(self.name, 1)
        layout.addWidget(self.count)

    def show_waiting(self, waiting: Waiting) -> None:
        self.name.set_full_text(f"{waiting.code} {waiting.name}")
        self.count.setText(words.number(waiting.count))

    def set_text_font(self, font: QFont) -> None:
        self.name.setFont(font)
        bold = QFont(font)
        bold.setBold(True)
        self.count.setFont(bold)
        self.count.setFixedWidth(QFontMetrics(bold).horizontalAdvance("8888"))  # any day's count, whole

    @staticmethod
    def needs(font: QFont) -> QSize:
        """Room for a code, the start of a name and a count of three digits."""
        metrics = QFontMetrics(font)
        return QSize(
            metrics.horizontalAdvance("ABC Kartu… 888") + 3 * TILE_PADDING, metrics.lineSpacing() + 8
        )
