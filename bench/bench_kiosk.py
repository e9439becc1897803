"""Kiosk benchmark: a tap -> the ticket committed and its number shown, while 4 other processes issue.

The kiosk window runs offscreen in this process on a fresh SQLite file (or PostgreSQL schema); 4 other
processes issue tickets through the service layer as fast as they can the whole time. Each tap calls the
window's ``take`` (what a button's click does) and the clock stops at its ``ticketShown`` signal, which the
window emits right after repainting the number. Printing is not included (the print target is a no-op).

    .venv/bin/python bench/bench_kiosk.py [--backend sqlite|postgres|both] [--taps 200]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import PgSchema, seed_office  # noqa: E402

from ceiling import announce  # noqa: E402 (bench/ceiling.py, beside this script)

TARGET_P95_MS = 150.0


def hammer(url: str, stop: object, counter: object) -> None:
    from antrian.services.queue import issue_ticket
    from antrian.store.database import open_database

    db = open_database(url)
    while not stop.is_set():  # type: ignore[attr-defined]
        with db.write() as session:
            issue_ticket(session, "B")
        with counter.get_lock():  # type: ignore[attr-defined]
            counter.value += 1  # type: ignore[attr-defined]
    db.dispose()


def measure(url: str, taps: int) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from antrian.gui.kiosk.window import KioskWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.store.database import open_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(url, create=True)
    seed_office(db)
    runner = TaskRunner()
    window = KioskWindow(db, lambda w, d: runner.submit(w, d, d), print_slip=lambda slip: None)
    window.resize(1080, 1920)
    window.show()
    runner.wait()
    app.processEvents()
    ctx = multiprocessing.get_context("spawn")
    stop, counter = ctx.Event(), ctx.Value("i", 0)
    others = [ctx.Process(target=hammer, args=(url, stop, counter)) for _ in range(4)]
    for process in others:
        process.start()
    time.sleep(3)  # the other processes are up and issuing
    issued_before = counter.value
    latencies = []
    started = time.monotonic()
    try:
        for _ in range(taps):
            loop = QEventLoop()
            window.ticketShown.connect(loop.quit)
            QTimer.singleShot(10_000, loop.quit)
            t0 = time.perf_counter()
            window.take("A")
            loop.exec()
            latencies.append((time.perf_counter() - t0) * 1000)
            window.ticketShown.disconnect(loop.quit)
            window.go_home()
            app.processEvents()
    finally:
        elapsed = time.monotonic() - started
        others_rate = (counter.value - issued_before) / elapsed
        stop.set()
        for process in others:
            process.join(30)
        runner.wait()
        window.close()
        db.dispose()
    latencies.sort()
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * len(latencies)) - 1],
        "max": latencies[-1],
        "others_per_s": others_rate,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--taps", type=int, default=200)
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for backend in ["sqlite", "postgres"] if args.backend == "both" else [args.backend]:
            ceiling = announce(backend, writers=4)
            schema = PgSchema() if backend == "postgres" else None
            try:
                result = measure(schema.url if schema else str(Path(folder) / "kiosk.db"), args.taps)
            finally:
                if schema:
                    schema.drop()
            ok = result["p95"] <= TARGET_P95_MS
            failed |= not ok
            print(
                f"{backend:<9} tap -> shown: taps={args.taps} p50={result['p50']:.1f} ms "
                f"p95={result['p95']:.1f} ms "
                f"max={result['max']:.1f} ms while 4 processes issued {result['others_per_s']:.0f} tickets/s "
                f"(target p95 <= {TARGET_P95_MS:.0f} ms) {'PASS' if ok else 'FAIL'}"
            )
            print(
                f"{backend:<9} p95 = {ceiling.latency_ratio(result['p95'])}; the others issued at "
                f"{ceiling.ratio(result['others_per_s'])}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
