"""What the operator may do now at the counter panel, and why not: ``domain.desk.refusals`` asked with
what the panel shows (its last view, the operator logged in, whether the database answers)."""

from __future__ import annotations

from antrian.domain.desk import DeskAction, DeskState, refusals
from antrian.domain.messages import Message
from antrian.domain.roles import Actor
from antrian.domain.status import Status
from antrian.gui.counter.texts import ANOTHER_OPERATOR, say
from antrian.services.desk import DeskView


def break_key(view: DeskView | None) -> DeskAction:
    """What F10 does now: take a break, or open the counter again after one (or after it closed)."""
    return DeskAction.OPEN if view is not None and view.state != "open" else DeskAction.PAUSE


def holder(view: DeskView | None, actor: Actor | None) -> str | None:
    """Another operator who has this counter open now (taken over from another PC), if any."""
    if view is None or actor is None or view.state == "closed" or view.operator_id is None:
        return None
    if actor.user_id is None or view.operator_id == actor.user_id:
        return None
    return view.operator_name or view.operator or say(ANOTHER_OPERATOR)


def desk_state(view: DeskView | None, actor: Actor | None, *, online: bool) -> DeskState:
    """The counter as the rules see it; ``online``: the database answers and no action waits for it."""
    current = view.current if view else None
    return DeskState(
        counter_state=view.state if view else "closed",
        pause_reason=view.pause_reason if view else None,
        current_number=current.number if current else None,
        current_status=Status(current.status) if current else None,
        waiting=view.waiting_total if view else 0,
        online=online,
        holder=holder(view, actor),
        active=view.active if view else True,
        transfer_targets=len([c for c, _ in view.transfer_targets if c != current.service])
        if view and current
        else 0,
    )


def refused(view: DeskView | None, actor: Actor | None, *, online: bool) -> dict[DeskAction, Message | None]:
    """Why each action is not allowed now (None: it is); F10's entry says why about what F10 does now."""
    found = refusals(desk_state(view, actor, online=online))
    found[DeskAction.PAUSE] = found[break_key(view)]
    return found
