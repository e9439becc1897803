"""Turning rows into the frozen results, resolving codes, numbers and usernames."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import NotFound
from antrian.services.results import TicketInfo
from antrian.store.models import Counter, Service, Ticket, User


def service_by_code(session: Session, code: str) -> Service:
    service = session.execute(select(Service).where(Service.code == code)).scalar_one_or_none()
    if service is None:
        known = session.execute(select(Service.code).order_by(Service.display_order, Service.code)).scalars()
        choices = list(known)
        if not choices:
            raise NotFound("service.unknown_none_defined", service=code)
        raise NotFound("service.unknown", service=code, choices=choices)
    return service


def counter_by_number(session: Session, number: int) -> Counter:
    counter = session.execute(select(Counter).where(Counter.number == number)).scalar_one_or_none()
    if counter is None:
        raise NotFound("counter.unknown", counter=number)
    return counter


def _names(session: Session, model: type, ids: Iterable[int | None], attribute: str) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    column = getattr(model, attribute)
    rows = session.execute(select(model.id, column).where(model.id.in_(wanted)))  # type: ignore[attr-defined]
    return {row[0]: row[1] for row in rows}


def ticket_infos(session: Session, tickets: Sequence[Ticket]) -> list[TicketInfo]:
    """Results for many tickets with three lookups, not three per ticket."""
    services = {
        row.id: row
        for row in session.execute(
            select(Service).where(Service.id.in_({t.service_id for t in tickets}))
        ).scalars()
    }
    counters = _names(session, Counter, (t.counter_id for t in tickets), "number")
    users = _names(session, User, (t.operator_id for t in tickets), "username")
    return [
        ticket_info(
            t,
            services[t.service_id],
            int(counters[t.counter_id]) if t.counter_id is not None else None,
            users.get(t.operator_id) if t.operator_id is not None else None,
        )
        for t in tickets
    ]


def ticket_info(ticket: Ticket, service: Service, counter: int | None, operator: str | None) -> TicketInfo:
    return TicketInfo(
        id=ticket.id,
        number=ticket.label,
        service=service.code,
        service_name=service.name,
        service_day=ticket.service_day,
        sequence=ticket.sequence,
        status=ticket.status,
        priority_group=ticket.priority_group,
        place_at=ticket.place_at,
        issued_at=ticket.issued_at,
        first_called_at=ticket.first_called_at,
        last_called_at=ticket.last_called_at,
        started_at=ticket.started_at,
        finished_at=ticket.finished_at,
        counter=counter,
        operator=operator,
        call_count=ticket.call_count,
        parent_id=ticket.parent_id,
    )
