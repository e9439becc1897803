"""Admin operations on the office set-up: services and counters, each change a ``settings_changed`` event."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import time
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.labels import validate_code
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, parse_unit, system_clock
from antrian.services.counters import counter_info
from antrian.services.lookup import counter_by_number, service_by_code
from antrian.services.office import log_settings_changed
from antrian.services.results import CounterInfo
from antrian.services.standards import standard_for, standards_on, today, write_entry
from antrian.services.zones import check_counter_services, place_counter, place_service
from antrian.store.models import Counter, CounterService, CounterState, Service, TicketNumber, Zone


class _Keep:
    """The zone a save leaves as it is (``save_service`` and ``save_counter`` without ``zone``)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def save_service(
    session: Session,
    code: str,
    name: str,
    *,
    actor: Actor,
    standard_time: int,
    standard_unit: str = "minutes",
    waiting_target_minutes: int | None = None,
    daily_quota: int | None = None,
    opens_at: time | None = None,
    closes_at: time | None = None,
    open_days: str = "12345",
    active: bool = True,
    display_order: int = 0,
    zone: str | _Keep | None = KEEP,
    clock: Clock = system_clock,
) -> int:
    """Create or update the service ``code``; returns its id.

    The standard (time, unit, waiting target) is the one in force from today's service day: a new service's
    first entry of its history, or, when it differs from the one in force today, a new entry from today
    (replacing one set earlier today), with a ``settings_changed`` event. Dated entries and decrees are
    ``services.standards.set_standard``'s.
    """
    actor.require(Permission.MANAGE)
    code = validate_code(code)
    if not name.strip():
        raise InvalidInput("service.name_missing", service=code)
    if standard_time <= 0:
        raise InvalidInput("service.standard_not_positive", service=code)
    parse_unit(standard_unit)
    if waiting_target_minutes is not None and waiting_target_minutes <= 0:
        raise InvalidInput("standard.waiting_target_not_positive", service=code)
    if daily_quota is not None and daily_quota <= 0:
        raise InvalidInput("service.quota_not_positive", service=code)
    if not open_days or not set(open_days) <= set("1234567"):
        raise InvalidInput("service.open_days_invalid", service=code)
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        raise InvalidInput("service.closes_before_opening", service=code, opens=opens_at, closes=closes_at)
    service = session.execute(select(Service).where(Service.code == code)).scalar_one_or_none()
    day = today(session, clock)
    if service is None:
        service = Service(code=code)
        session.add(service)
    elif daily_quota is not None:
        issued = session.get(TicketNumber, (service.id, day))
        if issued is not None and daily_quota < issued.last:
            raise InvalidInput(
                "service.quota_below_issued", service=code, quota=daily_quota, issued=issued.last
            )
    service.name = name.strip()
    service.daily_quota = daily_quota
    service.opens_at = opens_at
    service.closes_at = closes_at
    service.open_days = "".join(sorted(set(open_days)))
    service.active = active
    service.display_order = display_order
    session.flush()
    if not isinstance(zone, _Keep):
        place_service(session, service, zone)
    current = standard_for(session, service.id, day)
    wanted = (standard_time, standard_unit, waiting_target_minutes)
    if current is None or (current.value, current.unit, current.waiting_target_minutes) != wanted:
        write_entry(session, actor, service, *wanted, day, None, clock)
        if current is not None:
            log_settings_changed(
                session,
                actor,
                clock,
                action="standard_set",
                target=code,
                old=_standard_values(current.value, current.unit, current.waiting_target_minutes),
                new={**_standard_values(*wanted), "effective_from": day},
                standard=code,
                effective_from=day.isoformat(),
            )
    return service.id


def save_counter(
    session: Session,
    number: int,
    name: str,
    services: list[str],
    *,
    actor: Actor,
    active: bool = True,
    zone: str | _Keep | None = KEEP,
) -> int:
    """Create or update counter ``number`` serving ``services`` (codes, in the counter's order); a counter
    of a zone serves only that zone's services (``services.zones``)."""
    actor.require(Permission.MANAGE)
    if number <= 0:
        raise InvalidInput("counter.number_invalid", number=number)
    if not services:
        raise InvalidInput("counter.no_service", counter=number)
    ids = [service_by_code(session, validate_code(code)).id for code in services]
    if len(set(ids)) != len(ids):
        raise InvalidInput("counter.service_twice", counter=number)
    counter = session.execute(select(Counter).where(Counter.number == number)).scalar_one_or_none()
    if counter is None:
        counter = Counter(number=number)
        session.add(counter)
    counter.name = name.strip() or f"Loket {number}"
    counter.active = active
    session.flush()
    if session.get(CounterState, counter.id) is None:
        session.add(CounterState(counter_id=counter.id, state="closed", normal_streak=0, version=0))
    session.execute(delete(CounterService).where(CounterService.counter_id == counter.id))
    session.add_all(
        CounterService(counter_id=counter.id, service_id=service_id, position=position)
        for position, service_id in enumerate(ids)
    )
    session.flush()
    if isinstance(zone, _Keep):
        check_counter_services(session, counter, ids)
    else:
        place_counter(session, counter, zone)  # checks the services it now serves
    return counter.id


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    """A service as the admin sees it: its set-up and the standard in force today."""

    code: str
    name: str
    standard_time: int
    standard_unit: str
    waiting_target_minutes: int | None
    daily_quota: int | None
    opens_at: time | None
    closes_at: time | None
    open_days: str
    active: bool
    display_order: int
    zone: str | None = None  # the code of its zone (services.zones)

    def to_json(self) -> dict[str, Any]:
        shown = asdict(self)
        for key in ("opens_at", "closes_at"):
            value = shown[key]
            shown[key] = value.strftime("%H:%M") if value is not None else None
        return shown


def add_service(
    session: Session, code: str, name: str, *, actor: Actor, clock: Clock = system_clock, **fields: Any
) -> ServiceInfo:
    """A new service ``code`` (``save_service``'s fields); a code already used is refused naming its
    service."""
    actor.require(Permission.MANAGE)
    code = validate_code(code)
    taken = session.execute(select(Service.name).where(Service.code == code)).scalar_one_or_none()
    if taken is not None:
        raise InvalidInput("service.code_taken", service=code, name=taken)
    save_service(session, code, name, actor=actor, clock=clock, **fields)
    added = service_info(session, code, clock)
    log_settings_changed(
        session, actor, clock, action="service_added", target=code, new=added.to_json(), service=code
    )
    return added


def edit_service(
    session: Session, code: str, *, actor: Actor, clock: Clock = system_clock, **changes: Any
) -> ServiceInfo:
    """Change the given fields of service ``code`` (``name`` and ``save_service``'s keywords); the others
    keep their values (``daily_quota``, ``opens_at``, ``closes_at`` or ``waiting_target_minutes`` given as
    None clear them).

    The ``settings_changed`` event's data is ``{"service": code, "changes": {"field": [old, new]}}`` with
    the fields whose value changed (times as "HH:MM"); nothing changed writes no event.
    """
    actor.require(Permission.MANAGE)
    current = service_info(session, validate_code(code), clock)
    unknown = set(changes) - set(ServiceInfo.__dataclass_fields__) - {"name"}
    if unknown or "code" in changes:
        raise InvalidInput("office.unknown_settings", names=sorted(unknown | ({"code"} & set(changes))))
    fields = {key: value for key, value in asdict(current).items() if key != "code"}
    fields.update(changes)
    name = fields.pop("name")
    save_service(session, current.code, name, actor=actor, clock=clock, **fields)
    after = service_info(session, current.code, clock)
    old, new = current.to_json(), after.to_json()
    changed = {key: [old[key], new[key]] for key in old if old[key] != new[key]}
    if changed:
        log_settings_changed(
            session,
            actor,
            clock,
            action="service_changed",
            target=current.code,
            old={key: old[key] for key in changed},
            new={key: new[key] for key in changed},
            service=current.code,
            changes=changed,
        )
    return after


def _standard_values(value: int, unit: str, waiting_target: int | None) -> dict[str, Any]:
    return {"standard_time": value, "standard_unit": unit, "waiting_target_minutes": waiting_target}


def reorder_services(
    session: Session, codes: list[str], *, actor: Actor, clock: Clock = system_clock
) -> list[ServiceInfo]:
    """Put the services in the kiosk order ``codes`` (every service's code once); returns them in it.

    The event's data is ``{"service_order": [old codes, new codes]}``.
    """
    actor.require(Permission.MANAGE)
    services = {s.code: s for s in session.execute(select(Service)).scalars()}
    wanted = [validate_code(code) for code in codes]
    if sorted(wanted) != sorted(services):
        raise InvalidInput("service.order_incomplete", codes=sorted(services))
    old = [info.code for info in list_services(session, clock)]
    for position, code in enumerate(wanted, start=1):
        services[code].display_order = position
    session.flush()
    if old != wanted:
        log_settings_changed(
            session,
            actor,
            clock,
            action="services_reordered",
            old=old,
            new=wanted,
            service_order=[old, wanted],
        )
    return list_services(session, clock)


def service_info(session: Session, code: str, clock: Clock = system_clock) -> ServiceInfo:
    service = service_by_code(session, code)
    standard = standard_for(session, service.id, today(session, clock))
    if standard is None:  # every service has one from its creation (services.standards)
        raise AssertionError(f"service {code} has no standard")
    zone = None if service.zone_id is None else session.get_one(Zone, service.zone_id).code
    return _info(service, standard.value, standard.unit, standard.waiting_target_minutes, zone)


def list_services(session: Session, clock: Clock = system_clock) -> list[ServiceInfo]:
    """Every service, in kiosk order, with the standard in force today (public: the kiosk shows them)."""
    standards = standards_on(session, today(session, clock))
    services = session.execute(select(Service).order_by(Service.display_order, Service.code)).scalars()
    zones = dict(session.execute(select(Zone.id, Zone.code)).tuples().all())
    return [
        _info(
            s,
            standards[s.id].value,
            standards[s.id].unit,
            standards[s.id].waiting_target_minutes,
            None if s.zone_id is None else zones[s.zone_id],
        )
        for s in services
    ]


def _info(service: Service, value: int, unit: str, target: int | None, zone: str | None) -> ServiceInfo:
    return ServiceInfo(
        service.code,
        service.name,
        value,
        unit,
        target,
        service.daily_quota,
        service.opens_at,
        service.closes_at,
        service.open_days,
        service.active,
        service.display_order,
        zone,
    )


def add_counter(
    session: Session,
    number: int,
    name: str,
    services: list[str],
    *,
    actor: Actor,
    zone: str | None = None,
    clock: Clock = system_clock,
) -> CounterInfo:
    """A new counter ``number`` (in ``zone``, whose services it must serve); a number already used is
    refused."""
    actor.require(Permission.MANAGE)
    if session.execute(select(Counter.id).where(Counter.number == number)).first() is not None:
        raise InvalidInput("counter.number_taken", counter=number)
    save_counter(session, number, name, services, actor=actor, zone=zone)
    added = counter_info(session, number)
    log_settings_changed(
        session,
        actor,
        clock,
        action="counter_added",
        target=number,
        new={"name": added.name, "services": list(added.services), "zone": added.zone},
        counter=number,
    )
    return added


def edit_counter(
    session: Session,
    number: int,
    *,
    actor: Actor,
    name: str | None = None,
    services: list[str] | None = None,
    zone: str | _Keep | None = KEEP,
    clock: Clock = system_clock,
) -> CounterInfo:
    """Change the name, the services (main service first) or the zone (None: none) of counter ``number``;
    the rest stays.

    The event's data is ``{"counter": number, "changes": {"name" | "services" | "zone": [old, new]}}``.
    """
    actor.require(Permission.MANAGE)
    counter = counter_by_number(session, number)
    current = counter_info(session, number)
    old = {"name": counter.name, "services": list(current.services), "zone": current.zone}
    save_counter(
        session,
        number,
        counter.name if name is None else name,
        list(current.services) if services is None else services,
        actor=actor,
        active=counter.active,
        zone=zone,
    )
    after = counter_info(session, number)
    new = {"name": after.name, "services": list(after.services), "zone": after.zone}
    changed = {key: [old[key], new[key]] for key in old if old[key] != new[key]}
    if changed:
        log_settings_changed(
            session,
            actor,
            clock,
            action="counter_changed",
            target=number,
            old={key: old[key] for key in changed},
            new={key: new[key] for key in changed},
            counter=number,
            changes=changed,
        )
    return after
