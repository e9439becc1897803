"""The kiosk prints off the GUI thread: a stalled network printer never freezes it, and a failed print tells
the citizen what to do while the cause goes to the log."""

from __future__ import annotations

import logging
import socket
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.gui.kiosk import window as kiosk_module
from antrian.printing.escpos import TIMEOUT_S
from antrian.printing.slip import TicketSlip
from antrian.printing.targets import printer_for
from antrian.store.database import Database
from tests.gui.test_kiosk import count_tickets
from tests.printing.fake_printer import FakeNetworkPrinter

STALL_S = 5.0
TICK_MS = 100


def test_kiosk_stays_responsive_while_a_network_printer_stalls(
    kiosk, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    """The event loop keeps turning and the window keeps answering touches during the stall; how evenly
    it turns (the worst gap between two ticks) is measured by ``bench/bench_print.py``."""
    assert STALL_S < TIMEOUT_S, "the printer answers before the deadline: this print succeeds"
    printer = FakeNetworkPrinter(stall_s=STALL_S)
    window = kiosk(printer=printer_for(printer.target, 80))
    ticks: list[tuple[float, bool]] = []  # (when, "printing" note on screen)
    clock = QTimer()
    clock.setTimerType(Qt.TimerType.PreciseTimer)
    clock.timeout.connect(lambda: ticks.append((time.monotonic(), window.print_status.isVisible())))
    pokes: list[int] = []

    def poke() -> None:
        """Touches while the ticket prints: none may start a second print or issue a second number."""
        window.take("B")
        window.reprint.click()  # hidden while printing; a click that still reached it
        window.go_home()
        qtbot.mouseClick(window.reprint, Qt.MouseButton.LeftButton)
        pokes.append(window.pages.currentIndex())

    try:
        clock.start(TICK_MS)
        tapped = time.monotonic()
        QTimer.singleShot(2000, poke)
        with qtbot.waitSignal(window.printFinished, timeout=int((STALL_S + TIMEOUT_S) * 1000)) as outcome:
            qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: window.print_status.isVisible(), timeout=5000)
            assert window.number.text() == "A001", "the number is on screen while it prints"
            assert window.print_status.text() == words.text("kiosk.print.busy")
            assert window.done.isHidden() and window.reprint.isHidden()
        finished = time.monotonic()
        clock.stop()
    finally:
        printer.close()
    assert outcome.args == [True], "the printer took the ticket after its stall"
    assert finished - tapped >= STALL_S * 0.9, "the print really waited for the stalled printer"
    assert window.print_status.isHidden() and window.print_problem.isHidden() and window.done.isVisible()
    assert window.print_done.isVisible() and window.print_done.text() == words.text("kiosk.print.done")
    assert window.print_done.text() == "Tiket sudah tercetak. Silakan ambil tiket Anda."
    assert len(printer.accepted) == 1 and len(printer.jobs) == 1 and b"A001" in printer.jobs[0]
    assert pokes == [2] and count_tickets(office_db) == 1

    during = [(t, note) for t, note in ticks if printer.accepted[0] <= t <= finished]
    # a GUI thread blocked on the printer would fire the missed timer once when freed: the timer kept
    # firing through the stall (50 ticks on a quiet machine; 10 is no performance claim)
    assert len(during) >= 10, f"{len(during)} ticks while the printer stalled {STALL_S:.0f} s"
    assert all(note for _, note in during[:-1]), "the printing note stays on screen until the outcome"


def test_a_failed_print_tells_the_citizen_what_to_do_and_logs_the_cause(
    kiosk, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    closed = socket.create_server(("127.0.0.1", 0))
    target = f"tcp:127.0.0.1:{closed.getsockname()[1]}"
    closed.close()  # nothing listens there: the connection is refused
    window = kiosk(printer=printer_for(target, 58))
    with (
        caplog.at_level(logging.INFO, logger=kiosk_module.__name__),
        qtbot.waitSignal(window.printFinished, timeout=5000) as outcome,
    ):
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    assert outcome.args == [False] and window.number.text() == "A001"
    shown = window.print_problem.text()
    assert shown == words.text("kiosk.print.failed") and "Cetak Ulang" in shown
    for technical in (target, "127.0.0.1", "Errno", "refused", "printer."):
        assert technical not in shown
    assert window.reprint.isVisible() and window.print_status.isHidden() and window.print_done.isHidden()
    (line,) = [r.getMessage() for r in caplog.records if "not printed" in r.getMessage()]
    assert line.startswith("ticket A001 not printed: ") and target in line
    assert "[printer.unreachable]" in line and "refused" in line


def test_an_unexpected_print_error_is_logged_with_its_traceback(
    kiosk, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    def broken(slip: TicketSlip) -> None:
        raise KeyError("a bug in a printer driver")

    window = kiosk(printer=broken)
    with (
        caplog.at_level(logging.WARNING, logger=kiosk_module.__name__),
        qtbot.waitSignal(window.printFinished, timeout=5000) as outcome,
    ):
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    assert outcome.args == [False]
    assert window.print_problem.text() == words.text("kiosk.print.failed")
    (record,) = [r for r in caplog.records if "not printed" in r.getMessage()]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert "Traceback" in caplog.text and "a bug in a printer driver" in caplog.text


def test_a_stuck_printer_never_holds_up_the_database(
    kiosk,
    office_db: Database,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """A driver stuck past its own timeout keeps its thread: the kiosk gives up on it, refuses to start a
    second print behind it (saying so), and still issues numbers and refreshes its counts meanwhile."""
    release = threading.Event()
    calls: list[str] = []

    def stuck(slip: TicketSlip) -> None:
        calls.append(slip.number)
        release.wait(30)

    monkeypatch.setattr(kiosk_module, "PRINT_GIVE_UP_MS", 300)  # read by the window as it is made
    window = kiosk(printer=stuck)
    try:
        with caplog.at_level(logging.WARNING, logger=kiosk_module.__name__):
            with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
                qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
            assert outcome.args == [False] and window.reprint.isVisible()
            assert "[printer.gave_up]" in caplog.text
            with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
                qtbot.mouseClick(window.reprint, Qt.MouseButton.LeftButton)
            assert outcome.args == [False], "no second print starts behind the stuck one"
            assert window.print_problem.text() == words.text("kiosk.print.not_ready")
            assert window.reprint.isVisible() and window.number.text() == "A001"
            assert "ticket A001 not printed: an earlier print has not ended" in caplog.text

            window.go_home()
            with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
                qtbot.mouseClick(window.grid.buttons["B"], Qt.MouseButton.LeftButton)
            assert outcome.args == [False] and window.number.text() == "B001", "the database was free"
            assert window.print_problem.text() == words.text("kiosk.print.not_ready")
            qtbot.waitUntil(lambda: "Menunggu: 1" in window.grid.buttons["B"].detail.text(), timeout=5000)
            assert calls == ["A001"] and count_tickets(office_db) == 2

            release.set()
            qtbot.waitUntil(lambda: "after the kiosk stopped waiting: printed" in caplog.text, timeout=5000)
        assert window.number.text() == "B001" and window.print_done.isHidden(), "a late answer changed it"
        with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
            qtbot.mouseClick(window.reprint, Qt.MouseButton.LeftButton)
        assert outcome.args == [True] and window.print_problem.isHidden() and window.print_done.isVisible()
    finally:
        release.set()
    assert calls == ["A001", "B001"]
