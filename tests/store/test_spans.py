"""``store.spans.microseconds_between`` on SQLite and PostgreSQL: exact whole microseconds, hand-computed.

The case SQLite's ``strftime('%s')`` got wrong: it rounds an instant to the millisecond before it counts
seconds, so 02:07:28.999537 counted as second 29 and the span came out a second too long.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import literal, select

from antrian.store.database import Database
from antrian.store.models import UTCDateTime
from antrian.store.spans import microseconds_between


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


CASES = [
    # start, end, microseconds
    ("2026-11-30 09:00:00.900000", "2026-11-30 09:00:01.100000", 200_000),
    ("2025-12-01 01:34:43.641699", "2025-12-01 02:07:28.999537", 1965 * 1_000_000 + 357_838),
    ("2025-12-01 02:22:55.999807", "2025-12-01 02:45:28.659159", 1352 * 1_000_000 + 659_352),
    ("2026-11-30 23:59:59.999999", "2026-12-01 00:00:00.000000", 1),
    ("2025-01-01 00:00:00.000001", "2026-02-01 12:00:00.000000", (396 * 86400 + 43200) * 1_000_000 - 1),
    ("2026-11-30 09:00:01.000000", "2026-11-30 09:00:00.500000", -500_000),
]


def test_spans_are_exact(db: Database) -> None:
    with db.read() as s:
        for start, end, expected in CASES:
            span = microseconds_between(literal(at(start), UTCDateTime()), literal(at(end), UTCDateTime()))
            assert s.execute(select(span)).scalar_one() == expected, (start, end)
        empty = microseconds_between(literal(None, UTCDateTime()), literal(at(CASES[0][0]), UTCDateTime()))
        assert s.execute(select(empty)).scalar_one() is None
