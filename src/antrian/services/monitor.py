"""The supervisor's live monitor: what every service, counter and station is doing now, in one read.

``monitor_snapshot`` reads the state once (a handful of statements, each bounded by today's rows or by the
office's size: the waiting rows through their partial index, the day's served rows, one row per counter and
station). Everything that moves with time alone (a wait growing past its target, a service past its
standard, a station falling silent) is a method taking ``now``: the window recomputes it every second from
the last snapshot without asking the database again, since time passing writes no event.

Flags follow DOMAIN.md "Live flags": a waiting ticket whose wait so far is over (strictly more than) its
service's waiting target; a ticket in service whose service time so far is over its standard (minutes or
hours: a standard in working days measures the whole process, not a sitting at the counter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.desk import standard_duration
from antrian.domain.figures import Share
from antrian.domain.messages import Message
from antrian.domain.roles import Actor, Permission
from antrian.domain.status import Status
from antrian.domain.timing import Clock, require_utc, service_day, system_clock
from antrian.services.office import get_office
from antrian.services.standards import Standard, standards_on
from antrian.services.stations import STALE, StationKind, all_stations
from antrian.store.models import Counter, CounterState, Service, Ticket, User, Zone


@dataclass(frozen=True, slots=True)
class WaitingTicket:
    label: str
    issued: datetime  # the visit's issue instant: a transferred-in visit waits from its transfer


@dataclass(frozen=True, slots=True)
class ServiceLive:
    """One service today: who waits (oldest first), how many were served and how many of those within the
    standard in force today (``within_standard.of`` is 0 for a standard in working days)."""

    code: str
    name: str
    waiting: tuple[WaitingTicket, ...]
    served: int
    within_standard: Share
    waiting_target: timedelta | None
    standard: timedelta | None  # the service-time limit; None for a standard in working days

    def longest(self, now: datetime) -> tuple[WaitingTicket, timedelta] | None:
        """The ticket waiting longest and its wait so far; None when nobody waits."""
        if not self.waiting:
            return None
        first = self.waiting[0]
        return first, require_utc(now) - first.issued

    def over_target(self, now: datetime) -> int:
        """How many waiting tickets have waited longer than the target (a wait exactly at it is not over)."""
        if self.waiting_target is None:
            return 0
        limit = require_utc(now) - self.waiting_target
        return sum(1 for ticket in self.waiting if ticket.issued < limit)


@dataclass(frozen=True, slots=True)
class CounterLive:
    """One counter now: its state (``closed`` when it never opened), who works it, and the ticket at it
    (``ticket_status`` ``called`` or ``serving``; ``since`` is the last call or the start of service)."""

    number: int
    name: str
    state: str
    operator: str | None  # full name
    pause_reason: str | None
    state_since: datetime | None
    ticket: str | None
    ticket_service: str | None
    ticket_status: Status | None
    since: datetime | None
    standard: timedelta | None

    def running(self, now: datetime) -> timedelta | None:
        """How long the current ticket has been at the counter in its present step."""
        return None if self.since is None else require_utc(now) - self.since

    def over_standard(self, now: datetime) -> bool:
        """The service time so far is over the standard (exactly at it is not over)."""
        running = self.running(now)
        return (
            self.ticket_status is Status.SERVING
            and self.standard is not None
            and running is not None
            and running > self.standard
        )


@dataclass(frozen=True, slots=True)
class StationLive:
    kind: StationKind
    name: str
    last_seen: datetime
    problem: Message | None

    def silent(self, now: datetime) -> bool:
        """Not seen for over three heartbeats: switched off or cut off, its last word no longer holds."""
        return require_utc(now) - self.last_seen > STALE


@dataclass(frozen=True, slots=True)
class MonitorSnapshot:
    at: datetime
    day: date
    zone: str
    services: tuple[ServiceLive, ...]
    counters: tuple[CounterLive, ...]
    stations: tuple[StationLive, ...]
    zones: tuple[tuple[str, str], ...] = ()  # (code, name) of the office's zones (services.zones), in order

    def flags(self, now: datetime) -> frozenset[str]:
        """What is flagged at ``now``, as stable keys (``service:A``, ``counter:2``, ``station:kiosk:K1``),
        so a caller can tell a new flag from one it already announced."""
        found = {f"service:{s.code}" for s in self.services if s.over_target(now)}
        found |= {f"counter:{c.number}" for c in self.counters if c.over_standard(now)}
        found |= {
            f"station:{s.kind.value}:{s.name}"
            for s in self.stations
            if s.problem is not None or s.silent(now)
        }
        return frozenset(found)


def _limit(standard: Standard | None) -> timedelta | None:
    return None if standard is None else standard_duration(standard.value, standard.unit)


def _target(standard: Standard | None) -> timedelta | None:
    if standard is None or standard.waiting_target_minutes is None:
        return None
    return timedelta(minutes=standard.waiting_target_minutes)


def _served(
    rows: Iterable[tuple[int, datetime, datetime]], standards: dict[int, Standard]
) -> tuple[dict[int, int], dict[int, Share]]:
    """Per service id: how many were served, and the share of them within the standard (of none when the
    standard is in working days)."""
    served: dict[int, int] = {}
    shares: dict[int, Share] = {}
    for service_id, started, finished in rows:
        served[service_id] = served.get(service_id, 0) + 1
        limit = _limit(standards.get(service_id))
        if limit is not None:
            share = shares.get(service_id, Share())
            shares[service_id] = Share(share.within + (finished - started <= limit), share.of + 1)
    return served, shares


def monitor_snapshot(session: Session, actor: Actor, clock: Clock = system_clock) -> MonitorSnapshot:
    """The office now, for a supervisor or an admin (``Permission.REPORTS``)."""
    actor.require(Permission.REPORTS)
    now = require_utc(clock())
    office = get_office(session)
    day = service_day(now, office.zone)
    standards = standards_on(session, day)

    waiting: dict[int, list[WaitingTicket]] = {}
    for service_id, label, issued in session.execute(
        select(Ticket.service_id, Ticket.label, Ticket.issued_at)
        .where(Ticket.service_day == day, Ticket.status == Status.WAITING.value)
        .order_by(Ticket.issued_at, Ticket.id)
    ):
        waiting.setdefault(service_id, []).append(WaitingTicket(label, issued))
    finished = session.execute(
        select(Ticket.service_id, Ticket.started_at, Ticket.finished_at).where(
            Ticket.service_day == day, Ticket.status == Status.DONE.value
        )
    )
    served_counts, shares = _served(
        ((s, started, end) for s, started, end in finished if started is not None and end is not None),
        standards,
    )

    codes: dict[int, str] = {}
    services = []
    for service_id, code, name, active in session.execute(
        select(Service.id, Service.code, Service.name, Service.active).order_by(
            Service.display_order, Service.code
        )
    ):
        codes[service_id] = code
        # a service switched off today still shows while someone waits in it or was served in it
        if not active and service_id not in waiting and service_id not in served_counts:
            continue
        standard = standards.get(service_id)
        services.append(
            ServiceLive(
                code,
                name,
                tuple(waiting.get(service_id, ())),
                served_counts.get(service_id, 0),
                shares.get(service_id, Share()),
                _target(standard),
                _limit(standard),
            )
        )

    counters = []
    for row in session.execute(
        select(
            Counter.number,
            Counter.name,
            CounterState.state,
            User.full_name,
            CounterState.pause_reason,
            CounterState.since,
            Ticket.label,
            Ticket.service_id,
            Ticket.status,
            Ticket.last_called_at,
            Ticket.started_at,
        )
        .outerjoin(CounterState, CounterState.counter_id == Counter.id)
        .outerjoin(User, User.id == CounterState.operator_id)
        .outerjoin(Ticket, Ticket.id == CounterState.current_ticket_id)
        .where(Counter.active.is_(True))
        .order_by(Counter.number)
    ):
        status = Status(row.status) if row.status in (Status.CALLED, Status.SERVING) else None
        since = None if status is None else row.started_at if status is Status.SERVING else row.last_called_at
        counters.append(
            CounterLive(
                row.number,
                row.name,
                row.state or "closed",
                row.full_name if row.state in ("open", "paused") else None,
                row.pause_reason if row.state == "paused" else None,
                row.since,
                row.label if status else None,
                codes.get(row.service_id) if status else None,
                status,
                since,
                _limit(standards.get(row.service_id)) if status else None,
            )
        )

    stations = tuple(
        StationLive(info.kind, info.name, info.last_seen, info.problem) for info in all_stations(session)
    )
    zones = tuple(
        session.execute(select(Zone.code, Zone.name).order_by(Zone.display_order, Zone.code)).tuples().all()
    )
    return MonitorSnapshot(now, day, office.timezone, tuple(services), tuple(counters), stations, zones)
