"""A kiosk and a display of a Mal Pelayanan Publik limited to zones, offscreen on a real database: the kiosk
shows only its zones' services, each headed by its zone's name when it shows several; the display shows and
speaks only the calls of its zones' counters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.gui.display.window import DisplayWindow
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner
from antrian.services.zones import add_zone, set_counter_zone, set_service_zone
from antrian.store.database import Database
from tests.gui.test_display import call, new_events
from tests.services.test_zones import two_agencies


@pytest.fixture
def zoned(office_db: Database) -> Database:
    """DUKCAPIL: A, B and counters 1, 2; PAJAK: C and counter 3."""
    two_agencies(office_db)
    return office_db


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait()


def kiosk(qtbot: QtBot, db: Database, runner: TaskRunner, zones: tuple[str, ...] | None) -> KioskWindow:
    window = KioskWindow(db, lambda w, d: runner.submit(w, d, d), print_slip=lambda _slip: None, zones=zones)
    qtbot.addWidget(window)
    window.resize(1080, 1280)
    window.show()
    qtbot.waitUntil(lambda: bool(window.grid.buttons), timeout=5000)
    return window


def test_a_kiosk_of_one_zone_shows_its_services_without_a_heading(
    zoned: Database, qtbot: QtBot, runner: TaskRunner
) -> None:
    window = kiosk(qtbot, zoned, runner, ("PAJAK",))
    assert list(window.grid.buttons) == ["C"]
    assert not window.grid.buttons["C"].zone.isVisible()


def test_a_kiosk_of_two_zones_heads_each_service_with_its_zone(
    zoned: Database, qtbot: QtBot, runner: TaskRunner
) -> None:
    with zoned.write() as s:
        add_zone(s, SYSTEM, "BPJS", "BPJS Kesehatan", order=-1)
        set_counter_zone(s, SYSTEM, 3, None)
        set_service_zone(s, SYSTEM, "C", "BPJS")
    window = kiosk(qtbot, zoned, runner, ("DUKCAPIL", "BPJS"))
    assert list(window.grid.buttons) == ["C", "A", "B"]  # BPJS first: its order
    shown = {code: (b.zone.isVisible(), b.zone.text()) for code, b in window.grid.buttons.items()}
    assert shown == {
        "C": (True, "BPJS Kesehatan"),
        "A": (True, "Dinas Kependudukan"),
        "B": (True, "Dinas Kependudukan"),
    }
    button = window.grid.buttons["A"]
    assert button.needed_height(button.width()) <= button.height()  # the heading fits with the name


def test_a_display_of_a_zone_shows_and_speaks_only_its_counters(
    zoned: Database, qtbot: QtBot, runner: TaskRunner
) -> None:
    window = DisplayWindow(zoned, lambda w, d: runner.submit(w, d, d), zones=("PAJAK",))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=5000)
    assert sorted(window.tiles) == [3]
    first = call(zoned, 1, "A")  # counter 1, DUKCAPIL: neither shown nor spoken
    assert window.handle_events(new_events(zoned, 0)) == []
    call(zoned, 3, "C")
    spoken = window.handle_events(new_events(zoned, first))
    assert [(c.number, c.counter) for c in spoken] == [("C001", 3)]
    assert window.call_number.text() == "C001"


def test_a_display_of_a_zone_reads_again_only_for_what_can_change_it(
    zoned: Database, qtbot: QtBot, runner: TaskRunner
) -> None:
    """In a Mal Pelayanan Publik ten zone displays would each re-read after every event in the building; one
    skips the queue events of other zones' counters and services, and re-reads for its own and for set-up."""
    from antrian.services import counters, queue
    from antrian.services.office import update_office
    from antrian.services.queries import last_event_id

    window = DisplayWindow(zoned, lambda w, d: runner.submit(w, d, d), zones=("PAJAK",))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=5000)
    with zoned.read() as s:
        seen = last_event_id(s)

    def delivered() -> bool:  # the events since the last delivery, as the change feed hands them over
        nonlocal seen
        events = new_events(zoned, seen)
        assert events, "each step records an event"
        seen = events[-1].id
        window.refresh()  # a re-read already due is started now (and is no longer due)
        assert not window.refresh_due
        window.handle_events(events)
        return window.refresh_due

    call(zoned, 1, "A")  # DUKCAPIL's counter 1 opens and calls A001: issued, opened, called
    assert not delivered(), "another zone's counter and service"
    with zoned.write() as s:
        queue.issue_ticket(s, "C")
    assert delivered(), "C is served here: its waiting count changed"
    with zoned.write() as s:
        counters.open_counter(s, 3, actor=SYSTEM)
    assert delivered(), "this zone's counter opened"
    with zoned.write() as s:
        counters.open_counter(s, 2, actor=SYSTEM)
    assert not delivered(), "another zone's counter opened"
    with zoned.write() as s:
        update_office(s, SYSTEM, name="Mal Pelayanan Publik Kota")
    assert delivered(), "set-up may change any display"
