"""Render windows offscreen to PNG so anyone can look at them.

    .venv/bin/python scripts/screenshots.py [--out out/screens]

Builds a sample office in a temporary SQLite file with some activity (tickets waiting, counters open, on a
break and closed, several calls), then grabs the display at 1366x768, 1920x1080 and 1080x1920 (portrait),
the kiosk (start, Pelayanan Khusus, the number taken, a printer failure) at 1080x1920 and 1920x1080, and the
counter panel (login, a ticket called, the priority check, service time amber and red past the standard, a
break, the call-number dialog) at 1366x768 and 1920x1080.
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
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db, events, passwords = sample_office(str(Path(folder) / "screens.db"))
        runner = TaskRunner(app)
        for width, height in ((1366, 768), (1920, 1080), (1080, 1920)):
            window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done))
            window.resize(width, height)
            window.show()
            runner.wait()
            app.processEvents()
            window.handle_events(events[-3:])
            window.set_voice_status("Suara tidak tersedia")
            runner.wait()
            app.processEvents()
            path = out / f"display-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
            window.close()
        from antrian.gui.kiosk.window import KioskWindow
        from antrian.printing.escpos import PrinterError

        def jammed(slip: object) -> None:
            raise PrinterError("printer usb:0416:5011 failed: kertas habis")

        for width, height in ((1080, 1920), (1920, 1080)):
            printed: list[object] = []
            background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
            kiosk = KioskWindow(db, background, print_slip=printed.append)
            kiosk.resize(width, height)
            kiosk.show()
            runner.wait()
            app.processEvents()
            for name, page in (("start", 0), ("priority", 1)):
                kiosk.pages.setCurrentIndex(page)
                app.processEvents()
                path = out / f"kiosk-{name}-{width}x{height}.png"
                kiosk.grab().save(str(path))
                print(path)
            kiosk.pages.setCurrentIndex(0)
            kiosk._print = jammed if width > height else printed.append
            kiosk.take("B")
            runner.wait()
            app.processEvents()
            path = out / f"kiosk-number-{width}x{height}.png"
            kiosk.grab().save(str(path))
            print(path)
            kiosk.close()
        counter_screens(app, runner, db, passwords, out)
        db.dispose()
    return 0


def counter_screens(app, runner, db, passwords, out: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from antrian.domain.desk import DeskAction
    from antrian.domain.timing import system_clock
    from antrian.gui.counter.window import CounterWindow

    def settle() -> None:
        for _ in range(6):
            runner.wait()
            app.processEvents()

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)

    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    for number, (width, height) in ((1, (1366, 768)), (2, (1920, 1080))):
        size = f"{width}x{height}"
        user = f"petugas{number}"
        ahead = [timedelta()]  # how far this window's clock runs ahead: service time past the standard
        window = CounterWindow(
            db, background, number=number, username=user, password=passwords[user],
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
            window._show_times()
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
        window.close()


if __name__ == "__main__":
    raise SystemExit(main())
