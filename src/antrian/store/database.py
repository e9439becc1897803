"""Engines and sessions for SQLite (one PC) and PostgreSQL (the office LAN), and what can go wrong with them.

SQLite follows ARCHITECTURE.md: WAL, synchronous=FULL, a busy timeout, foreign keys, and every writing
transaction opened with BEGIN IMMEDIATE (a deferred read-then-write transaction fails at once under
contention, whatever the busy timeout says). Readers use a DEFERRED transaction and never block writers.

Nothing here creates a database unless asked (``open_database(create=True)``: ``antrian db upgrade``,
``demo-data``, ``demo``); SQLite connections open the file with ``mode=rw``, so not even a connection made
after the file was deleted brings an empty one back. A file is looked at read-only before anything can
write to it, and every failure becomes a ``StoreError`` (or ``InvalidInput`` / ``IllegalAction`` for what
the request did wrong) whose code names the real cause: missing, empty, foreign, corrupted, deleted,
replaced, read-only, locked, full, unreachable, link lost.
"""

from __future__ import annotations

import hashlib
import logging
import os
import random
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from antrian.domain.echo import shorten
from antrian.domain.errors import AntrianError, IllegalAction, InvalidInput, PermissionDenied, StoreError
from antrian.domain.messages import Message

try:
    import fcntl
except ImportError:  # Windows: no kernel flock; writers rely on BEGIN IMMEDIATE alone
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

ENV_URL = "ANTRIAN_DATABASE_URL"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
PG_CONNECT_TIMEOUT_S = 3
PG_LINK_TIMEOUT_MS = 10_000
# A disk with less free space than this cannot take a write with its journal: the windows say "full".
FULL_BELOW_BYTES = 256 * 1024
# How much of a path or URL a message repeats (long input is cut in the middle, see domain.echo).
PATH_ECHO = 120
_NAME_MAX, _PATH_MAX = 255, 4096
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def default_sqlite_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("antrian", appauthor=False)) / "antrian.db"


def resolve_url(db: str | None = None) -> URL:
    """Turn ``--db`` (a URL or a file path), ``ANTRIAN_DATABASE_URL`` or the default into a URL.

    Raises:
        InvalidInput: a malformed URL or path, or a database other than SQLite and PostgreSQL.
    """
    text = db or os.environ.get(ENV_URL) or ""
    if not text:
        return URL.create("sqlite+pysqlite", database=str(default_sqlite_path()))
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=_file_path(text))
    try:
        if not text.isprintable():
            raise ValueError("control characters")
        url = make_url(text)
    except (exc.ArgumentError, ValueError):
        raise InvalidInput("store.url_malformed", url=echo_url(text)) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            url = url.set(database=_file_path(url.database))
        return url
    if backend != "postgresql":
        raise InvalidInput("store.url_unsupported", backend=shorten(backend), url=echo_url(text))
    port_ok = url.port is None or 0 < url.port < 65536
    if not url.database or (url.password is not None and not url.username) or not port_ok:
        raise InvalidInput("store.url_malformed", url=echo_url(text))
    return url


def _file_path(text: str) -> str:
    """An absolute file path for ``text``; InvalidInput when no file system could hold such a name."""
    try:
        if not text.isprintable():
            raise ValueError("control characters")
        path = str(Path(text).expanduser().resolve())
    except (OSError, ValueError, RuntimeError):
        raise InvalidInput("store.path_invalid", path=shorten(text)) from None
    too_long = len(path.encode(errors="surrogateescape")) > _PATH_MAX or any(
        len(part.encode(errors="surrogateescape")) > _NAME_MAX for part in Path(path).parts
    )
    if too_long:
        raise InvalidInput("store.path_invalid", path=shorten(text))
    return path


def echo_url(text: str) -> str:
    """``text`` as a message may repeat it: without its password, short, on one line."""
    scheme, sep, rest = text.partition("://")
    if sep:
        credentials, at, place = rest.rpartition("@")
        if at and ":" in credentials:
            rest = f"{credentials.split(':', 1)[0]}:***@{place}"
    return shorten(f"{scheme}{sep}{rest}")


def describe(url: URL) -> str:
    """A human name for the database, without its password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database}"
    return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def location(url: URL) -> str:
    """Where the database is, as messages name it: the file's path, or server:port/database (no password)."""
    if url.get_backend_name() == "sqlite":
        return shorten(str(url.database or ":memory:"), PATH_ECHO)
    return shorten(f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}", PATH_ECHO)


# -- the SQLite file ----------------------------------------------------------------------------------------


def _identity(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _writable(path: str) -> bool:
    """Whether SQLite could write ``path`` in WAL mode: the file, and its folder or its side files."""
    if not os.access(path, os.W_OK):
        return False
    if os.access(os.path.dirname(path) or ".", os.W_OK):
        return True
    return all(os.access(path + suffix, os.W_OK) for suffix in ("-wal", "-shm"))


def _free_bytes(path: str) -> int | None:
    try:
        return shutil.disk_usage(os.path.dirname(path) or ".").free
    except OSError:
        return None


def diagnose_path(path: str) -> StoreError | None:
    """What is wrong with the file at ``path`` for writing, seen from outside SQLite (None: nothing seen)."""
    shown = shorten(path, PATH_ECHO)
    if not os.path.exists(path):
        return StoreError("store.deleted", path=shown)
    if not _writable(path):
        return StoreError("store.readonly", database=shown)
    free = _free_bytes(path)
    if free is not None and free < FULL_BELOW_BYTES:
        return StoreError("store.full", database=shown)
    return None


def inspect_file(path: str) -> tuple[str | None, set[str]]:
    """The schema revision and the tables of the SQLite file ``path``, read without changing a byte.

    A read-only look at a WAL-mode file leaves an index (-shm) and an empty log behind: they are removed.
    A file in the old rollback-journal mode gets a full ``quick_check`` too, since opening it for Antrian
    switches it to WAL, which rewrites its header: damage must be found before that.

    Raises:
        StoreError: not an SQLite file (``store.not_database``), corrupted (``store.corrupted``; the file is
            left as it was), or what SQLite says otherwise (locked, unreadable).
    """
    shown = shorten(path, PATH_ECHO)
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StoreError("store.unreadable", path=shown, reason=error.strerror or str(error)) from None
    if not header:
        return None, set()
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise StoreError("store.not_database", path=shown)
    legacy = len(header) > 18 and header[18] == 1
    side_files = [path + suffix for suffix in ("-wal", "-shm")]
    existed = [os.path.exists(side) for side in side_files]
    try:
        connection = sqlite3.connect(
            f"{Path(path).as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
            if legacy and connection.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("database disk image is malformed")
        finally:
            connection.close()
    except sqlite3.Error as error:
        problem = sqlite_problem(error, shown, path)
        if problem.code == "store.damaged":
            problem = StoreError("store.corrupted", path=shown)
        raise problem from None
    finally:
        for side, was_there in zip(side_files, existed, strict=True):
            with suppress(OSError):
                if not was_there and (side.endswith("-shm") or os.path.getsize(side) == 0):
                    os.unlink(side)
    return revision, tables


class SqliteFile:
    """The SQLite file a Database opened, watched for what can happen to it under running windows.

    SQLite keeps a deleted or renamed-over file open: its connections would go on reading, and committing,
    to a file nobody will see again, while the next program creates an empty office at the path. So every
    transaction first compares the path's identity (device, inode) with the file's as opened (``check``,
    about a microsecond), and a write also checks that the file can still be written. The first time a
    different file is seen, every connection to the old one is dropped (``on_lost``) and ``store.replaced``
    is raised; from then on the new file is used once a read-only look finds it sound and at head. A file
    that comes back after being deleted is looked at the same way.
    """

    def __init__(self, path: str, on_lost: Callable[[], None] | None = None) -> None:
        self.path = path
        self.location = shorten(path, PATH_ECHO)
        self.identity = _identity(path)
        self.on_lost = on_lost
        self.generation = 0  # counts the files adopted, so that watchers reopen their own connections
        self._lost = False
        self._lock = threading.Lock()

    def check(self, *, writing: bool = False) -> None:
        """Raise StoreError when the file is gone, replaced, or (``writing``) cannot be written."""
        with self._lock:
            self._check_identity()
        # the file itself: its -wal and -shm exist while it is open, so the folder no longer matters
        if writing and not os.access(self.path, os.W_OK):
            raise StoreError("store.readonly", database=self.location)

    def health(self) -> None:
        """Raise StoreError for anything that would make a write fail now: ``check`` and a full disk."""
        self.check(writing=True)
        free = _free_bytes(self.path)
        if free is not None and free < FULL_BELOW_BYTES:
            raise StoreError("store.full", database=self.location)

    def _check_identity(self) -> None:
        try:
            identity = _identity(self.path)
        except FileNotFoundError:
            self._drop()
            raise StoreError("store.deleted", path=self.location) from None
        except OSError as error:
            raise StoreError("store.unreadable", path=self.location, reason=error.strerror) from None
        if identity == self.identity and not self._lost:
            return
        if not self._lost:
            self._drop()
            raise StoreError("store.replaced", path=self.location)
        if identity != self.identity:
            _refuse_stale_journal(self.path)
        from antrian.store.schema import schema_problem

        revision, tables = inspect_file(self.path)
        problem = schema_problem(self.location, revision, tables, create=False)
        if problem is not None:
            raise problem
        self.identity, self._lost = identity, False
        self.generation += 1

    def _drop(self) -> None:
        if not self._lost:
            self._lost = True
            if self.on_lost is not None:
                self.on_lost()


def _refuse_stale_journal(path: str) -> None:
    """Refuse a file beside the write-ahead log of another: SQLite would replay that log into it.

    Deleting or replacing a database file while programs use it leaves its ``-wal`` (and ``-shm``) behind,
    and SQLite reads whatever ``-wal`` stands beside a file: a restored backup, or a new empty database,
    would show, and then keep, pages of the old one (tested). Only a person can tell whose log it is.
    """
    journal = path + "-wal"
    with suppress(OSError):
        if os.path.getsize(journal) > 0:
            raise StoreError(
                "store.stale_journal", path=shorten(path, PATH_ECHO), journal=shorten(journal, PATH_ECHO)
            )


def open_sqlite_file(database: str, *, create: bool) -> tuple[SqliteFile, bool]:
    """Look at the SQLite file ``database`` before anything may write to it; returns it and whether its
    schema is at head already. With ``create`` a missing file is made (empty) and an empty or older one
    is accepted, for the caller to create or migrate.

    Raises:
        InvalidInput: the folder or the file does not exist (without ``create``), or the path is a folder.
        StoreError: not an SQLite file, corrupted, read-only, unreadable, empty / older (without ``create``),
            foreign or newer. Nothing has been written to the file.
    """
    from antrian.store.schema import HEAD_REVISION, SET_UP_COMMAND, schema_problem

    path = Path(database)
    shown = shorten(database, PATH_ECHO)
    try:
        if not path.parent.is_dir():
            raise InvalidInput("store.no_folder", folder=shorten(str(path.parent), PATH_ECHO), path=shown)
        if path.is_dir():
            raise InvalidInput("store.is_folder", path=shown)
        exists = path.exists()
    except OSError:
        raise InvalidInput("store.path_invalid", path=shown) from None
    if not exists or not os.path.getsize(database):
        _refuse_stale_journal(database)
    if not exists:
        if not create:
            raise InvalidInput("store.missing", path=shown, command=SET_UP_COMMAND)
        _create_empty(database)
    if not os.access(database, os.R_OK):
        raise StoreError("store.unreadable", path=shown, reason=os.strerror(13))
    if not _writable(database):
        raise StoreError("store.readonly", database=shown)
    revision, tables = inspect_file(database)
    problem = schema_problem(shown, revision, tables, create=create)
    if problem is not None:
        raise problem
    return SqliteFile(database), revision == HEAD_REVISION


def _create_empty(database: str) -> None:
    """An empty file is an empty SQLite database; made here so that no connection ever needs to create one."""
    import errno

    shown = shorten(database, PATH_ECHO)
    try:
        os.close(os.open(database, _CREATE_FLAGS, 0o666))
    except FileExistsError:
        pass  # another process made it first
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreError("store.readonly", database=shown) from None
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StoreError("store.full", database=shown) from None
        raise StoreError("store.unreadable", path=shown, reason=error.strerror) from None


# -- what a driver error means -----------------------------------------------------------------------------


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return shorten(text.splitlines()[0] if text else type(error).__name__, 200)


def sqlite_problem(error: BaseException, database: str, path: str | None = None) -> StoreError:
    """The StoreError for an error of the sqlite3 driver on ``database`` (the file at ``path``)."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    kind = name.removeprefix("SQLITE_").split("_")[0]
    text = str(error).lower()
    if kind in ("BUSY", "LOCKED") or (not kind and ("database is locked" in text or "busy" in text)):
        return StoreError("store.locked", database=database)
    if kind == "READONLY" or (not kind and "readonly" in text):
        return StoreError("store.readonly", database=database)
    if kind == "FULL" or (not kind and "is full" in text):
        return StoreError("store.full", database=database)
    if kind in ("CORRUPT", "NOTADB") or "malformed" in text or "not a database" in text:
        return StoreError("store.damaged", database=database, detail=_first_line(error))
    if kind in ("CANTOPEN", "IOERR", "PERM", "AUTH", "") and path is not None:
        cause = diagnose_path(path)
        if cause is not None:
            return cause
    if kind in ("CANTOPEN", "PERM", "AUTH"):
        return StoreError("store.unreadable", path=database, reason=_first_line(error))
    return StoreError("store.failed", database=database, detail=_first_line(error))


_UNREACHABLE = (
    "connection refused",
    "timeout expired",
    "could not translate",
    "no route to host",
    "network is unreachable",
    "connection failed",
    "could not connect",
    "no such file or directory",
)


def postgres_problem(error: BaseException, server: str, user: str | None = None) -> StoreError:
    """The StoreError for a psycopg error (or SQLAlchemy's wrapper of one) on ``server``."""
    orig = error.orig if isinstance(error, exc.DBAPIError) and error.orig is not None else error
    state = str(getattr(orig, "sqlstate", None) or "")
    text = str(orig).lower()
    detail = _first_line(orig)
    if state in ("40P01", "40001"):
        return StoreError("store.conflict", database=server, detail=detail)
    if state == "25006":
        return StoreError("store.readonly", database=server)
    if state == "53100":
        return StoreError("store.full", database=server)
    if state == "55P03":
        return StoreError("store.locked", database=server)
    if state in ("28P01", "28000") or "password authentication failed" in text:
        return StoreError("store.login_refused", server=server, user=shorten(user or ""))
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return StoreError("store.no_database", server=server)
    invalidated = isinstance(error, exc.DBAPIError) and error.connection_invalidated
    if state.startswith(("08", "57P")) or invalidated or not state:
        if state == "57P03" or (not state and any(reason in text for reason in _UNREACHABLE)):
            return StoreError("store.unreachable", server=server, reason=detail)
        if state or invalidated or "closed" in text or "terminat" in text or "lost" in text or "bad" in text:
            return StoreError("store.link_lost", server=server, reason=detail)
    return StoreError("store.failed", database=server, detail=detail)


def translate_error(error: BaseException, url: URL) -> AntrianError:
    """The AntrianError for any driver error on ``url``: what the request did wrong (a value the database
    rejects, a change breaking a constraint), or a StoreError naming why the database cannot be used."""
    orig = error.orig if isinstance(error, exc.DBAPIError) and error.orig is not None else error
    where = location(url)
    if isinstance(orig, sqlite3.Error):
        if isinstance(orig, sqlite3.IntegrityError):
            return IllegalAction("store.integrity", database=where, detail=_first_line(orig))
        if isinstance(orig, sqlite3.DataError):
            return InvalidInput("store.value_rejected", detail=_first_line(orig))
        return sqlite_problem(orig, where, url.database)
    if isinstance(error, exc.IntegrityError):
        return IllegalAction("store.integrity", database=where, detail=_first_line(orig))
    if isinstance(error, exc.DataError) or str(getattr(orig, "sqlstate", "") or "").startswith("22"):
        return InvalidInput("store.value_rejected", detail=_first_line(orig))
    return postgres_problem(error, location(url), url.username)


# -- engines -------------------------------------------------------------------------------------------------


def _enter_wal(cursor: sqlite3.Cursor, *, deadline_s: float = BUSY_TIMEOUT_MS / 1000) -> None:
    """Put the file in WAL mode, waiting out a writer that holds it.

    SQLite does not call the busy handler while it switches the journal mode, so when several processes
    open a new file at once, one of them gets "database is locked" at once. The switch is retried until
    the same deadline a busy writer gets; a file already in WAL mode (every file but a new one) needs no
    switch and no lock.
    """
    give_up = time.monotonic() + deadline_s
    pause = 0.005
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            busy = (error.sqlite_errorcode & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            if not busy or time.monotonic() >= give_up:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def _configure_sqlite(engine: Engine) -> None:
    file_uri = f"{Path(str(engine.url.database)).as_uri()}?mode=rw"

    @event.listens_for(engine, "do_connect")
    def _never_create(_dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]) -> None:
        # mode=rw: a connection made after the file was deleted fails instead of making an empty office
        cargs[0] = file_uri
        cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, with the mode we choose.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _enter_wal(cursor)
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    turn = WriterTurn.of(engine.url)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        if mode == "IMMEDIATE":
            turn.begin(connection.connection._connection_record, connection.connection.dbapi_connection)
            return
        try:
            connection.connection.dbapi_connection.execute(f"BEGIN {mode}")
        except sqlite3.Error as error:
            end_writer_turn(connection.connection._connection_record)
            raise turn.translate(error) from None

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        end_writer_turn(record)

    @event.listens_for(engine, "close")
    def _on_close(_dbapi_connection: Any, record: Any) -> None:
        end_writer_turn(record)
        close_writer_lock(record)


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

    def begin(self, record: Any, raw: sqlite3.Connection) -> None:
        """Take the turn (kernel lock), then BEGIN IMMEDIATE on ``raw``, the driver connection of ``record``.

        The turn is given back by ``end_writer_turn(record)``, which the pool also calls at check-in.

        Raises:
            StoreError: the database stayed locked for ``BUSY_TIMEOUT_MS``, or cannot be written.
        """
        try:
            deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
            if self.lock_path is not None:
                _take_writer_turn(record, self.lock_path, deadline)
            begin_immediate(raw, deadline)
        except sqlite3.Error as error:
            # raised outside SQLAlchemy's own error wrapping: translate here, or users see "unexpected error"
            end_writer_turn(record)
            raise self.translate(error) from None

    def translate(self, error: sqlite3.Error) -> StoreError:
        return sqlite_problem(error, self.database, self.path)

    def write_lock_free(self, record: Any, raw: sqlite3.Connection, wait_s: float) -> bool:
        """Whether a writer could take SQLite's write lock now, without writing anything.

        Waits up to ``wait_s`` for the turn (Antrian writers hold it for milliseconds; with it no other
        Antrian writer on this PC can hold the lock), then tries BEGIN IMMEDIATE without waiting and rolls
        back. False when the turn stays taken or the lock is held by a program that never took the turn.
        ``record`` keeps the turn's file open between calls (``close_writer_lock`` closes it).
        """
        try:
            if self.lock_path is not None:
                _take_writer_turn(record, self.lock_path, time.monotonic() + wait_s)
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                return False
            raise
        finally:
            end_writer_turn(record)


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


# (thread id, lock path) -> id of the pool record holding that thread's turn on that database
_holders: dict[tuple[int, str], int] = {}
_holders_lock = threading.Lock()


def _take_writer_turn(record: Any, lock_path: str, deadline: float) -> None:
    """Queue for the write lock in the kernel (flock) before asking SQLite for it.

    SQLite's waiters sleep in steps, so its lock sits idle between a commit and the next waiter's wake-up;
    a waiter polling the kernel lock with very short sleeps takes the turn almost as soon as it is free
    (issue p99 under four writers: 50 -> 17 ms, docs/PERFORMANCE.md). The turn is released when the
    connection returns to the pool, right after commit or rollback, and by the kernel if the process dies.
    BEGIN IMMEDIATE still follows, so other programs writing the file are excluded as before.
    """
    assert fcntl is not None
    if record.info.get("writer_turn"):
        return  # this connection holds the turn already (a second transaction on the same connection)
    key = (threading.get_ident(), lock_path)
    with _holders_lock:
        if _holders.get(key, id(record)) != id(record):
            raise StoreError("store.nested_write")
    handle = record.info.get("writer_lock")
    if handle is None:
        try:
            handle = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o666)
            with suppress(OSError):
                os.fchmod(handle, 0o666)  # the umask must not lock other users of the PC out
        except OSError:
            return  # no shared lock file here: BEGIN IMMEDIATE alone keeps writers apart
        record.info["writer_lock"] = handle
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
    record.info["writer_turn"] = key
    with _holders_lock:
        _holders[key] = id(record)


def close_writer_lock(record: Any) -> None:
    """Close the turn's lock file that pool ``record`` kept open (the turn itself must be given back)."""
    handle = record.info.pop("writer_lock", None)
    if handle is not None:
        os.close(handle)


def end_writer_turn(record: Any) -> None:
    """Give back the writer turn held by pool ``record`` (nothing if it holds none)."""
    key = record.info.pop("writer_turn", None) if record is not None else None
    if key:
        assert fcntl is not None
        fcntl.flock(record.info["writer_lock"], fcntl.LOCK_UN)
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


def make_engine(url: URL, *, create: bool = False, **kwargs: Any) -> Engine:
    """An engine for ``url``. SQLite connections never create the file; ``create`` makes it (empty) first.

    Nothing is checked here: ``open_database`` looks at the database before handing it out.
    """
    if url.get_backend_name() == "sqlite":
        if create and url.database and url.database != ":memory:" and not os.path.exists(url.database):
            _create_empty(url.database)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
        if url.database and url.database != ":memory:":
            _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        connect_args={
            "connect_timeout": PG_CONNECT_TIMEOUT_S,
            "application_name": "antrian",
            # A half-open link (cable pulled, switch rebooting) must fail a statement within seconds, not
            # after the operating system's TCP timeout of many minutes: windows then show it as offline
            # and retry, instead of hanging on the answer.
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
            "tcp_user_timeout": PG_LINK_TIMEOUT_MS,
        },
        pool_pre_ping=True,
        **kwargs,
    )


@dataclass
class Database:
    """One database: an engine, a writer session factory and a reader session factory.

    ``file`` (SQLite) is the file as opened: every transaction checks it is still there and the same, and a
    write that it can still be written, before it begins and again before it commits, so that nothing is
    committed to a file that was deleted or replaced meanwhile. ``checked`` says whether the schema has been
    found at head; a database opened unchecked (a window starting while its server is away) checks it on
    its first transaction.
    """

    url: URL
    engine: Engine
    file: SqliteFile | None = None
    checked: bool = True
    writer: sessionmaker[Session] = field(init=False)
    reader: sessionmaker[Session] = field(init=False)
    # SQLite: how writers on the driver itself (store.issue_sqlite) take the write lock, as the engine does.
    turn: WriterTurn | None = field(init=False)

    def __post_init__(self) -> None:
        # SQLite: connections begin DEFERRED (a read never queues behind writers); writers ask for IMMEDIATE.
        write_engine = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else self.engine
        )
        self.writer = sessionmaker(write_engine, expire_on_commit=False)
        self.reader = sessionmaker(self.engine, expire_on_commit=False)
        self.turn = WriterTurn.of(self.url) if self.is_sqlite else None
        if self.file is not None:
            self.file.on_lost = self.engine.dispose  # no connection may stay on a file that is gone

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def name(self) -> str:
        return describe(self.url)

    @property
    def location(self) -> str:
        return location(self.url)

    @property
    def where(self) -> Message:
        """The database as a person reads it: ``store.where_file`` (path) or ``store.where_server``."""
        if self.is_sqlite:
            return Message("store.where_file", path=self.location)
        return Message("store.where_server", server=self.location)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One writing transaction: committed on success, rolled back on any error (a refusal audited)."""
        with self.audited(), self.translated():
            self.ready(writing=True)
            with self.writer.begin() as session:
                yield session
                self.ready(writing=True)  # the file may have gone while the transaction ran

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One reading transaction that never blocks writers (a refusal audited)."""
        with self.audited(), self.translated():
            self.ready()
            with self.reader.begin() as session:
                yield session

    @contextmanager
    def audited(self) -> Iterator[None]:
        """Every unit of work of every window and command passes here: an attempt its role does not allow
        (PermissionDenied) is recorded in the audit in a transaction of its own, since the refused one is
        rolled back, and then raised as it was."""
        try:
            yield
        except PermissionDenied as refusal:
            self.record_refusal(refusal)
            raise

    def record_refusal(self, refusal: PermissionDenied) -> None:
        from antrian.store.audit import append_audit

        actor = refusal.actor
        try:
            with self.translated():
                self.ready(writing=True)
                with self.writer.begin() as session:
                    append_audit(
                        session,
                        at=datetime.now(UTC),
                        user_id=getattr(actor, "user_id", None),
                        username=str(getattr(actor, "name", "")),
                        role=str(getattr(getattr(actor, "role", ""), "value", "")),
                        action="refused",
                        target=refusal.code,
                        detail=refusal.params,
                    )
        except AntrianError as error:  # the refusal itself still reaches the person
            log.warning("a refused attempt could not be recorded in the audit: %s", error)

    def ready(self, *, writing: bool = False) -> None:
        """Raise StoreError unless a transaction can run now: the schema checked, the file still the one
        opened (and writable, for ``writing``)."""
        if self.file is not None:
            self.file.check(writing=writing)
        if not self.checked:
            from antrian.store.schema import ensure_schema

            with self.translated():
                ensure_schema(self)
            self.checked = True

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Driver errors raised inside become AntrianErrors naming the cause (``translate_error``)."""
        try:
            yield
        except AntrianError:
            raise
        except (exc.DBAPIError, sqlite3.Error) as error:
            raise translate_error(error, self.url) from error
        except OverflowError as error:  # a Python int beyond what the driver can bind
            raise InvalidInput("store.value_rejected", detail=_first_line(error)) from error

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    db: str | URL | None = None, *, create: bool = False, check: bool = True, **engine_kwargs: Any
) -> Database:
    """Open the database named by ``db``, the environment or the default.

    Without ``create`` it must exist and be an Antrian database at head; with ``create`` (``antrian db
    upgrade``, ``demo-data``, ``demo``, the first-run set-up) a missing one is created and an older one
    migrated. ``check=False`` leaves a PostgreSQL server unasked until the first transaction (a window that
    starts while its server is away); a SQLite file is always looked at first.

    Raises:
        InvalidInput: a malformed name, or a SQLite file or folder that does not exist (without ``create``).
        StoreError: why the database cannot be used (see ``store.database``'s notes).
    """
    url = db if isinstance(db, URL) else resolve_url(db)
    sqlite_file, at_head = None, False
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        default = default_sqlite_path()
        if url.database == str(default) and not default.parent.is_dir():
            # the default's folder is ours to make, on set-up; another missing folder is a typo
            if not create:
                from antrian.store.schema import SET_UP_COMMAND

                raise InvalidInput("store.missing", path=location(url), command=SET_UP_COMMAND)
            default.parent.mkdir(parents=True, exist_ok=True)
        sqlite_file, at_head = open_sqlite_file(url.database, create=create)
    database = Database(url, make_engine(url, **engine_kwargs), sqlite_file, checked=at_head)
    if at_head or not (check or create):
        return database
    from antrian.store.schema import ensure_schema

    try:
        with database.translated():
            ensure_schema(database, create=create)
        database.checked = True
    except BaseException:
        database.dispose()
        raise
    return database


@contextmanager
def reference_reader(session: Session) -> Iterator[Connection]:
    """A connection for reading reference data (services, office) before a write, outside its lock.

    On SQLite the writer's transaction holds the one write lock from its first statement, so reads done in it
    lengthen every other writer's wait; this reads on a second pooled connection in a DEFERRED transaction
    instead. Callers re-check in the write what must not change (numbers, quotas). On PostgreSQL, whose
    writers do not exclude each other, it is the session's own connection.
    """
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or not isinstance(bind, Engine):
        yield session.connection()
        return
    with bind.connect() as connection:
        connection.execution_options(sqlite_begin="DEFERRED")  # the writer's engine asks for IMMEDIATE
        yield connection
