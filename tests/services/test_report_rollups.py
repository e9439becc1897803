"""Daily roll-ups: a report read from them equals the report read ticket by ticket, figure for figure.

Three service days in WITA whose mornings are the previous UTC day, with a standard that changes on the
second, transfers, a no-show, a cancelled and an expired ticket, a priority ticket and a counter's pause;
the third day is today and stays open, so it is read ticket by ticket beside the two rolled-up days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from antrian.domain.roles import SYSTEM, Actor
from antrian.domain.timing import FixedClock
from antrian.reports.exports import json_report
from antrian.services import queue, rollups
from antrian.services.office import update_office
from antrian.services.rollups import refresh_report_days, rolled_days
from antrian.services.standards import set_standard
from antrian.store.database import Database
from antrian.store.models import Ticket
from antrian.store.queue import append_events
from tests.services.test_reports import Day

TUESDAY = date(2026, 12, 1)
WEDNESDAY = TUESDAY + timedelta(days=1)
THURSDAY = TUESDAY + timedelta(days=2)
MONDAY = TUESDAY - timedelta(days=1)


@pytest.fixture
def day(office: Database, clock: FixedClock, operator: Actor) -> Day:
    return Day(office, clock, operator)


def wita(day: date, hour: int, minute: int = 0) -> datetime:
    """``hour``:``minute`` WITA (UTC+8) of ``day``, as UTC: 07:30 WITA is 23:30 UTC of the day before."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def work_a_day(day: Day, on: date, *, expire_left: bool = True) -> None:
    clock = day.clock
    clock.now = wita(on, 7, 30)
    day.do("open_counter")
    day.do("open_counter", counter=2)
    day.issue("A")
    clock.now = wita(on, 7, 31)
    day.issue("A", priority="lansia")
    clock.now = wita(on, 7, 32)
    day.issue("A")
    clock.now = wita(on, 7, 33)
    day.issue("B")
    clock.now = wita(on, 7, 45)
    assert day.do("call_next").number == "A001"  # the office interleaves: a normal ticket first
    clock.now = wita(on, 7, 46)
    day.do("start")
    clock.now = wita(on, 7, 58)  # 12 minutes: within 15, over 10
    day.do("finish")
    assert day.do("call_next").number == "A003"  # the oldest normal ticket: two before a priority one
    clock.now = wita(on, 8, 5)
    day.do("no_show")
    assert day.do("call_next", counter=2).number == "B001"  # services take turns
    clock.now = wita(on, 8, 6)
    day.do("start", counter=2)
    clock.now = wita(on, 8, 9)
    day.do("transfer", "A", counter=2)  # this citizen goes on to A, keeping their place
    day.do("pause_counter", "Istirahat", counter=2)
    clock.now = wita(on, 8, 20)
    with day.db.write() as s:
        queue.cancel(s, "A002", actor=SYSTEM, clock=clock)  # the priority citizen leaves
    day.do("call_next")
    clock.now = wita(on, 8, 21)
    day.do("start")
    clock.now = wita(on, 8, 40)
    day.do("finish")
    day.do("open_counter", counter=2)
    day.issue("B")
    day.do("call_next", counter=2)
    clock.now = wita(on, 8, 42)
    day.do("start", counter=2)
    clock.now = wita(on, 8, 47)
    day.do("finish", counter=2)
    day.issue("B")  # left waiting: expired when the day is over
    clock.now = wita(on, 16)
    day.do("close_counter")
    day.do("close_counter", counter=2)
    if expire_left:
        clock.now = wita(on + timedelta(days=1), 6)
        with day.db.write() as s:
            queue.expire_past_days(s, actor=SYSTEM, clock=clock)


def report(day: Day, start: date, end: date, service: str | None = None, *, rolled: bool) -> dict[str, Any]:
    data = json_report(day.report(start, end, service, rolled=rolled))
    data["period"].pop("made_at")
    return data


def test_rolled_up_days_give_the_figures_of_their_tickets(day: Day) -> None:
    with day.db.write() as s:
        update_office(s, SYSTEM, timezone="Asia/Makassar")
        set_standard(s, SYSTEM, "A", 10, "minutes", 20, WEDNESDAY, "Keputusan No. 7/2026")
    work_a_day(day, TUESDAY)
    work_a_day(day, WEDNESDAY)
    work_a_day(day, THURSDAY, expire_left=False)
    day.clock.now = wita(THURSDAY, 17)
    with day.db.write() as s:
        assert refresh_report_days(s, MONDAY, THURSDAY, clock=day.clock) == 3  # Monday (empty), Tue, Wed
    with day.db.read() as s:
        assert sorted(rolled_days(s, MONDAY, THURSDAY)) == [MONDAY, TUESDAY, WEDNESDAY]
    for start, end, service in (
        (MONDAY, THURSDAY, None),
        (TUESDAY, WEDNESDAY, None),
        (TUESDAY, THURSDAY, "A"),
        (TUESDAY, WEDNESDAY, "B"),
        (WEDNESDAY, WEDNESDAY, None),
    ):
        raw = report(day, start, end, service, rolled=False)
        assert report(day, start, end, service, rolled=True) == raw
    both = report(day, TUESDAY, WEDNESDAY, "A", rolled=True)
    (a,) = both["services"]
    # by hand: each day A serves A001 in 12 minutes (Tue within 15, Wed over 10) and the visit transferred in
    # from B001 in 19 minutes (over both); A003 does not come and the priority A002 is cancelled
    assert (a["issued"], a["served"], a["no_show"], a["cancelled"], a["transferred"]) == (8, 4, 2, 2, 0)
    assert (a["within_standard"], a["over_standard"]) == (1, 3)
    assert [entry["value"] for entry in a["standard"]] == [15, 10]
    # three first visits a day at 07:30-07:32 WITA (Tuesday is row 1), and the B001 citizen
    assert both["office"]["citizens"] == 8 and both["weekday_hour"][1][7] == 3


def test_a_changed_day_is_read_from_its_tickets_until_built_again(day: Day) -> None:
    work_a_day(day, TUESDAY)
    day.clock.now = wita(WEDNESDAY, 12)
    with day.db.write() as s:
        assert refresh_report_days(s, TUESDAY, TUESDAY, clock=day.clock) == 1
        tuesday_ticket = s.query(Ticket).filter(Ticket.service_day == TUESDAY).first()
        assert tuesday_ticket is not None
        s.add(
            Ticket(
                service_id=tuesday_ticket.service_id,
                service_day=TUESDAY,
                sequence=99,
                label="A099",
                status="cancelled",
                place_at=tuesday_ticket.issued_at,
                issued_at=tuesday_ticket.issued_at,
                finished_at=tuesday_ticket.issued_at + timedelta(minutes=5),
            )
        )
    with day.db.read() as s:
        assert rolled_days(s, TUESDAY, TUESDAY) == {}  # the count no longer matches
    assert report(day, TUESDAY, TUESDAY, rolled=True) == report(day, TUESDAY, TUESDAY, rolled=False)
    with day.db.write() as s:
        assert refresh_report_days(s, TUESDAY, TUESDAY, clock=day.clock) == 1
    with day.db.read() as s:
        assert list(rolled_days(s, TUESDAY, TUESDAY)) == [TUESDAY]
    assert report(day, TUESDAY, TUESDAY, rolled=True) == report(day, TUESDAY, TUESDAY, rolled=False)


def test_a_ticket_event_after_the_build_marks_its_day(day: Day) -> None:
    work_a_day(day, TUESDAY)
    day.clock.now = wita(WEDNESDAY, 12)
    with day.db.write() as s:
        assert refresh_report_days(s, TUESDAY, TUESDAY, clock=day.clock) == 1
    with day.db.write() as s:  # a correction of a Tuesday ticket, as every ticket change is logged
        no_show = s.query(Ticket).filter(Ticket.service_day == TUESDAY, Ticket.status == "no_show").one()
        no_show.status = "done"
        no_show.started_at = no_show.first_called_at
        no_show.finished_at = no_show.first_called_at + timedelta(minutes=5)
        append_events(s, [{"at": day.clock(), "kind": "ticket_finished", "ticket_id": no_show.id}])
    with day.db.read() as s:
        assert rolled_days(s, TUESDAY, TUESDAY) == {}
    fixed = report(day, TUESDAY, TUESDAY, rolled=True)
    assert fixed == report(day, TUESDAY, TUESDAY, rolled=False)
    assert fixed["services"][0]["no_show"] == 0
    with day.db.write() as s:  # the refresh drops the day and builds it again
        assert refresh_report_days(s, TUESDAY, TUESDAY, clock=day.clock) == 1
    with day.db.read() as s:
        assert list(rolled_days(s, TUESDAY, TUESDAY)) == [TUESDAY]
    assert report(day, TUESDAY, TUESDAY, rolled=True) == fixed


def test_refreshing_in_steps_builds_every_closed_day(day: Day, monkeypatch: pytest.MonkeyPatch) -> None:
    work_a_day(day, TUESDAY)
    day.clock.now = wita(THURSDAY, 9)
    monkeypatch.setattr(rollups, "STEP", 2)
    # Monday .. Wednesday are closed (Monday and Wednesday without tickets): two transactions, 2 + 1 days
    assert rollups.refresh_in_steps(day.db, MONDAY, THURSDAY, clock=day.clock) == 3
    assert rollups.refresh_in_steps(day.db, MONDAY, THURSDAY, clock=day.clock) == 0
    with day.db.read() as s:
        assert sorted(rolled_days(s, MONDAY, THURSDAY)) == [MONDAY, TUESDAY, WEDNESDAY]
