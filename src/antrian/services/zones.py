"""Zones of a Mal Pelayanan Publik: the agencies (DUKCAPIL, PAJAK, BPJS ...) that group services and counters.

A kiosk or display PC can be limited to its zones, and reports filtered by zone. The rule kept here: a counter
of a zone serves only services of that zone (in an MPP each agency's counters serve its own services); a
counter without a zone may serve any service, so an office without zones works as before. Every change
checks ``Permission.MANAGE`` and writes a ``settings_changed`` event with the old and the new values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput, NotFound
from antrian.domain.messages import Message
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, system_clock
from antrian.domain.zone import zone_code
from antrian.services.lookup import counter_by_number, service_by_code
from antrian.services.office import log_settings_changed
from antrian.store.models import Counter, CounterService, Service, Zone

NAME_LIMIT = 120  # store.models.Zone.name


@dataclass(frozen=True, slots=True)
class ZoneInfo:
    """A zone, its place in the lists, and the services and counters that belong to it."""

    code: str
    name: str
    order: int
    services: tuple[str, ...]
    counters: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "order": self.order,
            "services": list(self.services),
            "counters": list(self.counters),
        }


def _name(text: str, code: str) -> str:
    name = text.strip()
    if not name:
        raise InvalidInput("zone.name_missing", zone=code)
    if len(name) > NAME_LIMIT or not name.isprintable():
        raise InvalidInput("zone.name_invalid", zone=code, limit=NAME_LIMIT)
    return name


def zone_by_code(session: Session, code: str) -> Zone:
    """The zone ``code`` (any case); an unknown one is ``NotFound`` listing the zones there are."""
    wanted = code.strip().upper()
    zone = session.execute(select(Zone).where(Zone.code == wanted)).scalar_one_or_none()
    if zone is None:
        choices = list(session.execute(select(Zone.code).order_by(Zone.display_order, Zone.code)).scalars())
        if not choices:
            raise NotFound("zone.unknown_none_defined", zone=shorten(code), command="antrian zone add")
        raise NotFound("zone.unknown", zone=shorten(code), choices=choices)
    return zone


def zone_ids(session: Session, codes: Iterable[str]) -> frozenset[int]:
    """The ids of the zones ``codes`` (a kiosk's or display's limit); an unknown code is ``NotFound``."""
    return frozenset(zone_by_code(session, code).id for code in codes)


def _info(session: Session, zone: Zone) -> ZoneInfo:
    services = session.execute(
        select(Service.code).where(Service.zone_id == zone.id).order_by(Service.display_order, Service.code)
    ).scalars()
    counters = session.execute(
        select(Counter.number).where(Counter.zone_id == zone.id).order_by(Counter.number)
    ).scalars()
    return ZoneInfo(zone.code, zone.name, zone.display_order, tuple(services), tuple(counters))


def list_zones(session: Session) -> list[ZoneInfo]:
    """Every zone in its order, with its services and counters (public: kiosks and displays show them)."""
    zones = session.execute(select(Zone).order_by(Zone.display_order, Zone.code)).scalars().all()
    return [_info(session, zone) for zone in zones]


def zone_info(session: Session, code: str) -> ZoneInfo:
    return _info(session, zone_by_code(session, code))


def add_zone(
    session: Session,
    actor: Actor,
    code: str,
    name: str,
    *,
    order: int | None = None,
    clock: Clock = system_clock,
) -> ZoneInfo:
    """A new zone; a code already used is refused naming its zone. Without ``order`` it comes last."""
    actor.require(Permission.MANAGE)
    code = zone_code(code)
    name = _name(name, code)
    taken = session.execute(select(Zone.name).where(Zone.code == code)).scalar_one_or_none()
    if taken is not None:
        raise InvalidInput("zone.code_taken", zone=code, name=taken)
    if order is None:
        order = int(session.execute(select(func.coalesce(func.max(Zone.display_order), -1))).scalar_one()) + 1
    zone = Zone(code=code, name=name, display_order=order)
    session.add(zone)
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="zone_added",
        target=code,
        zone=code,
        old=None,
        new={"name": name, "order": order},
    )
    return _info(session, zone)


def edit_zone(
    session: Session,
    actor: Actor,
    code: str,
    *,
    name: str | None = None,
    order: int | None = None,
    clock: Clock = system_clock,
) -> ZoneInfo:
    """Change the name or the order of zone ``code``; what is not given stays."""
    actor.require(Permission.MANAGE)
    zone = zone_by_code(session, code)
    old = {"name": zone.name, "order": zone.display_order}
    if name is not None:
        zone.name = _name(name, zone.code)
    if order is not None:
        zone.display_order = order
    new = {"name": zone.name, "order": zone.display_order}
    session.flush()
    if new != old:
        log_settings_changed(
            session, actor, clock, action="zone_changed", target=zone.code, zone=zone.code, old=old, new=new
        )
    return _info(session, zone)


def remove_zone(session: Session, actor: Actor, code: str, *, clock: Clock = system_clock) -> ZoneInfo:
    """Remove zone ``code``; one that services or counters still belong to is refused naming them."""
    actor.require(Permission.MANAGE)
    zone = zone_by_code(session, code)
    info = _info(session, zone)
    if info.services or info.counters:
        raise InvalidInput(
            "zone.in_use",
            zone=info.code,
            services=list(info.services) or Message("zone.none"),
            counters=list(info.counters) or Message("zone.none"),
        )
    session.delete(zone)
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="zone_removed",
        target=info.code,
        zone=info.code,
        old={"name": info.name, "order": info.order},
        new=None,
    )
    return info


def _code_of(session: Session, zone_id: int | None) -> str | None:
    return None if zone_id is None else session.get_one(Zone, zone_id).code


def _said(code: str | None) -> str | Message:
    return Message("zone.none") if code is None else code


def _mismatch(session: Session, counter: Counter, service: Service) -> InvalidInput:
    return InvalidInput(
        "zone.mismatch",
        counter=counter.number,
        counter_zone=_said(_code_of(session, counter.zone_id)),
        service=service.code,
        service_zone=_said(_code_of(session, service.zone_id)),
    )


def check_counter_services(session: Session, counter: Counter, service_ids: Iterable[int]) -> None:
    """Refuse a counter of a zone serving a service of another zone (or of none), naming both."""
    if counter.zone_id is None:
        return
    for service_id in service_ids:
        service = session.get_one(Service, service_id)
        if service.zone_id != counter.zone_id:
            raise _mismatch(session, counter, service)


def place_service(session: Session, service: Service, zone: str | None) -> tuple[str | None, str | None]:
    """Put ``service`` in ``zone`` (None: no zone), checking the counters that serve it; returns the old and
    the new zone codes. No role check and no event: for the callers that do both."""
    old = _code_of(session, service.zone_id)
    target = None if zone is None else zone_by_code(session, zone)
    service.zone_id = None if target is None else target.id  # the caller's rollback undoes it on a refusal
    serving = session.execute(
        select(Counter)
        .join(CounterService, CounterService.counter_id == Counter.id)
        .where(CounterService.service_id == service.id, Counter.zone_id.is_not(None))
        .order_by(Counter.number)
    ).scalars()
    for counter in serving:
        if counter.zone_id != service.zone_id:
            raise _mismatch(session, counter, service)
    session.flush()
    return old, None if target is None else target.code


def place_counter(session: Session, counter: Counter, zone: str | None) -> tuple[str | None, str | None]:
    """Put ``counter`` in ``zone`` (None: no zone), checking the services it serves; returns the old and the
    new zone codes. No role check and no event: for the callers that do both."""
    old = _code_of(session, counter.zone_id)
    target = None if zone is None else zone_by_code(session, zone)
    counter.zone_id = None if target is None else target.id
    served = session.execute(
        select(CounterService.service_id)
        .where(CounterService.counter_id == counter.id)
        .order_by(CounterService.position)
    ).scalars()
    check_counter_services(session, counter, list(served))
    session.flush()
    return old, None if target is None else target.code


def set_service_zone(
    session: Session, actor: Actor, service: str, zone: str | None, *, clock: Clock = system_clock
) -> ZoneInfo | None:
    """Put service ``service`` (its code) in ``zone`` (None: out of every zone); a counter of another zone
    serving it is refused naming both. Returns the zone (None when taken out)."""
    actor.require(Permission.MANAGE)
    row = service_by_code(session, service.strip().upper())
    old, new = place_service(session, row, zone)
    if old != new:
        log_settings_changed(
            session,
            actor,
            clock,
            action="service_changed",
            target=row.code,
            service=row.code,
            old={"zone": old},
            new={"zone": new},
        )
    return None if new is None else zone_info(session, new)


def set_counter_zone(
    session: Session, actor: Actor, number: int, zone: str | None, *, clock: Clock = system_clock
) -> ZoneInfo | None:
    """Put counter ``number`` in ``zone`` (None: out of every zone); a service of another zone that it
    serves is refused naming both. Returns the zone (None when taken out)."""
    actor.require(Permission.MANAGE)
    counter = counter_by_number(session, number)
    old, new = place_counter(session, counter, zone)
    if old != new:
        log_settings_changed(
            session,
            actor,
            clock,
            action="counter_changed",
            target=number,
            counter=number,
            old={"zone": old},
            new={"zone": new},
        )
    return None if new is None else zone_info(session, new)
