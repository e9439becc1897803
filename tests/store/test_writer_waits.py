"""How writers wait for each other, and that readers never wait for writers (review findings)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from antrian.domain.errors import IllegalTransition, StoreError
from antrian.domain.roles import SYSTEM
from antrian.domain.status import Status
from antrian.services import counters, queue
from antrian.services.queries import events_after
from antrian.store import engines, writer_turn
from antrian.store.database import open_database
from tests.conftest import seed_office
from tests.waiting import backend_pid, wait_until, waits_for_a_lock


def hold_write_lock(path: Path, seconds: float) -> subprocess.Popen[bytes]:
    """Another process (not Antrian) holding SQLite's write lock."""
    script = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True)\n"
        f"time.sleep({seconds}); c.execute('ROLLBACK')\n"  # the hold itself, not a wait
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
    return holder


def test_a_writer_gives_up_clearly_and_readers_do_not_wait(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.db"
    db = open_database(str(path), create=True)
    seed_office(db)
    monkeypatch.setattr(writer_turn, "BUSY_TIMEOUT_MS", 1000)
    holder = hold_write_lock(path, 4)
    try:
        with db.read() as session:  # DEFERRED: a read never queues behind the writer
            assert events_after(session, 0)
        assert holder.poll() is None, "the read was done while the other program held the write lock"
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"^store\.locked"), db.write() as session:
            queue.issue_ticket(session, "A")
        assert time.monotonic() - started >= 0.9, "it waited for the lock up to BUSY_TIMEOUT_MS"
        assert holder.poll() is None, "and gave up while the other program still held it"
    finally:
        holder.wait(10)
        assert holder.stdout is not None
        holder.stdout.close()
    with db.write() as session:  # the turn was given back: the next write goes through
        assert queue.issue_ticket(session, "A").number == "A001"
    db.dispose()


def test_two_databases_in_one_thread_and_reused_connections(tmp_path: Path) -> None:
    first, second = (open_database(str(tmp_path / f"{name}.db"), create=True) for name in ("one", "two"))
    try:
        for db in (first, second):
            seed_office(db)
        with first.write() as a, second.write() as b:  # different files: no false refusal
            queue.issue_ticket(a, "A")
            queue.issue_ticket(b, "B")
        with first.engine.connect() as connection:  # one connection, two write transactions after another
            immediate = connection.execution_options(sqlite_begin="IMMEDIATE")
            for _ in range(2):
                with immediate.begin():
                    immediate.exec_driver_sql("UPDATE office SET running_text = 'x'")
        with first.write() as a:
            queue.issue_ticket(a, "A")  # this thread now holds the turn on this database
            with pytest.raises(StoreError, match=r"^store\.nested_write"), first.write() as again:
                queue.issue_ticket(again, "A")
    finally:
        first.dispose()
        second.dispose()


def test_a_session_closed_in_another_thread_leaves_no_stale_turn(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "t.db"), create=True)
    seed_office(db)
    session = db.writer()
    queue.issue_ticket(session, "A")
    closer = threading.Thread(target=lambda: (session.commit(), session.close()))
    closer.start()
    closer.join()
    with db.write() as again:  # this thread may write again
        assert queue.issue_ticket(again, "A").number == "A002"
    db.dispose()


@pytest.mark.postgres
def test_postgres_call_by_number_cannot_take_a_ticket_another_counter_claimed(pg_url: str) -> None:
    db = open_database(pg_url, create=True)
    other = open_database(pg_url)
    try:
        seed_office(db)
        with db.write() as s:
            queue.issue_ticket(s, "A")
            counters.open_counter(s, 1, actor=SYSTEM)
            counters.open_counter(s, 2, actor=SYSTEM)
        outcome: list[object] = []
        backend: dict[str, int] = {}
        claiming = db.writer()
        assert queue.call_next(claiming, 1, actor=SYSTEM).number == "A001"  # not committed yet

        def call_by_number() -> None:
            try:
                with other.write() as s:
                    backend["pid"] = backend_pid(s)
                    outcome.append(queue.call_ticket(s, 2, "A001", actor=SYSTEM))
            except IllegalTransition as error:
                outcome.append(error)

        thread = threading.Thread(target=call_by_number)
        thread.start()
        wait_until(
            lambda: waits_for_a_lock(db, backend.get("pid")), "counter 2 waiting for counter 1's row lock"
        )
        claiming.commit()
        claiming.close()
        thread.join(10)
        assert len(outcome) == 1 and isinstance(outcome[0], IllegalTransition), outcome
        assert (outcome[0].code, outcome[0].params["status"]) == ("ticket.illegal_transition", Status.CALLED)
    finally:
        db.dispose()
        other.dispose()


@pytest.mark.postgres
def test_postgres_simultaneous_expiry_logs_each_ticket_once(pg_url: str) -> None:
    from datetime import UTC, datetime

    from antrian.domain.timing import FixedClock

    db, other = open_database(pg_url, create=True), open_database(pg_url)
    try:
        seed_office(db)
        yesterday = FixedClock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
        for _ in range(3):
            with db.write() as s:
                queue.issue_ticket(s, "A", clock=yesterday)
        today = FixedClock(datetime(2026, 11, 30, 3, 0, tzinfo=UTC))
        first = db.writer()
        assert queue.expire_past_days(first, actor=SYSTEM, clock=today) == 3  # holds the rows
        with other.write() as s:
            assert queue.expire_past_days(s, actor=SYSTEM, clock=today) == 0  # skips what is being expired
        first.commit()
        first.close()
        with db.read() as s:
            expired = [e for e in events_after(s, 0) if e.kind == "ticket_expired"]
        assert len(expired) == 3
    finally:
        db.dispose()
        other.dispose()


def test_lock_files_are_closed_with_their_connections(tmp_path: Path) -> None:
    import os

    def open_files() -> int:
        return len(os.listdir("/proc/self/fd"))

    before = open_files()
    for round_ in range(20):
        db = open_database(str(tmp_path / f"fd{round_ % 2}.db"), create=True)
        if round_ < 2:
            seed_office(db)
        with db.write() as s:
            queue.issue_ticket(s, "A")
        db.dispose()
    assert open_files() <= before + 2


def test_sqlite_lock_holder_is_not_antrian(tmp_path: Path) -> None:
    """A plain sqlite3 reader while Antrian writes: WAL lets both proceed."""
    db = open_database(str(tmp_path / "w.db"), create=True)
    seed_office(db)
    reader = sqlite3.connect(str(tmp_path / "w.db"))
    with db.write() as s:
        queue.issue_ticket(s, "A")
        assert reader.execute("SELECT count(*) FROM tickets").fetchone() == (0,)  # not committed yet
    assert reader.execute("SELECT count(*) FROM tickets").fetchone() == (1,)
    reader.close()
    db.dispose()


def hold_new_file_exclusively(path: Path, seconds: float) -> subprocess.Popen[bytes]:
    """Another process creating a new file, in rollback-journal mode, holding it exclusively for a while."""
    script = (
        "import sqlite3, time\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE'); c.execute('CREATE TABLE t (x)'); print('locked', flush=True)\n"
        f"time.sleep({seconds}); c.execute('COMMIT')\n"  # the hold itself, not a wait
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
    return holder


def test_switching_a_new_file_to_wal_waits_for_the_process_holding_it(tmp_path: Path) -> None:
    # SQLite calls no busy handler while it changes the journal mode: without the retry, the second of
    # several processes opening a new office at once failed with "database is locked" at once.
    path = tmp_path / "new.db"
    holder = hold_new_file_exclusively(path, 0.5)
    try:
        # busy_timeout 0 stands for the cases where SQLite answers SQLITE_BUSY without calling the handler
        connection = sqlite3.connect(str(path), isolation_level=None, timeout=0)
        with pytest.raises(sqlite3.OperationalError):
            connection.execute("PRAGMA journal_mode = WAL")
        started = time.monotonic()
        engines._enter_wal(connection.cursor(), deadline_s=10)  # raises past its deadline
        assert time.monotonic() - started > 0.2, "it waited for the holder"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        connection.close()
    finally:
        holder.wait(timeout=10)
        assert holder.stdout is not None
        holder.stdout.close()


def test_switching_to_wal_gives_up_at_its_deadline(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    holder = hold_new_file_exclusively(path, 3)
    try:
        connection = sqlite3.connect(str(path), isolation_level=None, timeout=0)
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError) as raised:
            engines._enter_wal(connection.cursor(), deadline_s=0.3)
        assert raised.value.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
        assert time.monotonic() - started > 0.25, "it tried until its deadline"
        assert holder.poll() is None, "and gave up while the holder still held the file"
        connection.close()
    finally:
        holder.kill()
        holder.wait(timeout=10)
        assert holder.stdout is not None
        holder.stdout.close()
