"""A display or kiosk for one zone of the office: the counters it shows, as an admin writes them ("1-10,12"),
and the codes of the zones (agencies of a Mal Pelayanan Publik) it is limited to."""

from __future__ import annotations

import re

from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput

ZONE_CODE_LIMIT = 16  # store.models.Zone.code
_ZONE_CODE = re.compile(rf"[A-Z0-9][A-Z0-9_-]{{0,{ZONE_CODE_LIMIT - 1}}}")
# The highest counter number a display can list: as the admin window's and the set-up wizard's counter forms
# (an MPP numbers its counters past 99).
LAST_COUNTER = 999


def parse_counters(text: str, *, option: str) -> frozenset[int]:
    """The counters a display shows, written "1-10,12": numbers and ranges from 1 to ``LAST_COUNTER``,
    separated by commas; anything else is ``InvalidInput`` naming ``option``."""
    chosen: set[int] = set()
    for part in text.replace(" ", "").split(","):
        found = re.fullmatch(r"(\d{1,3})(?:-(\d{1,3}))?", part)
        low, high = (int(found[1]), int(found[2] or found[1])) if found else (0, 0)
        if not 1 <= low <= high <= LAST_COUNTER:
            raise InvalidInput("display.counters", option=option, value=shorten(text), last=LAST_COUNTER)
        chosen.update(range(low, high + 1))
    return frozenset(chosen)


def zone_code(text: str) -> str:
    """A zone's code as stored: upper case, 1-16 letters, digits, "-" or "_", starting with a letter or
    digit ("dukcapil" is DUKCAPIL); anything else is ``InvalidInput`` naming it."""
    code = text.strip().upper()
    if not _ZONE_CODE.fullmatch(code):
        raise InvalidInput("zone.code_invalid", zone=shorten(text), limit=ZONE_CODE_LIMIT)
    return code
