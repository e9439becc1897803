"""What the counter panel's lists say when they hold nothing: a sentence across the empty table ("Tidak ada
yang menunggu"), so an empty list reads as empty rather than as a list still loading or broken."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QTableWidget


class EmptyNote(QLabel):
    """A note across ``table``'s empty rows (the panel shows it while the table has none), as large as the
    table."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table.viewport())
        self.table = table
        self.setObjectName("emptyNote")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setGeometry(table.viewport().rect().adjusted(12, 12, -12, -12))
        table.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.table.viewport().rect().adjusted(12, 12, -12, -12))
        return False
