"""The issue path on the sqlite3 driver (store.issue_sqlite) against the Session path it replaces.

The rows must be byte-identical (same values, same storage classes), the writer turn must be the same line
both paths queue in, and driver errors must come out as ``Database.write()`` gives them.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from antrian.domain.errors import IllegalAction, ServiceUnavailable, StoreError
from antrian.domain.messages import Message
from antrian.domain.roles import KIOSK, SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.office import update_office
from antrian.services.results import TicketInfo
from antrian.services.setup import save_counter, save_service
from antrian.services.users import create_user
from antrian.store import writer_turn
from antrian.store.database import Database, open_database
from antrian.store.issue_sqlite import issue_connection
from tests.conftest import seed_office
from tests.store.test_writer_waits import hold_write_lock

# Monday 2026-11-30 in Jakarta; instants with and without microseconds, across local midnight.
STEPS: list[tuple[str, str | None, timedelta]] = [
    ("A", None, timedelta(0)),
    ("B", "lansia", timedelta(microseconds=1)),
    ("a", None, timedelta(seconds=1, microseconds=999_999)),
    ("C", "disabilitas", timedelta(minutes=3)),
    ("F", None, timedelta(minutes=5, microseconds=120_000)),
    ("F", None, timedelta(minutes=6)),
    ("F", "hamil", timedelta(minutes=7)),  # over F's quota: refused and rolled back
    ("B", "anak", timedelta(hours=15, minutes=59, seconds=59, microseconds=999_999)),  # 23:59:59.999999 WIB
    ("B", None, timedelta(hours=16)),  # 00:00 WIB on Tuesday: B starts again at 1
    ("A", "bencana_alam", timedelta(hours=16, seconds=30)),
]
START = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Database]:
    """The small office of tests.conftest, on SQLite only."""
    db = open_database(str(tmp_path / "office.db"), create=True)
    try:
        seed_office(db)
        yield db
    finally:
        db.dispose()


def _seed_into(db: Database) -> int:
    """Services A, B, C and F (quota 2), open Monday and Tuesday, label width 4; the operator's id."""
    clock = FixedClock(datetime(2026, 11, 29, 12, 0, tzinfo=UTC))
    with db.write() as s:
        update_office(s, SYSTEM, clock, name="Kantor Uji", timezone="Asia/Jakarta", label_width=4)
        for code, name in (("A", "KTP"), ("B", "KK"), ("C", "Akta"), ("F", "Konsultasi")):
            quota = 2 if code == "F" else None
            save_service(s, code, name, actor=SYSTEM, standard_time=9, daily_quota=quota, open_days="12")
        save_counter(s, 1, "Loket 1", ["A", "B"], actor=SYSTEM)
        return create_user(s, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)


def _seed(path: Path) -> int:
    db = open_database(str(path), create=True)
    try:
        return _seed_into(db)
    finally:
        db.dispose()


def _run(db: Database, fast: bool, operator: Actor) -> list[TicketInfo | Message]:
    results: list[TicketInfo | Message] = []
    for index, (code, priority, offset) in enumerate(STEPS):
        clock = FixedClock(START + offset)
        actor = operator if index % 3 == 1 else KIOSK
        try:
            if fast:
                results.append(queue.issue_ticket_in(db, code, priority=priority, actor=actor, clock=clock))
            else:
                with db.write() as s:
                    results.append(queue.issue_ticket(s, code, priority=priority, actor=actor, clock=clock))
        except ServiceUnavailable as refusal:
            results.append(refusal.message)
    return results


def same_answers(results: dict[str, list[TicketInfo | Message]]) -> None:
    """The fast path and the Session path answered ``STEPS`` alike: the numbers, F's quota refusing the third,
    and the next day's numbers from 1 again."""
    assert results["fast"] == results["session"]
    numbers = [r.number if isinstance(r, TicketInfo) else r for r in results["fast"]]
    assert numbers[:6] == ["A0001", "B0001", "A0002", "C0001", "F0001", "F0002"]
    assert numbers[6] == Message("service.quota_used", service="F", name="Konsultasi", quota=2)
    assert numbers[7:] == ["B0002", "B0001", "A0001"]


def _dump(path: Path) -> dict[str, list[list[tuple[str, Any]]]]:
    """Every row of every table, each value with its Python type (so 1 and 1.0, '1' and 1 differ)."""
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: [
                [(type(value).__name__, value) for value in row]
                for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            ]
            for table in tables
        }
    finally:
        connection.close()


def test_rows_are_byte_identical_to_the_session_path(tmp_path: Path) -> None:
    seeded = tmp_path / "seed.db"
    user_id = _seed(seeded)
    operator = Actor(Role.OPERATOR, user_id, "petugas1")
    paths = {"session": tmp_path / "session.db", "fast": tmp_path / "fast.db"}
    source = sqlite3.connect(seeded)
    for path in paths.values():  # the same starting bytes for both
        target = sqlite3.connect(path)
        source.backup(target)
        target.close()
    source.close()
    results = {}
    for name, path in paths.items():
        db = open_database(str(path))
        try:
            results[name] = _run(db, fast=name == "fast", operator=operator)
        finally:
            db.dispose()
    same_answers(results)
    session_rows, fast_rows = _dump(paths["session"]), _dump(paths["fast"])
    assert fast_rows.keys() == session_rows.keys()
    for table, rows in session_rows.items():
        assert len(fast_rows[table]) == len(rows), table
        for number, (expected, got) in enumerate(zip(rows, fast_rows[table], strict=True)):
            assert got == expected, (table, number)
    stored = {row[0][1]: row for row in fast_rows["tickets"]}
    assert stored[1][2] == ("str", "2026-11-30")  # service_day
    assert stored[1][7] == ("str", "2026-11-30 01:00:00.000000")  # place_at: naive UTC with microseconds
    issued = [row for row in fast_rows["events"] if row[2] == ("str", "ticket_issued")]
    assert issued[1][6] == ("int", user_id)
    assert issued[1][7] == ("str", '{"number": "B0001", "service": "B", "priority": "lansia"}')


def _turn_is_free(db: Database) -> bool:
    import fcntl  # the writer turn exists where kernel file locks do (not on Windows)

    assert db.turn is not None and db.turn.lock_path is not None
    handle = open(db.turn.lock_path, "rb")  # noqa: SIM115 (closed below; a second open file description)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        handle.close()
    return True


def _issued_from_another_thread(db: Database) -> str:
    """A ticket issued by a thread of its own, which waits for the turn if a thread of this process that
    issued before still held it (then it would be refused at the writers' deadline)."""
    numbers: list[str] = []
    thread = threading.Thread(target=lambda: numbers.append(queue.issue_ticket_in(db, "A").number))
    thread.start()
    thread.join(30)
    assert numbers, "the turn was not free"
    return numbers[0]


def test_it_queues_in_the_writers_line_and_leaves_it_at_commit(office: Database) -> None:
    began = threading.Event()
    order: list[str] = []

    def session_writer() -> None:
        with office.write() as s:
            order.append(queue.issue_ticket(s, "A").number)  # holds the turn from here to commit
            began.set()
            time.sleep(0.3)  # not a wait: the turn is held while the fast path asks for it
            order.append("commit")

    writer = threading.Thread(target=session_writer)
    writer.start()
    assert began.wait(10)
    assert not _turn_is_free(office)
    order.append(queue.issue_ticket_in(office, "A").number)
    writer.join(10)
    assert order == ["A001", "commit", "A002"], "the fast path waited for the session's commit"
    assert _turn_is_free(office)
    assert _issued_from_another_thread(office) == "A003", "no thread still holds the turn"


def test_a_write_already_open_in_this_thread_is_refused_clearly(office: Database) -> None:
    with office.write() as s:
        queue.issue_ticket(s, "A")
        with pytest.raises(StoreError, match=r"^store\.nested_write"):
            queue.issue_ticket_in(office, "A")
    assert queue.issue_ticket_in(office, "A").number == "A002"


def test_another_program_holding_the_lock(office: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(str(office.url.database))
    monkeypatch.setattr(writer_turn, "BUSY_TIMEOUT_MS", 1000)
    holder = hold_write_lock(path, 3)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"^store\.locked"):
            queue.issue_ticket_in(office, "A")
        assert time.monotonic() - started >= 0.9, "it waited for the lock up to BUSY_TIMEOUT_MS"
        assert holder.poll() is None, "and gave up while the other program still held it"
        assert _turn_is_free(office)
    finally:
        holder.wait(10)
        assert holder.stdout is not None
        holder.stdout.close()
    assert queue.issue_ticket_in(office, "A").number == "A001"


def test_a_constraint_refusal_rolls_back_and_reads_as_in_a_session(office: Database) -> None:
    """The UNIQUE safety net under the numbering counter, tripped on purpose (a counter row set back)."""
    first = queue.issue_ticket_in(office, "A")
    raw = sqlite3.connect(str(office.url.database))
    raw.execute("UPDATE ticket_numbers SET last = 0")
    raw.commit()
    # the database's refusal stays in the AntrianError family, with the constraint for the log
    refused = r"^store\.integrity.*UNIQUE constraint failed"
    with pytest.raises(IllegalAction, match=refused), office.write() as s:
        queue.issue_ticket(s, "A")
    with pytest.raises(IllegalAction, match=refused):
        queue.issue_ticket_in(office, "A")
    assert raw.execute("SELECT last FROM ticket_numbers").fetchall() == [(0,)]  # the upsert rolled back
    assert raw.execute("SELECT count(*) FROM tickets").fetchone() == (1,)
    assert raw.execute("SELECT count(*) FROM events WHERE kind = 'ticket_issued'").fetchone() == (1,)
    raw.close()
    assert _turn_is_free(office)
    assert first.number == "A001"


def test_committed_durably_before_it_returns(office: Database) -> None:
    with issue_connection(office) as connection:
        pragmas = (
            connection._raw.execute("PRAGMA synchronous").fetchone(),
            connection._raw.execute("PRAGMA journal_mode").fetchone(),
        )
    assert pragmas == ((2,), ("wal",))  # FULL: the commit reaches the disk before it returns
    ticket = queue.issue_ticket_in(office, "B")
    other = sqlite3.connect(str(office.url.database))  # another program sees it at once
    assert other.execute("SELECT label FROM tickets WHERE id = ?", (ticket.id,)).fetchone() == ("B001",)
    other.close()


def test_issue_connection_is_for_sqlite_only(pg_url: str) -> None:
    db = open_database(pg_url, create=True)
    try:
        with pytest.raises(ValueError, match="not an SQLite database"), issue_connection(db):
            pass
    finally:
        db.dispose()


def test_threads_of_one_process_issue_side_by_side(office: Database) -> None:
    """The kiosk issues from its task runner's threads: each thread takes its own pooled connection."""
    numbers: list[str] = []
    errors: list[BaseException] = []

    def issue_many() -> None:
        try:
            for _ in range(30):
                numbers.append(queue.issue_ticket_in(office, "A").number)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=issue_many) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 91)]
    assert _issued_from_another_thread(office) == "A091", "no thread still holds the turn"
