"""The live monitor's snapshot on SQLite and PostgreSQL: a morning built through the service functions with a
pinned clock (the ``office`` fixture: A 15 min, B 20 min, C 1 hour; counters 1-2 serve A and B, 3 serves C),
every figure hand-computed, the flags checked at their boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from antrian.domain.errors import PermissionDenied
from antrian.domain.figures import Share
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.status import Status
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.monitor import MonitorSnapshot, WaitingTicket, monitor_snapshot
from antrian.services.standards import set_standard
from antrian.services.stations import StationKind, report_station
from antrian.services.users import create_user
from antrian.store.database import Database
from tests.helpers import raises_code

MONDAY = date(2026, 11, 30)
NINE = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 09:00 Jakarta


def at(minutes: float) -> datetime:
    return NINE + timedelta(minutes=minutes)


@pytest.fixture
def morning(office: Database, clock: FixedClock, operator: Actor) -> tuple[Database, FixedClock, Actor]:
    """By 09:50: counter 1 served A001 in 10 min (within 15) and A002 in 21 min (over), serves B001 since
    09:42; A003 waits since 09:05 (A's waiting target: 10 min); counter 2 paused by the supervisor; the
    display silent since 09:00 with no speech engine, the kiosk seen at 09:48. A ticket of Sunday still
    waits and is not today's; A's standard changes from Tuesday (30 min), not today."""
    with office.write() as s:
        set_standard(s, SYSTEM, "A", 15, "minutes", 10, MONDAY, clock=clock)
        set_standard(s, SYSTEM, "A", 30, "minutes", 5, MONDAY + timedelta(days=1), clock=clock)
        boss = create_user(s, "kepala", "Ibu Kepala", "supervisor", "rahasia123", actor=SYSTEM)
    chief = Actor(Role.SUPERVISOR, boss, "kepala")

    def write(minutes: float, work):  # type: ignore[no-untyped-def]
        clock.now = at(minutes)
        with office.write() as s:
            return work(s)

    write(-24 * 60, lambda s: queue.issue_ticket(s, "A", clock=clock))  # Sunday's, never called
    write(0, lambda s: counters.open_counter(s, 1, actor=operator, clock=clock))
    write(0, lambda s: report_station(s, StationKind.DISPLAY, "Layar Utama", NO_ENGINE, clock=clock))
    write(0, lambda s: queue.issue_ticket(s, "A", clock=clock))
    write(2, lambda s: queue.issue_ticket(s, "A", clock=clock))
    write(3, lambda s: queue.issue_ticket(s, "B", clock=clock))
    write(5, lambda s: queue.issue_ticket(s, "A", clock=clock))
    for call, begin, end in ((6, 7, 17), (18, 19, 40)):
        write(call, lambda s: queue.call_next(s, 1, actor=operator, clock=clock))
        write(begin, lambda s: queue.start(s, 1, actor=operator, clock=clock))
        write(end, lambda s: queue.finish(s, 1, actor=operator, clock=clock))
    write(41, lambda s: queue.call_next(s, 1, actor=operator, clock=clock))
    write(42, lambda s: queue.start(s, 1, actor=operator, clock=clock))
    write(44, lambda s: counters.open_counter(s, 2, actor=chief, clock=clock))
    write(45, lambda s: counters.pause_counter(s, 2, "Rapat", actor=chief, clock=clock))
    write(48, lambda s: report_station(s, StationKind.KIOSK, "Anjungan 1", None, clock=clock))
    clock.now = at(50)
    return office, clock, chief


NO_ENGINE = Message("speech.engine_unavailable", detail="espeak-ng not found")


def snapshot(db: Database, actor: Actor, clock: FixedClock) -> MonitorSnapshot:
    with db.read() as s:
        return monitor_snapshot(s, actor, clock)


def test_services_today(morning: tuple[Database, FixedClock, Actor]) -> None:
    db, clock, chief = morning
    snap = snapshot(db, chief, clock)
    assert (snap.at, snap.day, snap.zone) == (at(50), MONDAY, "Asia/Jakarta")
    a, b, c = snap.services
    assert [s.code for s in snap.services] == ["A", "B", "C"]
    assert a.waiting == (WaitingTicket("A003", at(5)),)  # not Sunday's A001
    assert a.longest(at(50)) == (WaitingTicket("A003", at(5)), timedelta(minutes=45))
    assert (a.served, a.within_standard) == (2, Share(1, 2))  # 10 min within 15, 21 min over
    assert a.within_standard.shown == 50.0
    assert (a.standard, a.waiting_target) == (timedelta(minutes=15), timedelta(minutes=10))
    assert (b.waiting, b.served, b.within_standard, b.waiting_target) == ((), 0, Share(), None)
    assert b.longest(at(50)) is None
    assert c.standard == timedelta(hours=1)


def test_waiting_flag_at_its_boundary(morning: tuple[Database, FixedClock, Actor]) -> None:
    db, clock, chief = morning
    a = snapshot(db, chief, clock).services[0]
    assert a.over_target(at(15)) == 0  # A003 has waited exactly the 10 minutes: not over
    assert a.over_target(at(15) + timedelta(seconds=1)) == 1
    assert snapshot(db, chief, clock).services[1].over_target(at(500)) == 0  # B has no target


def test_counters_now(morning: tuple[Database, FixedClock, Actor]) -> None:
    db, clock, chief = morning
    one, two, three = snapshot(db, chief, clock).counters
    assert (one.number, one.state, one.operator, one.pause_reason) == (1, "open", "Petugas Satu", None)
    assert (one.ticket, one.ticket_service, one.ticket_status) == ("B001", "B", Status.SERVING)
    assert (one.since, one.standard) == (at(42), timedelta(minutes=20))
    assert one.running(at(50)) == timedelta(minutes=8)
    assert not one.over_standard(at(62))  # exactly the 20 minutes of B's standard: not over
    assert one.over_standard(at(62) + timedelta(seconds=1))
    assert (two.state, two.operator, two.pause_reason, two.state_since) == (
        "paused",
        "Ibu Kepala",
        "Rapat",
        at(45),
    )
    assert (two.ticket, two.running(at(50)), two.over_standard(at(500))) == (None, None, False)
    assert (three.state, three.operator, three.ticket) == ("closed", None, None)


def test_called_ticket_runs_from_its_call_and_is_never_over_a_standard(
    morning: tuple[Database, FixedClock, Actor],
) -> None:
    db, clock, chief = morning
    clock.now = at(51)
    with db.write() as s:
        counters.open_counter(s, 2, actor=chief, clock=clock)
        queue.call_next(s, 2, actor=chief, clock=clock)  # A003
    two = snapshot(db, chief, clock).counters[1]
    assert (two.state, two.ticket, two.ticket_status, two.since) == ("open", "A003", Status.CALLED, at(51))
    assert two.running(at(53)) == timedelta(minutes=2)
    assert not two.over_standard(at(51) + timedelta(hours=2))  # walking to the counter is not service
    assert snapshot(db, chief, clock).services[0].waiting == ()


def test_stations_and_flags(morning: tuple[Database, FixedClock, Actor]) -> None:
    db, clock, chief = morning
    snap = snapshot(db, chief, clock)
    display, kiosk = snap.stations
    assert (display.kind, display.name, display.last_seen, display.problem) == (
        StationKind.DISPLAY,
        "Layar Utama",
        at(0),
        NO_ENGINE,
    )
    assert (kiosk.kind, kiosk.name, kiosk.problem) == (StationKind.KIOSK, "Anjungan 1", None)
    assert not kiosk.silent(at(51))  # exactly three minutes: not over
    assert kiosk.silent(at(51) + timedelta(seconds=1))
    assert snap.flags(at(50)) == {"service:A", "station:display:Layar Utama"}
    assert snap.flags(at(62) + timedelta(seconds=1)) == {
        "service:A",
        "counter:1",
        "station:display:Layar Utama",
        "station:kiosk:Anjungan 1",
    }


def test_an_operator_is_refused(morning: tuple[Database, FixedClock, Actor], operator: Actor) -> None:
    db, clock, _chief = morning
    with db.read() as s, raises_code(PermissionDenied, "permission.denied"):
        monitor_snapshot(s, operator, clock)


def test_an_admin_and_an_empty_office(office: Database, clock: FixedClock) -> None:
    with office.write() as s:
        admin = create_user(s, "admin1", "Admin", "admin", "rahasia123", actor=SYSTEM)
    snap = snapshot(office, Actor(Role.ADMIN, admin, "admin1"), clock)
    assert [(s.code, s.waiting, s.served, s.within_standard) for s in snap.services] == [
        ("A", (), 0, Share()),
        ("B", (), 0, Share()),
        ("C", (), 0, Share()),
    ]
    assert [(c.number, c.state) for c in snap.counters] == [(1, "closed"), (2, "closed"), (3, "closed")]
    assert (snap.stations, snap.flags(clock())) == ((), frozenset())
