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

from sqlalchemy import Select, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from antrian.store.models import CounterState, Event, EventSequence, Ticket, TicketNumber

NOTIFY_CHANNEL = "antrian_events"
# On PostgreSQL an empty SKIP LOCKED answer can mean "others hold the last rows"; retry this long.
SKIP_LOCKED_PATIENCE_S = 1.0


def _insert_for(session: Session) -> Any:
    return postgresql.insert if _is_postgres(session) else sqlite.insert


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def next_ticket_number(session: Session, service_id: int, day: date) -> int:
    """Take the next number of a service for a day: 1 for the day's first ticket, then 2, 3, ..."""
    insert = _insert_for(session)
    statement = (
        insert(TicketNumber)
        .values(service_id=service_id, service_day=day, last=1)
        .on_conflict_do_update(
            index_elements=[TicketNumber.service_id, TicketNumber.service_day],
            set_={"last": TicketNumber.last + 1},
        )
        .returning(TicketNumber.last)
    )
    return int(session.execute(statement).scalar_one())


def append_events(session: Session, events: Sequence[dict[str, Any]]) -> list[int]:
    """Append events with commit-ordered ids; call it last in the transaction.

    Each mapping holds Event columns except ``id``. On PostgreSQL the listeners are notified at commit.
    """
    if not events:
        return []
    insert = _insert_for(session)
    count = len(events)
    last = session.execute(
        insert(EventSequence)
        .values(id=1, last=count)
        .on_conflict_do_update(index_elements=[EventSequence.id], set_={"last": EventSequence.last + count})
        .returning(EventSequence.last)
    ).scalar_one()
    first = int(last) - count + 1
    rows = [{"data": {}, **event, "id": first + offset} for offset, event in enumerate(events)]
    session.execute(insert(Event), rows)
    if _is_postgres(session):
        session.execute(select(func.pg_notify(NOTIFY_CHANNEL, str(last))))
    return [row["id"] for row in rows]


def lock_counter_state(session: Session, counter_id: int) -> CounterState | None:
    """The counter's state row, locked for this transaction on PostgreSQL."""
    statement = select(CounterState).where(CounterState.counter_id == counter_id)
    if _is_postgres(session):
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
    postgres = _is_postgres(session)
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
