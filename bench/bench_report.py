"""Compliance report benchmark: a day, a month and a year of ``bench/year.py``'s 1.5 million tickets.

The year is generated once per database and cached (a SQLite file under /tmp/antrian-bench-year, a schema
``bench_year_vN`` in the PostgreSQL database ``test``); ``--rebuild`` makes it again. Measured:

- **report**: wall time of ``compliance_report`` + ``json_report`` + ``json.dumps`` in this process, in one
  read transaction, the best and the median of ``--repeat`` runs (the year: ``--year-repeat``);
- **command**: ``antrian report --format csv|json -o FILE`` of the year (and the month) as a child process:
  its wall time and peak resident memory (the child's VmHWM, printed by a wrapper as it exits).

    .venv/bin/python bench/bench_report.py --backend both            # ~2 min once the year is cached
    .venv/bin/python bench/bench_report.py --backend sqlite --only day,month

Targets (issue 13): day <= 100 ms, month <= 500 ms, year <= 3 s, peak memory <= 500 MB. Every figure is
printed with the machine's 1-minute load average after it (other processes slow the wall times).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import year as year_module
from ceiling import announce

TARGETS_S = {"day": 0.1, "month": 0.5, "year": 3.0}
TARGET_RSS_MB = 500.0
DAY = date(2026, 11, 16)  # a Monday
MONTH = (date(2026, 11, 1), date(2026, 11, 30))


def load() -> float:
    return os.getloadavg()[0]


def periods() -> dict[str, tuple[date, date]]:
    return {"day": (DAY, DAY), "month": MONTH, "year": (year_module.FIRST_DAY, year_module.LAST_DAY)}


def refresh(url: str) -> tuple[int, float]:
    """Build the roll-ups of the year's closed days (all of them: the year is over); days built, seconds."""
    from antrian.services.rollups import refresh_report_days
    from antrian.store.database import open_database

    db = open_database(url)
    try:
        began = time.perf_counter()
        with db.write() as session:
            built = refresh_report_days(session, year_module.FIRST_DAY, year_module.LAST_DAY)
        return built, time.perf_counter() - began
    finally:
        db.dispose()


def time_report(url: str, start: date, end: date, repeat: int, rolled: bool = True) -> dict[str, float]:
    """Seconds of compliance_report + json_report + json.dumps, best and median of ``repeat`` runs."""
    from antrian.domain.roles import SYSTEM
    from antrian.reports.exports import json_report
    from antrian.services.reports import compliance_report, standards_in_force
    from antrian.store.database import open_database

    db = open_database(url)
    samples: list[float] = []
    try:
        for _ in range(repeat):
            began = time.perf_counter()
            with db.read() as session:
                report = compliance_report(
                    session,
                    start,
                    end,
                    actor=SYSTEM,
                    standard_for=standards_in_force(session),
                    use_rollups=rolled,
                )
                text = json.dumps(json_report(report))
            samples.append(time.perf_counter() - began)
            del report, text
    finally:
        db.dispose()
    return {"best_s": min(samples), "median_s": statistics.median(samples)}


# Runs ``antrian`` as ``python -m antrian`` would, then prints the process's peak resident memory (VmHWM,
# which starts again at exec: ru_maxrss would also count this benchmark's own memory, copied at fork).
_WRAPPER = """
import atexit, os, runpy, sys
def peak():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    sys.stderr.write("PEAK_KB " + line.split()[1] + "\\n")
atexit.register(peak)
exit_now = os._exit  # the CLI ends with os._exit, which skips atexit
def finish(code):
    peak()
    sys.stderr.flush()
    exit_now(code)
os._exit = finish
sys.argv = ["antrian", *sys.argv[1:]]
runpy.run_module("antrian", run_name="__main__")
"""


def run_command(url: str, start: date, end: date, fmt: str) -> dict[str, float]:
    """``antrian report`` as a child process: wall seconds, peak RSS in MB, output size in MB."""
    with tempfile.TemporaryDirectory(prefix="antrian-bench-report-") as folder:
        out = Path(folder) / f"report.{fmt}"
        command = [sys.executable, "-c", _WRAPPER, "report", "--db", url, "--from", start.isoformat(),
                   "--to", end.isoformat(), "--format", fmt, "-o", str(out)]  # fmt: skip
        began = time.perf_counter()
        child = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - began
        error = child.stderr.decode()
        if child.returncode != 0:
            raise RuntimeError(f"antrian report failed ({child.returncode}): {error.strip()}")
        peak_kb = int(error.rsplit("PEAK_KB ", 1)[1].split()[0])
        return {"wall_s": wall, "peak_rss_mb": peak_kb / 1024, "file_mb": out.stat().st_size / 2**20}


def bench(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    began = time.perf_counter()
    if backend == "sqlite":
        loaded = year_module.sqlite_year(Path(args.sqlite), rebuild=args.rebuild)
    else:
        loaded = year_module.postgres_year(args.pg_url, rebuild=args.rebuild)
    print(f"[{backend}] year ready in {time.perf_counter() - began:.1f} s", flush=True)
    results: dict[str, Any] = {}
    if args.rollups:
        for step in ("build", "refresh"):  # the first builds what is missing, the second finds nothing to do
            built, seconds = refresh(loaded.url)
            print(f"[{backend}] roll-ups: {step} {built} days in {seconds:.2f} s", flush=True)
            results[f"rollups_{step}"] = {"days": built, "seconds": seconds}
    for name, (start, end) in periods().items():
        if name not in args.only or not args.timing:
            continue
        repeat = args.year_repeat if name == "year" else args.repeat
        figures = time_report(loaded.url, start, end, repeat, args.rollups)
        figures["load"] = load()
        ok = "ok" if figures["best_s"] <= TARGETS_S[name] else "OVER TARGET"
        print(
            f"[{backend}] {name:5s} report+json best {figures['best_s'] * 1000:9.1f} ms  median "
            f"{figures['median_s'] * 1000:9.1f} ms  (target {TARGETS_S[name] * 1000:.0f} ms: {ok}), "
            f"load {figures['load']:.1f}",
            flush=True,
        )
        results[name] = figures
    for name in ("month", "year"):
        if name not in args.only or not args.commands:
            continue
        start, end = periods()[name]
        for fmt in ("json", "csv"):
            figures = run_command(loaded.url, start, end, fmt)
            figures["load"] = load()
            ok = "ok" if figures["peak_rss_mb"] <= TARGET_RSS_MB else "OVER TARGET"
            print(
                f"[{backend}] antrian report {name} --format {fmt}: {figures['wall_s']:.2f} s, peak RSS "
                f"{figures['peak_rss_mb']:.0f} MB ({ok}), file {figures['file_mb']:.1f} MB, "
                f"load {figures['load']:.1f}",
                flush=True,
            )
            results[f"command_{name}_{fmt}"] = figures
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument(
        "--pg-url", default=os.environ.get("ANTRIAN_BENCH_PG_URL", year_module.DEFAULT_PG_URL)
    )
    parser.add_argument("--sqlite", default=str(year_module.DEFAULT_SQLITE), help="the cached year's file")
    parser.add_argument("--rebuild", action="store_true", help="generate the year again")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the day and the month")
    parser.add_argument("--year-repeat", type=int, default=2, help="runs of the year")
    parser.add_argument("--only", default="day,month,year", help="periods to measure")
    parser.add_argument("--no-commands", dest="commands", action="store_false", help="skip the CLI runs")
    parser.add_argument("--no-timing", dest="timing", action="store_false", help="only the CLI runs")
    parser.add_argument(
        "--no-rollups", dest="rollups", action="store_false", help="read every ticket (the raw pass)"
    )
    parser.add_argument("--json", help="write the figures here too")
    args = parser.parse_args()
    args.only = set(args.only.split(","))
    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    results = {}
    for backend in backends:
        ceiling = announce(backend)  # reports read: their wall times move with the machine's load, shown here
        results[backend] = {**bench(backend, args), "ceiling_commits_per_s": ceiling.commits_per_s}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
