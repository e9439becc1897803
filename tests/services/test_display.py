"""What the display shows of the day's calls, on SQLite and PostgreSQL: today's only, each ticket once, and
the current call never a ticket that is no longer called or served."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.domain.zone import parse_counters
from antrian.services import counters, queue
from antrian.services.display import Call, calls_on_board, display_snapshot
from antrian.store.database import Database
from tests.helpers import raises_code


def call_next(db: Database, counter: int, code: str, clock: FixedClock) -> None:
    with db.write() as s:
        queue.issue_ticket(s, code, clock=clock)
        counters.open_counter(s, counter, actor=SYSTEM, clock=clock)
    with db.write() as s:
        queue.call_next(s, counter, actor=SYSTEM, clock=clock)
    clock.advance(minutes=1)


def snapshot(db: Database, clock: FixedClock, recent: int = 6):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return display_snapshot(s, recent=recent, clock=clock)


def test_today_calls_once_each_and_the_current_one_still_called(office: Database, clock: FixedClock) -> None:
    yesterday = FixedClock(clock.now.replace(day=clock.now.day - 1))
    call_next(office, 3, "C", yesterday)  # C001 of Sunday: never on Monday's display
    call_next(office, 1, "A", clock)  # A001 at counter 1
    call_next(office, 2, "B", clock)  # B001 at counter 2
    with office.write() as s:
        queue.recall(s, 2, actor=SYSTEM, clock=clock)  # B001 again: listed once, at its newest call
    call_next(office, 3, "C", clock)  # C001 at counter 3, then finished
    with office.write() as s:
        queue.start(s, 3, actor=SYSTEM, clock=clock)
        queue.finish(s, 3, actor=SYSTEM, clock=clock)

    shown = snapshot(office, clock)
    assert [(c.number, c.counter, c.recall) for c in shown.recent_calls] == [
        ("C001", 3, False),
        ("B001", 2, True),
        ("A001", 1, False),
    ]
    # C001 is finished: the newest call still open is B001's recall
    assert shown.current is not None and (shown.current.number, shown.current.recall) == ("B001", True)
    assert [c.number for c in snapshot(office, clock, recent=2).recent_calls] == ["C001", "B001"]

    with office.write() as s:
        queue.start(s, 2, actor=SYSTEM, clock=clock)  # being served is still the current call
    assert snapshot(office, clock).current.number == "B001"  # type: ignore[union-attr]
    with office.write() as s:
        queue.finish(s, 2, actor=SYSTEM, clock=clock)
    assert snapshot(office, clock).current.number == "A001"  # type: ignore[union-attr]
    with office.write() as s:
        queue.no_show(s, 1, actor=SYSTEM, clock=clock)
    assert snapshot(office, clock).current is None  # everyone called has been dealt with: the calm state


def test_start_of_day_has_no_calls(office: Database, clock: FixedClock) -> None:
    yesterday = FixedClock(clock.now.replace(day=clock.now.day - 1))
    call_next(office, 1, "A", yesterday)
    shown = snapshot(office, clock)
    assert (shown.recent_calls, shown.current) == ((), None)


def make_call(event_id: int, number: str, counter: int = 1) -> Call:
    return Call(event_id, datetime(2026, 11, 30, 2, event_id, tzinfo=UTC), number, counter, "A", "KTP", False)


def test_calls_delivered_again_after_a_restart_are_not_shown_twice(
    office: Database, clock: FixedClock
) -> None:
    call_next(office, 1, "A", clock)
    call_next(office, 2, "B", clock)
    shown = snapshot(office, clock)
    a001, b001 = shown.recent_calls[1], shown.recent_calls[0]
    later = replace(make_call(shown.last_event_id + 1, "A002", 2), ticket_id=None)
    # the feed's catch-up delivers A001 and B001 again (already read by the snapshot), then a live call
    current, recent = calls_on_board(shown, [a001, b001, later], 6)
    assert (current, recent) == (later, (later, b001, a001))
    # a position stored yesterday delivers yesterday's calls too: they are not today's
    sunday = replace(make_call(1, "C009", 3), at=datetime(2026, 11, 29, 2, 0, tzinfo=UTC))
    assert calls_on_board(shown, [sunday, a001, later], 6) == (later, (later, b001, a001))
    # before the first snapshot has landed, the feed's calls are all there is
    assert calls_on_board(None, [a001, b001], 6) == (b001, (b001, a001))
    # a recall delivered live moves its ticket to the front, once
    again = replace(a001, event_id=shown.last_event_id + 2, recall=True)
    assert calls_on_board(shown, [later, again], 2) == (again, (again, later))


def test_a_zone_shows_its_counters_their_calls_and_their_services(
    office: Database, clock: FixedClock
) -> None:
    call_next(office, 1, "A", clock)  # A001 at counter 1 (serves A and B)
    call_next(office, 3, "C", clock)  # C001 at counter 3 (serves C): the newest call, in the other zone
    with office.write() as s:
        queue.issue_ticket(s, "B", clock=clock)
        queue.issue_ticket(s, "C", clock=clock)
    with office.read() as s:
        zone = display_snapshot(s, recent=6, clock=clock, counters=frozenset({1, 2}))
        whole = display_snapshot(s, recent=6, clock=clock)
    assert [board.number for board in zone.counters] == [1, 2]
    assert [(w.code, w.count) for w in zone.waiting] == [("A", 0), ("B", 1)]
    assert [call.number for call in zone.recent_calls] == ["A001"]
    assert zone.current is not None and zone.current.number == "A001"
    # the whole office, for comparison: every counter, service and call
    assert [board.number for board in whole.counters] == [1, 2, 3]
    assert [(w.code, w.count) for w in whole.waiting] == [("A", 0), ("B", 1), ("C", 1)]
    assert [call.number for call in whole.recent_calls] == ["C001", "A001"]
    assert whole.current is not None and whole.current.number == "C001"


def test_counters_are_written_as_numbers_and_ranges() -> None:
    assert parse_counters("1-3,12", option="--counters") == frozenset({1, 2, 3, 12})
    assert parse_counters(" 7 ", option="--counters") == frozenset({7})
    assert parse_counters("98-101,999", option="--counters") == frozenset({98, 99, 100, 101, 999})  # an MPP
    for wrong in ("", "0", "3-1", "1-1000", "a", "1,,2", "1-2-3", "1000"):
        with raises_code(InvalidInput, "display.counters", option="--counters", last=999):
            parse_counters(wrong, option="--counters")
