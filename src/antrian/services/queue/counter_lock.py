"""The counter lock: every action at a counter first locks the counter's state and checks who may act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.desk import next_steps
from antrian.domain.errors import CounterUnavailable, PermissionDenied
from antrian.domain.roles import Actor, Permission
from antrian.domain.status import AT_COUNTER_STATUSES, Status
from antrian.domain.timing import Clock, require_utc, service_day
from antrian.services.lookup import counter_by_number, ticket_info
from antrian.services.office import DEFAULT_OFFICE, OfficeInfo, get_office
from antrian.services.results import TicketInfo
from antrian.store.models import Counter, CounterService, CounterState, Service, Ticket, User
from antrian.store.queue import lock_counter_state, lock_desk


@dataclass
class Desk:
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

    def info(self, session: Session, ticket: Ticket, service: Service | None = None) -> TicketInfo:
        service = service or session.get(Service, ticket.service_id)
        assert service is not None
        counter = self.counter.number if ticket.counter_id == self.counter.id else None
        operator = session.get(User, ticket.operator_id) if ticket.operator_id else None
        return ticket_info(ticket, service, counter, operator.username if operator else None)


def desk(
    session: Session, number: int, actor: Actor, clock: Clock, *, need_open: bool = True, count: bool = True
) -> Desk:
    """Lock counter ``number`` and check that ``actor`` may work it.

    Args:
        count: count the operation in the counter's ``version`` (False only to look before operating).
    """
    actor.require(Permission.SERVE)
    # A second look at the same counter in the same transaction (the counter panel checks its view, then
    # acts) reuses the rows already read and locked: the write lock is held for less time.
    transaction = session.get_transaction()
    memo = session.info.get("desk")
    if memo is not None and memo[0] is transaction and memo[1] == number:
        counter, state, office, _ = memo[2]
    else:
        found = lock_desk(session, number)  # one statement, the usual case
        worker = None  # the user working the counter, held so that the session keeps it for d.info
        if found is not None:
            counter, state, worker, office_row = found
            office = DEFAULT_OFFICE if office_row is None else OfficeInfo(*office_row)
        else:
            counter = counter_by_number(session, number)
            state = lock_counter_state(session, counter.id)
            office = get_office(session)
        if not counter.active:
            raise CounterUnavailable("counter.retired", counter=number, name=counter.name)
        if state is None:
            state = CounterState(counter_id=counter.id, state="closed", normal_streak=0, version=0)
            session.add(state)
            session.flush()
        session.info["desk"] = (transaction, number, (counter, state, office, worker))
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
    return Desk(
        counter, state, office, now, service_day(now, office.zone), state.operator_id or actor.user_id
    )
