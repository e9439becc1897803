"""The concurrency-critical statements of the queue, per dialect (ARCHITECTURE.md, "Concurrency").

- Ticket numbers come from a per-(service, day) counter row upserted in the issuing transaction.
- Event ids come from one counter row that each writer locks last, just before commit: the lock is held until
  commit, so ids become visible in commit order and a reader tailing ``id > last_seen`` misses nothing.
- Call-next claims its ticket with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's IMMEDIATE transaction
  already serialises writers.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, case, func, insert, select, text
from sqlalchemy.orm import Session

from antrian.store.dialect import is_postgres
from antrian.store.issue_statements import INSERT_EVENT_SQLITE, NEXT_NUMBER
from antrian.store.models import (
    EVENTS_TABLE,
    OFFICE_TABLE,
    Counter,
    CounterService,
    CounterState,
    Event,
    Service,
    Ticket,
    User,
)

NOTIFY_CHANNEL = "antrian_events"
_office = OFFICE_TABLE.c
# The office row's columns in ``services.office.OfficeInfo`` order (read with a counter's desk).
office_columns = (
    _office.name,
    _office.address,
    _office.timezone,
    _office.label_width,
    _office.priority_interleave,
    _office.recall_limit,
    _office.running_text,
)
# On PostgreSQL an empty SKIP LOCKED answer can mean "others hold the last rows"; retry this long.
SKIP_LOCKED_PATIENCE_S = 1.0

# Plain SQL that both dialects accept; as text() it is compiled once per process (the dialects' own insert()
# constructs are recompiled at every execution in SQLAlchemy 2.0).
_NEXT_EVENT_IDS = text(
    "INSERT INTO event_sequence (id, last) VALUES (1, :count) "
    "ON CONFLICT (id) DO UPDATE SET last = event_sequence.last + :count RETURNING last"
)
# Core statements on the tables, executed on the session's connection: the ORM layers cost more than the
# statements themselves on this hot path (profiled in docs/PERFORMANCE.md).
_INSERT_EVENT = insert(EVENTS_TABLE)
_LAST_EVENT_ID = select(func.coalesce(func.max(EVENTS_TABLE.c.id), 0))
_NOTIFY = select(func.pg_notify(NOTIFY_CHANNEL, bindparam("payload")))
# PostgreSQL, one event (every counter action records one): its id, the row and the notification in one
# statement, one round trip instead of three, and the event-id row locked for no network wait.
_APPEND_ONE_EVENT = text(
    "WITH n AS (INSERT INTO event_sequence (id, last) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET last = event_sequence.last + 1 RETURNING last), "
    "e AS (INSERT INTO events (id, at, kind, ticket_id, counter_id, service_id, user_id, data) "
    "SELECT n.last, :at, :kind, :ticket_id, :counter_id, :service_id, :user_id, :data FROM n RETURNING id) "
    "SELECT e.id, pg_notify(:channel, e.id::text) FROM e"
).bindparams(bindparam("at", type_=EVENTS_TABLE.c.at.type), bindparam("data", type_=EVENTS_TABLE.c.data.type))


def next_ticket_number(session: Session, service_id: int, day: date) -> int:
    """Take the next number of a service for a day: 1 for the day's first ticket, then 2, 3, ...

    The numbering rule of ``store.issue_statements``, which the SQLite fast path runs too."""
    values = {"service_id": service_id, "service_day": day}
    return int(session.connection().execute(NEXT_NUMBER, values).scalar_one())


def append_events(session: Session, events: Sequence[dict[str, Any]]) -> list[int]:
    """Append events with commit-ordered ids; call it last in the transaction.

    Each mapping holds Event columns except ``id``. SQLite runs one writer at a time (BEGIN IMMEDIATE), so
    its rowid, assigned at insert, already follows commit order (many events at once take the same ids,
    the last one's plus one onwards, in one executemany). On PostgreSQL ids come from the
    ``event_sequence`` row, whose lock is held until commit, and the listeners are notified at commit.
    """
    if not events:
        return []
    rows = [
        {"data": {}, "ticket_id": None, "counter_id": None, "service_id": None, "user_id": None, **e}
        for e in events
    ]
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        if len(rows) == 1:
            return [int(connection.execute(INSERT_EVENT_SQLITE, rows[0]).scalar_one())]
        # many at once (a day of demo history): the ids the rowid would give one by one, as the one writer
        # holds the database, assigned here so that the rows go in one executemany
        last = int(connection.execute(_LAST_EVENT_ID).scalar_one()) + len(rows)
        return _insert_numbered(connection, rows, last)
    if len(rows) == 1:
        values = {**rows[0], "channel": NOTIFY_CHANNEL}
        return [int(connection.execute(_APPEND_ONE_EVENT, values).one()[0])]
    last = int(connection.execute(_NEXT_EVENT_IDS, {"count": len(rows)}).scalar_one())
    ids = _insert_numbered(connection, rows, last)
    connection.execute(_NOTIFY, {"payload": str(last)})
    return ids


def _insert_numbered(connection: Connection, rows: list[dict[str, Any]], last: int) -> list[int]:
    """Insert ``rows`` with the ids up to ``last``, in their order."""
    first = last - len(rows) + 1
    for offset, row in enumerate(rows):
        row["id"] = first + offset
    connection.execute(_INSERT_EVENT, rows)
    return [row["id"] for row in rows]


# A counter, its state, the user working it, the office row (or None)
DeskRows = tuple[Counter, CounterState, User | None, tuple[Any, ...] | None]


def lock_desk(session: Session, number: int) -> DeskRows | None:
    """Counter ``number``, its state row locked for this transaction (PostgreSQL), the user working it and
    the office row (``office_columns``' values, None before the office is set up), in one statement.

    None when the counter or its state row does not exist: the caller takes the long way then.
    """
    statement = (
        select(Counter, CounterState, User, *office_columns)
        .join(CounterState, CounterState.counter_id == Counter.id)
        .outerjoin(User, User.id == CounterState.operator_id)
        .outerjoin(OFFICE_TABLE, OFFICE_TABLE.c.id == 1)
        .where(Counter.number == number)
    )
    if is_postgres(session):
        statement = statement.with_for_update(of=CounterState)
    row = session.execute(statement).first()
    if row is None:
        return None
    return row[0], row[1], row[2], None if row[3] is None else tuple(row[3:])


def lock_counter_state(session: Session, counter_id: int) -> CounterState | None:
    """The counter's state row, locked for this transaction on PostgreSQL."""
    statement = select(CounterState).where(CounterState.counter_id == counter_id)
    if is_postgres(session):
        statement = statement.with_for_update()
    return session.execute(statement).scalar_one_or_none()


def _served(counter_id: int) -> Select[tuple[int]]:
    """The ids of the active services counter ``counter_id`` serves."""
    return (
        select(CounterService.service_id)
        .join(Service, Service.id == CounterService.service_id)
        .where(CounterService.counter_id == counter_id, Service.active.is_(True))
    )


def _head(counter_id: int, day: date, priority_first: bool) -> Select[tuple[Ticket, Service]]:
    """The oldest waiting ticket of the preferred kind, else of the other, of the active services the
    counter serves, with its service: one statement."""
    served = _served(counter_id)
    other_kind = Ticket.priority_group.is_(None) if priority_first else Ticket.priority_group.is_not(None)
    return (
        select(Ticket, Service)
        .join(Service, Service.id == Ticket.service_id)
        .where(Ticket.status == "waiting", Ticket.service_day == day, Ticket.service_id.in_(served))
        .order_by(case((other_kind, 1), else_=0), Ticket.place_at, Ticket.id)
        .limit(1)
    )


def claim_head(
    session: Session, counter_id: int, day: date, priority_first: bool
) -> tuple[Ticket, Service] | None:
    """Lock and return the oldest waiting ticket of the preferred kind, else of the other kind, of the
    active services counter ``counter_id`` serves, with its service.

    The caller changes its status in the same transaction. None means nobody waits. Changes pending in the
    session are not flushed first: the claim reads waiting tickets, which a counter's pending changes
    (its state, its own ticket) never make.
    """
    postgres = is_postgres(session)
    statement = _head(counter_id, day, priority_first)
    if postgres:
        statement = statement.with_for_update(of=Ticket, skip_locked=True)
    deadline = time.monotonic() + SKIP_LOCKED_PATIENCE_S
    while True:
        with session.no_autoflush:
            row = session.execute(statement).first()
        if row is not None:
            return row[0], row[1]
        if not postgres or time.monotonic() > deadline or not _any_waiting(session, counter_id, day):
            return None
        time.sleep(0.002)


def _any_waiting(session: Session, counter_id: int, day: date) -> bool:
    statement = select(Ticket.id).where(
        Ticket.status == "waiting", Ticket.service_day == day, Ticket.service_id.in_(_served(counter_id))
    )
    return session.execute(statement.limit(1)).first() is not None


# The change feed's read: every window reads it after each change in the office, so in one statement, with
# the counter's number, the service's code and the user's name beside each event (not four statements and an
# object for each row).
_EVENTS_AFTER = (
    select(
        Event.id,
        Event.at,
        Event.kind,
        Event.ticket_id,
        Counter.number.label("counter"),
        Service.code.label("service"),
        User.username.label("user"),
        Event.data,
    )
    .outerjoin(Counter, Counter.id == Event.counter_id)
    .outerjoin(Service, Service.id == Event.service_id)
    .outerjoin(User, User.id == Event.user_id)
    .where(Event.id > bindparam("after"))
    .order_by(Event.id)
    .limit(bindparam("limit"))
)


def events_after(session: Session, after_id: int, limit: int = 1000) -> Sequence[Row[Any]]:
    """Events with id greater than ``after_id``, oldest first, at most ``limit``: each row's columns are
    EventInfo's fields (``services.queries.events_after``)."""
    return session.execute(_EVENTS_AFTER, {"after": after_id, "limit": limit}).all()
