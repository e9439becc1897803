"""The database going wrong is never silent: each failure is named as what it is, and nothing is committed
to a file that is gone (issue 11, point 5). Real files, real locks held by other processes, real full and
read-only file systems (root); the windows' side is in tests/end2end/test_database_faults.py.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from antrian.domain.errors import AntrianError, IllegalAction, InvalidInput, StoreError
from antrian.domain.timing import office_zone, service_day, system_clock
from antrian.services import queue
from antrian.services.queries import last_event_id, tickets_for_day
from antrian.store.database import Database, open_database
from antrian.store.feed import LOCK_PROBES, SqliteWatcher
from antrian.store.issue_sqlite import issue_connection
from antrian.store.models import Service, Ticket
from antrian.store.urls import resolve_url
from tests.conftest import PG_BASE, seed_office
from tests.store.faults import (
    backup,
    fill,
    lock_held,
    need_root,
    read_only,
    remount,
    restore,
    side_files,
    small_disk,
)


def code_of(action: object) -> str:
    """The code of the AntrianError that ``action()`` raises."""
    with pytest.raises(AntrianError) as raised:
        action()  # type: ignore[operator]
    return raised.value.code


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office_file(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "office.db"
    db = open_database(str(path), create=True)
    seed_office(db)
    try:
        yield db, path
    finally:
        db.dispose()


def make_office(path: Path, name: str) -> None:
    db = open_database(str(path), create=True)
    seed_office(db)
    with db.write() as session:
        session.execute(text("UPDATE office SET name = :name"), {"name": name})
    db.dispose()


# -- deleted, replaced ---------------------------------------------------------------------------------------


def test_a_deleted_file_is_named_and_nothing_is_committed_to_it(office_file: tuple[Database, Path]) -> None:
    db, path = office_file
    queue.issue_ticket_in(db, "A")
    path.unlink()  # SQLite's open connections would carry on with the unlinked file
    assert code_of(lambda: queue.issue_ticket_in(db, "A")) == "store.deleted"
    with pytest.raises(StoreError, match=r"^store\.deleted"), db.read():
        pass
    assert not path.exists(), "a connection brought an empty file back"


def test_a_file_deleted_during_a_write_takes_nothing(office_file: tuple[Database, Path]) -> None:
    """Checked again right before COMMIT, on both issue paths: no number is handed out from a lost file."""
    db, path = office_file
    with pytest.raises(StoreError, match=r"^store\.deleted"), db.write() as session:
        queue.issue_ticket(session, "A")
        os.replace(path, path.with_name("moved.db"))
    os.replace(path.with_name("moved.db"), path)  # the same file back: used again at once
    today = service_day(system_clock(), office_zone("Asia/Jakarta"))
    with issue_connection(db) as connection:
        reference = connection.reference("B")
        assert reference is not None
        with pytest.raises(StoreError, match=r"^store\.deleted"), connection.transaction():
            connection.next_number(reference.service_id, today)
            os.replace(path, path.with_name("moved.db"))
    os.replace(path.with_name("moved.db"), path)
    with db.read() as session:
        assert tickets_for_day(session) == []  # neither write was committed


def test_a_replaced_file_is_named_then_used_once_restored_properly(tmp_path: Path) -> None:
    path, other = tmp_path / "office.db", tmp_path / "other.db"
    make_office(path, "Kantor Lama")
    make_office(other, "Kantor Baru")
    db = open_database(str(path))
    try:
        queue.issue_ticket_in(db, "A")
        os.replace(other, path)
        assert code_of(lambda: db.read().__enter__()) == "store.replaced"
        # the old file's log still stands beside the new one: SQLite would replay it into the new file
        assert side_files(path)[0].stat().st_size > 0
        assert code_of(lambda: queue.issue_ticket_in(db, "A")) == "store.stale_journal"
        for side in side_files(path):
            side.unlink()
        with db.read() as session:
            assert session.execute(text("SELECT name FROM office")).scalar() == "Kantor Baru"
            assert tickets_for_day(session) == []
        assert queue.issue_ticket_in(db, "A").number == "A001"
    finally:
        db.dispose()


def test_a_deleted_file_restored_from_a_backup_is_used_again(office_file: tuple[Database, Path]) -> None:
    db, path = office_file
    saved = backup(path, path.with_name("backup.db"))
    path.unlink()
    assert code_of(lambda: db.read().__enter__()) == "store.deleted"
    restore(saved, path)
    assert queue.issue_ticket_in(db, "A").number == "A001"


# -- read-only, full, locked ---------------------------------------------------------------------------------


def test_a_read_only_file_is_read_only_not_corrupted(office_file: tuple[Database, Path]) -> None:
    db, path = office_file
    with read_only(path):
        # the open Database: reads go on, writes are refused (its connections could still write the -wal)
        with db.read() as session:
            assert last_event_id(session) > 0
        assert code_of(lambda: queue.issue_ticket_in(db, "A")) == "store.readonly"
        before = sha(path)
        assert code_of(lambda: open_database(str(path))) == "store.readonly"
        assert sha(path) == before
    assert queue.issue_ticket_in(db, "A").number == "A001"


def test_a_sound_database_on_a_read_only_file_system_is_read_only_and_untouched(tmp_path: Path) -> None:
    need_root("a read-only file system")
    with small_disk(tmp_path) as disk:
        path = disk / "office.db"
        make_office(path, "Kantor Uji")
        assert side_files(path)[0].exists() is False  # closed cleanly: WAL mode, no -wal, no -shm
        remount(disk, "ro")
        before = sha(path)
        for create in (False, True):
            assert code_of(lambda create=create: open_database(str(path), create=create)) == "store.readonly"
        assert sha(path) == before
        remount(disk, "rw")
        open_database(str(path)).dispose()


def test_a_full_disk_is_named_full_and_nothing_half_written(tmp_path: Path) -> None:
    with small_disk(tmp_path, "4m") as disk:
        path = disk / "office.db"
        make_office(path, "Kantor Uji")
        db = open_database(str(path))
        try:
            assert queue.issue_ticket_in(db, "A").number == "A001"
            filler = fill(disk)
            assert code_of(lambda: queue.issue_ticket_in(db, "A")) == "store.full"
            with pytest.raises(StoreError, match=r"^store\.full"), db.write() as session:
                queue.issue_ticket(session, "B")
            assert db.file is not None
            assert code_of(db.file.health) == "store.full"
            filler.unlink()
            db.file.health()
            assert queue.issue_ticket_in(db, "A").number == "A002"  # the refused ones took no number
        finally:
            db.dispose()


def test_a_lock_held_by_another_program_is_named_locked(
    office_file: tuple[Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from antrian.store import writer_turn

    db, path = office_file
    monkeypatch.setattr(writer_turn, "BUSY_TIMEOUT_MS", 500)
    with lock_held(path):
        assert code_of(lambda: queue.issue_ticket_in(db, "A")) == "store.locked"
        with db.read() as session:  # WAL: readers are not held up
            assert last_event_id(session) > 0
    assert queue.issue_ticket_in(db, "A").number == "A001"


# -- the watcher the windows rely on -------------------------------------------------------------------------


def test_the_watcher_names_each_cause_and_clears_when_it_goes(office_file: tuple[Database, Path]) -> None:
    db, path = office_file
    watcher = SqliteWatcher(db)
    try:
        watcher.rung()
        watcher.heartbeat()
        with read_only(path):
            assert code_of(watcher.heartbeat) == "store.readonly"
        watcher.heartbeat()
        with lock_held(path):
            for _ in range(LOCK_PROBES - 1):  # a program writing for a moment is no problem
                watcher.heartbeat()
            assert code_of(watcher.heartbeat) == "store.locked"
        watcher.heartbeat()
        saved = backup(path, path.with_name("backup.db"))
        path.unlink()
        assert code_of(watcher.rung) == "store.deleted"
        restore(saved, path)
        watcher.heartbeat()  # the file is back: looked at, adopted, watched again
        watcher.rung()
        queue.issue_ticket_in(db, "A")
        assert watcher.rung() is True
    finally:
        watcher.close()


def test_antrian_writers_at_work_are_not_a_lock(office_file: tuple[Database, Path]) -> None:
    """Writers of this program take the lock for milliseconds all the time: the probe waits its turn."""
    db, _path = office_file
    watcher = SqliteWatcher(db)
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            queue.issue_ticket_in(db, "A")

    writers = [threading.Thread(target=write) for _ in range(2)]
    for writer in writers:
        writer.start()
    try:
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            watcher.heartbeat()
    finally:
        stop.set()
        for writer in writers:
            writer.join()
        watcher.close()


# -- corrupted files stay byte-identical ---------------------------------------------------------------------


def test_a_corrupted_rollback_journal_file_is_refused_before_its_header_is_touched(tmp_path: Path) -> None:
    """The damage is deep (a page of tickets), the schema readable: opening would switch the file to WAL,
    rewriting its header, before any query met the damage. The read-only look runs quick_check first."""
    path = tmp_path / "office.db"
    make_office(path, "Kantor Uji")
    db = open_database(str(path))
    for _ in range(300):
        queue.issue_ticket_in(db, "A")
    db.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tickets'").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = os.urandom(page_size)
    path.write_bytes(bytes(data))
    before = sha(path)
    for create in (False, True):
        assert code_of(lambda create=create: open_database(str(path), create=create)) == "store.corrupted"
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.db"]


# -- what the request did wrong stays in the family ----------------------------------------------------------


def test_values_beyond_what_the_database_holds_are_invalid_input(db: Database) -> None:
    seed_office(db)
    with pytest.raises(InvalidInput, match=r"^store\.value_rejected"), db.read() as session:
        if db.is_sqlite:
            session.execute(select(Ticket).where(Ticket.id == 10**30)).all()
        else:
            session.execute(select(Service).where(Service.code == "A\x00")).all()
    with pytest.raises(IllegalAction, match=r"^store\.integrity"), db.write() as session:
        session.add(Service(code="A", name="Dua kali"))
    with db.read() as session:
        assert session.execute(select(Service.name).where(Service.code == "A")).scalar() == "KTP Elektronik"


def test_malformed_database_names_are_invalid_input_echoed_short(tmp_path: Path) -> None:
    cases = {
        "postgresql://:x@/": "store.url_malformed",
        "postgresql://": "store.url_malformed",
        "postgresql://u@h:99999999/db": "store.url_malformed",
        "postgresql://u:secret@h:abc/db": "store.url_malformed",
        "mysql://u:secret@h/db": "store.url_unsupported",
        "x" * 100_000: "store.path_invalid",
        "a\x00b.db": "store.path_invalid",
        str(tmp_path / "line\nbreak.db"): "store.path_invalid",
    }
    for name, code in cases.items():
        with pytest.raises(InvalidInput) as raised:
            resolve_url(name)
        assert raised.value.code == code, name[:40]
        shown = str(raised.value)
        assert len(shown) < 200 and "\n" not in shown and "secret" not in shown, shown


# -- PostgreSQL ----------------------------------------------------------------------------------------------


@pytest.mark.postgres
def test_a_killed_connection_is_named_as_such_and_the_next_transaction_works(pg_url: str) -> None:
    import psycopg

    db = open_database(pg_url, create=True)
    try:
        seed_office(db)
        conninfo = PG_BASE.replace("postgresql+psycopg://", "postgresql://")
        with pytest.raises(StoreError) as raised, db.read() as session:
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
            with psycopg.connect(conninfo, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            session.execute(text("SELECT 1"))
        assert raised.value.code == "store.link_lost"
        with db.read() as session:  # the pool replaced the dead connection
            assert last_event_id(session) >= 0
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_server_without_an_antrian_office_is_refused_naming_the_command(pg_url: str) -> None:
    with pytest.raises(StoreError) as refused:
        open_database(pg_url)
    assert (refused.value.code, refused.value.params["command"]) == ("store.empty", "antrian db upgrade")
