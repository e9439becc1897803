"""Queue use cases: issue, call, recall, start, finish, no-show, hold, resume, transfer, cancel, expire.

Every function checks the actor's role and the ticket's transition, writes its event in the caller's
transaction, reads the time from ``clock`` and returns a ``TicketInfo``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from antrian.domain.desk import next_steps
from antrian.domain.errors import (
    CounterUnavailable,
    InvalidInput,
    NotFound,
    NothingWaiting,
    ServiceUnavailable,
)
from antrian.domain.figures import day_end
from antrian.domain.hours import DayCalendar, closed_reason
from antrian.domain.labels import format_label, parse_label, validate_code
from antrian.domain.policy import priority_first
from antrian.domain.priority import parse_group
from antrian.domain.roles import KIOSK, Actor, Permission
from antrian.domain.status import AT_COUNTER_STATUSES, Action, Status, next_status
from antrian.domain.timing import Clock, require_utc, service_day, system_clock
from antrian.services.action_log import note, who
from antrian.services.calendar import day_calendar
from antrian.services.lookup import counter_by_number, service_by_code, ticket_info
from antrian.services.office import DEFAULT_OFFICE, OfficeInfo, get_office
from antrian.services.results import TicketInfo
from antrian.store.database import Database, reference_reader
from antrian.store.issue_sqlite import issue_connection
from antrian.store.models import (
    OPEN_STATUS_CONDITION,
    SERVICES_TABLE,
    TICKETS_TABLE,
    Counter,
    CounterService,
    CounterState,
    Service,
    Ticket,
    User,
)
from antrian.store.queue import append_events, claim_head, is_postgres, lock_counter_state, next_ticket_number

log = logging.getLogger(__name__)
_LOGGED_DETAILS = ("call_count", "to_service", "priority_confirmed")


def _event(
    kind: str, now: datetime, ticket: Ticket | None, actor_user: int | None, **data: Any
) -> dict[str, Any]:
    return {
        "at": now,
        "kind": kind,
        "ticket_id": ticket.id if ticket else None,
        "service_id": ticket.service_id if ticket else None,
        "counter_id": ticket.counter_id if ticket else None,
        "user_id": actor_user,
        "data": data,
    }


def _record(session: Session, actor: Actor, event: dict[str, Any]) -> None:
    """Append a ticket action's event, and log its line once committed: "ticket_called A017 counter 2 by
    petugas1 call_count=1" (see services.action_log)."""
    append_events(session, [event])
    if log.isEnabledFor(logging.INFO):
        data = event["data"]
        details = "".join(f" {key}={data[key]}" for key in _LOGGED_DETAILS if data.get(key) is not None)
        counter, number = data.get("counter", "-"), data["number"]
        note(session, log, "%s %s counter %s by %s%s", event["kind"], number, counter, who(actor), details)


# The kiosk's hot path runs Core statements on the session's connection (see store/queue.py).
_service = SERVICES_TABLE.c
_SERVICE_FOR_ISSUE = select(
    _service.id,
    _service.name,
    _service.active,
    _service.opens_at,
    _service.closes_at,
    _service.open_days,
    _service.daily_quota,
).where(_service.code == bindparam("code"))
_INSERT_TICKET = insert(TICKETS_TABLE).returning(TICKETS_TABLE.c.id)
# Written out as in the partial index ix_tickets_open, so that SQLite uses it (bound parameters defeat it).
_OPEN_PREDICATE = text(OPEN_STATUS_CONDITION)


def issue_ticket(
    session: Session,
    service_code: str,
    *,
    priority: str | None = None,
    actor: Actor = KIOSK,
    clock: Clock = system_clock,
) -> TicketInfo:
    """Give a citizen the next number of a service, in the caller's transaction.

    Plain statements compiled once per process, no ORM unit of work. Callers that issue a ticket in a
    transaction of its own (the kiosk, ``antrian ticket issue``) should call ``issue_ticket_in``, which on
    SQLite skips SQLAlchemy's execution layer too.

    Raises:
        NotFound: unknown service code.
        ServiceUnavailable: inactive service, closed at this hour, or today's quota used up.
        InvalidInput: malformed code or unknown priority group.
        PermissionDenied: ``actor`` may not issue tickets.
    """
    actor.require(Permission.ISSUE)
    code = validate_code(service_code)
    group = parse_group(priority) if priority else None
    now = require_utc(clock())
    with reference_reader(session) as reader:
        service = reader.execute(_SERVICE_FOR_ISSUE, {"code": code}).first()
        office = get_office(reader)
        local = now.astimezone(office.zone)
        calendar = day_calendar(reader, local.date())
    if service is None:
        service_by_code(session, code)  # raises NotFound naming the known codes
        raise AssertionError("unreachable")
    service_id, name, active, opens_at, closes_at, open_days, quota = service
    _open_now(code, name, active, opens_at, closes_at, open_days, local, calendar)
    day = local.date()
    number = next_ticket_number(session, service_id, day)
    _within_quota(number, quota, code, name)
    label = format_label(code, number, office.label_width)
    values = {
        "service_id": service_id,
        "service_day": day,
        "sequence": number,
        "label": label,
        "priority_group": group,
        "status": Status.WAITING.value,
        "place_at": now,
        "issued_at": now,
        "call_count": 0,
    }
    ticket_id = int(session.connection().execute(_INSERT_TICKET, values).scalar_one())
    append_events(
        session,
        [
            {
                "at": now,
                "kind": "ticket_issued",
                "ticket_id": ticket_id,
                "service_id": service_id,
                "user_id": actor.user_id,
                "data": _issued_data(label, code, group),
            }
        ],
    )
    return _issued(ticket_id, label, code, name, day, number, group, now)


def issue_ticket_in(
    db: Database,
    service_code: str,
    *,
    priority: str | None = None,
    actor: Actor = KIOSK,
    clock: Clock = system_clock,
) -> TicketInfo:
    """``issue_ticket`` in a transaction of its own on ``db``, committed before it returns.

    The kiosk's and the CLI's entry point. On SQLite it runs on the driver itself (store.issue_sqlite): the
    same checks, statements, writer turn and durable commit, without SQLAlchemy's Session and execution layer,
    whose Python ran inside the write lock and capped four kiosks at ~700 tickets/s (docs/PERFORMANCE.md).
    The service and office are read just before the write lock, so a change to them (active, hours, quota)
    holds from the next issue on. On PostgreSQL it is ``issue_ticket`` in ``db.write()``.

    Raises:
        NotFound, ServiceUnavailable, InvalidInput, PermissionDenied: as ``issue_ticket``.
        StoreError: the database cannot be written (e.g. locked by another program for too long).
    """
    if not db.is_sqlite:
        with db.write() as session:
            return issue_ticket(session, service_code, priority=priority, actor=actor, clock=clock)
    actor.require(Permission.ISSUE)
    code = validate_code(service_code)
    group = parse_group(priority) if priority else None
    with issue_connection(db) as connection:
        service = connection.reference(code)
        if service is None:
            with db.read() as session:
                service_by_code(session, code)  # raises NotFound naming the known codes
            raise AssertionError("unreachable")
        name = service.name
        office = DEFAULT_OFFICE if service.office is None else OfficeInfo(*service.office)
        now = require_utc(clock())
        local = now.astimezone(office.zone)
        day = local.date()
        _open_now(
            code,
            name,
            service.active,
            service.opens_at,
            service.closes_at,
            service.open_days,
            local,
            connection.calendar(day),
        )
        with connection.transaction():
            number = connection.next_number(service.service_id, day)
            _within_quota(number, service.daily_quota, code, name)
            label = format_label(code, number, office.label_width)
            ticket_id = connection.insert_ticket(service.service_id, day, number, label, group, now)
            connection.append_event(
                now,
                "ticket_issued",
                ticket_id,
                service.service_id,
                actor.user_id,
                _issued_data(label, code, group),
            )
    return _issued(ticket_id, label, code, name, day, number, group, now)


def _open_now(
    code: str,
    name: str,
    active: bool,
    opens_at: time | None,
    closes_at: time | None,
    open_days: str,
    local: datetime,
    calendar: DayCalendar,
) -> None:
    """Refuse a ticket of service ``code`` at the office-local instant ``local`` unless it takes tickets
    then: active, within its hours, not on a holiday or in a break of ``calendar`` (``local``'s day)."""
    if not active:
        raise ServiceUnavailable("service.inactive", service=code, name=name)
    reason = closed_reason(opens_at, closes_at, open_days, local, calendar)
    if reason:
        raise ServiceUnavailable("service.closed", service=code, name=name, reason=reason)


def _within_quota(number: int, quota: int | None, code: str, name: str) -> None:
    """Refuse number ``number`` beyond the daily quota (the caller's transaction then rolls back)."""
    if quota is not None and number > quota:
        raise ServiceUnavailable("service.quota_used", service=code, name=name, quota=quota)


def _issued_data(label: str, code: str, group: str | None) -> dict[str, Any]:
    return {"number": label, "service": code, "priority": group}


def _issued(
    ticket_id: int, label: str, code: str, name: str, day: date, number: int, group: str | None, now: datetime
) -> TicketInfo:
    return TicketInfo(
        id=ticket_id,
        number=label,
        service=code,
        service_name=name,
        service_day=day,
        sequence=number,
        status=Status.WAITING.value,
        priority_group=group,
        place_at=now,
        issued_at=now,
        first_called_at=None,
        last_called_at=None,
        started_at=None,
        finished_at=None,
        counter=None,
        operator=None,
        call_count=0,
        parent_id=None,
    )


@dataclass
class _Desk:
    """A counter locked for one operation, with what the operation needs to know."""

    counter: Counter
    state: CounterState
    office: OfficeInfo
    now: datetime
    today: date
    operator_id: int | None

    def _at_counter(self, session: Session) -> Ticket | None:
        """The counter's ticket if it is called or being served there."""
        ticket = session.get(Ticket, self.state.current_ticket_id) if self.state.current_ticket_id else None
        return ticket if ticket is not None and ticket.status in AT_COUNTER_STATUSES else None

    def current(self, session: Session) -> Ticket:
        ticket = self._at_counter(session)
        if ticket is None:
            raise CounterUnavailable("counter.no_current", counter=self.counter.number)
        return ticket

    def require_free(self, session: Session) -> None:
        ticket = self._at_counter(session)
        if ticket is not None:
            status = Status(ticket.status)
            raise CounterUnavailable(
                "counter.busy",
                counter=self.counter.number,
                ticket=ticket.label,
                status=status,
                next=next_steps(status),
            )

    def service_ids(self, session: Session) -> list[int]:
        rows = session.execute(
            select(CounterService.service_id)
            .join(Service, Service.id == CounterService.service_id)
            .where(CounterService.counter_id == self.counter.id, Service.active.is_(True))
            .order_by(CounterService.position)
        )
        return list(rows.scalars())

    def info(self, session: Session, ticket: Ticket) -> TicketInfo:
        service = session.get(Service, ticket.service_id)
        assert service is not None
        counter = self.counter.number if ticket.counter_id == self.counter.id else None
        operator = session.get(User, ticket.operator_id) if ticket.operator_id else None
        return ticket_info(ticket, service, counter, operator.username if operator else None)


def desk(
    session: Session, number: int, actor: Actor, clock: Clock, *, need_open: bool = True, count: bool = True
) -> _Desk:
    """Lock counter ``number`` and check that ``actor`` may work it.

    Args:
        count: count the operation in the counter's ``version`` (False only to look before operating).
    """
    from antrian.domain.errors import PermissionDenied

    actor.require(Permission.SERVE)
    # A second look at the same counter in the same transaction (the counter panel checks its view, then
    # acts) reuses the rows already read and locked: the write lock is held for less time.
    transaction = session.get_transaction()
    memo = session.info.get("desk")
    if memo is not None and memo[0] is transaction and memo[1] == number:
        counter, state, office = memo[2]
    else:
        counter = counter_by_number(session, number)
        if not counter.active:
            raise CounterUnavailable("counter.retired", counter=number, name=counter.name)
        state = lock_counter_state(session, counter.id)
        if state is None:
            state = CounterState(counter_id=counter.id, state="closed", normal_streak=0, version=0)
            session.add(state)
            session.flush()
        office = get_office(session)
        session.info["desk"] = (transaction, number, (counter, state, office))
    if actor.is_operator and state.state != "closed" and state.operator_id not in (None, actor.user_id):
        holder = session.get(User, state.operator_id)
        refusal = (
            PermissionDenied("counter.held_by_other", counter=number)
            if holder is None
            else PermissionDenied("counter.held_by", counter=number, user=holder.username)
        )
        refusal.actor = actor  # for the audit
        raise refusal
    if need_open and state.state != "open":
        if state.state == "paused" and state.pause_reason:
            raise CounterUnavailable("counter.paused", counter=number, reason=state.pause_reason)
        if state.state == "paused":
            raise CounterUnavailable("counter.paused_no_reason", counter=number)
        raise CounterUnavailable("counter.closed", counter=number)
    if count:
        state.version = (state.version or 0) + 1  # any operation makes every view of the counter stale
    now = require_utc(clock())
    return _Desk(
        counter, state, office, now, service_day(now, office.zone), state.operator_id or actor.user_id
    )


def _call(
    session: Session, d: _Desk, ticket: Ticket, actor: Actor, action: Action = Action.CALL
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
    _record(session, actor, _called_event(session, kind, d, ticket, actor))
    return d.info(session, ticket)


def _called_event(session: Session, kind: str, d: _Desk, ticket: Ticket, actor: Actor) -> dict[str, Any]:
    """A call event carries what a display shows and speaks, so it need not read anything else."""
    service = session.get(Service, ticket.service_id)
    assert service is not None
    return _event(
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
    ticket = claim_head(session, d.service_ids(session), d.today, first)
    if ticket is None:
        raise NothingWaiting("counter.nobody_waiting", counter=counter)
    d.state.normal_streak = 0 if ticket.priority_group else d.state.normal_streak + 1
    return _call(session, d, ticket, actor)


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
    if is_postgres(session):
        # Lock the row and read it as committed after the lock: another counter may have just claimed it
        # (SQLite's single writer needs neither).
        statement = statement.with_for_update().execution_options(populate_existing=True)
    ticket = session.execute(statement).scalar_one_or_none()
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
    _record(session, actor, _called_event(session, "ticket_recalled", d, ticket, actor))
    return d.info(session, ticket)


def _step(
    session: Session, counter: int, action: Action, actor: Actor, clock: Clock, *, release: bool
) -> tuple[_Desk, Ticket]:
    d = desk(session, counter, actor, clock, need_open=False)
    ticket = d.current(session)
    ticket.status = next_status(Status(ticket.status), action, ticket.label)
    if release:
        d.state.current_ticket_id = None
    return d, ticket


def _finish_step(
    session: Session, d: _Desk, ticket: Ticket, kind: str, actor: Actor, **data: Any
) -> TicketInfo:
    session.flush()
    _record(
        session,
        actor,
        _event(kind, d.now, ticket, actor.user_id, number=ticket.label, counter=d.counter.number, **data),
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
    _record(
        session,
        actor,
        _event(
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


def cancel(session: Session, number: str, *, actor: Actor, clock: Clock = system_clock) -> TicketInfo:
    """Cancel today's ticket ``number`` (the citizen left, or it was issued by mistake)."""
    actor.require(Permission.CANCEL)
    now = require_utc(clock())
    office = get_office(session)
    if is_postgres(session):
        # Counter rows before ticket rows, the order every counter operation locks them in; the other order
        # deadlocks with a counter acting on this ticket at the same moment.
        code, sequence = parse_label(number)
        label = format_label(code, sequence, office.label_width)
        holders = (
            select(CounterState.counter_id)
            .join(Ticket, Ticket.id == CounterState.current_ticket_id)
            .where(Ticket.service_day == service_day(now, office.zone), Ticket.label == label)
            .with_for_update(of=CounterState)
        )
        session.execute(holders).all()
    ticket = find_today(session, number, service_day(now, office.zone), office.label_width)
    ticket.status = next_status(Status(ticket.status), Action.CANCEL, ticket.label)
    ticket.finished_at = now
    session.execute(
        update(CounterState).where(CounterState.current_ticket_id == ticket.id).values(current_ticket_id=None)
    )
    session.flush()
    _record(session, actor, _event("ticket_cancelled", now, ticket, actor.user_id, number=ticket.label))
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
    query = select(Ticket).where(_OPEN_PREDICATE, Ticket.service_day < today)
    if is_postgres(session):
        # two counters opening at once must not expire (and log) the same tickets twice
        query = query.with_for_update(skip_locked=True)
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
            _event("ticket_expired", now, t, actor.user_id, number=t.label, day=t.service_day.isoformat())
            for t in stale
        ],
    )
    note(session, log, "ticket_expired %d open ticket(s) of past days by %s", len(stale), who(actor))
    return len(stale)
