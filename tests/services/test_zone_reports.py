"""A zone's compliance report counts only the visits of its services (hand-computed), on SQLite and
PostgreSQL: DUKCAPIL holds A and B (counters 1, 2), PAJAK holds C (counter 3)."""

from __future__ import annotations

import pytest

from antrian.domain.errors import NotFound
from antrian.domain.roles import SYSTEM
from antrian.reports.exports import json_report
from antrian.services.reports import compliance_report, standards_in_force
from tests.helpers import raises_code
from tests.services.test_reports import MONDAY, Day, log_rows
from tests.services.test_reports import day as day  # the fixture
from tests.services.test_zones import two_agencies


@pytest.fixture
def worked(day: Day) -> Day:
    """Counter 1 serves A001 and transfers it to B (one citizen, two DUKCAPIL visits); counter 3 then
    serves C001, issued at 09:00 and called at 09:45."""
    two_agencies(day.db)
    day.at(0).do("open_counter")
    day.issue("A"), day.issue("C")
    day.at(10).do("call_next")
    day.at(11).do("start")
    day.at(20).do("transfer", "B")
    day.at(25).do("call_next")
    day.at(26).do("start")
    day.at(36).do("finish")
    day.at(40).do("close_counter")
    day.at(41).do("open_counter", counter=3)
    day.at(45).do("call_next", counter=3)
    day.at(46).do("start", counter=3)
    day.at(56).do("finish", counter=3)
    day.at(60).do("close_counter", counter=3)
    return day


def zone_report(day: Day, zone: str):  # type: ignore[no-untyped-def]
    with day.db.read() as s:
        return compliance_report(
            s, MONDAY, MONDAY, actor=SYSTEM, zone=zone, standard_for=standards_in_force(s), clock=day.clock
        )


def test_a_zones_report_counts_only_its_services(worked: Day) -> None:
    dukcapil = zone_report(worked, "dukcapil")
    assert (dukcapil.zone, dukcapil.zone_services) == ("DUKCAPIL", ("A", "B"))
    assert [entry.code for entry in dukcapil.services] == ["A", "B"]
    a, b = (entry.figures.all for entry in dukcapil.services)
    assert (a.issued, a.transferred, a.served) == (1, 1, 0)
    assert (b.issued, b.served) == (1, 1)
    # one citizen (moved between two services of the zone), two visits, one transfer
    office = dukcapil.office
    assert (office.citizens, office.visits, office.transfers, office.served) == (1, 2, 1, 1)
    assert list(dukcapil.counters) == [1]
    assert [row[0] for row in log_rows(worked, dukcapil)[1:]] == ["A001", "A001"]
    assert sum(hour.arrivals for hour in dukcapil.hours) == 1

    pajak = zone_report(worked, "PAJAK")
    (c,) = (entry.figures.all for entry in pajak.services)
    assert [entry.code for entry in pajak.services] == ["C"]
    assert (c.issued, c.served, c.waiting.max, c.service_time.max) == (1, 1, 2700.0, 600.0)
    assert (pajak.office.citizens, pajak.office.visits, pajak.office.transfers) == (1, 1, 0)
    assert list(pajak.counters) == [3] and pajak.counters[3].served == 1
    assert [row[0] for row in log_rows(worked, pajak)[1:]] == ["C001"]
    period = json_report(pajak)["period"]
    assert (period["zone"], period["zone_services"], period["service"]) == ("PAJAK", ["C"], None)

    whole = worked.report()
    assert (whole.office.citizens, whole.office.visits) == (2, 3)
    assert "zone" not in json_report(whole)["period"]


def test_a_report_of_an_unknown_zone_is_refused(worked: Day) -> None:
    with raises_code(NotFound, "zone.unknown", zone="SAMSAT"):
        zone_report(worked, "SAMSAT")
