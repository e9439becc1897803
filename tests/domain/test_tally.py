"""The one-pass tally behind the report: what it keeps instead of visits gives the same figures.

The figure functions of ``domain.figures`` run on it too (``test_figures.py``); these tests cover what only
the report's pass does: the times measured once, distinct citizens without a set of every visit, and a
report of one service.
"""

import random
from datetime import timedelta

import numpy as np

from antrian.domain.counter_time import counter_intervals
from antrian.domain.figures import Summary, office_totals
from antrian.domain.report_tally import ReportTally
from antrian.domain.spans import Spans, summarize
from antrian.domain.status import Status
from antrian.domain.tally import Distinct, measure
from tests.domain.test_figures import FIFTEEN, WIB, at, visit


def test_measured_times_are_the_visit_properties_in_microseconds() -> None:
    us = timedelta(microseconds=1)
    visits = [
        visit(1, at(8), at(8, 10), at(8, 11), at(8, 21, 30)),  # served
        visit(2, at(8), at(8, 5), at(8, 6), at(8, 9), status=Status.TRANSFERRED),
        visit(3, at(8, 9), at(8, 20), at(8, 21), at(8, 30), parent=2, first_issued=at(8)),  # its next visit
        visit(4, at(8), at(8, 30), status=Status.NO_SHOW),
        visit(5, at(8), None, None, at(8, 40), status=Status.CANCELLED),
        visit(6, at(8), at(8, 2), at(8, 3), status=Status.SERVING),
    ]
    for one in visits:
        measured = measure(one)

        def whole(span: timedelta | None) -> int | None:
            return None if span is None else span // us

        assert measured == (
            whole(one.waiting),
            whole(one.walk),
            whole(one.service_time),
            whole(one.stay),
            one.at_counter // us,
        )
    # by hand: the transferred visit's counter time is walk 1 min + 3 min at the counter
    assert measure(visits[1]).at_counter == 4 * 60 * 1_000_000
    # the next visit's stay runs from the citizen's first issue: 08:00 to 08:30
    assert measure(visits[2]).stay == 30 * 60 * 1_000_000


def test_distinct_citizens_in_any_order_and_with_parents_outside() -> None:
    tally = Distinct()
    # ids 7 and 3 are first visits; 9 is 7's next visit; 12 is the next visit of 5, which is not added
    for one in (
        visit(7, at(8)),
        visit(3, at(8)),
        visit(9, at(9), parent=7),
        visit(12, at(9), parent=5),
        visit(3, at(8)),
    ):
        tally.add(one)
    assert tally.count() == 3  # citizens 3, 7 and 5


def test_office_totals_count_a_citizen_once_across_a_transfer() -> None:
    first = visit(1, at(8), at(8, 5), at(8, 6), at(8, 9), status=Status.TRANSFERRED)
    second = visit(2, at(8, 9), at(8, 20), at(8, 21), at(8, 30), service="B", parent=1, first_issued=at(8))
    other = visit(3, at(8, 1), at(8, 6), at(8, 7), at(8, 17))
    totals = office_totals([first, second, other])
    # 2 citizens, 3 visits, 1 transfer, 2 citizens served; stays 30 and 16 minutes
    assert (totals.citizens, totals.visits, totals.transfers, totals.served) == (2, 3, 1, 2)
    assert totals.stay == Summary(2, 960.0, 1800.0, 1800.0, 1800.0, 1380.0)


def test_one_service_keeps_all_the_work_of_its_counters() -> None:
    tally = ReportTally(lambda code, day: FIFTEEN, WIB, service="B")
    first = visit(1, at(8), at(8, 5), at(8, 6), at(8, 9), status=Status.TRANSFERRED, operator="ani")
    second = visit(
        2, at(8, 9), at(8, 20), at(8, 21), at(8, 30), service="B", counter=2, operator="budi", parent=1
    )
    other = visit(3, at(8, 1), at(8, 6), at(8, 7), at(8, 17), counter=2, operator="budi")
    for one in (first, second, other):
        tally.add(one)
    counters, operators = tally.work_times(counter_intervals([], WIB, at(17)))
    # counter 2 served B-002 (9 min) and A-003 (10 min): both count, though only B was asked for
    assert list(counters) == [2] and list(operators) == ["budi"]
    assert (counters[2].served, counters[2].mean_service, counters[2].serving) == (2, 570.0, 1260.0)
    services, office = tally.results(at(17))
    assert list(services) == ["B"]
    # B's one visit is its citizen's second: one citizen, no transfer within B
    assert (office.citizens, office.visits, office.transfers, office.served) == (1, 1, 0, 1)
    assert tally.hours.arrivals == [0] * 24  # a transferred-in visit is no arrival


def test_summarize_gives_the_sorted_figures_without_sorting() -> None:
    # by hand, 10 values in microseconds: ranks ceil(5) = 5th, ceil(9) = 9th, ceil(9.5) = 10th
    values = np.array([7_000_000, 1_000_000, 10_000_000, 3_000_000, 2_000_000, 9_000_000, 4_000_000,
                       6_000_000, 5_000_000, 8_000_001], dtype=np.int64)  # fmt: skip
    assert summarize(values) == Summary(10, 5.0, 9.0, 10.0, 10.0, 5.5000001)
    assert list(values[:3]) == [7_000_000, 1_000_000, 10_000_000]  # the caller's array is left as it was
    assert summarize(np.empty(0, dtype=np.int64)) == Summary(0, None, None, None, None, None)
    draw = random.Random(13)
    for count in (1, 2, 3, 19, 20, 21, 99, 100, 101, 1000):
        mixed = [draw.randrange(-5, 3_600_000_000) for _ in range(count)]
        assert summarize(np.array(mixed, dtype=np.int64)) == Summary.of_micros(sorted(mixed))


def test_summarize_sums_exactly_where_int64_would_overflow() -> None:
    huge = 2**62  # four of them sum to 2**64: the mean is still exactly 2**62 microseconds
    values = np.array([huge, huge, huge, huge + 4], dtype=np.int64)
    assert summarize(values).mean == (4 * huge + 4) / 4_000_000
    assert summarize(values) == Summary.of_micros([huge, huge, huge, huge + 4])


def test_spans_join_single_values_and_arrays() -> None:
    spans = Spans()
    for value in (5, None, 1):
        spans.add(value)
    spans.extend(np.array([4, 2], dtype=np.int64))
    spans.add(3)
    assert sorted(spans.all().tolist()) == [1, 2, 3, 4, 5]
    assert spans.summary() == Summary.of_micros([1, 2, 3, 4, 5])
    idle = Spans(keep=False)
    idle.add(1)
    idle.extend(np.array([2], dtype=np.int64))
    assert idle.all().tolist() == []
