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

INFO_MS = 10_000
WARN_MS = 30_000
# background, text and border colours of each kind (contrast of the text on its background above 7:1)
COLOURS = {
    "error": ("#fde7e9", "#8c1d18", "#b3261e"),
    "warn": ("#fff3cd", "#5c4400", "#d98e04"),
    "info": ("#e3f4ea", "#14532d", "#1e7a46"),
}
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
        background, foreground, border = COLOURS.get(kind, COLOURS["info"])
        self.setStyleSheet(
            f"QFrame#message {{ background: {background}; border: 2px solid {border}; border-radius: 8px; }}"
            f" QLabel {{ color: {foreground}; font-weight: 700; background: transparent; }}"
            f" QPushButton#dismiss {{ background: transparent; color: {foreground}; border: none;"
            " padding: 0 8px; }"
        )
        self.setProperty("kind", kind)
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
