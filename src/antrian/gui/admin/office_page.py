"""The admin window's office profile: name, address, logo, time zone, running text, the ticket's header and
footer, the ticket number's width, the priority interleave and the recall limit.

One "Save" writes it all in one transaction (``services.office.update_office``,
``services.branding.set_ticket_text`` and, when another file was chosen, ``set_logo``): bad input is named
on the message line and nothing is saved. The fields are the Designer form ui/admin/office_page.ui.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from antrian.domain.labels import format_label
from antrian.domain.roles import Actor
from antrian.gui.admin.base import AdminPage
from antrian.gui.forms.office_page_ui import Ui_OfficePage
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
        self.content = QWidget(self)
        self.form = Ui_OfficePage()  # the office's and the tickets' fields: ui/admin/office_page.ui
        self.form.setupUi(self.content)
        self.body.addWidget(self.content)
        self.body.addStretch(1)
        form = self.form
        self.office_box, self.ticket_box = form.office_box, form.ticket_box
        self.name, self.address, self.timezone = form.name, form.address, form.timezone
        self.running_text, self.logo_preview, self.logo_note = (
            form.running_text,
            form.logo_preview,
            form.logo_note,
        )
        self.choose_logo, self.remove_logo = form.choose_logo, form.remove_logo
        self.header, self.footer, self.label_width = form.header, form.footer, form.label_width
        self.label_example, self.ticket_hint = form.label_example, form.ticket_hint
        self.interleave, self.recall_limit = form.interleave, form.recall_limit
        self.running_text.setFixedHeight(SIZE.running_text)
        self.logo_preview.setFixedSize(LOGO_SIDE + 12, LOGO_SIDE + 12)
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        self.label_width.valueChanged.connect(self._show_example)
        self.revert = self.button()
        self.revert.clicked.connect(self.refresh)
        self.save = self.button(primary=True)
        self.save.clicked.connect(self.submit)
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
        self.form.retranslateUi(self.content)
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
