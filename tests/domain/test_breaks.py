"""Holidays and breaks in ``closed_reason``, and when two breaks overlap (plain values, no database)."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from antrian.domain.hours import Break, DayCalendar, closed_reason, overlapping
from antrian.domain.messages import Message

JAKARTA = ZoneInfo("Asia/Jakarta")
PRAYERS = Break(5, time(11, 30), time(13), "Salat Jumat")
FRIDAY = DayCalendar(None, (PRAYERS,))


def friday(hour: int, minute: int = 0, second: int = 0) -> datetime:
    """Friday 4 December 2026, office-local."""
    return datetime(2026, 12, 4, hour, minute, second, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    ("local", "reason"),
    [
        (friday(11, 29, 59), None),
        (friday(11, 30), Message("hours.on_break", name="Salat Jumat", until=time(13))),
        (friday(12, 59, 59), Message("hours.on_break", name="Salat Jumat", until=time(13))),
        (friday(13), None),  # the end is open again
    ],
)
def test_a_break_closes_from_its_start_up_to_its_end(local: datetime, reason: Message | None) -> None:
    assert closed_reason(time(8), time(15), "12345", local, FRIDAY) == reason


def test_a_holiday_is_said_before_anything_else() -> None:
    holiday = DayCalendar("Hari Raya Natal", (PRAYERS,))
    expected = Message("hours.holiday", name="Hari Raya Natal")
    for local in (friday(7), friday(12), friday(16)):
        assert closed_reason(time(8), time(15), "12345", local, holiday) == expected
    assert closed_reason(None, None, "67", friday(12), holiday) == expected  # not even an open day


def test_hours_come_before_a_break_that_runs_past_them() -> None:
    late = DayCalendar(None, (Break(5, time(14), time(16), "Rapat"),))
    assert closed_reason(time(8), time(15), "12345", friday(15, 30), late) == Message(
        "hours.closed_since", closes=time(15)
    )


@pytest.mark.parametrize(
    ("other", "overlaps"),
    [
        (Break(5, time(11), time(11, 30), "Istirahat"), False),  # ends as the prayers start
        (Break(5, time(13), time(14), "Istirahat"), False),  # starts as they end
        (Break(5, time(11), time(11, 31), "Istirahat"), True),
        (Break(5, time(12), time(12, 30), "Istirahat"), True),  # inside
        (Break(5, time(11), time(14), "Istirahat"), True),  # around
        (Break(4, time(12), time(12, 30), "Istirahat"), False),  # another day
    ],
)
def test_overlap(other: Break, overlaps: bool) -> None:
    assert other.overlaps(PRAYERS) is overlaps and PRAYERS.overlaps(other) is overlaps
    assert overlapping(other, [PRAYERS]) == (PRAYERS if overlaps else None)
