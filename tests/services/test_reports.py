"""The compliance report read from the database: days built through the real service functions with a pinned
clock, every figure hand-computed. On SQLite and PostgreSQL through the ``office`` fixture (services A 15 min,
B 20 min, C 1 hour; counters 1-2 serve A and B, counter 3 serves C; priority interleave 2).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from antrian import words
from antrian.domain.errors import InvalidInput, NotFound, PermissionDenied
from antrian.domain.figures import Share
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.status import Status
from antrian.domain.timing import FixedClock
from antrian.reports.exports import BOM, json_report, log_csv
from antrian.services import counters, queue
from antrian.services.office import update_office
from antrian.services.reports import Report, compliance_report, report_log, standards_in_force
from antrian.services.standards import set_standard
from antrian.services.users import create_user
from antrian.store.database import Database
from tests.helpers import raises_code

MONDAY = date(2026, 11, 30)
# 09:00 Jakarta on Monday 2026-11-30 (the fixtures' clock)
NINE = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


class Day:
    """One operator working counter 1 (or another) through the service functions, on a pinned clock."""

    def __init__(self, db: Database, clock: FixedClock, actor: Actor) -> None:
        self.db, self.clock, self.actor = db, clock, actor

    def at(self, minutes: float) -> Day:
        """Set the clock to ``minutes`` after 09:00 Jakarta of the clock's start day."""
        self.clock.now = NINE + timedelta(minutes=minutes)
        return self

    def issue(self, code: str, priority: str | None = None) -> Any:
        with self.db.write() as s:
            return queue.issue_ticket(s, code, priority=priority, clock=self.clock)

    def do(self, name: str, *args: Any, counter: int = 1) -> Any:
        operation = getattr(queue, name, None) or getattr(counters, name)
        with self.db.write() as s:
            return operation(s, counter, *args, actor=self.actor, clock=self.clock)

    def report(
        self, start: date = MONDAY, end: date = MONDAY, service: str | None = None, *, rolled: bool = True
    ) -> Report:
        with self.db.read() as s:
            return compliance_report(
                s,
                start,
                end,
                actor=SYSTEM,
                service=service,
                standard_for=standards_in_force(s),
                clock=self.clock,
                use_rollups=rolled,
            )


@pytest.fixture
def day(office: Database, clock: FixedClock, operator: Actor) -> Day:
    return Day(office, clock, operator)


def log_rows(day: Day, report: Report) -> list[list[str]]:
    out = io.StringIO(newline="")
    with day.db.read() as s:
        written = log_csv(report, report_log(s, report), out)
    text = out.getvalue()
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))
    assert written == len(rows) - 1
    return rows


def assert_totals_agree(day: Day, report: Report) -> dict[str, Any]:
    """The JSON's counts and the CSV's rows are the same visits."""
    data = json_report(report)
    rows = log_rows(day, report)
    assert data["office"]["visits"] == len(rows) - 1 == sum(s["issued"] for s in data["services"])
    for entry in data["services"]:
        assert entry["issued"] == sum(1 for row in rows[1:] if row[1] == entry["code"])
        assert entry["issued"] == entry["priority"]["issued"] + entry["normal"]["issued"]
    return data


def test_an_empty_period_is_an_empty_report(day: Day) -> None:
    report = day.report(MONDAY, MONDAY + timedelta(days=6))
    assert report.services == () and report.days == {}
    assert log_rows(day, report) == [log_rows(day, report)[0]]  # the header only
    assert report.counters == {} and report.operators == {}
    assert [hour.arrivals for hour in report.hours] == [0] * 24
    assert report.weekday_hour == ((0,) * 24,) * 7
    assert (report.office.citizens, report.office.visits, report.office.served) == (0, 0, 0)
    data = assert_totals_agree(day, report)
    assert data["services"] == [] and data["percentile_method"] == "nearest-rank"
    assert data["period"] == {
        "from": "2026-11-30",
        "to": "2026-12-06",
        "service": None,
        "timezone": "Asia/Jakarta",
        "made_at": "2026-11-30T02:00:00+00:00",
    }


def test_a_day_of_only_no_shows(day: Day) -> None:
    day.at(0).do("open_counter")
    day.issue("A"), day.issue("A")
    day.at(5).do("call_next")
    day.at(6).do("no_show")
    day.at(10).do("call_next")
    day.at(11).do("no_show")
    day.at(20).do("close_counter")
    report = day.report()
    (a,) = report.services
    f = a.figures.all
    assert (a.code, a.name) == ("A", "KTP Elektronik")
    assert (f.issued, f.served, f.no_show, f.called, f.not_called) == (2, 0, 2, 2, 0)
    assert (f.waiting.p50, f.waiting.p90, f.waiting.max, f.waiting.mean) == (300.0, 600.0, 600.0, 450.0)
    assert f.service_time.count == 0 and f.within_standard == Share(0, 0)
    # a no-show records no end: its minutes at the counter are idle
    c1 = report.counters[1]
    assert (c1.served, c1.session, c1.serving, c1.idle) == (0, 1200.0, 0.0, 1200.0)
    assert report.operators["petugas1"] == c1
    data = assert_totals_agree(day, report)
    assert data["services"][0]["within_standard_pct"] is None
    assert data["services"][0]["waiting"] == {
        "count": 2, "p50": 300.0, "p90": 600.0, "p95": 600.0, "max": 600.0, "mean": 450.0
    }  # fmt: skip


def test_a_transfer_counts_once_in_each_service_visited(day: Day) -> None:
    day.at(0).do("open_counter")
    day.issue("A")
    day.at(10).do("call_next")
    day.at(11).do("start")
    day.at(20).do("transfer", "B")
    day.at(25).do("call_next")
    day.at(26).do("start")
    day.at(36).do("finish")
    day.at(40).do("close_counter")
    report = day.report()
    a, b = (entry.figures.all for entry in report.services)
    assert (a.issued, a.transferred, a.served, a.waiting.max) == (1, 1, 0, 600.0)
    assert (b.issued, b.served, b.waiting.max, b.service_time.max) == (1, 1, 300.0, 600.0)
    assert b.stay.max == 36 * 60  # from the first visit's issue at 09:00 to 09:36
    assert b.within_standard == Share(1, 1)  # 10 minutes against B's 20
    assert (report.office.citizens, report.office.visits, report.office.transfers) == (1, 2, 1)
    assert (report.office.served, report.office.stay.max) == (1, 2160.0)
    nine = report.hours[9]
    assert (nine.arrivals, nine.waiting.count) == (1, 2)  # the transfer is no arrival; both visits waited
    # serving: A walk 60 + 540 until the transfer, B walk 60 + 600
    c1 = report.counters[1]
    assert (c1.served, c1.mean_service, c1.session, c1.serving) == (1, 600.0, 2400.0, 1260.0)
    assert c1.idle == 2400 - 1260
    data = assert_totals_agree(day, report)
    assert [(s["code"], s["issued"], s["transferred"]) for s in data["services"]] == [
        ("A", 1, 1),
        ("B", 1, 0),
    ]
    rows = log_rows(day, report)
    assert [row[0] for row in rows[1:]] == ["A001", "A001"]
    assert [row[12] for row in rows[1:]] == ["", "2160.0"]  # stay only on the served (last) visit


def test_a_recall_keeps_the_first_call_and_priority_stands_beside_normal(day: Day) -> None:
    day.at(0).do("open_counter")
    day.issue("A")
    day.at(1).issue("A", priority="lansia")
    day.at(5).do("call_next")  # the normal ticket first (interleave 2)
    day.at(7).do("recall")
    day.at(8).do("start")
    day.at(18).do("finish")
    day.at(20).do("call_next")  # the priority ticket, waiting since 09:01
    day.at(21).do("start")
    day.at(51).do("finish")  # 30 minutes: over A's 15
    report = day.report()
    (a,) = report.services
    every, priority, normal = a.figures.all, a.figures.priority, a.figures.normal
    assert (every.served, every.within_standard, every.waiting.p50, every.waiting.max) == (
        2, Share(1, 2), 300.0, 1140.0
    )  # fmt: skip
    assert (normal.issued, normal.waiting.max, normal.walk.max, normal.service_time.max) == (
        1,
        300.0,
        180.0,
        600.0,
    )
    assert normal.within_standard == Share(1, 1)
    assert (priority.issued, priority.waiting.max, priority.service_time.max) == (1, 1140.0, 1800.0)
    assert priority.within_standard == Share(0, 1)
    entry = assert_totals_agree(day, report)["services"][0]
    assert (entry["within_standard_pct"], entry["within_standard"], entry["over_standard"]) == (50.0, 1, 1)
    assert (entry["priority"]["within_standard_pct"], entry["normal"]["within_standard_pct"]) == (0.0, 100.0)
    assert entry["standard"] == {
        "value": 15,
        "unit": "minutes",
        "waiting_target_minutes": None,
        "decree": "",
        "effective_from": "2026-11-30",
    }
    rows = log_rows(day, report)
    assert [row[4] for row in rows[1:]] == ["", words.show(PriorityGroup.ELDERLY)]


def test_a_pause_crossing_a_wait_and_the_waiting_target(day: Day) -> None:
    with day.db.write() as s:
        set_standard(s, SYSTEM, "A", 15, "minutes", 20, MONDAY, "Keputusan Kepala Dinas No. 12/2026")
    day.at(0).do("open_counter")
    day.issue("A")
    day.at(10).do("call_next")
    day.at(11).do("start")
    day.at(21).do("finish")
    day.at(30).do("pause_counter", "Istirahat")
    day.at(35).issue("A")  # waits across the pause
    day.at(60).do("open_counter")
    day.at(65).do("call_next")
    day.at(66).do("start")
    day.at(76).do("finish")
    day.at(90).do("close_counter")
    report = day.report()
    f = report.services[0].figures.all
    assert (f.waiting.p50, f.waiting.p90, f.waiting.mean) == (600.0, 1800.0, 1200.0)
    assert f.within_waiting_target == Share(1, 2)
    c1 = report.counters[1]
    assert (c1.session, c1.paused, c1.serving, c1.idle) == (5400.0, {"Istirahat": 1800.0}, 1320.0, 2280.0)
    assert (c1.served, c1.mean_service) == (2, 600.0)
    entry = assert_totals_agree(day, report)["services"][0]
    assert (entry["within_waiting_target_pct"], entry["over_waiting_target"]) == (50.0, 1)
    assert json_report(report)["counters"] == [
        {
            "number": 1,
            "served": 2,
            "mean_service": 600.0,
            "session": 5400.0,
            "serving": 1320.0,
            "paused": {"Istirahat": 1800.0},
            "paused_total": 1800.0,
            "idle": 2280.0,
        }
    ]


def test_a_service_day_crossing_utc_midnight_in_wita(day: Day) -> None:
    with day.db.write() as s:
        update_office(s, SYSTEM, timezone="Asia/Makassar")
    # Tuesday 2026-12-01 07:30 WITA is Monday 23:30 UTC
    day.clock.now = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    day.do("open_counter")
    ticket = day.issue("A")
    assert ticket.service_day == date(2026, 12, 1)
    day.clock.advance(minutes=40)  # 08:10 WITA, 00:10 UTC
    day.do("call_next")
    day.clock.advance(minutes=1)
    day.do("start")
    day.clock.advance(minutes=10)
    day.do("finish")
    day.clock.advance(minutes=9)
    day.do("close_counter")
    monday = day.report(MONDAY, MONDAY)
    assert monday.office.visits == 0 and monday.days == {} and monday.counters == {}
    tuesday = day.report(date(2026, 12, 1), date(2026, 12, 1))
    (a,) = tuesday.services
    assert (a.figures.all.issued, a.figures.all.waiting.max, a.figures.all.service_time.max) == (
        1,
        2400.0,
        600.0,
    )
    assert tuesday.hours[7].arrivals == 1 and tuesday.weekday_hour[1][7] == 1
    assert tuesday.counters[1].session == 3600.0  # 07:30 to 08:30 WITA, the opening before UTC midnight
    rows = log_rows(day, tuesday)
    assert rows[1][2] == "2026-12-01"
    assert rows[1][5:9] == [
        "2026-12-01T07:30:00+08:00",
        "2026-12-01T08:10:00+08:00",
        "2026-12-01T08:11:00+08:00",
        "2026-12-01T08:21:00+08:00",
    ]
    assert rows[1][9:15] == ["2400.0", "60.0", "600.0", "3060.0", "1", "petugas1"]
    assert_totals_agree(day, tuesday)


def test_one_service_keeps_the_counters_that_served_it(day: Day) -> None:
    day.at(0).do("open_counter", counter=3)
    day.issue("A"), day.issue("C")
    day.at(5).do("call_next", counter=3)
    day.at(6).do("start", counter=3)
    day.at(16).do("finish", counter=3)
    report = day.report(service="C")
    assert [entry.code for entry in report.services] == ["C"]
    assert [row[0] for row in log_rows(day, report)[1:]] == ["C001"]
    assert list(report.counters) == [3] and list(report.operators) == ["petugas1"]
    assert report.counters[3].served == 1
    assert_totals_agree(day, report)


def test_bad_periods_services_and_roles_are_refused(day: Day, office: Database) -> None:
    with office.read() as s:
        standards = standards_in_force(s)
        with raises_code(InvalidInput, "report.period_reversed", start="2026-12-01", end="2026-11-30"):
            compliance_report(s, date(2026, 12, 1), MONDAY, actor=SYSTEM, standard_for=standards)
        with raises_code(NotFound, "service.unknown", service="Z"):
            compliance_report(s, MONDAY, MONDAY, actor=SYSTEM, service="Z", standard_for=standards)
        with raises_code(PermissionDenied, "permission.denied", who="petugas1"):
            compliance_report(s, MONDAY, MONDAY, actor=day.actor, standard_for=standards)
    with office.write() as s:
        user_id = create_user(s, "kepala", "Kepala UPT", "supervisor", "rahasia123", actor=SYSTEM)
    with office.read() as s:
        report = compliance_report(
            s, MONDAY, MONDAY, actor=Actor(Role.SUPERVISOR, user_id, "kepala"), standard_for=standards
        )
    assert report.services == ()


def test_the_log_is_in_the_users_language(day: Day) -> None:
    day.at(0).issue("A")
    report = day.report()
    assert log_rows(day, report)[0][:3] == ["Nomor", "Layanan", "Hari layanan"]
    assert log_rows(day, report)[1][3] == words.show(Status.WAITING)
    words.set_language("en")
    assert log_rows(day, report)[0][:3] == ["Number", "Service", "Service day"]
    assert log_rows(day, report)[1][3] == "waiting"


def test_each_day_is_measured_by_the_standard_in_force_on_it(day: Day) -> None:
    # A's standard is 15 minutes from Monday (the test office); a decree makes it 10 from Tuesday
    with day.db.write() as s:
        set_standard(s, SYSTEM, "A", 10, "minutes", None, MONDAY + timedelta(days=1), "Keputusan No. 7/2026")
    for start in (0, 24 * 60):  # Monday 09:00, Tuesday 09:00: the same 12-minute service each day
        day.at(start).do("open_counter")
        day.issue("A")
        day.at(start + 1).do("call_next")
        day.at(start + 2).do("start")
        day.at(start + 14).do("finish")
        day.at(start + 20).do("close_counter")
    monday, tuesday = (
        day.report(MONDAY, MONDAY),
        day.report(MONDAY + timedelta(days=1), MONDAY + timedelta(days=1)),
    )
    assert (
        monday.services[0].figures.all.within_standard.within,
        monday.services[0].figures.all.within_standard.of,
    ) == (1, 1)
    assert (
        tuesday.services[0].figures.all.within_standard.within,
        tuesday.services[0].figures.all.within_standard.of,
    ) == (0, 1)
    both = assert_totals_agree(day, day.report(MONDAY, MONDAY + timedelta(days=1)))
    (a,) = both["services"]
    # 12 min <= 15 on Monday, 12 min > 10 on Tuesday: 1 of 2 within, and both standards named
    assert (a["within_standard_pct"], a["over_standard"]) == (50.0, 1)
    assert [entry["value"] for entry in a["standard"]] == [15, 10]
    assert a["standard"][1]["decree"] == "Keputusan No. 7/2026"
    assert [entry["effective_from"] for entry in a["standard"]] == ["2026-11-30", "2026-12-01"]


def test_an_expired_ticket_waited_until_its_day_ended_at_every_reading(day: Day) -> None:
    # Monday (Jakarta): A001 issued 09:00, never called; it waits "so far" until the day is over
    day.at(0).issue("A")
    day.at(60)
    live = day.report(rolled=False).services[0].figures.all
    assert (live.not_called, live.longest_not_called) == (1, 3600.0)
    # Tuesday 08:00: the first counter to open expires it; it ended at Tuesday 00:00 Jakarta (15 h on)
    day.at(23 * 60).do("open_counter")
    at_expiry = json_report(day.report(rolled=False))
    day.at(3 * 24 * 60)  # read again on Thursday, raw and from the roll-ups: the same figure, the same bytes
    for rolled in (False, True):
        figures = day.report(rolled=rolled).services[0].figures.all
        assert (figures.expired, figures.not_called, figures.longest_not_called) == (1, 1, 15 * 3600.0)
        again = json_report(day.report(rolled=rolled))
        assert {**again, "period": None} == {**at_expiry, "period": None}
