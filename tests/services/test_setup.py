"""Office set-up: services, counters and the office profile, with clear refusals."""

from __future__ import annotations

from datetime import time

import pytest

from antrian.domain.errors import InvalidInput, NotFound
from antrian.domain.roles import SYSTEM
from antrian.services.counters import list_counters
from antrian.services.demo import install_demo
from antrian.services.office import get_office, update_office
from antrian.services.setup import save_counter, save_service
from antrian.store.database import Database


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"code": "ABCD"}, "1 to 3 letters"),
        ({"name": " "}, "needs a name"),
        ({"standard_time": 0}, "must be positive"),
        ({"standard_unit": "weeks"}, "unknown time unit"),
        ({"daily_quota": 0}, "quota"),
        ({"open_days": "1238"}, "weekday digits"),
        ({"opens_at": time(15), "closes_at": time(8)}, "closes .* before it opens"),
    ],
)
def test_service_validation(db: Database, kwargs: dict[str, object], problem: str) -> None:
    values: dict[str, object] = {"code": "A", "name": "KTP", "standard_time": 15, **kwargs}
    code, name = values.pop("code"), values.pop("name")
    with db.write() as session, pytest.raises(InvalidInput, match=problem):
        save_service(session, str(code), str(name), actor=SYSTEM, **values)  # type: ignore[arg-type]


def test_counter_serves_services_in_order(office: Database) -> None:
    with office.write() as session:
        save_counter(session, 5, "Loket Prioritas", ["C", "A"], actor=SYSTEM)
        with pytest.raises(NotFound, match="unknown service 'X'"):
            save_counter(session, 6, "Loket 6", ["X"], actor=SYSTEM)
    with office.read() as session:
        counters = {c.number: c for c in list_counters(session)}
    assert counters[5].services == ("C", "A") and counters[5].state == "closed"
    assert sorted(counters) == [1, 2, 3, 5]


def test_office_settings_are_checked(db: Database) -> None:
    with db.write() as session:
        with pytest.raises(InvalidInput, match="unknown time zone 'Mars/Olympus'"):
            update_office(session, SYSTEM, timezone="Mars/Olympus")
        with pytest.raises(InvalidInput, match="unknown office setting"):
            update_office(session, SYSTEM, colour="red")
        office = update_office(session, SYSTEM, name="MPP Banjarmasin", timezone="Asia/Makassar")
    assert (office.name, office.timezone) == ("MPP Banjarmasin", "Asia/Makassar")
    with db.read() as session:
        assert get_office(session).zone.key == "Asia/Makassar"


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
