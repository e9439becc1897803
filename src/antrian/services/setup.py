"""Admin operations on the office set-up: services and counters."""

from __future__ import annotations

from datetime import time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.labels import validate_code
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, parse_unit, system_clock
from antrian.services.lookup import service_by_code
from antrian.services.office import log_settings_changed
from antrian.services.standards import standard_for, today, write_entry
from antrian.store.models import Counter, CounterService, CounterState, Service


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
    if service is None:
        service = Service(code=code)
        session.add(service)
    service.name = name.strip()
    service.daily_quota = daily_quota
    service.opens_at = opens_at
    service.closes_at = closes_at
    service.open_days = "".join(sorted(set(open_days)))
    service.active = active
    service.display_order = display_order
    session.flush()
    day = today(session, clock)
    current = standard_for(session, service.id, day)
    wanted = (standard_time, standard_unit, waiting_target_minutes)
    if current is None or (current.value, current.unit, current.waiting_target_minutes) != wanted:
        write_entry(session, actor, service, *wanted, day, None, clock)
        if current is not None:
            log_settings_changed(session, actor, clock, standard=code, effective_from=day.isoformat())
    return service.id


def save_counter(
    session: Session, number: int, name: str, services: list[str], *, actor: Actor, active: bool = True
) -> int:
    """Create or update counter ``number`` serving ``services`` (codes, in the counter's order)."""
    actor.require(Permission.MANAGE)
    if number <= 0:
        raise InvalidInput("counter.number_invalid", number=number)
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
    return counter.id
