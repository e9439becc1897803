"""Clocks, service days and the derived times of a ticket.

waiting = first called - issued; walk = started - first called; service = finished - started;
stay = finished - issued. A derived time is None while either instant is missing.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current instant, in UTC."""
    return datetime.now(UTC)


class FixedClock:
    """A clock for tests: returns a set instant until moved."""

    def __init__(self, now: datetime) -> None:
        self.now = require_utc(now)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def require_utc(instant: datetime) -> datetime:
    """Return ``instant`` in UTC; a naive datetime is a programming error."""
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return instant.astimezone(UTC)


def office_zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name such as "Asia/Makassar"."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a zone folder such as "Asia"
        raise InvalidInput("office.timezone_unknown", zone=name) from None


def service_day(instant: datetime, zone: ZoneInfo) -> date:
    """The office's local date at ``instant``: numbering restarts when it changes."""
    return require_utc(instant).astimezone(zone).date()


def day_end(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant the office-local service ``day`` ends (the next local midnight)."""
    return datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC)


def _between(start: datetime | None, end: datetime | None) -> timedelta | None:
    return None if start is None or end is None else end - start


def waiting_time(issued: datetime | None, first_called: datetime | None) -> timedelta | None:
    return _between(issued, first_called)


def walk_time(first_called: datetime | None, started: datetime | None) -> timedelta | None:
    return _between(first_called, started)


def service_time(started: datetime | None, finished: datetime | None) -> timedelta | None:
    return _between(started, finished)


def stay_time(issued: datetime | None, finished: datetime | None) -> timedelta | None:
    return _between(issued, finished)


class TimeUnit(StrEnum):
    """Units an office publishes its standard service time (jangka waktu pelayanan) in."""

    MINUTES = "minutes"
    HOURS = "hours"
    WORKING_DAYS = "working_days"


def parse_unit(text: str) -> TimeUnit:
    try:
        return TimeUnit(text)
    except ValueError:
        raise InvalidInput(
            "time_unit.unknown", unit=text, choices=[unit.value for unit in TimeUnit]
        ) from None


def standard_words(value: int, unit: str) -> Message:
    """A published standard time as words: ``standard.minutes`` / ``standard.hours`` /
    ``standard.working_days`` with ``n`` = the value ("15 menit", "3 hari kerja")."""
    return Message(f"standard.{TimeUnit(unit).value}", n=value)
