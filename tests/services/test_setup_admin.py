"""Adding, editing and listing services and counters (the admin's and the CLI's operations): only the
fields given change, bad input is refused with nothing saved, every change is a ``settings_changed`` event."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from sqlalchemy import func, select

from antrian.domain.errors import InvalidInput, NotFound, PermissionDenied
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.counters import list_counters
from antrian.services.setup import (
    ServiceInfo,
    add_counter,
    add_service,
    edit_counter,
    edit_service,
    list_services,
    service_info,
)
from antrian.store.database import Database
from antrian.store.models import Event
from tests.conftest import MONDAY_9AM
from tests.helpers import raises_code

CLOCK = FixedClock(MONDAY_9AM)


def settings_events(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).where(Event.kind == "settings_changed")).scalar_one())


def test_a_service_is_added_with_its_standard_hours_and_quota(office: Database) -> None:
    before = settings_events(office)
    with office.write() as s:
        added = add_service(
            s,
            "d",
            "Surat Pindah",
            actor=SYSTEM,
            clock=CLOCK,
            standard_time=3,
            standard_unit="working_days",
            waiting_target_minutes=30,
            daily_quota=50,
            opens_at=time(8),
            closes_at=time(12),
            open_days="12345",
        )
    assert added == ServiceInfo(
        "D", "Surat Pindah", 3, "working_days", 30, 50, time(8), time(12), "12345", True, 0
    )
    assert added.to_json()["opens_at"] == "08:00"
    with office.read() as s:
        assert [i.code for i in list_services(s, CLOCK)] == ["A", "B", "C", "D"]
    assert settings_events(office) == before + 1


def test_edit_changes_only_the_fields_given(office: Database) -> None:
    with office.write() as s:
        before = service_info(s, "A", CLOCK)
        edited = edit_service(s, "a", actor=SYSTEM, clock=CLOCK, daily_quota=40)
    assert edited == ServiceInfo(
        **{**before.to_json(), "daily_quota": 40, "opens_at": None, "closes_at": None}
    )
    with office.write() as s:
        edited = edit_service(s, "A", actor=SYSTEM, clock=CLOCK, name="KTP-el", standard_time=20)
    assert (edited.name, edited.standard_time, edited.standard_unit, edited.daily_quota) == (
        "KTP-el",
        20,
        "minutes",
        40,
    )


@pytest.mark.parametrize(
    ("work", "code", "params"),
    [
        (
            lambda s: add_service(s, "a", "Lagi", actor=SYSTEM, clock=CLOCK, standard_time=5),
            "service.code_taken",
            {"service": "A", "name": "KTP Elektronik"},
        ),
        (
            lambda s: edit_service(s, "A", actor=SYSTEM, clock=CLOCK, daily_quota=2),
            "service.quota_below_issued",
            {"service": "A", "quota": 2, "issued": 3},
        ),
        (
            lambda s: edit_service(s, "A", actor=SYSTEM, clock=CLOCK, opens_at=time(16), closes_at=time(8)),
            "service.closes_before_opening",
            {"opens": time(16), "closes": time(8)},
        ),
        (
            lambda s: edit_service(s, "A", actor=SYSTEM, clock=CLOCK, name=" "),
            "service.name_missing",
            {"service": "A"},
        ),
        (lambda s: add_counter(s, 4, "Loket 4", [], actor=SYSTEM), "counter.no_service", {"counter": 4}),
        (lambda s: edit_counter(s, 1, services=[], actor=SYSTEM), "counter.no_service", {"counter": 1}),
        (lambda s: add_counter(s, 1, "Loket 1", ["A"], actor=SYSTEM), "counter.number_taken", {"counter": 1}),
        (lambda s: add_counter(s, 4, "Loket 4", ["A", "A"], actor=SYSTEM), "counter.service_twice", {}),
    ],
)
def test_bad_set_up_is_refused_and_nothing_is_saved(
    office: Database, work: Any, code: str, params: dict[str, object]
) -> None:
    for _ in range(3):  # three numbers of A taken today
        queue.issue_ticket_in(office, "A", clock=CLOCK)
    with office.read() as s:
        services = list_services(s, CLOCK)
        counters = list_counters(s)
    before = settings_events(office)
    with raises_code(InvalidInput, code, **params), office.write() as s:
        work(s)
    with office.read() as s:
        assert list_services(s, CLOCK) == services
        assert list_counters(s) == counters
    assert settings_events(office) == before


def test_a_quota_equal_to_the_numbers_taken_is_accepted(office: Database) -> None:
    for _ in range(3):
        queue.issue_ticket_in(office, "A", clock=CLOCK)
    with office.write() as s:
        assert edit_service(s, "A", actor=SYSTEM, clock=CLOCK, daily_quota=3).daily_quota == 3


def test_counters_are_added_and_edited_main_service_first(office: Database) -> None:
    with office.write() as s:
        added = add_counter(s, 4, "Loket Prioritas", ["C", "A"], actor=SYSTEM)
    assert (added.number, added.name, added.services, added.state) == (
        4,
        "Loket Prioritas",
        ("C", "A"),
        "closed",
    )
    with office.write() as s:
        assert edit_counter(s, 4, services=["A", "B"], actor=SYSTEM).services == ("A", "B")
        assert edit_counter(s, 4, name="Loket 4", actor=SYSTEM).services == ("A", "B")
    with raises_code(NotFound, "counter.unknown", counter=9), office.write() as s:
        edit_counter(s, 9, name="x", actor=SYSTEM)
    with raises_code(NotFound, "service.unknown", service="Z"), office.write() as s:
        add_counter(s, 5, "Loket 5", ["Z"], actor=SYSTEM)


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.OPERATOR, Role.KIOSK])
def test_only_the_admin_and_the_system_change_services_and_counters(office: Database, role: Role) -> None:
    actor = Actor(role, None, role.value)
    for work in (
        lambda s: add_service(s, "D", "Surat", actor=actor, clock=CLOCK, standard_time=5),
        lambda s: edit_service(s, "A", actor=actor, clock=CLOCK, name="x"),
        lambda s: add_counter(s, 4, "Loket 4", ["A"], actor=actor),
        lambda s: edit_counter(s, 1, name="x", actor=actor),
    ):
        with pytest.raises(PermissionDenied), office.write() as s:
            work(s)
