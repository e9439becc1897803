"""Where a ticket is issued: the one interface both issue paths offer to ``services.issue``.

``IssueWriter`` is what issuing needs of the database: the reference read (service, office, the day's
calendar) before the write lock, then one transaction with the number, the ticket and its event, all
through the statements of ``store.issue_statements``. Two implementations: ``SessionIssue`` in a caller's
Session (any dialect), ``store.issue_sqlite.IssueConnection`` on the sqlite3 driver itself and
``store.issue_postgres.PostgresIssue`` on psycopg itself.
``issue_writer(db)`` picks one for a transaction of its own; the choice by dialect is made here only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from datetime import date
from typing import Protocol

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from antrian.domain.hours import DayCalendar
from antrian.store.database import Database, reference_reader
from antrian.store.issue_postgres import postgres_issue
from antrian.store.issue_sqlite import issue_connection
from antrian.store.issue_statements import (
    CALENDAR,
    INSERT_TICKET,
    REFERENCE,
    IssuedTicket,
    IssueReference,
    day_calendar,
)
from antrian.store.queue import append_events, next_ticket_number


class IssueWriter(Protocol):
    """One issue: ``reference`` and ``calendar`` first (no lock), then the writes inside ``transaction``."""

    def reference(self, code: str) -> IssueReference | None: ...

    def calendar(self, day: date) -> DayCalendar: ...

    def reading(self) -> AbstractContextManager[Session]:
        """A Session to read more with (to name the known services when ``code`` is none of them)."""
        ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def next_number(self, service_id: int, day: date) -> int: ...

    def record_issue(self, issued: IssuedTicket) -> int:
        """Insert the waiting ticket and its ``ticket_issued`` event (last in ``transaction``); its id."""
        ...


class SessionIssue:
    """An issue in the caller's Session and transaction (SQLAlchemy Core statements on its connection).

    The reference read runs on ``store.database.reference_reader``'s connection, outside SQLite's write
    lock, which is given back when the writes begin.
    """

    def __init__(self, session: Session, reads: ExitStack) -> None:
        self._session = session
        self._reads = reads
        self._reader: Connection | None = None

    def _read(self) -> Connection:
        if self._reader is None:
            self._reader = self._reads.enter_context(reference_reader(self._session))
        return self._reader

    def reference(self, code: str) -> IssueReference | None:
        row = self._read().execute(REFERENCE, {"code": code}).first()
        if row is None:
            return None
        return IssueReference.of_row(row)

    def calendar(self, day: date) -> DayCalendar:
        return day_calendar(day, self._read().execute(CALENDAR, {"day": day, "weekday": day.isoweekday()}))

    @contextmanager
    def reading(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The caller's transaction: nothing to begin or commit here."""
        self._reads.close()
        self._reader = None
        yield

    def next_number(self, service_id: int, day: date) -> int:
        return next_ticket_number(self._session, service_id, day)

    def record_issue(self, issued: IssuedTicket) -> int:
        connection = self._session.connection()
        ticket_id = int(connection.execute(INSERT_TICKET, issued.ticket_values()).scalar_one())
        append_events(self._session, [issued.event(ticket_id)])
        return ticket_id


@contextmanager
def session_issue(session: Session) -> Iterator[IssueWriter]:
    """An issue in ``session``'s transaction, which the caller commits."""
    with ExitStack() as reads:
        yield SessionIssue(session, reads)


@contextmanager
def issue_writer(db: Database) -> Iterator[IssueWriter]:
    """An issue in a transaction of its own on ``db``, committed when ``transaction()`` ends.

    SQLite: on the sqlite3 driver itself (``store.issue_sqlite``). PostgreSQL: on the psycopg driver itself,
    in two round trips (``store.issue_postgres``).

    Raises:
        StoreError: the database cannot be used or written.
    """
    if db.turn is not None:
        with issue_connection(db) as connection:
            yield connection
        return
    with db.audited(), postgres_issue(db) as writer:
        yield writer
