"""At the counter after the call: start, finish, no-show, hold, transfer."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput, ServiceUnavailable
from antrian.domain.labels import validate_code
from antrian.domain.roles import Actor
from antrian.domain.status import Action, Status, next_status
from antrian.domain.timing import Clock, system_clock
from antrian.services.lookup import service_by_code, ticket_info
from antrian.services.queue.counter_lock import Desk, desk
from antrian.services.queue.events import record, ticket_event
from antrian.services.results import TicketInfo
from antrian.store.models import Ticket


def _step(
    session: Session, counter: int, action: Action, actor: Actor, clock: Clock, *, release: bool
) -> tuple[Desk, Ticket]:
    d = desk(session, counter, actor, clock, need_open=False)
    ticket = d.current(session)
    ticket.status = next_status(Status(ticket.status), action, ticket.label)
    if release:
        d.state.current_ticket_id = None
    return d, ticket


def _finish_step(
    session: Session, d: Desk, ticket: Ticket, kind: str, actor: Actor, **data: Any
) -> TicketInfo:
    session.flush()
    record(
        session,
        actor,
        ticket_event(
            kind, d.now, ticket, actor.user_id, number=ticket.label, counter=d.counter.number, **data
        ),
    )
    return d.info(session, ticket)


def start(
    session: Session,
    counter: int,
    *,
    actor: Actor,
    clock: Clock = system_clock,
    priority_confirmed: bool | None = None,
) -> TicketInfo:
    """The called citizen has arrived: service starts.

    Args:
        priority_confirmed: for a priority ticket, the operator's check of the claim (UU 25/2009 art. 29:
            the facilities are for the vulnerable groups only); recorded in the event for supervisors.
    """
    d, ticket = _step(session, counter, Action.START, actor, clock, release=False)
    ticket.started_at = d.now
    if ticket.priority_group is None or priority_confirmed is None:
        return _finish_step(session, d, ticket, "ticket_started", actor)
    return _finish_step(session, d, ticket, "ticket_started", actor, priority_confirmed=priority_confirmed)


def finish(session: Session, counter: int, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    d, ticket = _step(session, counter, Action.FINISH, actor, clock, release=True)
    ticket.finished_at = d.now
    return _finish_step(session, d, ticket, "ticket_finished", actor)


def no_show(session: Session, counter: int, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    """The called citizen did not come (Lewati / Tidak Hadir)."""
    d, ticket = _step(session, counter, Action.NO_SHOW, actor, clock, release=True)
    return _finish_step(session, d, ticket, "ticket_no_show", actor, call_count=ticket.call_count)


def hold(session: Session, counter: int, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    """Set the current ticket aside (Tunda), e.g. while the citizen fetches a document."""
    d, ticket = _step(session, counter, Action.HOLD, actor, clock, release=True)
    return _finish_step(session, d, ticket, "ticket_held", actor)


def transfer(
    session: Session, counter: int, to_service: str, *, actor: Actor, clock: Clock = system_clock
) -> TicketInfo:
    """Send the current citizen to another service, keeping their number and place in line.

    The visit at this counter ends as ``transferred``; a new visit row for the target service waits with the
    original place (issue instant) and ``parent_id`` set to the first visit. Returns the new visit.
    """
    code = validate_code(to_service)
    d = desk(session, counter, actor, clock, need_open=False)
    ticket = d.current(session)
    target = service_by_code(session, code)
    if target.id == ticket.service_id:
        raise InvalidInput("transfer.same_service", ticket=ticket.label, service=code)
    if not target.active:
        raise ServiceUnavailable("service.inactive", service=code, name=target.name)
    ticket.status = next_status(Status(ticket.status), Action.TRANSFER, ticket.label)
    ticket.finished_at = d.now
    d.state.current_ticket_id = None
    visit = Ticket(
        service_id=target.id,
        service_day=ticket.service_day,
        sequence=ticket.sequence,
        label=ticket.label,
        priority_group=ticket.priority_group,
        status=Status.WAITING,
        place_at=ticket.place_at,
        issued_at=d.now,
        call_count=0,
        parent_id=ticket.parent_id or ticket.id,
    )
    session.add(visit)
    session.flush()
    record(
        session,
        actor,
        ticket_event(
            "ticket_transferred",
            d.now,
            ticket,
            actor.user_id,
            number=ticket.label,
            counter=d.counter.number,
            to_service=code,
            new_ticket_id=visit.id,
        ),
    )
    return ticket_info(visit, target, None, None)
