"""How large the display draws: readable from the back of the room (docs/DESIGN.md, "Display: readable from
the back of the room").

The display is assumed to hang as a 43-inch panel, whatever its resolution: a pixel measures
0.7 mm x 1366 / (the screen's long side). The current call (its number and its counter) has a cap height of
at least 7 cm, readable at 10 m; everything else a citizen reads (counter tiles, recent calls, waiting
counts, headings, the office, the clock, notices) at least 2 cm, readable at 5 m. What does not fit at that
size is paged or rotated, never drawn smaller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF

from antrian.gui.theme.metrics import FLOOR

MM_PER_PX_AT_1366 = 0.7  # a 43-inch 16:9 panel is about 952 mm wide
CALL_CAP_MM = FLOOR.call_cap_mm
TEXT_CAP_MM = FLOOR.text_cap_mm


@dataclass(frozen=True, slots=True)
class Floors:
    """The smallest cap heights, in pixels, allowed on a screen of ``width`` x ``height``."""

    width: int
    height: int

    @property
    def mm_per_px(self) -> float:
        return MM_PER_PX_AT_1366 * 1366 / max(self.width, self.height, 1)

    @property
    def call(self) -> int:
        """The current call's number and counter."""
        return math.ceil(CALL_CAP_MM / self.mm_per_px - 1e-9)

    @property
    def text(self) -> int:
        """Everything else a citizen reads."""
        return math.ceil(TEXT_CAP_MM / self.mm_per_px - 1e-9)


def cap_height(font: QFont) -> float:
    return QFontMetricsF(font).capHeight()


def font_with_cap(base: QFont, cap: float, *, bold: bool = False) -> QFont:
    """``base`` at the smallest pixel size whose capital letters are at least ``cap`` pixels high."""
    font = QFont(base)
    font.setBold(bold)
    font.setPixelSize(max(1, math.ceil(cap / 0.73)))  # about the sans fonts' cap height, then checked
    while cap_height(font) < cap:
        font.setPixelSize(font.pixelSize() + 1)
    while font.pixelSize() > 1:
        smaller = QFont(font)
        smaller.setPixelSize(font.pixelSize() - 1)
        if cap_height(smaller) < cap:
            break
        font = smaller
    return font
