"""The kiosk's issue transaction on PostgreSQL, in two round trips, on the psycopg driver itself.

Through the Session an issue cost about ten round trips to the server (the pool's ping, BEGIN, the reads, the
number, the ticket, the event id, the event, the notification, COMMIT), and the event-id row, which every
writer locks until it commits (``store.queue``), stayed locked across several of them: four kiosks reached
445-692 tickets/s (docs/PERFORMANCE.md). Here:

- the service, the office and the day's calendar are read first, outside any transaction (autocommit), in
  one pipelined round trip;
- round trip 1, pipelined: ``BEGIN`` and the number upsert of ``store.issue_statements`` (the numbering rule,
  the very text every path runs); the quota is checked on the answer, in Python, as on every path;
- round trip 2, pipelined: one statement that inserts the ticket, takes the event id, inserts the event and
  notifies the listeners (``ISSUE_RECORD_SQL``), then ``COMMIT``. The event-id row is locked only while the
  server runs that statement and the commit: no network wait and no Python inside it.

Rows are the same as the Session path writes (tests/store/test_issue_postgres.py compares them), and errors
come out as ``Database.write()`` gives them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import exc
from sqlalchemy.orm import Session

from antrian.domain.hours import DayCalendar
from antrian.store.database import Database
from antrian.store.issue_statements import (
    CALENDAR_SQL,
    ISSUE_RECORD_SQL,
    NEXT_NUMBER_SQL,
    REFERENCE_SQL,
    IssuedTicket,
    IssueReference,
    day_calendar,
    driver_sql,
)
from antrian.store.queue import NOTIFY_CHANNEL

_REFERENCE, _CALENDAR = driver_sql(REFERENCE_SQL), driver_sql(CALENDAR_SQL)
_NEXT_NUMBER, _RECORD = driver_sql(NEXT_NUMBER_SQL), driver_sql(ISSUE_RECORD_SQL)


class PostgresIssue:
    """One pooled PostgreSQL connection, used through psycopg for one issue (``store.issue.IssueWriter``)."""

    def __init__(self, raw: Any, read: Callable[[], AbstractContextManager[Session]]) -> None:
        self._raw = raw
        self._read = read
        self._calendars: dict[date, list[tuple[Any, ...]]] = {}

    def _rows(self, sql: str, values: dict[str, Any]) -> list[tuple[Any, ...]]:
        return self._raw.execute(sql, values, prepare=True).fetchall()  # type: ignore[no-any-return]

    def reference(self, code: str) -> IssueReference | None:
        """The service ``code`` and the office, read in autocommit (call before ``transaction``).

        The calendars of today and tomorrow by UTC come in the same round trip: an Indonesian office's day
        (UTC+7 to +9) is one of them, so ``calendar`` need not ask again.
        """
        today = datetime.now(UTC).date()
        days = (today, today + timedelta(days=1))
        with self._raw.pipeline():
            found = self._raw.execute(_REFERENCE, {"code": code}, prepare=True)
            calendars = [
                self._raw.execute(_CALENDAR, {"day": day, "weekday": day.isoweekday()}, prepare=True)
                for day in days
            ]
        rows = found.fetchall()
        self._calendars = {day: cursor.fetchall() for day, cursor in zip(days, calendars, strict=True)}
        if not rows:
            return None
        return IssueReference.of_row(rows[0])

    def calendar(self, day: date) -> DayCalendar:
        """The holiday and the breaks of the office-local ``day``, read like ``reference``."""
        rows = self._calendars.get(day)
        if rows is None:  # a day other than today's or tomorrow's by UTC (a clock set elsewhere)
            rows = self._rows(_CALENDAR, {"day": day, "weekday": day.isoweekday()})
        return day_calendar(day, rows)

    def reading(self) -> AbstractContextManager[Session]:
        """A reading transaction of the database (``Database.read()``), beside this connection."""
        return self._read()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Begin (sent with the number, in one round trip); ``record_issue`` commits. Any error rolls back."""
        raw = self._raw
        raw.autocommit = False
        try:
            with raw.pipeline():
                yield
        except BaseException:
            if not (raw.closed or raw.broken):
                raw.rollback()
            raise
        finally:
            if not raw.closed:
                raw.autocommit = True

    def next_number(self, service_id: int, day: date) -> int:
        """The next number of a service for a day (the numbering rule: ``store.issue_statements``)."""
        values = {"service_id": service_id, "service_day": day}
        row = self._raw.execute(_NEXT_NUMBER, values, prepare=True).fetchone()  # syncs the pipeline
        return int(row[0])

    def record_issue(self, issued: IssuedTicket) -> int:
        """The ticket, its event and the notification in one statement, sent with COMMIT; the ticket's id."""
        from psycopg.types.json import Json

        # the event's own parameters (ticket_id, counter_id) are the statement's to fill: not sent
        values = {
            **issued.ticket_values(),
            **issued.event(None),
            "data": Json(issued.data),
            "channel": NOTIFY_CHANNEL,
        }
        cursor = self._raw.execute(_RECORD, values, prepare=True)
        self._raw.commit()
        return int(cursor.fetchone()[0])


@contextmanager
def postgres_issue(db: Database) -> Iterator[PostgresIssue]:
    """A pooled connection of PostgreSQL database ``db`` for ``PostgresIssue``, in autocommit until its
    ``transaction``. Driver errors come out as ``Database.write()`` gives them (``store.problems``); a
    connection the error broke is dropped from the pool."""
    import psycopg

    with db.translated():
        db.ready(writing=True)
        pooled = db.engine.raw_connection()
        try:
            raw = pooled.driver_connection
            assert isinstance(raw, psycopg.Connection)
            raw.rollback()  # the pool hands over an idle connection; make sure of it
            raw.autocommit = True
            try:
                yield PostgresIssue(raw, db.read)
            except psycopg.Error as error:
                if raw.closed or raw.broken:
                    pooled.invalidate(error)
                raise exc.DBAPIError.instance(
                    ISSUE_RECORD_SQL, None, error, psycopg.Error, dialect=db.engine.dialect
                ) from error
            finally:
                if not raw.closed:
                    raw.autocommit = False
        finally:
            pooled.close()
