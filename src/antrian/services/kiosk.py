"""What the kiosk shows for each service: people waiting, the estimated wait, and whether it can issue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antrian.domain.estimate import (
    RECENT_PER_COUNTER,
    ServiceTimes,
    estimate_wait,
    line_ahead,
    line_services,
    service_times,
)
from antrian.domain.hours import closed_reason
from antrian.domain.messages import Message
from antrian.domain.status import Status
from antrian.domain.timing import Clock, TimeUnit, require_utc, standard_words, system_clock
from antrian.services.calendar import day_calendar
from antrian.services.office import get_office
from antrian.services.standards import standards_on
from antrian.services.zones import zone_ids
from antrian.store.models import CounterService, CounterState, Service, Ticket, TicketNumber, Zone


@dataclass(frozen=True, slots=True)
class ServiceTile:
    code: str
    name: str
    waiting: int
    estimate_words: Message  # estimate.* (domain.estimate.estimate_wait) for a ticket taken now
    standard_time: Message  # standard.minutes / .hours / .working_days
    available: bool
    reason: Message | None  # why a ticket cannot be taken now: hours.*, kiosk.quota_used, kiosk.paused
    line: int  # people a new ticket queues behind (domain.estimate.line_ahead)
    line_services: frozenset[str]  # the services of the tickets in that line (domain.estimate.line_services)
    servers: int  # open counters serving it
    idle: int  # of those, the ones with nobody at the counter
    times: ServiceTimes | None  # counter time per citizen the estimate rests on
    zone: str | None = None  # the code of its zone (services.zones)
    zone_name: str | None = None


def _standard(value: int, unit: str) -> timedelta | None:
    if unit == TimeUnit.MINUTES:
        return timedelta(minutes=value)
    if unit == TimeUnit.HOURS:
        return timedelta(hours=value)
    return None  # working days say nothing about time at the counter


def kiosk_overview(
    session: Session, *, clock: Clock = system_clock, zones: Collection[str] | None = None
) -> list[ServiceTile]:
    """Every active service with what the citizen needs to choose, in display order.

    ``zones``: a kiosk of a Mal Pelayanan Publik limited to these zones (codes) shows only their services,
    zone by zone in the zones' order; an unknown code is ``NotFound``."""
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
    zone_of = {z.id: z for z in session.execute(select(Zone)).scalars()}
    shown = list(services)  # the lines and estimates count every service's queue; the tiles are these
    if zones is not None:
        wanted = zone_ids(session, zones)
        placed = [(zone_of[s.zone_id], s) for s in services if s.zone_id is not None and s.zone_id in wanted]
        shown = [s for z, s in sorted(placed, key=lambda pair: (pair[0].display_order, pair[0].code))]
    calendar = day_calendar(session, day)
    code_of = {s.id: s.code for s in services}
    standards = standards_on(session, day)
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
    served: dict[int, set[str]] = defaultdict(set)
    for counter_id, service_id in session.execute(
        select(CounterService.counter_id, CounterService.service_id)
    ):
        if service_id in code_of:
            served[counter_id].add(code_of[service_id])
    open_ids: list[int] = []
    idle_ids: set[int] = set()
    paused: list[frozenset[str]] = []
    for counter_id, state, current in session.execute(
        select(CounterState.counter_id, CounterState.state, CounterState.current_ticket_id)
    ):
        if state == "open":
            open_ids.append(counter_id)
            if current is None:
                idle_ids.add(counter_id)
        elif state == "paused":
            paused.append(frozenset(served.get(counter_id, set())))
    open_counters = [frozenset(served.get(c, set())) for c in open_ids]
    sittings = _recent_sittings(session, open_ids, day)

    tiles = []
    for service in shown:
        zone = zone_of.get(service.zone_id) if service.zone_id is not None else None
        standard = standards[service.id]  # every service has one (services.standards)
        ahead = waiting.get(service.code, 0)
        mine = [c for c in open_ids if service.code in served.get(c, set())]
        servers = len(mine)
        idle = sum(1 for c in mine if c in idle_ids)
        times = service_times(
            [t for c in mine for t in sittings.get(c, [])],
            _standard(standard.value, standard.unit),
        )
        line = line_ahead(service.code, open_counters, waiting)
        reason = closed_reason(service.opens_at, service.closes_at, service.open_days, local, calendar)
        if (
            reason is None
            and service.daily_quota is not None
            and issued.get(service.id, 0) >= service.daily_quota
        ):
            reason = Message("kiosk.quota_used")
        if reason is None and servers == 0 and any(service.code in s for s in paused):
            reason = Message("kiosk.paused")
        tiles.append(
            ServiceTile(
                code=service.code,
                name=service.name,
                waiting=ahead,
                estimate_words=estimate_wait(line, servers, idle, times),
                standard_time=standard_words(standard.value, standard.unit),
                available=reason is None,
                reason=reason,
                line=line,
                line_services=line_services(service.code, open_counters),
                servers=servers,
                idle=idle,
                times=times,
                zone=zone.code if zone is not None else None,
                zone_name=zone.name if zone is not None else None,
            )
        )
    return tiles


def _recent_sittings(session: Session, counter_ids: list[int], day: date) -> dict[int, list[timedelta]]:
    """Call-to-finish times of each counter's last ``RECENT_PER_COUNTER`` sittings that ended on ``day``
    (served, or transferred on): the counter time per citizen of ``domain.estimate``."""
    if not counter_ids:
        return {}
    ranked = (
        select(
            Ticket.counter_id,
            Ticket.first_called_at,
            Ticket.finished_at,
            func.row_number()
            .over(partition_by=Ticket.counter_id, order_by=Ticket.finished_at.desc())
            .label("recent"),
        )
        .where(
            Ticket.service_day == day,
            Ticket.status.in_((Status.DONE.value, Status.TRANSFERRED.value)),
            Ticket.counter_id.in_(counter_ids),
            Ticket.first_called_at.is_not(None),
            Ticket.finished_at.is_not(None),
        )
        .subquery()
    )
    found: dict[int, list[timedelta]] = defaultdict(list)
    for counter_id, called, finished in session.execute(
        select(ranked.c.counter_id, ranked.c.first_called_at, ranked.c.finished_at).where(
            ranked.c.recent <= RECENT_PER_COUNTER
        )
    ):
        found[counter_id].append(finished - called)
    return found
