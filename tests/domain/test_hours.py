"""Opening hours: why a service is closed at an office-local instant."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from antrian import words
from antrian.domain.hours import closed_reason
from antrian.domain.messages import Message

OPENS, CLOSES = time(8, 0), time(15, 0)
WEEKDAYS = "12345"
JAKARTA = ZoneInfo("Asia/Jakarta")


def opens(at: time) -> Message:
    return Message("hours.not_yet_open", opens=at)


def closed_since(at: time) -> Message:
    return Message("hours.closed_since", closes=at)


def closed_on(isoweekday: int) -> Message:
    return Message("hours.closed_day", weekday=isoweekday)


def monday(hour: int, minute: int = 0, second: int = 0) -> datetime:
    """Monday 30 November 2026, office-local."""
    return datetime(2026, 11, 30, hour, minute, second, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    "local",
    [monday(8, 0), monday(8, 0, 1), monday(10, 30), monday(12, 0), monday(14, 59, 59)],
)
def test_open_during_hours(local: datetime) -> None:
    assert closed_reason(OPENS, CLOSES, WEEKDAYS, local) is None


@pytest.mark.parametrize("local", [monday(0, 0), monday(7, 0), monday(7, 59, 59)])
def test_before_opening(local: datetime) -> None:
    assert closed_reason(OPENS, CLOSES, WEEKDAYS, local) == opens(OPENS)


@pytest.mark.parametrize("local", [monday(15, 0), monday(15, 0, 1), monday(16, 0), monday(23, 59, 59)])
def test_at_and_after_closing_time(local: datetime) -> None:
    assert closed_reason(OPENS, CLOSES, WEEKDAYS, local) == closed_since(CLOSES)


def test_times_with_minutes_are_shown_as_hh_mm() -> None:
    early = closed_reason(time(7, 30), time(16, 5), WEEKDAYS, monday(7, 0))
    late = closed_reason(time(7, 30), time(16, 5), WEEKDAYS, monday(16, 5))
    assert early == opens(time(7, 30)) and late == closed_since(time(16, 5))
    assert (words.say(early, lang="id"), words.say(late, lang="id")) == (
        "buka pukul 07:30",
        "tutup sejak pukul 16:05",
    )
    assert (words.say(early, lang="en"), words.say(late, lang="en")) == (
        "opens at 07:30",
        "closed since 16:05",
    )


def test_naive_local_time_works_the_same() -> None:
    naive = monday(7, 0).replace(tzinfo=None)
    assert closed_reason(OPENS, CLOSES, WEEKDAYS, naive) == opens(OPENS)


@pytest.mark.parametrize(
    ("offset", "indonesian", "english"),
    [(5, "tutup hari Sabtu", "closed on Saturday"), (6, "tutup hari Minggu", "closed on Sunday")],
)
def test_closed_weekend_day_is_named(offset: int, indonesian: str, english: str) -> None:
    local = monday(10) + timedelta(days=offset)
    reason = closed_reason(OPENS, CLOSES, WEEKDAYS, local)
    assert reason == closed_on(local.isoweekday())
    assert words.say(reason, lang="id") == indonesian
    assert words.say(reason, lang="en") == english


def test_closed_day_wins_over_hours() -> None:
    sunday_early = monday(6) + timedelta(days=6)
    assert closed_reason(OPENS, CLOSES, WEEKDAYS, sunday_early) == closed_on(7)


def test_day_names_monday_to_sunday() -> None:
    reasons = [closed_reason(None, None, "", monday(10) + timedelta(days=i)) for i in range(7)]
    assert reasons == [closed_on(day) for day in range(1, 8)]
    said = [words.say(reason, lang="id") for reason in reasons if reason is not None]
    assert said == [
        f"tutup hari {day}" for day in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    ]


@pytest.mark.parametrize("open_days", ["1234567", "7", "67"])
def test_sunday_open_when_listed(open_days: str) -> None:
    sunday = monday(10) + timedelta(days=6)
    assert closed_reason(OPENS, CLOSES, open_days, sunday) is None


def test_only_listed_weekdays_open() -> None:
    reasons = [closed_reason(None, None, "135", monday(10) + timedelta(days=i)) for i in range(7)]
    assert reasons == [None, closed_on(2), None, closed_on(4), None, closed_on(6), closed_on(7)]


@pytest.mark.parametrize("local", [monday(0, 0), monday(12, 0), monday(23, 59, 59)])
def test_no_bounds_means_open_all_day(local: datetime) -> None:
    assert closed_reason(None, None, WEEKDAYS, local) is None


def test_no_opening_bound() -> None:
    assert closed_reason(None, CLOSES, WEEKDAYS, monday(0, 0)) is None
    assert closed_reason(None, CLOSES, WEEKDAYS, monday(15, 0)) == closed_since(CLOSES)


def test_no_closing_bound() -> None:
    assert closed_reason(OPENS, None, WEEKDAYS, monday(23, 59, 59)) is None
    assert closed_reason(OPENS, None, WEEKDAYS, monday(7, 59)) == opens(OPENS)
