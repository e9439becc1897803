"""Queue use cases: issue, call, recall, start, finish, no-show, hold, resume, transfer, cancel, expire.

Every function checks the actor's role and the ticket's transition, writes its event in the caller's
transaction, reads the time from ``clock`` and returns a ``TicketInfo``. One module a concern: ``issue``,
``counter_lock`` (the counter locked and checked for an action), ``calls``, ``serving`` (after the call),
``housekeeping`` (cancel, expire) and ``events`` (the event row and log line of an action). The use cases
are named here, the queue's one entry point for the windows, the CLI and the benchmarks.
"""

from antrian.services.queue.calls import call_next, call_ticket, recall, resume
from antrian.services.queue.housekeeping import cancel, expire_past_days
from antrian.services.queue.issue import issue_ticket, issue_ticket_in
from antrian.services.queue.serving import finish, hold, no_show, start, transfer

__all__ = [
    "call_next",
    "call_ticket",
    "cancel",
    "expire_past_days",
    "finish",
    "hold",
    "issue_ticket",
    "issue_ticket_in",
    "no_show",
    "recall",
    "resume",
    "start",
    "transfer",
]
