"""One database to work on: the unit of work (``Database.write()`` / ``read()``) and opening it.

SQLite follows ARCHITECTURE.md: WAL, synchronous=FULL, a busy timeout, foreign keys, and every writing
transaction opened with BEGIN IMMEDIATE (a deferred read-then-write transaction fails at once under
contention, whatever the busy timeout says). Readers use a DEFERRED transaction and never block writers.

Nothing here creates a database unless asked (``open_database(create=True)``: ``antrian db upgrade``,
``demo-data``, ``demo``); SQLite connections open the file with ``mode=rw``, so not even a connection made
after the file was deleted brings an empty one back. A file is looked at read-only before anything can
write to it, and every failure becomes a ``StoreError`` (or ``InvalidInput`` / ``IllegalAction`` for what
the request did wrong) whose code names the real cause: missing, empty, foreign, corrupted, deleted,
replaced, read-only, locked, full, unreachable, link lost.

The pieces: ``store.urls`` (which database), ``store.sqlite_file`` and ``store.disk`` (the file and its
disk), ``store.engines`` (engine configuration per dialect), ``store.writer_turn`` (SQLite's write lock),
``store.problems`` (what a driver error means).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, exc
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from antrian.domain.errors import AntrianError, InvalidInput, PermissionDenied
from antrian.domain.messages import Message
from antrian.store.engines import make_engine
from antrian.store.problems import first_line, translate_error
from antrian.store.sqlite_file import SqliteFile, open_sqlite_file
from antrian.store.urls import default_sqlite_path, describe, location, resolve_url
from antrian.store.writer_turn import WriterTurn

log = logging.getLogger(__name__)


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
            raise InvalidInput("store.value_rejected", detail=first_line(error)) from error

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
