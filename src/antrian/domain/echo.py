"""What a message repeats of a person's input: short, on one line, and printable.

Input can be anything: a path of 100,000 characters, a service code with a NUL byte, a pasted line break.
An error that names it must still be one short line, so parameters that echo input go through ``shorten``.
"""

from __future__ import annotations

ECHO_LIMIT = 60


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` with control characters shown as escapes and, when longer than ``limit``, its middle cut out.

    The middle goes, not the end: a long path keeps its folder's start and its file name.
    """
    shown = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    if len(shown) <= limit:
        return shown
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return f"{shown[:head]}…{shown[len(shown) - tail :]}"
