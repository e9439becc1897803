"""The counter panel's banner while the database cannot be used: the real cause, and the action kept to be
sent once the database is back, with the button (and Esc) that drops it.

Signals:
    cancelled(): the operator dropped the action waiting for the database.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from antrian.domain.desk import DeskAction
from antrian.domain.errors import AntrianError
from antrian.gui.counter.look import size
from antrian.gui.counter.texts import NAMES, say
from antrian.gui.offline import offline_text
from antrian.gui.theme.metrics import PANEL


class Banner(QWidget):
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offline = QLabel("")
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.hide()
        self.cancel_pending = QPushButton()
        self.cancel_pending.setObjectName("warn")
        self.cancel_pending.clicked.connect(self.cancelled)
        self.cancel_pending.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.offline, 1)
        row.addWidget(self.cancel_pending)
        self.hide()

    def show_state(self, online: bool, problem: AntrianError | None, pending: DeskAction | None) -> None:
        """Shown while not ``online``, saying ``problem`` and the ``pending`` action, if any."""
        cause = offline_text(problem)
        if pending is not None and not online:
            waiting = self.tr(
                "«{action}» may not be saved yet; if not, it will be sent once when the database can be used "
                "again (it never happens twice)."
            ).format(action=say(NAMES[pending]))
            self.offline.setText(f"{cause} {waiting}")
        else:
            self.offline.setText(cause)
        self.offline.setVisible(not online)
        self.cancel_pending.setVisible(not online and pending is not None)
        self.setVisible(not online)

    def retranslate(self) -> None:
        self.cancel_pending.setText(self.tr("Cancel the waiting action (Esc)"))

    def scale(self, unit: int) -> None:
        size(self.offline, unit, PANEL.offline, True)
