"""Leaving the kiosk's full screen when this PC has no admin PIN: a note for staff, not a silent key.

With a PIN, Esc asks for it. Without one, Esc shows this note: no PIN is set, so anyone with a keyboard can
leave full screen (its "Leave full screen" button does); and how to set one (``pin`` under ``[kiosk]`` in
this PC's settings file, or ``ANTRIAN_KIOSK_PIN``). The staff member setting the PC up reads the same note
once when the kiosk first starts without a PIN; closing it writes a marker file in this PC's state folder,
off the GUI thread, so the citizens of the next mornings never see it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from antrian.config import config_path

PIN_VARIABLE = "ANTRIAN_KIOSK_PIN"


def default_marker() -> Path:
    """Where this PC remembers that staff have read the note (the user's state folder)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("antrian", appauthor=False)) / "kiosk-no-pin-note-read"


def note_read(marker: Path) -> bool:
    """Whether the note was closed on this PC before (file I/O: call off the GUI thread)."""
    return marker.exists()


def remember_note(marker: Path) -> None:
    """Mark the note read on this PC (file I/O: call off the GUI thread)."""
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()


class NoPinNote(QWidget):
    """The note, a page of the kiosk. Signals:
    leave(): "Leave full screen" was touched.
    closed(): "Back to the kiosk" was touched.
    """

    leave = Signal()
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(24)
        self.heading = QLabel()
        self.body = QLabel()
        self.body.setObjectName("note")
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.heading, self.body):
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        layout.addStretch(1)
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("back")
        self.back_button = QPushButton()
        self.leave_button.clicked.connect(self.leave)
        self.back_button.clicked.connect(self.closed)
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.leave_button)
        actions.addWidget(self.back_button)
        layout.addLayout(actions)
        for button in (self.leave_button, self.back_button):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("For staff: this kiosk has no admin PIN"))
        self.body.setText(
            self.tr(
                "Without a PIN, the Esc key shows this note, and “Leave full screen” below leaves it. "
                "Anyone with a keyboard can do the same.\n\n"
                "To ask for a PIN instead, set pin under [kiosk] in this PC's settings file, or the "
                "environment variable {variable}, then start the kiosk again.\n"
                "Settings file: {path}\n\n"
                "This note shows once when the kiosk first starts on this PC; Esc brings it back."
            ).format(variable=PIN_VARIABLE, path=config_path())
        )
        self.leave_button.setText(self.tr("Leave full screen"))
        self.back_button.setText(self.tr("Back to the kiosk"))

    def set_sizes(self, heading: int, body: int, button: int, target: int) -> None:
        for label, pixels, bold in ((self.heading, heading, True), (self.body, body, False)):
            font = QFont(label.font())
            font.setPixelSize(pixels)
            font.setBold(bold)
            label.setFont(font)
        for widget in (self.leave_button, self.back_button):
            font = QFont(widget.font())
            font.setPixelSize(button)
            font.setBold(True)
            widget.setFont(font)
            widget.setFixedHeight(target)
