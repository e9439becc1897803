"""The statements of issuing a ticket, defined once for both issue paths (ARCHITECTURE.md, "Concurrency").

Each is plain SQL that SQLite and PostgreSQL both accept, with named parameters (``:name``), so the same
text runs through SQLAlchemy (``text()``, here with the columns' types for binding and reading) on the
Session path and through the sqlite3 driver itself on the kiosk's fast path (``store.issue_sqlite``, which
converts values with the same column types). The numbering rule is the ``NEXT_NUMBER`` upsert: a
per-(service, day) counter row, 1 for the day's first ticket, then 2, 3, ... in the issuing transaction, with
the UNIQUE index on (service, day, number) as a safety net.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any, NamedTuple

from sqlalchemy import Boolean, TextualSelect, Time, bindparam, text

from antrian.domain.hours import Break, DayCalendar
from antrian.store.models import EVENTS_TABLE, TICKETS_TABLE

# The service, and the office row beside it (absent before the office is set up).
REFERENCE_SQL = (
    "SELECT s.id, s.name, s.active, s.opens_at, s.closes_at, s.open_days, s.daily_quota, o.id AS office_id, "
    "o.name AS office_name, o.address, o.timezone, o.label_width, o.priority_interleave, o.recall_limit, "
    "o.running_text FROM services AS s LEFT JOIN office AS o ON o.id = 1 WHERE s.code = :code"
)
# The day's holiday (kind 0) and its weekday's breaks (kind 1), in the order of their start.
CALENDAR_SQL = (
    "SELECT 0 AS kind, name, NULL AS starts_at, NULL AS ends_at FROM holidays WHERE day = :day "
    "UNION ALL SELECT 1, name, starts_at, ends_at FROM breaks WHERE weekday = :weekday ORDER BY 1, 3"
)
NEXT_NUMBER_SQL = (
    "INSERT INTO ticket_numbers (service_id, service_day, last) VALUES (:service_id, :service_day, 1) "
    "ON CONFLICT (service_id, service_day) DO UPDATE SET last = ticket_numbers.last + 1 RETURNING last"
)
INSERT_TICKET_SQL = (
    "INSERT INTO tickets (service_id, service_day, sequence, label, priority_group, status, place_at, "
    "issued_at, call_count) VALUES (:service_id, :service_day, :sequence, :label, :priority_group, "
    "'waiting', :issued_at, :issued_at, 0) RETURNING id"
)
# SQLite: an explicit NULL id makes it assign the next rowid; writers are serialised, so ids follow commit
# order. (PostgreSQL takes its ids from the event_sequence row: store.queue.append_events.)
INSERT_EVENT_SQLITE_SQL = (
    "INSERT INTO events (id, at, kind, ticket_id, counter_id, service_id, user_id, data) "
    "VALUES (NULL, :at, :kind, :ticket_id, :counter_id, :service_id, :user_id, :data) RETURNING id"
)

# PostgreSQL, the kiosk's fast path (store.issue_postgres): the ticket, its event id (the event_sequence row,
# as store.queue.append_events takes it), the event and the notification in one statement, sent with COMMIT,
# so that the event-id row, which every writer locks until it commits, is held for no network wait.
ISSUE_RECORD_SQL = (
    f"WITH t AS ({INSERT_TICKET_SQL}), "
    "n AS (INSERT INTO event_sequence (id, last) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET last = event_sequence.last + 1 RETURNING last), "
    "e AS (INSERT INTO events (id, at, kind, ticket_id, counter_id, service_id, user_id, data) "
    "SELECT n.last, :at, :kind, t.id, NULL, :service_id, :user_id, :data FROM n, t RETURNING id) "
    "SELECT t.id, pg_notify(:channel, e.id::text) FROM t, e"
)
_NAMED = re.compile(r"(?<![:\w]):([a-z_]+)")


def driver_sql(sql: str) -> str:
    """``sql`` with its ``:name`` parameters in the psycopg driver's ``%(name)s`` style."""
    return _NAMED.sub(r"%(\1)s", sql)


_tickets, _events = TICKETS_TABLE.c, EVENTS_TABLE.c
_DAY, _INSTANT = _tickets.service_day.type, _tickets.issued_at.type

# As text() they are compiled once per process (SQLAlchemy 2.0 recompiles its dialects' own insert()
# constructs, such as on_conflict_do_update, at every execution).
# Typed by name: the driver's values go through the columns' types (SQLite stores times as text).
REFERENCE: TextualSelect = text(REFERENCE_SQL).columns(active=Boolean, opens_at=Time, closes_at=Time)
CALENDAR: TextualSelect = (
    text(CALENDAR_SQL).bindparams(bindparam("day", type_=_DAY)).columns(starts_at=Time, ends_at=Time)
)
NEXT_NUMBER = text(NEXT_NUMBER_SQL).bindparams(bindparam("service_day", type_=_DAY))
INSERT_TICKET = text(INSERT_TICKET_SQL).bindparams(
    bindparam("service_day", type_=_DAY), bindparam("issued_at", type_=_INSTANT)
)
INSERT_EVENT_SQLITE = text(INSERT_EVENT_SQLITE_SQL).bindparams(
    bindparam("at", type_=_events.at.type), bindparam("data", type_=_events.data.type)
)


class IssuedTicket(NamedTuple):
    """A ticket to record: waiting, issued at ``at`` (also its place in line), and its ``ticket_issued``
    event by ``user_id`` carrying ``data``."""

    service_id: int
    day: date
    sequence: int
    label: str
    priority_group: str | None
    at: datetime
    user_id: int | None
    data: dict[str, Any]

    def ticket_values(self) -> dict[str, Any]:
        """``INSERT_TICKET``'s parameters."""
        return {
            "service_id": self.service_id,
            "service_day": self.day,
            "sequence": self.sequence,
            "label": self.label,
            "priority_group": self.priority_group,
            "issued_at": self.at,
        }

    def event(self, ticket_id: int | None) -> dict[str, Any]:
        """The event's columns but its id, for ticket ``ticket_id``."""
        return {
            "at": self.at,
            "kind": "ticket_issued",
            "ticket_id": ticket_id,
            "counter_id": None,
            "service_id": self.service_id,
            "user_id": self.user_id,
            "data": self.data,
        }


class IssueReference(NamedTuple):
    """What issuing needs of a service, and the office row (its columns in ``OfficeInfo`` order)."""

    service_id: int
    name: str
    active: bool
    opens_at: time | None
    closes_at: time | None
    open_days: str
    daily_quota: int | None
    office: tuple[Any, ...] | None

    @classmethod
    def of_row(cls, row: Sequence[Any]) -> IssueReference:
        """From a ``REFERENCE`` row whose values the driver already typed (absent office: NULL id)."""
        office = None if row[7] is None else tuple(row[8:])
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], row[6], office)


def day_calendar(day: date, rows: Iterable[Sequence[Any]]) -> DayCalendar:
    """The holiday and breaks of ``day`` from its ``CALENDAR`` rows, their times already typed."""
    holiday: str | None = None
    breaks = []
    for kind, name, starts, ends in rows:
        if kind == 0:
            holiday = name
        else:
            breaks.append(Break(day.isoweekday(), starts, ends, name))
    return DayCalendar(holiday, tuple(breaks))
