"""Call order: who a counter calls next.

Oldest place in line first across all the services the counter serves. Priority tickets (Pelayanan Khusus)
are interleaved: while priority tickets wait, one priority call follows every ``interleave`` normal calls;
``interleave == 0`` means priority tickets always go first.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Candidate:
    """The head of one queue: the oldest waiting ticket of a kind."""

    ticket_id: int
    place_at: datetime
    priority: bool


def choose_next(
    oldest_normal: Candidate | None,
    oldest_priority: Candidate | None,
    normal_streak: int,
    interleave: int,
) -> Candidate | None:
    """Pick the ticket to call.

    Args:
        oldest_normal: the oldest waiting normal ticket of the counter's services, if any.
        oldest_priority: the oldest waiting priority ticket, if any.
        normal_streak: normal calls made since the last priority call (see ``streak_after``).
        interleave: N of "one priority call after every N normal calls"; 0 = priority first.

    Return:
        The candidate to call, or None when nothing waits.
    """
    first, second = (
        (oldest_priority, oldest_normal)
        if priority_first(normal_streak, interleave)
        else (oldest_normal, oldest_priority)
    )
    return first if first is not None else second


def priority_first(normal_streak: int, interleave: int) -> bool:
    """Whether a priority ticket, if one waits, is due before the oldest normal one.

    The store asks for the preferred kind first and falls back to the other, which is ``choose_next``
    without reading both queue heads (and, on PostgreSQL, without locking a head it will not take).
    """
    if interleave < 0:
        raise ValueError("interleave must be 0 or more")
    return normal_streak >= interleave


def streak_after(chosen: Candidate, normal_streak: int) -> int:
    """The normal-call streak after calling ``chosen``: reset by a priority call."""
    return 0 if chosen.priority else normal_streak + 1
