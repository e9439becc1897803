"""The kiosk window, offscreen, on a real database: tap, one ticket, number shown, back to the start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from antrian.domain.roles import SYSTEM
from antrian.gui.kiosk import window as kiosk_module
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner
from antrian.printing.escpos import PrinterError
from antrian.printing.slip import TicketSlip
from antrian.services import counters
from antrian.services.setup import save_service
from antrian.store.database import Database
from antrian.store.models import Ticket


@pytest.fixture
def kiosk(qtbot: QtBot, office_db: Database) -> Iterator:  # type: ignore[type-arg]
    runner = TaskRunner()
    printed: list[TicketSlip] = []

    def make(width: int = 1080, height: int = 1920, printer=printed.append, pin: str | None = "2468"):  # type: ignore[no-untyped-def]
        window = KioskWindow(office_db, lambda w, d: runner.submit(w, d, d), print_slip=printer, exit_pin=pin)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitUntil(lambda: len(window._buttons) == 3, timeout=5000)
        return window

    make.printed = printed  # type: ignore[attr-defined]
    yield make
    runner.wait()


def count_tickets(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(Ticket)).scalar_one())


def test_tap_issues_one_ticket_shows_it_and_returns(
    kiosk, office_db: Database, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    window._return.setInterval(300)
    assert window.pages.currentIndex() == 0
    with qtbot.waitSignal(window.ticketShown, timeout=5000) as shown:
        qtbot.mouseClick(window._buttons["A"], Qt.MouseButton.LeftButton)
    issued = shown.args[0]
    assert issued.ticket.number == "A001" and window.number.text() == "A001"
    assert window.number.fontMetrics().horizontalAdvance("A001") <= window.width()
    assert window.number.font().pixelSize() >= 0.15 * window.height()
    assert window.pages.currentIndex() == 2
    assert "Antrean di depan Anda: 0" in window.result_detail.text()
    assert [slip.number for slip in kiosk.printed] == ["A001"]
    assert window.print_problem.isHidden()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=3000)
    qtbot.waitUntil(lambda: "Menunggu: 1" in window._buttons["A"].text(), timeout=3000)
    assert count_tickets(office_db) == 1


def test_double_tap_issues_one_ticket(kiosk, office_db: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    button = window._buttons["B"]
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            button, Qt.MouseButton.LeftButton
        )  # the second tap lands while the first is in flight
        window.take("B")
    qtbot.wait(300)
    assert count_tickets(office_db) == 1


def test_priority_path(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    elderly = next(b for b in window.group_buttons if b.text() == "Lanjut usia")
    disability = next(b for b in window.group_buttons if "disabilitas" in b.text())
    assert (
        disability.fontMetrics().horizontalAdvance(max(disability.text().split("\n"), key=len))
        < disability.width()
    )
    qtbot.mouseClick(elderly, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0 and "Lanjut usia" in window.mode.text()
    with qtbot.waitSignal(window.ticketShown, timeout=5000) as shown:
        qtbot.mouseClick(window._buttons["C"], Qt.MouseButton.LeftButton)
    assert shown.args[0].ticket.priority_group == "lansia"
    assert kiosk.printed[-1].priority == "Lanjut usia"
    assert window.mode.isHidden(), "the next citizen starts without priority"


def test_printer_failure_keeps_the_number_and_offers_reprint(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    attempts: list[str] = []

    def jammed(slip: TicketSlip) -> None:
        attempts.append(slip.number)
        if len(attempts) == 1:
            raise PrinterError("printer tcp:10.0.0.9:9100 failed: paper out")

    window = kiosk(printer=jammed)
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.mouseClick(window._buttons["A"], Qt.MouseButton.LeftButton)
    assert window.number.text() == "A001"
    assert window.print_problem.isVisible() and "paper out" in window.print_problem.text()
    assert "tetap berlaku" in window.print_problem.text()
    qtbot.mouseClick(window.reprint, Qt.MouseButton.LeftButton)
    assert attempts == ["A001", "A001"] and window.print_problem.isHidden()


def test_no_printer_configured_says_so(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk(printer=None)
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.mouseClick(window._buttons["A"], Qt.MouseButton.LeftButton)
    assert "printer belum diatur" in window.print_problem.text()


def test_closed_and_paused_services_are_disabled_with_the_reason(
    kiosk, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    from datetime import time

    with office_db.write() as s:
        save_service(
            s,
            "B",
            "Kartu Keluarga",
            actor=SYSTEM,
            standard_time=20,
            opens_at=time(0, 0),
            closes_at=time(0, 1),
            open_days="1234567",
        )
        counters.open_counter(s, 3, actor=SYSTEM)
        counters.pause_counter(s, 3, "Sholat", actor=SYSTEM)
    window = kiosk()
    b, c = window._buttons["B"], window._buttons["C"]
    assert not b.isEnabled() and "tutup sejak pukul 00:01" in b.text()
    assert not c.isEnabled() and "istirahat" in c.text()
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert count_tickets(office_db) == 0


@pytest.mark.parametrize(("width", "height"), [(1080, 1920), (1920, 1080)])
def test_touch_targets_at_least_15_mm_on_a_21_inch_screen(kiosk, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = kiosk(width, height)
    # 21-inch 16:9 at 1920x1080: about 105 pixels per inch, so 15 mm is 62 pixels
    minimum = 15 / 25.4 * (1920 / (21 * 16 / (16**2 + 9**2) ** 0.5))
    for button in [*window._buttons.values(), window.priority_button]:
        assert min(button.width(), button.height()) >= minimum, button.text()
    window.pages.setCurrentIndex(1)
    for button in window.group_buttons:
        assert min(button.width(), button.height()) >= minimum


def test_leaving_full_screen_needs_the_pin(kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    window.showFullScreen()
    assert not window.ask_to_leave("1111") and window.isFullScreen()
    assert window.ask_to_leave("2468") and not window.isFullScreen()
    assert not kiosk(pin=None).ask_to_leave("2468")


def test_return_delay_is_a_few_seconds() -> None:
    assert 5000 <= kiosk_module.RETURN_AFTER_MS <= 15000


def test_pdf_printer_target_writes_one_file_per_ticket(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from antrian.printing.targets import printer_for

    slip = TicketSlip(
        "Kantor",
        "A - KTP",
        "A007",
        "Senin, 30 November 2026 09:00",
        2,
        "sekitar 10 menit",
        "15 menit",
        "Terima kasih",
        "ANTRIAN:7:A007:2026-11-30",
    )
    printer_for(f"pdf:{tmp_path}")(slip)
    assert (tmp_path / "tiket-A007.pdf").read_bytes().startswith(b"%PDF")
