"""The issue path on the psycopg driver (store.issue_postgres) against the Session path, on PostgreSQL.

The rows must be the same (values and types, the events' JSON text included), refusals must leave nothing,
every issued ticket must be announced to the listeners with its event id, and a connection the server
dropped must come out as ``Database.write()`` gives it, with the next issue working again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from antrian.domain.errors import StoreError
from antrian.domain.roles import Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.store.database import open_database
from antrian.store.issue_statements import ISSUE_RECORD_SQL, driver_sql
from antrian.store.queue import NOTIFY_CHANNEL
from tests.conftest import require_postgres
from tests.databases import PgSchema
from tests.store.test_issue_sqlite import START, _run, _seed_into, same_answers

pytestmark = pytest.mark.postgres

TABLES = ("ticket_numbers", "tickets", "events", "event_sequence")


@pytest.fixture
def schemas() -> Iterator[dict[str, PgSchema]]:
    require_postgres()
    made = {"session": PgSchema(), "fast": PgSchema()}
    try:
        yield made
    finally:
        for schema in made.values():
            schema.drop()


def _dump(schema: PgSchema) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the tables an issue writes, each value with its type; JSON as its stored text."""
    dsn = schema.url.replace("postgresql+psycopg://", "postgresql://").split("?", 1)[0]
    with psycopg.connect(dsn) as connection:
        connection.execute(f'SET search_path TO "{schema.name}"')
        dumped = {}
        for table in TABLES:
            columns = [
                row[0]
                for row in connection.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                    "AND table_name = %s ORDER BY ordinal_position",
                    (schema.name, table),
                )
            ]
            text = ", ".join(f'"{c}"::text' if c == "data" else f'"{c}"' for c in columns)
            # the set-up's own events (a user made) carry the real time: only the issues are compared
            where = " WHERE kind = 'ticket_issued'" if table == "events" else ""
            rows = connection.execute(f"SELECT {text} FROM {table}{where} ORDER BY 1, 2").fetchall()
            dumped[table] = [tuple((type(v).__name__, v) for v in row) for row in rows]
        return dumped


def test_rows_are_those_of_the_session_path(schemas: dict[str, PgSchema]) -> None:
    results = {}
    for name, schema in schemas.items():
        db = open_database(schema.url, create=True)
        try:
            user_id = _seed_into(db)
            operator = Actor(Role.OPERATOR, user_id, "petugas1")
            results[name] = _run(db, fast=name == "fast", operator=operator)
        finally:
            db.dispose()
    same_answers(results)
    session_rows, fast_rows = _dump(schemas["session"]), _dump(schemas["fast"])
    for table in TABLES:
        assert fast_rows[table] == session_rows[table], table
    issued = fast_rows["events"]
    assert len(issued) == 9, "one event per ticket, none for the refused one"
    assert issued[1][7] == ("str", '{"number": "B0001", "service": "B", "priority": "lansia"}')
    assert fast_rows["event_sequence"][0][1] == ("int", max(row[0][1] for row in fast_rows["events"]))


def test_every_issue_is_announced_with_its_event_id(pg_url: str) -> None:
    db = open_database(pg_url, create=True)
    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://").split("?", 1)[0]
    try:
        _seed_into(db)
        with psycopg.connect(dsn, autocommit=True) as listener:
            listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
            issued = [queue.issue_ticket_in(db, "A", clock=FixedClock(START)) for _ in range(3)]
            # the channel is the whole database's: tests in other schemas notify on it too, so only the
            # notifications of this database's own connections (their backends' pids) are this test's
            pooled = [db.engine.raw_connection() for _ in range(db.engine.pool.checkedin())]  # type: ignore[attr-defined]
            ours = {connection.driver_connection.info.backend_pid for connection in pooled}  # type: ignore[union-attr]
            for connection in pooled:
                connection.close()
            payloads: list[str] = []
            for note in listener.notifies(timeout=5):
                if note.pid in ours:
                    payloads.append(note.payload)
                if len(payloads) == 3:
                    break
        with db.read() as s:
            from sqlalchemy import text

            ids = s.execute(
                text("SELECT id, ticket_id FROM events WHERE kind = 'ticket_issued' ORDER BY id")
            ).all()
    finally:
        db.dispose()
    assert [t.number for t in issued] == ["A0001", "A0002", "A0003"]
    assert payloads == [str(row[0]) for row in ids]
    assert [row[1] for row in ids] == [t.id for t in issued]


def test_a_connection_the_server_dropped(pg_url: str) -> None:
    db = open_database(pg_url, create=True)
    try:
        _seed_into(db)
        first = queue.issue_ticket_in(db, "A", clock=FixedClock(START))
        with db.engine.connect() as connection:  # the pool's one connection, which the issue used
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        dsn = pg_url.replace("postgresql+psycopg://", "postgresql://").split("?", 1)[0]
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        # the pool's ping finds the dropped connection and replaces it: the issue goes on
        second = queue.issue_ticket_in(db, "A", clock=FixedClock(START))
    finally:
        db.dispose()
    assert (first.number, second.number) == ("A0001", "A0002")


def test_a_server_that_is_gone_is_a_store_error() -> None:
    db = open_database("postgresql+psycopg://postgres@127.0.0.1:1/test", check=False)
    try:
        with pytest.raises(StoreError):
            queue.issue_ticket_in(db, "A", clock=FixedClock(START))
    finally:
        db.dispose()


def test_the_record_statement_is_the_shared_insert() -> None:
    """The fast path's statement inserts the ticket with the Session path's own text, in the driver's
    parameter style (a ``::text`` cast is not taken for a parameter)."""
    sql = driver_sql(ISSUE_RECORD_SQL)
    assert "%(issued_at)s, %(issued_at)s, 0) RETURNING id" in sql
    assert "e.id::text" in sql and ":" not in sql.replace("::text", "")
