"""Text that fits its place: as large as the screen allows, smaller when a line would be cut.

Screens show words of either language and the office's own names, whose length no layout can know. A
window gives these widgets the size it wants (``set_pixels``); they draw their text smaller when its widest
line would not fit their width, and check again whenever their text or width changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextDocumentFragment
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from antrian.gui.theme.metrics import FLOOR, TYPE

if TYPE_CHECKING:  # the checker sees the widget with a text the mixin goes before (a label, a button)

    class _MixedInto(QWidget):
        def setText(self, text: str) -> None: ...

else:
    _MixedInto = object


def fit_font(
    widget: QWidget,
    pixels: int,
    room: int,
    text: str,
    *,
    bold: bool | None = None,
    smallest: int = FLOOR.fitted,
) -> None:
    """Give ``widget`` a font of ``pixels``, or smaller, so that the widest line of ``text`` fits ``room``
    pixels (never below ``smallest``)."""
    font = QFont(widget.font())
    if bold is not None:
        font.setBold(bold)
    font.setPixelSize(max(smallest, pixels))
    metrics = QFontMetrics(font)
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if room > 0 and widest > room:
        font.setPixelSize(max(smallest, int(font.pixelSize() * room / widest)))
    widget.setFont(font)


class _Fitting(_MixedInto):
    """What FitLabel and FitButton share: the size asked for, and a new fit whenever their text or width
    changes. Mixed in before the Qt class."""

    _pixels = TYPE.least

    def set_pixels(self, pixels: int) -> None:
        """The text's size when it fits."""
        self._pixels = pixels
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        raise NotImplementedError


class FitLabel(_Fitting, QLabel):
    """A label whose text (plain or rich) shrinks to its width. ``padding``: pixels of its width that are
    not for text (the stylesheet's padding); ``least``: the share of the asked size it never goes below
    (past that, a word-wrapping label wraps)."""

    def __init__(self, text: str = "", *, bold: bool = False, padding: int = 0, least: float = 0) -> None:
        super().__init__(text)
        self._bold, self._padding, self._least = bold, padding, least

    def _fit(self) -> None:
        text = self.text()
        plain = QTextDocumentFragment.fromHtml(text).toPlainText() if QtGui.mightBeRichText(text) else text
        smallest = max(FLOOR.fitted, int(self._pixels * self._least))
        fit_font(self, self._pixels, self.width() - self._padding, plain, bold=self._bold, smallest=smallest)


class FitButton(_Fitting, QPushButton):
    """A button whose text shrinks to its width. ``padding``: pixels of its width that are not for text."""

    def __init__(self, text: str = "", *, bold: bool = True, padding: int = 40) -> None:
        super().__init__(text)
        self._bold, self._padding = bold, padding

    def _fit(self) -> None:
        fit_font(
            self,
            self._pixels,
            self.width() - self._padding,
            self.text(),
            bold=self._bold,
            smallest=TYPE.least,
        )
