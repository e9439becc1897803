"""Antrian's one look: the style sheets of the windows, filled with the colours of one palette and the sizes
of one set of metrics.

Each window's rules are a ``<name>.qss`` file of this package (package data, read through
importlib.resources); a colour is written there as ``@token``, a name of ``palette.PALETTE``, and a size as
``@type_<name>`` or ``@size_<name>``, a name of ``metrics.TYPE`` or ``metrics.SIZE``. A window sets
its sheet once (``apply``); a state that changes while it runs (a call that is fresh, a counter's state,
the service time against its standard, the kind of a message) is a dynamic property the sheet selects on,
set with ``mark``, which polishes the widget again only when the value changed: no sheet is ever rebuilt
on a clock tick.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from antrian.gui.theme.metrics import TOKENS
from antrian.gui.theme.palette import PALETTE

TOKEN = re.compile(r"@([a-z][a-z0-9_]*)")
_VALUES = PALETTE | TOKENS


def fill(text: str) -> str:
    """``text`` with each ``@token`` replaced by the palette's colour or the metrics' size of that name.

    Raises:
        KeyError: ``text`` names a colour or a size the theme does not have.
    """
    return TOKEN.sub(lambda token: _VALUES[token.group(1)], text)


@cache
def style_sheet(*names: str) -> str:
    """The rules of the sheets ``names`` (``<name>.qss`` of this package, in that order), filled."""
    return fill(
        "\n".join(files(__package__).joinpath(f"{name}.qss").read_text(encoding="utf-8") for name in names)
    )


def apply(widget: QWidget, *names: str) -> None:
    """Give ``widget`` (a window, or a page with rules of its own) the sheets ``names``."""
    widget.setStyleSheet(style_sheet(*names))


def colour(token: str) -> QColor:
    """The palette's colour ``token``, for code that paints (models, charts, the running text)."""
    return QColor(PALETTE[token])


def restyle(*widgets: QWidget) -> None:
    """Apply the sheet again after a property it selects on has changed."""
    for widget in widgets:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def mark(widget: QWidget, name: str, value: str, *, within: bool = False) -> None:
    """Set the dynamic property ``name`` the sheet selects on; polish again only if it changed (and, with
    ``within``, the widgets inside it too, for rules like ``QFrame[fresh="true"] QLabel``)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    restyle(widget, *(widget.findChildren(QWidget) if within else ()))
