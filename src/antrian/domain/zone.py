"""A display for one zone of the office: the counters it shows, as an admin writes them ("1-10,12")."""

from __future__ import annotations

import re

from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput

LAST_COUNTER = 99  # the highest counter number an office can have (``antrian demo-data --counters``)


def parse_counters(text: str, *, option: str) -> frozenset[int]:
    """The counters a display shows, written "1-10,12": numbers and ranges from 1 to ``LAST_COUNTER``,
    separated by commas; anything else is ``InvalidInput`` naming ``option``."""
    chosen: set[int] = set()
    for part in text.replace(" ", "").split(","):
        found = re.fullmatch(r"(\d{1,2})(?:-(\d{1,2}))?", part)
        low, high = (int(found[1]), int(found[2] or found[1])) if found else (0, 0)
        if not 1 <= low <= high <= LAST_COUNTER:
            raise InvalidInput("display.counters", option=option, value=shorten(text), last=LAST_COUNTER)
        chosen.update(range(low, high + 1))
    return frozenset(chosen)
