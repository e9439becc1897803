"""The counter panel's service: what one counter sees, and its actions guarded by the view's token.

On SQLite and PostgreSQL, through the ``office`` fixture (services A, B, C; counters 1-2 serve A and B,
counter 3 serves C; priority interleave 2).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from antrian import words
from antrian.domain.desk import DeskAction
from antrian.domain.errors import (
    CounterUnavailable,
    IllegalTransition,
    InvalidInput,
    NothingWaiting,
    PermissionDenied,
    StaleView,
)
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.status import Action, Status
from antrian.domain.timing import FixedClock
from antrian.services import desk
from antrian.services.counters import MAX_REASON
from antrian.services.desk import DeskResult, DeskView, desk_view
from antrian.services.desk import view as desk_view_module
from antrian.services.office import update_office
from antrian.services.queries import events_after, tickets_for_day
from antrian.services.queue import issue_ticket
from antrian.services.results import EventInfo, TicketInfo
from antrian.store.database import Database
from tests.helpers import raises_code, raises_transition

D = DeskAction
# Sunday 2026-11-29, 09:00 in Jakarta: the service day before the fixtures' clock.
SUNDAY_9AM = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)


def issue(db: Database, code: str, clock: FixedClock, priority: str | None = None) -> TicketInfo:
    with db.write() as s:
        return issue_ticket(s, code, priority=priority, clock=clock)


def view(db: Database, number: int, clock: FixedClock) -> DeskView:
    with db.read() as s:
        return desk_view(s, number, clock=clock)


def act(
    db: Database,
    number: int,
    action: DeskAction,
    clock: FixedClock,
    actor: Actor,
    *,
    expect: str | None,
    **kwargs: Any,
) -> DeskResult:
    with db.write() as s:
        return desk.act(s, number, action, expect=expect, actor=actor, clock=clock, **kwargs)


def press(db: Database, number: int, action: DeskAction, clock: FixedClock, actor: Actor, **kwargs: Any):  # type: ignore[no-untyped-def]
    """What the panel does: read the counter, act on what it shows."""
    return act(db, number, action, clock, actor, expect=view(db, number, clock).token, **kwargs)


def situation(token: str) -> str:
    """A token without the counter's version: state, operator, and the ticket at the counter."""
    parts = token.split(":")
    del parts[2]
    return ":".join(parts)


def events(db: Database) -> list[EventInfo]:
    with db.read() as s:
        return events_after(s, 0)


def snapshot(db: Database, clock: FixedClock) -> tuple[object, ...]:
    """Everything an action could change: tickets, events and the counters' state."""
    with db.read() as s:
        tickets = [(t.id, t.status, t.call_count, t.counter) for t in tickets_for_day(s, clock=clock)]
        shown = [desk_view(s, n, clock=clock) for n in (1, 2, 3)]
    counters = [(v.state, v.operator, v.pause_reason, v.since, v.token) for v in shown]
    return tuple(tickets), len(events(db)), tuple(counters)


def other_operator(db: Database) -> Actor:
    from antrian.services.users import create_user

    with db.write() as s:
        user_id = create_user(s, "petugas2", "Petugas Dua", "operator", "rahasia456", actor=SYSTEM)
    return Actor(Role.OPERATOR, user_id, "petugas2")


def set_office(db: Database, **changes: object) -> None:
    with db.write() as s:
        update_office(s, SYSTEM, **changes)


# --- desk_view ---------------------------------------------------------------------------------------


def test_view_of_a_closed_counter(office: Database, clock: FixedClock) -> None:
    v = view(office, 1, clock)
    assert (v.counter, v.counter_name, v.state) == (1, "Loket 1", "closed")
    assert (v.pause_reason, v.operator, v.operator_name, v.since) == (None, None, None, None)
    assert v.services == (("A", "KTP Elektronik"), ("B", "Kartu Keluarga"))
    assert [code for code, _ in v.transfer_targets] == ["A", "B", "C"]
    assert (v.current, v.standard_value, v.standard_unit) == (None, None, None)
    assert (v.waiting, v.waiting_total, v.next_id, v.held, v.missed) == ((), 0, None, (), ())
    assert (v.served_today, v.average_service, v.no_show_today) == (0, None, 0)
    assert v.recall_limit == 3  # the office default
    assert situation(v.token) == "closed:-:-"
    assert v.event_id == len(events(office)) and v.event_id > 0  # the set-up was logged
    assert (v.now, v.today) == (clock.now, date(2026, 11, 30))


def test_view_after_open(office: Database, clock: FixedClock, operator: Actor) -> None:
    before = view(office, 1, clock)
    clock.advance(minutes=3)
    result = act(office, 1, D.OPEN, clock, operator, expect=before.token)
    v = view(office, 1, clock)
    assert (result.action, result.ticket, result.state) == (D.OPEN, None, "open")
    assert (v.state, v.operator, v.operator_name, v.since) == ("open", "petugas1", "Petugas Satu", clock.now)
    assert v.token == result.token and situation(v.token) == f"open:{operator.user_id}:-"
    assert v.event_id == result.event_id == before.event_id + 1
    assert events(office)[-1].kind == "counter_opened"
    assert view(office, 2, clock).state == "closed"  # only this counter


def test_view_shows_the_office_recall_limit(office: Database, clock: FixedClock) -> None:
    set_office(office, recall_limit=5)
    assert view(office, 1, clock).recall_limit == 5


def test_waiting_list_of_this_counters_services_in_call_order(office: Database, clock: FixedClock) -> None:
    c1 = issue(office, "C", clock)
    clock.advance(seconds=10)
    b1 = issue(office, "B", clock)
    a1 = issue(office, "A", clock)  # same instant as B001: the older id goes first
    clock.advance(seconds=10)
    a2 = issue(office, "A", clock, priority="lansia")
    # counter 3 sends C001 to service A: the new visit keeps its place (before B001) though its id is newest
    act(office, 3, D.OPEN, clock, SYSTEM, expect=None)
    act(office, 3, D.CALL_NEXT, clock, SYSTEM, expect=None)
    visit = act(office, 3, D.TRANSFER, clock, SYSTEM, expect=None, to_service="A").ticket
    assert visit is not None and visit.id > a2.id

    v = view(office, 1, clock)
    # place order C001 B001 A001 A002*, called with interleave 2: two normal calls, then the priority one
    assert [e.id for e in v.waiting] == [visit.id, b1.id, a2.id, a1.id]
    assert [(e.number, e.service) for e in v.waiting] == [
        ("C001", "A"),
        ("B001", "B"),
        ("A002", "A"),
        ("A001", "A"),
    ]
    assert v.waiting_total == 4
    first, priority = v.waiting[0], v.waiting[2]
    assert (first.service_name, first.status, first.place_at, first.call_count) == (
        "KTP Elektronik",
        "waiting",
        c1.issued_at,
        0,
    )
    assert first.issued_at == clock.now  # the visit's own issue instant
    assert (priority.priority_group, priority.issued_at) == ("lansia", a2.issued_at)
    assert view(office, 3, clock).waiting == ()  # C001 no longer waits for C


def test_waiting_list_leaves_out_other_days_and_called_tickets(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    issue(office, "A", FixedClock(SUNDAY_9AM))  # yesterday's, still waiting: no counter opened since
    today = [issue(office, "A", clock) for _ in range(3)]
    v = view(office, 1, clock)
    assert [e.id for e in v.waiting] == [t.id for t in today]
    assert (v.waiting_total, v.next_id) == (3, today[0].id)
    press(office, 1, D.OPEN, clock, operator)
    press(office, 1, D.CALL_NEXT, clock, operator)
    v = view(office, 1, clock)
    assert [e.id for e in v.waiting] == [t.id for t in today[1:]]
    assert (v.waiting_total, v.next_id) == (2, today[1].id)


def test_waiting_total_counts_beyond_the_list(
    office: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_view_module, "WAITING_SHOWN", 3)
    normal = [issue(office, code, clock) for code in "ABABA"]
    priority = issue(office, "B", clock, priority="hamil")
    issue(office, "C", clock)  # not for counter 1
    v = view(office, 1, clock)
    assert [e.id for e in v.waiting] == [normal[0].id, normal[1].id, priority.id]  # interleave 2
    assert v.waiting_total == 6
    assert v.next_id == normal[0].id
    # the newest ticket in place order is called first, so it heads the short list
    set_office(office, priority_interleave=0)
    v = view(office, 1, clock)
    assert [e.id for e in v.waiting] == [priority.id, normal[0].id, normal[1].id]
    assert v.next_id == priority.id


def test_next_id_follows_the_priority_interleave(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    normal = [issue(office, code, clock) for code in "ABAB"]
    priority = issue(office, "A", clock, priority="lansia")
    press(office, 1, D.OPEN, clock, operator)
    expected = [normal[0], normal[1], priority, normal[2], normal[3]]  # interleave 2
    for step, ticket in enumerate(expected):
        v = view(office, 1, clock)
        assert v.next_id == ticket.id
        assert [e.id for e in v.waiting] == [t.id for t in expected[step:]]  # the list is the call order
        called = press(office, 1, D.CALL_NEXT, clock, operator).ticket
        assert called is not None and called.id == ticket.id  # what the panel announced is what is called
        press(office, 1, D.NO_SHOW, clock, operator)
    assert view(office, 1, clock).next_id is None


def test_next_id_falls_back_to_the_other_kind(office: Database, clock: FixedClock, operator: Actor) -> None:
    p1 = issue(office, "A", clock, priority="lansia")
    p2 = issue(office, "A", clock, priority="hamil")
    assert view(office, 1, clock).next_id == p1.id  # streak 0 < 2, but no normal ticket waits
    press(office, 1, D.OPEN, clock, operator)
    press(office, 1, D.CALL_NEXT, clock, operator)
    press(office, 1, D.NO_SHOW, clock, operator)
    assert view(office, 1, clock).next_id == p2.id


def test_interleave_zero_puts_the_priority_head_next(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    set_office(office, priority_interleave=0)
    normal = [issue(office, "A", clock) for _ in range(2)]
    clock.advance(seconds=1)
    p1 = issue(office, "B", clock, priority="disabilitas")
    p2 = issue(office, "A", clock, priority="lansia")
    v = view(office, 1, clock)
    assert [e.id for e in v.waiting] == [p1.id, p2.id, normal[0].id, normal[1].id] and v.next_id == p1.id
    press(office, 1, D.OPEN, clock, operator)
    for ticket in (p1, p2, normal[0], normal[1]):
        assert view(office, 1, clock).next_id == ticket.id
        assert press(office, 1, D.CALL_NEXT, clock, operator).ticket.id == ticket.id  # type: ignore[union-attr]
        press(office, 1, D.HOLD, clock, operator)


# Place order n1 n2 p1 n3 p2 n4 n5 (one a minute; p = priority), after one normal ticket n0 is called first
# when ``streak`` is 1. The orders are worked out by hand from "one priority call after every N normal calls".
CALL_ORDERS = {
    (0, 0): "p1 p2 n1 n2 n3 n4 n5",
    (1, 0): "n1 p1 n2 p2 n3 n4 n5",
    (2, 0): "n1 n2 p1 n3 n4 p2 n5",
    (2, 1): "n1 p1 n2 n3 p2 n4 n5",
    (3, 1): "n1 n2 p1 n3 n4 n5 p2",
}


@pytest.mark.parametrize(("interleave", "streak"), list(CALL_ORDERS))
def test_waiting_list_is_the_order_call_next_calls_in(
    office: Database, clock: FixedClock, operator: Actor, interleave: int, streak: int
) -> None:
    set_office(office, priority_interleave=interleave)
    if streak:
        issue(office, "A", clock)  # n0
        clock.advance(minutes=1)
    tickets = {}
    for name, code, priority in (
        ("n1", "A", None),
        ("n2", "B", None),
        ("p1", "A", "lansia"),
        ("n3", "A", None),
        ("p2", "B", "hamil"),
        ("n4", "B", None),
        ("n5", "A", None),
    ):
        tickets[name] = issue(office, code, clock, priority=priority)
        clock.advance(minutes=1)
    press(office, 1, D.OPEN, clock, operator)
    if streak:
        press(office, 1, D.CALL_NEXT, clock, operator)
        press(office, 1, D.NO_SHOW, clock, operator)
    expected = [tickets[name].id for name in CALL_ORDERS[interleave, streak].split()]
    v = view(office, 1, clock)
    assert ([e.id for e in v.waiting], v.next_id) == (expected, expected[0])
    called = []
    for _ in expected:  # each call takes the head of the list the panel showed just before
        head = view(office, 1, clock).waiting[0].id
        ticket = press(office, 1, D.CALL_NEXT, clock, operator).ticket
        assert ticket is not None and ticket.id == head
        called.append(ticket.id)
        press(office, 1, D.NO_SHOW, clock, operator)
    assert called == expected
    assert view(office, 1, clock).waiting == ()


def test_a_long_queue_lists_the_first_calls_from_each_kind(
    office: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_view_module, "WAITING_SHOWN", 4)
    set_office(office, priority_interleave=1)
    normal = [issue(office, "A", clock) for _ in range(6)]
    priority = [issue(office, "B", clock, priority="disabilitas") for _ in range(6)]
    v = view(office, 1, clock)
    # the priority tickets all come after the six normal ones in place order, yet half the list is theirs
    assert [e.id for e in v.waiting] == [normal[0].id, priority[0].id, normal[1].id, priority[1].id]
    assert (v.waiting_total, v.next_id) == (12, normal[0].id)


def test_a_panel_reads_its_counter_in_eleven_statements(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    """Every panel reads its counter again after each change in the office, over the LAN on PostgreSQL: the
    read asks together what it can (``desk_view``'s docstring), eleven statements with a ticket at the
    counter, held and missed ones, and both kinds waiting."""
    from sqlalchemy import event

    for code in "AAB":
        issue(office, code, clock)
    issue(office, "A", clock, priority="lansia")
    press(office, 1, D.OPEN, clock, operator)
    for action in (D.CALL_NEXT, D.HOLD, D.CALL_NEXT, D.NO_SHOW, D.CALL_NEXT):
        press(office, 1, action, clock, operator)
    sent: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        sent.append(statement)

    event.listen(office.engine, "before_cursor_execute", record)
    try:
        v = view(office, 1, clock)
    finally:
        event.remove(office.engine, "before_cursor_execute", record)
    assert v.current is not None and len(v.held) == len(v.missed) == 1 and v.waiting_total == 1
    assert len(sent) <= 11, "\n".join(sent)


def test_current_ticket_with_the_standard_of_its_service(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    a1 = issue(office, "A", clock)
    c1 = issue(office, "C", clock)
    uid = operator.user_id
    press(office, 1, D.OPEN, clock, operator)
    clock.advance(minutes=2)
    press(office, 1, D.CALL_NEXT, clock, operator)
    v = view(office, 1, clock)
    assert v.current is not None
    assert (v.current.id, v.current.number, v.current.status, v.current.counter, v.current.operator) == (
        a1.id,
        "A001",
        "called",
        1,
        "petugas1",
    )
    assert (v.current.call_count, v.current.first_called_at) == (1, clock.now)
    assert (v.standard_value, v.standard_unit) == (15, "minutes")
    assert situation(v.token) == f"open:{uid}:{a1.id}:called:1"
    assert v.waiting == () and v.next_id is None
    press(office, 1, D.RECALL, clock, operator)
    assert situation(view(office, 1, clock).token) == f"open:{uid}:{a1.id}:called:2"
    clock.advance(seconds=30)
    press(office, 1, D.START, clock, operator)
    v = view(office, 1, clock)
    assert v.current is not None and (v.current.status, v.current.started_at) == ("serving", clock.now)
    assert situation(v.token) == f"open:{uid}:{a1.id}:serving:2"
    press(office, 1, D.FINISH, clock, operator)
    v = view(office, 1, clock)
    assert (v.current, v.standard_value, v.standard_unit, situation(v.token)) == (
        None,
        None,
        None,
        f"open:{uid}:-",
    )

    act(office, 3, D.OPEN, clock, SYSTEM, expect=None)
    act(office, 3, D.CALL_NEXT, clock, SYSTEM, expect=None)
    v = view(office, 3, clock)
    assert v.current is not None and (v.current.number, v.current.operator) == ("C001", None)
    assert (v.standard_value, v.standard_unit) == (1, "hours")
    assert situation(v.token) == f"open:-:{c1.id}:called:1"


def test_lists_and_counts_are_of_this_counter_and_today(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    # Yesterday both counters were opened and left open overnight (no end-of-day expiry has run since).
    sunday = FixedClock(SUNDAY_9AM)
    for number in (1, 2):
        act(office, number, D.OPEN, sunday, operator if number == 1 else SYSTEM, expect=None)
    for _ in range(3):
        issue(office, "A", sunday)
    for step in (D.CALL_NEXT, D.HOLD, D.CALL_NEXT, D.NO_SHOW, D.CALL_NEXT, D.START, D.FINISH):
        act(office, 1, step, sunday, operator, expect=None)

    t = [issue(office, "A", clock) for _ in range(10)]

    def visit(number: int, actor: Actor, *steps: DeskAction, minutes: float = 1, **kwargs: Any) -> None:
        press(office, number, D.CALL_NEXT, clock, actor)
        for step in steps:
            clock.advance(minutes=minutes)
            press(office, number, step, clock, actor, **kwargs)

    visit(1, operator, D.HOLD)  # t0
    visit(1, operator, D.HOLD)  # t1
    visit(1, operator, D.NO_SHOW)  # t2
    visit(1, operator, D.NO_SHOW)  # t3
    visit(1, operator, D.START, D.FINISH, minutes=4)  # t4: served in 4 minutes
    visit(1, operator, D.START, D.FINISH, minutes=6)  # t5: 6 minutes
    visit(1, operator, D.START, D.TRANSFER, to_service="C")  # t6: transferred, not served here
    visit(2, SYSTEM, D.HOLD)  # t7
    visit(2, SYSTEM, D.NO_SHOW)  # t8
    visit(2, SYSTEM, D.START, D.FINISH, minutes=10)  # t9

    one, two, three = (view(office, n, clock) for n in (1, 2, 3))
    assert [e.id for e in one.held] == [t[0].id, t[1].id]  # longest held first
    assert [e.id for e in one.missed] == [t[3].id, t[2].id]  # latest miss first
    assert {e.status for e in one.held} == {"held"} and {e.status for e in one.missed} == {"no_show"}
    assert (one.served_today, one.average_service, one.no_show_today) == (2, timedelta(minutes=5), 2)
    assert [e.id for e in two.held] == [t[7].id] and [e.id for e in two.missed] == [t[8].id]
    assert (two.served_today, two.average_service, two.no_show_today) == (1, timedelta(minutes=10), 1)
    assert (three.held, three.missed, three.served_today, three.average_service) == ((), (), 0, None)
    assert [e.number for e in three.waiting] == ["A007"]  # the transferred visit
    assert one.waiting == two.waiting == ()


def test_missed_list_is_capped_but_all_are_counted(
    office: Database, clock: FixedClock, operator: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_view_module, "MISSED_SHOWN", 2)
    tickets = [issue(office, "A", clock) for _ in range(3)]
    press(office, 1, D.OPEN, clock, operator)
    for _ in tickets:
        clock.advance(minutes=1)
        press(office, 1, D.CALL_NEXT, clock, operator)
        press(office, 1, D.NO_SHOW, clock, operator)
    v = view(office, 1, clock)
    assert [e.id for e in v.missed] == [tickets[2].id, tickets[1].id]
    assert v.no_show_today == 3
    # the first one comes back: it leaves the missed list
    press(office, 1, D.CALL_NUMBER, clock, operator, ticket="A001")
    v = view(office, 1, clock)
    assert [e.id for e in v.missed] == [tickets[2].id, tickets[1].id] and v.no_show_today == 2


# --- act -----------------------------------------------------------------------------------------------


def test_every_action_with_the_current_token(office: Database, clock: FixedClock, operator: Actor) -> None:
    a1, a2, a3 = (issue(office, "A", clock) for _ in range(3))

    def step(action: DeskAction, kind: str, **kwargs: Any) -> DeskResult:
        before = view(office, 1, clock)
        clock.advance(seconds=20)
        result = act(office, 1, action, clock, operator, expect=before.token, **kwargs)
        after = view(office, 1, clock)
        assert result.action is action
        # the result carries what the panel needs for its next action, as a fresh view would show it
        assert (result.token, result.state, result.event_id) == (after.token, after.state, after.event_id)
        assert after.event_id == before.event_id + 1
        assert events(office)[-1].kind == kind
        return result

    assert step(D.OPEN, "counter_opened").ticket is None
    called = step(D.CALL_NEXT, "ticket_called").ticket
    assert called is not None and (called.id, called.status, called.counter) == (a1.id, "called", 1)
    recalled = step(D.RECALL, "ticket_recalled").ticket
    assert recalled is not None and (recalled.call_count, recalled.last_called_at) == (2, clock.now)
    assert step(D.START, "ticket_started").ticket.status == "serving"  # type: ignore[union-attr]
    done = step(D.FINISH, "ticket_finished").ticket
    assert done is not None and (done.status, done.finished_at) == ("done", clock.now)

    assert step(D.CALL_NEXT, "ticket_called").ticket.id == a2.id  # type: ignore[union-attr]
    assert step(D.HOLD, "ticket_held").ticket.status == "held"  # type: ignore[union-attr]
    assert step(D.CALL_NEXT, "ticket_called").ticket.id == a3.id  # type: ignore[union-attr]
    assert step(D.NO_SHOW, "ticket_no_show").ticket.status == "no_show"  # type: ignore[union-attr]
    with raises_code(NothingWaiting, "counter.nobody_waiting", counter=1):
        press(office, 1, D.CALL_NEXT, clock, operator)

    # held and missed citizens are called back by number
    back = step(D.CALL_NUMBER, "ticket_called", ticket="A002").ticket
    assert back is not None and (back.id, back.status, back.call_count) == (a2.id, "called", 2)
    step(D.NO_SHOW, "ticket_no_show")
    back = step(D.CALL_NUMBER, "ticket_called", ticket="a3").ticket
    assert back is not None and (back.id, back.status, back.call_count) == (a3.id, "called", 2)

    moved = step(D.TRANSFER, "ticket_transferred", to_service="B").ticket
    assert moved is not None
    assert (moved.number, moved.service, moved.status, moved.parent_id) == ("A003", "B", "waiting", a3.id)
    assert moved.place_at == a3.place_at
    v = view(office, 1, clock)
    assert v.current is None and [(e.id, e.number, e.service) for e in v.waiting] == [(moved.id, "A003", "B")]

    paused = step(D.PAUSE, "counter_paused", reason="  Sholat Dzuhur ")
    assert (paused.ticket, paused.state) == (None, "paused")
    assert events(office)[-1].data["reason"] == "Sholat Dzuhur"
    v = view(office, 1, clock)
    assert (v.state, v.pause_reason, v.since, v.operator) == (
        "paused",
        "Sholat Dzuhur",
        clock.now,
        "petugas1",
    )
    step(D.OPEN, "counter_opened")
    v = view(office, 1, clock)
    assert (v.state, v.pause_reason, v.since) == ("open", None, clock.now)
    assert step(D.CLOSE, "counter_closed").state == "closed"
    v = view(office, 1, clock)
    assert (v.state, v.operator, situation(v.token)) == ("closed", None, "closed:-:-")


@pytest.mark.parametrize("confirmed", [True, False])
def test_start_records_the_priority_check(
    office: Database, clock: FixedClock, operator: Actor, confirmed: bool
) -> None:
    ticket = issue(office, "A", clock, priority="lansia")
    press(office, 1, D.OPEN, clock, operator)
    press(office, 1, D.CALL_NEXT, clock, operator)
    press(office, 1, D.START, clock, operator, priority_confirmed=confirmed)
    started = events(office)[-1]
    assert (started.kind, started.ticket_id) == ("ticket_started", ticket.id)
    assert started.data["priority_confirmed"] is confirmed


def test_start_records_no_priority_check_where_none_applies(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    issue(office, "A", clock)
    issue(office, "A", clock, priority="hamil")
    press(office, 1, D.OPEN, clock, operator)
    press(office, 1, D.CALL_NEXT, clock, operator)
    press(office, 1, D.START, clock, operator, priority_confirmed=True)  # a normal ticket: nothing to check
    assert "priority_confirmed" not in events(office)[-1].data
    press(office, 1, D.FINISH, clock, operator)
    press(office, 1, D.CALL_NEXT, clock, operator)
    before = snapshot(office, clock)
    with raises_code(
        InvalidInput, "priority.confirm_first", ticket="A002", group=PriorityGroup.PREGNANT
    ) as caught:
        press(office, 1, D.START, clock, operator)  # priority, but the operator gave no answer
    assert words.say(caught.value, lang="id") == (
        "A002 meminta pelayanan khusus (Wanita hamil): pastikan atau tolak dulu"
    )
    assert words.say(caught.value, lang="en") == (
        "A002 claims priority service (Pregnant women): confirm or reject the claim first"
    )
    assert snapshot(office, clock) == before


# Per action: how counter 1 gets stale, such that the action is legal in the counter's new state.
# "called": the view saw A001 called once, another PC recalled it; "serving": the view saw A001 called,
# another PC started it; "opened": the view saw the counter closed, another PC opened it.
STALE_CASES = [
    (D.RECALL, "called"),
    (D.START, "called"),
    (D.NO_SHOW, "called"),
    (D.HOLD, "called"),
    (D.TRANSFER, "called"),
    (D.FINISH, "serving"),
    (D.HOLD, "serving"),
    (D.TRANSFER, "serving"),
    (D.CALL_NEXT, "opened"),
    (D.CALL_NUMBER, "opened"),
    (D.PAUSE, "opened"),
    (D.CLOSE, "opened"),
    (D.OPEN, "paused"),
]
ARGUMENTS: dict[DeskAction, dict[str, Any]] = {
    D.CALL_NUMBER: {"ticket": "A002"},
    D.TRANSFER: {"to_service": "C"},
    D.PAUSE: {"reason": "Istirahat"},
}


def test_stale_cases_cover_every_action() -> None:
    assert {action for action, _ in STALE_CASES} == set(DeskAction)


@pytest.mark.parametrize(("action", "how"), STALE_CASES)
def test_stale_token_refuses_and_changes_nothing(
    office: Database, clock: FixedClock, operator: Actor, action: DeskAction, how: str
) -> None:
    issue(office, "A", clock)
    issue(office, "A", clock)
    if how == "opened":
        stale = view(office, 1, clock).token
        act(office, 1, D.OPEN, clock, operator, expect=None)
    elif how == "paused":
        press(office, 1, D.OPEN, clock, operator)
        stale = view(office, 1, clock).token
        act(office, 1, D.PAUSE, clock, operator, expect=None, reason="Istirahat")
    else:
        press(office, 1, D.OPEN, clock, operator)
        press(office, 1, D.CALL_NEXT, clock, operator)
        stale = view(office, 1, clock).token
        act(office, 1, D.RECALL if how == "called" else D.START, clock, operator, expect=None)
    before = snapshot(office, clock)
    clock.advance(minutes=1)
    with raises_code(StaleView, "counter.stale_view", counter=1):
        act(office, 1, action, clock, operator, expect=stale, **ARGUMENTS.get(action, {}))
    assert snapshot(office, clock) == before
    # with the token of what the counter now shows, the same action is done
    press(office, 1, action, clock, operator, **ARGUMENTS.get(action, {}))
    assert snapshot(office, clock) != before


# Per action: the steps that make it legal on counter 1 (with A001 and A002 waiting).
SETUPS: dict[DeskAction, tuple[DeskAction, ...]] = {
    D.OPEN: (),
    D.CALL_NEXT: (D.OPEN,),
    D.CALL_NUMBER: (D.OPEN,),
    D.RECALL: (D.OPEN, D.CALL_NEXT),
    D.START: (D.OPEN, D.CALL_NEXT),
    D.FINISH: (D.OPEN, D.CALL_NEXT, D.START),
    D.NO_SHOW: (D.OPEN, D.CALL_NEXT),
    D.HOLD: (D.OPEN, D.CALL_NEXT),
    D.TRANSFER: (D.OPEN, D.CALL_NEXT),
    D.PAUSE: (D.OPEN,),
    D.CLOSE: (D.OPEN,),
}


@pytest.mark.parametrize("action", list(DeskAction))
def test_same_action_sent_twice_is_done_once(
    office: Database, clock: FixedClock, operator: Actor, action: DeskAction
) -> None:
    """A retry after a lost connection carries the token of the screen it was pressed on."""
    issue(office, "A", clock)
    issue(office, "A", clock)
    for step in SETUPS[action]:
        press(office, 1, step, clock, operator)
    token = view(office, 1, clock).token
    act(office, 1, action, clock, operator, expect=token, **ARGUMENTS.get(action, {}))
    once = snapshot(office, clock)
    clock.advance(seconds=5)
    with raises_code(StaleView, "counter.stale_view", counter=1):
        act(office, 1, action, clock, operator, expect=token, **ARGUMENTS.get(action, {}))
    assert snapshot(office, clock) == once


def test_twice_pressed_call_next_and_recall(office: Database, clock: FixedClock, operator: Actor) -> None:
    a1, a2 = issue(office, "A", clock), issue(office, "A", clock)
    press(office, 1, D.OPEN, clock, operator)
    token = view(office, 1, clock).token
    first = act(office, 1, D.CALL_NEXT, clock, operator, expect=token)
    with raises_code(StaleView, "counter.stale_view", counter=1):
        act(office, 1, D.CALL_NEXT, clock, operator, expect=token)
    assert first.ticket is not None and first.ticket.id == a1.id
    with office.read() as s:
        statuses = {t.id: (t.status, t.call_count) for t in tickets_for_day(s, clock=clock)}
    assert statuses == {a1.id: ("called", 1), a2.id: ("waiting", 0)}

    token = first.token
    recalled = act(office, 1, D.RECALL, clock, operator, expect=token)
    with raises_code(StaleView, "counter.stale_view", counter=1):
        act(office, 1, D.RECALL, clock, operator, expect=token)
    again = act(office, 1, D.RECALL, clock, operator, expect=recalled.token)  # pressed on the new screen
    assert again.ticket is not None and again.ticket.call_count == 3
    kinds = [e.kind for e in events(office) if e.ticket_id == a1.id]
    assert kinds == ["ticket_issued", "ticket_called", "ticket_recalled", "ticket_recalled"]


def test_expect_none_skips_the_check(office: Database, clock: FixedClock, operator: Actor) -> None:
    issue(office, "A", clock)
    issue(office, "A", clock)
    stale = view(office, 1, clock).token
    act(office, 1, D.OPEN, clock, operator, expect=None)
    with raises_code(StaleView, "counter.stale_view", counter=1):
        act(office, 1, D.CALL_NEXT, clock, operator, expect=stale)
    assert act(office, 1, D.CALL_NEXT, clock, operator, expect=None).ticket.number == "A001"  # type: ignore[union-attr]
    assert act(office, 1, D.RECALL, clock, operator, expect=None).ticket.call_count == 2  # type: ignore[union-attr]
    assert act(office, 1, D.RECALL, clock, operator, expect=None).ticket.call_count == 3  # type: ignore[union-attr]


def test_errors_of_the_services_pass_through_and_change_nothing(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    press(office, 1, D.OPEN, clock, operator)
    before = snapshot(office, clock)
    with raises_code(NothingWaiting, "counter.nobody_waiting", counter=1):
        press(office, 1, D.CALL_NEXT, clock, operator)
    for empty in (None, ""):
        with raises_code(InvalidInput, "desk.which_number"):
            press(office, 1, D.CALL_NUMBER, clock, operator, ticket=empty)
    with raises_code(CounterUnavailable, "counter.no_current", counter=1):
        press(office, 1, D.FINISH, clock, operator)
    with raises_code(InvalidInput, "counter.pause_reason_missing"):
        press(office, 1, D.PAUSE, clock, operator)
    with raises_code(InvalidInput, "counter.pause_reason_missing"):
        press(office, 1, D.PAUSE, clock, operator, reason="   ")
    with raises_code(InvalidInput, "counter.pause_reason_long", limit=MAX_REASON):
        press(office, 1, D.PAUSE, clock, operator, reason="x" * (MAX_REASON + 1))
    assert snapshot(office, clock) == before

    issue(office, "A", clock)
    press(office, 1, D.CALL_NEXT, clock, operator)
    before = snapshot(office, clock)
    with raises_transition(Action.FINISH, "A001", Status.CALLED):
        press(office, 1, D.FINISH, clock, operator)
    for empty in (None, ""):
        with raises_code(InvalidInput, "desk.which_service"):
            press(office, 1, D.TRANSFER, clock, operator, to_service=empty)
    with raises_code(InvalidInput, "transfer.same_service", ticket="A001", service="A"):
        press(office, 1, D.TRANSFER, clock, operator, to_service="A")
    with raises_code(CounterUnavailable, "counter.busy", counter=1, ticket="A001", status=Status.CALLED):
        press(office, 1, D.PAUSE, clock, operator, reason="Istirahat")
    with raises_code(CounterUnavailable, "counter.busy", counter=1, ticket="A001", status=Status.CALLED):
        press(office, 1, D.CLOSE, clock, operator)
    assert snapshot(office, clock) == before

    press(office, 1, D.START, clock, operator)
    before = snapshot(office, clock)
    with raises_transition(Action.RECALL, "A001", Status.SERVING):
        press(office, 1, D.RECALL, clock, operator)
    with raises_transition(Action.NO_SHOW, "A001", Status.SERVING):
        press(office, 1, D.NO_SHOW, clock, operator)
    assert snapshot(office, clock) == before


def test_operator_cannot_act_on_a_counter_open_for_another(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    other = other_operator(office)
    issue(office, "A", clock)
    press(office, 1, D.OPEN, clock, operator)
    token = view(office, 1, clock).token
    before = snapshot(office, clock)
    for action in DeskAction:
        with raises_code(PermissionDenied, "counter.held_by", counter=1, user="petugas1"):
            act(office, 1, action, clock, other, expect=token, **ARGUMENTS.get(action, {}))
    assert snapshot(office, clock) == before
    # the other operator works another counter, and this one once it is closed
    press(office, 2, D.OPEN, clock, other)
    assert press(office, 2, D.CALL_NEXT, clock, other).ticket.operator == "petugas2"  # type: ignore[union-attr]
    press(office, 1, D.CLOSE, clock, operator)
    press(office, 1, D.OPEN, clock, other)
    assert view(office, 1, clock).operator == "petugas2"


@pytest.mark.parametrize(
    "elsewhere",
    [(D.CALL_NEXT, D.NO_SHOW), (D.PAUSE, D.OPEN), (D.CALL_NEXT, D.HOLD)],
    ids=["call-then-no-show", "pause-then-open", "call-then-hold"],
)
def test_view_is_stale_after_actions_that_end_where_they_started(
    office: Database, clock: FixedClock, operator: Actor, elsewhere: tuple[DeskAction, DeskAction]
) -> None:
    """Another PC acts on the counter and leaves it looking as before: the old view is still stale."""
    for _ in range(3):
        issue(office, "A", clock)
    press(office, 1, D.OPEN, clock, operator)
    seen = view(office, 1, clock).token
    for action in elsewhere:
        press(office, 1, action, clock, operator, **ARGUMENTS.get(action, {}))
    assert situation(view(office, 1, clock).token) == situation(seen)
    before = snapshot(office, clock)
    with raises_code(StaleView, "counter.stale_view", counter=1):
        act(office, 1, D.CALL_NEXT, clock, operator, expect=seen)
    assert snapshot(office, clock) == before


def test_recalls_count_from_the_last_call(office: Database, clock: FixedClock, operator: Actor) -> None:
    """A citizen called back by number after a no-show starts again at 0 recalls (not the day's total)."""
    issue(office, "A", clock)
    press(office, 1, D.OPEN, clock, operator)
    press(office, 1, D.CALL_NEXT, clock, operator)
    for expected in (1, 2, 3):
        press(office, 1, D.RECALL, clock, operator)
        assert view(office, 1, clock).recalls == expected
    press(office, 1, D.NO_SHOW, clock, operator)
    press(office, 1, D.CALL_NUMBER, clock, operator, ticket="A001")
    v = view(office, 1, clock)
    assert v.current is not None and v.current.call_count == 5 and v.recalls == 0
    press(office, 1, D.RECALL, clock, operator)
    assert view(office, 1, clock).recalls == 1


def test_cancel_and_a_counter_acting_on_the_same_ticket_do_not_deadlock(
    pg_url: str, clock: FixedClock
) -> None:
    """PostgreSQL: a supervisor cancels the ticket a counter is marking as not present, at the same moment.
    Both lock the counter row before the ticket row, so one waits for the other instead of deadlocking."""
    import threading

    from antrian.services import queue as queue_ops
    from antrian.services.queue import counter_lock
    from antrian.store.database import open_database
    from tests.conftest import seed_office
    from tests.waiting import backend_pid, wait_until, waits_for_a_lock

    database = open_database(pg_url, create=True)
    try:
        seed_office(database)
        ticket = issue(database, "A", clock)
        press(database, 1, D.OPEN, clock, SYSTEM)
        token = press(database, 1, D.CALL_NEXT, clock, SYSTEM).token
        locked, outcome, backend = threading.Event(), {}, {}

        def counter() -> None:
            with database.write() as s:
                counter_lock.desk(s, 1, SYSTEM, clock, need_open=False, count=False)  # counter row locked
                locked.set()
                wait_until(lambda: waits_for_a_lock(database, backend.get("pid")), "the cancel waiting")
                outcome["counter"] = desk.act(s, 1, D.NO_SHOW, expect=token, actor=SYSTEM, clock=clock)

        def supervisor() -> None:
            locked.wait(5)
            try:
                with database.write() as s:
                    backend["pid"] = backend_pid(s)
                    queue_ops.cancel(s, ticket.number, actor=SYSTEM, clock=clock)
            except Exception as error:  # the outcome is what the test looks at
                outcome["supervisor"] = error

        threads = [threading.Thread(target=counter), threading.Thread(target=supervisor)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert outcome["counter"].ticket.status == "no_show"
        assert isinstance(outcome["supervisor"], IllegalTransition)  # it waited, then saw the no-show
    finally:
        database.dispose()
