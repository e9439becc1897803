"""The office's own look: its logo and the ticket's header and footer lines, kept office-wide in the
``settings`` table (the logo under "logo" as base64 with its format, the lines under "ticket").

Every change writes a ``settings_changed`` event whose data names the setting and gives the old and the new
value, ``{"office": {"field": [old, new]}}`` (a logo as its format, size and SHA-256, never its bytes).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, system_clock
from antrian.services.office import OfficeInfo, get_office, log_office_changed
from antrian.store.models import Setting

LOGO_KEY = "logo"
TICKET_KEY = "ticket"
MAX_LOGO_BYTES = 512 * 1024  # a letterhead emblem, not a photograph; every display reads it at start
TICKET_LINE_LIMIT = 200


def logo_format(data: bytes) -> str | None:
    """ "png", "jpeg" or "svg" by the file's content (never its name); None when it is none of them."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in head:
        return "svg"
    return None


def check_logo(data: bytes) -> str:
    """The format of ``data`` ("png", "jpeg" or "svg"), or InvalidInput naming why it cannot be the logo."""
    if len(data) > MAX_LOGO_BYTES:
        raise InvalidInput("office.logo_too_big", kb=-(-len(data) // 1024), limit=MAX_LOGO_BYTES // 1024)
    found = logo_format(data)
    if found is None:
        raise InvalidInput("office.logo_not_image")
    return found


def _logo_summary(data: bytes | None) -> dict[str, object] | None:
    if data is None:
        return None
    return {"format": logo_format(data), "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def get_logo(session: Session) -> bytes | None:
    """The office's logo file as it was uploaded; None when it has none (Antrian's emblem is shown)."""
    row = session.get(Setting, LOGO_KEY)
    if row is None or not isinstance(row.value, dict):
        return None
    try:
        return base64.b64decode(str(row.value.get("data", "")), validate=True) or None
    except (binascii.Error, ValueError):
        return None


def set_logo(session: Session, data: bytes | None, *, actor: Actor, clock: Clock = system_clock) -> None:
    """Store ``data`` (PNG, JPEG or SVG, at most ``MAX_LOGO_BYTES``) as the office's logo; None removes it.

    The event's data is ``{"office": {"logo": [old, new]}}``, each a ``{"format", "bytes", "sha256"}``
    summary or None.

    Raises:
        InvalidInput: ``office.logo_not_image`` or ``office.logo_too_big``; nothing is saved.
    """
    actor.require(Permission.MANAGE)
    old = get_logo(session)
    row = session.get(Setting, LOGO_KEY)
    if data is None:
        if row is not None:
            session.delete(row)
    else:
        kind = check_logo(data)
        value = {"format": kind, "data": base64.b64encode(data).decode("ascii")}
        if row is None:
            session.add(Setting(key=LOGO_KEY, value=value))
        else:
            row.value = value
    session.flush()
    if old != data:
        log_office_changed(session, actor, clock, {"logo": [_logo_summary(old), _logo_summary(data)]})


@dataclass(frozen=True, slots=True)
class TicketText:
    """The office's own lines on every printed ticket: under the office's name, and at the bottom (empty:
    the catalogue's default thanks)."""

    header: str = ""
    footer: str = ""


def get_ticket_text(session: Session) -> TicketText:
    row = session.get(Setting, TICKET_KEY)
    value = row.value if row is not None and isinstance(row.value, dict) else {}
    return TicketText(str(value.get("header") or ""), str(value.get("footer") or ""))


def set_ticket_text(
    session: Session, header: str, footer: str, *, actor: Actor, clock: Clock = system_clock
) -> TicketText:
    """Save the ticket's header and footer (each at most ``TICKET_LINE_LIMIT`` characters; blank lines
    trimmed). Other keys of the "ticket" setting are kept. The event's data is
    ``{"office": {"ticket_header": [old, new], "ticket_footer": [old, new]}}`` with only what changed.

    Raises:
        InvalidInput: ``office.ticket_text_too_long``; nothing is saved.
    """
    actor.require(Permission.MANAGE)
    new = TicketText(header.strip(), footer.strip())
    if len(new.header) > TICKET_LINE_LIMIT:
        raise InvalidInput("office.ticket_header_too_long", length=len(new.header), limit=TICKET_LINE_LIMIT)
    if len(new.footer) > TICKET_LINE_LIMIT:
        raise InvalidInput("office.ticket_footer_too_long", length=len(new.footer), limit=TICKET_LINE_LIMIT)
    old = get_ticket_text(session)
    row = session.get(Setting, TICKET_KEY)
    kept = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
    value = {**kept, "header": new.header, "footer": new.footer}
    if row is None:
        session.add(Setting(key=TICKET_KEY, value=value))
    else:
        row.value = value
    session.flush()
    changed = {
        f"ticket_{field}": [getattr(old, field), getattr(new, field)]
        for field in ("header", "footer")
        if getattr(old, field) != getattr(new, field)
    }
    if changed:
        log_office_changed(session, actor, clock, changed)
    return new


@dataclass(frozen=True, slots=True)
class OfficeProfile:
    """Everything the admin window's office page shows."""

    office: OfficeInfo
    ticket: TicketText
    logo: bytes | None


def office_profile(session: Session, actor: Actor) -> OfficeProfile:
    """The office profile, its ticket lines and logo, for whoever may see the set-up (an admin or a
    supervisor; an operator is refused)."""
    actor.require(Permission.SETTINGS)
    return OfficeProfile(get_office(session), get_ticket_text(session), get_logo(session))
