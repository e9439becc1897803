"""The machine's raw ceiling, printed by every bench next to its own figures (issue 16).

A figure such as "1,400 tickets/s" means little on its own: the same code gives half of it while another
process takes a core. So each bench also measures, in the same run, what a bare durable write does on this
machine right now, and prints its figure as a ratio of that ceiling, with the load average:

- **SQLite**: one-row ``INSERT`` + ``COMMIT`` on a file in WAL mode with ``synchronous=FULL`` (what Antrian
  runs), through plain ``sqlite3``, no Antrian code;
- **PostgreSQL**: one-row ``INSERT`` + ``COMMIT`` over psycopg on its own table (``synchronous_commit`` as the
  server has it, on by default), no SQLAlchemy.

With ``writers`` > 1 the same loop runs in that many processes at once, writers serialised the way the
database does it by itself (SQLite's busy handler, PostgreSQL's row-free inserts and group commit).

    .venv/bin/python bench/ceiling.py [--backend sqlite|postgres|both] [--writers 1 4] [--seconds 2]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing as mp
import os
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_PG_DSN = "postgresql://postgres@127.0.0.1:5432/test"


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, as the kernel gives them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def pg_dsn(url: str | None = None) -> str:
    """A psycopg DSN from an SQLAlchemy URL (``postgresql+psycopg://...``) or a plain one."""
    url = url or os.environ.get("ANTRIAN_BENCH_PG_URL") or DEFAULT_PG_DSN
    url = url.replace("postgresql+psycopg://", "postgresql://")
    return url.split("?", 1)[0]


def _sqlite_writer(path: str, seconds: float, start: Any, out: Any) -> None:
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    start.wait()
    done = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO bare (payload) VALUES (?)", (done,))
        connection.execute("COMMIT")
        done += 1
    connection.close()
    out.put(done)


def _pg_writer(dsn: str, table: str, seconds: float, start: Any, out: Any) -> None:
    import psycopg

    with psycopg.connect(dsn) as connection:
        start.wait()
        done = 0
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            connection.execute(f"INSERT INTO {table} (payload) VALUES (%s)", (done,))
            connection.commit()
            done += 1
    out.put(done)


@dataclass(frozen=True)
class Ceiling:
    backend: str
    writers: int
    commits_per_s: float
    load: str

    def line(self) -> str:
        return (
            f"raw ceiling ({self.backend}, {self.writers} writer{'s' if self.writers > 1 else ''}, "
            f"bare durable INSERT+COMMIT): {self.commits_per_s:,.0f} commits/s; load average {self.load}"
        )

    @property
    def commit_ms(self) -> float:
        """One bare durable commit's time at this ceiling, in milliseconds."""
        return 1000 / self.commits_per_s if self.commits_per_s else float("nan")

    def latency_ratio(self, ms: float) -> str:
        """A latency as a number of bare commits, e.g. "14.2 bare commits (0.85 ms each)"."""
        return f"{ms / self.commit_ms:.1f} bare commits ({self.commit_ms:.2f} ms each)"

    def ratio(self, per_s: float) -> str:
        """``per_s`` (operations a second) as a share of this ceiling, e.g. "0.62x the raw ceiling"."""
        return f"{per_s / self.commits_per_s:.2f}x the raw ceiling" if self.commits_per_s else "n/a"


def measure(
    backend: str,
    writers: int = 1,
    seconds: float = 2.0,
    *,
    folder: str | None = None,
    pg_url: str | None = None,
) -> Ceiling:
    """Durable commits a second of a bare write on ``backend`` ("sqlite" or "postgres"), by ``writers``
    processes at once, over ``seconds``."""
    context = mp.get_context("spawn")
    start = context.Event()
    out = context.Queue()
    cleanup: list[Any] = []
    if backend == "sqlite":
        handle, path = tempfile.mkstemp(prefix="ceiling-", suffix=".db", dir=folder)
        os.close(handle)
        setup = sqlite3.connect(path, isolation_level=None)
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE bare (id INTEGER PRIMARY KEY, payload INTEGER)")
        setup.close()
        cleanup.append(lambda: [_remove(path + tail) for tail in ("", "-wal", "-shm")])
        target: Any = _sqlite_writer
        args: tuple[Any, ...] = (path, seconds, start, out)
    elif backend == "postgres":
        import psycopg

        dsn = pg_dsn(pg_url)
        table = f"bench_ceiling_{secrets.token_hex(4)}"
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute(f"CREATE TABLE {table} (id bigserial PRIMARY KEY, payload integer)")

        def drop() -> None:
            with psycopg.connect(dsn, autocommit=True) as connection:
                connection.execute(f"DROP TABLE IF EXISTS {table}")

        cleanup.append(drop)
        target, args = _pg_writer, (dsn, table, seconds, start, out)
    else:
        raise ValueError(f"unknown backend {backend!r}")
    try:
        processes = [context.Process(target=target, args=args) for _ in range(writers)]
        for process in processes:
            process.start()
        time.sleep(0.3)  # let every writer connect before the common start
        load = load_average()
        start.set()
        total = sum(out.get(timeout=seconds + 60) for _ in processes)
        for process in processes:
            process.join()
    finally:
        for step in cleanup:
            step()
    return Ceiling(backend, writers, total / seconds, load)


def announce(backend: str, writers: int = 1, seconds: float = 2.0) -> Ceiling:
    """Measure ``backend``'s ceiling now and print it with the load average (a bench's first line)."""
    found = measure(backend, writers, seconds)
    print(f"{backend:<9} {found.line()}", flush=True)
    return found


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--pg-url", default=None)
    args = parser.parse_args(argv)
    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    for backend in backends:
        for writers in args.writers:
            print(measure(backend, writers, args.seconds, pg_url=args.pg_url).line(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
