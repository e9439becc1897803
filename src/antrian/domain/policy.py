"""Call order: who a counter calls next.

Oldest place in line first across all the services the counter serves. Priority tickets (Pelayanan Khusus)
are interleaved: while priority tickets wait, one priority call follows every ``interleave`` normal calls;
``interleave == 0`` means priority tickets always go first: a new office's default (UU 25/2009 art. 29 asks
for special treatment); an office that wants the normal queue to keep moving sets N in its profile.
"""

from collections.abc import Sequence
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


def call_order(
    normals: Sequence[Candidate],
    priorities: Sequence[Candidate],
    normal_streak: int,
    interleave: int,
    limit: int,
) -> list[Candidate]:
    """The first ``limit`` waiting tickets in the order the counter will call them, if nobody else comes.

    Each step is ``choose_next`` on the heads of the two queues, so the counter panel lists what
    ``call_next`` will do. The first ``limit`` calls take at most ``limit`` tickets of either kind: the caller
    reads that many of each, oldest first, never the whole queue.

    Args:
        normals: waiting normal tickets, oldest place first.
        priorities: waiting priority tickets, oldest place first.
        normal_streak: the counter's normal calls since its last priority call.
        interleave: N of "one priority call after every N normal calls"; 0 = priority first.
    """
    order: list[Candidate] = []
    n = p = 0  # tickets of each kind already in the order
    while len(order) < limit:
        normal = normals[n] if n < len(normals) else None
        priority = priorities[p] if p < len(priorities) else None
        chosen = choose_next(normal, priority, normal_streak, interleave)
        if chosen is None:
            break
        order.append(chosen)
        if chosen.priority:
            p += 1
        else:
            n += 1
        normal_streak = streak_after(chosen, normal_streak)
    return order
