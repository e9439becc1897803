"""What a counter operator may do now, and why not: the rules the counter panel shows instead of hiding.

Ticket actions follow the one transition table (``status.TRANSITIONS``); counter actions follow the
counter's state. Every refusal is a ``Message`` (code ``desk.*`` with the ticket or reason as parameters),
which the panel says in its language in the disabled button's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from antrian.domain.messages import Message
from antrian.domain.status import Action, Status, allowed_actions
from antrian.domain.timing import TimeUnit

# Service time against the published standard: amber past WARN_RATIO of it, red past it.
WARN_RATIO = 0.8


class DeskAction(StrEnum):
    CALL_NEXT = "call_next"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    HOLD = "hold"
    CALL_NUMBER = "call_number"
    TRANSFER = "transfer"
    PAUSE = "pause"  # Istirahat; while paused the same key opens the counter again
    OPEN = "open"
    CLOSE = "close"


# Ticket actions and the transition each one needs from the counter's current ticket.
_TICKET_ACTIONS: dict[DeskAction, Action] = {
    DeskAction.RECALL: Action.RECALL,
    DeskAction.START: Action.START,
    DeskAction.FINISH: Action.FINISH,
    DeskAction.NO_SHOW: Action.NO_SHOW,
    DeskAction.HOLD: Action.HOLD,
    DeskAction.TRANSFER: Action.TRANSFER,
}

_WHY_NOT: dict[tuple[DeskAction, Status], str] = {
    (DeskAction.RECALL, Status.SERVING): "desk.already_present",
    (DeskAction.START, Status.SERVING): "desk.already_started",
    (DeskAction.FINISH, Status.CALLED): "desk.not_started",
    (DeskAction.NO_SHOW, Status.SERVING): "desk.already_present",
}


@dataclass(frozen=True, slots=True)
class DeskState:
    """What the rules look at: the counter, its current ticket and the queue."""

    counter_state: str  # open / paused / closed
    pause_reason: str | None = None
    current_number: str | None = None
    current_status: Status | None = None
    waiting: int = 0
    online: bool = True
    holder: str | None = None  # another operator who has this counter open now
    active: bool = True  # the admin has not taken the counter out of use
    transfer_targets: int = 1  # services a citizen could be sent on to


def refusals(state: DeskState) -> dict[DeskAction, Message | None]:
    """For every action, None when it is allowed now, else the reason it is not."""
    result: dict[DeskAction, Message | None] = {}
    for action in DeskAction:
        result[action] = _refusal(action, state)
    return result


def _refusal(action: DeskAction, s: DeskState) -> Message | None:
    if not s.online:
        return Message("desk.offline")
    if not s.active:
        return Message("desk.retired")
    if s.holder:
        return Message("desk.held_by", user=s.holder)
    if action is DeskAction.OPEN:
        return Message("desk.already_open") if s.counter_state == "open" else None
    at_counter = s.current_status in (Status.CALLED, Status.SERVING)
    busy = Message("desk.busy", ticket=s.current_number, next=next_steps(s.current_status))
    if action is DeskAction.CLOSE:
        if s.counter_state == "closed":
            return Message("desk.already_closed")
        return busy if at_counter else None
    if s.counter_state == "closed":
        return Message("desk.closed")
    if action is DeskAction.PAUSE:
        if s.counter_state == "paused":
            return Message("desk.already_paused")
        return busy if at_counter else None
    if s.counter_state == "paused" and action in (DeskAction.CALL_NEXT, DeskAction.CALL_NUMBER):
        if s.pause_reason:
            return Message("desk.paused_because", reason=s.pause_reason)
        return Message("desk.paused")
    if action in (DeskAction.CALL_NEXT, DeskAction.CALL_NUMBER):
        if at_counter:
            return busy
        if action is DeskAction.CALL_NEXT and s.waiting == 0:
            return Message("desk.nobody_waiting")
        return None
    if s.current_status is None or s.current_number is None or not at_counter:
        return Message("desk.no_current")
    transition = _TICKET_ACTIONS[action]
    if transition in allowed_actions(s.current_status):
        if action is DeskAction.TRANSFER and s.transfer_targets < 1:
            return Message("desk.no_transfer_target")
        return None
    return Message(_WHY_NOT.get((action, s.current_status), "desk.not_now"), ticket=s.current_number)


def next_steps(status: Status | None) -> Message:
    """What frees a counter holding a ticket in ``status``, naming only actions its status allows: a called
    citizen is started, marked not present, held or transferred; one being served is finished, held or
    transferred."""
    return Message("desk.next_serving" if status is Status.SERVING else "desk.next_called")


def offer_no_show(recalls: int, recall_limit: int) -> bool:
    """After ``recall_limit`` recalls since the ticket was last called to the counter (a citizen called back
    by number starts again at 0), the panel offers to mark them not present."""
    return recall_limit > 0 and recalls >= recall_limit


def standard_duration(value: int, unit: str) -> timedelta | None:
    """The published standard as a counter-time duration; None for working days (a whole process, not
    one sitting at the counter, so a counter's clock cannot be held against it)."""
    if unit == TimeUnit.MINUTES:
        return timedelta(minutes=value)
    if unit == TimeUnit.HOURS:
        return timedelta(hours=value)
    return None


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"  # past 80 % of the standard: amber
    OVER = "over"  # past the standard: red


def service_level(elapsed: timedelta, standard: timedelta | None) -> Level:
    if standard is None or standard <= timedelta(0):
        return Level.OK
    ratio = elapsed / standard
    if ratio > 1:
        return Level.OVER
    if ratio > WARN_RATIO:
        return Level.WARNING
    return Level.OK
