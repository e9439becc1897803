"""The services page's live preview: the ticket number a code makes and the call the display speaks for it,
as the office's number width and voice settings make them."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel

from antrian import words
from antrian.domain.announce import NumberReading, announcement
from antrian.domain.errors import AntrianError
from antrian.domain.labels import format_label, validate_code
from antrian.services.display import VoiceSettings


class ServicePreview(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        self.number = QLabel()
        self.number.setObjectName("previewNumber")
        self.call = QLabel()
        self.call.setObjectName("previewCall")
        self.call.setWordWrap(True)
        row.addWidget(self.number)
        row.addWidget(self.call, 1)

    def retranslate(self) -> None:
        """Its title in the interface language (the page calls it when the language changes)."""
        self.setTitle(self.tr("Preview: the ticket and the call"))

    def show_service(
        self, code: str, name: str, width: int, voice: VoiceSettings, counters: dict[str, int]
    ) -> None:
        """The first ticket of ``code`` (``name`` may be empty) called to the first counter serving it
        (``counters``; counter 1 when none does)."""
        try:
            code = validate_code(code or "A")
        except AntrianError:
            self.number.setText("—")
            self.call.setText(self.tr("A code is 1 to 3 letters, A to Z."))
            return
        label = format_label(code, 1, width)
        try:
            sentence = announcement(
                label,
                counters.get(code, 1),
                reading=NumberReading(voice.reading),
                service_name=name.strip() or None if voice.with_service or voice.template else None,
                template=voice.template,
            )
        except AntrianError as error:
            sentence = words.say(error)
        self.number.setText(label)
        self.call.setText(f"“{sentence}”")
