"""Small widget makers the windows share.

PySide6 takes any Qt property as a keyword argument, but its type stubs list only a class's own properties
(``wordWrap`` for a QLabel, not the inherited ``objectName``; none of QDateEdit's): these makers set the
others through their setters, so the windows stay type-checked.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget


def named_label(parent: QWidget | None, name: str, text: str = "", *, wrap: bool = False) -> QLabel:
    """A label the style sheet finds by ``name`` (``#hint``, ``#message``...)."""
    label = QLabel(text, parent, wordWrap=wrap)
    label.setObjectName(name)
    return label


def day_edit(parent: QWidget | None = None, display: str = "dd-MM-yyyy") -> QDateEdit:
    """A day chosen from a calendar that drops down, today to start with."""
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display)
    return edit


def day_of(edit: QDateEdit) -> date:
    """The day ``edit`` shows, as a date (``QDate.toPython`` is typed as returning any object)."""
    day = edit.date()
    return date(day.year(), day.month(), day.day())
