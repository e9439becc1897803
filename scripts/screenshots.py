"""Render windows offscreen to PNG so anyone can look at them.

    .venv/bin/python scripts/screenshots.py [--out out/screens] [--lang id en]

Builds a sample office in a temporary SQLite file with some activity (tickets waiting, counters open, on a
break and closed, several calls), then, in each language (a folder each: out/screens/id, out/screens/en),
grabs the display at 1366x768, 1920x1080 and 1080x1920 (portrait), the display of offices of 1, 4, 12, 30
and 40 counters (4 or 24 services) at 1366x768, 1920x1080, 3840x2160 and 1080x1920 at the start of the day
and at work with no sound, the kiosk (start, Pelayanan Khusus
and a group chosen, the ticket printing, the number printed, a printer failure, offline) at 1080x1920,
1366x768 and 1920x1080, the kiosk of offices of 1, 4, 12 and 24 services (each page of services, a
ticket, the note for staff without an admin PIN) at 1366x768, 1920x1080, 3840x2160 and 1080x1920, and
the counter panel (login, a ticket called, the priority check, service time amber and red past the
standard, a break, the call-number dialog, leaving with the counter open) at 1366x768 and 1920x1080, and
its states at 1366x768 (empty lists, busy, an error, the mark of a display that cannot speak, taking over a
colleague's counter), and the supervisor's live monitor on a morning of 8 counters and 14 services (an
operator refused at login; the Today page at 1366x768 and 1920x1080), and the compliance report of that
morning as the evidence PDF (report-pdf.pdf, each page also as report-pdf-page-N.png, 150 dpi), the SKM
report of that morning's paper surveys as its PDF (skm-pdf.pdf and skm-pdf-page-N.png), and the
admin window at 1366x768 (an operator refused; each page as the admin, the standards' history; the office
profile as a supervisor, read-only), and the satisfaction survey's pages (``screens_survey``) at 1280x800
and 1080x1920. The
office's own data (its name, services, running text) is Indonesian in both.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def sample_office(path: str):  # type: ignore[no-untyped-def]
    from antrian.domain.roles import SYSTEM
    from antrian.services import counters, queue
    from antrian.services.demo import install_demo
    from antrian.services.queries import events_after
    from antrian.store.database import open_database

    db = open_database(path, create=True)
    with db.write() as s:
        passwords = install_demo(s)
    for code in "AAABBCDAABCA":
        with db.write() as s:
            queue.issue_ticket(s, code, actor=SYSTEM)
    with db.write() as s:
        queue.issue_ticket(s, "A", priority="lansia", actor=SYSTEM)
    for number in (1, 2, 3):
        with db.write() as s:
            counters.open_counter(s, number, actor=SYSTEM)
    for number in (1, 2, 3, 1, 2):
        with db.write() as s:
            queue.call_next(s, number, actor=SYSTEM)
        with db.write() as s:
            queue.start(s, number, actor=SYSTEM)
            if number != 3:
                queue.finish(s, number, actor=SYSTEM)
        time.sleep(0.01)
    with db.write() as s:
        queue.finish(s, 3, actor=SYSTEM)
        counters.pause_counter(s, 3, "Istirahat siang", actor=SYSTEM)
    with db.write() as s:
        queue.call_next(s, 1, actor=SYSTEM)
    with db.write() as s:
        queue.issue_ticket(s, "B", priority="disabilitas", actor=SYSTEM)
    with db.read() as s:
        events = events_after(s, 0, 10_000)
    return db, events, passwords


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="out/screens")
    parser.add_argument("--lang", nargs="+", default=["id", "en"], choices=["id", "en"])
    parser.add_argument(
        "--only",
        nargs="+",
        default=["display", "kiosk", "counter", "supervisor", "report-pdf", "admin", "admin-zones"],
        choices=[
            *("display", "kiosk", "kiosk-zones", "counter", "supervisor", "supervisor-skm", "report-pdf"),
            *("skm-pdf", "admin", "admin-settings", "admin-users", "admin-zones", "wizard", "survey"),
        ],
    )
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from antrian.gui import i18n
    from antrian.gui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    for lang in args.lang:
        i18n.set_language(lang)
        out = Path(args.out) / lang
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            db, events, passwords = sample_office(str(Path(folder) / "screens.db"))
            runner = TaskRunner(app)
            if "display" in args.only:
                display_screens(app, runner, db, events, out)
                display_office_screens(app, runner, Path(folder), out)
            if "kiosk" in args.only:
                kiosk_screens(app, runner, db, out)
                kiosk_office_screens(app, runner, Path(folder), out)
            if "kiosk" in args.only or "kiosk-zones" in args.only:
                kiosk_zone_screens(app, runner, Path(folder), out)
            if "admin-zones" in args.only:
                admin_zones_screens(app, runner, Path(folder), out)
            if "counter" in args.only:
                counter_screens(app, runner, db, passwords, out)
            if "supervisor" in args.only:
                supervisor_screens(app, runner, Path(folder), out)
            if "supervisor-skm" in args.only:
                supervisor_skm_screens(app, runner, Path(folder), out)
            if "report-pdf" in args.only:
                report_pdf_pages(Path(folder), out)
            if "skm-pdf" in args.only:
                skm_pdf_pages(Path(folder), out)
            if "admin-settings" in args.only:
                admin_settings_screens(app, runner, db, Path(folder), out)
            if "wizard" in args.only:
                wizard_screens(app, runner, Path(folder), out)
            if "admin-users" in args.only:
                admin_users_screens(app, runner, db, out)
            if "admin" in args.only:
                admin_screens(app, runner, db, passwords, out)
            if "survey" in args.only:
                from screens_survey import survey_screens

                survey_screens(app, runner, db, events, out)
            db.dispose()
    return 0


def admin_users_screens(app, runner, db, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The users page after adding a user (its first password shown once), and the audit page of the day."""
    from antrian.domain.roles import SYSTEM, Actor, Role
    from antrian.gui.admin.users.audit_page import AuditPage
    from antrian.gui.admin.users.users_page import UsersPage
    from antrian.services.login import authenticate
    from antrian.services.users import list_users

    settle, save = _helpers(app, runner, out)
    with db.write() as s:
        admin = next(u for u in list_users(s, SYSTEM) if u.role is Role.ADMIN)
        authenticate(s, "petugas1", "salah")
    actor = Actor(Role.ADMIN, admin.id, admin.username)
    page = UsersPage(db, runner, actor)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    settle()
    page.username.setText("siti")
    page.full_name.setText("Siti Aminah")
    page.role.setCurrentIndex(2)
    page.add()
    settle()
    page.table.selectRow(0)
    settle()
    save(page, "admin-users-1366x768")
    page.close()
    audit = AuditPage(db, runner, actor)
    audit.resize(1366, 768)
    audit.show()
    audit.refresh()
    settle()
    save(audit, "admin-audit-1366x768")
    audit.close()


def display_screens(app, runner, db, events, out: Path) -> None:  # type: ignore[no-untyped-def]
    from antrian.domain.messages import Message
    from antrian.gui.display.window import DisplayWindow

    settle, save = _helpers(app, runner, out)
    for width, height in ((1366, 768), (1920, 1080), (1080, 1920)):
        window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done))
        window.resize(width, height)
        window.show()
        settle()
        window.handle_events(events[-3:])
        window.refresh()  # the re-read the events start a moment later (``refresh_soon``), now
        window.set_voice_status(Message("speech.no_audio_device"))  # the cause: the tooltip, not the mark
        settle()
        save(window, f"display-{width}x{height}")
        window.close()


DISPLAY_SCREENS = ((1366, 768), (1920, 1080), (3840, 2160), (1080, 1920))
DISPLAY_OFFICES = ((1, 4), (4, 4), (12, 24), (30, 24), (40, 24))


def working_day(db, size: int) -> None:  # type: ignore[no-untyped-def]
    """The office of ``size`` counters at work: one to three people waiting for every service, counters 1-3
    open with a call each, counter 4 on a break (the display's tests use it too)."""
    from sqlalchemy import select

    from antrian.domain.roles import SYSTEM
    from antrian.services import counters, queue
    from antrian.store.models import Service

    with db.write() as s:
        for code in s.execute(select(Service.code)).scalars().all():
            for _ in range(1 + ord(code[0]) % 3):
                queue.issue_ticket(s, code, actor=SYSTEM)
        for number in range(1, min(size, 4) + 1):
            counters.open_counter(s, number, actor=SYSTEM)
    for number in range(1, min(size, 3) + 1):
        with db.write() as s:
            queue.call_next(s, number, actor=SYSTEM)
    if size >= 4:
        with db.write() as s:
            counters.pause_counter(s, 4, "Istirahat siang", actor=SYSTEM)


def display_office_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The display of offices of every size on every screen: the start of the day (no call yet) and a
    working day (three calls, a counter on a break, people waiting for every service, no sound)."""
    from antrian.domain.messages import Message
    from antrian.gui.display.window import DisplayWindow
    from antrian.services.demo import install_demo
    from antrian.store.database import open_database

    settle, save = _helpers(app, runner, out)
    for size, services in DISPLAY_OFFICES:
        db = open_database(str(folder / f"office-{size}-{services}.db"), create=True)
        with db.write() as s:
            install_demo(s, counters=size, services=services)
        states = {"morning": False, "day": True}
        for state, busy in states.items():
            if busy:
                working_day(db, size)
            for width, height in DISPLAY_SCREENS:
                window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done))
                window.resize(width, height)
                window.show()
                settle()
                if busy:
                    window.set_voice_status(Message("speech.no_audio_device"))
                    settle()
                save(window, f"display-{state}-{size}x{services}-{width}x{height}")
                window.close()
        db.dispose()


def wizard_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The first-run set-up wizard at 1366x768, each page filled in as a new office would, with a problem
    shown on the services page, then the summary written to a new file and the last page."""
    from PySide6.QtGui import QColor, QImage

    from antrian.gui.wizard.window import SetupWizard
    from antrian.store.database import open_database

    settle, save = _helpers(app, runner, out)
    opened = []

    def opener():  # type: ignore[no-untyped-def]
        opened.append(open_database(str(folder / "wizard.db"), create=True))
        return opened[-1]

    logo = QImage(240, 120, QImage.Format.Format_ARGB32)
    logo.fill(QColor("#1565c0"))
    logo.save(str(folder / "logo.png"))
    wizard = SetupWizard(opener, runner, then="kiosk")
    wizard.resize(1366, 768)
    wizard.show()
    settle()
    save(wizard, "wizard-1-welcome")
    wizard.next()
    wizard.next()  # the office's name is missing: the page says so
    settle()
    save(wizard, "wizard-2-office-missing-name")
    wizard.office.name.setText("Disdukcapil Kota Makassar")
    wizard.office.address.setText("Jl. Ahmad Yani No. 2, Makassar")
    wizard.office.zone.setCurrentIndex(1)
    wizard.office.load_logo(str(folder / "logo.png"))
    settle()
    save(wizard, "wizard-2-office")
    wizard.next()
    services = wizard.services
    first = services.rows[0]
    first[1].setText("KTP Elektronik")
    first[4].setValue(30)
    first[5].setText("08:00")
    first[6].setText("15:00")
    first[7].setValue(150)
    for name in ("Kartu Keluarga", "Akta Kelahiran"):
        row = services.add_row()
        row[1].setText(name)
    row[2].setValue(3)
    row[3].setCurrentIndex(2)
    row[5].setText("14:00")
    row[6].setText("09:00")
    wizard.next()
    settle()
    save(wizard, "wizard-3-services-problem")
    row[5].setText("")
    row[6].setText("")
    wizard.next()
    counters = wizard.counters
    counters.add_row()[2].setText("B, A")
    counters.add_row()[2].setText("C")
    settle()
    save(wizard, "wizard-4-counters")
    wizard.next()
    wizard.admin.full_name.setText("Andi Pratama")
    wizard.admin.password.setText("Makassar2026")
    wizard.admin.repeat.setText("Makassar2026")
    settle()
    save(wizard, "wizard-5-admin")
    wizard.next()
    settle()
    save(wizard, "wizard-6-summary")
    wizard.next()
    for _ in range(50):
        settle()
        if wizard.outcome is not None:
            break
        time.sleep(0.1)
    save(wizard, "wizard-7-ready")
    wizard.close()
    for database in opened:
        database.dispose()
    (folder / "wizard.db").unlink(missing_ok=True)


def _helpers(app, runner, out: Path):  # type: ignore[no-untyped-def]
    """``settle()``: let background work land; ``save(widget, name)``: grab it to ``out/name.png``."""

    def settle() -> None:
        for _ in range(6):
            runner.wait()
            app.processEvents()

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    return settle, save


def admin_settings_screens(app, runner, db, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The admin's calendar, display-and-voice and printer pages, each alone in a plain 1366x768 window: as
    an admin (the calendar also with a refused break), and the calendar as a supervisor (read-only)."""
    from datetime import date, time

    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from antrian.domain.roles import SYSTEM, Actor, Role
    from antrian.gui.admin.settings.calendar_page import CalendarPage
    from antrian.gui.admin.settings.printer_page import PrinterPage
    from antrian.gui.admin.settings.voice_page import VoicePage
    from antrian.services import calendar

    settle, save = _helpers(app, runner, out)
    with db.write() as s:
        if not calendar.list_holidays(s):
            year = date.today().year
            for day, name in (
                (date(year, 1, 1), "Tahun Baru Masehi"),
                (date(year, 3, 20), "Hari Raya Idulfitri"),
                (date(year, 3, 21), "Hari Raya Idulfitri"),
                (date(year, 5, 1), "Hari Buruh Internasional"),
                (date(year, 8, 17), "Hari Kemerdekaan Republik Indonesia"),
                (date(year, 12, 25), "Hari Raya Natal"),
            ):
                calendar.add_holiday(s, SYSTEM, day, name)
            calendar.add_breaks(s, SYSTEM, [1, 2, 3, 4], time(12), time(13), "Istirahat siang")
            calendar.add_breaks(s, SYSTEM, [5], time(11, 30), time(13), "Salat Jumat")
    config_file = folder / "antrian.toml"
    config_file.write_text('[kiosk]\nprinter = "usb:0416:5011"\npaper_width = 58\n', encoding="utf-8")
    admin, supervisor = SYSTEM, Actor(Role.SUPERVISOR, None, "supervisor")
    pages = (
        ("admin-calendar", lambda parent: CalendarPage(db, runner, admin, parent)),
        ("admin-calendar-read-only", lambda parent: CalendarPage(db, runner, supervisor, parent)),
        ("admin-voice", lambda parent: VoicePage(db, runner, admin, parent)),
        ("admin-printer", lambda parent: PrinterPage(db, runner, admin, parent, config_file=config_file)),
    )
    for name, build in pages:
        window = QWidget()
        window.resize(1366, 768)
        layout = QVBoxLayout(window)
        layout.setContentsMargins(0, 0, 0, 0)
        page = build(window)
        layout.addWidget(page)
        window.setWindowTitle(page.title())
        window.show()
        page.refresh()
        settle()
        save(window, name)
        if name == "admin-calendar":
            page.every_day.setChecked(True)
            page.break_start.setTime(QTime(12, 30))
            page.break_end.setTime(QTime(13, 30))
            page.break_name.setText("Istirahat siang")
            page.add_break()
            settle()
            save(window, "admin-calendar-refused")
        window.close()
        window.deleteLater()
        settle()


def kiosk_screens(app, runner, db, out: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    from antrian.gui.kiosk.window import KioskWindow
    from antrian.printing.escpos import PrinterError

    settle, save = _helpers(app, runner, out)

    def jammed(slip: object) -> None:
        raise PrinterError("printer.failed", target="usb:0416:5011", cause="kertas habis")

    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    for width, height in ((1080, 1920), (1366, 768), (1920, 1080)):
        size = f"{width}x{height}"
        gate = threading.Event()
        kiosk = KioskWindow(db, background, print_slip=lambda slip, gate=gate: gate.wait(30))
        kiosk.resize(width, height)
        kiosk.show()
        settle()
        for name, page in (("start", 0), ("priority", 1)):
            kiosk.pages.setCurrentIndex(page)
            app.processEvents()
            save(kiosk, f"kiosk-{name}-{size}")
        kiosk.group_buttons[1].click()  # back at the start, a priority group chosen
        app.processEvents()
        save(kiosk, f"kiosk-priority-chosen-{size}")
        kiosk.cancel_priority.click()
        kiosk.take("B")
        deadline = time.monotonic() + 10
        while not kiosk.print_status.isVisible() and time.monotonic() < deadline:
            runner.wait(50)
            app.processEvents()
        save(kiosk, f"kiosk-printing-{size}")  # the printer holds the ticket until the gate opens
        gate.set()
        settle()
        save(kiosk, f"kiosk-number-{size}")
        kiosk.go_home()
        kiosk._print = jammed
        kiosk.take("A")
        settle()
        save(kiosk, f"kiosk-print-failed-{size}")
        kiosk.go_home()
        kiosk.set_online(False)
        save(kiosk, f"kiosk-offline-{size}")
        kiosk.close()


def kiosk_office_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The kiosk of offices of 1, 4, 12 and 24 services (the sample MPP's) at every resolution it is sold
    for: the start (each page of services), the ticket of the last service, and the note for staff on a
    first start without an admin PIN."""
    from antrian.domain.roles import SYSTEM
    from antrian.gui.kiosk.window import KioskWindow
    from antrian.services import counters
    from antrian.services.demo import install_demo
    from antrian.store.database import open_database

    settle, save = _helpers(app, runner, out)
    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    for count in (1, 4, 12, 24):
        db = open_database(str(folder / f"office-{count}.db"), create=True)
        with db.write() as s:
            install_demo(s, counters=max(2, count // 2), services=count)
        with db.write() as s:
            counters.open_counter(s, 1, actor=SYSTEM)
        for width, height in ((1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)):
            name = f"kiosk-{count}-services-{width}x{height}"
            kiosk = KioskWindow(db, background, print_slip=lambda slip: None)
            kiosk.resize(width, height)
            kiosk.show()
            settle()
            pages = kiosk.grid.arrangement.pages if kiosk.grid.arrangement else 1
            for page in range(pages):
                kiosk.grid.show_page(page)
                app.processEvents()
                save(kiosk, f"{name}-page{page + 1}")
            kiosk.take(list(kiosk._buttons)[-1])
            settle()
            save(kiosk, f"{name}-ticket")
            kiosk.go_home()
            if count == 12:  # the note is the same for every office
                kiosk.show_note()
                app.processEvents()
                save(kiosk, f"kiosk-no-pin-note-{width}x{height}")
            kiosk.close()
        db.dispose()


def zoned_office(path: Path):  # type: ignore[no-untyped-def]
    """The sample MPP of 12 services in three agencies: DUKCAPIL (the first five services, counters 1-2),
    PAJAK (the next four, counter 3) and BPJS (the rest, no counter of its own)."""
    from antrian.domain.roles import SYSTEM
    from antrian.services import counters
    from antrian.services.demo import install_demo
    from antrian.services.setup import edit_counter, list_services
    from antrian.services.zones import add_zone, set_service_zone
    from antrian.store.database import open_database

    db = open_database(str(path), create=True)
    with db.write() as s:
        install_demo(s, counters=6, services=12)
    with db.write() as s:
        add_zone(s, SYSTEM, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil")
        add_zone(s, SYSTEM, "PAJAK", "Badan Pendapatan Daerah")
        add_zone(s, SYSTEM, "BPJS", "BPJS Kesehatan")
        codes = [service.code for service in list_services(s)]
        for index, code in enumerate(codes):
            set_service_zone(s, SYSTEM, code, "DUKCAPIL" if index < 5 else "PAJAK" if index < 9 else "BPJS")
        for number, served, zone in (
            (1, codes[0:3], "DUKCAPIL"),
            (2, codes[3:5], "DUKCAPIL"),
            (3, codes[5:9], "PAJAK"),
        ):
            edit_counter(s, number, services=served, zone=zone, actor=SYSTEM)
        counters.open_counter(s, 1, actor=SYSTEM)
    return db


def kiosk_zone_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """A kiosk of the sample MPP limited to two zones (``zones = ["DUKCAPIL", "PAJAK"]``): its services zone
    by zone, each headed by its agency."""
    from antrian.gui.kiosk.window import KioskWindow

    settle, save = _helpers(app, runner, out)
    db = zoned_office(folder / "kiosk-zones.db")
    for width, height in ((1366, 768), (1080, 1920)):
        kiosk = KioskWindow(
            db, lambda work, done: runner.submit(work, done, done), print_slip=lambda slip: None,
            zones=("DUKCAPIL", "PAJAK"),
        )  # fmt: skip
        kiosk.resize(width, height)
        kiosk.show()
        settle()
        save(kiosk, f"kiosk-zones-{width}x{height}")
        kiosk.close()
    db.dispose()


def admin_zones_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The admin window's zones page at 1366x768: the sample MPP's zones, the first chosen; and the same
    page read-only, as a supervisor sees it."""
    from antrian.domain.roles import Actor, Role
    from antrian.gui.admin.zones.zones_page import ZonesPage

    settle, save = _helpers(app, runner, out)
    db = zoned_office(folder / "admin-zones.db")
    for role, name in (
        (Role.ADMIN, "admin-zones-1366x768"),
        (Role.SUPERVISOR, "admin-zones-read-only-1366x768"),
    ):
        page = ZonesPage(db, runner, Actor(role, None, role.value))
        page.resize(1366, 768)
        page.show()
        page.refresh()
        settle()
        save(page, name)
        page.close()
    db.dispose()


def counter_screens(app, runner, db, passwords, out: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from antrian.domain.desk import DeskAction
    from antrian.domain.timing import system_clock
    from antrian.gui.counter.window import CounterWindow

    settle, save = _helpers(app, runner, out)
    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    for number, (width, height) in ((1, (1366, 768)), (2, (1920, 1080))):
        size = f"{width}x{height}"
        user = f"petugas{number}"
        ahead = [timedelta()]  # how far this window's clock runs ahead: service time past the standard
        window = CounterWindow(
            db,
            background,
            number=number,
            username=user,
            password=passwords[user],
            clock=lambda ahead=ahead: system_clock() + ahead[0],
        )
        window.resize(width, height)
        window.show()
        settle()
        save(window, f"counter-login-{size}")
        window.log_in()
        settle()
        if window.view is not None and window.view.current is None:
            window.trigger(DeskAction.CALL_NEXT)
            settle()
        save(window, f"counter-called-{size}")
        window.trigger(DeskAction.START)
        settle()
        if window.dialog is not None:
            save(window.dialog, f"counter-priority-check-{size}")
            window.dialog.yes.click()
            settle()
        for minutes, name in ((13, "amber"), (25, "red")):
            ahead[0] = timedelta(minutes=minutes)
            window.show_times()
            settle()  # the layout takes in the new times, as the event loop does after a tick
            save(window, f"counter-serving-{name}-{size}")
        ahead[0] = timedelta()
        window.trigger(DeskAction.FINISH)
        settle()
        window.trigger(DeskAction.CALL_NUMBER)
        settle()
        if window.dialog is not None:
            save(window.dialog, f"counter-call-number-{size}")
            window.dialog.reject()
            settle()
        window.trigger(DeskAction.PAUSE)
        settle()
        if window.dialog is not None:
            window.dialog.accept()
            settle()
        save(window, f"counter-paused-{size}")
        window.close()  # the counter is still open (on a break): the panel asks first
        settle()
        if window.dialog is not None:
            save(window.dialog, f"counter-leave-{size}")
            window.dialog.leave_open.click()
            settle()
    counter_state_screens(app, runner, passwords, out)


def counter_state_screens(app, runner, passwords, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The panel's states at 1366x768 on a fresh office: the empty lists, an error where the operator looks,
    the mark of a display that cannot speak, and the question before taking over a colleague's counter."""
    from antrian.domain.desk import DeskAction
    from antrian.domain.messages import Message
    from antrian.domain.roles import SYSTEM
    from antrian.gui.counter.window import CounterWindow
    from antrian.services import counters, queue
    from antrian.services.demo import install_demo
    from antrian.services.login import authenticate
    from antrian.services.queries import events_after
    from antrian.services.stations import StationKind, report_station
    from antrian.store.database import open_database

    settle, save = _helpers(app, runner, out)
    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "states.db"), create=True)
        with db.write() as s:
            fresh = install_demo(s)
        window = CounterWindow(db, background, number=1, username="petugas1", password=fresh["petugas1"])
        window.resize(1366, 768)
        window.show()
        settle()
        window.log_in()
        settle()
        save(window, "counter-empty-1366x768")
        with db.write() as s:
            for code in "AABA":
                queue.issue_ticket(s, code, actor=SYSTEM)
        window.refresh()
        settle()
        window.trigger(DeskAction.CALL_NEXT)
        settle()
        save(window, "counter-busy-1366x768")
        window.trigger(DeskAction.FINISH)  # not started yet: refused, said above the buttons
        settle()
        save(window, "counter-error-1366x768")
        with db.write() as s:
            report_station(s, StationKind.DISPLAY, "PC-RUANG-TUNGGU", Message("speech.no_audio_device"))
        with db.read() as s:
            window.handle_events(events_after(s, 0, 10_000))
        settle()
        save(window, "counter-voice-mark-1366x768")
        with db.write() as s:  # another operator has counter 2 open: logging in there asks first
            actor = authenticate(s, "petugas2", fresh["petugas2"]).actor
            assert actor is not None
            counters.open_counter(s, 2, actor=actor)
        other = CounterWindow(db, background, number=2, username="petugas1", password=fresh["petugas1"])
        other.resize(1366, 768)
        other.show()
        settle()
        other.log_in()
        settle()
        if other.dialog is not None:
            save(other.dialog, "counter-takeover-1366x768")
            save(other, "counter-takeover-behind-1366x768")
            other.dialog.reject()
            settle()
        for shown in (window, other):
            shown.allow_close()
            shown.close()
        settle()
        db.dispose()


def supervisor_morning(path: str):  # type: ignore[no-untyped-def]
    """A morning of the demo office with 8 counters and 14 services, 08:00-10:30 Jakarta on a pinned clock:
    a citizen every two minutes, service times of 4 to 39 minutes (some over their standard),
    counter 4 on a lunch break, counter 8 never opened (so service H only grows), a display that cannot
    speak and a kiosk silent for 20 minutes; before it, the demo history of the 20 working days before.
    Returns the database, the clock at 10:30 and the passwords."""
    import random
    from datetime import UTC, datetime, timedelta

    from antrian.domain.errors import AntrianError
    from antrian.domain.messages import Message
    from antrian.domain.roles import SYSTEM
    from antrian.domain.timing import FixedClock
    from antrian.services import counters, queue
    from antrian.services.demo import install_demo
    from antrian.services.demo_history import install_history
    from antrian.services.stations import StationKind, report_station
    from antrian.services.users import actor_for, create_user
    from antrian.store.database import open_database

    db = open_database(path, create=True)
    start = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # Monday 08:00 in Jakarta
    clock = FixedClock(start)
    with db.write() as s:
        passwords = install_demo(s, counters=8, services=14)
        for number in range(5, 8):
            passwords[f"petugas{number}"] = "rahasia123"
            create_user(
                s, f"petugas{number}", f"Petugas Loket {number}", "operator", "rahasia123", actor=SYSTEM
            )
    install_history(db, days=20, clock=clock)  # four weeks before: the report's month has every chart full
    with db.read() as s:
        staff = {n: actor_for(s, f"petugas{n}") for n in range(1, 8)}
    lengths = (10, 15, 20, 20, 30)  # minutes, around the services' standards
    codes = "AAAABBBCCDDEFFGHHIJKLMN"
    rng = random.Random(30)
    busy: dict[int, tuple[str, float]] = {}  # counter -> (step, minute it ends)

    def write(work) -> object:  # type: ignore[no-untyped-def]
        with db.write() as s:
            return work(s)

    for number in range(1, 8):
        write(lambda s, n=number: counters.open_counter(s, n, actor=staff[n], clock=clock))
    for minute in range(0, 151):
        clock.now = start + timedelta(minutes=minute)
        if rng.random() < 0.5:
            code = rng.choice(codes)
            write(lambda s, c=code: queue.issue_ticket(s, c, clock=clock))
        for number in range(1, 8):
            step, until = busy.get(number, ("free", 0))
            actor = staff[number]
            if step == "called" and minute >= until:
                write(lambda s, n=number, a=actor: queue.start(s, n, actor=a, clock=clock))
                length = rng.choice(lengths) * rng.uniform(0.4, 1.3)
                busy[number] = ("serving", minute + length)
            elif step == "serving" and minute >= until:
                write(lambda s, n=number, a=actor: queue.finish(s, n, actor=a, clock=clock))
                busy[number] = ("free", 0)
            elif step == "free":
                if number == 4 and minute >= 125:
                    write(
                        lambda s, a=actor: counters.pause_counter(
                            s, 4, "Istirahat siang", actor=a, clock=clock
                        )
                    )
                    busy[number] = ("paused", 10_000)
                    continue
                try:
                    write(lambda s, n=number, a=actor: queue.call_next(s, n, actor=a, clock=clock))
                except AntrianError:
                    continue
                busy[number] = ("called", minute + 1)
        if minute in (130, 150):
            kiosk = "Anjungan 1" if minute == 150 else "Anjungan 2"
            write(lambda s, k=kiosk: report_station(s, StationKind.KIOSK, k, None, clock=clock))
    write(lambda s: report_station(s, StationKind.DISPLAY, "Layar Ruang Tunggu", None, clock=clock))
    problem = Message("speech.no_audio_device")
    write(lambda s: report_station(s, StationKind.DISPLAY, "Layar Lantai 2", problem, clock=clock))
    clock.now = start + timedelta(minutes=150, seconds=27)
    return db, clock, passwords


def supervisor_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    from antrian.gui.supervisor.report import MONTH
    from antrian.gui.supervisor.window import SupervisorWindow

    settle, save = _helpers(app, runner, out)
    db, clock, passwords = supervisor_morning(str(folder / "supervisor.db"))
    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    refused = SupervisorWindow(
        db, background, clock=clock, username="petugas1", password=passwords["petugas1"]
    )
    refused.resize(1366, 768)
    refused.show()
    refused.login.submit()
    settle()
    save(refused, "supervisor-refused-1366x768")
    refused.close()
    for width, height in ((1366, 768), (1920, 1080)):
        window = SupervisorWindow(
            db, background, clock=clock, username="supervisor", password=passwords["supervisor"]
        )
        window.resize(width, height)
        window.show()
        window.login.submit()
        settle()
        save(window, f"supervisor-{width}x{height}")
        window.tabs.setCurrentWidget(window.report_tab)
        settle()
        window.report_tab.kind.setCurrentIndex(MONTH)  # November: the history and this morning
        window.report_tab.show_report()
        settle()
        save(window, f"supervisor-report-{width}x{height}")
        window.report_tab.tables.setCurrentIndex(1)  # per counter: time open, serving, paused by reason
        settle()
        save(window, f"supervisor-report-counters-{width}x{height}")
        log_screen(window, settle)
        save(window, f"supervisor-log-{width}x{height}")
        window.close()
    db.dispose()


def admin_screens(app, runner, db, passwords, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The admin window at 1366x768: an operator refused, each page as the admin, a page as a supervisor."""
    from antrian.gui.admin.window import AdminWindow

    settle, save = _helpers(app, runner, out)
    refused = AdminWindow(db, runner, username="petugas1", password=passwords["petugas1"])
    refused.resize(1366, 768)
    refused.show()
    refused.login.submit()
    settle()
    save(refused, "admin-refused-1366x768")
    refused.close()
    for user in ("admin", "supervisor"):
        window = AdminWindow(db, runner, username=user, password=passwords[user])
        window.resize(1366, 768)
        window.show()
        window.login.submit()
        settle()
        for index, page in enumerate(window.page_widgets):
            window.page_list.setCurrentRow(index)
            settle()
            name = type(page).__name__.removesuffix("Page").lower()
            save(window, f"admin-{name}{'' if user == 'admin' else '-' + user}-1366x768")
            if name == "services":  # the standards' history of the first service, with "add a dated standard"
                page.tabs.setCurrentIndex(1)
                settle()
                save(window, "admin-services-history-1366x768")
            if user == "supervisor":
                break
        window.close()


def report_pdf_pages(folder: Path, out: Path) -> None:
    """The morning's compliance report as the evidence PDF, and each of its pages as a PNG."""
    from antrian.domain.roles import SYSTEM
    from antrian.printing.evidence_pdf import Signer, letterhead
    from antrian.printing.report_pdf import write_report_pdf
    from antrian.services.office import get_office
    from antrian.services.reports import compliance_report, standards_in_force

    db, clock, _ = supervisor_morning(str(folder / "report-pdf.db"))
    day = clock.now.date()
    with db.read() as s:
        office = get_office(s)
        report = compliance_report(s, day, day, actor=SYSTEM, standard_for=standards_in_force(s), clock=clock)
    db.dispose()
    path = out / "report-pdf.pdf"
    write_report_pdf(
        report, path, letterhead(office), Signer("Dra. Siti Rahmawati", "197203151998032004", "Jakarta")
    )
    _pdf_pages_as_png(path, out, "report-pdf")


def skm_pdf_pages(folder: Path, out: Path) -> None:
    """The SKM report of the morning as its evidence PDF, each page also as a PNG: a paper survey of most
    citizens served that morning (seeded answers, profiles and a few suggestions), so some services reach
    their sample and some do not."""
    import random

    from antrian.domain.roles import SYSTEM
    from antrian.domain.skm import PROFILE_CHOICES
    from antrian.printing.evidence_pdf import Signer, letterhead
    from antrian.printing.skm_pdf import write_skm_pdf
    from antrian.services.office import get_office
    from antrian.services.skm import Profile, skm_report, submit_answers

    db, clock, _ = supervisor_morning(str(folder / "skm-pdf.db"))
    day = clock.now.date()
    with db.read() as s:
        served = skm_report(s, SYSTEM, day, day, clock=clock).services
    pick = random.Random(14)
    suggestions = iter(
        [
            "Ruang tunggu kurang sejuk pada siang hari.",
            "Petugas ramah dan cepat, terima kasih.",
            "Mohon tambah kursi untuk lansia di dekat loket.",
            "Informasi persyaratan di papan pengumuman sebaiknya diperbarui.",
        ]
    )
    for entry in served:
        for _ in range(round(entry.figures.population * pick.choice((0.6, 0.9, 1.0)))):
            answers = [
                min(4, max(1, round(pick.gauss(mean, 0.6))))
                for mean in (3.4, 3.2, 2.8, 3.6, 3.3, 3.3, 3.5, 3.0, 2.9)
            ]
            given = pick.random() < 0.8
            profile = Profile(
                *(pick.choice(PROFILE_CHOICES[field]) if given else None for field in PROFILE_CHOICES)
            )
            with db.write() as s:
                submit_answers(
                    s,
                    SYSTEM,
                    service=entry.code,
                    day=day,
                    answers=answers,
                    profile=profile,
                    suggestion=next(suggestions, None) if pick.random() < 0.15 else None,
                    clock=clock,
                )
    with db.read() as s:
        office = get_office(s)
        report = skm_report(s, SYSTEM, day, day, clock=clock)
    db.dispose()
    path = out / "skm-pdf.pdf"
    write_skm_pdf(
        report, path, letterhead(office), Signer("Dra. Siti Rahmawati", "197203151998032004", "Jakarta")
    )
    _pdf_pages_as_png(path, out, "skm-pdf")


def _pdf_pages_as_png(path: Path, out: Path, name: str) -> None:
    """Each page of the PDF at ``path`` as ``name``-page-N.png, 150 dpi (read back with QtPdf, as a
    reader's viewer shows it)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(None)
    document.load(str(path))
    for page in range(document.pageCount()):
        document.render(page, QSize(1240, 1754)).save(str(out / f"{name}-page-{page + 1}.png"))
    document.close()


def supervisor_skm_screens(app, runner, folder: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The supervisor's SKM tab at 1366x768 on the morning of ``supervisor_morning`` with 120 paper forms of
    November (some with a profile and a suggestion): the index and its tables, the entry page with a form
    half typed, and a form refused (a ticket not served yet)."""
    import random
    from datetime import date, timedelta

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from antrian.domain.roles import SYSTEM
    from antrian.domain.skm import PROFILE_CHOICES
    from antrian.gui.supervisor.window import SupervisorWindow
    from antrian.services.skm import Profile, submit_answers

    settle, save = _helpers(app, runner, out)
    db, clock, passwords = supervisor_morning(str(folder / "skm.db"))
    rng = random.Random(14)
    suggestions = ["Ruang tunggu perlu kipas angin", "Petugas ramah, terima kasih", "Parkir motor sempit"]
    with db.write() as s:
        for number in range(120):
            day = date(2026, 11, 30) - timedelta(days=rng.randrange(28))
            mood = rng.choice((2, 3, 3, 3, 4, 4))
            answers = [max(1, min(4, mood + rng.choice((-1, 0, 0, 1)))) for _ in range(9)]
            answers[8] = max(1, answers[8] - 1)  # the facilities: the lowest element, as in many offices
            profile = (
                Profile(**{f: rng.choice(c) for f, c in PROFILE_CHOICES.items()}) if number % 3 else Profile()
            )
            submit_answers(
                s, SYSTEM, service=rng.choice("AAABBCDEF"), day=day, answers=answers, profile=profile,
                suggestion=suggestions[number % 3] if number % 10 == 0 else None, clock=clock,
            )  # fmt: skip
    window = SupervisorWindow(
        db, lambda work, done: runner.submit(work, done, done), clock=clock, username="supervisor",
        password=passwords["supervisor"],
    )  # fmt: skip
    window.resize(1366, 768)
    window.show()
    window.login.submit()
    settle()
    tab = window.skm_tab
    window.tabs.setCurrentWidget(tab)
    settle()
    save(window, "supervisor-skm-1366x768")
    for index, name in ((1, "services"), (2, "profile"), (3, "suggestions")):
        tab.tables.setCurrentIndex(index)
        settle()
        save(window, f"supervisor-skm-{name}-1366x768")
    page = tab.entry
    tab.pages.setCurrentWidget(page)
    window.activateWindow()
    settle()
    page.rows[0].setFocus()
    for digit in "434332":
        QTest.keyClick(app.focusWidget(), digit)
    page.profile["gender"].setCurrentIndex(2)
    page.profile["age"].setCurrentIndex(3)
    page.suggestion.setText("Antrean lebih tertib sekarang")
    settle()
    save(window, "supervisor-skm-entry-1366x768")
    for digit in "434":
        QTest.keyClick(app.focusWidget(), digit)
    waiting = next(s for s in window.snapshot.services if s.waiting)  # a ticket not served yet
    page.service.setCurrentIndex(page.service.findData(waiting.code))
    page.ticket.setText(waiting.waiting[0].label)
    QTest.keyClick(page.ticket, Qt.Key.Key_Return)
    settle()
    save(window, "supervisor-skm-entry-refused-1366x768")
    window.close()
    db.dispose()


def log_screen(window, settle) -> None:  # type: ignore[no-untyped-def]
    """The service-time log of the morning, sorted by service time (longest first), with the events of
    the first ticket over its standard beside it."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    from antrian.gui.supervisor.log_model import COLUMNS
    from antrian.services.ticket_log import LogColumn

    tab = window.log_tab
    window.tabs.setCurrentWidget(tab)
    settle()
    tab.show_log()
    settle()
    tab.view.sortByColumn(COLUMNS.index(LogColumn.SERVICE_TIME), Qt.SortOrder.DescendingOrder)
    settle()
    model = tab.model
    over = next((r for r in range(model.rowCount()) if (row := model.row(r)) and row.over_standard), 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    tab.view.selectionModel().select(tab.model.index(over, 0), flags)
    settle()


if __name__ == "__main__":
    raise SystemExit(main())
