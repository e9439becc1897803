"""The queue use cases against a real database, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from antrian import words
from antrian.domain.errors import (
    CounterUnavailable,
    InvalidInput,
    NotFound,
    NothingWaiting,
    PermissionDenied,
    ServiceUnavailable,
)
from antrian.domain.messages import Message
from antrian.domain.roles import KIOSK, SYSTEM, Actor, Permission, Role
from antrian.domain.status import Action, Status
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.queries import events_after, tickets_for_day
from antrian.services.results import TicketInfo
from antrian.services.setup import save_service
from antrian.store.database import Database
from antrian.store.models import Event, Ticket
from tests.helpers import raises_code, raises_transition


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
    with raises_code(NotFound, "service.unknown", service="Z", choices=["A", "B", "C"]):
        issuing(office, "Z", clock)
    with raises_code(InvalidInput, "service.code_invalid", code="A1"):
        issuing(office, "A1", clock)
    with raises_code(InvalidInput, "priority.unknown_group", group="vip"):
        issuing(office, "A", clock, priority="vip")
    with office.write() as s:
        save_service(s, "D", "Pindah Datang", actor=SYSTEM, standard_time=30, active=False)
        save_service(s, "E", "Legalisir", actor=SYSTEM, standard_time=5, opens_at=time(8), closes_at=time(12))
        save_service(s, "F", "Konsultasi", actor=SYSTEM, standard_time=5, daily_quota=2, open_days="1234567")
    with raises_code(ServiceUnavailable, "service.inactive", service="D", name="Pindah Datang"):
        issuing(office, "D", clock)
    closed_clock = FixedClock(datetime(2026, 11, 30, 6, 0, tzinfo=UTC))  # 13:00 in Jakarta
    since = Message("hours.closed_since", closes=time(12))
    with raises_code(
        ServiceUnavailable, "service.closed", service="E", name="Legalisir", reason=since
    ) as caught:
        issuing(office, "E", closed_clock)
    assert words.say(caught.value, lang="id") == "Layanan E (Legalisir) tutup sejak pukul 12:00"
    assert words.say(caught.value, lang="en") == "Service E (Legalisir) is closed since 12:00"
    early = FixedClock(datetime(2026, 11, 30, 0, 30, tzinfo=UTC))  # 07:30
    with raises_code(
        ServiceUnavailable, "service.closed", reason=Message("hours.not_yet_open", opens=time(8))
    ):
        issuing(office, "E", early)
    sunday = FixedClock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
    with raises_code(ServiceUnavailable, "service.closed", reason=Message("hours.closed_day", weekday=7)):
        issuing(office, "E", sunday)
    assert issuing(office, "E", clock).number == "E001"
    issuing(office, "F", clock)
    issuing(office, "F", clock)
    with raises_code(ServiceUnavailable, "service.quota_used", service="F", name="Konsultasi", quota=2):
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
    with raises_code(NothingWaiting, "counter.nobody_waiting", counter=1):
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
    with raises_code(CounterUnavailable, "counter.closed", counter=1):
        op(office, "call_next", 1, clock=clock)
    open_counter(office, 1, clock, operator)
    op(office, "call_next", 1, clock=clock, actor=operator)
    with raises_code(
        CounterUnavailable, "counter.busy", counter=1, ticket="A001", status=Status.CALLED
    ) as caught:
        op(office, "call_next", 1, clock=clock, actor=operator)
    assert words.say(caught.value, lang="id") == (
        "Loket 1 masih memegang A001 (dipanggil): mulai layani, tandai tidak hadir, tunda atau alihkan dulu"
    )
    assert words.say(caught.value, lang="en") == (
        "Counter 1 still has A001 (called): start serving, mark not present, hold or transfer it first"
    )
    with office.write() as s, raises_code(CounterUnavailable, "counter.busy", counter=1, ticket="A001"):
        counters.pause_counter(s, 1, "Istirahat", actor=operator, clock=clock)
    op(office, "start", 1, clock=clock, actor=operator)
    op(office, "finish", 1, clock=clock, actor=operator)
    with office.write() as s:
        info = counters.pause_counter(s, 1, "Istirahat siang", actor=operator, clock=clock)
    assert (info.state, info.pause_reason) == ("paused", "Istirahat siang")
    with raises_code(CounterUnavailable, "counter.paused", counter=1, reason="Istirahat siang"):
        op(office, "call_next", 1, clock=clock, actor=operator)
    with office.write() as s, raises_code(InvalidInput, "counter.pause_reason_missing"):
        counters.pause_counter(s, 1, "  ", actor=operator, clock=clock)
    open_counter(office, 1, clock, operator)
    assert op(office, "call_next", 1, clock=clock, actor=operator).number == "A002"
    with raises_code(NotFound, "counter.unknown", counter=9):
        op(office, "call_next", 9, clock=clock)


def test_illegal_transitions_name_ticket_and_status(office: Database, clock: FixedClock) -> None:
    issue(office, "A", clock)
    open_counter(office, 1, clock)
    with raises_code(CounterUnavailable, "counter.no_current", counter=1):
        op(office, "finish", 1, clock=clock)
    op(office, "call_next", 1, clock=clock)
    with raises_transition(Action.FINISH, "A001", Status.CALLED):
        op(office, "finish", 1, clock=clock)
    op(office, "start", 1, clock=clock)
    with raises_transition(Action.RECALL, "A001", Status.SERVING):
        op(office, "recall", 1, clock=clock)
    with raises_transition(Action.NO_SHOW, "A001", Status.SERVING):
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
    with raises_code(PermissionDenied, "counter.held_by", counter=1, user="petugas1"):
        op(office, "call_next", 1, clock=clock, actor=other)
    with raises_code(
        PermissionDenied, "permission.denied_role", role=Role.KIOSK, permission=Permission.SERVE
    ):
        op(office, "call_next", 1, clock=clock, actor=KIOSK)
    with (
        office.write() as s,
        raises_code(PermissionDenied, "permission.denied", who="petugas1", permission=Permission.MANAGE),
    ):
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
    with raises_code(NotFound, "ticket.not_today", ticket="A099"):
        op(office, "call_ticket", 1, "A099", clock=clock)
    resumed = op(office, "resume", 1, "A001", clock=clock)
    assert (resumed.status, resumed.call_count, resumed.counter) == ("called", 3, 1)
    open_counter(office, 2, clock)
    with raises_code(CounterUnavailable, "counter.not_serving", counter=2, ticket="C001"):
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
    with raises_code(InvalidInput, "transfer.same_service", ticket="B001", service="B"):
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
    with (
        office.write() as s,
        raises_transition(Action.CANCEL, "A001", Status.CANCELLED),
    ):
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
    # the ones never called ended when their day did (00:00 WITA = 16:00 UTC), not at the expiry run;
    # A001, called, gets no end made up
    midnight = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert [(t.number, t.finished_at) for t in old] == [
        ("A001", None),
        ("A002", midnight),
        ("A003", midnight),
        ("A004", midnight),
    ]
    op(office, "call_next", 1, clock=clock)  # the counter was freed by the expiry
    with office.read() as s:
        today = tickets_for_day(s, clock=clock)
    assert [(t.number, t.status) for t in today] == [("A001", "called")]


def opened_events(db: Database) -> list[datetime]:
    with db.read() as s:
        return [e.at for e in events_after(s, 0) if e.kind == "counter_opened"]


def test_opening_again_the_same_day_logs_nothing_but_a_new_day_starts_a_new_session(
    office: Database, clock: FixedClock
) -> None:
    open_counter(office, 1, clock)  # Monday 09:00 WIB
    clock.advance(hours=3)
    open_counter(office, 1, clock)  # the same operator, the same day: nothing new
    assert opened_events(office) == [datetime(2026, 11, 30, 2, 0, tzinfo=UTC)]
    clock.advance(hours=21)  # Tuesday 09:00 WIB, the counter left open overnight
    open_counter(office, 1, clock)
    # the report's session for Tuesday starts at this opening
    assert opened_events(office) == [
        datetime(2026, 11, 30, 2, 0, tzinfo=UTC),
        datetime(2026, 12, 1, 2, 0, tzinfo=UTC),
    ]


def test_the_feed_reads_each_event_with_its_counter_service_and_user_in_one_statement(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    """Every window reads the feed after each change in the office: one statement, whatever the events."""
    from sqlalchemy import event

    with office.read() as s:
        (last,) = [e.id for e in events_after(s, 0)][-1:]
    issue(office, "B", clock)
    open_counter(office, 1, clock, actor=operator)
    op(office, "call_next", 1, clock=clock, actor=operator)
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    event.listen(office.engine, "before_cursor_execute", record)
    try:
        with office.read() as s:
            read = events_after(s, last)
    finally:
        event.remove(office.engine, "before_cursor_execute", record)
    assert [(e.kind, e.counter, e.service, e.user) for e in read] == [
        ("ticket_issued", None, "B", None),
        ("counter_opened", 1, None, "petugas1"),
        ("ticket_called", 1, "B", "petugas1"),
    ]
    assert [e.id for e in read] == sorted(e.id for e in read) and read[0].id > last
    assert read[-1].data["number"] == "B001" and read[-1].at == clock.now
    assert len(sent) == 1, "\n".join(sent)
