"""The counter panel's look: its style sheet, the colours that carry meaning (the service time against its
standard, the counter's state), and type sized by the window's height."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from antrian.domain.desk import Level

LEVEL_COLOURS = {Level.OK: "#1e7a46", Level.WARNING: "#d98e04", Level.OVER: "#b3261e"}
STATE_COLOURS = {"open": "#1e7a46", "paused": "#d98e04", "closed": "#5d6673"}
PRIORITY_BACKGROUND = "#dff3e6"

STYLE = """
QWidget#counter { background: #eef1f5; }
QFrame#top { background: #0b1f3a; }
QFrame#top QLabel { color: #f5f7fa; }
QLabel#stateBadge { border-radius: 6px; padding: 4px 10px; font-weight: 700; }
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 6px; }
QLabel#voiceMark { background: #b3261e; color: white; border-radius: 6px; padding: 4px 10px;
                   font-weight: 700; }
QLabel#emptyNote { color: #5d6673; font-style: italic; }
QFrame#card { background: white; border-radius: 10px; }
QLabel#number { color: #0b1f3a; font-weight: 800; }
QLabel#priority { background: #1e7a46; color: white; border-radius: 6px; padding: 3px 8px; font-weight: 700; }
QLabel#offer { background: #fff3cd; color: #5c4400; border: 1px solid #d98e04; border-radius: 6px;
               padding: 6px; }
QPushButton { background: #0b1f3a; color: white; border: 3px solid transparent; border-radius: 8px;
              padding: 6px 16px; }
QPushButton:focus { border: 3px solid #f2b705; }
QPushButton:pressed { background: #f2b705; color: #0b1f3a; }
QPushButton:disabled { background: #c9ced6; color: #5d6673; }
QPushButton#primary { background: #1e7a46; }
QPushButton#primary:disabled { background: #c9ced6; }
QPushButton#warn { background: #b3261e; }
QFrame#login { background: white; border-radius: 12px; }
QLabel#loginError { color: #b3261e; font-weight: 700; }
"""


def unit_of(widget: QWidget) -> int:
    """The window's measure: its height, readable at 1366x768 and not lost at 1920x1080."""
    return max(600, min(widget.height(), widget.width() * 9 // 16))


def size(widget: QWidget, unit: int, share: float, bold: bool = False) -> None:
    """Type of ``share`` of ``unit`` pixels on ``widget`` (never under 12 pixels)."""
    font = QFont(widget.font())
    font.setPixelSize(max(12, int(unit * share)))
    font.setBold(bold)
    widget.setFont(font)
