"""What an option takes: the limits of numbers and texts, and the argparse types that check them.

Every type raises InvalidInput naming the option and repeating the input cut short (argparse passes it on):
a number beyond a column's range or a text that is too long is exit 2 with one short line, never an
overflow deep in the driver.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time

from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput

# The widest whole numbers the database holds: counter numbers are INTEGER (32 bits on PostgreSQL), ticket
# and event ids BIGINT (tests/cli check these against the models).
INT32_MAX, INT64_MAX = 2**31 - 1, 2**63 - 1
# The longest text an option takes: names and codes are short (the echo of a longer one is cut), a pause
# reason is stored in 200 characters, a printer target or a file path may be longer.
SHORT_TEXT, REASON_TEXT, TARGET_TEXT, PATH_TEXT = 60, 200, 300, 4096
DECREE_TEXT = 200  # services.standards.DECREE_LIMIT, the column's width (tests/cli checks they agree)
NAME_TEXT = 120  # services.calendar.NAME_LIMIT and the name columns' width
# --unit of a service's standard time as typed, and the unit each one is stored as (domain.timing.TimeUnit)
UNITS = {"minutes": "minutes", "hours": "hours", "working-days": "working_days"}

_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def whole(option: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else InvalidInput naming ``option``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:  # also a number of more than 4,300 digits, which int() refuses
            value = None
        if value is None or not low <= value <= high:
            raise InvalidInput("input.number_range", option=option, value=shorten(text), low=low, high=high)
        return value

    return parse


def printable(option: str, limit: int) -> Callable[[str], str]:
    """An argparse type: printable text of at most ``limit`` characters, else InvalidInput naming ``option``
    (a NUL byte or a line break never reaches the database or a message).
    """

    def parse(text: str) -> str:
        if not text.isprintable():
            raise InvalidInput("input.not_printable", option=option, value=shorten(text))
        if len(text) > limit:
            raise InvalidInput(
                "input.too_long", option=option, value=shorten(text), length=len(text), limit=limit
            )
        return text

    return parse


def counters(text: str) -> frozenset[int]:
    """An argparse type: the counters a display shows ("1-10,12"), else InvalidInput (exit 2)."""
    from antrian.domain.zone import parse_counters

    return parse_counters(text, option="--counters")


def paper_width(text: str) -> int:
    """--width: 58 or 80 (mm of thermal paper)."""
    if text.strip() not in ("58", "80"):
        raise InvalidInput("input.choice", option="--width", value=shorten(text), choices=["58", "80"])
    return int(text)


def clock_time(option: str) -> Callable[[str], time]:
    """An argparse type: a time of day as HH:MM on the 24-hour clock, else InvalidInput naming ``option``."""

    def parse(text: str) -> time:
        found = _CLOCK.fullmatch(text.strip())
        if found is None:
            raise InvalidInput("input.clock_time", option=option, value=shorten(text))
        return time(int(found[1]), int(found[2]))

    return parse


def codes(text: str) -> list[str]:
    """--services: service codes separated by commas, the counter's main service first."""
    return [code.strip() for code in text.split(",") if code.strip()]


def day(option: str, value: str) -> date:
    """A date option's YYYY-MM-DD (checked when the command runs, after the parser), else InvalidInput."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("cli.bad_date", option=option, value=value) from None
