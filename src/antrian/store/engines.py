"""Engines: SQLite configured as ARCHITECTURE.md says (WAL, synchronous=FULL, busy timeout, foreign keys,
BEGIN with the mode a transaction asks for), PostgreSQL with timeouts that notice a lost link."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import ConnectionPoolEntry

from antrian.store.sqlite_file import create_empty
from antrian.store.writer_turn import BUSY_TIMEOUT_MS, WriterTurn, close_writer_lock, end_writer_turn

PG_CONNECT_TIMEOUT_S = 3
PG_LINK_TIMEOUT_MS = 10_000


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
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        pooled = connection.connection
        raw = pooled.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        if mode == "IMMEDIATE":
            turn.begin(pooled.info, raw)
            return
        try:
            raw.execute(f"BEGIN {mode}")
        except sqlite3.Error as error:
            end_writer_turn(pooled.info)
            raise turn.translate(error) from None

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, entry: ConnectionPoolEntry) -> None:
        end_writer_turn(entry.info)

    @event.listens_for(engine, "close")
    def _on_close(_dbapi_connection: Any, entry: ConnectionPoolEntry) -> None:
        end_writer_turn(entry.info)
        close_writer_lock(entry.info)


def make_engine(url: URL, *, create: bool = False, **kwargs: Any) -> Engine:
    """An engine for ``url``. SQLite connections never create the file; ``create`` makes it (empty) first.

    Nothing is checked here: ``open_database`` looks at the database before handing it out.
    """
    if url.get_backend_name() == "sqlite":
        if create and url.database and url.database != ":memory:" and not os.path.exists(url.database):
            create_empty(url.database)
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
