"""The first-run set-up (services.first_run): one transaction writes the office, its logo, services with their
standards, counters and the admin; a bad plan writes nothing; once an admin exists it is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from sqlalchemy import func, select

from antrian.domain.errors import IllegalAction, InvalidInput
from antrian.domain.roles import SYSTEM, Role
from antrian.domain.timing import FixedClock
from antrian.services.branding import get_logo
from antrian.services.counters import list_counters
from antrian.services.first_run import (
    CounterPlan,
    ServicePlan,
    SetupDone,
    SetupPlan,
    complete_setup,
    needs_setup,
)
from antrian.services.login import authenticate
from antrian.services.office import get_office
from antrian.services.setup import list_services
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import Event, Service, Setting, User
from tests.conftest import MONDAY_9AM
from tests.helpers import raises_code

CLOCK = FixedClock(MONDAY_9AM)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)
PLAN = SetupPlan(
    office_name="  Disdukcapil Kota Makassar ",
    address="Jl. Ahmad Yani No. 2",
    timezone="Asia/Makassar",
    services=(
        ServicePlan("a", "KTP Elektronik", 15, "minutes", 30, time(8), time(15), 150, "12345"),
        ServicePlan("B", "Akta Kelahiran", 1, "working_days", None, None, None, None, "123456"),
    ),
    counters=(CounterPlan(1, "Loket 1", ("B", "A")), CounterPlan(2, "", ("A",))),
    admin_password="Kucing7hitam",
    admin_username="Admin",
    admin_full_name="Andi Admin",
    logo=PNG,
)


def test_a_new_office_is_set_up_in_one_go(db: Database) -> None:
    with db.read() as s:
        assert needs_setup(s)
    with db.write() as s:
        done = complete_setup(s, PLAN, clock=CLOCK)
    assert done == SetupDone("Disdukcapil Kota Makassar", ("A", "B"), (1, 2), "admin")
    with db.read() as s:
        assert not needs_setup(s)
        office = get_office(s)
        assert (office.name, office.address, office.timezone) == (
            "Disdukcapil Kota Makassar",
            "Jl. Ahmad Yani No. 2",
            "Asia/Makassar",
        )
        assert get_logo(s) == PNG
        assert s.get(Setting, "logo").value["format"] == "png"
        services = {info.code: info for info in list_services(s, CLOCK)}
        a, b = services["A"], services["B"]
        assert (a.name, a.standard_time, a.standard_unit, a.waiting_target_minutes) == (
            "KTP Elektronik",
            15,
            "minutes",
            30,
        )
        assert (a.opens_at, a.closes_at, a.daily_quota, a.open_days, a.display_order) == (
            time(8),
            time(15),
            150,
            "12345",
            1,
        )
        assert (b.standard_time, b.standard_unit, b.waiting_target_minutes, b.daily_quota) == (
            1,
            "working_days",
            None,
            None,
        )
        assert (b.open_days, b.display_order) == ("123456", 2)
        counters = {c.number: (c.name, c.services, c.state) for c in list_counters(s)}
        assert counters == {1: ("Loket 1", ("B", "A"), "closed"), 2: ("Loket 2", ("A",), "closed")}
        admin = s.execute(select(User).where(User.username == "admin")).scalar_one()
        assert (admin.full_name, admin.role, admin.active) == ("Andi Admin", "admin", True)
        changes = s.execute(select(func.count()).where(Event.kind == "settings_changed")).scalar_one()
        assert changes == 1 + 1 + 2 + 2 + 1  # the office, the logo, each service, each counter, the admin
    with db.write() as s:
        login = authenticate(s, "admin", "Kucing7hitam", clock=CLOCK)
    assert login.actor is not None and login.actor.role is Role.ADMIN


def test_once_an_admin_exists_the_set_up_is_refused(db: Database) -> None:
    with db.write() as s:
        complete_setup(s, replace(PLAN, logo=None), clock=CLOCK)
    other = replace(
        PLAN, office_name="Lain", services=(ServicePlan("Z", "Z", 5),), counters=(CounterPlan(9, "", ("Z",)),)
    )
    with db.write() as s, raises_code(IllegalAction, "setup.done", command="antrian admin"):
        complete_setup(s, replace(other, admin_username="admin2"), clock=CLOCK)
    with db.read() as s:
        assert get_office(s).name == "Disdukcapil Kota Makassar"
        assert s.execute(select(Service.code).where(Service.code == "Z")).first() is None


def test_an_office_whose_admin_was_made_elsewhere_needs_no_set_up_only_with_an_office(db: Database) -> None:
    with db.write() as s:
        create_user(s, "kepala", "Kepala", "admin", "Kucing7hitam", actor=SYSTEM)
    with db.read() as s:
        assert needs_setup(s), "an admin but no office profile"
    with db.write() as s, raises_code(IllegalAction, "setup.done", command="antrian admin"):
        complete_setup(s, PLAN, clock=CLOCK)


def test_a_disabled_admin_does_not_count(db: Database) -> None:
    with db.write() as s:
        complete_setup(s, PLAN, clock=CLOCK)
        s.execute(User.__table__.update().values(active=False))
    with db.read() as s:
        assert needs_setup(s)


SERVICES, COUNTERS = PLAN.services, PLAN.counters


@pytest.mark.parametrize(
    ("changes", "code", "params"),
    [
        ({"office_name": "  "}, "setup.office_name_missing", {}),
        ({"office_name": "x" * 201}, "setup.office_name_long", {"limit": 200}),
        ({"address": "x" * 301}, "setup.address_long", {"limit": 300}),
        ({"timezone": "Asia/Bandung"}, "office.timezone_unknown", {"zone": "Asia/Bandung"}),
        ({"logo": b"GIF89a" + bytes(10)}, "office.logo_not_image", {}),
        ({"logo": PNG + bytes(1024 * 1024)}, "office.logo_too_big", {"kb": 1025, "limit": 512}),
        ({"services": ()}, "setup.no_service", {}),
        ({"services": (SERVICES[0], replace(SERVICES[1], code="A"))}, "setup.code_twice", {"service": "A"}),
        ({"services": (replace(SERVICES[0], code="A1"),)}, "service.code_invalid", {"code": "A1"}),
        ({"services": (replace(SERVICES[0], name=" "),)}, "service.name_missing", {"service": "A"}),
        ({"services": (replace(SERVICES[0], standard_time=0),)}, "service.standard_not_positive", {}),
        ({"services": (replace(SERVICES[0], standard_unit="days"),)}, "time_unit.unknown", {"unit": "days"}),
        (
            {"services": (replace(SERVICES[0], waiting_target_minutes=0),)},
            "standard.waiting_target_not_positive",
            {},
        ),
        ({"services": (replace(SERVICES[0], daily_quota=0),)}, "service.quota_not_positive", {}),
        ({"services": (replace(SERVICES[0], open_days=""),)}, "service.open_days_invalid", {}),
        (
            {"services": (replace(SERVICES[0], opens_at=time(15), closes_at=time(8)),)},
            "service.closes_before_opening",
            {"service": "A"},
        ),
        ({"counters": ()}, "setup.no_counter", {}),
        ({"counters": (CounterPlan(0, "", ("A",)),)}, "counter.number_invalid", {"number": 0}),
        ({"counters": (COUNTERS[0], CounterPlan(1, "", ("A",)))}, "setup.counter_twice", {"counter": 1}),
        ({"counters": (CounterPlan(3, "", ()),)}, "counter.no_service", {"counter": 3}),
        ({"counters": (CounterPlan(3, "", ("A", "a")),)}, "counter.service_twice", {"counter": 3}),
        (
            {"counters": (CounterPlan(3, "", ("A", "C")),)},
            "setup.counter_unknown_service",
            {"counter": 3, "service": "C"},
        ),
        ({"admin_username": "a b"}, "user.name_invalid", {}),
        ({"admin_full_name": "x" * 121}, "setup.full_name_long", {"limit": 120}),
        ({"admin_password": "Kc7!"}, "user.password_short", {"n": 8}),
        ({"admin_password": "admin123"}, "setup.password_same_as_username", {}),
        ({"admin_password": "Rahasia2026"}, "setup.password_common", {}),
        ({"admin_password": "1234567890"}, "setup.password_only_digits", {}),
    ],
)
def test_a_bad_plan_is_refused_with_nothing_written(
    db: Database, changes: dict[str, object], code: str, params: dict[str, object]
) -> None:
    with db.write() as s, raises_code(InvalidInput, code, **params):
        complete_setup(s, replace(PLAN, **changes), clock=CLOCK)  # type: ignore[arg-type]
    with db.read() as s:
        assert needs_setup(s)
        assert s.execute(select(func.count()).select_from(Event)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(Service)).scalar_one() == 0


def test_codes_and_numbers_already_in_the_database_are_refused_before_writing(db: Database) -> None:
    from antrian.services.setup import add_counter, add_service

    with db.write() as s:
        add_service(s, "A", "Lama", actor=SYSTEM, clock=CLOCK, standard_time=5)
    with db.write() as s, raises_code(InvalidInput, "service.code_taken", service="A", name="Lama"):
        complete_setup(s, PLAN, clock=CLOCK)
    with db.write() as s:
        add_counter(s, 2, "Lama", ["A"], actor=SYSTEM, clock=CLOCK)
    plan = replace(PLAN, services=(replace(SERVICES[0], code="K"),), counters=(CounterPlan(2, "", ("K",)),))
    with db.write() as s, raises_code(InvalidInput, "counter.number_taken", counter=2):
        complete_setup(s, plan, clock=CLOCK)
    with db.write() as s:
        create_user(s, "admin", "Operator", "operator", "Kucing7hitam", actor=SYSTEM)
    plan = replace(plan, counters=(CounterPlan(3, "", ("K",)),))
    with db.write() as s, raises_code(InvalidInput, "user.name_taken", username="admin"):
        complete_setup(s, plan, clock=CLOCK)
    with db.read() as s:
        assert s.execute(select(Service.code).where(Service.code == "K")).first() is None
