"""A kiosk or display PC of a Mal Pelayanan Publik limited to its zones: the kiosk lists only their services,
zone by zone; the display only their counters, the calls made there and the waiting counts of what they
serve; an unknown zone is refused. On SQLite and PostgreSQL."""

from __future__ import annotations

from antrian.domain.errors import NotFound
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.display import display_snapshot
from antrian.services.kiosk import kiosk_overview
from antrian.services.setup import add_counter
from antrian.services.zones import add_zone, set_counter_zone, set_service_zone
from antrian.store.database import Database
from tests.helpers import raises_code
from tests.services.test_display import call_next


def three_agencies(db: Database) -> None:
    """PAJAK (first in order): C and counter 3; DUKCAPIL: A, B and counters 1, 2; BPJS: D and counter 4."""
    with db.write() as s:
        add_zone(s, SYSTEM, "DUKCAPIL", "Dinas Kependudukan", order=2)
        add_zone(s, SYSTEM, "PAJAK", "Badan Pendapatan Daerah", order=1)
        add_zone(s, SYSTEM, "BPJS", "BPJS Kesehatan", order=3)
        from antrian.services.setup import save_service

        save_service(s, "D", "Kepesertaan", actor=SYSTEM, standard_time=10, open_days="1234567", zone="BPJS")
        for code, zone in (("A", "DUKCAPIL"), ("B", "DUKCAPIL"), ("C", "PAJAK")):
            set_service_zone(s, SYSTEM, code, zone)
        for number, zone in ((1, "DUKCAPIL"), (2, "DUKCAPIL"), (3, "PAJAK")):
            set_counter_zone(s, SYSTEM, number, zone)
        add_counter(s, 4, "Loket BPJS", ["D"], actor=SYSTEM, zone="BPJS")


def test_a_kiosk_of_two_zones_lists_their_services_zone_by_zone(office: Database, clock: FixedClock) -> None:
    three_agencies(office)
    with office.read() as s:
        every = kiosk_overview(s, clock=clock)
        two = kiosk_overview(s, clock=clock, zones=["dukcapil", "PAJAK"])
        one = kiosk_overview(s, clock=clock, zones=["BPJS"])
    assert [(t.code, t.zone) for t in every] == [
        ("A", "DUKCAPIL"),
        ("B", "DUKCAPIL"),
        ("C", "PAJAK"),
        ("D", "BPJS"),
    ]
    # the zones' order: PAJAK (1) before DUKCAPIL (2); within a zone the services' order
    assert [(t.code, t.zone, t.zone_name) for t in two] == [
        ("C", "PAJAK", "Badan Pendapatan Daerah"),
        ("A", "DUKCAPIL", "Dinas Kependudukan"),
        ("B", "DUKCAPIL", "Dinas Kependudukan"),
    ]
    assert [t.code for t in one] == ["D"]


def test_a_display_of_a_zone_shows_its_counters_calls_and_waiting(
    office: Database, clock: FixedClock
) -> None:
    three_agencies(office)
    call_next(office, 1, "A", clock)  # A001 at counter 1 (DUKCAPIL)
    call_next(office, 3, "C", clock)  # C001 at counter 3 (PAJAK): the newest call
    call_next(office, 4, "D", clock)  # D001 at counter 4 (BPJS)
    with office.write() as s:
        queue.issue_ticket(s, "B", clock=clock)
        queue.issue_ticket(s, "C", clock=clock)
    with office.read() as s:
        dukcapil = display_snapshot(s, recent=6, clock=clock, zones=["DUKCAPIL"])
        two = display_snapshot(s, recent=6, clock=clock, zones=["DUKCAPIL", "PAJAK"])
        both_limits = display_snapshot(
            s, recent=6, clock=clock, zones=["DUKCAPIL", "PAJAK"], counters=frozenset({2, 3})
        )
    assert [b.number for b in dukcapil.counters] == [1, 2]
    assert [(w.code, w.count) for w in dukcapil.waiting] == [("A", 0), ("B", 1)]
    assert [c.number for c in dukcapil.recent_calls] == ["A001"]
    assert dukcapil.current is not None and dukcapil.current.number == "A001"
    assert [b.number for b in two.counters] == [1, 2, 3]
    assert [(w.code, w.count) for w in two.waiting] == [("A", 0), ("B", 1), ("C", 1)]
    assert [c.number for c in two.recent_calls] == ["C001", "A001"]
    assert [b.number for b in both_limits.counters] == [2, 3]
    assert [c.number for c in both_limits.recent_calls] == ["C001"]


def test_an_unknown_zone_is_refused(office: Database, clock: FixedClock) -> None:
    three_agencies(office)
    with office.read() as s:
        with raises_code(NotFound, "zone.unknown", zone="SAMSAT", choices=["PAJAK", "DUKCAPIL", "BPJS"]):
            kiosk_overview(s, clock=clock, zones=["SAMSAT"])
        with raises_code(NotFound, "zone.unknown", zone="SAMSAT"):
            display_snapshot(s, clock=clock, zones=["PAJAK", "SAMSAT"])
