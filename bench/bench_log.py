"""Service-time log benchmark: the supervisor's log page over ``bench/year.py``'s 1.5 million tickets.

For each database, in a child process of its own (so its peak memory is its own), and for each order (issue
time, waiting longest first) over the whole year:

- **open**: what the window's worker does on "Show" or a header click (``LogReader.open``): the filter's
  ordered ids (``log_snapshot``, its length is the count) and the rows of its first page, in one read;
- **pages**: every further page to the end (``LogReader.rows``, 200 rows each): p50 / p95 / max and the total;
- **gui** (issue order): a ``LogTab`` offscreen, shown: the time to the first page, to the last row after a
  jump to the end, and to each page's first row as the table scrolls a page (200 rows) at a time from the top
  to the end; the longest time the GUI thread spent in one step (a result handled, or a scroll with its
  repaint), and how many pages the model kept;
- **peak RSS** of the child (VmHWM).

The year is the cached one of ``bench/year.py`` (generated once per database when missing; it is migrated to
this version's schema). ``--sqlite FILE`` / ``--pg-schema NAME`` use another copy of it instead (it is
migrated too), e.g. a copy made while another branch's benchmark used the shared cache.

    .venv/bin/python bench/bench_log.py --backend both                 # ~10 min once the year is cached
    .venv/bin/python bench/bench_log.py --backend sqlite --sqlite /tmp/antrian-bench-year-log2/year.db

Targets (issue 13, point 2): first page <= 1.5 s, every further page <= 100 ms, no visible stall.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import year as year_module
from ceiling import announce

TARGET_OPEN_S = 1.5
TARGET_PAGE_S = 0.1
PAGE = 200


def peak_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def url_for(backend: str, args: argparse.Namespace) -> str:
    """The year's database URL, migrated to this version's schema."""
    from antrian.store.database import open_database

    if backend == "sqlite":
        if args.sqlite is None:
            return year_module.sqlite_year().url
        url = f"sqlite:///{args.sqlite}"
    elif args.pg_schema is None:
        return year_module.postgres_year(args.pg_url).url
    else:
        separator = "&" if "?" in args.pg_url else "?"
        url = f"{args.pg_url}{separator}options={quote(f'-csearch_path={args.pg_schema}')}"
    open_database(url, create=True).dispose()
    return url


def spread(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "pages": len(ordered),
        "p50_ms": 1000 * statistics.median(ordered),
        "p95_ms": 1000 * ordered[max(0, -(-len(ordered) * 95 // 100) - 1)],
        "max_ms": 1000 * ordered[-1],
        "total_s": sum(ordered),
    }


def walk(url: str, column: str, descending: bool) -> dict[str, Any]:
    """Open the year's log in one order, then read every page to the end, as the worker does."""
    from antrian.domain.roles import SYSTEM
    from antrian.gui.supervisor.log import LogReader
    from antrian.services.ticket_log import LogColumn, LogFilter, LogSort
    from antrian.store.database import open_database

    db = open_database(url)
    try:
        reader = LogReader(db, SYSTEM)
        where = LogFilter(year_module.FIRST_DAY, year_module.LAST_DAY)
        began = time.perf_counter()
        snapshot, first = reader.open(where, LogSort(LogColumn(column), descending), PAGE)
        opened = time.perf_counter() - began
        samples, rows = [], len(first)
        for start in range(PAGE, len(snapshot), PAGE):
            began = time.perf_counter()
            rows += len(reader.rows(snapshot.page(start, PAGE)))
            samples.append(time.perf_counter() - began)
        assert rows == len(snapshot), (rows, len(snapshot))
        return {"open_s": opened, "count": len(snapshot), **spread(samples)}
    finally:
        db.dispose()


def gui(url: str, pages: int | None = None) -> dict[str, Any]:
    """A LogTab offscreen, shown, with the year in issue order: the first page, a jump to the end, then the
    table scrolled a page at a time from the top to the end; how long the GUI thread spent in one step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from antrian.domain.roles import SYSTEM
    from antrian.gui.supervisor.log import LogTab
    from antrian.gui.tasks import TaskRunner
    from antrian.store.database import open_database

    app = QApplication.instance() or QApplication([])
    db = open_database(url)
    runner = TaskRunner()
    # GUI-thread time, with what it was: each result handled, each scroll with its repaint
    steps: list[tuple[float, str]] = []

    def timed(done: Callable[[Any], None]) -> Callable[[Any], None]:
        def handle(result: Any) -> None:
            began = time.perf_counter()
            done(result)
            opened = isinstance(result, tuple) and bool(result) and hasattr(result[0], "ids")
            steps.append((time.perf_counter() - began, "the snapshot" if opened else "a page"))

        return handle

    def background(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        runner.submit(work, timed(done), timed(done))

    tab = LogTab(db, background, lambda: SYSTEM, lambda: None)
    try:
        tab.resize(1366, 700)
        tab.show()
        first, last = year_module.FIRST_DAY, year_module.LAST_DAY
        tab.first.setDate(QDate(first.year, first.month, first.day))
        tab.last.setDate(QDate(last.year, last.month, last.day))
        model, view = tab.model, tab.view
        began = time.perf_counter()
        tab.show_log()
        settle(app, lambda: model.rowCount() > 0 or not model.loading)
        first_page = time.perf_counter() - began
        rows = model.rowCount()

        def show(number: int) -> float:
            """Scroll row ``number`` to the top; seconds until it is on screen with its times."""
            began = time.perf_counter()
            view.scrollTo(model.index(number, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            view.viewport().repaint()
            steps.append((time.perf_counter() - began, "a scroll"))
            settle(app, lambda: model.row(number) is not None)
            view.viewport().repaint()
            return time.perf_counter() - began

        end = show(rows - 1)
        began = time.perf_counter()
        waits = [show(number) for number in range(0, rows, PAGE)[:pages]]
        total = time.perf_counter() - began
        return {
            "first_page_s": first_page,
            "rows": rows,
            "pages_scrolled": len(waits),
            "end_s": end,
            "page_p95_ms": 1000 * sorted(waits)[-(-len(waits) * 95 // 100) - 1],
            "page_max_ms": 1000 * max(waits),
            "to_the_end_s": total,
            "longest_gui_step_ms": 1000 * max(steps)[0],
            "longest_gui_step": max(steps)[1],
            "p95_gui_step_ms": 1000 * sorted(steps)[-(-len(steps) * 95 // 100) - 1][0],
            "pages_kept": len(model.pages),
        }
    finally:
        runner.wait(60_000)
        tab.close()
        tab.deleteLater()
        db.dispose()


def settle(app: Any, done: Callable[[], bool], deadline_s: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + deadline_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the log did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # until the worker posts


def child(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    url = url_for(backend, args)
    figures: dict[str, Any] = {"backend": backend}
    for column, descending in () if args.gui_only else (("issued", False), ("waiting", True)):
        figures[f"{column}{' desc' if descending else ''}"] = walk(url, column, descending)
    if not args.no_gui:
        figures["gui"] = gui(url, args.gui_pages)
    figures["peak_rss_mb"] = peak_mb()
    return figures


def show(figures: dict[str, Any]) -> None:
    print(f"== {figures['backend']}  (peak RSS {figures['peak_rss_mb']:.0f} MB)")
    for name, v in figures.items():
        if not isinstance(v, dict):
            continue
        if name == "gui":
            print(
                f"  gui (issued): first page {v['first_page_s']:.3f} s, the end {1000 * v['end_s']:.0f} ms; "
                f"{v['pages_scrolled']} pages of {v['rows']} rows scrolled in {v['to_the_end_s']:.1f} s "
                f"(a page p95 "
                f"{v['page_p95_ms']:.1f} / max {v['page_max_ms']:.1f} ms); longest GUI-thread step "
                f"{v['longest_gui_step_ms']:.1f} ms ({v['longest_gui_step']}; "
                f"p95 {v['p95_gui_step_ms']:.1f}); "
                f"pages kept {v['pages_kept']}"
            )
            continue
        met = v["open_s"] <= TARGET_OPEN_S and v["max_ms"] <= 1000 * TARGET_PAGE_S
        print(
            f"  {name:<12} count {v['count']}: open + first page {v['open_s']:.3f} s; {v['pages']} more "
            f"pages p50 {v['p50_ms']:.1f} / p95 {v['p95_ms']:.1f} / max {v['max_ms']:.1f} ms, "
            f"total {v['total_s']:.1f} s{'' if met else '  (target missed)'}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--sqlite", type=Path, help="a copy of the year's SQLite file (default: the cache)")
    parser.add_argument(
        "--pg-url", default=os.environ.get("ANTRIAN_BENCH_PG_URL", year_module.DEFAULT_PG_URL)
    )
    parser.add_argument("--pg-schema", help="a copy of the year's PostgreSQL schema (default: the cache)")
    parser.add_argument("--no-gui", action="store_true", help="skip the LogTab measure")
    parser.add_argument("--gui-only", action="store_true", help="only the LogTab measure")
    parser.add_argument("--gui-pages", type=int, help="scroll only this many pages (default: to the end)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.backend, args)))
        return 0
    results = []
    for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
        announce("postgres" if backend == "postgresql" else backend)
        command = [sys.executable, __file__, "--child", "--backend", backend, "--pg-url", args.pg_url]
        if args.sqlite is not None:
            command += ["--sqlite", str(args.sqlite)]
        if args.pg_schema is not None:
            command += ["--pg-schema", args.pg_schema]
        if args.no_gui:
            command.append("--no-gui")
        if args.gui_only:
            command.append("--gui-only")
        if args.gui_pages is not None:
            command += ["--gui-pages", str(args.gui_pages)]
        done = subprocess.run(command, stdout=subprocess.PIPE, check=True, text=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        show(figures)
        results.append(figures)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
