"""The printed ticket's content, read from the database."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from antrian.domain.errors import NotFound
from antrian.domain.estimate import estimate_wait
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.domain.slip import TicketSlip
from antrian.domain.timing import Clock, system_clock
from antrian.services.branding import get_ticket_text
from antrian.services.kiosk import kiosk_overview
from antrian.services.office import get_office
from antrian.store.models import Service, Ticket


def ticket_slip(session: Session, ticket_id: int, *, clock: Clock = system_clock) -> TicketSlip:
    """Everything a ticket prints: office, service, number, time, people ahead, estimate, standard, QR."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("ticket.unknown_id", id=ticket_id)
    service = session.get(Service, ticket.service_id)
    assert service is not None
    office = get_office(session)
    tile = next((t for t in kiosk_overview(session, clock=clock) if t.code == service.code), None)
    ahead = _line_before(session, ticket, tile.line_services if tile else frozenset({service.code}))
    lines = get_ticket_text(session)
    local = ticket.issued_at.astimezone(office.zone)
    return TicketSlip(
        office=office.name,
        service_code=service.code,
        service_name=service.name,
        number=ticket.label,
        issued=local,
        people_ahead=ahead,
        estimate=estimate_wait(ahead, tile.servers, tile.idle, tile.times)
        if tile
        else Message("estimate.no_counter"),
        standard_time=tile.standard_time if tile else None,
        footer=lines.footer or None,
        qr=f"ANTRIAN:{ticket.id}:{ticket.label}:{ticket.service_day.isoformat()}",
        priority=PriorityGroup(ticket.priority_group) if ticket.priority_group else None,
        header=lines.header or None,
    )


def _line_before(session: Session, ticket: Ticket, services: frozenset[str]) -> int:
    """People ahead of ``ticket`` in its line: waiting tickets of the services its counters serve (the
    kiosk's ``line_services``) with an earlier place (place in line, then issue order, as call_next)."""
    return int(
        session.execute(
            select(func.count())
            .select_from(Ticket)
            .join(Service, Service.id == Ticket.service_id)
            .where(
                Ticket.service_day == ticket.service_day,
                Ticket.status == "waiting",
                Service.code.in_(services),
                or_(
                    Ticket.place_at < ticket.place_at,
                    and_(Ticket.place_at == ticket.place_at, Ticket.id < ticket.id),
                ),
            )
        ).scalar_one()
    )
