"""What a person is told, as data: a stable code and its parameters.

The domain, the store and the services never compose a sentence. They return or raise a ``Message`` (an
error carries one), and ``antrian.words`` turns it into words in the reader's language from one catalogue
per language. A code names one situation for good ("service.closed_day"); its parameters are plain values
(text, numbers, dates, times, durations, enumerations, lists of those, or another ``Message``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Message:
    """An immutable (code, parameters) pair; equal when both are equal."""

    __slots__ = ("code", "params")

    code: str
    params: Mapping[str, Any]

    def __init__(self, code: str, /, **params: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", dict(params))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Message is immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __repr__(self) -> str:
        return f"Message({self.describe()})"

    def describe(self) -> str:
        """The code and parameters in one line, for logs and tracebacks (not for people to read)."""
        if not self.params:
            return self.code
        shown = ", ".join(f"{key}={_short(value)}" for key, value in self.params.items())
        return f"{self.code} ({shown})"


def _short(value: Any, limit: int = 80) -> str:
    text = value.describe() if isinstance(value, Message) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
