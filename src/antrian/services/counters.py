"""Opening, pausing (Istirahat) and closing counters, and reading their state."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import CounterUnavailable, InvalidInput
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, service_day, system_clock
from antrian.services.action_log import note, who
from antrian.services.calendar import day_calendar
from antrian.services.queue.counter_lock import Desk, desk
from antrian.services.queue.housekeeping import expire_past_days
from antrian.services.results import CounterInfo
from antrian.store.models import Counter, CounterService, CounterState, Service, Ticket, User, Zone
from antrian.store.queue import append_events

MAX_REASON = 200

log = logging.getLogger(__name__)


def _log(session: Session, d: Desk, kind: str, actor: Actor, **data: object) -> None:
    """The counter action's event, and its log line once committed ("counter_paused counter 2 by
    petugas1 reason=Sholat Jumat")."""
    details = "".join(f" {key}={value}" for key, value in data.items())
    note(session, log, "%s counter %s by %s%s", kind, d.counter.number, who(actor), details)
    append_events(
        session,
        [
            {
                "at": d.now,
                "kind": kind,
                "counter_id": d.counter.id,
                "user_id": actor.user_id,
                "data": {"counter": d.counter.number, **data},
            }
        ],
    )


def open_counter(session: Session, number: int, *, actor: Actor, clock: Clock = system_clock) -> CounterInfo:
    """Open (or reopen after a break) counter ``number`` for ``actor``; refused on a holiday.

    Opening also closes any past service day still open (end-of-day expiry), so a new day starts clean.
    """
    from antrian.domain.roles import SYSTEM

    d = desk(session, number, actor, clock, need_open=False)
    holiday = day_calendar(session, d.today).holiday
    if holiday is not None:
        raise CounterUnavailable("counter.holiday", counter=number, day=d.today, name=holiday)
    expire_past_days(session, actor=SYSTEM, clock=clock)  # also for a counter left open overnight
    still_today = d.state.since is not None and service_day(d.state.since, d.office.zone) == d.today
    if d.state.state == "open" and d.state.operator_id == actor.user_id and still_today:
        return counter_info(session, number)  # already open for this operator: nothing to log
    # A counter left open overnight opens again for the new day: its session (reports' counter time) starts
    # at this opening, not at whatever it does first.
    if actor.user_id is not None:
        d.state.operator_id = actor.user_id
    d.state.state = "open"
    d.state.pause_reason = None
    d.state.since = d.now
    session.flush()
    _log(session, d, "counter_opened", actor)
    return counter_info(session, number)


def pause_counter(
    session: Session, number: int, reason: str, *, actor: Actor, clock: Clock = system_clock
) -> CounterInfo:
    """Take a break: the counter calls nobody until it is opened again."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("counter.pause_reason_missing")
    if len(reason) > MAX_REASON:
        raise InvalidInput("counter.pause_reason_long", limit=MAX_REASON)
    d = desk(session, number, actor, clock)
    d.require_free(session)
    d.state.state = "paused"
    d.state.pause_reason = reason
    d.state.since = d.now
    session.flush()
    _log(session, d, "counter_paused", actor, reason=reason)
    return counter_info(session, number)


def close_counter(session: Session, number: int, *, actor: Actor, clock: Clock = system_clock) -> CounterInfo:
    d = desk(session, number, actor, clock, need_open=False)
    if d.state.state == "closed":
        raise CounterUnavailable("counter.already_closed", counter=number)
    d.require_free(session)
    d.state.state = "closed"
    d.state.operator_id = None
    d.state.pause_reason = None
    d.state.since = d.now
    d.state.normal_streak = 0
    session.flush()
    _log(session, d, "counter_closed", actor)
    return counter_info(session, number)


def counter_info(session: Session, number: int) -> CounterInfo:
    counter = session.execute(select(Counter).where(Counter.number == number)).scalar_one()
    state = session.get(CounterState, counter.id)
    codes = session.execute(
        select(Service.code)
        .join(CounterService, CounterService.service_id == Service.id)
        .where(CounterService.counter_id == counter.id)
        .order_by(CounterService.position)
    ).scalars()
    operator = session.get(User, state.operator_id) if state and state.operator_id else None
    current = session.get(Ticket, state.current_ticket_id) if state and state.current_ticket_id else None
    return CounterInfo(
        number=counter.number,
        name=counter.name,
        state=state.state if state else "closed",
        operator=operator.username if operator else None,
        current_ticket=current.label if current else None,
        pause_reason=state.pause_reason if state else None,
        since=state.since if state else None,
        services=tuple(codes),
        zone=None if counter.zone_id is None else session.get_one(Zone, counter.zone_id).code,
    )


def list_counters(session: Session) -> list[CounterInfo]:
    numbers = session.execute(select(Counter.number).order_by(Counter.number)).scalars().all()
    return [counter_info(session, n) for n in numbers]
