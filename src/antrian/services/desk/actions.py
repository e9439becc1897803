"""The counter's actions: opening it at login (``open_desk``), and one operator action guarded against a stale
view (``act``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from antrian.domain.desk import DeskAction
from antrian.domain.errors import InvalidInput, StaleView
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, system_clock
from antrian.services import counters as counter_ops
from antrian.services import queue as queue_ops
from antrian.services.action_log import note, who
from antrian.services.desk.view import view_token
from antrian.services.lookup import counter_by_number
from antrian.services.office import get_office
from antrian.services.queries import last_event_id
from antrian.services.queue import counter_lock
from antrian.services.results import TicketInfo
from antrian.store.models import Ticket, User
from antrian.store.queue import lock_counter_state

log = logging.getLogger(__package__)


@dataclass(frozen=True, slots=True)
class DeskResult:
    """What an action did: the ticket it concerned (None for pause/open/close) and the counter afterwards."""

    action: DeskAction
    ticket: TicketInfo | None
    state: str
    token: str
    event_id: int


@dataclass(frozen=True, slots=True)
class Holder:
    """Another operator who has a counter open or on a break now."""

    username: str
    full_name: str
    state: str
    since: datetime | None
    zone: str  # the office's time zone, in which ``since`` is told


def open_desk(
    session: Session, number: int, *, actor: Actor, clock: Clock = system_clock, take_over: bool = False
) -> Holder | None:
    """Open counter ``number`` for ``actor`` logging in at it, unless another operator has it open or on a
    break: then nothing changes and that operator is returned, so the panel asks before taking it over
    (``take_over``). ``counter_states.operator_id`` is who opened the counter; there is no standing
    assignment of operators to counters."""
    counter = counter_by_number(session, number)
    state = lock_counter_state(session, counter.id)
    holder = (
        session.get(User, state.operator_id)
        if state is not None and state.state != "closed" and state.operator_id not in (None, actor.user_id)
        else None
    )
    if holder is not None and state is not None:
        if not take_over:
            return Holder(
                holder.username, holder.full_name, state.state, state.since, get_office(session).timezone
            )
        # Confirmed: the counter is no longer the other operator's, and opening it is this operator's
        # counter_opened event (the log then reads who had it before and who has it now).
        note(session, log, "counter %s taken over from %s by %s", number, holder.username, who(actor))
        state.operator_id = None
    counter_ops.open_counter(session, number, actor=actor, clock=clock)
    return None


def act(
    session: Session,
    number: int,
    action: DeskAction,
    *,
    expect: str | None,
    actor: Actor,
    clock: Clock = system_clock,
    ticket: str | None = None,
    to_service: str | None = None,
    reason: str | None = None,
    priority_confirmed: bool | None = None,
) -> DeskResult:
    """Perform ``action`` at counter ``number`` if the counter is still as ``expect`` says.

    Args:
        expect: the ``token`` of the view the operator acted on; None skips the check (scripts).
        ticket: the number to call, for CALL_NUMBER.
        to_service: the target service code, for TRANSFER.
        reason: why the counter pauses, for PAUSE.
        priority_confirmed: the operator's check of a priority claim, for START.

    Raises:
        StaleView: the counter changed since ``expect`` was read; nothing was done.
        and whatever the underlying service raises (illegal transition, nothing waiting, ...).
    """
    # Lock the counter's state row and compare before anything counts as an operation.
    d = counter_lock.desk(session, number, actor, clock, need_open=False, count=False)
    before = session.get(Ticket, d.state.current_ticket_id) if d.state.current_ticket_id else None
    seen = view_token(d.state, before)
    if expect is not None and seen != expect:
        raise StaleView("counter.stale_view", counter=number)
    if (
        action is DeskAction.START
        and priority_confirmed is None
        and before is not None
        and before.priority_group is not None
    ):
        raise InvalidInput(
            "priority.confirm_first", ticket=before.label, group=PriorityGroup(before.priority_group)
        )
    kw: dict[str, Any] = {"actor": actor, "clock": clock}
    result: TicketInfo | None = None
    if action is DeskAction.CALL_NEXT:
        result = queue_ops.call_next(session, number, **kw)
    elif action is DeskAction.CALL_NUMBER:
        if not ticket:
            raise InvalidInput("desk.which_number")
        result = queue_ops.call_ticket(session, number, ticket, **kw)
    elif action is DeskAction.RECALL:
        result = queue_ops.recall(session, number, **kw)
    elif action is DeskAction.START:
        result = queue_ops.start(session, number, priority_confirmed=priority_confirmed, **kw)
    elif action is DeskAction.FINISH:
        result = queue_ops.finish(session, number, **kw)
    elif action is DeskAction.NO_SHOW:
        result = queue_ops.no_show(session, number, **kw)
    elif action is DeskAction.HOLD:
        result = queue_ops.hold(session, number, **kw)
    elif action is DeskAction.TRANSFER:
        if not to_service:
            raise InvalidInput("desk.which_service")
        result = queue_ops.transfer(session, number, to_service, **kw)
    elif action is DeskAction.PAUSE:
        counter_ops.pause_counter(session, number, reason or "", **kw)
    elif action is DeskAction.OPEN:
        counter_ops.open_counter(session, number, **kw)
    elif action is DeskAction.CLOSE:
        counter_ops.close_counter(session, number, **kw)
    else:  # pragma: no cover - DeskAction is closed
        raise InvalidInput("desk.unknown_action", action=str(action))
    session.flush()
    now_current = session.get(Ticket, d.state.current_ticket_id) if d.state.current_ticket_id else None
    return DeskResult(
        action=action,
        ticket=result,
        state=d.state.state,
        token=view_token(d.state, now_current),
        event_id=last_event_id(session),
    )
