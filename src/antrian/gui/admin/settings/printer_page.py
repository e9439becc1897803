"""The printer page: the kiosk printer and paper width of THIS PC, kept in this PC's TOML file
(``antrian.config``; not in the database: each kiosk PC has its own printer), and "Tes cetak", which prints
a test slip through ``antrian.printing`` on a thread of its own, saying what came of it.

An admin changes it; a supervisor sees it; an operator never reaches the admin window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QWidget,
)

from antrian import config, words
from antrian.domain.roles import Actor
from antrian.gui.admin.settings.base import SettingsPage
from antrian.gui.forms.printer_page_ui import Ui_PrinterPage
from antrian.gui.tasks import OwnThread, TaskRunner
from antrian.services.office import get_office
from antrian.store.database import Database


@dataclass(frozen=True, slots=True)
class _Read:
    config: config.MachineConfig | None
    problem: Exception | None  # the file could not be read as this PC's settings
    office: str
    zone: ZoneInfo


class PrinterPage(SettingsPage):
    """This PC's kiosk printer: its target, the paper width, and a test slip."""

    def __init__(
        self,
        database: Database,
        runner: TaskRunner,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        config_file: Path | None = None,
    ):
        super().__init__(database, runner, actor, parent)
        self._path = config_file or config.config_path()
        self._office = ""
        self._shown: tuple[str, int] | None = None  # the printer and width last read from the file
        self._zone = ZoneInfo("Asia/Jakarta")
        self._printer = OwnThread("antrian-test-print", self)
        self.heading.setText(self.tr("Printer of this PC"))
        self.about.setText(
            self.tr(
                "The ticket printer of the kiosk on this PC. It is kept in this PC's settings file, not in "
                "the office database: set it on each kiosk PC."
            )
        )
        self.content = QWidget(self)
        self.form = (
            Ui_PrinterPage()
        )  # the printer's fields and how to name it: ui/admin/settings/printer_page.ui
        self.form.setupUi(self.content)
        self._take_form()
        self.body.addWidget(self.content)
        self.body.addStretch(1)
        self.fields += [self.target, self.width_58, self.width_80, self.save_button]
        self.lock_if_read_only()
        self.save_button.setVisible(self.editable)

    def title(self) -> str:
        return self.tr("Printer")

    # -- building ----------------------------------------------------------------------------------------
    def _take_form(self) -> None:
        form = self.form
        self.target, self.width_58, self.width_80 = form.target, form.width_58, form.width_80
        self.file_line = form.file_line
        self.test_button, self.save_button = form.test_button, form.save_button
        self.target.returnPressed.connect(self.save)
        self.test_button.clicked.connect(self.test_print)
        self.save_button.clicked.connect(self.save)
        for line, text in (
            (form.form_usb, words.text("printer.form.usb")),
            (form.form_tcp, words.text("printer.form.tcp")),
            (form.form_serial, words.text("printer.form.serial")),
            (form.form_file, words.text("printer.form.file")),
            (
                form.form_system,
                self.tr("system or system:NAME (a printer installed in the operating system)"),
            ),
            (form.form_pdf, self.tr("pdf:FOLDER (each ticket as a PDF file, for trying the kiosk out)")),
        ):
            line.setText("\u2022 " + text)

    # -- reading -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        path = self._path

        def read() -> _Read:
            with self._database.read() as session:
                office = get_office(session)
            try:
                return _Read(config.load_config(path), None, office.name, office.zone)
            except Exception as error:  # shown on the page; the file is left as it is
                return _Read(None, error, office.name, office.zone)

        self.run(read, self._show, "read this PC's settings")

    def _show(self, read: _Read) -> None:
        self._office, self._zone = read.office, read.zone
        where = str(self._path)
        self.file_line.setText(
            where if self._path.exists() else self.tr("{path} (not made yet)").format(path=where)
        )
        if read.config is None:
            assert read.problem is not None
            self.failed(read.problem, "read this PC's settings")
            return
        if self._shown is not None and self._shown != (self.target.text().strip(), self._width()):
            return  # being edited: a refresh (any office setting changed) must not wipe it out
        self._shown = (read.config.kiosk_printer or "", read.config.kiosk_paper_width)
        self.target.setText(self._shown[0])
        (self.width_58 if self._shown[1] == 58 else self.width_80).setChecked(True)

    def _width(self) -> int:
        return 58 if self.width_58.isChecked() else 80

    # -- saving and testing ------------------------------------------------------------------------------
    def save(self) -> None:
        if not self.editable:
            return
        target, width, path, actor = self.target.text().strip(), self._width(), self._path, self._actor

        def write() -> config.MachineConfig:
            return config.save_kiosk_printer(actor, target, width, path)

        def saved(machine: config.MachineConfig) -> None:
            self._shown = (machine.kiosk_printer or "", machine.kiosk_paper_width)
            self.file_line.setText(str(path))
            printer = machine.kiosk_printer or self.tr("no printer, unless it is started with --printer")
            text = self.tr("Saved in {path}. A kiosk started on this PC from now on prints to {printer}.")
            self.show_message(text.format(path=str(path), printer=printer))

        self.run(write, saved, "save this PC's printer")

    def test_print(self) -> None:
        """Print a test slip on the printer and paper shown (saved or not), on a thread of its own."""
        from antrian.printing.slip import printer_test_slip
        from antrian.printing.targets import printer_for

        target, width = self.target.text().strip(), self._width()
        if not target:
            self.show_message(self.tr("Enter the printer first."), "error")
            return
        try:
            send = printer_for(target, width)
        except Exception as error:
            self.failed(error, "test print")
            return
        slip = printer_test_slip(self._office or "Antrian", datetime.now(self._zone))
        if not self._printer.submit(lambda: send(slip), lambda result: self._printed(target, result)):
            self.show_message(self.tr("The last test slip is still being printed; wait a moment."), "error")
            return
        self.test_button.setEnabled(False)
        self.show_message(self.tr("Printing a test slip on {printer}\u2026").format(printer=target))

    def _printed(self, target: str, result: object) -> None:
        self.test_button.setEnabled(True)
        if isinstance(result, Exception):
            self.failed(result, f"test print on {target}")
            return
        self.show_message(words.text("printer.test.sent", printer=target))
