"""Queue benchmark: issue and call-next throughput, call-next latency against history, CLI cold start.

Everything goes through the service layer (``Database.write()`` + ``antrian.services``) on a fresh database
the script creates itself: a temporary SQLite file, or a new schema in the PostgreSQL database ``test`` at
127.0.0.1:5432 (user postgres), dropped at the end. History rows are bulk-loaded with raw SQL (executemany on
SQLite, COPY on PostgreSQL) because a million ``issue_ticket`` calls would take over an hour.

    .venv/bin/python bench/bench_queue.py --backend both           # the full run (a few minutes)
    .venv/bin/python bench/bench_queue.py --backend sqlite --quick  # a smoke run (under a minute)
    .venv/bin/python bench/bench_queue.py --backend sqlite --profile  # where one transaction's time goes

A "cycle" at a counter is ``call_next`` in one transaction, then ``start`` + ``finish`` in a second one: the
domain only finishes a ticket that is being served (called -> serving -> done), so ``finish`` straight after
``call_next`` would be an illegal transition.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import multiprocessing as mp
import os
import platform
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from antrian.domain.labels import format_label
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import Clock
from antrian.store.database import Database, open_database
from ceiling import Ceiling, measure  # bench/ceiling.py, beside this script

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ZONE_NAME = "Asia/Jakarta"
ZONE = ZoneInfo(ZONE_NAME)
SERVICE_CODES = ("A", "B", "C", "D")
COUNTERS = (1, 2, 3, 4)
PRIORITY_EVERY = 10  # one pre-filled waiting ticket in ten is a priority ticket (lansia)
HISTORY_PER_DAY = 2_000  # finished tickets per past service day
HISTORY_TODAY = 1_000  # finished tickets of today inside the history
HISTORY_WAITING = 600  # waiting tickets today in the history measurement
WARMUP = 3  # untimed transactions per worker before the common start
BARRIER_TIMEOUT_S = 300

TARGET_ISSUE_4P = 1_500.0  # tickets/s, on both databases (issue 16)
TARGET_CALL_P99_MS = 10.0
TARGET_CLI_S = 0.5

TICKET_COLUMNS = (
    "service_id",
    "service_day",
    "sequence",
    "label",
    "priority_group",
    "status",
    "place_at",
    "issued_at",
    "first_called_at",
    "last_called_at",
    "started_at",
    "finished_at",
    "counter_id",
    "operator_id",
    "call_count",
    "parent_id",
)


# --------------------------------------------------------------------------------------------- clock, stats


class BenchClock:
    """A pinned working day: ``base`` (a UTC instant) plus the real time elapsed since ``wall0``.

    Time moves as in production, but the service day cannot roll over during a run; the instance pickles, so
    every spawned worker shares the same clock.
    """

    def __init__(self, base: float, wall0: float) -> None:
        self.base = base
        self.wall0 = wall0

    def __call__(self) -> datetime:
        return datetime.fromtimestamp(self.base + (time.time() - self.wall0), UTC)

    @property
    def today(self) -> date:
        return self().astimezone(ZONE).date()


def make_clock() -> BenchClock:
    """Today (office time), 14:00: the morning's tickets lie in the past, the day is far from midnight."""
    today = datetime.now(ZONE).date()
    base = datetime(today.year, today.month, today.day, 14, 0, tzinfo=ZONE).timestamp()
    return BenchClock(base, time.time())


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 500 samples is the 5th slowest)."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summary(latencies_s: Sequence[float]) -> dict[str, float]:
    ms = [x * 1000 for x in latencies_s]
    return {
        "n": len(ms),
        "p50_ms": percentile(ms, 0.50),
        "p99_ms": percentile(ms, 0.99),
        "max_ms": max(ms) if ms else math.nan,
        "mean_ms": statistics.fmean(ms) if ms else math.nan,
    }


# ------------------------------------------------------------------------------------------------ backends


class Backend:
    name = ""

    def new_url(self) -> str:
        raise NotImplementedError

    def cleanup(self) -> None:
        raise NotImplementedError


class SqliteBackend(Backend):
    name = "sqlite"

    def __init__(self, tmpdir: str | None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="antrian-bench-", dir=tmpdir))
        self.count = 0

    def new_url(self) -> str:
        self.count += 1
        return str(self.folder / f"bench{self.count}.db")

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class PostgresBackend(Backend):
    name = "postgres"

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.conninfo = base_url.replace("postgresql+psycopg://", "postgresql://")
        self.schemas: list[str] = []

    def problem(self) -> str | None:
        import psycopg

        try:
            with psycopg.connect(self.conninfo, connect_timeout=3):
                return None
        except Exception as error:  # any failure means "not usable here"
            return f"PostgreSQL not reachable at {self.base_url}: {str(error).strip().splitlines()[0]}"

    def new_url(self) -> str:
        import psycopg

        name = f"bench_{secrets.token_hex(6)}"
        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{name}"')
        self.schemas.append(name)
        separator = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{separator}options={quote(f'-csearch_path={name}')}"

    def cleanup(self) -> None:
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            for name in self.schemas:
                connection.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        self.schemas.clear()


def schema_of(url: str) -> str | None:
    """The schema named in a PostgreSQL bench URL (``options=-csearch_path=...``), None for SQLite."""
    if "search_path" not in url:
        return None
    from urllib.parse import unquote

    return unquote(url).split("search_path=", 1)[1].split("&", 1)[0]


# ------------------------------------------------------------------------------------------ office set-up


@dataclass
class Office:
    url: str
    service_ids: dict[str, int]
    counter_ids: dict[int, int]


def set_up_office(url: str) -> Office:
    """Create the schema and the office: services A-D always open without quota, counters 1-4 serving all."""
    from sqlalchemy import select

    from antrian.services.office import update_office
    from antrian.services.setup import save_counter, save_service
    from antrian.store.models import Counter, Service

    db = open_database(url, create=True)
    try:
        with db.write() as session:
            update_office(session, SYSTEM, name="Kantor Benchmark", timezone=ZONE_NAME, priority_interleave=2)
            for order, code in enumerate(SERVICE_CODES):
                save_service(
                    session,
                    code,
                    f"Layanan {code}",
                    actor=SYSTEM,
                    standard_time=15,
                    open_days="1234567",
                    display_order=order,
                )
            for number in COUNTERS:
                save_counter(session, number, f"Loket {number}", list(SERVICE_CODES), actor=SYSTEM)
        with db.read() as session:
            services = {code: sid for sid, code in session.execute(select(Service.id, Service.code))}
            counters = {number: cid for cid, number in session.execute(select(Counter.id, Counter.number))}
    finally:
        db.dispose()
    return Office(url, services, counters)


def open_counters(url: str, clock: Clock, numbers: Sequence[int]) -> float:
    """Open the counters with the SYSTEM actor; returns the seconds the first ``open_counter`` took."""
    from antrian.services.counters import open_counter

    db = open_database(url)
    first = math.nan
    try:
        for number in numbers:
            started = time.perf_counter()
            with db.write() as session:
                open_counter(session, number, actor=SYSTEM, clock=clock)
            if math.isnan(first):
                first = time.perf_counter() - started
    finally:
        db.dispose()
    return first


# --------------------------------------------------------------------------------------- bulk ticket rows


def _instant(day: date, seconds: int, postgres: bool) -> str:
    """The text of a UTC instant ``seconds`` after ``day`` 00:00 UTC, as each backend stores it."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{day.isoformat()} {hours:02d}:{minutes:02d}:{secs:02d}"
    return text + "+00" if postgres else text + ".000000"


def history_rows(
    office: Office, today: date, total: int, postgres: bool
) -> tuple[Iterator[tuple[Any, ...]], dict[tuple[int, str], int]]:
    """Finished tickets: ``HISTORY_TODAY`` of them today (issued 08:00-10:00 WIB), the rest on past days.

    Returns the rows (lazily) and the last ticket number per (service id, day text).
    """
    today_count = min(HISTORY_TODAY, total)
    past = total - today_count
    days: list[tuple[date, int]] = []
    back = 1
    while past > 0:
        count = min(HISTORY_PER_DAY, past)
        days.append((today - timedelta(days=back), count))
        past -= count
        back += 1
    days.reverse()
    if today_count:
        days.append((today, today_count))
    numbers: dict[tuple[int, str], int] = {}
    for day, count in days:
        for index, code in enumerate(SERVICE_CODES):
            served = count // len(SERVICE_CODES) + (1 if index < count % len(SERVICE_CODES) else 0)
            if served:
                numbers[(office.service_ids[code], day.isoformat())] = served
    counter_ids = list(office.counter_ids.values())

    def rows() -> Iterator[tuple[Any, ...]]:
        services = [(code, office.service_ids[code]) for code in SERVICE_CODES]
        for day, count in days:
            day_text = day.isoformat()
            span = 7_200 if day == today else 8 * 3_600  # today: 08:00-10:00 WIB; past: 08:00-16:00 WIB
            for i in range(count):
                code, service_id = services[i % 4]
                sequence = i // 4 + 1
                issued = 3_600 + (i * span) // count  # 01:00 UTC = 08:00 WIB
                kind = i % 50
                called: str | None = _instant(day, issued + 900, postgres)
                issued_text = _instant(day, issued, postgres)
                started: str | None = None
                finished: str | None = None
                if kind < 46:  # served
                    status = "done"
                    started = _instant(day, issued + 960, postgres)
                    finished = _instant(day, issued + 1_500, postgres)
                elif kind < 49:  # called, did not come
                    status = "no_show"
                else:  # cancelled before being called
                    status, called = "cancelled", None
                    finished = _instant(day, issued + 60, postgres)
                yield (
                    service_id,
                    day_text,
                    sequence,
                    format_label(code, sequence),
                    "lansia" if i % PRIORITY_EVERY == 0 else None,
                    status,
                    issued_text,
                    issued_text,
                    called,
                    called,
                    started,
                    finished,
                    None if called is None else counter_ids[i % len(counter_ids)],
                    None,
                    0 if called is None else 1,
                    None,
                )

    return rows(), numbers


def waiting_rows(
    office: Office, today: date, count: int, first_numbers: dict[str, int], postgres: bool
) -> tuple[list[tuple[Any, ...]], dict[tuple[int, str], int]]:
    """``count`` waiting tickets of today, issued 10:00-14:00 WIB, numbered after ``first_numbers``."""
    rows: list[tuple[Any, ...]] = []
    numbers: dict[tuple[int, str], int] = {}
    next_number = {code: first_numbers.get(code, 0) + 1 for code in SERVICE_CODES}
    for i in range(count):
        code = SERVICE_CODES[i % 4]
        sequence = next_number[code]
        next_number[code] += 1
        issued = _instant(today, 3 * 3_600 + (i * 4 * 3_600) // max(count, 1), postgres)
        rows.append(
            (
                office.service_ids[code],
                today.isoformat(),
                sequence,
                format_label(code, sequence),
                "lansia" if i % PRIORITY_EVERY == PRIORITY_EVERY - 1 else None,
                "waiting",
                issued,
                issued,
                None,
                None,
                None,
                None,
                None,
                None,
                0,
                None,
            )
        )
        numbers[(office.service_ids[code], today.isoformat())] = sequence
    return rows, numbers


def bulk_insert(office: Office, rows: Iterator[tuple[Any, ...]], numbers: dict[tuple[int, str], int]) -> None:
    """Insert ticket rows and set the numbering counters, bypassing the services (set-up only)."""
    schema = schema_of(office.url)
    if schema is None:
        _bulk_sqlite(office.url, rows, numbers)
    else:
        _bulk_postgres(office.url, schema, rows, numbers)


_UPSERT_NUMBERS = (
    "INSERT INTO ticket_numbers (service_id, service_day, last) VALUES ({p}, {p}, {p}) "
    "ON CONFLICT (service_id, service_day) DO UPDATE SET last = excluded.last"
)


def _bulk_sqlite(path: str, rows: Iterator[tuple[Any, ...]], numbers: dict[tuple[int, str], int]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -262144")  # 256 MiB for the index B-trees
        connection.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" * len(TICKET_COLUMNS))
        connection.executemany(f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) VALUES ({marks})", rows)
        connection.executemany(
            _UPSERT_NUMBERS.format(p="?"), [(sid, day, last) for (sid, day), last in numbers.items()]
        )
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    # The load skipped fsync; flush it now, or the kernel's write-back of hundreds of MB would stall the
    # measured commits (their fsync waits behind it) and charge the bulk load to call_next.
    os.sync()


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    return str(value)


def copy_rows(cursor: Any, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """COPY ``rows`` into ``table`` (PostgreSQL), 20,000 lines per write."""
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        chunk: list[str] = []
        for row in rows:
            chunk.append("\t".join(map(_copy_text, row)))
            if len(chunk) >= 20_000:
                copy.write("\n".join(chunk) + "\n")
                chunk.clear()
        if chunk:
            copy.write("\n".join(chunk) + "\n")


def _bulk_postgres(
    url: str, schema: str, rows: Iterator[tuple[Any, ...]], numbers: dict[tuple[int, str], int]
) -> None:
    import psycopg

    conninfo = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as connection:
        connection.execute(f'SET search_path = "{schema}"')
        connection.execute("SET synchronous_commit = off")
        with connection.cursor() as cursor:
            copy_rows(cursor, "tickets", TICKET_COLUMNS, rows)
            cursor.executemany(
                _UPSERT_NUMBERS.format(p="%s"),
                [(sid, date.fromisoformat(day), last) for (sid, day), last in numbers.items()],
            )
        connection.commit()
        # What autovacuum does to a table that grew: without statistics the planner guesses blindly.
        connection.autocommit = True
        connection.execute("ANALYZE tickets")
        # Likewise flush the load's WAL now rather than in a checkpoint during the measurement.
        connection.execute("CHECKPOINT")


def prefill_waiting(office: Office, today: date, count: int) -> None:
    rows, numbers = waiting_rows(office, today, count, {}, schema_of(office.url) is not None)
    bulk_insert(office, iter(rows), numbers)


# ------------------------------------------------------------------------------------------------ workers


def _worker_main(
    kind: str,
    url: str,
    clock: BenchClock,
    index: int,
    count: int,
    barrier: Any,
    results: Any,
) -> None:
    """One spawned process: open its own Database, warm up, wait for the others, then run ``count`` ops."""
    try:
        db = open_database(url)
        try:
            makers = {
                "issue": _issue_operation,
                "session_issue": _session_issue_operation,
                "cycle": _cycle_operation,
                "raw_issue": _raw_issue_operation,
            }
            operation = makers[kind](db, clock, index)
            for _ in range(WARMUP):
                operation()
            barrier.wait(BARRIER_TIMEOUT_S)
            started = time.monotonic()
            first: list[float] = []
            second: list[float] = []
            failures: list[str] = []
            for _ in range(count):
                a, b, failed = operation()
                first.append(a)
                second.append(b)
                failures.extend(failed)
            ended = time.monotonic()
        finally:
            db.dispose()
        results.put(
            {
                "index": index,
                "start": started,
                "end": ended,
                "first": first,
                "second": second,
                "failures": failures,
            }
        )
    except BaseException:
        try:
            barrier.abort()
        finally:
            results.put({"index": index, "error": traceback.format_exc()})


# What one timed operation yields: first latency (s), second latency (s), failure messages.
Outcome = tuple[float, float, list[str]]


def _attempt(db: Database, work: Callable[[Any], object], failures: list[str], what: str) -> float:
    """Run ``work`` in one writing transaction; a StoreError (e.g. locked too long) is counted, not raised.

    Returns the seconds it took, successful or not: a failed attempt is time a user waited too.
    """
    from antrian.domain.errors import StoreError

    started = time.perf_counter()
    try:
        with db.write() as session:
            work(session)
    except StoreError as error:
        failures.append(f"{what}: {error}")
    return time.perf_counter() - started


def _issue_operation(db: Database, clock: Clock, index: int) -> Callable[[], Outcome]:
    """``issue_ticket_in(db, code)``: the entry point of the kiosk and of ``antrian ticket issue``."""
    from antrian.domain.errors import StoreError
    from antrian.services.queue import issue_ticket_in

    sequence = iter(range(index, 10**9))

    def issue() -> Outcome:
        code = SERVICE_CODES[next(sequence) % len(SERVICE_CODES)]
        failures: list[str] = []
        started = time.perf_counter()
        try:
            issue_ticket_in(db, code, clock=clock)
        except StoreError as error:
            failures.append(f"issue_ticket_in: {error}")
        return time.perf_counter() - started, 0.0, failures

    return issue


def _session_issue_operation(db: Database, clock: Clock, index: int) -> Callable[[], Outcome]:
    """``issue_ticket(session, code)`` in ``db.write()``: the issue in a caller's Session, for comparison."""
    from antrian.services.queue import issue_ticket

    sequence = iter(range(index, 10**9))

    def issue() -> Outcome:
        code = SERVICE_CODES[next(sequence) % len(SERVICE_CODES)]
        failures: list[str] = []
        elapsed = _attempt(db, lambda s: issue_ticket(s, code, clock=clock), failures, "issue_ticket")
        return elapsed, 0.0, failures

    return issue


def _raw_issue_operation(db: Database, clock: Clock, index: int) -> Callable[[], Outcome]:
    """The statements ``issue_ticket_in`` sends to SQLite, through sqlite3 with no Python around them.

    A floor, for the profile only: same pragmas and statements (store.issue_statements), BEGIN IMMEDIATE and a
    durable commit, but no writer turn (SQLite's busy handler instead), no checks, no type conversions.
    """
    from antrian.store import issue_statements as sql

    assert db.url.database is not None
    connection = sqlite3.connect(db.url.database, isolation_level=None, timeout=10)
    for pragma in ("busy_timeout = 10000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        connection.execute(f"PRAGMA {pragma}")
    sequence = iter(range(index, 10**9))

    def issue() -> Outcome:
        code = SERVICE_CODES[next(sequence) % len(SERVICE_CODES)]
        started = time.perf_counter()
        now = clock()
        day = now.astimezone(ZONE).date().isoformat()
        at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
        service_id = connection.execute(sql.REFERENCE_SQL, {"code": code}).fetchall()[0][0]
        connection.execute("BEGIN IMMEDIATE")
        try:
            number = connection.execute(
                sql.NEXT_NUMBER_SQL, {"service_id": service_id, "service_day": day}
            ).fetchone()[0]
            label = format_label(code, number)
            ticket = {
                "service_id": service_id,
                "service_day": day,
                "sequence": number,
                "label": label,
                "priority_group": None,
                "issued_at": at,
            }
            ticket_id = connection.execute(sql.INSERT_TICKET_SQL, ticket).fetchone()[0]
            event = {
                "at": at,
                "kind": "ticket_issued",
                "ticket_id": ticket_id,
                "counter_id": None,
                "service_id": service_id,
                "user_id": None,
                "data": json.dumps({"number": label, "service": code, "priority": None}),
            }
            connection.execute(sql.INSERT_EVENT_SQLITE_SQL, event).fetchone()
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return time.perf_counter() - started, 0.0, []

    return issue


def _cycle_operation(db: Database, clock: Clock, index: int) -> Callable[[], Outcome]:
    """call_next on counter ``index + 1`` in one transaction, then start + finish in a second one.

    A failed call_next ends the cycle; a failed start+finish is retried (the counter cannot call again
    before its ticket is finished), and its latency is the sum of the attempts.
    """
    from antrian.services.queue import call_next, finish, start

    counter = COUNTERS[index]

    def serve(session: Any) -> None:
        start(session, counter, actor=SYSTEM, clock=clock)
        finish(session, counter, actor=SYSTEM, clock=clock)

    def cycle() -> Outcome:
        failures: list[str] = []
        call_s = _attempt(
            db, lambda s: call_next(s, counter, actor=SYSTEM, clock=clock), failures, "call_next"
        )
        if failures:
            return call_s, math.nan, failures
        serve_s = 0.0
        for _ in range(5):
            before = len(failures)
            serve_s += _attempt(db, serve, failures, "start+finish")
            if len(failures) == before:
                break
        return call_s, serve_s, failures

    return cycle


@dataclass
class RunResult:
    processes: int
    operations: int
    wall_s: float
    first: list[float] = field(default_factory=list)
    second: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Successful operations per second."""
        done = self.operations - sum(1 for f in self.failures if not f.startswith("start+finish"))
        return done / self.wall_s if self.wall_s > 0 else math.nan


def run_processes(kind: str, url: str, clock: BenchClock, processes: int, count: int) -> RunResult:
    """Run ``processes`` spawned workers at once; wall time is common start to last finish."""
    context = mp.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    workers = [
        context.Process(target=_worker_main, args=(kind, url, clock, i, count, barrier, results), daemon=True)
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    collected = [results.get(timeout=3_600) for _ in workers]
    for worker in workers:
        worker.join(30)
    errors = [r["error"] for r in collected if "error" in r]
    if errors:
        raise RuntimeError(f"{kind} worker failed:\n" + "\n".join(errors))
    start = min(r["start"] for r in collected)
    end = max(r["end"] for r in collected)
    outcome = RunResult(processes, processes * count, end - start)
    for r in collected:
        outcome.first.extend(r["first"])
        outcome.second.extend(x for x in r["second"] if not math.isnan(x))
        outcome.failures.extend(r["failures"])
    return outcome


# ------------------------------------------------------------------------------------------------ phases


@dataclass
class Row:
    backend: str
    name: str
    value: str
    target: str = ""
    result: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def add(self, backend: str, name: str, value: str, target: str = "", passed: bool | None = None) -> None:
        result = "" if passed is None else ("PASS" if passed else "FAIL")
        self.rows.append(Row(backend, name, value, target, result))
        print(f"  {backend:<8} {name:<44} {value:<30} {target:<12} {result}", flush=True)


@dataclass
class Sizes:
    issues: int
    cycles: int
    history: int
    history_cycles: int
    cli_runs: int


def add_failures(report: Report, backend: str, label: str, result: RunResult, data: dict[str, Any]) -> None:
    """Report transactions that failed (e.g. "stayed locked ... for 10 s"): a count and the first message."""
    data["failures"] = len(result.failures)
    data["failure_samples"] = sorted(set(result.failures))[:3]
    if result.failures:
        report.add(backend, f"{label}: FAILED transactions", f"{len(result.failures)}: {result.failures[0]}")


def ceiling_of(report: Report, backend: str, writers: int) -> Ceiling:
    """This run's raw ceiling of ``backend`` with ``writers`` (bench/ceiling.py), measured at its start."""
    found: Ceiling = report.data["ceilings"][backend][writers]
    return found


def three(stats: dict[str, float]) -> str:
    return f"{stats['p50_ms']:.2f} / {stats['p99_ms']:.2f} / {stats['max_ms']:.0f} ms"


def phase_issue(backend: Backend, sizes: Sizes, report: Report) -> None:
    """``issue_ticket_in`` with 1 and 4 processes, and ``issue_ticket`` in a Session (comparison): the driver
    paths, store.issue_sqlite and store.issue_postgres, against the Session path they replace."""
    data = report.data.setdefault(backend.name, {})
    runs = [("issue", "issue", 1), ("issue", "issue", 4), ("session_issue", "issue via Session", 4)]
    for kind, label, processes in runs:
        office = set_up_office(backend.new_url())
        result = run_processes(kind, office.url, make_clock(), processes, sizes.issues)
        lat = summary(result.first)
        key = f"{kind}_{processes}p"
        data[key] = {
            "tickets": result.operations,
            "wall_s": result.wall_s,
            "tickets_per_s": result.rate,
            **lat,
        }
        target, passed = "", None
        if kind == "issue" and processes == 4:
            target, passed = f">= {TARGET_ISSUE_4P:,.0f}/s", result.rate >= TARGET_ISSUE_4P
        ceiling = ceiling_of(report, backend.name, processes)
        data[key]["ceiling_ratio"] = result.rate / ceiling.commits_per_s
        report.add(
            backend.name,
            f"{label}, {processes} proc: throughput",
            f"{result.rate:,.0f} tickets/s ({result.operations} in {result.wall_s:.1f} s); "
            f"{ceiling.ratio(result.rate)}",
            target,
            passed,
        )
        report.add(backend.name, f"{label}, {processes} proc: latency p50 / p99 / max", three(lat))
        add_failures(report, backend.name, f"{label}, {processes} proc", result, data[key])


def phase_call(backend: Backend, sizes: Sizes, report: Report) -> None:
    data = report.data.setdefault(backend.name, {})
    for processes in (1, 4):
        office = set_up_office(backend.new_url())
        clock = make_clock()
        prefill_waiting(office, clock.today, processes * (sizes.cycles + WARMUP) + 50)
        open_counters(office.url, clock, COUNTERS[:processes])
        result = run_processes("cycle", office.url, clock, processes, sizes.cycles)
        call = summary(result.first)
        serve = summary(result.second)
        data[f"call_{processes}p"] = {
            "cycles": result.operations,
            "wall_s": result.wall_s,
            "cycles_per_s": result.rate,
            "call_next": call,
            "start_finish": serve,
        }
        ceiling = ceiling_of(report, backend.name, processes)
        report.add(
            backend.name,
            f"call-next, {processes} proc: throughput",
            f"{result.rate:,.0f} calls/s ({result.operations} cycles, {result.wall_s:.1f} s); "
            f"{ceiling.ratio(result.rate * 2)} (2 commits a cycle)",
        )
        report.add(backend.name, f"call-next, {processes} proc: call_next p50 / p99 / max", three(call))
        report.add(backend.name, f"call-next, {processes} proc: start+finish p50/p99/max", three(serve))
        add_failures(report, backend.name, f"call-next, {processes} proc", result, data[f"call_{processes}p"])


def phase_history(backend: Backend, sizes: Sizes, report: Report) -> None:
    data = report.data.setdefault(backend.name, {})
    for history in sorted({0, sizes.history}):
        office = set_up_office(backend.new_url())
        clock = make_clock()
        postgres = schema_of(office.url) is not None
        loaded = time.perf_counter()
        rows, numbers = history_rows(office, clock.today, history, postgres)
        today_numbers = {
            code: numbers.get((office.service_ids[code], clock.today.isoformat()), 0)
            for code in SERVICE_CODES
        }
        waiting, waiting_numbers = waiting_rows(
            office, clock.today, max(HISTORY_WAITING, sizes.history_cycles + 50), today_numbers, postgres
        )
        numbers.update(waiting_numbers)
        bulk_insert(office, itertools.chain(rows, waiting), numbers)
        load_s = time.perf_counter() - loaded
        open_s = open_counters(office.url, clock, COUNTERS[:1])
        result = run_processes("cycle", office.url, clock, 1, sizes.history_cycles)
        call = summary(result.first)
        serve = summary(result.second)
        data[f"history_{history}"] = {
            "history_tickets": history,
            "waiting_tickets": len(waiting),
            "load_s": load_s,
            "open_counter_ms": open_s * 1000,
            "call_next": call,
            "start_finish": serve,
        }
        label = f"{history:,} history"
        if history:
            report.add(backend.name, f"history {history:,}: bulk load", f"{load_s:.1f} s")
        report.add(
            backend.name,
            f"call_next p50 / p99 / max, {label}",
            three(call),
            f"p99 <= {TARGET_CALL_P99_MS:g} ms",
            call["p99_ms"] <= TARGET_CALL_P99_MS and not result.failures,
        )
        report.add(backend.name, f"start+finish p50 / p99 / max, {label}", three(serve))
        report.add(backend.name, f"open_counter (first), {label}", f"{open_s * 1000:.1f} ms")
        add_failures(report, backend.name, label, result, data[f"history_{history}"])


def phase_cli(backend: Backend, sizes: Sizes, report: Report) -> None:
    data = report.data.setdefault(backend.name, {})
    antrian = Path(sys.executable).parent / "antrian"
    path = backend.new_url()
    env = dict(os.environ)

    def run(*args: str) -> float:
        started = time.perf_counter()
        done = subprocess.run([str(antrian), "--db", path, *args], env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"antrian {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
        return elapsed

    run("demo-data")
    run("ticket", "issue", "A")  # warm-up: the page cache holds the interpreter, libraries and database
    times = [run("ticket", "issue", "A") for _ in range(sizes.cli_runs)]
    bare = []
    for _ in range(sizes.cli_runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - started)
    median = statistics.median(times)
    p95 = percentile(times, 0.95)
    data["cli_cold_start"] = {
        "runs": len(times),
        "median_s": median,
        "p95_s": p95,
        "min_s": min(times),
        "python_bare_median_s": statistics.median(bare),
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
    }
    report.add(
        backend.name,
        f"CLI `ticket issue A` cold start, median ({len(times)} runs)",
        f"{median:.3f} s",
        f"<= {TARGET_CLI_S:g} s",
        median <= TARGET_CLI_S,
    )
    report.add(
        backend.name,
        "CLI `ticket issue A` cold start, p95",
        f"{p95:.3f} s",
        f"<= {TARGET_CLI_S:g} s",
        p95 <= TARGET_CLI_S,
    )
    report.add(backend.name, "bare `python -c pass`, median", f"{statistics.median(bare):.3f} s")


def fsync_latency(folder: str | None) -> dict[str, float]:
    """What one durable commit costs on this disk at least: append 4 KiB and fsync, 100 times."""
    handle, name = tempfile.mkstemp(prefix="antrian-fsync-", dir=folder)
    try:
        samples = []
        block = b"\0" * 4096
        for _ in range(100):
            started = time.perf_counter()
            os.write(handle, block)
            os.fsync(handle)
            samples.append(time.perf_counter() - started)
    finally:
        os.close(handle)
        os.unlink(name)
    return summary(samples)


# ------------------------------------------------------------------------------------------------- profile


class Meter:
    """Counts statements and the time spent inside the driver's execute and commit, for one engine."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.statements = 0
        self.execute_s = 0.0
        self.commit_s = 0.0
        self._started = 0.0
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        dialect = engine.dialect
        plain_commit = dialect.do_commit

        def timed_commit(dbapi_connection: Any) -> None:
            started = time.perf_counter()
            plain_commit(dbapi_connection)
            self.commit_s += time.perf_counter() - started

        dialect.do_commit = timed_commit

    def _before(self, *_args: Any) -> None:
        self._started = time.perf_counter()

    def _after(self, *_args: Any) -> None:
        self.statements += 1
        self.execute_s += time.perf_counter() - self._started

    def snapshot(self) -> tuple[int, float, float]:
        return self.statements, self.execute_s, self.commit_s


def profile(backend: Backend, sizes: Sizes) -> None:
    """Where one transaction's time goes: driver execute vs commit vs Python, then a short cProfile."""
    import cProfile
    import pstats

    from antrian.services.queue import call_next, finish, issue_ticket, issue_ticket_in, start

    office = set_up_office(backend.new_url())
    clock = make_clock()
    prefill_waiting(office, clock.today, sizes.cycles + 50)
    open_counters(office.url, clock, COUNTERS[:1])
    db = open_database(office.url)
    meter = Meter(db.engine)

    def issue() -> None:
        with db.write() as session:
            issue_ticket(session, "A", clock=clock)

    def issue_in() -> None:
        issue_ticket_in(db, "B", clock=clock)

    def call() -> None:
        with db.write() as session:
            call_next(session, 1, actor=SYSTEM, clock=clock)

    def serve() -> None:
        with db.write() as session:
            start(session, 1, actor=SYSTEM, clock=clock)
            finish(session, 1, actor=SYSTEM, clock=clock)

    kinds: list[tuple[str, Callable[[], None]]] = [
        ("issue_ticket", issue),
        ("issue_in", issue_in),  # on SQLite it bypasses the engine: the meter sees only its total
        ("call_next", call),
        ("start+finish", serve),
    ]
    try:
        for _ in range(WARMUP):
            for _, transaction in kinds:
                transaction()
        totals = {name: [0.0, 0, 0.0, 0.0] for name, _ in kinds}
        for _ in range(min(sizes.issues, sizes.cycles)):
            for name, transaction in kinds:
                before = meter.snapshot()
                started = time.perf_counter()
                transaction()
                elapsed = time.perf_counter() - started
                after = meter.snapshot()
                bucket = totals[name]
                bucket[0] += elapsed
                bucket[1] += after[0] - before[0]
                bucket[2] += after[1] - before[1]
                bucket[3] += after[2] - before[2]
        count = min(sizes.issues, sizes.cycles)
        print(f"\n{backend.name}: mean per transaction over {count} of each, no profiler")
        columns = ("total", "statements", "execute", "commit", "Python")
        print(f"  {'transaction':<14} " + " ".join(f"{c:>10}" for c in columns))
        for name, (total, statements, execute, commit) in totals.items():
            other = total - execute - commit
            ms = [f"{x / count * 1000:8.2f}ms" for x in (total, execute, commit, other)]
            print(f"  {name:<14} {ms[0]} {statements / count:10.1f} {ms[1]} {ms[2]} {ms[3]}")
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            for _, transaction in kinds:
                transaction()
        profiler.disable()
        names = ", ".join(name for name, _ in kinds)
        print(f"\n{backend.name}: cProfile of {count} x ({names}), by own time")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    finally:
        db.dispose()
    if backend.name == "sqlite":
        print("\nsqlite: issue_ticket_in against its statements through plain sqlite3 (a floor):")
        for kind, processes in (("raw_issue", 1), ("issue", 1), ("raw_issue", 4), ("issue", 4)):
            floor_office = set_up_office(backend.new_url())
            result = run_processes(kind, floor_office.url, make_clock(), processes, sizes.issues)
            lat = summary(result.first)
            what = "plain sqlite3" if kind == "raw_issue" else "issue_ticket_in"
            print(
                f"  {what:<16} {processes} proc: {result.rate:,.0f} tickets/s, "
                f"p50 {lat['p50_ms']:.2f} ms, p99 {lat['p99_ms']:.2f} ms"
            )


# ---------------------------------------------------------------------------------------------------- main


def print_table(report: Report) -> None:
    headers = ("backend", "measurement", "value", "target", "result")
    table = [headers, *((r.backend, r.name, r.value, r.target, r.result) for r in report.rows)]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(headers))]
    print()
    for n, row in enumerate(table):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--quick", action="store_true", help="a short smoke run (small counts)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument(
        "--only",
        default="issue,call,history,cli",
        help="comma-separated phases to run: issue, call, history, cli (default: all)",
    )
    parser.add_argument("--issues", type=int, help="tickets issued per process (default 1000; quick 100)")
    parser.add_argument("--cycles", type=int, help="call-next cycles per process (default 500; quick 60)")
    parser.add_argument(
        "--history", type=int, help="tickets of history for the call-next p99 (default 1000000; quick 20000)"
    )
    parser.add_argument("--history-cycles", type=int, help="cycles timed against history (default 500)")
    parser.add_argument("--cli-runs", type=int, help="timed CLI runs after one warm-up (default 15; quick 5)")
    parser.add_argument("--pg-url", default=os.environ.get("ANTRIAN_BENCH_PG_URL", DEFAULT_PG_URL))
    parser.add_argument("--tmpdir", help="folder for the SQLite files (default: the system temp folder)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of issue and call cycles")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a target fails")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    quick = args.quick
    sizes = Sizes(
        issues=args.issues or (100 if quick else 1_000),
        cycles=args.cycles or (60 if quick else 500),
        history=args.history if args.history is not None else (20_000 if quick else 1_000_000),
        history_cycles=args.history_cycles or (100 if quick else 500),
        cli_runs=args.cli_runs or (5 if quick else 15),
    )
    phases = {p.strip() for p in args.only.split(",") if p.strip()}
    unknown = phases - {"issue", "call", "history", "cli"}
    if unknown:
        print(f"unknown phase(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    names = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    report = Report()
    report.data["meta"] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "sizes": vars(sizes),
        "quick": quick,
        "fsync": fsync_latency(args.tmpdir),
        "load_average_start": os.getloadavg(),
    }
    fsync = report.data["meta"]["fsync"]
    print(
        f"Antrian queue benchmark: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; "
        f"disk fsync p50 {fsync['p50_ms']:.2f} ms, p99 {fsync['p99_ms']:.2f} ms"
    )
    print(f"sizes: {vars(sizes)}", flush=True)
    for name in names:
        backend: Backend
        if name == "sqlite":
            backend = SqliteBackend(args.tmpdir)
        else:
            backend = PostgresBackend(args.pg_url)
            problem = backend.problem()
            if problem:
                report.add("postgres", "skipped", problem)
                report.data["postgres"] = {"skipped": problem}
                continue
        try:
            if args.profile:
                profile(backend, sizes)
                continue
            ceilings = report.data.setdefault("ceilings", {}).setdefault(name, {})
            for writers in (1, 4):
                ceilings[writers] = measure(name, writers, 2.0, folder=args.tmpdir, pg_url=args.pg_url)
                print("  " + ceilings[writers].line(), flush=True)
                data = report.data.setdefault(name, {})
                data[f"ceiling_{writers}"] = vars(ceilings[writers])
            if "issue" in phases:
                phase_issue(backend, sizes, report)
            if "call" in phases:
                phase_call(backend, sizes, report)
            if "history" in phases:
                phase_history(backend, sizes, report)
            if "cli" in phases and name == "sqlite":
                phase_cli(backend, sizes, report)
        finally:
            backend.cleanup()
    if args.profile:
        return 0
    report.data["meta"]["load_average_end"] = os.getloadavg()
    print_table(report)
    start_load, end_load = report.data["meta"]["load_average_start"], report.data["meta"]["load_average_end"]
    print(f"\nload average (1 min) at start {start_load[0]:.2f}, at end {end_load[0]:.2f}")
    for backend_ceilings in report.data.get("ceilings", {}).values():
        for found in backend_ceilings.values():
            print(found.line())
    if args.json:
        saved = {key: value for key, value in report.data.items() if key != "ceilings"}
        Path(args.json).write_text(json.dumps(saved, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    failed = any(row.result == "FAIL" for row in report.rows)
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
