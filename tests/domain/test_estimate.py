from datetime import timedelta

import pytest

from antrian import words
from antrian.domain.estimate import (
    FALLBACK,
    describe_wait,
    estimated_wait,
    line_ahead,
    servers_for,
    typical_service_time,
)
from antrian.domain.messages import Message

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
        (0, 0.0, 10 * M, None),  # nobody ahead but no counter open: no "served shortly", no number
        (0, 1.0, 10 * M, timedelta(0)),  # nobody ahead and a counter open: served at once
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
    ("wait", "message"),
    [
        (None, Message("estimate.no_counter")),
        (timedelta(0), Message("estimate.now")),
        (timedelta(seconds=59), Message("estimate.now")),
        (M, Message("estimate.about", wait=M)),
        (15 * M, Message("estimate.about", wait=15 * M)),
        (95 * M, Message("estimate.about", wait=95 * M)),
    ],
)
def test_describe_wait(wait: timedelta | None, message: Message) -> None:
    assert describe_wait(wait) == message


@pytest.mark.parametrize(
    ("wait", "indonesian", "english"),
    [
        (None, "belum ada loket buka", "no counter is open yet"),
        (timedelta(0), "segera dilayani", "served shortly"),
        (M, "sekitar 1 menit", "about 1 minute"),
        (15 * M, "sekitar 15 menit", "about 15 minutes"),
        (60 * M, "sekitar 1 jam", "about 1 hour"),
        (95 * M, "sekitar 1 jam 35 menit", "about 1 hour 35 minutes"),
        (125 * M, "sekitar 2 jam 5 menit", "about 2 hours 5 minutes"),
    ],
)
def test_words(wait: timedelta | None, indonesian: str, english: str) -> None:
    assert words.say(describe_wait(wait), lang="id") == indonesian
    assert words.say(describe_wait(wait), lang="en") == english
