"""The event row of a ticket action, and its line in the log once committed."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from antrian.domain.roles import Actor
from antrian.services.action_log import note, who
from antrian.store.models import Ticket
from antrian.store.queue import append_events

log = logging.getLogger(__package__)
_LOGGED_DETAILS = ("call_count", "to_service", "priority_confirmed")


def ticket_event(
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


def record(session: Session, actor: Actor, event: dict[str, Any]) -> None:
    """Append a ticket action's event, and log its line once committed: "ticket_called A017 counter 2 by
    petugas1 call_count=1" (see services.action_log)."""
    append_events(session, [event])
    if log.isEnabledFor(logging.INFO):
        data = event["data"]
        details = "".join(f" {key}={data[key]}" for key in _LOGGED_DETAILS if data.get(key) is not None)
        counter, number = data.get("counter", "-"), data["number"]
        note(session, log, "%s %s counter %s by %s%s", event["kind"], number, counter, who(actor), details)
