"""The published service standards with their history: set an entry, list them, and the entry in force on a
service day, which is what every reader of a standard (counter panel, kiosk, slip, reports) uses.

A service's history is a list of entries, each in force from its ``effective_from`` service day until the next
entry's. A day before a service's first entry takes that first entry: every service has had a standard since
it was created (``save_service`` requires one, and the migration dated each first entry at the service's first
ticket), so only a PC whose clock lags can ask about such a day, and it must not find the service without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.labels import validate_code
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, parse_unit, require_utc, system_clock
from antrian.services.lookup import service_by_code
from antrian.services.office import get_office, log_settings_changed
from antrian.store.models import STANDARDS_TABLE, Service, ServiceStandard, User

# The longest decree name kept (the column's width): "Keputusan Kepala Dinas ... Nomor ... Tahun ..." fits.
DECREE_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Standard:
    """One entry of a service's standard history."""

    service_id: int
    effective_from: date
    value: int
    unit: str  # domain.timing.TimeUnit value
    waiting_target_minutes: int | None
    decree: str | None
    set_at: datetime
    set_by: int | None  # user id; None: the system (the command line without --user, the migration)


@dataclass(frozen=True, slots=True)
class StandardEntry:
    """An entry as ``antrian standard list`` shows it: with its service's code and who set it by name."""

    code: str
    standard: Standard
    set_by: str | None  # username

    def to_json(self) -> dict[str, object]:
        s = self.standard
        return {
            "code": self.code,
            "effective_from": s.effective_from.isoformat(),
            "value": s.value,
            "unit": s.unit,
            "waiting_target_minutes": s.waiting_target_minutes,
            "decree": s.decree,
            "set_at": s.set_at.isoformat(),
            "set_by": self.set_by,
        }


_s = STANDARDS_TABLE.c
_ENTRIES = select(
    _s.service_id,
    _s.effective_from,
    _s.value,
    _s.unit,
    _s.waiting_target_minutes,
    _s.decree,
    _s.set_at,
    _s.set_by,
)


def in_force(entries: Sequence[Standard], day: date) -> Standard | None:
    """The entry of one service's history (sorted by ``effective_from``) in force on ``day``: the newest one
    from ``day`` or before; for a day before them all, the first (see the module's notes)."""
    found = entries[0] if entries else None
    for entry in entries:
        if entry.effective_from > day:
            break
        found = entry
    return found


def standard_for(session: Session, service_id: int, day: date) -> Standard | None:
    """The standard of one service in force on ``day`` (one read on the history's unique index)."""
    rows = session.execute(_ENTRIES.where(_s.service_id == service_id).order_by(_s.effective_from)).all()
    return in_force([Standard(*row) for row in rows], day)


def histories(session: Session) -> dict[int, list[Standard]]:
    """Every service's history, by service id, oldest entry first (one read of the whole table, which grows
    by a row per decree)."""
    history: dict[int, list[Standard]] = {}
    for row in session.execute(_ENTRIES.order_by(_s.service_id, _s.effective_from)):
        history.setdefault(row.service_id, []).append(Standard(*row))
    return history


def standards_on(session: Session, day: date) -> dict[int, Standard]:
    """Every service's standard in force on ``day``, by service id (one read of the whole history)."""
    found = {service_id: in_force(entries, day) for service_id, entries in histories(session).items()}
    return {service_id: entry for service_id, entry in found.items() if entry is not None}


def today(session: Session, clock: Clock) -> date:
    """The office's service day now."""
    return require_utc(clock()).astimezone(get_office(session).zone).date()


def list_standards(session: Session, actor: Actor, code: str | None = None) -> list[StandardEntry]:
    """Every entry, by service (display order) and date; of one service with ``code``."""
    actor.require(Permission.SETTINGS)
    query = (
        select(Service.code, ServiceStandard, User.username)
        .join(ServiceStandard, ServiceStandard.service_id == Service.id)
        .outerjoin(User, User.id == ServiceStandard.set_by)
        .order_by(Service.display_order, Service.code, ServiceStandard.effective_from)
    )
    if code is not None:
        query = query.where(Service.id == service_by_code(session, validate_code(code)).id)
    return [
        StandardEntry(service_code, _standard(row), username)
        for service_code, row, username in session.execute(query)
    ]


def set_standard(
    session: Session,
    actor: Actor,
    code: str,
    value: int,
    unit: str,
    waiting_target: int | None,
    effective_from: date | str,
    decree: str | None = None,
    clock: Clock = system_clock,
) -> Standard:
    """Record the standard of service ``code`` in force from ``effective_from`` (a service day; ISO text is
    read too). An entry of the same day is replaced. Writes a ``settings_changed`` event naming the service
    and the day, so that open windows re-read it."""
    actor.require(Permission.STANDARDS)
    service = service_by_code(session, validate_code(code))
    day = _day(effective_from)
    decree = (decree or "").strip() or None
    if decree is not None and len(decree) > DECREE_LIMIT:
        raise InvalidInput("standard.decree_too_long", length=len(decree), limit=DECREE_LIMIT)
    before = standard_for(session, service.id, day)
    replaced = write_entry(session, actor, service, value, unit, waiting_target, day, decree, clock)
    found = standard_for(session, service.id, day)
    log_settings_changed(
        session,
        actor,
        clock,
        action="standard_set",
        target=service.code,
        old=before,
        new=found,
        standard=service.code,
        effective_from=day.isoformat(),
        value=value,
        unit=unit,
        waiting_target_minutes=waiting_target,
        decree=decree,
        replaced=replaced,
    )
    assert found is not None
    return found


def write_entry(
    session: Session,
    actor: Actor,
    service: Service,
    value: int,
    unit: str,
    waiting_target: int | None,
    day: date,
    decree: str | None,
    clock: Clock,
) -> bool:
    """Validate and write one entry of ``service`` (replacing one of the same day); True if it replaced.
    The caller has checked the actor and writes the event."""
    if value <= 0:
        raise InvalidInput("service.standard_not_positive", service=service.code)
    parse_unit(unit)
    if waiting_target is not None and waiting_target <= 0:
        raise InvalidInput("standard.waiting_target_not_positive", service=service.code)
    entry = session.execute(
        select(ServiceStandard).where(
            ServiceStandard.service_id == service.id, ServiceStandard.effective_from == day
        )
    ).scalar_one_or_none()
    replaced = entry is not None
    if entry is None:
        entry = ServiceStandard(service_id=service.id, effective_from=day)
        session.add(entry)
    entry.value = value
    entry.unit = unit
    entry.waiting_target_minutes = waiting_target
    entry.decree = decree
    entry.set_at = require_utc(clock())
    entry.set_by = actor.user_id
    session.flush()
    return replaced


def _day(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("standard.bad_date", value=value) from None


def _standard(row: ServiceStandard) -> Standard:
    return Standard(
        row.service_id,
        row.effective_from,
        row.value,
        row.unit,
        row.waiting_target_minutes,
        row.decree,
        row.set_at,
        row.set_by,
    )
