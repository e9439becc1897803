"""The audit: who changed what (old and new values), logged in, failed to, was locked out or refused.

Rows are written by ``record`` (and, for refused attempts, by the unit of work itself:
``store.database.Database.audited``) and only ever read here: no function changes or deletes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.store.audit import append_audit
from antrian.store.models import AUDIT_TABLE

# Every action the audit records, in the order a filter lists them.
ACTIONS = (
    "login",
    "login_failed",
    "lockout",
    "refused",
    "password_changed",
    "password_reset",
    "user_added",
    "user_changed",
    "role_changed",
    "user_disabled",
    "user_enabled",
    "user_unlocked",
    "office_changed",
    "service_added",
    "service_changed",
    "services_reordered",
    "standard_set",
    "counter_added",
    "counter_changed",
    "zone_added",
    "zone_changed",
    "zone_removed",
    "holiday_added",
    "holiday_removed",
    "break_added",
    "break_removed",
    "voice_changed",
    "settings_changed",
)
# The longest period one read covers (a year of audit fits a page and a file comfortably).
MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: int | None
    username: str
    role: str
    pc: str
    action: str
    target: str
    old: Any
    new: Any
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "user_id": self.user_id,
            "username": self.username,
            "role": self.role,
            "pc": self.pc,
            "action": self.action,
            "target": self.target,
            "old": self.old,
            "new": self.new,
            "detail": self.detail,
        }


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    target: object = "",
    old: Any = None,
    new: Any = None,
    clock: Clock = system_clock,
    **detail: Any,
) -> None:
    """Add one row to the audit in ``session``'s transaction: ``actor`` did ``action`` on ``target``."""
    if action not in ACTIONS:
        raise ValueError(f"not an audit action: {action}")
    append_audit(
        session,
        at=require_utc(clock()),
        user_id=actor.user_id,
        username=actor.name or actor.role.value,
        role=actor.role.value,
        action=action,
        target=str(target),
        old=old,
        new=new,
        detail=detail,
    )


def audit_rows(
    session: Session,
    actor: Actor,
    from_day: date,
    to_day: date,
    *,
    user: str | None = None,
    action: str | None = None,
) -> list[AuditEntry]:
    """The audit of the office-local days ``from_day`` to ``to_day`` (both included), oldest first; only
    ``user``'s rows (a username) or only ``action``'s when given. Admins, supervisors and viewers read it.

    Raises:
        PermissionDenied: ``actor`` may not read the audit (operators, the kiosk).
        InvalidInput: the period ends before it starts or is longer than ``MAX_DAYS``; an unknown action.
    """
    from antrian.services.office import get_office

    actor.require(Permission.AUDIT)
    if to_day < from_day:
        raise InvalidInput("audit.range_reversed", start=from_day, end=to_day)
    if (to_day - from_day).days + 1 > MAX_DAYS:
        raise InvalidInput("audit.range_too_long", days=MAX_DAYS)
    if action is not None and action not in ACTIONS:
        raise InvalidInput("audit.action_unknown", action=action, choices=list(ACTIONS))
    zone = get_office(session).zone
    start = datetime.combine(from_day, datetime.min.time(), zone).astimezone(UTC)
    end = datetime.combine(to_day + timedelta(days=1), datetime.min.time(), zone).astimezone(UTC)
    a = AUDIT_TABLE.c
    query = select(AUDIT_TABLE).where(a.at >= start, a.at < end).order_by(a.at, a.id)
    if user is not None:
        query = query.where(func.lower(a.username) == user.strip().lower())
    if action is not None:
        query = query.where(a.action == action)
    return [
        AuditEntry(
            row.id,
            row.at,
            row.user_id,
            row.username,
            row.role,
            row.pc,
            row.action,
            row.target,
            row.old,
            row.new,
            dict(row.detail or {}),
        )
        for row in session.execute(query)
    ]
