"""The writer turn: how an Antrian writer takes SQLite's write lock on one file, fairly and fast."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import tempfile
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from antrian.domain.errors import StoreError
from antrian.store.problems import sqlite_problem
from antrian.store.urls import location

try:
    import fcntl
except ImportError:  # Windows: no kernel flock; writers rely on BEGIN IMMEDIATE alone
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT_MS = 10_000

# A pooled driver connection's own dictionary (SQLAlchemy's ``ConnectionPoolEntry.info``, the same dict as
# ``PoolProxiedConnection.info``): it lives as long as the driver connection, across check-outs, and holds the
# connection's turn and lock file.
PoolInfo = dict[Any, Any]


@dataclass(frozen=True, slots=True)
class WriterTurn:
    """How an Antrian writer takes SQLite's write lock on one database file: the turn, then BEGIN IMMEDIATE.

    Used by the engine's "begin" event (``Database.write()``) and by the issue path that runs on the driver
    directly (``store.issue_sqlite``), so that both queue in the same line.
    """

    lock_path: str | None
    database: str
    path: str | None

    @classmethod
    def of(cls, url: URL) -> WriterTurn:
        return cls(_writer_lock_path(url.database), location(url), url.database)

    def begin(self, info: PoolInfo, raw: sqlite3.Connection) -> None:
        """Take the turn (kernel lock), then BEGIN IMMEDIATE on ``raw``, the driver connection
        whose pool ``info`` this is.

        The turn is given back by ``end_writer_turn(info)``, which the pool also calls at check-in.

        Raises:
            StoreError: the database stayed locked for ``BUSY_TIMEOUT_MS``, or cannot be written.
        """
        try:
            deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
            if self.lock_path is not None:
                _take_writer_turn(info, self.lock_path, deadline)
            begin_immediate(raw, deadline)
        except sqlite3.Error as error:
            # raised outside SQLAlchemy's own error wrapping: translate here, or users see "unexpected error"
            end_writer_turn(info)
            raise self.translate(error) from None

    def translate(self, error: sqlite3.Error) -> StoreError:
        return sqlite_problem(error, self.database, self.path)

    def write_lock_free(self, info: PoolInfo, raw: sqlite3.Connection, wait_s: float) -> bool:
        """Whether a writer could take SQLite's write lock now, without writing anything.

        Waits up to ``wait_s`` for the turn (Antrian writers hold it for milliseconds; with it no other
        Antrian writer on this PC can hold the lock), then tries BEGIN IMMEDIATE without waiting and rolls
        back. False when the turn stays taken or the lock is held by a program that never took the turn.
        ``info`` keeps the turn's file open between calls (``close_writer_lock`` closes it).
        """
        try:
            if self.lock_path is not None:
                _take_writer_turn(info, self.lock_path, time.monotonic() + wait_s)
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return False
            raise
        finally:
            end_writer_turn(info)


def _writer_lock_path(database: str | None) -> str | None:
    """The turn lock of a database file, in a shared folder of the temp directory (nothing beside the file).

    None where kernel file locks are not available (Windows) or the folder cannot be shared: writers then
    rely on BEGIN IMMEDIATE alone, which is correct, only less fair under contention.
    """
    if fcntl is None or database in (None, "", ":memory:"):
        return None
    key = hashlib.sha256(os.path.realpath(str(database)).encode()).hexdigest()[:24]
    folder = Path(tempfile.gettempdir()) / "antrian-locks"
    try:
        folder.mkdir(exist_ok=True)
        if folder.stat().st_uid == os.getuid():
            folder.chmod(0o1777)  # every user of the PC may queue, nobody may remove another's lock file
    except OSError:
        return None
    return str(folder / f"{key}.lock")


# (thread id, lock path) -> id of the pool info of the connection holding that thread's turn on that database
_holders: dict[tuple[int, str], int] = {}
_holders_lock = threading.Lock()


def _take_writer_turn(info: PoolInfo, lock_path: str, deadline: float) -> None:
    """Queue for the write lock in the kernel (flock) before asking SQLite for it.

    SQLite's waiters sleep in steps, so its lock sits idle between a commit and the next waiter's wake-up;
    a waiter polling the kernel lock with very short sleeps takes the turn almost as soon as it is free
    (issue p99 under four writers: 50 -> 17 ms, docs/PERFORMANCE.md). The turn is released when the
    connection returns to the pool, right after commit or rollback, and by the kernel if the process dies.
    BEGIN IMMEDIATE still follows, so other programs writing the file are excluded as before.
    """
    assert fcntl is not None
    if info.get("writer_turn"):
        return  # this connection holds the turn already (a second transaction on the same connection)
    key = (threading.get_ident(), lock_path)
    with _holders_lock:
        if _holders.get(key, id(info)) != id(info):
            raise StoreError("store.nested_write")
    handle = info.get("writer_lock")
    if handle is None:
        try:
            handle = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
            with suppress(OSError):
                os.fchmod(handle, 0o666)  # the umask must not lock other users of the PC out
        except OSError:
            return  # no shared lock file here: BEGIN IMMEDIATE alone keeps writers apart
        info["writer_lock"] = handle
    delay = 0.00005
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise sqlite3.OperationalError("database is locked") from None
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 1.5, 0.0005)
    info["writer_turn"] = key
    with _holders_lock:
        _holders[key] = id(info)


def close_writer_lock(info: PoolInfo) -> None:
    """Close the turn's lock file that the connection of pool ``info`` kept open (the turn must be given
    back first)."""
    handle = info.pop("writer_lock", None)
    if handle is not None:
        os.close(handle)


def end_writer_turn(info: PoolInfo) -> None:
    """Give back the writer turn held by the connection of pool ``info`` (nothing if it holds none)."""
    key = info.pop("writer_turn", None)
    if key:
        assert fcntl is not None
        fcntl.flock(info["writer_lock"], fcntl.LOCK_UN)
        with _holders_lock:
            _holders.pop(key, None)


def begin_immediate(raw: sqlite3.Connection, deadline: float) -> None:
    """Take SQLite's write lock, waiting until ``deadline`` (a time.monotonic() value).

    SQLite's own busy handler sleeps in steps growing to 100 ms and can lose the lock again at every wake-up:
    under four busy writers some waited 4-6 s and one gave up after 10 s (docs/PERFORMANCE.md). Short,
    jittered retries keep every waiter in the race, so waits stay near the length of a few transactions.
    """
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        delay = 0.0001
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if time.monotonic() >= deadline:
                    raise
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 1.5, 0.002)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
