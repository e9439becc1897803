"""The admin's printer page: this PC's kiosk printer saved to its TOML file and read back by load_config, a
bad printer refused naming it, "Tes cetak" printing a real ESC/POS test slip into a ``file:`` target (and
saying so, or saying the printer's error), and a supervisor who may only look."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.config import load_config
from antrian.domain.roles import Role
from antrian.gui.admin.settings.printer_page import PrinterPage
from antrian.gui.tasks import TaskRunner
from antrian.printing.escpos import CUT, INIT
from antrian.store.database import Database
from tests.gui.settings_pages import said, user

FILE = '# kiosk by the door\nlanguage = "id"\n\n[kiosk]\nprinter = "tcp:10.0.0.9"  # Epson\npin = "4321"\n'


@pytest.fixture
def toml(tmp_path: Path) -> Path:
    path = tmp_path / "pc" / "antrian.toml"
    path.parent.mkdir()
    path.write_text(FILE, encoding="utf-8")
    return path


@pytest.fixture
def make(qtbot: QtBot, office_db: Database, toml: Path) -> Iterator[Callable[[Role], PrinterPage]]:
    runner = TaskRunner()

    def build(role: Role) -> PrinterPage:
        page = PrinterPage(office_db, runner, user(office_db, role), config_file=toml)
        qtbot.addWidget(page)
        page.resize(1100, 680)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.target.text() == "tcp:10.0.0.9", timeout=5000)
        return page

    yield build
    runner.wait()


def test_the_printer_is_saved_in_this_pcs_file(make, toml: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.ADMIN)
    assert page.width_80.isChecked() and page.file_line.text() == str(toml)
    page.target.setText(" usb:0416:5011 ")
    page.width_58.setChecked(True)
    page.save_button.click()
    said(
        qtbot,
        page,
        f"Disimpan di {toml}. Anjungan yang dijalankan di PC ini mulai sekarang mencetak ke usb:0416:5011.",
        "info",
    )
    machine = load_config(toml)
    shown = (machine.kiosk_printer, machine.kiosk_paper_width, machine.kiosk_pin)
    assert shown == ("usb:0416:5011", 58, "4321")
    assert toml.read_text(encoding="utf-8") == FILE.replace(
        'printer = "tcp:10.0.0.9"  # Epson\npin = "4321"\n',
        'printer = "usb:0416:5011"  # Epson\npin = "4321"\npaper_width = 58\n',
    )


def test_a_bad_printer_is_refused_naming_it(make, toml: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.ADMIN)
    page.target.setText("lpt1")
    page.save_button.click()
    said(qtbot, page, words.text("printer.unknown_target", target="lpt1"), "error")
    assert "lpt1" in page.message.text()
    page.target.setText("usb:04xx:5011")
    page.test_button.click()  # refused before anything is sent
    said(qtbot, page, words.text("printer.bad_target", target="usb:04xx:5011", form=_usb_form()), "error")
    assert toml.read_text(encoding="utf-8") == FILE


def _usb_form() -> object:
    from antrian.domain.messages import Message

    return Message("printer.form.usb")


def test_tes_cetak_prints_a_test_slip_into_a_file(make, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.ADMIN)
    out = tmp_path / "printer.bin"
    page.target.setText(f"file:{out}")
    page.width_58.setChecked(True)
    page.test_button.click()
    said(qtbot, page, words.text("printer.test.sent", printer=f"file:{out}"), "info")
    assert page.test_button.isEnabled()
    sent = out.read_bytes()
    assert sent.startswith(INIT) and sent.endswith(CUT)
    assert b"Kantor Uji" in sent and b"A000" in sent
    assert b"Uji printer" in sent, "it says it is no ticket (the footer, wrapped to 32 columns)"
    assert b"\x1d(k" in sent, "the QR code, as on a ticket"


def test_a_printer_that_fails_is_said(make, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.ADMIN)
    missing = tmp_path / "no-such-folder" / "lp0"
    page.target.setText(f"file:{missing}")
    page.test_button.click()
    qtbot.waitUntil(lambda: page.message.property("kind") == "error", timeout=15000)
    assert str(missing) in page.message.text()
    assert page.test_button.isEnabled()


def test_a_supervisor_sees_the_printer_only(make, toml: Path) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.SUPERVISOR)
    assert page.read_only.isVisible()
    assert not page.target.isEnabled() and not page.width_58.isEnabled() and not page.width_80.isEnabled()
    assert not page.save_button.isVisible()
    page.save()
    assert toml.read_text(encoding="utf-8") == FILE
