"""Clocks, service days in the office's zone, and a ticket's derived times."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from antrian import words
from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message
from antrian.domain.timing import (
    FixedClock,
    TimeUnit,
    office_zone,
    parse_unit,
    require_utc,
    service_day,
    service_time,
    standard_words,
    stay_time,
    system_clock,
    waiting_time,
    walk_time,
)
from tests.helpers import raises_code

START = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
WIB = timezone(timedelta(hours=7))


def test_fixed_clock_returns_its_instant_until_moved() -> None:
    clock = FixedClock(START)
    assert clock() == START
    assert clock() == START


def test_fixed_clock_advance() -> None:
    clock = FixedClock(START)
    assert clock.advance(minutes=5) == START + timedelta(minutes=5)
    assert clock() == START + timedelta(minutes=5)
    clock.advance(seconds=0.5)
    assert clock() == START + timedelta(minutes=5, seconds=0.5)
    clock.advance(days=1, hours=2)
    assert clock() == START + timedelta(days=1, hours=2, minutes=5, seconds=0.5)
    clock.advance(minutes=-10)
    assert clock() == START + timedelta(days=1, hours=1, minutes=55, seconds=0.5)


def test_fixed_clock_stores_utc() -> None:
    clock = FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=WIB))
    assert clock() == START
    assert clock().tzinfo is UTC


def test_fixed_clock_rejects_naive() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2026, 11, 30, 9, 0))


def test_system_clock_is_aware_utc_and_current() -> None:
    before = datetime.now(UTC)
    now = system_clock()
    after = datetime.now(UTC)
    assert now.tzinfo is UTC
    assert before <= now <= after


def test_require_utc_rejects_naive() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        require_utc(datetime(2026, 11, 30, 2, 0))


@pytest.mark.parametrize(
    "instant",
    [
        START,
        datetime(2026, 11, 30, 9, 0, tzinfo=WIB),
        datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
        datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Makassar")),
        datetime(2026, 11, 30, 11, 0, tzinfo=ZoneInfo("Asia/Jayapura")),
    ],
)
def test_require_utc_converts_same_instant(instant: datetime) -> None:
    converted = require_utc(instant)
    assert converted.tzinfo is UTC
    assert converted == START
    assert (converted.hour, converted.minute) == (2, 0)


@pytest.mark.parametrize(
    ("zone_name", "instant", "day"),
    [
        ("Asia/Makassar", datetime(2026, 11, 30, 15, 59, 59, tzinfo=UTC), date(2026, 11, 30)),
        ("Asia/Makassar", datetime(2026, 11, 30, 16, 0, 0, tzinfo=UTC), date(2026, 12, 1)),
        ("Asia/Makassar", datetime(2026, 11, 29, 16, 0, 0, tzinfo=UTC), date(2026, 11, 30)),
        ("Asia/Jakarta", datetime(2026, 11, 30, 16, 59, 59, tzinfo=UTC), date(2026, 11, 30)),
        ("Asia/Jakarta", datetime(2026, 11, 30, 17, 0, 0, tzinfo=UTC), date(2026, 12, 1)),
        ("Asia/Jayapura", datetime(2026, 11, 30, 14, 59, 59, tzinfo=UTC), date(2026, 11, 30)),
        ("Asia/Jayapura", datetime(2026, 11, 30, 15, 0, 0, tzinfo=UTC), date(2026, 12, 1)),
        ("Asia/Makassar", datetime(2026, 12, 31, 16, 0, 0, tzinfo=UTC), date(2027, 1, 1)),
        ("UTC", datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC), date(2026, 11, 30)),
    ],
)
def test_service_day_across_local_midnight(zone_name: str, instant: datetime, day: date) -> None:
    assert service_day(instant, office_zone(zone_name)) == day


def test_service_day_does_not_depend_on_the_instant_zone() -> None:
    makassar = office_zone("Asia/Makassar")
    # 23:30 on 30 Nov in Jakarta is 00:30 on 1 Dec in Makassar.
    assert service_day(datetime(2026, 11, 30, 23, 30, tzinfo=WIB), makassar) == date(2026, 12, 1)
    assert service_day(datetime(2026, 11, 30, 23, 30, tzinfo=WIB), office_zone("Asia/Jakarta")) == date(
        2026, 11, 30
    )


def test_service_day_rejects_naive() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        service_day(datetime(2026, 11, 30, 12, 0), office_zone("Asia/Makassar"))


@pytest.mark.parametrize(("name", "hours"), [("Asia/Jakarta", 7), ("Asia/Makassar", 8), ("Asia/Jayapura", 9)])
def test_office_zone_known_names(name: str, hours: int) -> None:
    zone = office_zone(name)
    assert zone.key == name
    assert zone.utcoffset(datetime(2026, 11, 30, 12, 0)) == timedelta(hours=hours)


@pytest.mark.parametrize(
    "name",
    [
        "Mars/Olympus",
        "Asia/Banjarmasin",
        "WITA",
        "",
        "Asia/",
        "../etc/passwd",
        "/etc/localtime",
        "Asia/Jakarta ",
    ],
)
def test_office_zone_unknown_name_is_invalid_input_naming_it(name: str) -> None:
    with raises_code(InvalidInput, "office.timezone_unknown", zone=name):
        office_zone(name)


@pytest.mark.parametrize("name", ["Asia", "America"])
def test_office_zone_directory_name_is_invalid_input(name: str) -> None:
    with raises_code(InvalidInput, "office.timezone_unknown", zone=name):
        office_zone(name)


ISSUED = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
CALLED = ISSUED + timedelta(minutes=12)
STARTED = CALLED + timedelta(minutes=1, seconds=30)
FINISHED = STARTED + timedelta(minutes=8)


def test_derived_times() -> None:
    assert waiting_time(ISSUED, CALLED) == timedelta(minutes=12)
    assert walk_time(CALLED, STARTED) == timedelta(minutes=1, seconds=30)
    assert service_time(STARTED, FINISHED) == timedelta(minutes=8)
    assert stay_time(ISSUED, FINISHED) == timedelta(minutes=21, seconds=30)


def test_stay_is_the_sum_of_the_parts() -> None:
    parts = [waiting_time(ISSUED, CALLED), walk_time(CALLED, STARTED), service_time(STARTED, FINISHED)]
    assert sum((p for p in parts if p is not None), timedelta()) == stay_time(ISSUED, FINISHED)


def test_derived_times_across_zones_use_instants() -> None:
    issued_local = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    called_utc = datetime(2026, 11, 30, 2, 5, tzinfo=UTC)
    assert waiting_time(issued_local, called_utc) == timedelta(minutes=5)


@pytest.mark.parametrize("function", [waiting_time, walk_time, service_time, stay_time])
def test_derived_time_is_none_while_an_instant_is_missing(function) -> None:  # type: ignore[no-untyped-def]
    assert function(None, FINISHED) is None
    assert function(ISSUED, None) is None
    assert function(None, None) is None
    assert function(ISSUED, ISSUED) == timedelta(0)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("minutes", TimeUnit.MINUTES), ("hours", TimeUnit.HOURS), ("working_days", TimeUnit.WORKING_DAYS)],
)
def test_parse_unit(text: str, unit: TimeUnit) -> None:
    assert parse_unit(text) is unit


@pytest.mark.parametrize("text", ["", "menit", "jam", "days", "working days", "minute"])
def test_parse_unit_invalid_names_input_and_choices(text: str) -> None:
    with raises_code(InvalidInput, "time_unit.unknown", unit=text) as caught:
        parse_unit(text)
    assert caught.value.params["choices"] == ["minutes", "hours", "working_days"]
    assert words.say(caught.value, lang="en") == (
        f'Unknown time unit "{text}"; use one of: minutes, hours, working_days'
    )
    assert words.say(caught.value, lang="id") == (
        f'Satuan waktu "{text}" tidak dikenal; pilih salah satu: minutes, hours, working_days'
    )


@pytest.mark.parametrize(
    ("value", "unit", "indonesian", "english"),
    [
        (15, "minutes", "15 menit", "15 minutes"),
        (1, "minutes", "1 menit", "1 minute"),
        (1, "hours", "1 jam", "1 hour"),
        (2, "hours", "2 jam", "2 hours"),
        (1, "working_days", "1 hari kerja", "1 working day"),
        (3, "working_days", "3 hari kerja", "3 working days"),
        (1500, "minutes", "1.500 menit", "1,500 minutes"),
    ],
)
def test_standard_words(value: int, unit: str, indonesian: str, english: str) -> None:
    message = standard_words(value, unit)
    assert message == Message(f"standard.{unit}", n=value)
    assert words.say(message, lang="id") == indonesian
    assert words.say(message, lang="en") == english
