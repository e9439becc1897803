"""What the kiosk shows for each service: people waiting, the estimated wait, and whether it can issue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antrian.domain.estimate import (
    describe_wait,
    estimated_wait,
    line_ahead,
    servers_for,
    typical_service_time,
)
from antrian.domain.hours import closed_reason
from antrian.domain.messages import Message
from antrian.domain.timing import Clock, TimeUnit, require_utc, standard_words, system_clock
from antrian.services.office import get_office
from antrian.store.models import CounterService, CounterState, Service, Ticket, TicketNumber

RECENT_SAMPLES = 20


@dataclass(frozen=True, slots=True)
class ServiceTile:
    code: str
    name: str
    waiting: int
    estimate: timedelta | None
    estimate_words: Message  # estimate.no_counter / estimate.now / estimate.about
    standard_time: Message  # standard.minutes / .hours / .working_days
    available: bool
    reason: Message | None  # why a ticket cannot be taken now: hours.*, kiosk.quota_used, kiosk.paused
    line: int  # people a new ticket queues behind (domain.estimate.line_ahead)
    servers: int  # open counters serving it
    typical: timedelta  # typical service time used for the estimate


def _standard(value: int, unit: str) -> timedelta | None:
    if unit == TimeUnit.MINUTES:
        return timedelta(minutes=value)
    if unit == TimeUnit.HOURS:
        return timedelta(hours=value)
    return None  # working days say nothing about time at the counter


def kiosk_overview(session: Session, *, clock: Clock = system_clock) -> list[ServiceTile]:
    """Every active service with what the citizen needs to choose, in display order."""
    office = get_office(session)
    now = require_utc(clock())
    local = now.astimezone(office.zone)
    day = local.date()
    services = (
        session.execute(
            select(Service).where(Service.active.is_(True)).order_by(Service.display_order, Service.code)
        )
        .scalars()
        .all()
    )
    code_of = {s.id: s.code for s in services}
    waiting = {
        code_of[sid]: int(n)
        for sid, n in session.execute(
            select(Ticket.service_id, func.count())
            .where(Ticket.status == "waiting", Ticket.service_day == day)
            .group_by(Ticket.service_id)
        )
        if sid in code_of
    }
    issued = {
        service_id: last
        for service_id, last in session.execute(
            select(TicketNumber.service_id, TicketNumber.last).where(TicketNumber.service_day == day)
        )
    }
    states: dict[str, list[frozenset[str]]] = defaultdict(list)
    served: dict[int, set[str]] = defaultdict(set)
    for counter_id, service_id in session.execute(
        select(CounterService.counter_id, CounterService.service_id)
    ):
        if service_id in code_of:
            served[counter_id].add(code_of[service_id])
    for counter_id, state in session.execute(select(CounterState.counter_id, CounterState.state)):
        states[state].append(frozenset(served.get(counter_id, set())))
    recent: dict[str, list[timedelta]] = defaultdict(list)
    rows = session.execute(
        select(Ticket.service_id, Ticket.first_called_at, Ticket.finished_at)
        .where(Ticket.service_day == day, Ticket.status == "done")
        .order_by(Ticket.finished_at.desc())
        .limit(RECENT_SAMPLES * max(1, len(services)))
    )
    for sid, called, finished in rows:
        if sid in code_of and called and finished and len(recent[code_of[sid]]) < RECENT_SAMPLES:
            recent[code_of[sid]].append(finished - called)

    tiles = []
    for service in services:
        ahead = waiting.get(service.code, 0)
        servers = servers_for(service.code, states["open"])
        typical = typical_service_time(
            recent[service.code], _standard(service.standard_time_value, service.standard_time_unit)
        )
        line = line_ahead(service.code, states["open"], waiting)
        estimate = estimated_wait(line, servers, typical)
        reason = closed_reason(service.opens_at, service.closes_at, service.open_days, local)
        if (
            reason is None
            and service.daily_quota is not None
            and issued.get(service.id, 0) >= service.daily_quota
        ):
            reason = Message("kiosk.quota_used")
        if reason is None and servers == 0 and any(service.code in s for s in states["paused"]):
            reason = Message("kiosk.paused")
        tiles.append(
            ServiceTile(
                code=service.code,
                name=service.name,
                waiting=ahead,
                estimate=estimate,
                estimate_words=describe_wait(estimate),
                standard_time=standard_words(service.standard_time_value, service.standard_time_unit),
                available=reason is None,
                reason=reason,
                line=line,
                servers=servers,
                typical=typical,
            )
        )
    return tiles
