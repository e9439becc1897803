"""Office set-up: services, counters and the office profile, with clear refusals."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from antrian import words
from antrian.domain.errors import InvalidInput, NotFound
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.counters import list_counters, open_counter
from antrian.services.demo import install_demo
from antrian.services.office import get_office, update_office
from antrian.services.setup import save_counter, save_service
from antrian.store.database import Database
from antrian.store.models import Office, Service
from tests.helpers import raises_code


@pytest.mark.parametrize(
    ("kwargs", "code", "params"),
    [
        ({"code": "ABCD"}, "service.code_invalid", {"code": "ABCD"}),
        ({"name": " "}, "service.name_missing", {"service": "A"}),
        ({"standard_time": 0}, "service.standard_not_positive", {"service": "A"}),
        ({"standard_unit": "weeks"}, "time_unit.unknown", {"unit": "weeks"}),
        ({"daily_quota": 0}, "service.quota_not_positive", {"service": "A"}),
        ({"open_days": "1238"}, "service.open_days_invalid", {"service": "A"}),
        ({"open_days": ""}, "service.open_days_invalid", {"service": "A"}),
        (
            {"opens_at": time(15), "closes_at": time(8)},
            "service.closes_before_opening",
            {"service": "A", "opens": time(15), "closes": time(8)},
        ),
    ],
)
def test_service_validation(
    db: Database, kwargs: dict[str, object], code: str, params: dict[str, object]
) -> None:
    values: dict[str, object] = {"code": "a", "name": "KTP", "standard_time": 15, **kwargs}
    service, name = values.pop("code"), values.pop("name")
    with db.write() as session, raises_code(InvalidInput, code, **params):
        save_service(session, str(service), str(name), actor=SYSTEM, **values)  # type: ignore[arg-type]


def test_service_times_are_said_on_the_24_hour_clock(db: Database) -> None:
    with db.write() as session, raises_code(InvalidInput, "service.closes_before_opening") as caught:
        save_service(
            session, "E", "Legalisir", actor=SYSTEM, standard_time=5, opens_at=time(15), closes_at=time(8, 30)
        )
    assert words.say(caught.value, lang="id") == "Layanan E tutup (08:30) sebelum buka (15:00)"
    assert words.say(caught.value, lang="en") == "Service E closes (08:30) before it opens (15:00)"


@pytest.mark.parametrize(
    ("number", "services", "code", "params"),
    [
        (0, ["A"], "counter.number_invalid", {"number": 0}),
        (-2, ["A"], "counter.number_invalid", {"number": -2}),
        (6, ["A", "a"], "counter.service_twice", {"counter": 6}),
        (6, ["A1"], "service.code_invalid", {"code": "A1"}),
    ],
)
def test_counter_validation(
    office: Database, number: int, services: list[str], code: str, params: dict[str, object]
) -> None:
    with office.write() as session, raises_code(InvalidInput, code, **params):
        save_counter(session, number, "Loket", services, actor=SYSTEM)


def test_counter_serves_services_in_order(office: Database) -> None:
    with office.write() as session:
        save_counter(session, 5, "Loket Prioritas", ["C", "A"], actor=SYSTEM)
        with raises_code(NotFound, "service.unknown", service="X", choices=["A", "B", "C"]):
            save_counter(session, 6, "Loket 6", ["X"], actor=SYSTEM)
    with office.read() as session:
        counters = {c.number: c for c in list_counters(session)}
    assert counters[5].services == ("C", "A") and counters[5].state == "closed"
    assert sorted(counters) == [1, 2, 3, 5]


def test_office_settings_are_checked(db: Database) -> None:
    with db.write() as session:
        with raises_code(InvalidInput, "office.timezone_unknown", zone="Mars/Olympus"):
            update_office(session, SYSTEM, timezone="Mars/Olympus")
        with raises_code(InvalidInput, "office.unknown_settings", names=["colour", "size"]):
            update_office(session, SYSTEM, size=2, colour="red")
        with raises_code(InvalidInput, "office.label_width"):
            update_office(session, SYSTEM, label_width=7)
        with raises_code(InvalidInput, "office.interleave"):
            update_office(session, SYSTEM, priority_interleave=-1)
        office = update_office(session, SYSTEM, name="MPP Banjarmasin", timezone="Asia/Makassar")
    assert (office.name, office.timezone) == ("MPP Banjarmasin", "Asia/Makassar")
    with db.read() as session:
        assert get_office(session).zone.key == "Asia/Makassar"


def test_a_new_office_calls_a_waiting_priority_citizen_first(db: Database) -> None:
    clock = FixedClock(datetime(2026, 11, 30, 2, 0, tzinfo=UTC))
    with db.read() as session:
        assert get_office(session).priority_interleave == 0  # no profile yet: the default
    with db.write() as session:
        install_demo(session)
    with db.write() as session:
        assert get_office(session).priority_interleave == 0
        normal = queue.issue_ticket(session, "A", clock=clock)
        clock.advance(minutes=5)
        priority = queue.issue_ticket(session, "A", priority="lansia", clock=clock)
        open_counter(session, 1, actor=SYSTEM, clock=clock)
        assert queue.call_next(session, 1, actor=SYSTEM, clock=clock).id == priority.id
        queue.no_show(session, 1, actor=SYSTEM, clock=clock)
        assert queue.call_next(session, 1, actor=SYSTEM, clock=clock).id == normal.id


def test_the_interleave_is_an_office_setting_kept_by_other_changes(db: Database) -> None:
    with db.write() as session:
        session.add(Office(id=1, name="Kantor Lama"))  # a row written without the field takes the default
        session.flush()
        assert get_office(session).priority_interleave == 0
        update_office(session, SYSTEM, priority_interleave=2)
    with db.write() as session:
        assert update_office(session, SYSTEM, name="Kantor Baru").priority_interleave == 2


def test_demo_office_is_idempotent(db: Database) -> None:
    with db.write() as session:
        first = install_demo(session)
    with db.write() as session:
        second = install_demo(session)
    assert sorted(first) == ["admin", "petugas1", "petugas2", "petugas3", "petugas4", "supervisor"]
    assert second == {}
    with db.read() as session:
        counters = list_counters(session)
        office = get_office(session)
    assert [c.number for c in counters] == [1, 2, 3, 4]
    assert all(c.services == ("A", "B", "C", "D") for c in counters)
    assert office.name == "Mal Pelayanan Publik Kota Contoh"


def test_a_bigger_sample_office_gives_every_service_a_counter(db: Database) -> None:
    with db.write() as session:
        install_demo(session, counters=12, services=24)
    with db.read() as session:
        counters = {c.number: c.services for c in list_counters(session)}
        codes = list(session.execute(select(Service.code).order_by(Service.display_order)).scalars())
    assert codes == [chr(ord("A") + i) for i in range(24)]
    assert sorted(counters) == list(range(1, 13))
    # counters 1-4 keep the sample office's four services, then take their turn of the rest
    assert counters[1] == ("A", "B", "C", "D", "M")
    assert counters[5] == ("E", "Q")
    assert counters[12] == ("L", "X")
    assert {code for served in counters.values() for code in served} == set(codes)


def test_a_sample_office_of_one_counter_serves_everything(db: Database) -> None:
    with db.write() as session:
        install_demo(session, counters=1, services=6)
    with db.read() as session:
        assert [c.services for c in list_counters(session)] == [("A", "B", "C", "D", "E", "F")]


@pytest.mark.parametrize(
    ("sizes", "code", "params"),
    [
        ({"services": 25}, "demo.services_range", {"given": 25, "most": 24}),
        ({"services": 0}, "demo.services_range", {"given": 0, "most": 24}),
        ({"counters": 100}, "demo.counters_range", {"given": 100, "most": 99}),
    ],
)
def test_sample_office_sizes_are_bounded(
    db: Database, sizes: dict[str, int], code: str, params: dict[str, object]
) -> None:
    with raises_code(InvalidInput, code, **params), db.write() as session:
        install_demo(session, **sizes)
    with db.read() as session:
        assert session.execute(select(Service.code)).first() is None
