"""One log line per queue or counter action, written when its transaction commits.

An office answers "was A017 called at 10:42, to which counter, by whom?" from the log file as well as from
the event table. ``note`` keeps the line with the session, and the line is logged only once the transaction
has committed: an action rolled back (a lost connection, a refused commit, a later step that failed) leaves
no line claiming it happened. The lines are in English, like every log line, and cost nothing when the
process logs nothing at INFO (the benchmarks' processes).
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from antrian.domain.roles import Actor

_PENDING = "antrian.action_log"


def note(session: Session, log: logging.Logger, message: str, *args: Any) -> None:
    """Log ``message % args`` on ``log`` at INFO once ``session``'s transaction commits."""
    if log.isEnabledFor(logging.INFO):
        session.info.setdefault(_PENDING, []).append((log, message, args))


def who(actor: Actor) -> str:
    """The name a log line gives the actor: the username, or "kiosk" / "system"."""
    return actor.name or actor.role.value


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    for log, message, args in session.info.pop(_PENDING, ()):
        log.info(message, *args)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)
