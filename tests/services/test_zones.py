"""Zones of a Mal Pelayanan Publik: added, edited, listed, removed (not while in use), services and counters
placed in them; a counter of a zone serves only its zone's services; bad input is refused with nothing saved;
every change a ``settings_changed`` event with the old and the new values. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from antrian import words
from antrian.domain.errors import InvalidInput, NotFound, PermissionDenied
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.services.counters import counter_info
from antrian.services.setup import add_counter, edit_counter, edit_service, list_services, service_info
from antrian.services.zones import (
    ZoneInfo,
    add_zone,
    edit_zone,
    list_zones,
    remove_zone,
    set_counter_zone,
    set_service_zone,
)
from antrian.store.database import Database
from antrian.store.models import AuditRecord, Zone
from tests.helpers import raises_code

ADMIN = Actor(Role.ADMIN, None, "admin")


def _events(db: Database) -> list[dict[str, Any]]:
    """The audit's record of each settings change: what changed, from what, to what."""
    with db.read() as s:
        rows = s.execute(
            select(AuditRecord.action, AuditRecord.target, AuditRecord.old, AuditRecord.new).order_by(
                AuditRecord.id
            )
        ).all()
    named = {"service_changed": "service", "counter_changed": "counter"}
    return [
        {
            named.get(action, "zone"): int(target) if action == "counter_changed" else target,
            "old": old,
            "new": new,
        }
        for action, target, old, new in rows
        if action.startswith("zone_") or action in named
    ]


def _zones(db: Database) -> list[ZoneInfo]:
    with db.read() as s:
        return list_zones(s)


def two_agencies(db: Database) -> None:
    """Two agencies: DUKCAPIL with services A, B and counters 1, 2; PAJAK with service C and counter 3."""
    with db.write() as s:
        add_zone(s, ADMIN, "dukcapil", "Dinas Kependudukan")
        add_zone(s, ADMIN, "PAJAK", "Badan Pendapatan Daerah")
        for code in ("A", "B"):
            set_service_zone(s, ADMIN, code, "DUKCAPIL")
        set_service_zone(s, ADMIN, "C", "PAJAK")
        for number, zone in ((1, "DUKCAPIL"), (2, "DUKCAPIL"), (3, "PAJAK")):
            set_counter_zone(s, ADMIN, number, zone)


def test_zones_are_added_edited_listed_and_removed_with_old_and_new_values(office: Database) -> None:
    before = len(_events(office))
    with office.write() as s:
        added = add_zone(s, ADMIN, " dukcapil ", " Dinas Kependudukan ")
        add_zone(s, ADMIN, "PAJAK", "Bapenda")
    assert added == ZoneInfo("DUKCAPIL", "Dinas Kependudukan", 0, (), ())
    with office.write() as s:
        edited = edit_zone(s, ADMIN, "pajak", name="Badan Pendapatan Daerah", order=-1)
    assert edited == ZoneInfo("PAJAK", "Badan Pendapatan Daerah", -1, (), ())
    assert [z.code for z in _zones(office)] == ["PAJAK", "DUKCAPIL"]  # by order
    with office.write() as s:
        removed = remove_zone(s, ADMIN, "DUKCAPIL")
    assert removed.code == "DUKCAPIL"
    assert [z.code for z in _zones(office)] == ["PAJAK"]
    assert _events(office)[before:] == [
        {"zone": "DUKCAPIL", "old": None, "new": {"name": "Dinas Kependudukan", "order": 0}},
        {"zone": "PAJAK", "old": None, "new": {"name": "Bapenda", "order": 1}},
        {
            "zone": "PAJAK",
            "old": {"name": "Bapenda", "order": 1},
            "new": {"name": "Badan Pendapatan Daerah", "order": -1},
        },
        {"zone": "DUKCAPIL", "old": {"name": "Dinas Kependudukan", "order": 0}, "new": None},
    ]
    assert _zones(office)[0].to_json() == {
        "code": "PAJAK",
        "name": "Badan Pendapatan Daerah",
        "order": -1,
        "services": [],
        "counters": [],
    }


def test_services_and_counters_are_placed_in_zones_and_listed_with_them(office: Database) -> None:
    before = len(_events(office))
    two_agencies(office)
    assert [(z.code, z.services, z.counters) for z in _zones(office)] == [
        ("DUKCAPIL", ("A", "B"), (1, 2)),
        ("PAJAK", ("C",), (3,)),
    ]
    with office.read() as s:
        assert [(i.code, i.zone) for i in list_services(s)] == [
            ("A", "DUKCAPIL"),
            ("B", "DUKCAPIL"),
            ("C", "PAJAK"),
        ]
        assert service_info(s, "C").to_json()["zone"] == "PAJAK"
        assert counter_info(s, 3).zone == "PAJAK"
        assert counter_info(s, 1).to_json()["zone"] == "DUKCAPIL"
    placed = _events(office)[before + 2 :]
    assert placed[0] == {"service": "A", "old": {"zone": None}, "new": {"zone": "DUKCAPIL"}}
    assert placed[-1] == {"counter": 3, "old": {"zone": None}, "new": {"zone": "PAJAK"}}
    # a zone in use is not removed: the message names what uses it
    in_use = raises_code(InvalidInput, "zone.in_use", zone="PAJAK", services=["C"], counters=[3])
    with in_use as refused, office.write() as s:
        remove_zone(s, ADMIN, "PAJAK")
    assert words.say(refused.value).startswith("Zona PAJAK masih dipakai: layanan C, loket 3")
    assert [z.code for z in _zones(office)] == ["DUKCAPIL", "PAJAK"]
    # editing a service keeps its zone
    with office.write() as s:
        assert edit_service(s, "C", actor=ADMIN, name="Pajak Kendaraan").zone == "PAJAK"


def test_a_counter_serves_only_its_zones_services(office: Database) -> None:
    two_agencies(office)
    saved = _zones(office)
    # a PAJAK service given to a DUKCAPIL counter
    with (
        raises_code(
            InvalidInput,
            "zone.mismatch",
            counter=1,
            counter_zone="DUKCAPIL",
            service="C",
            service_zone="PAJAK",
        ) as refused,
        office.write() as s,
    ):
        edit_counter(s, 1, actor=ADMIN, services=["A", "C"])
    assert words.say(refused.value) == (
        "Loket 1 (zona DUKCAPIL) tidak dapat melayani layanan C (zona PAJAK): "
        "loket hanya melayani layanan zonanya sendiri"
    )
    # a service moved away from the zone of a counter serving it
    with raises_code(InvalidInput, "zone.mismatch", counter=3, service="C"), office.write() as s:
        set_service_zone(s, ADMIN, "C", "DUKCAPIL")
    # a counter moved into a zone whose services it does not serve
    mismatch = raises_code(InvalidInput, "zone.mismatch", counter=3, counter_zone="DUKCAPIL", service="C")
    with mismatch, office.write() as s:
        set_counter_zone(s, ADMIN, 3, "DUKCAPIL")
    # a new counter of a zone with a service of none
    with office.write() as s:
        set_counter_zone(s, ADMIN, 2, None)
        set_counter_zone(s, ADMIN, 1, None)
        set_service_zone(s, ADMIN, "B", None)
    with raises_code(InvalidInput, "zone.mismatch", counter=4, service="B"), office.write() as s:
        add_counter(s, 4, "Loket 4", ["A", "B"], actor=ADMIN, zone="DUKCAPIL")
    with office.read() as s:
        assert s.execute(select(func.count()).select_from(Zone)).scalar_one() == 2
    # moving a counter and its services together is one check, after both
    with office.write() as s:
        moved = edit_counter(s, 3, actor=ADMIN, services=["A"], zone="DUKCAPIL")
    assert (moved.services, moved.zone) == (("A",), "DUKCAPIL")
    # a counter without a zone serves any service
    with office.write() as s:
        assert add_counter(s, 5, "Informasi", ["A", "B", "C"], actor=ADMIN).zone is None
    assert saved[1].counters == (3,)


@pytest.mark.parametrize(
    ("call", "code", "params"),
    [
        (
            lambda s: add_zone(s, ADMIN, "DUK CAPIL", "X"),
            "zone.code_invalid",
            {"zone": "DUK CAPIL", "limit": 16},
        ),
        (lambda s: add_zone(s, ADMIN, "", "X"), "zone.code_invalid", {"zone": ""}),
        (lambda s: add_zone(s, ADMIN, "A" * 17, "X"), "zone.code_invalid", {"limit": 16}),
        (lambda s: add_zone(s, ADMIN, "BARU", "  "), "zone.name_missing", {"zone": "BARU"}),
        (lambda s: add_zone(s, ADMIN, "BARU", "x" * 121), "zone.name_invalid", {"limit": 120}),
        (lambda s: add_zone(s, ADMIN, "BARU", "a\nb"), "zone.name_invalid", {"limit": 120}),
        (
            lambda s: add_zone(s, ADMIN, "pajak", "Lagi"),
            "zone.code_taken",
            {"zone": "PAJAK", "name": "Bapenda"},
        ),
        (lambda s: edit_zone(s, ADMIN, "PAJAK", name=""), "zone.name_missing", {"zone": "PAJAK"}),
        (lambda s: remove_zone(s, ADMIN, "BPJS"), "zone.unknown", {"zone": "BPJS", "choices": ["PAJAK"]}),
        (lambda s: set_service_zone(s, ADMIN, "A", "BPJS"), "zone.unknown", {"zone": "BPJS"}),
        (lambda s: set_service_zone(s, ADMIN, "X", "PAJAK"), "service.unknown", {"service": "X"}),
        (lambda s: set_counter_zone(s, ADMIN, 9, "PAJAK"), "counter.unknown", {"counter": 9}),
    ],
)
def test_bad_zone_input_is_refused_and_nothing_is_saved(
    office: Database, call: Any, code: str, params: dict[str, object]
) -> None:
    with office.write() as s:
        add_zone(s, ADMIN, "PAJAK", "Bapenda")
    before = (_zones(office), len(_events(office)))
    with raises_code(InvalidInput, code, **params) as refused, office.write() as s:
        call(s)
    assert isinstance(refused.value, InvalidInput)
    assert words.say(refused.value)  # said in full, in both catalogues (tests/test_words.py)
    assert (_zones(office), len(_events(office))) == before


def test_an_unknown_zone_without_zones_says_how_to_make_one(office: Database) -> None:
    with raises_code(NotFound, "zone.unknown_none_defined", zone="PAJAK"), office.write() as s:
        set_counter_zone(s, ADMIN, 1, "PAJAK")


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.OPERATOR, Role.KIOSK])
def test_only_the_admin_and_the_system_change_zones(office: Database, role: Role) -> None:
    actor = Actor(role, None, role.value)
    with office.write() as s:
        add_zone(s, SYSTEM, "PAJAK", "Bapenda")
    for call in (
        lambda s: add_zone(s, actor, "BPJS", "BPJS Kesehatan"),
        lambda s: edit_zone(s, actor, "PAJAK", name="X"),
        lambda s: remove_zone(s, actor, "PAJAK"),
        lambda s: set_service_zone(s, actor, "A", "PAJAK"),
        lambda s: set_counter_zone(s, actor, 3, "PAJAK"),
    ):
        with pytest.raises(PermissionDenied), office.write() as s:
            call(s)
    assert [(z.code, z.name, z.services, z.counters) for z in _zones(office)] == [
        ("PAJAK", "Bapenda", (), ())
    ]
