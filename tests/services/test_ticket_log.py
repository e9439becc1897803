"""The service-time log read from the database, on SQLite and PostgreSQL: two days built through the real
service functions with a pinned clock, every row hand-computed.

Services A (15 minutes; 10 minutes from Tuesday), B (20 minutes). Monday, petugas1 at counter 1 and petugas2
at counter 2 (minutes after 09:00 Jakarta):

    id  ticket       issued  called  started  finished  status     waiting  walk  service  stay   over
    1   A001           0       5       6        22      done        5:00   1:00   16:00   22:00  yes
    2   A002           1       5      5.5      15.5     done        4:00   0:30   10:00   14:30  no
    3   B001           2      25       -        -       no_show    23:00     -      -       -    no
    4   A003  lansia   3      30      31        46      done       27:00   1:00   15:00   43:00  no (= 15)
    5   A004           4       -       -        -       cancelled     -      -      -       -    no

Tuesday, petugas1 at counter 1: id 6, A001 issued 0, called 5, started 6, finished 18: waiting 5:00 (a tie
with id 1), walk 1:00, service 12:00, stay 18:00, over (10 minutes that day; it would be within on Monday).
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product
from typing import Any

import pytest
from sqlalchemy import select

from antrian.domain.errors import InvalidInput, NotFound, PermissionDenied
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.status import Status
from antrian.domain.timing import FixedClock
from antrian.services.reports import standards_in_force
from antrian.services.standards import set_standard
from antrian.services.ticket_log import (
    DEFAULT_SORT,
    LogColumn,
    LogFilter,
    LogRow,
    LogSnapshot,
    LogSort,
    log_rows,
    log_snapshot,
    ticket_events,
)
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import Ticket
from antrian.store.spans import microseconds_between
from tests.helpers import raises_code
from tests.services.test_reports import MONDAY, NINE, Day

TUESDAY = MONDAY + timedelta(days=1)
DAY = 24 * 60
BOTH = LogFilter(MONDAY, TUESDAY)
MONDAY_NOON = NINE + timedelta(hours=3)


@pytest.fixture
def two_days(office: Database, clock: FixedClock, operator: Actor) -> Database:
    with office.write() as s:
        second = create_user(s, "petugas2", "Petugas Dua", "operator", "rahasia123", actor=SYSTEM)
        set_standard(s, SYSTEM, "A", 10, "minutes", None, TUESDAY, clock=clock)
    one = Day(office, clock, operator)
    two = Day(office, clock, Actor(Role.OPERATOR, second, "petugas2"))
    one.at(0).do("open_counter")
    two.at(0).do("open_counter", counter=2)
    one.issue("A")
    one.at(1).issue("A")
    one.at(2).issue("B")
    one.at(3).issue("A", PriorityGroup.ELDERLY.value)
    one.at(4).issue("A")
    one.at(5).do("call_ticket", "A001")
    two.at(5).do("call_ticket", "A002", counter=2)
    two.at(5.5).do("start", counter=2)
    one.at(6).do("start")
    two.at(15.5).do("finish", counter=2)
    one.at(22).do("finish")
    one.at(25).do("call_ticket", "B001")
    one.at(26).do("no_show")
    two.at(30).do("call_ticket", "A003", counter=2)
    two.at(31).do("start", counter=2)
    two.at(46).do("finish", counter=2)
    with office.write() as s:
        from antrian.services import queue

        queue.cancel(s, "A004", actor=SYSTEM, clock=one.at(50).clock)
    one.at(60).do("close_counter")
    two.at(60).do("close_counter", counter=2)
    one.at(DAY).do("open_counter")
    one.issue("A")
    one.at(DAY + 5).do("call_ticket", "A001")
    one.at(DAY + 6).do("start")
    one.at(DAY + 18).do("finish")
    return office


def snapshot(db: Database, where: LogFilter = BOTH, sort: LogSort = DEFAULT_SORT) -> LogSnapshot:
    with db.read() as s:
        return log_snapshot(s, where, sort, actor=SYSTEM, standard_for=standards_in_force(s))


def rows_of(db: Database, ids: Any) -> list[LogRow]:
    with db.read() as s:
        return list(log_rows(s, ids, actor=SYSTEM, standard_for=standards_in_force(s)))


def page(db: Database, where: LogFilter = BOTH, sort: LogSort = DEFAULT_SORT) -> list[LogRow]:
    """Every row of the log of ``where`` in ``sort``, read as one page of its snapshot."""
    found = snapshot(db, where, sort)
    rows = rows_of(db, found.page(0, len(found)))
    assert [row.visit.id for row in rows] == list(found.ids)
    return rows


def ids(db: Database, where: LogFilter = BOTH, sort: LogSort = DEFAULT_SORT) -> list[int]:
    return list(snapshot(db, where, sort).ids)


def count(db: Database, where: LogFilter = BOTH) -> int:
    return len(snapshot(db, where))


def minutes(value: float) -> timedelta:
    return timedelta(minutes=value)


def test_rows_carry_the_hand_computed_times(two_days: Database) -> None:
    rows = page(two_days)
    shown = [
        (
            r.visit.id,
            r.visit.label,
            r.visit.service,
            r.visit.day,
            r.visit.status,
            r.visit.counter,
            r.visit.operator,
            r.visit.priority,
            r.waiting,
            r.walk,
            r.service_time,
            r.stay,
            r.over_standard,
        )
        for r in rows
    ]
    m = minutes
    done, elderly = Status.DONE, PriorityGroup.ELDERLY.value
    assert shown == [
        (1, "A001", "A", MONDAY, done, 1, "petugas1", None, m(5), m(1), m(16), m(22), True),
        (2, "A002", "A", MONDAY, done, 2, "petugas2", None, m(4), m(0.5), m(10), m(14.5), False),
        (3, "B001", "B", MONDAY, Status.NO_SHOW, 1, "petugas1", None, m(23), None, None, None, False),
        (4, "A003", "A", MONDAY, done, 2, "petugas2", elderly, m(27), m(1), m(15), m(43), False),
        (5, "A004", "A", MONDAY, Status.CANCELLED, None, None, None, None, None, None, None, False),
        (6, "A001", "A", TUESDAY, done, 1, "petugas1", None, m(5), m(1), m(12), m(18), True),
    ]
    assert rows[0].visit.first_called is not None and rows[0].visit.finished is not None
    assert rows[0].visit.finished - rows[0].visit.issued == m(22)
    assert count(two_days) == 6


FILTERS = [
    (LogFilter(TUESDAY, TUESDAY), [6]),
    (LogFilter(MONDAY, MONDAY), [1, 2, 3, 4, 5]),
    (LogFilter(MONDAY, TUESDAY, service="B"), [3]),
    (LogFilter(MONDAY, TUESDAY, counter=2), [2, 4]),
    (LogFilter(MONDAY, TUESDAY, operator="petugas1"), [1, 3, 6]),
    (LogFilter(MONDAY, TUESDAY, status=Status.DONE), [1, 2, 4, 6]),
    (LogFilter(MONDAY, TUESDAY, status=Status.CANCELLED), [5]),
    (LogFilter(MONDAY, TUESDAY, priority=True), [4]),
    (LogFilter(MONDAY, TUESDAY, priority=False), [1, 2, 3, 5, 6]),
    (LogFilter(MONDAY, TUESDAY, over_standard=True), [1, 6]),
    (LogFilter(MONDAY, TUESDAY, over_standard=False), [2, 3, 4, 5]),
    (LogFilter(MONDAY, MONDAY, service="A", over_standard=True), [1]),
    (LogFilter(MONDAY, TUESDAY, counter=1, status=Status.DONE), [1, 6]),
    (LogFilter(date(2026, 12, 2), date(2026, 12, 31)), []),
]


def test_each_filter(two_days: Database) -> None:
    """One database for every case: building the two days is the slow part."""
    for where, expected in FILTERS:
        assert (ids(two_days, where), count(two_days, where)) == (expected, len(expected)), where


def test_over_standard_follows_the_standard_of_each_day(two_days: Database) -> None:
    """Tuesday's 12 minutes pass that day's 10; under Monday's 15 the same ticket would be within."""
    with two_days.write() as s:
        set_standard(s, SYSTEM, "A", 15, "minutes", None, TUESDAY, clock=FixedClock(MONDAY_NOON))
    assert ids(two_days, LogFilter(MONDAY, TUESDAY, over_standard=True)) == [1]
    assert [r.over_standard for r in page(two_days)] == [True, False, False, False, False, False]


SORTS = [
    (LogColumn.WAITING, True, [4, 3, 1, 6, 2, 5]),
    (LogColumn.WAITING, False, [2, 1, 6, 3, 4, 5]),
    (LogColumn.SERVICE_TIME, True, [1, 4, 6, 2, 3, 5]),
    (LogColumn.SERVICE_TIME, False, [2, 6, 4, 1, 3, 5]),
    (LogColumn.WALK, True, [1, 4, 6, 2, 3, 5]),
    (LogColumn.STAY, False, [2, 6, 1, 4, 3, 5]),
    (LogColumn.OVER_STANDARD, True, [1, 6, 2, 3, 4, 5]),
    (LogColumn.COUNTER, True, [2, 4, 1, 3, 6, 5]),
    (LogColumn.OPERATOR, False, [1, 3, 6, 2, 4, 5]),
    (LogColumn.PRIORITY, False, [4, 1, 2, 3, 5, 6]),
    (LogColumn.DAY, True, [6, 1, 2, 3, 4, 5]),
    (LogColumn.LABEL, False, [1, 6, 2, 4, 5, 3]),
    (LogColumn.SERVICE, True, [3, 1, 2, 4, 5, 6]),
    (LogColumn.ISSUED, True, [6, 5, 4, 3, 2, 1]),
]


def test_sort_with_ties_by_ticket_id_and_empty_values_last(two_days: Database) -> None:
    for column, descending, expected in SORTS:
        assert ids(two_days, sort=LogSort(column, descending)) == expected, (column, descending)


def _value(row: LogRow, column: LogColumn) -> Any:
    """The row's own value in ``column``, from the Visit (the oracle for the database's order)."""
    visit = row.visit
    return {
        LogColumn.LABEL: visit.label,
        LogColumn.SERVICE: visit.service,
        LogColumn.DAY: visit.day,
        LogColumn.ISSUED: visit.issued,
        LogColumn.CALLED: visit.first_called,
        LogColumn.STARTED: visit.started,
        LogColumn.FINISHED: visit.finished,
        LogColumn.WAITING: row.waiting,
        LogColumn.WALK: row.walk,
        LogColumn.SERVICE_TIME: row.service_time,
        LogColumn.STAY: row.stay,
        LogColumn.COUNTER: visit.counter,
        LogColumn.OPERATOR: visit.operator,
        LogColumn.PRIORITY: visit.priority,
        LogColumn.STATUS: visit.status.value,
        LogColumn.OVER_STANDARD: row.over_standard,
    }[column]


def test_snapshot_pages_return_every_row_once_in_the_order_of_the_rows_own_values(
    two_days: Database,
) -> None:
    """In every sort, pages of one row, then of four, read from one snapshot, give each visit once, in the
    order of the rows' own values (empty last, ties by id), and the snapshot's length is the count."""
    everything = sorted(page(two_days), key=lambda row: row.visit.id)
    for column, descending, size in product(LogColumn, (False, True), (1, 4)):
        found = snapshot(two_days, sort=LogSort(column, descending))
        seen: list[int] = []
        pages = 0
        for start in range(0, len(found), size):
            seen += [row.visit.id for row in rows_of(two_days, found.page(start, size))]
            pages += 1
        present = [row for row in everything if _value(row, column) is not None]
        expected = sorted(present, key=lambda row: _value(row, column), reverse=descending)
        expected += [row for row in everything if _value(row, column) is None]
        assert seen == [row.visit.id for row in expected] == list(found.ids), (column, descending, size)
        assert (len(found), pages, sorted(seen)) == (6, -(-6 // size), [1, 2, 3, 4, 5, 6])


def test_a_long_period_in_issue_order(two_days: Database) -> None:
    """From 62 days on, issue order walks the (issued_at, id, service_day) index: the same rows, the same
    order, and filters still apply."""
    year = LogFilter(MONDAY - timedelta(days=364), TUESDAY)
    assert ids(two_days, year) == [1, 2, 3, 4, 5, 6]
    assert ids(two_days, year, LogSort(LogColumn.ISSUED, descending=True)) == [6, 5, 4, 3, 2, 1]
    assert ids(two_days, LogFilter(MONDAY - timedelta(days=364), MONDAY, service="A")) == [1, 2, 4, 5]


def test_two_row_pages_by_waiting(two_days: Database) -> None:
    found = snapshot(two_days, sort=LogSort(LogColumn.WAITING, descending=True))
    pages = [[r.visit.id for r in rows_of(two_days, found.page(start, 2))] for start in (0, 2, 4, 6)]
    assert pages == [[4, 3], [1, 6], [2, 5], []]


def test_a_snapshot_keeps_its_rows_while_tickets_arrive(two_days: Database, clock: FixedClock) -> None:
    """A ticket issued after the snapshot is not in it (its pages stay where they were); the next snapshot
    has it."""
    before = snapshot(two_days)
    with two_days.write() as s:
        from antrian.services import queue

        queue.issue_ticket(s, "B", clock=FixedClock(NINE + timedelta(days=1, minutes=30)))
    assert len(before) == 6 and rows_of(two_days, before.page(4, 4))[-1].visit.id == 6
    assert ids(two_days) == [1, 2, 3, 4, 5, 6, 7]


def test_events_of_a_ticket(two_days: Database) -> None:
    with two_days.read() as s:
        events = ticket_events(s, 1, actor=SYSTEM)
        assert ticket_events(s, 999, actor=SYSTEM) == []
    nine = events[0].at
    assert [(e.kind, e.counter, e.user, e.service, e.at - nine) for e in events] == [
        ("ticket_issued", None, None, "A", minutes(0)),
        ("ticket_called", 1, "petugas1", "A", minutes(5)),
        ("ticket_started", 1, "petugas1", "A", minutes(6)),
        ("ticket_finished", 1, "petugas1", "A", minutes(22)),
    ]


def test_bad_input_and_operators_refused(two_days: Database, operator: Actor) -> None:
    with raises_code(InvalidInput, "report.period_reversed", start="2026-12-01", end="2026-11-30"):
        page(two_days, LogFilter(TUESDAY, MONDAY))
    with raises_code(NotFound, "service.unknown", service="Z"):
        page(two_days, LogFilter(MONDAY, TUESDAY, service="Z"))
    with two_days.read() as s:
        standard_for = standards_in_force(s)
        with raises_code(PermissionDenied, "permission.denied", who="petugas1"):
            log_snapshot(s, BOTH, actor=operator, standard_for=standard_for)
        with raises_code(PermissionDenied, "permission.denied", who="petugas1"):
            log_rows(s, [1], actor=operator, standard_for=standard_for)
        with raises_code(PermissionDenied, "permission.denied", who="petugas1"):
            ticket_events(s, 1, actor=operator)


def test_a_transferred_citizen_stays_from_their_first_issue(
    office: Database, clock: FixedClock, operator: Actor
) -> None:
    """A001 issued 09:00, called 09:05, started 09:06, sent to B at 09:10; its B visit is called 09:12,
    started 09:13 and done 09:20: that visit waited 2:00 (from the transfer), served 7:00, and the citizen
    stayed 20:00 (from 09:00). The A visit has neither service time nor stay."""
    day = Day(office, clock, operator)
    day.at(0).do("open_counter")
    day.issue("A")
    day.at(5).do("call_next")
    day.at(6).do("start")
    day.at(10).do("transfer", "B")
    day.at(12).do("call_next")
    day.at(13).do("start")
    day.at(20).do("finish")
    rows = page(office, LogFilter(MONDAY, MONDAY), LogSort(LogColumn.STAY, descending=True))
    shown = [(r.visit.id, r.visit.service, r.visit.status, r.waiting, r.service_time, r.stay) for r in rows]
    assert shown == [
        (2, "B", Status.DONE, minutes(2), minutes(7), minutes(20)),
        (1, "A", Status.TRANSFERRED, minutes(5), None, None),
    ]
    assert ids(office, LogFilter(MONDAY, MONDAY), LogSort(LogColumn.STAY)) == [2, 1]  # no stay: last


def test_spans_are_exact_to_the_microsecond(office: Database, clock: FixedClock, operator: Actor) -> None:
    """Issued at 09:00:00.900000 and called at 09:00:01.100000: a wait of exactly 200,000 microseconds in
    the database's sort value (across a second boundary) and in the row."""
    day = Day(office, clock, operator)
    day.at(0).do("open_counter")
    clock.now = NINE + timedelta(seconds=0.9)
    day.issue("A")
    clock.now = NINE + timedelta(seconds=1)
    day.issue("A")
    clock.now = NINE + timedelta(seconds=1.1)
    day.do("call_next")
    rows = page(office, LogFilter(MONDAY, MONDAY), LogSort(LogColumn.WAITING))
    assert [(r.visit.id, r.waiting) for r in rows] == [(1, timedelta(microseconds=200_000)), (2, None)]
    with office.read() as s:
        waited = microseconds_between(Ticket.issued_at, Ticket.first_called_at)
        assert s.execute(select(waited).where(Ticket.id == 1)).scalar_one() == 200_000
