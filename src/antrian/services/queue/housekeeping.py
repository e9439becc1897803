"""Housekeeping of the queue: cancelling a ticket, expiring the open tickets of past days."""

from __future__ import annotations

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from antrian.domain.labels import format_label, parse_label
from antrian.domain.roles import Actor, Permission
from antrian.domain.status import Action, Status, next_status
from antrian.domain.timing import Clock, day_end, require_utc, service_day, system_clock
from antrian.services.action_log import note, who
from antrian.services.lookup import ticket_info
from antrian.services.office import get_office
from antrian.services.queue.calls import find_today
from antrian.services.queue.events import log, record, ticket_event
from antrian.services.results import TicketInfo
from antrian.store.dialect import lock_rows, locked
from antrian.store.models import OPEN_STATUS_CONDITION, CounterState, Service, Ticket
from antrian.store.queue import append_events

# Written out as in the partial index ix_tickets_open, so that SQLite uses it (bound parameters defeat it).
_OPEN_PREDICATE = text(OPEN_STATUS_CONDITION)


def cancel(session: Session, number: str, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    """Cancel today's ticket ``number`` (the citizen left, or it was issued by mistake)."""
    actor.require(Permission.CANCEL)
    now = require_utc(clock())
    office = get_office(session)
    # Counter rows before ticket rows, the order every counter operation locks them in; the other order
    # deadlocks with a counter acting on this ticket at the same moment.
    code, sequence = parse_label(number)
    label = format_label(code, sequence, office.label_width)
    holders = (
        select(CounterState.counter_id)
        .join(Ticket, Ticket.id == CounterState.current_ticket_id)
        .where(Ticket.service_day == service_day(now, office.zone), Ticket.label == label)
    )
    lock_rows(session, holders, of=CounterState)
    ticket = find_today(session, number, service_day(now, office.zone), office.label_width)
    ticket.status = next_status(Status(ticket.status), Action.CANCEL, ticket.label)
    ticket.finished_at = now
    session.execute(
        update(CounterState).where(CounterState.current_ticket_id == ticket.id).values(current_ticket_id=None)
    )
    session.flush()
    record(session, actor, ticket_event("ticket_cancelled", now, ticket, actor.user_id, number=ticket.label))
    service = session.get(Service, ticket.service_id)
    assert service is not None
    return ticket_info(ticket, service, None, None)


def expire_past_days(session: Session, *, actor: Actor, clock: Clock = system_clock) -> int:
    """End-of-day: open tickets of a past service day become expired (nothing is deleted); one never called
    ends (``finished_at``) when its service day ended.

    Return:
        How many tickets expired.
    """
    actor.require(Permission.EXPIRE)
    now = require_utc(clock())
    today = service_day(now, get_office(session).zone)
    # two counters opening at once must not expire (and log) the same tickets twice
    query = locked(
        session, select(Ticket).where(_OPEN_PREDICATE, Ticket.service_day < today), skip_locked=True
    )
    stale = session.execute(query).scalars().all()
    if not stale:
        return 0
    zone = get_office(session).zone
    for ticket in stale:
        ticket.status = next_status(Status(ticket.status), Action.EXPIRE, ticket.label)
        if ticket.first_called_at is None and ticket.finished_at is None:
            # a citizen never called waited until their day ended, not until whenever housekeeping ran:
            # the report's "longest not called" of a past day is then the same at every reading
            ticket.finished_at = day_end(ticket.service_day, zone)
    ids = [t.id for t in stale]
    session.execute(
        update(CounterState).where(CounterState.current_ticket_id.in_(ids)).values(current_ticket_id=None)
    )
    session.flush()
    append_events(
        session,
        [
            ticket_event(
                "ticket_expired", now, t, actor.user_id, number=t.label, day=t.service_day.isoformat()
            )
            for t in stale
        ],
    )
    note(session, log, "ticket_expired %d open ticket(s) of past days by %s", len(stale), who(actor))
    return len(stale)
