"""The display's header: the office's logo and name, and the staff's mark when calls cannot be heard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QWidget

from antrian import words
from antrian.domain.messages import Message
from antrian.gui.display.tiles import ElidedLabel, label
from antrian.gui.i18n import Retranslated
from antrian.gui.logo import logo_pixmap


class Header(Retranslated, QWidget):
    """The logo as high as the name's line, the name (elided, whole in its tooltip), and the voice mark."""

    def __init__(self, margin: int) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(margin, 8, margin, 8)
        row.setSpacing(16)
        self.logo = label("", "logo", elastic=False)
        self._logo = logo_pixmap(None)
        self._side = 0
        self.office = ElidedLabel("office")
        # a short mark, as wide as its words, for staff: the room reads nothing false from it
        self.voice_status = label("", "voiceStatus", Qt.AlignmentFlag.AlignCenter, elastic=False)
        row.addWidget(self.logo)
        row.addWidget(self.office, 1)
        row.addWidget(self.voice_status, 0, Qt.AlignmentFlag.AlignVCenter)
        self._problem: Message | None = None  # why calls are not spoken (the technical cause)

    def scale(self, bold: QFont, small: QFont, *, portrait: bool) -> None:
        """The name in ``bold`` (two lines in portrait), the mark in ``small``."""
        self.office.setFont(bold)
        self.office.set_lines(2 if portrait else 1)
        self._side = QFontMetrics(bold).lineSpacing()
        self._show_logo()
        self.voice_status.setFont(small)
        self.retranslate()

    def set_logo(self, logo: bytes | None) -> None:
        """The office's logo file (PNG, JPEG or SVG content); None or unreadable: Antrian's emblem."""
        self._logo = logo_pixmap(logo)
        self._show_logo()

    def _show_logo(self) -> None:
        side = self._side
        if side <= 0:
            return
        self.logo.setPixmap(
            self._logo.scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.logo.setFixedWidth(side + 4)

    def set_voice_problem(self, problem: Message | None) -> None:
        self._problem = problem
        self.retranslate()
        self.voice_status.setVisible(problem is not None)

    def retranslate(self) -> None:
        """The room reads only that there is no sound: the cause is the mark's tooltip, for staff with a
        mouse, in their language."""
        mark = self.voice_status
        mark.setText(self.tr("Sound unavailable") if self._problem else "")
        mark.setToolTip(words.say(self._problem) if self._problem else "")
        # as wide as its words and the stylesheet's padding, whatever room the office's name would take
        mark.setFixedWidth(QFontMetrics(mark.font()).horizontalAdvance(mark.text()) + 24)
