"""What one counter sees: its state, its current ticket, the waiting list in call order, the missed ones, and
the token of that view (``view_token``), which every action compares before it acts (``services.desk``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from antrian.domain.errors import NotFound
from antrian.domain.policy import Candidate, call_order
from antrian.domain.status import AT_COUNTER_STATUSES, Status
from antrian.domain.timing import Clock, require_utc, service_day, system_clock
from antrian.services.lookup import ticket_info
from antrian.services.office import get_office
from antrian.services.queries import last_event_id
from antrian.services.results import TicketInfo
from antrian.services.standards import standard_for
from antrian.store.models import Counter, CounterService, CounterState, Event, Service, Ticket, User

WAITING_SHOWN = 100  # about five screens of the list; the count says how many wait in all
MISSED_SHOWN = 20


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """A ticket in one of the panel's lists (waiting, held here, missed here)."""

    id: int
    number: str
    service: str
    service_name: str
    priority_group: str | None
    status: str
    place_at: datetime
    issued_at: datetime
    call_count: int


@dataclass(frozen=True, slots=True)
class DeskView:
    """Everything the counter panel shows, read at one moment (``event_id``: the newest event it includes)."""

    counter: int
    counter_name: str
    active: bool
    state: str
    pause_reason: str | None
    operator_id: int | None
    operator: str | None
    operator_name: str | None
    since: datetime | None
    services: tuple[tuple[str, str], ...]
    transfer_targets: tuple[tuple[str, str], ...]
    current: TicketInfo | None
    recalls: int  # recalls of the current ticket since it was last called to this counter
    standard_value: int | None
    standard_unit: str | None
    waiting: tuple[QueueEntry, ...]
    waiting_total: int
    next_id: int | None
    held: tuple[QueueEntry, ...]
    missed: tuple[QueueEntry, ...]
    served_today: int
    average_service: timedelta | None
    no_show_today: int
    recall_limit: int
    zone: str  # the office's time zone (IANA name)
    token: str
    event_id: int
    now: datetime
    today: date


def view_token(state: CounterState | None, ticket: Ticket | None) -> str:
    """The counter's situation as the panel last saw it; any operation of anyone changes it (``version``)."""
    if state is None:
        return "closed:-:0:-"
    at_counter = ticket if ticket is not None and ticket.status in AT_COUNTER_STATUSES else None
    head = f"{state.state}:{state.operator_id or '-'}:{state.version}"
    if at_counter is None:
        return f"{head}:-"
    return f"{head}:{at_counter.id}:{at_counter.status}:{at_counter.call_count}"


# What a list shows of a ticket: its columns, not the whole row as an object (a panel reads a hundred).
_LISTED = (
    Ticket.id,
    Ticket.label,
    Ticket.service_id,
    Ticket.priority_group,
    Ticket.status,
    Ticket.place_at,
    Ticket.issued_at,
    Ticket.call_count,
    Ticket.last_called_at,
)


def _entry(ticket: Row[Any], service: Service) -> QueueEntry:
    return QueueEntry(
        id=ticket.id,
        number=ticket.label,
        service=service.code,
        service_name=service.name,
        priority_group=ticket.priority_group,
        status=ticket.status,
        place_at=ticket.place_at,
        issued_at=ticket.issued_at,
        call_count=ticket.call_count,
    )


_CALLS = ("ticket_called", "ticket_resumed")


def _recalls_since_call(session: Session, ticket_id: int) -> int:
    """Recalls since the ticket was last called (by next, by number or back from hold): a citizen called
    back later starts again at 0, so the no-show offer counts only this sitting's calls."""
    kinds = session.execute(
        select(Event.kind)
        .where(Event.ticket_id == ticket_id, Event.kind.in_((*_CALLS, "ticket_recalled")))
        .order_by(Event.id.desc())
    ).scalars()
    count = 0
    for kind in kinds:
        if kind in _CALLS:
            break
        count += 1
    return count


def desk_view(session: Session, number: int, *, clock: Clock = system_clock) -> DeskView:
    """What counter ``number``'s panel shows now, in about ten statements: every panel reads it again after
    each change in the office, so what can be asked together is (the counter with its state and operator;
    every active service with its place at this counter; each waiting list with its length; the held and
    missed tickets)."""
    event_id = last_event_id(session)  # first: everything read below is at least this new
    found = session.execute(
        select(Counter, CounterState, User)
        .outerjoin(CounterState, CounterState.counter_id == Counter.id)
        .outerjoin(User, User.id == CounterState.operator_id)
        .where(Counter.number == number)
    ).first()
    if found is None:
        raise NotFound("counter.unknown", counter=number)
    counter, state, operator = found
    office = get_office(session)
    now = require_utc(clock())
    today = service_day(now, office.zone)
    listed = session.execute(
        select(Service, CounterService.position)
        .outerjoin(
            CounterService,
            (CounterService.service_id == Service.id) & (CounterService.counter_id == counter.id),
        )
        .where(Service.active.is_(True))
        .order_by(Service.display_order, Service.code)
    ).all()
    everything = [service for service, _ in listed]
    services = [service for service, _ in sorted((r for r in listed if r[1] is not None), key=lambda r: r[1])]
    by_id = {s.id: s for s in everything}
    ids = [s.id for s in services]

    current_row = session.get(Ticket, state.current_ticket_id) if state and state.current_ticket_id else None
    current = None
    standard: tuple[int | None, str | None] = (None, None)
    if current_row is not None and current_row.status in AT_COUNTER_STATUSES:
        service = by_id.get(current_row.service_id) or session.get(Service, current_row.service_id)
        assert service is not None
        # usually the counter's operator, already loaded: no statement then
        served_by = session.get(User, current_row.operator_id) if current_row.operator_id else None
        current = ticket_info(current_row, service, number, served_by.username if served_by else None)
        # the standard in force on the ticket's own service day (today's, at a counter)
        entry = standard_for(session, service.id, current_row.service_day)
        if entry is not None:
            standard = (entry.value, entry.unit)

    waiting_rows: list[Row[Any]] = []
    total = 0
    next_id = None
    if ids:
        waiting_where = (
            Ticket.status == Status.WAITING.value,
            Ticket.service_day == today,
            Ticket.service_id.in_(ids),
        )
        waiting_rows, total = _in_call_order(
            session, waiting_where, state.normal_streak if state else 0, office.priority_interleave
        )
        next_id = waiting_rows[0].id if waiting_rows else None

    mine = (Ticket.counter_id == counter.id, Ticket.service_day == today)
    parked = session.execute(
        select(*_LISTED).where(*mine, Ticket.status.in_((Status.HELD.value, Status.NO_SHOW.value)))
    ).all()
    held = sorted((t for t in parked if t.status == Status.HELD.value), key=_last_called)
    no_show = sorted((t for t in parked if t.status == Status.NO_SHOW.value), key=_last_called, reverse=True)
    done = session.execute(
        select(Ticket.started_at, Ticket.finished_at).where(*mine, Ticket.status == Status.DONE.value)
    ).all()
    durations = [f - s for s, f in done if s is not None and f is not None]

    def entries(rows: Any) -> tuple[QueueEntry, ...]:
        found = []
        for row in rows:
            service = by_id.get(row.service_id) or session.get(Service, row.service_id)
            assert service is not None
            found.append(_entry(row, service))
        return tuple(found)

    return DeskView(
        counter=number,
        counter_name=counter.name,
        active=counter.active,
        state=state.state if state else "closed",
        pause_reason=state.pause_reason if state else None,
        operator_id=state.operator_id if state else None,
        operator=operator.username if operator else None,
        operator_name=operator.full_name if operator else None,
        since=state.since if state else None,
        services=tuple((s.code, s.name) for s in services),
        transfer_targets=tuple((s.code, s.name) for s in everything),
        current=current,
        recalls=_recalls_since_call(session, current.id) if current else 0,
        standard_value=standard[0],
        standard_unit=standard[1],
        waiting=entries(waiting_rows),
        waiting_total=total,
        next_id=next_id,
        held=entries(held),
        missed=entries(no_show[:MISSED_SHOWN]),
        served_today=len(done),
        average_service=sum(durations, timedelta()) / len(durations) if durations else None,
        no_show_today=len(no_show),
        recall_limit=office.recall_limit,
        zone=office.timezone,
        token=view_token(state, current_row),
        event_id=event_id,
        now=now,
        today=today,
    )


def _last_called(ticket: Row[Any]) -> datetime:
    called: datetime | None = ticket.last_called_at
    assert called is not None  # held and missed tickets were called
    return called


def _in_call_order(
    session: Session, waiting_where: tuple[Any, ...], normal_streak: int, interleave: int
) -> tuple[list[Row[Any]], int]:
    """The first ``WAITING_SHOWN`` waiting tickets in the order ``call_next`` will call them, and how many
    wait in all.

    Those calls take at most ``WAITING_SHOWN`` tickets of each kind, so that many of each, oldest first,
    are all the rows ``domain.policy.call_order`` needs to merge, however long the queue. Each kind's
    statement counts all of its kind too (a window count, taken before the limit).
    """
    rows: dict[int, Row[Any]] = {}
    queues: list[list[Candidate]] = []
    total = 0
    for priority in (False, True):
        kind = Ticket.priority_group.is_not(None) if priority else Ticket.priority_group.is_(None)
        found = session.execute(
            select(*_LISTED, func.count().over().label("of_kind"))
            .where(*waiting_where, kind)
            .order_by(Ticket.place_at, Ticket.id)
            .limit(WAITING_SHOWN)
        ).all()
        queue = []
        for ticket in found:
            rows[ticket.id] = ticket
            queue.append(Candidate(ticket.id, ticket.place_at, priority))
        queues.append(queue)
        total += int(found[0].of_kind) if found else 0
    order = call_order(queues[0], queues[1], normal_streak, interleave, WAITING_SHOWN)
    return [rows[chosen.ticket_id] for chosen in order], total
