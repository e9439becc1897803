"""The first-run set-up: an office with no profile or no admin is given both, with its first services and
counters, in one transaction (the set-up wizard's last step).

Everything in the plan is checked before anything is written, so that a refused plan leaves the database as
it was; the writes then go through the same service functions as the admin window (``services.office``,
``services.setup``, ``services.users``). Once an active admin exists the set-up is refused: from then on
the office is changed by an admin, with an audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import IllegalAction, InvalidInput
from antrian.domain.labels import validate_code
from antrian.domain.password_strength import MIN_PASSWORD, Reason, rate_password
from antrian.domain.roles import SYSTEM, Role
from antrian.domain.timing import Clock, office_zone, parse_unit, system_clock
from antrian.services.branding import check_logo, set_logo
from antrian.services.office import update_office
from antrian.services.setup import add_counter, add_service
from antrian.services.users import check_username, create_user
from antrian.store.models import Counter, Office, Service, User

# The time zones of Indonesia, offered by the names people know them by.
# What a person runs to change the office once it is set up, and to run the set-up again after closing it.
ADMIN_COMMAND, SETUP_COMMAND = "antrian admin", "antrian setup"
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
NAME_LIMIT, ADDRESS_LIMIT, SERVICE_NAME_LIMIT, FULL_NAME_LIMIT = 200, 300, 120, 120


@dataclass(frozen=True, slots=True)
class ServicePlan:
    code: str
    name: str
    standard_time: int
    standard_unit: str = "minutes"
    waiting_target_minutes: int | None = None
    opens_at: time | None = None
    closes_at: time | None = None
    daily_quota: int | None = None
    open_days: str = "12345"


@dataclass(frozen=True, slots=True)
class CounterPlan:
    number: int
    name: str
    services: tuple[str, ...]  # codes, the main service first


@dataclass(frozen=True, slots=True)
class SetupPlan:
    office_name: str
    address: str
    timezone: str
    services: tuple[ServicePlan, ...]
    counters: tuple[CounterPlan, ...]
    admin_password: str
    admin_username: str = "admin"
    admin_full_name: str = ""
    logo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class SetupDone:
    office: str
    services: tuple[str, ...]
    counters: tuple[int, ...]
    admin: str


def admin_exists(session: Session) -> bool:
    found = session.execute(
        select(User.id).where(User.role == Role.ADMIN.value, User.active.is_(True)).limit(1)
    ).first()
    return found is not None


def needs_setup(session: Session) -> bool:
    """Whether the office has no profile or no active admin yet: the windows open the set-up wizard."""
    return session.get(Office, 1) is None or not admin_exists(session)


def complete_setup(session: Session, plan: SetupPlan, *, clock: Clock = system_clock) -> SetupDone:
    """Write ``plan`` in the caller's transaction: office profile (and logo), services with their standards,
    counters with the services they serve, and the admin user; each change a ``settings_changed`` event.

    Raises:
        IllegalAction: an active admin exists already (``setup.done``).
        InvalidInput: the first problem found in the plan; nothing has been written.
    """
    check_plan(session, plan)
    update_office(
        session,
        SYSTEM,
        clock,
        name=plan.office_name.strip(),
        address=plan.address.strip(),
        timezone=plan.timezone,
    )
    if plan.logo is not None:
        set_logo(session, plan.logo, actor=SYSTEM, clock=clock)
    for order, service in enumerate(plan.services, start=1):
        add_service(
            session,
            service.code,
            service.name,
            actor=SYSTEM,
            clock=clock,
            standard_time=service.standard_time,
            standard_unit=service.standard_unit,
            waiting_target_minutes=service.waiting_target_minutes,
            daily_quota=service.daily_quota,
            opens_at=service.opens_at,
            closes_at=service.closes_at,
            open_days=service.open_days,
            display_order=order,
        )
    for counter in plan.counters:
        add_counter(session, counter.number, counter.name, list(counter.services), actor=SYSTEM, clock=clock)
    username = check_username(plan.admin_username)
    create_user(session, username, plan.admin_full_name, Role.ADMIN.value, plan.admin_password, actor=SYSTEM)
    return SetupDone(
        plan.office_name.strip(),
        tuple(validate_code(s.code) for s in plan.services),
        tuple(c.number for c in plan.counters),
        username,
    )


def check_plan(session: Session, plan: SetupPlan) -> None:
    """Every check ``complete_setup`` makes before writing (the wizard's pages make the same per page)."""
    if admin_exists(session):
        raise IllegalAction("setup.done", command=ADMIN_COMMAND)
    check_office(plan.office_name, plan.address, plan.timezone, plan.logo)
    codes = check_services(plan.services)
    taken = session.execute(select(Service.code, Service.name).where(Service.code.in_(codes))).first()
    if taken is not None:
        raise InvalidInput("service.code_taken", service=taken.code, name=taken.name)
    numbers = check_counters(plan.counters, codes)
    used = session.execute(select(Counter.number).where(Counter.number.in_(numbers))).scalars().first()
    if used is not None:
        raise InvalidInput("counter.number_taken", counter=used)
    username = check_admin(plan.admin_username, plan.admin_full_name, plan.admin_password)
    if session.execute(select(User.id).where(User.username == username)).first() is not None:
        raise InvalidInput("user.name_taken", username=username)


def check_office(name: str, address: str, timezone: str, logo: bytes | None) -> None:
    if not name.strip():
        raise InvalidInput("setup.office_name_missing")
    if len(name.strip()) > NAME_LIMIT:
        raise InvalidInput("setup.office_name_long", limit=NAME_LIMIT)
    if len(address.strip()) > ADDRESS_LIMIT:
        raise InvalidInput("setup.address_long", limit=ADDRESS_LIMIT)
    office_zone(timezone)
    if logo is not None:
        check_logo(logo)


def check_services(services: tuple[ServicePlan, ...]) -> list[str]:
    """The plan's service codes (upper case) once each service is found valid, in order."""
    if not services:
        raise InvalidInput("setup.no_service")
    codes: list[str] = []
    for service in services:
        check_service(service)
        code = validate_code(service.code)
        if code in codes:
            raise InvalidInput("setup.code_twice", service=code)
        codes.append(code)
    return codes


def check_service(service: ServicePlan) -> None:
    """The checks of ``services.setup.save_service`` on one planned service, without a database."""
    code = validate_code(service.code)
    if not service.name.strip():
        raise InvalidInput("service.name_missing", service=code)
    if len(service.name.strip()) > SERVICE_NAME_LIMIT:
        raise InvalidInput("setup.service_name_long", service=code, limit=SERVICE_NAME_LIMIT)
    if service.standard_time <= 0:
        raise InvalidInput("service.standard_not_positive", service=code)
    parse_unit(service.standard_unit)
    if service.waiting_target_minutes is not None and service.waiting_target_minutes <= 0:
        raise InvalidInput("standard.waiting_target_not_positive", service=code)
    if service.daily_quota is not None and service.daily_quota <= 0:
        raise InvalidInput("service.quota_not_positive", service=code)
    if not service.open_days or not set(service.open_days) <= set("1234567"):
        raise InvalidInput("service.open_days_invalid", service=code)
    opens, closes = service.opens_at, service.closes_at
    if opens is not None and closes is not None and closes <= opens:
        raise InvalidInput("service.closes_before_opening", service=code, opens=opens, closes=closes)


def check_counters(counters: tuple[CounterPlan, ...], codes: list[str]) -> list[int]:
    """The plan's counter numbers once each counter is found valid, serving only ``codes``."""
    if not counters:
        raise InvalidInput("setup.no_counter")
    numbers: list[int] = []
    for counter in counters:
        if counter.number <= 0:
            raise InvalidInput("counter.number_invalid", number=counter.number)
        if counter.number in numbers:
            raise InvalidInput("setup.counter_twice", counter=counter.number)
        numbers.append(counter.number)
        if not counter.services:
            raise InvalidInput("counter.no_service", counter=counter.number)
        served = [code.strip().upper() for code in counter.services]
        if len(set(served)) != len(served):
            raise InvalidInput("counter.service_twice", counter=counter.number)
        for code in served:
            if code not in codes:
                raise InvalidInput("setup.counter_unknown_service", counter=counter.number, service=code)
    return numbers


def check_admin(username: str, full_name: str, password: str) -> str:
    """The admin's username as stored once the username, name and password are found fit."""
    username = check_username(username)
    if len(full_name.strip()) > FULL_NAME_LIMIT:
        raise InvalidInput("setup.full_name_long", limit=FULL_NAME_LIMIT)
    strength = rate_password(password, username)
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("user.password_short", n=MIN_PASSWORD)
    if strength.acceptable:
        return username
    if strength.reason is Reason.SAME_AS_USERNAME:
        raise InvalidInput("setup.password_same_as_username")
    if strength.reason is Reason.COMMON:
        raise InvalidInput("setup.password_common")
    if strength.reason is Reason.ONLY_DIGITS:
        raise InvalidInput("setup.password_only_digits")
    if strength.reason is Reason.REPEATED:
        raise InvalidInput("setup.password_repeated")
    raise InvalidInput("setup.password_sequence")  # the last reason a password is rated below 2
