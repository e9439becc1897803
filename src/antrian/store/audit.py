"""Writing the audit: rows are only ever inserted (``models.AuditRecord``).

Who is recorded as they were at the time (user id, username, role); where is this PC's name, since the
program writing the row runs on the PC where the person sits (a window, or the command line).
"""

from __future__ import annotations

import logging
import socket
from dataclasses import asdict, is_dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from antrian.store.models import AUDIT_TABLE

log = logging.getLogger(__name__)

_INSERT = insert(AUDIT_TABLE)
PC_LIMIT, TARGET_LIMIT = 255, 200


@cache
def this_pc() -> str:
    """This computer's network name (what an office's IT person knows it by)."""
    return (socket.gethostname() or "?")[:PC_LIMIT]


def plain(value: Any) -> Any:
    """``value`` as JSON keeps it: dates and times in ISO form, enums by value, the rest as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return plain(asdict(value))
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)


def append_audit(
    where: Session | Connection,
    *,
    at: datetime,
    user_id: int | None,
    username: str,
    role: str,
    action: str,
    target: str = "",
    old: Any = None,
    new: Any = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Insert one audit row in ``where``'s transaction."""
    connection = where.connection() if isinstance(where, Session) else where
    connection.execute(
        _INSERT,
        {
            "at": at.astimezone(UTC),
            "user_id": user_id,
            "username": username[:64],
            "role": role[:16],
            "pc": this_pc(),
            "action": action,
            "target": str(target)[:TARGET_LIMIT],
            "old": plain(old),
            "new": plain(new),
            "detail": plain(detail or {}),
        },
    )
