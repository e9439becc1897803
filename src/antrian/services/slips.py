"""The printed ticket's content, read from the database."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from antrian.domain.errors import NotFound
from antrian.domain.estimate import describe_wait, estimated_wait
from antrian.domain.priority import PriorityGroup
from antrian.domain.slip import TicketSlip
from antrian.domain.timing import Clock, system_clock
from antrian.services.kiosk import kiosk_overview
from antrian.services.office import get_office
from antrian.store.models import Service, Setting, Ticket


def ticket_slip(session: Session, ticket_id: int, *, clock: Clock = system_clock) -> TicketSlip:
    """Everything a ticket prints: office, service, number, time, people ahead, estimate, standard, QR."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("ticket.unknown_id", id=ticket_id)
    service = session.get(Service, ticket.service_id)
    assert service is not None
    office = get_office(session)
    ahead = session.execute(
        select(func.count()).where(
            Ticket.service_id == ticket.service_id,
            Ticket.service_day == ticket.service_day,
            Ticket.status == "waiting",
            # the queue's own order: place in line, then issue order (call_next sorts the same way)
            or_(
                Ticket.place_at < ticket.place_at,
                and_(Ticket.place_at == ticket.place_at, Ticket.id < ticket.id),
            ),
        )
    ).scalar_one()
    tile = next((t for t in kiosk_overview(session, clock=clock) if t.code == service.code), None)
    setting = session.get(Setting, "ticket")
    footer = setting.value.get("footer") if setting and isinstance(setting.value, dict) else None
    local = ticket.issued_at.astimezone(office.zone)
    return TicketSlip(
        office=office.name,
        service_code=service.code,
        service_name=service.name,
        number=ticket.label,
        issued=local,
        people_ahead=int(ahead),
        estimate=describe_wait(
            estimated_wait(_line_before(session, ticket, tile.line), tile.servers, tile.typical)
        )
        if tile
        else describe_wait(None),
        standard_time=tile.standard_time if tile else None,
        footer=str(footer) if footer else None,
        qr=f"ANTRIAN:{ticket.id}:{ticket.label}:{ticket.service_day.isoformat()}",
        priority=PriorityGroup(ticket.priority_group) if ticket.priority_group else None,
    )


def _line_before(session: Session, ticket: Ticket, line_now: int) -> int:
    """The line this ticket stands in, less itself and those who came after it (a reprint comes later)."""
    later = session.execute(
        select(func.count()).where(
            Ticket.service_day == ticket.service_day,
            Ticket.status == "waiting",
            or_(
                Ticket.place_at > ticket.place_at,
                and_(Ticket.place_at == ticket.place_at, Ticket.id >= ticket.id),
            ),
        )
    ).scalar_one()
    return max(0, line_now - int(later))
