"""Ticket statuses and the one table of legal transitions."""

from enum import StrEnum

from antrian.domain.errors import IllegalTransition


class Status(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    HELD = "held"
    DONE = "done"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class Action(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    HOLD = "hold"
    RESUME = "resume"
    TRANSFER = "transfer"
    CANCEL = "cancel"
    EXPIRE = "expire"


S, A = Status, Action

# (current status, action) -> new status. Anything absent is illegal.
TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (S.WAITING, A.CALL): S.CALLED,
    (S.WAITING, A.CANCEL): S.CANCELLED,
    (S.WAITING, A.EXPIRE): S.EXPIRED,
    (S.CALLED, A.RECALL): S.CALLED,
    (S.CALLED, A.START): S.SERVING,
    (S.CALLED, A.NO_SHOW): S.NO_SHOW,
    (S.CALLED, A.HOLD): S.HELD,
    (S.CALLED, A.TRANSFER): S.TRANSFERRED,
    (S.CALLED, A.CANCEL): S.CANCELLED,
    (S.CALLED, A.EXPIRE): S.EXPIRED,
    (S.SERVING, A.FINISH): S.DONE,
    (S.SERVING, A.HOLD): S.HELD,
    (S.SERVING, A.TRANSFER): S.TRANSFERRED,
    (S.SERVING, A.EXPIRE): S.EXPIRED,
    (S.HELD, A.RESUME): S.CALLED,
    (S.HELD, A.CALL): S.CALLED,
    (S.HELD, A.CANCEL): S.CANCELLED,
    (S.HELD, A.EXPIRE): S.EXPIRED,
    # A citizen who missed their call may come back the same day and be called by number.
    (S.NO_SHOW, A.CALL): S.CALLED,
}

# Statuses of a citizen still in the office's hands; at the day's end they become expired. A no-show can
# still be called by number the same day, but nobody waits for it, so it is left as it is.
OPEN_STATUSES: frozenset[Status] = frozenset({S.WAITING, S.CALLED, S.SERVING, S.HELD})
# Statuses that occupy a counter: while its current ticket is in one of these it cannot call another.
AT_COUNTER_STATUSES: frozenset[Status] = frozenset({S.CALLED, S.SERVING})


def allowed_actions(status: Status) -> frozenset[Action]:
    """Return the actions a ticket in ``status`` may take."""
    return frozenset(action for (source, action) in TRANSITIONS if source == status)


def next_status(status: Status, action: Action, label: str = "ticket") -> Status:
    """Return the status after ``action``.

    Raises:
        IllegalTransition: the action is not legal from ``status``; the message names both.
    """
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise IllegalTransition(
            "ticket.illegal_transition", action=action, ticket=label, status=status
        ) from None
