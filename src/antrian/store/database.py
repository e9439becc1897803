"""Engines and sessions for SQLite (one PC) and PostgreSQL (the office LAN).

SQLite follows ARCHITECTURE.md: WAL, synchronous=FULL, a busy timeout, foreign keys, and every writing
transaction opened with BEGIN IMMEDIATE (a deferred read-then-write transaction fails at once under
contention, whatever the busy timeout says). Readers use a DEFERRED transaction and never block writers.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from antrian.domain.errors import AntrianError, InvalidInput, StoreError

try:
    import fcntl
except ImportError:  # Windows: no kernel flock; writers rely on BEGIN IMMEDIATE alone
    fcntl = None  # type: ignore[assignment]

ENV_URL = "ANTRIAN_DATABASE_URL"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
PG_CONNECT_TIMEOUT_S = 3
PG_LINK_TIMEOUT_MS = 10_000


def default_sqlite_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("antrian", appauthor=False)) / "antrian.db"


def resolve_url(db: str | None = None) -> URL:
    """Turn ``--db`` (a URL or a file path), ``ANTRIAN_DATABASE_URL`` or the default into a URL."""
    text = db or os.environ.get(ENV_URL) or ""
    if not text:
        path = default_sqlite_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return URL.create("sqlite+pysqlite", database=str(path))
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = make_url(text)
    except exc.ArgumentError:
        raise InvalidInput(f"database URL {text!r} is malformed") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise InvalidInput(
            f"unsupported database {url.get_backend_name()!r}; use a SQLite path or postgresql://"
        )
    return url


def describe(url: URL) -> str:
    """A human name for the database, without its password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database}"
    return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _check_sqlite_file(url: URL) -> None:
    """Refuse, without writing a byte, a file that is not an SQLite database."""
    if not url.database or url.database == ":memory:":
        return
    path = Path(url.database)
    if not path.parent.is_dir():
        raise InvalidInput(f"folder {path.parent} does not exist (database {path})")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder, not a database file")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
        if header != SQLITE_MAGIC:
            raise StoreError(
                f"{path} is not an Antrian database (not an SQLite file, or corrupted); it was left untouched"
            )
        _probe_read_only(path)


def _probe_read_only(path: Path) -> None:
    """Look inside an existing file without changing a byte (switching it to WAL would rewrite its header)."""
    side_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [side.exists() for side in side_files]
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        # A read-only look at a WAL-mode file leaves an index (-shm) and an empty log behind: ours to remove.
        for side, was_there in zip(side_files, existed, strict=True):
            if not was_there and side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
                side.unlink(missing_ok=True)
        raise StoreError(f"{path} is corrupted or not a database ({error}); it was left untouched") from None
    if tables and "alembic_version" not in tables:
        shown = ", ".join(sorted(tables)[:3])
        raise StoreError(f"{path} holds other tables ({shown}) but no Antrian schema; it was left untouched")


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, with the mode we choose.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
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
        handle = record.info.pop("writer_lock", None)
        if handle is not None:
            os.close(handle)


@dataclass(frozen=True, slots=True)
class WriterTurn:
    """How an Antrian writer takes SQLite's write lock on one database file: the turn, then BEGIN IMMEDIATE.

    Used by the engine's "begin" event (``Database.write()``) and by the issue path that runs on the driver
    directly (``store.issue_sqlite``), so that both queue in the same line.
    """

    lock_path: str | None
    name: str

    @classmethod
    def of(cls, url: URL) -> WriterTurn:
        return cls(_writer_lock_path(url.database), describe(url))

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
        if "locked" in str(error) or "busy" in str(error):
            return StoreError(f"{self.name} stayed locked by another program for {BUSY_TIMEOUT_MS // 1000} s")
        return StoreError(f"{self.name} cannot be written: {error}")


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
            raise StoreError("a write transaction is already open in this thread; finish it first")
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


def make_engine(url: URL, **kwargs: Any) -> Engine:
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
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


def translate_error(error: exc.DBAPIError, url: URL) -> StoreError:
    """A clear StoreError for a driver error that means the database cannot be used."""
    text = str(error.orig) if error.orig is not None else str(error)
    first_line = text.strip().splitlines()[0] if text.strip() else type(error).__name__
    name = describe(url)
    lowered = text.lower()
    if "file is not a database" in lowered or "malformed" in lowered:
        return StoreError(f"{name} is corrupted or not a database ({first_line}); it was left untouched")
    if getattr(error.orig, "sqlstate", None) in ("40P01", "40001"):
        return StoreError(
            f"{name} was changed by another PC at the same moment ({first_line}); nothing was saved, "
            "try again"
        )
    if "database is locked" in lowered:
        return StoreError(f"{name} stayed locked by another program for {BUSY_TIMEOUT_MS // 1000} s")
    if isinstance(error, exc.OperationalError) and url.get_backend_name() == "postgresql":
        return StoreError(f"cannot reach {name}: {first_line}")
    return StoreError(f"database error on {name}: {first_line}")


@dataclass
class Database:
    """One database: an engine, a writer session factory and a reader session factory."""

    url: URL
    engine: Engine
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

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def name(self) -> str:
        return describe(self.url)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One writing transaction: committed on success, rolled back on any error."""
        with self._translated(), self.writer.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One reading transaction that never blocks writers."""
        with self._translated(), self.reader.begin() as session:
            yield session

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except AntrianError:
            raise
        except exc.DBAPIError as error:
            if isinstance(error, exc.IntegrityError):
                raise
            raise translate_error(error, self.url) from error

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    db: str | URL | None = None, *, ensure_schema: bool = True, **engine_kwargs: Any
) -> Database:
    """Open (and on first use create or migrate) the database named by ``db``, the environment or default."""
    url = db if isinstance(db, URL) else resolve_url(db)
    database = Database(url, make_engine(url, **engine_kwargs))
    if ensure_schema:
        from antrian.store.schema import ensure_schema as _ensure

        try:
            with database._translated():
                _ensure(database)
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
