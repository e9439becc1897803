"""Read-only queries for lists, logs and scripts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antrian.domain.timing import Clock, service_day, system_clock
from antrian.services.lookup import ticket_infos
from antrian.services.office import get_office
from antrian.services.results import EventInfo, TicketInfo
from antrian.store.models import Event, Ticket
from antrian.store.queue import events_after as _events_after


def today(session: Session, clock: Clock = system_clock) -> date:
    return service_day(clock(), get_office(session).zone)


def tickets_for_day(
    session: Session, day: date | None = None, *, clock: Clock = system_clock
) -> list[TicketInfo]:
    """Every ticket (every service visit) of a service day, in issue order."""
    day = day or today(session, clock)
    rows = (
        session.execute(select(Ticket).where(Ticket.service_day == day).order_by(Ticket.id)).scalars().all()
    )
    return ticket_infos(session, rows)


def events_after(session: Session, after_id: int, limit: int = 1000) -> list[EventInfo]:
    """Events with id greater than ``after_id``, oldest first: the change feed's read (one statement)."""
    return [
        EventInfo(
            id=row.id,
            at=row.at,
            kind=row.kind,
            ticket_id=row.ticket_id,
            counter=row.counter,
            service=row.service,
            user=row.user,
            data=dict(row.data or {}),
        )
        for row in _events_after(session, after_id, limit)
    ]


def last_event_id(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(Event.id), 0))).scalar_one())
