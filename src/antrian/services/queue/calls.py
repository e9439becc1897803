"""Calling a citizen to a counter: the next by the call-order policy, a given number, a held one, again."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import CounterUnavailable, NotFound, NothingWaiting
from antrian.domain.labels import format_label, parse_label
from antrian.domain.policy import priority_first
from antrian.domain.roles import Actor
from antrian.domain.status import Action, Status, next_status
from antrian.domain.timing import Clock, system_clock
from antrian.services.queue.counter_lock import Desk, desk
from antrian.services.queue.events import record, ticket_event
from antrian.services.results import TicketInfo
from antrian.store.dialect import locked
from antrian.store.models import Service, Ticket
from antrian.store.queue import claim_head


def _call(
    session: Session,
    d: Desk,
    ticket: Ticket,
    actor: Actor,
    action: Action = Action.CALL,
    service: Service | None = None,
) -> TicketInfo:
    ticket.status = next_status(Status(ticket.status), action, ticket.label)
    ticket.first_called_at = ticket.first_called_at or d.now
    ticket.last_called_at = d.now
    ticket.counter_id = d.counter.id
    ticket.operator_id = d.operator_id
    ticket.call_count += 1
    d.state.current_ticket_id = ticket.id
    session.flush()
    kind = "ticket_resumed" if action is Action.RESUME else "ticket_called"
    service = service or session.get(Service, ticket.service_id)
    assert service is not None
    record(session, actor, _called_event(kind, d, ticket, actor, service))
    return d.info(session, ticket, service)


def _called_event(kind: str, d: Desk, ticket: Ticket, actor: Actor, service: Service) -> dict[str, Any]:
    """A call event carries what a display shows and speaks, so it need not read anything else."""
    return ticket_event(
        kind,
        d.now,
        ticket,
        actor.user_id,
        number=ticket.label,
        service=service.code,
        service_name=service.name,
        counter=d.counter.number,
        call_count=ticket.call_count,
        priority=ticket.priority_group,
    )


def call_next(session: Session, counter: int, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    """Call the next citizen to ``counter`` by the call-order policy.

    Raises:
        NothingWaiting: nobody waits for the counter's services (exit code 3 on the CLI).
    """
    d = desk(session, counter, actor, clock)
    d.require_free(session)
    first = priority_first(d.state.normal_streak, d.office.priority_interleave)
    claimed = claim_head(session, d.counter.id, d.today, first)
    if claimed is None:
        raise NothingWaiting("counter.nobody_waiting", counter=counter)
    ticket, service = claimed
    d.state.normal_streak = 0 if ticket.priority_group else d.state.normal_streak + 1
    return _call(session, d, ticket, actor, service=service)


def find_today(session: Session, number: str, today: date, width: int) -> Ticket:
    """Today's live row of ticket ``number`` (after a transfer, the newest visit)."""
    code, sequence = parse_label(number)
    label = format_label(code, sequence, width)
    statement = (
        select(Ticket)
        .where(Ticket.service_day == today, Ticket.label == label)
        .order_by(Ticket.id.desc())
        .limit(1)
    )
    # Lock the row and read it as committed after the lock: another counter may have just claimed it.
    ticket = session.execute(locked(session, statement, fresh=True)).scalar_one_or_none()
    if ticket is None:
        raise NotFound("ticket.not_today", ticket=label)
    return ticket


def call_ticket(
    session: Session, counter: int, number: str, *, actor: Actor, clock: Clock = system_clock
) -> TicketInfo:
    """Call a given number, e.g. a citizen who missed their call and came back."""
    d = desk(session, counter, actor, clock)
    d.require_free(session)
    ticket = find_today(session, number, d.today, d.office.label_width)
    if ticket.service_id not in d.service_ids(session):
        raise CounterUnavailable("counter.not_serving", counter=counter, ticket=ticket.label)
    return _call(session, d, ticket, actor)


def resume(
    session: Session, counter: int, number: str, *, actor: Actor, clock: Clock = system_clock
) -> TicketInfo:
    """Bring a held ticket back to ``counter`` (it is called again)."""
    d = desk(session, counter, actor, clock)
    d.require_free(session)
    ticket = find_today(session, number, d.today, d.office.label_width)
    return _call(session, d, ticket, actor, Action.RESUME)


def recall(session: Session, counter: int, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    """Call the counter's current ticket again."""
    d = desk(session, counter, actor, clock)
    ticket = d.current(session)
    ticket.status = next_status(Status(ticket.status), Action.RECALL, ticket.label)
    ticket.last_called_at = d.now
    ticket.call_count += 1
    session.flush()
    service = session.get(Service, ticket.service_id)
    assert service is not None
    record(session, actor, _called_event("ticket_recalled", d, ticket, actor, service))
    return d.info(session, ticket, service)
