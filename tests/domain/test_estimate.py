from datetime import timedelta

import pytest

from antrian.domain.estimate import (
    FALLBACK,
    describe_wait,
    estimated_wait,
    line_ahead,
    servers_for,
    typical_service_time,
)

M = timedelta(minutes=1)


def test_line_is_everyone_waiting_for_the_counters_services() -> None:
    counters = [frozenset("AB"), frozenset("A"), frozenset("C")]
    waiting = {"A": 6, "B": 2, "C": 5, "D": 4}
    assert line_ahead("B", counters, waiting) == 8  # the A+B counter calls the oldest of A and B
    assert line_ahead("C", counters, waiting) == 5
    assert line_ahead("D", counters, waiting) == 4  # no open counter: its own queue
    assert servers_for("A", counters) == 2 and servers_for("D", counters) == 0


def test_typical_time_prefers_recent_median_then_standard_then_fallback() -> None:
    recent = [4 * M, 6 * M, 5 * M, 30 * M, 5 * M]
    assert typical_service_time(recent, 15 * M) == 5 * M  # median: one slow citizen does not skew it
    assert typical_service_time(recent[:4], 15 * M) == 15 * M
    assert typical_service_time([], None) == FALLBACK


@pytest.mark.parametrize(
    ("ahead", "servers", "typical", "expected"),
    [
        (0, 0.0, 10 * M, timedelta(0)),  # nobody ahead: served at once, even before counters open
        (1, 1.0, 7 * M, 10 * M),  # rounded up to 5 minutes
        (4, 2.0, 10 * M, 20 * M),
        (5, 2.0, 10 * M, 30 * M),  # three rounds of two counters
        (3, 0.5, 10 * M, 60 * M),
        (3, 0.0, 10 * M, None),
    ],
)
def test_estimated_wait(ahead: int, servers: float, typical: timedelta, expected: timedelta | None) -> None:
    assert estimated_wait(ahead, servers, typical) == expected


def test_negative_people_ahead_is_a_bug() -> None:
    with pytest.raises(ValueError):
        estimated_wait(-1, 1.0, M)


@pytest.mark.parametrize(
    ("wait", "words"),
    [
        (None, "menunggu loket dibuka"),
        (timedelta(0), "segera dilayani"),
        (15 * M, "sekitar 15 menit"),
        (60 * M, "sekitar 1 jam"),
        (95 * M, "sekitar 1 jam 35 menit"),
    ],
)
def test_words(wait: timedelta | None, words: str) -> None:
    assert describe_wait(wait) == words
