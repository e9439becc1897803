"""The admin window's office profile: name, address, logo, time zone, running text, the ticket's header and
footer, the ticket number's width, the priority interleave and the recall limit.

One "Save" writes it all in one transaction (``services.office.update_office``,
``services.branding.set_ticket_text`` and, when another file was chosen, ``set_logo``): bad input is named
on the message line and nothing is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.labels import format_label
from antrian.domain.roles import Actor
from antrian.gui.admin.base import AdminPage
from antrian.gui.tasks import TaskRunner
from antrian.gui.theme.metrics import SIZE
from antrian.services.branding import OfficeProfile
from antrian.services.office import TIMEZONES
from antrian.store.database import Database

LOGO_SIDE = SIZE.logo


class OfficePage(AdminPage):
    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, runner, actor, parent)
        self.profile: OfficeProfile | None = None
        self.logo: bytes | None = None  # the logo as it will be saved (chosen, removed or as read)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        self.office_box, self.ticket_box = QGroupBox(), QGroupBox()
        office, ticket = QFormLayout(self.office_box), QFormLayout(self.ticket_box)
        for form in (office, ticket):
            form.setVerticalSpacing(10)
            form.setHorizontalSpacing(14)
        self.name, self.address = QLineEdit(), QLineEdit()
        self.timezone = QComboBox()
        self.running_text = QPlainTextEdit()
        self.running_text.setFixedHeight(SIZE.running_text)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(LOGO_SIDE + 12, LOGO_SIDE + 12)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_logo, self.remove_logo = QPushButton(), QPushButton()
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        self.logo_note = QLabel()
        self.logo_note.setObjectName("hint")
        self.logo_note.setWordWrap(True)
        logo_buttons.addWidget(self.logo_note)
        logo_buttons.addStretch(1)
        logo_row.addLayout(logo_buttons, 1)
        self.labels = {key: QLabel() for key in ("name", "address", "timezone", "logo", "running")}
        office.addRow(self.labels["name"], self.name)
        office.addRow(self.labels["address"], self.address)
        office.addRow(self.labels["timezone"], self.timezone)
        office.addRow(self.labels["logo"], logo_row)
        office.addRow(self.labels["running"], self.running_text)

        self.header, self.footer = QLineEdit(), QLineEdit()
        self.label_width = QSpinBox()
        self.label_width.setRange(1, 6)
        self.label_example = QLabel()
        self.label_example.setObjectName("hint")
        self.label_width.valueChanged.connect(self._show_example)
        width_row = QHBoxLayout()
        width_row.addWidget(self.label_width)
        width_row.addWidget(self.label_example, 1)
        self.interleave = QSpinBox()
        self.interleave.setRange(0, 99)
        self.recall_limit = QSpinBox()
        self.recall_limit.setRange(0, 10)
        for key in ("header", "footer", "width", "interleave", "recall"):
            self.labels[key] = QLabel()
        ticket.addRow(self.labels["header"], self.header)
        ticket.addRow(self.labels["footer"], self.footer)
        ticket.addRow(self.labels["width"], width_row)
        ticket.addRow(self.labels["interleave"], self.interleave)
        ticket.addRow(self.labels["recall"], self.recall_limit)
        self.ticket_hint = QLabel()
        self.ticket_hint.setObjectName("hint")
        self.ticket_hint.setWordWrap(True)
        ticket.addRow(self.ticket_hint)
        columns.addWidget(self.office_box, 3)
        columns.addWidget(self.ticket_box, 2)
        self.body.addLayout(columns)
        self.body.addStretch(1)
        self.revert = self.button()
        self.revert.clicked.connect(self.refresh)
        self.save = self.button(primary=True)
        self.save.clicked.connect(self.submit)
        for field in (self.name, self.address, self.header, self.footer):
            field.setMaxLength(300)
        for widget in (
            self.name,
            self.address,
            self.timezone,
            self.running_text,
            self.choose_logo,
            self.remove_logo,
            self.header,
            self.footer,
            self.label_width,
            self.interleave,
            self.recall_limit,
        ):
            widget.setEnabled(self.editable)
        self.choose_logo.setVisible(self.editable)
        self.remove_logo.setVisible(self.editable)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Office profile")

    def retranslate(self) -> None:
        super().retranslate()
        self.office_box.setTitle(self.tr("The office"))
        self.ticket_box.setTitle(self.tr("Tickets and calls"))
        for key, text in (
            ("name", self.tr("Name")),
            ("address", self.tr("Address")),
            ("timezone", self.tr("Time zone")),
            ("logo", self.tr("Logo")),
            ("running", self.tr("Running text")),
            ("header", self.tr("Ticket header")),
            ("footer", self.tr("Ticket footer")),
            ("width", self.tr("Number width")),
            ("interleave", self.tr("Priority interleave")),
            ("recall", self.tr("Recall limit")),
        ):
            self.labels[key].setText(text)
        self.running_text.setPlaceholderText(self.tr("Shown scrolling at the bottom of the display"))
        self.header.setPlaceholderText(self.tr("Printed under the office's name (optional)"))
        self.footer.setPlaceholderText(self.tr("Empty: the usual thanks"))
        self.choose_logo.setText(self.tr("Choose a file…"))
        self.remove_logo.setText(self.tr("Use Antrian's emblem"))
        self.logo_note.setText(self.tr("PNG, JPEG or SVG, at most 512 KB: on the display and the reports."))
        self.interleave.setSpecialValueText(self.tr("0 (priority always first)"))
        self.interleave.setSuffix(self.tr(" normal calls per priority call"))
        self.recall_limit.setSpecialValueText(self.tr("never offer no-show"))
        self.recall_limit.setSuffix(self.tr(" recalls, then offer no-show"))
        self.ticket_hint.setText(
            self.tr(
                "While priority tickets wait, one is called after every N normal calls. After the recall "
                "limit the counter is offered to mark the citizen absent."
            )
        )
        self.revert.setText(self.tr("Undo changes"))
        self.save.setText(self.tr("Save"))
        self._fill_zones(self.timezone.currentData())
        self._show_example()

    def _fill_zones(self, chosen: str | None) -> None:
        names = {
            "Asia/Jakarta": self.tr("WIB, Western Indonesia (Asia/Jakarta, UTC+7)"),
            "Asia/Makassar": self.tr("WITA, Central Indonesia (Asia/Makassar, UTC+8)"),
            "Asia/Jayapura": self.tr("WIT, Eastern Indonesia (Asia/Jayapura, UTC+9)"),
        }
        zones = list(TIMEZONES)
        if chosen and chosen not in zones:
            zones.append(chosen)  # an office set up elsewhere keeps its zone on offer
        self.timezone.blockSignals(True)
        self.timezone.clear()
        for zone in zones:
            self.timezone.addItem(names.get(zone, zone), zone)
        self.timezone.setCurrentIndex(max(0, self.timezone.findData(chosen)))
        self.timezone.blockSignals(False)

    def _show_example(self) -> None:
        example = format_label("A", 7, self.label_width.value())
        self.label_example.setText(self.tr("e.g. {label}").format(label=example))

    # -- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        from antrian.services.branding import office_profile

        database, actor = self.database, self.actor

        def work() -> OfficeProfile:
            with database.read() as session:
                return office_profile(session, actor)

        self.read(work, self._show)

    def _show(self, profile: OfficeProfile) -> None:
        self.profile = profile
        office = profile.office
        self.name.setText(office.name)
        self.address.setText(office.address)
        self._fill_zones(office.timezone)
        self.running_text.setPlainText(office.running_text)
        self.header.setText(profile.ticket.header)
        self.footer.setText(profile.ticket.footer)
        self.label_width.setValue(office.label_width)
        self.interleave.setValue(office.priority_interleave)
        self.recall_limit.setValue(office.recall_limit)
        self.set_logo(profile.logo)

    # -- the logo -------------------------------------------------------------------------------------
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The office's logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.load_logo(Path(path))

    def load_logo(self, path: Path) -> None:
        """Read the file ``path`` off the GUI thread and show it as the logo to save."""
        self.runner.submit(path.read_bytes, self.set_logo, self._failed)

    def set_logo(self, logo: bytes | None) -> None:
        """The logo to save (None: Antrian's emblem), shown in the preview."""
        from antrian import assets

        self.logo = logo
        pixmap = QPixmap()
        if not pixmap.loadFromData(logo if logo is not None else assets.read_bytes(assets.LOGO)):
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("?")
            return
        self.logo_preview.setPixmap(
            pixmap.scaled(
                LOGO_SIDE,
                LOGO_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    # -- saving ---------------------------------------------------------------------------------------
    def submit(self) -> None:
        from antrian.services.branding import set_logo, set_ticket_text
        from antrian.services.office import update_office

        if not self.editable or self.profile is None:
            return
        database, actor = self.database, self.actor
        fields = {
            "name": self.name.text(),
            "address": self.address.text(),
            "timezone": self.timezone.currentData(),
            "running_text": self.running_text.toPlainText(),
            "label_width": self.label_width.value(),
            "priority_interleave": self.interleave.value(),
            "recall_limit": self.recall_limit.value(),
        }
        header, footer = self.header.text(), self.footer.text()
        logo = self.logo if self.logo != self.profile.logo else None
        change_logo = self.logo != self.profile.logo

        def work() -> None:
            with database.write() as session:
                update_office(session, actor, **fields)
                set_ticket_text(session, header, footer, actor=actor)
                if change_logo:
                    set_logo(session, logo, actor=actor)

        self.write(work)
