"""The wait estimate's arithmetic, with every expected range worked out by hand in the comments."""

from datetime import timedelta

import pytest

from antrian import words
from antrian.domain.estimate import ServiceTimes, estimate_wait, line_ahead, nearest_rank, service_times
from antrian.domain.messages import Message

M = timedelta(minutes=1)
# Eight sittings, sorted 4 5 5 6 8 10 12 30: Q1 = rank ceil(2) = 5, median = rank 4 = 6, Q3 = rank 6 = 10.
SITTINGS = [m * M for m in (8, 30, 5, 4, 12, 6, 10, 5)]
MEASURED = ServiceTimes(5 * M, 6 * M, 10 * M, measured=True)
STANDARD_15 = ServiceTimes(15 * M, 15 * M, 15 * M, measured=False)


def test_line_is_everyone_waiting_for_the_counters_services() -> None:
    counters = [frozenset("AB"), frozenset("A"), frozenset("C")]
    waiting = {"A": 6, "B": 2, "C": 5, "D": 4}
    assert line_ahead("B", counters, waiting) == 8  # the A+B counter calls the oldest of A and B
    assert line_ahead("C", counters, waiting) == 5
    assert line_ahead("D", counters, waiting) == 4  # no open counter: its own queue


def test_quartiles_of_todays_sittings_then_the_standard_then_nothing() -> None:
    assert service_times(SITTINGS, 15 * M) == MEASURED  # one slow citizen (30) moves no quartile
    # five sittings, sorted 4 5 5 6 30: ranks ceil(1.25) = 2, ceil(2.5) = 3, ceil(3.75) = 4
    five = [m * M for m in (4, 6, 5, 30, 5)]
    assert service_times(five, 15 * M) == ServiceTimes(5 * M, 5 * M, 6 * M, measured=True)
    assert service_times(SITTINGS[:4], 15 * M) == STANDARD_15  # four are not enough: the standard
    assert service_times(SITTINGS[:4], None) is None  # a standard in working days: nothing to go on
    assert nearest_rank([M], 25) == nearest_rank([M], 75) == M


@pytest.mark.parametrize(
    ("ahead", "counters", "idle", "times", "expected"),
    [
        # no open counter: no estimate, even with nobody ahead
        (0, 0, 0, MEASURED, Message("estimate.no_counter")),
        (5, 0, 0, STANDARD_15, Message("estimate.no_counter")),
        (0, 0, 0, None, Message("estimate.no_counter")),
        # nobody ahead and a counter free: called at once, whatever is known of the times
        (0, 1, 1, MEASURED, Message("estimate.now")),
        (0, 3, 1, None, Message("estimate.now")),
        # 4 ahead, 2 busy counters: 5 calls, 2.5 rounds; 2.5 x 6 = 15 -/+ 2.5 x sqrt(2.5) = 3.95 -> 10-20
        (4, 2, 0, MEASURED, Message("estimate.range", low=10, high=20)),
        # 3 ahead, 1 of 2 counters idle: 3 calls, 1.5 rounds; 9 -/+ 2.5 x 1.22 = 3.06 -> 5.9-12.1 -> 5-15
        (3, 2, 1, MEASURED, Message("estimate.range", low=5, high=15)),
        # nobody ahead but the only counter busy: 1 round, 6 -/+ 2.5 -> 3.5-8.5 -> 0-10
        (0, 1, 0, MEASURED, Message("estimate.at_most", wait=10 * M)),
        # one ahead and both counters idle: never "segera"; 0.5 rounds, 3 -/+ 1.77 -> 0-5
        (1, 2, 2, MEASURED, Message("estimate.at_most", wait=5 * M)),
        # 39 ahead, 2 counters: 20 rounds, 120 -/+ 2.5 x 4.47 = 11.2 -> 108.8-131.2 -> 105-135
        (39, 2, 0, MEASURED, Message("estimate.range", low=105, high=135)),
        # 59 ahead: 30 rounds, 180 -/+ 13.7 -> 165-195 straddles 3 hours: nothing
        (59, 2, 0, MEASURED, Message("estimate.unknown")),
        # 69 ahead: 35 rounds, 210 -/+ 14.8 -> 195-225: all of it past 3 hours
        (69, 2, 0, MEASURED, Message("estimate.beyond", wait=timedelta(hours=3))),
        # quartiles 2, 20, 60: 3 ahead, 1 counter, 4 rounds: 80 -/+ 29 x 2 -> 20-140, wider than an hour
        (3, 1, 0, ServiceTimes(2 * M, 20 * M, 60 * M, True), Message("estimate.unknown")),
        # every sitting 10 minutes: 1 ahead, 1 counter, 2 rounds, 20 -/+ 0
        (1, 1, 0, ServiceTimes(10 * M, 10 * M, 10 * M, True), Message("estimate.about", wait=20 * M)),
        # sittings of no time at all still never promise "segera" to someone with people ahead
        (2, 1, 0, ServiceTimes(0 * M, 0 * M, 0 * M, True), Message("estimate.at_most", wait=5 * M)),
        # only the standard, an upper bound: ceil(rounds) x 15 minutes
        (0, 1, 0, STANDARD_15, Message("estimate.at_most", wait=15 * M)),
        (4, 2, 0, STANDARD_15, Message("estimate.at_most", wait=45 * M)),  # 2.5 rounds -> 3 x 15
        (4, 2, 1, STANDARD_15, Message("estimate.at_most", wait=30 * M)),  # 4 calls, 2 rounds
        (1, 1, 0, ServiceTimes(7 * M, 7 * M, 7 * M, False), Message("estimate.at_most", wait=15 * M)),  # 14
        (2, 1, 0, ServiceTimes(60 * M, 60 * M, 60 * M, False), Message("estimate.at_most", wait=180 * M)),
        (3, 1, 0, ServiceTimes(60 * M, 60 * M, 60 * M, False), Message("estimate.unknown")),  # 4 hours
        # neither measurements nor a standard in minutes or hours
        (2, 1, 0, None, Message("estimate.unknown")),
        (0, 1, 0, None, Message("estimate.unknown")),
    ],
)
def test_estimate(
    ahead: int, counters: int, idle: int, times: ServiceTimes | None, expected: Message
) -> None:
    assert estimate_wait(ahead, counters, idle, times) == expected


@pytest.mark.parametrize(("ahead", "counters", "idle"), [(-1, 1, 0), (0, 1, 2), (0, 1, -1)])
def test_an_impossible_queue_is_a_bug(ahead: int, counters: int, idle: int) -> None:
    with pytest.raises(ValueError):
        estimate_wait(ahead, counters, idle, MEASURED)


@pytest.mark.parametrize(
    ("message", "indonesian", "english"),
    [
        (Message("estimate.no_counter"), "belum ada loket buka", "no counter is open yet"),
        (Message("estimate.now"), "segera dilayani", "served shortly"),
        (Message("estimate.range", low=10, high=20), "sekitar 10-20 menit", "about 10-20 minutes"),
        (Message("estimate.range", low=105, high=135), "sekitar 105-135 menit", "about 105-135 minutes"),
        (Message("estimate.about", wait=20 * M), "sekitar 20 menit", "about 20 minutes"),
        (
            Message("estimate.at_most", wait=45 * M),
            "paling lama sekitar 45 menit",
            "at most about 45 minutes",
        ),
        (
            Message("estimate.at_most", wait=95 * M),
            "paling lama sekitar 1 jam 35 menit",
            "at most about 1 hour 35 minutes",
        ),
        (Message("estimate.beyond", wait=180 * M), "lebih dari 3 jam", "more than 3 hours"),
        (Message("estimate.unknown"), "belum dapat diperkirakan", "cannot be estimated yet"),
    ],
)
def test_words(message: Message, indonesian: str, english: str) -> None:
    assert words.say(message, lang="id") == indonesian
    assert words.say(message, lang="en") == english
