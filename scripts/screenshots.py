"""Render windows offscreen to PNG so anyone can look at them.

    .venv/bin/python scripts/screenshots.py [--out out/screens]

Builds a sample office in a temporary SQLite file with some activity (tickets waiting, counters open, on a
break and closed, several calls), then grabs the display at 1366x768, 1920x1080 and 1080x1920 (portrait),
and the kiosk (start, Pelayanan Khusus, the number taken, a printer failure) at 1080x1920 and 1920x1080.
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

    db = open_database(path)
    with db.write() as s:
        install_demo(s)
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
    with db.read() as s:
        events = events_after(s, 0, 10_000)
    return db, events


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
        db, events = sample_office(str(Path(folder) / "screens.db"))
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
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
