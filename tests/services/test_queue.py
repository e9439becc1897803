"""The queue use cases against a real database, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from antrian.domain.errors import (
    CounterUnavailable,
    IllegalTransition,
    InvalidInput,
    NotFound,
    NothingWaiting,
    PermissionDenied,
    ServiceUnavailable,
)
from antrian.domain.roles import KIOSK, SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.queries import events_after, tickets_for_day
from antrian.services.results import TicketInfo
from antrian.services.setup import save_service
from antrian.store.database import Database
from antrian.store.models import Event, Ticket


def issue(db: Database, code: str, clock: FixedClock, **kwargs: object):  # type: ignore[no-untyped-def]
    with db.write() as s:
        return queue.issue_ticket(s, code, clock=clock, **kwargs)  # type: ignore[arg-type]


def issue_in(db: Database, code: str, clock: FixedClock, **kwargs: object):  # type: ignore[no-untyped-def]
    return queue.issue_ticket_in(db, code, clock=clock, **kwargs)  # type: ignore[arg-type]


Issue = Callable[..., TicketInfo]


@pytest.fixture(params=["session", "own transaction"])
def issuing(request: pytest.FixtureRequest) -> Issue:
    """Both ways to issue: ``issue_ticket`` in the caller's session, ``issue_ticket_in`` on the database."""
    return issue if request.param == "session" else issue_in  # type: ignore[no-any-return]


def op(db: Database, name: str, *args: object, clock: FixedClock, actor: Actor = SYSTEM):  # type: ignore[no-untyped-def]
    with db.write() as s:
        return getattr(queue, name)(s, *args, actor=actor, clock=clock)


def open_counter(db: Database, number: int, clock: FixedClock, actor: Actor = SYSTEM) -> None:
    with db.write() as s:
        counters.open_counter(s, number, actor=actor, clock=clock)


def test_issue_numbers_per_service_and_event(office: Database, clock: FixedClock, issuing: Issue) -> None:
    a1 = issuing(office, "A", clock)
    a2 = issuing(office, "a", clock)
    b1 = issuing(office, "B", clock)
    assert (a1.number, a2.number, b1.number) == ("A001", "A002", "B001")
    assert a1.status == "waiting" and a1.issued_at == clock.now and a1.service_day.isoformat() == "2026-11-30"
    with office.read() as s:
        events = events_after(s, 0)
    issued = [e for e in events if e.kind == "ticket_issued"]
    assert [e.data["number"] for e in issued] == ["A001", "A002", "B001"]
    assert [e.ticket_id for e in issued] == [a1.id, a2.id, b1.id]


def test_issue_refusals_leave_nothing_behind(office: Database, clock: FixedClock, issuing: Issue) -> None:
    with pytest.raises(NotFound, match="unknown service 'Z'"):
        issuing(office, "Z", clock)
    with pytest.raises(InvalidInput, match="1 to 3 letters"):
        issuing(office, "A1", clock)
    with pytest.raises(InvalidInput, match="priority group"):
        issuing(office, "A", clock, priority="vip")
    with office.write() as s:
        save_service(s, "D", "Pindah Datang", actor=SYSTEM, standard_time=30, active=False)
        save_service(s, "E", "Legalisir", actor=SYSTEM, standard_time=5, opens_at=time(8), closes_at=time(12))
        save_service(s, "F", "Konsultasi", actor=SYSTEM, standard_time=5, daily_quota=2, open_days="1234567")
    with pytest.raises(ServiceUnavailable, match="not active"):
        issuing(office, "D", clock)
    closed_clock = FixedClock(datetime(2026, 11, 30, 6, 0, tzinfo=UTC))  # 13:00 in Jakarta
    with pytest.raises(ServiceUnavailable, match="closed since 12:00"):
        issuing(office, "E", closed_clock)
    early = FixedClock(datetime(2026, 11, 30, 0, 30, tzinfo=UTC))  # 07:30
    with pytest.raises(ServiceUnavailable, match="opens at 08:00"):
        issuing(office, "E", early)
    sunday = FixedClock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
    with pytest.raises(ServiceUnavailable, match="closed on Minggu"):
        issuing(office, "E", sunday)
    assert issuing(office, "E", clock).number == "E001"
    issuing(office, "F", clock)
    issuing(office, "F", clock)
    with pytest.raises(ServiceUnavailable, match="quota of 2"):
        issuing(office, "F", clock)
    with office.read() as s:
        count = s.execute(select(func.count()).select_from(Ticket)).scalar_one()
        kinds = s.execute(select(Event.kind)).scalars().all()
    assert count == 3  # E001, F001, F002: every refusal rolled back its number and its event
    assert kinds.count("ticket_issued") == 3


def test_full_visit_records_every_instant(office: Database, clock: FixedClock, operator: Actor) -> None:
    ticket = issue(office, "A", clock)
    open_counter(office, 1, clock, operator)
    clock.advance(minutes=12)
    called = op(office, "call_next", 1, clock=clock, actor=operator)
    assert (called.id, called.status, called.counter, called.operator) == (ticket.id, "called", 1, "petugas1")
    clock.advance(seconds=40)
    recalled = op(office, "recall", 1, clock=clock, actor=operator)
    assert recalled.call_count == 2 and recalled.last_called_at == clock.now
    clock.advance(seconds=30)
    op(office, "start", 1, clock=clock, actor=operator)
    clock.advance(minutes=9)
    done = op(office, "finish", 1, clock=clock, actor=operator)
    assert done.status == "done"
    assert done.first_called_at == ticket.issued_at + timedelta(minutes=12)
    assert done.started_at == done.first_called_at + timedelta(seconds=70)
    assert done.finished_at == done.started_at + timedelta(minutes=9)
    with office.read() as s:
        kinds = [e.kind for e in events_after(s, 0) if e.ticket_id == ticket.id]
    assert kinds == ["ticket_issued", "ticket_called", "ticket_recalled", "ticket_started", "ticket_finished"]


def test_call_next_oldest_first_across_services(office: Database, clock: FixedClock) -> None:
    b1 = issue(office, "B", clock)
    clock.advance(seconds=1)
    a1 = issue(office, "A", clock)
    clock.advance(seconds=1)
    issue(office, "C", clock)  # counter 1 does not serve C
    open_counter(office, 1, clock)
    assert op(office, "call_next", 1, clock=clock).id == b1.id
    op(office, "no_show", 1, clock=clock)
    assert op(office, "call_next", 1, clock=clock).id == a1.id
    op(office, "hold", 1, clock=clock)
    with pytest.raises(NothingWaiting, match="counter 1"):
        op(office, "call_next", 1, clock=clock)


def test_priority_interleave_every_second_call(office: Database, clock: FixedClock) -> None:
    normal = [issue(office, "A", clock).number for _ in range(5)]
    priority = [issue(office, "A", clock, priority="lansia").number for _ in range(2)]
    open_counter(office, 1, clock)
    order = []
    for _ in range(7):
        order.append(op(office, "call_next", 1, clock=clock).number)
        op(office, "no_show", 1, clock=clock)
    # interleave 2: two normal calls, then a priority one while priority tickets wait
    assert order == [normal[0], normal[1], priority[0], normal[2], normal[3], priority[1], normal[4]]


def test_counter_must_be_open_and_free(office: Database, clock: FixedClock, operator: Actor) -> None:
    issue(office, "A", clock)
    issue(office, "A", clock)
    with pytest.raises(CounterUnavailable, match="counter 1 is closed"):
        op(office, "call_next", 1, clock=clock)
    open_counter(office, 1, clock, operator)
    op(office, "call_next", 1, clock=clock, actor=operator)
    with pytest.raises(CounterUnavailable, match="still has A001 called"):
        op(office, "call_next", 1, clock=clock, actor=operator)
    with office.write() as s, pytest.raises(CounterUnavailable, match="still has A001"):
        counters.pause_counter(s, 1, "Istirahat", actor=operator, clock=clock)
    op(office, "start", 1, clock=clock, actor=operator)
    op(office, "finish", 1, clock=clock, actor=operator)
    with office.write() as s:
        info = counters.pause_counter(s, 1, "Istirahat siang", actor=operator, clock=clock)
    assert (info.state, info.pause_reason) == ("paused", "Istirahat siang")
    with pytest.raises(CounterUnavailable, match=r"paused \(Istirahat siang\)"):
        op(office, "call_next", 1, clock=clock, actor=operator)
    with office.write() as s, pytest.raises(InvalidInput, match="needs a reason"):
        counters.pause_counter(s, 1, "  ", actor=operator, clock=clock)
    open_counter(office, 1, clock, operator)
    assert op(office, "call_next", 1, clock=clock, actor=operator).number == "A002"
    with pytest.raises(NotFound, match="unknown counter 9"):
        op(office, "call_next", 9, clock=clock)


def test_illegal_transitions_name_ticket_and_status(office: Database, clock: FixedClock) -> None:
    issue(office, "A", clock)
    open_counter(office, 1, clock)
    with pytest.raises(CounterUnavailable, match="no ticket called"):
        op(office, "finish", 1, clock=clock)
    op(office, "call_next", 1, clock=clock)
    with pytest.raises(IllegalTransition, match="cannot finish A001: it is called"):
        op(office, "finish", 1, clock=clock)
    op(office, "start", 1, clock=clock)
    with pytest.raises(IllegalTransition, match="cannot recall A001: it is being served"):
        op(office, "recall", 1, clock=clock)
    with pytest.raises(IllegalTransition, match="cannot no-show A001"):
        op(office, "no_show", 1, clock=clock)
    with office.read() as s:
        assert [t.status for t in tickets_for_day(s, clock=clock)] == ["serving"]


def test_operator_cannot_work_another_operators_counter(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    from antrian.services.users import create_user

    with office.write() as s:
        other_id = create_user(s, "petugas2", "Petugas Dua", "operator", "rahasia456", actor=SYSTEM)
    other = Actor(Role.OPERATOR, other_id, "petugas2")
    issue(office, "A", clock)
    open_counter(office, 1, clock, operator)
    with pytest.raises(PermissionDenied, match="counter 1 is open for petugas1"):
        op(office, "call_next", 1, clock=clock, actor=other)
    with pytest.raises(PermissionDenied, match="kiosk"):
        op(office, "call_next", 1, clock=clock, actor=KIOSK)
    with office.write() as s, pytest.raises(PermissionDenied, match="may not change the office set-up"):
        save_service(s, "Z", "Zakat", actor=operator, standard_time=5)


def test_call_given_number_and_resume_held(office: Database, clock: FixedClock) -> None:
    issue(office, "A", clock)
    issue(office, "A", clock)
    issue(office, "C", clock)
    open_counter(office, 1, clock)
    op(office, "call_next", 1, clock=clock)
    op(office, "no_show", 1, clock=clock)
    # the citizen who missed their call comes back
    back = op(office, "call_ticket", 1, "a1", clock=clock)
    assert (back.number, back.status, back.call_count) == ("A001", "called", 2)
    op(office, "hold", 1, clock=clock)
    assert op(office, "call_next", 1, clock=clock).number == "A002"
    op(office, "start", 1, clock=clock)
    op(office, "finish", 1, clock=clock)
    with pytest.raises(NotFound, match="no ticket A099 today"):
        op(office, "call_ticket", 1, "A099", clock=clock)
    resumed = op(office, "resume", 1, "A001", clock=clock)
    assert (resumed.status, resumed.call_count, resumed.counter) == ("called", 3, 1)
    open_counter(office, 2, clock)
    with pytest.raises(CounterUnavailable, match="counter 2 does not serve C001"):
        op(office, "call_ticket", 2, "C001", clock=clock)


def test_transfer_keeps_number_and_place(office: Database, clock: FixedClock) -> None:
    first = issue(office, "A", clock)
    clock.advance(minutes=1)
    later = issue(office, "B", clock)
    open_counter(office, 1, clock)
    op(office, "call_next", 1, clock=clock)
    op(office, "start", 1, clock=clock)
    clock.advance(minutes=5)
    visit = op(office, "transfer", 1, "B", clock=clock)
    assert (visit.number, visit.service, visit.status, visit.parent_id) == ("A001", "B", "waiting", first.id)
    assert visit.place_at == first.issued_at and visit.issued_at == clock.now
    # A001 keeps its place by original issue time: it goes before B001, issued a minute after it
    assert op(office, "call_next", 1, clock=clock).id == visit.id
    op(office, "start", 1, clock=clock)
    third = op(office, "transfer", 1, "C", clock=clock)
    assert third.parent_id == first.id  # every visit links to the first
    with office.read() as s:
        rows = {(t.number, t.service): t.status for t in tickets_for_day(s, clock=clock)}
    assert rows == {
        ("A001", "A"): "transferred",
        ("A001", "B"): "transferred",
        ("A001", "C"): "waiting",
        ("B001", "B"): "waiting",
    }
    assert later.number == "B001"
    op(office, "call_next", 1, clock=clock)  # B001
    with pytest.raises(InvalidInput, match="already in service B"):
        op(office, "transfer", 1, "B", clock=clock)


def test_cancel_frees_the_counter(office: Database, clock: FixedClock) -> None:
    issue(office, "A", clock)
    issue(office, "A", clock)
    open_counter(office, 1, clock)
    op(office, "call_next", 1, clock=clock)
    with office.write() as s:
        cancelled = queue.cancel(s, "A001", actor=SYSTEM, clock=clock)
    assert cancelled.status == "cancelled"
    assert op(office, "call_next", 1, clock=clock).number == "A002"
    with office.write() as s, pytest.raises(IllegalTransition, match="cannot cancel A001: it is cancelled"):
        queue.cancel(s, "A001", actor=SYSTEM, clock=clock)


def test_day_rollover_in_makassar(office: Database, issuing: Issue) -> None:
    """Numbering restarts at local midnight (16:00 UTC in WITA); open tickets of the past day expire."""
    from antrian.services.office import update_office

    with office.write() as s:
        update_office(s, SYSTEM, timezone="Asia/Makassar")
    clock = FixedClock(datetime(2026, 11, 30, 15, 58, tzinfo=UTC))  # 23:58 WITA, Monday
    before = [issuing(office, "A", clock) for _ in range(3)]
    open_counter(office, 1, clock)
    op(office, "call_next", 1, clock=clock)
    clock.advance(minutes=1, seconds=59)  # 15:59:59 UTC
    assert issuing(office, "A", clock).number == "A004"
    clock.advance(seconds=1)  # 16:00:00 UTC = 00:00 on Tuesday in Makassar
    after = issuing(office, "A", clock)
    assert (after.number, after.service_day.isoformat()) == ("A001", "2026-12-01")
    assert {t.service_day.isoformat() for t in before} == {"2026-11-30"}
    # the previous day's waiting tickets are not called today
    with office.write() as s:
        expired = queue.expire_past_days(s, actor=SYSTEM, clock=clock)
    assert expired == 4  # A001 (called at counter 1) and A002-A004 (waiting)
    with office.read() as s:
        old = tickets_for_day(s, before[0].service_day)
    assert {t.status for t in old} == {"expired"}
    op(office, "call_next", 1, clock=clock)  # the counter was freed by the expiry
    with office.read() as s:
        today = tickets_for_day(s, clock=clock)
    assert [(t.number, t.status) for t in today] == [("A001", "called")]
