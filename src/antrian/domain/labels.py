"""Ticket labels: the service's code prefix plus a zero-padded sequence number."""

import re

from antrian.domain.errors import InvalidInput

DEFAULT_WIDTH = 3
_CODE = re.compile(r"[A-Z]{1,3}", re.ASCII)
_LABEL = re.compile(r"([A-Za-z]{1,3})-?([0-9]{1,6})", re.ASCII)


def validate_code(code: str) -> str:
    """Return ``code`` upper-cased if it is a valid service prefix (1-3 letters)."""
    normalised = code.strip().upper()
    if not code.strip().isascii() or not _CODE.fullmatch(normalised):
        raise InvalidInput("service.code_invalid", code=code)
    return normalised


def format_label(code: str, number: int, width: int = DEFAULT_WIDTH) -> str:
    """``format_label("A", 7)`` -> ``"A007"``; numbers wider than ``width`` are not cut."""
    if number < 1:
        raise InvalidInput("ticket.number_not_positive", number=number)
    return f"{code}{number:0{width}d}"


def parse_label(text: str) -> tuple[str, int]:
    """Split ``"A007"``, ``"a7"`` or ``"A-007"`` into ``("A", 7)``."""
    match = _LABEL.fullmatch(text.strip())
    if not match or int(match.group(2)) == 0:
        raise InvalidInput("ticket.label_invalid", text=text)
    return match.group(1).upper(), int(match.group(2))
