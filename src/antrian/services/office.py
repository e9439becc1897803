"""The office profile and office-wide rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.labels import DEFAULT_WIDTH
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, office_zone, require_utc, system_clock
from antrian.services.audit import record
from antrian.store.models import OFFICE_TABLE, Office
from antrian.store.queue import append_events, office_columns

DEFAULT_NAME = "Kantor Pelayanan"


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    name: str
    address: str
    timezone: str
    label_width: int
    priority_interleave: int
    recall_limit: int
    running_text: str

    @property
    def zone(self) -> ZoneInfo:
        return office_zone(self.timezone)


DEFAULT_OFFICE = OfficeInfo(DEFAULT_NAME, "", "Asia/Jakarta", DEFAULT_WIDTH, 0, 3, "")


_OFFICE = select(*office_columns).where(OFFICE_TABLE.c.id == 1)


def get_office(session: Session | Connection) -> OfficeInfo:
    connection = session.connection() if isinstance(session, Session) else session
    row = connection.execute(_OFFICE).first()
    return DEFAULT_OFFICE if row is None else OfficeInfo(*row)


TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")  # WIB, WITA, WIT
NAME_LIMIT = 200
RUNNING_TEXT_LIMIT = 1000
# the whole-number fields' lowest and highest values (a recall limit of 0: never offer no-show)
_RANGES = {"label_width": (1, 6), "priority_interleave": (0, 99), "recall_limit": (0, 10)}
_TEXT_LIMITS = {"name": NAME_LIMIT, "address": NAME_LIMIT, "running_text": RUNNING_TEXT_LIMIT}


def update_office(
    session: Session, actor: Actor, clock: Clock = system_clock, **changes: object
) -> OfficeInfo:
    """Change office fields (admin); unknown fields and bad values are refused by name, nothing saved.

    The ``settings_changed`` event's data is ``{"office": {"field": [old, new], ...}}`` for the fields whose
    value changed (none changed: no event).
    """
    actor.require(Permission.MANAGE)
    allowed = set(OfficeInfo.__dataclass_fields__)
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput("office.unknown_settings", names=sorted(unknown))
    changes = {key: _checked(key, value) for key, value in changes.items()}
    row = session.get(Office, 1)
    if row is None:
        base = DEFAULT_OFFICE
        row = Office(
            id=1,
            name=base.name,
            address=base.address,
            timezone=base.timezone,
            label_width=base.label_width,
            priority_interleave=base.priority_interleave,
            recall_limit=base.recall_limit,
            running_text=base.running_text,
        )
        session.add(row)
    changed: dict[str, list[object]] = {}
    for key, value in changes.items():
        if getattr(row, key) != value:
            changed[key] = [getattr(row, key), value]
        setattr(row, key, value)
    session.flush()
    if changed:
        log_office_changed(session, actor, clock, changed)
    return get_office(session)


def _checked(key: str, value: object) -> object:
    """``value`` for the office field ``key`` in its stored type, or the reason it is refused."""
    if key == "timezone":
        office_zone(str(value))
        return str(value)
    if key in _RANGES:
        low, high = _RANGES[key]
        try:
            number = int(str(value))
        except ValueError:
            number = low - 1
        if low <= number <= high:
            return number
        if key == "label_width":
            raise InvalidInput("office.label_width")
        if key == "priority_interleave":
            raise InvalidInput("office.interleave")
        raise InvalidInput("office.recall_limit")
    text = str(value).strip()
    if key == "name" and not text:
        raise InvalidInput("office.name_missing")
    size = {"length": len(text), "limit": _TEXT_LIMITS[key]}
    if len(text) <= _TEXT_LIMITS[key]:
        return text
    if key == "name":
        raise InvalidInput("office.name_too_long", **size)
    if key == "address":
        raise InvalidInput("office.address_too_long", **size)
    raise InvalidInput("office.running_text_too_long", **size)


def log_office_changed(
    session: Session, actor: Actor, clock: Clock, changed: dict[str, list[object]]
) -> None:
    """The ``settings_changed`` event ``{"office": {field: [old, new]}}`` and its audit row (old and new
    values apart), for office-wide fields that changed."""
    log_settings_changed(
        session,
        actor,
        clock,
        action="office_changed",
        old={key: values[0] for key, values in changed.items()},
        new={key: values[1] for key, values in changed.items()},
        office=changed,
    )


WHAT: Any = object()  # log_settings_changed's ``new`` when the caller gives none: the event's data


def log_settings_changed(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    action: str = "settings_changed",
    target: object = "",
    old: object = None,
    new: object = WHAT,
    **what: object,
) -> None:
    """The event every settings change writes, so that running windows re-read what changed, and its row in
    the audit: ``action`` on ``target`` from ``old`` to ``new`` (``what`` itself when no ``new`` is given;
    ``new=None``: nothing after, a removal)."""
    append_events(
        session,
        [{"at": require_utc(clock()), "kind": "settings_changed", "user_id": actor.user_id, "data": what}],
    )
    record(session, actor, action, target=target, old=old, new=what if new is WHAT else new, clock=clock)
