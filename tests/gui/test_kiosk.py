"""The kiosk window, offscreen, on a real database: tap, one ticket, number shown, back to the start."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from antrian import words
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import SYSTEM
from antrian.gui.kiosk import taking
from antrian.gui.kiosk import window as kiosk_module
from antrian.printing.escpos import PrinterError
from antrian.printing.slip import TicketSlip
from antrian.services import counters
from antrian.services.setup import save_service
from antrian.store.database import Database
from antrian.store.models import Ticket
from tests.gui.taps import take_refused
from tests.store.faults import backup, restore


def count_tickets(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(Ticket)).scalar_one())


def close_service_b(db: Database) -> None:
    """Service B closes at 00:01 every day: closed whenever a test runs."""
    from datetime import time

    with db.write() as s:
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


def test_tap_issues_one_ticket_shows_it_and_returns(
    kiosk, office_db: Database, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    window.return_after_ms = 300
    assert window.pages.currentIndex() == 0
    with qtbot.waitSignal(window.ticketShown, timeout=5000) as shown:
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    issued = shown.args[0]
    assert issued.ticket.number == "A001" and window.number.text() == "A001"
    assert window.number.fontMetrics().horizontalAdvance("A001") <= window.width()
    assert window.number.font().pixelSize() >= 0.15 * window.height()
    assert window.pages.currentIndex() == 2
    assert "Antrean di depan Anda: 0" in window.result_detail.text()
    qtbot.waitUntil(lambda: window.print_status.isHidden(), timeout=5000)
    assert [slip.number for slip in kiosk.printed] == ["A001"]
    assert window.print_problem.isHidden() and window.done.isVisible()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=3000)
    qtbot.waitUntil(lambda: "Menunggu: 1" in window.grid.buttons["A"].detail.text(), timeout=3000)
    assert count_tickets(office_db) == 1


def test_double_tap_issues_one_ticket(kiosk, office_db: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    button = window.grid.buttons["B"]
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            button, Qt.MouseButton.LeftButton
        )  # the second tap lands while the first is in flight
        window.take("B")
    assert kiosk.runner.wait(), "a second issue, had one started, has landed"
    assert count_tickets(office_db) == 1


def test_priority_path(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    elderly = next(b for b in window.group_buttons if b.label.text() == "Lanjut usia")
    group_names_fit(window)
    qtbot.mouseClick(elderly, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0 and "Lanjut usia" in window.mode.text()
    issued: list = []  # type: ignore[type-arg]
    window.ticketShown.connect(issued.append)
    with qtbot.waitSignal(window.printFinished, timeout=5000):
        qtbot.mouseClick(window.grid.buttons["C"], Qt.MouseButton.LeftButton)
    assert issued[0].ticket.priority_group == "lansia"
    assert kiosk.printed[-1].priority is PriorityGroup.ELDERLY
    assert window.mode.isHidden(), "the next citizen starts without priority"


def test_printer_failure_keeps_the_number_and_offers_reprint(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    attempts: list[str] = []

    def jammed(slip: TicketSlip) -> None:
        attempts.append(slip.number)
        if len(attempts) == 1:
            raise PrinterError("printer.failed", target="tcp:10.0.0.9:9100", cause="paper out")

    window = kiosk(printer=jammed)
    with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    assert outcome.args == [False] and window.number.text() == "A001"
    assert window.print_problem.isVisible() and "tetap berlaku" in window.print_problem.text()
    assert "paper out" not in window.print_problem.text(), "the cause is for staff and the log"
    assert window.reprint.isVisible() and window.done.isVisible()
    with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
        qtbot.mouseClick(window.reprint, Qt.MouseButton.LeftButton)
        assert window.reprint.isHidden(), "no second reprint while one runs"
    assert outcome.args == [True]
    assert attempts == ["A001", "A001"] and window.print_problem.isHidden()


def test_no_printer_configured_says_so(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk(printer=None)
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    assert window.print_problem.text() == words.text("kiosk.print.no_printer")
    assert "tetap berlaku" in window.print_problem.text()
    assert window.reprint.isHidden(), "nothing to print again on"


def test_closed_and_paused_services_are_disabled_with_the_reason(
    kiosk, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    close_service_b(office_db)
    with office_db.write() as s:
        counters.open_counter(s, 3, actor=SYSTEM)
        counters.pause_counter(s, 3, "Sholat", actor=SYSTEM)
    window = kiosk()
    b, c = window.grid.buttons["B"], window.grid.buttons["C"]
    assert not b.isEnabled() and "tutup sejak pukul 00:01" in b.detail.text()
    assert not c.isEnabled() and "istirahat" in c.detail.text()
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    assert kiosk.runner.wait(), "an issue, had one started, has landed"
    assert count_tickets(office_db) == 0


@pytest.mark.parametrize(("width", "height"), [(1080, 1920), (1920, 1080)])
def test_touch_targets_at_least_15_mm_on_a_21_inch_screen(kiosk, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = kiosk(width, height)
    # 21-inch 16:9 at 1920x1080: about 105 pixels per inch, so 15 mm is 62 pixels
    minimum = 15 / 25.4 * (1920 / (21 * 16 / (16**2 + 9**2) ** 0.5))
    for button in [*window.grid.buttons.values(), window.priority_button]:
        assert min(button.width(), button.height()) >= minimum, button.text()
    window.pages.setCurrentIndex(1)
    for button in window.group_buttons:
        assert min(button.width(), button.height()) >= minimum


def test_leaving_full_screen_needs_the_pin(kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    window.showFullScreen()
    refused: list[bool] = []
    window.leaveRefused.connect(lambda: refused.append(True))
    started = time.monotonic()
    with qtbot.waitSignal(window.leaveRefused, timeout=3000):
        assert not window.ask_to_leave("1111") and window.isFullScreen()
        assert not refused, "the delay runs on a timer, not on the GUI thread"
        assert not window.ask_to_leave("2468"), "no PIN is taken while a wrong one is being answered"
    assert time.monotonic() - started >= kiosk_module.PIN_DELAY_MS / 1000 * 0.9
    assert window.isFullScreen()
    assert window.ask_to_leave("2468") and not window.isFullScreen()
    assert not kiosk(pin=None).ask_to_leave("2468")


def test_a_refused_ticket_is_explained_in_words(
    kiosk, office_db: Database, qtbot: QtBot, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    from antrian.domain.errors import ServiceUnavailable

    window = kiosk()
    # any coded refusal: the citizen reads its words, the log its code
    refusal = ServiceUnavailable("language.unknown", language="xx", choices=["id", "en"])

    def refuse(*args: object, **kwargs: object) -> None:
        raise refusal

    monkeypatch.setattr(taking, "issue_ticket_in", refuse)
    with caplog.at_level(logging.WARNING, logger=kiosk_module.__name__):
        take_refused(qtbot, window, "A")
    assert window.title.text() == words.text("kiosk.take.failed", reason=refusal)
    assert window.title.text().endswith(words.say(refusal)) and "language.unknown" not in window.title.text()
    assert "[language.unknown]" in caplog.text and window.grid.buttons["A"].isEnabled()

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(taking, "issue_ticket_in", broken)
    with caplog.at_level(logging.WARNING, logger=kiosk_module.__name__):
        take_refused(qtbot, window, "A")
    assert window.title.text() == words.text("kiosk.take.unexpected")
    assert "ZeroDivisionError" not in window.title.text()
    assert "Traceback" in caplog.text and "ZeroDivisionError: a bug" in caplog.text


def test_return_delay_is_a_few_seconds() -> None:
    assert 5000 <= kiosk_module.RETURN_AFTER_MS <= 15000


def test_pdf_printer_target_writes_one_file_per_ticket(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from antrian.printing.targets import printer_for

    slip = TicketSlip(
        office="Kantor",
        service_code="A",
        service_name="KTP",
        number="A007",
        issued=datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
        people_ahead=2,
        estimate=Message("estimate.about", wait=timedelta(minutes=10)),
        standard_time=Message("standard.minutes", n=15),
        footer="Terima kasih",
        qr="ANTRIAN:7:A007:2026-11-30",
    )
    printer_for(f"pdf:{tmp_path}")(slip)
    assert (tmp_path / "tiket-A007.pdf").read_bytes().startswith(b"%PDF")


def group_names_fit(window: kiosk_module.KioskWindow) -> None:
    """Each group's name as the catalogue says it (never cut into lines by hand), every word of it within
    its button, every line of it on screen, and as large as the shortest name."""
    largest = max(button.label.font().pixelSize() for button in window.group_buttons)
    for button, group in zip(window.group_buttons, PriorityGroup, strict=True):
        label, name = button.label, words.show(group)
        assert label.text() == name and button.accessibleName() == name
        metrics, room = label.fontMetrics(), label.contentsRect()
        assert max(metrics.horizontalAdvance(word) for word in name.split()) <= room.width(), name
        assert label.heightForWidth(room.width()) <= label.height(), f"{name}: a line is cut off"
        assert label.font().pixelSize() == largest, f"{name}: drawn small rather than wrapped"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("width", "height"), [(1080, 1920), (1920, 1080), (560, 900)])
def test_long_group_names_wrap_to_fit(kiosk, qtbot: QtBot, lang: str, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.language import switch_language

    switch_language(lang)
    window = kiosk(width, height)
    window.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.group_buttons[0].label.isVisible(), timeout=2000)
    group_names_fit(window)


def test_a_committed_ticket_whose_slip_cannot_be_read_is_shown_and_printed_again(
    kiosk, office_db: Database, qtbot: QtBot, monkeypatch, caplog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The link to the database drops between the commit and the slip's read: the number stands, so the
    citizen gets it, is told the ticket did not print, and Print Again reads the slip again and prints."""
    path = Path(str(office_db.url.database))
    issue = taking.issue_ticket_in
    saved: list[Path] = []

    def issue_then_lose_the_file(*args: object, **kwargs: object) -> object:
        ticket = issue(*args, **kwargs)  # type: ignore[arg-type]
        saved.append(backup(path, tmp_path / "backup.db"))  # committed: the ticket is in the copy
        path.unlink()
        return ticket

    monkeypatch.setattr(taking, "issue_ticket_in", issue_then_lose_the_file)
    window = kiosk()
    with (
        caplog.at_level(logging.WARNING, logger=kiosk_module.__name__),
        qtbot.waitSignal(window.printFinished, timeout=5000) as outcome,
    ):
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    assert outcome.args == [False]
    assert window.pages.currentIndex() == 2 and window.number.text() == "A001"
    assert window.print_problem.text() == words.text("kiosk.print.failed") and window.reprint.isVisible()
    assert "Maaf" not in window.title.text(), "a committed number is never said to be refused"
    assert "Silakan duduk" in window.result_detail.text() and kiosk.printed == []
    (line,) = [r.getMessage() for r in caplog.records if "not printed" in r.getMessage()]
    assert line.startswith("ticket A001 not printed: its slip could not be read: ")
    assert "[store.deleted]" in line
    restore(saved[0], path)
    with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
        qtbot.mouseClick(window.reprint, Qt.MouseButton.LeftButton)
    assert outcome.args == [True] and [slip.number for slip in kiosk.printed] == ["A001"]
    assert window.print_problem.isHidden() and window.print_done.isVisible()
    assert "Antrean di depan Anda: 0" in window.result_detail.text()
    assert count_tickets(office_db) == 1


def test_a_refusal_goes_after_the_return_delay(kiosk, office_db: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    greeting = window.title.text()
    window.return_after_ms = 300
    close_service_b(office_db)  # after the kiosk read it open: the tap reaches a closed service
    take_refused(qtbot, window, "B")
    assert window.title.text().startswith("Maaf, nomor tidak dapat diambil: ")
    assert "tutup" in window.title.text(), "a refusal the citizen can act on says why"
    qtbot.waitUntil(lambda: window.title.text() == greeting, timeout=2000)
    assert count_tickets(office_db) == 0


def test_a_refusal_by_the_database_says_only_what_the_citizen_can_do_and_goes_when_it_works_again(
    kiosk, office_db: Database, qtbot: QtBot, caplog, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk()
    greeting = window.title.text()
    assert window.return_after_ms >= 5000, "the refusal must go because the database works, not by the timer"
    path = Path(str(office_db.url.database))
    saved = backup(path, tmp_path / "backup.db")
    path.unlink()
    with caplog.at_level(logging.WARNING, logger=kiosk_module.__name__):
        take_refused(qtbot, window, "A")
    said = window.title.text()
    assert said == words.text("kiosk.take.offline")
    for technical in (str(path), path.name, "store.", "izin"):
        assert technical not in said
    (line,) = [r.getMessage() for r in caplog.records if "no ticket issued" in r.getMessage()]
    assert "[store.deleted]" in line and str(path) in line
    restore(saved, path)
    qtbot.waitUntil(lambda: window.title.text() == greeting, timeout=4000)
    assert window.grid.buttons["A"].isEnabled() and count_tickets(office_db) == 0


@pytest.mark.parametrize(
    ("now", "expected_ms"),
    [(1_796_000_000.0, 40_000 + 200), (1_796_000_039.75, 250 + 200), (1_796_000_040.0, 60_000 + 200)],
)
def test_the_minute_timer_aims_just_past_the_next_whole_minute(now: float, expected_ms: int) -> None:
    # 1_796_000_000 s is 20 s into its minute (1_796_000_000 = 29_933_333 * 60 + 20)
    assert kiosk_module.until_next_minute_ms(now) == expected_ms


def test_time_passing_into_a_closure_disables_the_buttons_with_no_event(
    kiosk, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    """A break or closing hour begins with no event written: the kiosk reads again as each minute turns."""
    from antrian.store.models import Holiday

    window = kiosk()
    qtbot.waitUntil(lambda: window.grid.buttons["A"].isEnabled())
    assert 0 < window.minute_timer.remainingTime() <= 60_000 + kiosk_module.MINUTE_SLACK_MS
    window.minute_timer.stop()  # the test turns the minute itself
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    with office_db.write() as s:  # a row only, as if the minute of a closure had come: no event
        s.add(Holiday(day=today, name="Hari Uji"))
    assert kiosk.runner.wait()
    QApplication.processEvents()  # whatever was running or queued has landed
    assert window.grid.buttons["A"].isEnabled(), "nothing woke the kiosk before the minute turned"
    window.minute_timer.timeout.emit()
    qtbot.waitUntil(lambda: not window.grid.buttons["A"].isEnabled())
    assert "Hari Uji" in window.grid.buttons["A"].detail.text()
    assert window.minute_timer.isActive(), "armed again for the next minute"
