"""The kiosk's issue transaction on SQLite, sent through the sqlite3 driver itself.

With four writer processes on two cores, issuing is bound by the Python that runs while the one write lock is
held, and SQLAlchemy's Session and statement execution cost more there than SQLite does (docs/PERFORMANCE.md,
"Issue throughput"). This module runs the issue on a pooled connection's sqlite3 object instead, keeping
everything the Session path guarantees:

- the same writer turn and ``BEGIN IMMEDIATE`` as ``Database.write()`` (``WriterTurn``); the turn is given
  back right after COMMIT;
- the statements of ``store.issue_statements``, the very text the Session path runs: the per-(service, day)
  number upsert, the ticket insert, and the event with an explicit NULL id, so that its rowid follows commit
  order;
- values converted by the columns' own SQLAlchemy types (dates, UTC instants, JSON), so that the rows are
  byte-identical to those the Session path writes (tests/store/test_issue_sqlite.py compares them).

The reference read (service, office and the day's calendar) runs before the turn, on the same connection
and outside any transaction: it never lengthens other writers' wait, and every issue sees the settings
committed before it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Column, Dialect
from sqlalchemy.orm import Session

from antrian.domain.hours import DayCalendar
from antrian.store.database import Database
from antrian.store.issue_statements import (
    CALENDAR_SQL,
    INSERT_EVENT_SQLITE_SQL,
    INSERT_TICKET_SQL,
    NEXT_NUMBER_SQL,
    REFERENCE_SQL,
    IssuedTicket,
    IssueReference,
    day_calendar,
)
from antrian.store.models import EVENTS_TABLE, SERVICES_TABLE, TICKETS_TABLE
from antrian.store.writer_turn import PoolInfo, WriterTurn, end_writer_turn


def _unchanged(value: Any) -> Any:
    return value


def _bind(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    return column.type.dialect_impl(dialect).bind_processor(dialect) or _unchanged


def _result(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    return column.type.dialect_impl(dialect).result_processor(dialect, None) or _unchanged


class _Types(NamedTuple):
    """The columns' SQLAlchemy conversions, to and from what the driver stores and returns."""

    day: Callable[[date], Any]
    instant: Callable[[datetime], Any]
    json: Callable[[Any], Any]
    boolean: Callable[[Any], bool]
    time: Callable[[Any], time | None]


@lru_cache(maxsize=8)
def _types(dialect: Dialect) -> _Types:
    tickets, services = TICKETS_TABLE.c, SERVICES_TABLE.c
    return _Types(
        day=_bind(tickets.service_day, dialect),
        instant=_bind(tickets.issued_at, dialect),
        json=_bind(EVENTS_TABLE.c.data, dialect),
        boolean=_result(services.active, dialect),
        time=_result(services.opens_at, dialect),
    )


class IssueConnection:
    """One pooled SQLite connection, used through sqlite3 for one issue."""

    __slots__ = ("_before_commit", "_info", "_raw", "_read", "_turn", "_types")

    def __init__(
        self,
        raw: sqlite3.Connection,
        info: PoolInfo,
        turn: WriterTurn,
        types: _Types,
        before_commit: Callable[[], None],
        read: Callable[[], AbstractContextManager[Session]],
    ) -> None:
        self._raw = raw
        self._info = info
        self._turn = turn
        self._types = types
        self._before_commit = before_commit
        self._read = read

    def reference(self, code: str) -> IssueReference | None:
        """The service ``code`` and the office, read in autocommit (no lock; call before ``transaction``)."""
        rows = self._raw.execute(REFERENCE_SQL, {"code": code}).fetchall()
        if not rows:
            return None
        row = rows[0]
        convert = self._types
        return IssueReference(
            row[0],
            row[1],
            convert.boolean(row[2]),
            convert.time(row[3]),
            convert.time(row[4]),
            row[5],
            row[6],
            None if row[7] is None else row[8:],
        )

    def calendar(self, day: date) -> DayCalendar:
        """The holiday and the breaks of the office-local ``day``, read like ``reference``."""
        convert = self._types
        rows = self._raw.execute(CALENDAR_SQL, {"day": convert.day(day), "weekday": day.isoweekday()})
        typed = ((kind, name, convert.time(starts), convert.time(ends)) for kind, name, starts, ends in rows)
        return day_calendar(day, typed)

    def reading(self) -> AbstractContextManager[Session]:
        """A reading transaction of the database (``Database.read()``), beside this connection."""
        return self._read()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Take the writer turn and SQLite's write lock; commit on success, roll back on any error.

        Raises:
            StoreError: the database stayed locked for the busy timeout, cannot be written, or its file was
                deleted or replaced meanwhile (checked just before COMMIT: nothing is committed to it).
        """
        raw = self._raw
        self._turn.begin(self._info, raw)
        try:
            yield
            self._before_commit()
            raw.execute("COMMIT")
        except BaseException:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raise
        finally:
            end_writer_turn(self._info)  # at once: the pool's check-in would give it back later

    def next_number(self, service_id: int, day: date) -> int:
        """The next number of a service for a day (the numbering rule: ``store.issue_statements``)."""
        row = self._raw.execute(
            NEXT_NUMBER_SQL, {"service_id": service_id, "service_day": self._types.day(day)}
        ).fetchone()
        return int(row[0])

    def record_issue(self, issued: IssuedTicket) -> int:
        """Insert a waiting ticket issued at ``at`` (also its place in line) and its ``ticket_issued`` event
        (store.queue.append_events, SQLite); returns the ticket's id."""
        types = self._types
        instant = types.instant(issued.at)
        values = {**issued.ticket_values(), "service_day": types.day(issued.day), "issued_at": instant}
        ticket_id = int(self._raw.execute(INSERT_TICKET_SQL, values).fetchone()[0])
        event = {**issued.event(ticket_id), "at": instant, "data": types.json(issued.data)}
        self._raw.execute(INSERT_EVENT_SQLITE_SQL, event)
        return ticket_id


@contextmanager
def issue_connection(db: Database) -> Iterator[IssueConnection]:
    """A pooled connection of SQLite database ``db`` for ``IssueConnection``'s statements.

    Errors come out as ``Database.write()`` gives them: a StoreError naming the cause (the file gone,
    replaced, read-only, locked, full, ...), or IllegalAction ``store.integrity`` (a constraint refused the
    row). The file is checked before the connection is taken and again before COMMIT.
    """
    if db.turn is None:
        raise ValueError(f"{db.name} is not an SQLite database")
    with db.translated():
        db.ready(writing=True)
        pooled = db.engine.raw_connection()
        try:
            raw = pooled.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            yield IssueConnection(
                raw,
                pooled.info,
                db.turn,
                _types(db.engine.dialect),
                lambda: db.ready(writing=True),
                db.read,
            )
        finally:
            pooled.close()
