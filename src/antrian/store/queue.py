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

from sqlalchemy import Connection, Select, bindparam, func, insert, select, text
from sqlalchemy.orm import Session

from antrian.store.dialect import is_postgres
from antrian.store.issue_statements import INSERT_EVENT_SQLITE, NEXT_NUMBER
from antrian.store.models import EVENTS_TABLE, CounterState, Event, Ticket

NOTIFY_CHANNEL = "antrian_events"
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


def lock_counter_state(session: Session, counter_id: int) -> CounterState | None:
    """The counter's state row, locked for this transaction on PostgreSQL."""
    statement = select(CounterState).where(CounterState.counter_id == counter_id)
    if is_postgres(session):
        statement = statement.with_for_update()
    return session.execute(statement).scalar_one_or_none()


def _waiting(service_ids: Sequence[int], day: date, priority: bool) -> Select[tuple[Ticket]]:
    kind = Ticket.priority_group.is_not(None) if priority else Ticket.priority_group.is_(None)
    return (
        select(Ticket)
        .where(
            Ticket.status == "waiting",
            Ticket.service_day == day,
            Ticket.service_id.in_(service_ids),
            kind,
        )
        .order_by(Ticket.place_at, Ticket.id)
        .limit(1)
    )


def claim_head(
    session: Session, service_ids: Sequence[int], day: date, priority_first: bool
) -> Ticket | None:
    """Lock and return the oldest waiting ticket of the preferred kind, else of the other kind.

    The caller changes its status in the same transaction. None means nobody waits.
    """
    if not service_ids:
        return None
    postgres = is_postgres(session)
    deadline = time.monotonic() + SKIP_LOCKED_PATIENCE_S
    while True:
        for priority in (priority_first, not priority_first):
            statement = _waiting(service_ids, day, priority)
            if postgres:
                statement = statement.with_for_update(skip_locked=True)
            ticket = session.execute(statement).scalar_one_or_none()
            if ticket is not None:
                return ticket
        if not postgres or time.monotonic() > deadline or not _any_waiting(session, service_ids, day):
            return None
        time.sleep(0.002)


def _any_waiting(session: Session, service_ids: Sequence[int], day: date) -> bool:
    statement = select(Ticket.id).where(
        Ticket.status == "waiting", Ticket.service_day == day, Ticket.service_id.in_(service_ids)
    )
    return session.execute(statement.limit(1)).first() is not None


def events_after(session: Session, after_id: int, limit: int = 1000) -> Sequence[Event]:
    return (
        session.execute(select(Event).where(Event.id > after_id).order_by(Event.id).limit(limit))
        .scalars()
        .all()
    )
