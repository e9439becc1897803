"""The demo history (``services.demo_history``): two past working days of the sample office with the fixed
seed, on SQLite and PostgreSQL. The bulk rows must be exactly what the service functions record for the same
days; the days must look like an office's (working days, office hours, every ticket ended, breaks with
reasons); the compliance report over them must agree with what the generator says it made.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.demo import install_demo
from antrian.services.demo_history import HistoryDay, install_history
from antrian.services.office import update_office
from antrian.services.reports import compliance_report, standards_in_force
from antrian.store.database import Database, open_database
from antrian.store.models import CounterState, Event, ServiceStandard, Ticket, TicketNumber
from tests.conftest import PgSchema
from tests.helpers import raises_code

JAKARTA = ZoneInfo("Asia/Jakarta")
# Monday 2026-11-30, 10:00 in Jakarta: the two working days before are Thursday 26 and Friday 27 November.
MONDAY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)
THURSDAY, FRIDAY = date(2026, 11, 26), date(2026, 11, 27)
ENDED = {"done", "no_show", "transferred", "cancelled"}
# What the fixed seed makes on those days: Thursday three lunches and two short breaks; Friday two counters
# at Friday prayers and the third at lunch. Each day's visits add up: done + no-show + transferred +
# cancelled = issued + transferred (a transfer opens a visit of the next service).
SEEDED = [
    HistoryDay(THURSDAY, issued=82, served=81, no_show=1, transferred=2, cancelled=0, priority=3, pauses=5),
    HistoryDay(FRIDAY, issued=72, served=69, no_show=3, transferred=1, cancelled=0, priority=9, pauses=3),
]


def sample_office(db: Database) -> Database:
    with db.write() as session:
        install_demo(session)
    return db


def history(db: Database, **options: Any) -> list[HistoryDay]:
    return install_history(db, days=2, clock=FixedClock(MONDAY), **options)


def rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the history writes: tickets, their numbers, the events of past days, the counter states."""
    tables = {
        "tickets": select(*Ticket.__table__.columns).order_by(Ticket.id),
        "numbers": select(*TicketNumber.__table__.columns).order_by(
            TicketNumber.service_id, TicketNumber.service_day
        ),
        "events": select(*Event.__table__.columns)
        .where(Event.at < MONDAY.replace(hour=0))
        .order_by(Event.id),
        "states": select(*CounterState.__table__.columns).order_by(CounterState.counter_id),
    }
    with db.read() as session:
        return {name: [tuple(row) for row in session.execute(query)] for name, query in tables.items()}


@pytest.fixture
def reference(db_url: str, tmp_path: Any) -> Iterator[Database]:
    """A second new database on the same backend as ``db``."""
    schema = PgSchema() if db_url.startswith("postgresql") else None
    database = open_database(schema.url if schema else str(tmp_path / "reference.db"), create=True)
    try:
        yield database
    finally:
        database.dispose()
        if schema:
            schema.drop()


def test_the_bulk_rows_are_what_the_service_functions_record(db: Database, reference: Database) -> None:
    bulk = history(sample_office(db))
    services = history(sample_office(reference), through_services=True)
    assert bulk == services
    made, expected = rows(db), rows(reference)
    assert len(made["tickets"]) > 150 and len(made["events"]) > 600
    for table in made:
        assert made[table] == expected[table], table


def test_a_bigger_office_with_the_priority_interleave_too(db: Database, reference: Database) -> None:
    """Eight services on six counters (counters 1 and 2 also serve G and H, nobody works 5 and 6) and a
    priority ticket after every two normal calls: the call order's streak is replayed too."""
    for database in (db, reference):
        with database.write() as session:
            install_demo(session, counters=6, services=8)
            update_office(session, SYSTEM, priority_interleave=2)
    bulk = install_history(db, days=1, clock=FixedClock(MONDAY), seed=11)
    services = install_history(reference, days=1, clock=FixedClock(MONDAY), seed=11, through_services=True)
    assert bulk == services and bulk[0].priority > 0
    made, expected = rows(db), rows(reference)
    for table in made:
        assert made[table] == expected[table], table
    codes = {row[4][0] for row in made["tickets"]}  # the labels' service letters
    assert codes == set("ABCDGH")  # E and F have no operator at their counters


def test_two_days_of_history_look_like_an_office_and_the_report_agrees(db: Database) -> None:
    made = history(sample_office(db))
    assert made == SEEDED  # counted by the generator, checked against the rows below
    with db.read() as session:
        tickets = session.execute(select(Ticket)).scalars().all()
        events = session.execute(select(Event).order_by(Event.id)).scalars().all()
        states = session.execute(select(CounterState)).scalars().all()
    assert {t.service_day for t in tickets} == {THURSDAY, FRIDAY}
    with db.read() as session:  # the sample standards are in force from the history's first day
        starts = set(session.execute(select(ServiceStandard.effective_from)).scalars())
    assert starts == {THURSDAY}
    firsts = [t for t in tickets if t.parent_id is None]
    for day in made:
        mine = [t for t in tickets if t.service_day == day.day]
        assert len([t for t in mine if t.parent_id is None]) == day.issued
        assert sum(t.status == "done" for t in mine) == day.served
        assert sum(t.status == "no_show" for t in mine) == day.no_show
        assert sum(t.status == "transferred" for t in mine) == day.transferred
        assert sum(t.status == "cancelled" for t in mine) == day.cancelled
        assert sum(t.priority_group is not None for t in mine if t.parent_id is None) == day.priority
    assert {t.status for t in tickets} <= ENDED
    for ticket in firsts:  # issued in office hours, 08:00 to 15:00 local
        issued = ticket.issued_at.astimezone(JAKARTA)
        assert time(8) <= issued.time() < time(15) and issued.date() == ticket.service_day
    for ticket in tickets:
        if ticket.status == "done":
            assert ticket.issued_at <= ticket.first_called_at <= ticket.started_at <= ticket.finished_at
    assert {(s.state, s.current_ticket_id, s.operator_id) for s in states} == {("closed", None, None)}
    pauses = [
        (e.at.astimezone(JAKARTA).date(), e.data["reason"]) for e in events if e.kind == "counter_paused"
    ]
    assert [reason for day, reason in pauses if day == FRIDAY].count("Sholat Jumat") == 2
    assert [reason for day, reason in pauses if day == THURSDAY].count("Istirahat siang") == 3
    assert [sum(day == d.day for day, _ in pauses) for d in made] == [5, 3]
    operators = {(t.service_day, t.counter_id, t.operator_id) for t in tickets if t.counter_id is not None}
    assert len({operator for _, _, operator in operators}) == 4  # four operators worked, on Thursday swapped
    assert {e.kind for e in events} >= {"ticket_recalled", "ticket_no_show", "ticket_transferred"}

    # the compliance report over the two days agrees with the generator
    with db.read() as session:
        report = compliance_report(
            session,
            THURSDAY,
            FRIDAY,
            actor=SYSTEM,
            standard_for=standards_in_force(session),
            clock=FixedClock(MONDAY),
        )
    figures = [s.figures.all for s in report.services]
    assert [s.code for s in report.services] == ["A", "B", "C", "D"]
    issued = sum(d.issued for d in made)
    transferred = sum(d.transferred for d in made)
    assert sum(f.issued for f in figures) == issued + transferred  # a transfer is a visit of the next service
    assert sum(f.served for f in figures) == sum(d.served for d in made)
    assert sum(f.no_show for f in figures) == sum(d.no_show for d in made)
    assert sum(f.transferred for f in figures) == transferred
    over = [f.within_standard.of - f.within_standard.within for f in figures]
    assert 0 < sum(over) < sum(f.served for f in figures) / 10  # a few over the standard, most within
    assert sum(s.figures.priority.issued for s in report.services) >= sum(d.priority for d in made)
    assert sorted(report.counters) == [1, 2, 3, 4]
    assert sorted(report.operators) == ["petugas1", "petugas2", "petugas3", "petugas4"]
    prayers = [report.counters[n].paused.get("Sholat Jumat") for n in (1, 2, 3, 4)]
    assert prayers == [75 * 60, 75 * 60, None, None]  # Friday prayers: 75 minutes at counters 1 and 2
    assert "Istirahat siang" in report.counters[3].paused
    arrivals = [h.arrivals for h in report.hours]
    assert sum(arrivals) == issued and arrivals[:8] == [0] * 8 and arrivals[15:] == [0] * 9
    assert max(arrivals) in (arrivals[9], arrivals[10])  # the morning peak
    assert sum(map(sum, report.weekday_hour)) == issued
    assert sum(report.weekday_hour[3]) + sum(report.weekday_hour[4]) == issued  # Thursday and Friday only

    # and today's queue starts clean: number 1, nothing of the past left open
    with db.write() as session:
        ticket = queue.issue_ticket(session, "A", clock=FixedClock(MONDAY))
        expired = queue.expire_past_days(session, actor=SYSTEM, clock=FixedClock(MONDAY))
    assert (ticket.number, ticket.service_day, expired) == ("A001", MONDAY.date(), 0)


def test_history_goes_only_into_an_office_without_tickets(db: Database) -> None:
    sample_office(db)
    with db.write() as session:
        today = queue.issue_ticket(session, "A", clock=FixedClock(MONDAY))
    before = rows(db)
    assert history(db) == []
    assert rows(db) == before
    assert today.number == "A001"


def test_days_out_of_range_are_refused(db: Database) -> None:
    for days in (-1, 262):
        with raises_code(InvalidInput, "demo.history_range", given=days, most=261):
            install_history(db, days=days, clock=FixedClock(MONDAY))
    assert install_history(db, days=0, clock=FixedClock(MONDAY)) == []
