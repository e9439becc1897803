"""The counter panel's message bar: what an action did, or why it did not, right above the action buttons
where the operator looks, in large type, coloured by how much it matters.

A result (info) fades after ``INFO_MS``, a warning after ``WARN_MS``; an error stays until another message
replaces it or the operator dismisses it (its × button). The words are made again by ``retranslate`` when the
language changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from antrian.gui import theme

INFO_MS = 10_000
WARN_MS = 30_000
SIGNS = {"error": "⚠", "warn": "⚠", "info": "✓"}


class MessageBar(QFrame):
    """One message at a time; ``property("kind")`` is "error", "warn" or "info"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self._words: Callable[[], str] = lambda: ""
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        self.sign = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.dismiss = QPushButton("×")
        self.dismiss.setObjectName("dismiss")
        self.dismiss.clicked.connect(self.hide)
        row.addWidget(self.sign)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss)
        self._fade = QTimer(self, singleShot=True)
        self._fade.timeout.connect(self.hide)
        self.hide()

    def say(self, said: Callable[[], str], kind: str = "info") -> None:
        """Show the words ``said`` makes (now and after a language change)."""
        theme.mark(self, "kind", kind, within=True)  # its colours: the counter's sheet (contrast above 7:1)
        self._words = said
        self.sign.setText(SIGNS.get(kind, ""))
        self.label.setText(said())
        self.show()
        if kind == "error":
            self._fade.stop()
        else:
            self._fade.start(INFO_MS if kind == "info" else WARN_MS)

    def text(self) -> str:
        return self.label.text()

    def retranslate(self) -> None:
        self.dismiss.setToolTip(self.tr("Dismiss"))
        if not self.isHidden():
            self.label.setText(self._words())
