"""The one way windows show an error: a sentence in the interface language that names the problem.

``error_text`` words any exception for the operator; ``show_error`` puts it in the window's own message bar
when it has one (``show_message(text, kind)``), else in a message box. Unexpected exceptions are logged with
their traceback, since they are bugs.
"""

from __future__ import annotations

import logging
from typing import Any

from antrian import words
from antrian.domain.errors import AntrianError

log = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    """A one-line message for the operator in the interface language, made from the error's code."""
    if isinstance(error, AntrianError):
        return words.say(error)
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return f"Kesalahan tak terduga ({type(error).__name__}: {error}); hubungi admin"


def show_error(parent: Any, error: BaseException) -> str:
    """Show ``error`` to the user of ``parent``; returns the text shown."""
    text = error_text(error)
    show = getattr(parent, "show_message", None)
    if callable(show):
        show(text, "error")
    else:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, QCoreApplication.translate("ErrorBox", "Antrian — Error"), text)
    return text
