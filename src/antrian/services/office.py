"""The office profile and office-wide rules."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.labels import DEFAULT_WIDTH
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, office_zone, require_utc, system_clock
from antrian.services.audit import record
from antrian.store.models import OFFICE_TABLE, Office, Setting
from antrian.store.queue import append_events

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


_office = OFFICE_TABLE.c
_OFFICE = select(
    _office.name,
    _office.address,
    _office.timezone,
    _office.label_width,
    _office.priority_interleave,
    _office.recall_limit,
    _office.running_text,
).where(_office.id == 1)


def get_office(session: Session | Connection) -> OfficeInfo:
    connection = session.connection() if isinstance(session, Session) else session
    row = connection.execute(_OFFICE).first()
    return DEFAULT_OFFICE if row is None else OfficeInfo(*row)


def update_office(
    session: Session, actor: Actor, clock: Clock = system_clock, **changes: object
) -> OfficeInfo:
    """Change office fields (admin); unknown fields and bad values are refused by name."""
    actor.require(Permission.MANAGE)
    allowed = set(OfficeInfo.__dataclass_fields__)
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput("office.unknown_settings", names=sorted(unknown))
    if "timezone" in changes:
        office_zone(str(changes["timezone"]))
    if "label_width" in changes and not 1 <= int(str(changes["label_width"])) <= 6:
        raise InvalidInput("office.label_width")
    if "priority_interleave" in changes and int(str(changes["priority_interleave"])) < 0:
        raise InvalidInput("office.interleave")
    before = get_office(session)
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
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    after = get_office(session)
    log_settings_changed(
        session,
        actor,
        clock,
        action="office_changed",
        old={key: getattr(before, key) for key in sorted(changes)},
        new={key: getattr(after, key) for key in sorted(changes)},
        office=sorted(changes),
    )
    return after


def log_settings_changed(
    session: Session,
    actor: Actor,
    clock: Clock,
    *,
    action: str = "settings_changed",
    target: object = "",
    old: object = None,
    new: object = None,
    **what: object,
) -> None:
    """The event every settings change writes, so that running windows re-read what changed, and its row in
    the audit: ``action`` on ``target`` from ``old`` to ``new`` (``what`` itself when no ``new`` is given)."""
    append_events(
        session,
        [{"at": require_utc(clock()), "kind": "settings_changed", "user_id": actor.user_id, "data": what}],
    )
    record(session, actor, action, target=target, old=old, new=what if new is None else new, clock=clock)


LOGO_KEY = "logo"
LOGO_LIMIT = 1024 * 1024  # bytes: a logo is shown small; a bigger file is a photo or a mistake


def logo_kind(data: bytes) -> str:
    """``"png"``, ``"jpeg"`` or ``"svg"`` for an image the windows can draw; anything else is refused."""
    if len(data) > LOGO_LIMIT:
        raise InvalidInput("office.logo_too_big", size=len(data), limit=LOGO_LIMIT)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        return "svg"
    raise InvalidInput("office.logo_not_image")


def set_logo(session: Session, data: bytes | None, actor: Actor, clock: Clock = system_clock) -> None:
    """Keep ``data`` (PNG, JPEG or SVG, at most ``LOGO_LIMIT`` bytes) as the office's logo in the ``settings``
    key ``logo``; ``None`` goes back to Antrian's emblem."""
    actor.require(Permission.MANAGE)
    row = session.get(Setting, LOGO_KEY)
    if data is None:
        if row is not None:
            session.delete(row)
    else:
        value = {"kind": logo_kind(data), "data": base64.b64encode(data).decode("ascii")}
        if row is None:
            session.add(Setting(key=LOGO_KEY, value=value))
        else:
            row.value = value
    session.flush()
    log_settings_changed(session, actor, clock, office=[LOGO_KEY])


def get_logo(session: Session) -> bytes | None:
    """The office's logo as set by ``set_logo``; None when it has none of its own."""
    row = session.get(Setting, LOGO_KEY)
    return None if row is None else base64.b64decode(row.value["data"])
