"""The counter panel's type, sized by the window's height (its colours: the theme's counter.qss)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from antrian.gui.theme.metrics import FLOOR, TYPE


def unit_of(widget: QWidget) -> int:
    """The window's measure: its height, readable at 1366x768 and not lost at 1920x1080."""
    return max(FLOOR.counter_unit, min(widget.height(), widget.width() * 9 // 16))


def size(widget: QWidget, unit: int, share: float, bold: bool = False) -> None:
    """Type of ``share`` of ``unit`` pixels on ``widget`` (never under the type scale's least)."""
    font = QFont(widget.font())
    font.setPixelSize(max(TYPE.least, int(unit * share)))
    font.setBold(bold)
    widget.setFont(font)
