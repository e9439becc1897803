"""The words a person reads, in their language: one catalogue per language, made from codes and parameters.

Errors and other messages (``antrian.domain.messages.Message``) carry a stable code and parameters; this
module is the one place that turns them into a sentence, for the CLI and for every window (whose own labels
and buttons go through Qt's translator, ``antrian.gui.i18n``). The catalogues are package data: the folder
``id/`` (Bahasa Indonesia, KBBI spelling, the default) and ``en/`` (English), one TOML file per subject in
each, with the same keys and the same placeholders (tested). An entry is a ``str.format`` template, or a
table ``{one = ..., other = ...}`` chosen by the parameter ``n``.

Parameters are shown by the language's conventions: dates as "Senin, 30 November 2026" / "Monday,
30 November 2026", times on the 24-hour clock, durations in words, whole numbers grouped (1.234 / 1,234;
``{x:raw}`` for an identifier), decimals with the language's separator, lists joined with commas, a nested
``Message`` or ``AntrianError`` said in full. The language is chosen per PC (``antrian.config``, ``--lang``,
``ANTRIAN_LANG``) with ``set_language``.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import cache
from importlib.resources import files
from typing import Any

from antrian.domain.echo import shorten
from antrian.domain.errors import AntrianError, InvalidInput
from antrian.domain.messages import Message

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
ENV_LANGUAGE = "ANTRIAN_LANG"
ECHO_LIMIT = 160

_current = DEFAULT_LANGUAGE


def set_language(code: str) -> str:
    """Make ``code`` ("id" or "en") the language of every sentence from now on; returns it."""
    global _current
    wanted = code.strip().lower()
    if wanted not in LANGUAGES:
        raise InvalidInput("language.unknown", language=code, choices=list(LANGUAGES))
    _current = wanted
    return wanted


def language() -> str:
    return _current


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """Every entry of one language's catalogue by its dotted code (read once from the package)."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, table: Mapping[str, Any], source: str) -> None:
        for key, value in table.items():
            code = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict) and not _is_plural(value):
                walk(code, value, source)
            elif code in flat:
                raise ValueError(f"{lang}/{source} repeats {code}")
            else:
                flat[code] = value

    folder = files(__name__).joinpath(lang)
    for part in sorted(folder.iterdir(), key=lambda p: p.name):
        if part.name.endswith(".toml"):
            walk("", tomllib.loads(part.read_text(encoding="utf-8")), part.name)
    return flat


def _is_plural(value: Mapping[str, Any]) -> bool:
    return "other" in value and set(value) <= {"one", "other"}


def has(code: str, lang: str | None = None) -> bool:
    return code in catalogue(lang or _current)


def say(what: Message | AntrianError, /, *, lang: str | None = None) -> str:
    """The sentence for a message or an error in ``lang`` (default: the current language)."""
    message = what.message if isinstance(what, AntrianError) else what
    return _render(message.code, message.params, lang or _current)


def text(code: str, /, **params: Any) -> str:
    """Shorthand: the sentence for ``code`` with ``params`` in the current language."""
    return _render(code, params, _current)


def _render(code: str, params: Mapping[str, Any], lang: str) -> str:
    entry = catalogue(lang).get(code)
    if entry is None:
        # a missing entry is a bug the catalogue tests catch; never leave the reader with nothing
        log.error("no %s words for %s", lang, code)
        return Message(code, **params).describe()
    if isinstance(entry, dict):
        count = params.get("n", 0)
        entry = entry["one"] if count == 1 and "one" in entry else entry["other"]
    if not isinstance(entry, str):
        raise TypeError(f"catalogue entry {code} is not a sentence")
    try:
        return entry.format(**{key: _Local(value, lang) for key, value in params.items()})
    except (KeyError, IndexError, ValueError) as error:
        log.error("%s words for %s do not fit its parameters (%s)", lang, code, error)
        return Message(code, **params).describe()


class _Local:
    """A parameter that formats itself by the conventions of one language."""

    __slots__ = ("lang", "value")

    def __init__(self, value: Any, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        return show(self.value, spec, lang=self.lang)


def show(value: Any, spec: str = "", *, lang: str | None = None) -> str:
    """One value as a reader of ``lang`` expects it (see the module's notes)."""
    lang = lang or _current
    if isinstance(value, Message | AntrianError):
        return say(value, lang=lang)
    if value is None:
        return "-"
    if isinstance(value, bool):
        return _render("common.yes" if value else "common.no", {}, lang)
    if isinstance(value, Enum):
        code = f"enum.{type(value).__name__}.{value.name.lower()}"
        return _render(code, {}, lang) if has(code, lang) else str(value.value)
    if isinstance(value, int):
        if spec == "day":
            return day_name(value, lang=lang)
        return str(value) if spec == "raw" else number(value, lang=lang)
    if isinstance(value, float):
        return number(value, decimals=int(spec.lstrip(".").rstrip("f") or 1), lang=lang)
    if isinstance(value, datetime):
        if spec == "time":
            return clock_time(value)
        if spec == "date":
            return long_date(value, lang=lang)
        return f"{long_date(value, lang=lang)} {clock_time(value)}"
    if isinstance(value, date):
        return long_date(value, lang=lang)
    if isinstance(value, time):
        return clock_time(value)
    if isinstance(value, timedelta):
        return duration(value, lang=lang)
    if isinstance(value, str):
        return format(echo(value), spec)
    if isinstance(value, Iterable):
        return ", ".join(show(item, spec, lang=lang) for item in value)
    return format(value, spec)


def echo(text: str, limit: int = ECHO_LIMIT) -> str:
    """Text to repeat in one line (``domain.echo.shorten``): control characters shown as escapes, and long
    text (a 100,000-character argument) cut in the middle, keeping its start and its end."""
    return shorten(text, limit)


def number(value: float, *, decimals: int = 0, lang: str | None = None) -> str:
    """1.234 / 1,234; 12,5 / 12.5 (Indonesian groups with dots and writes decimals with a comma)."""
    shown = f"{value:,.{decimals}f}" if isinstance(value, float) or decimals else f"{value:,}"
    if (lang or _current) == "id":
        shown = shown.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return shown


def clock_time(value: time | datetime) -> str:
    """The 24-hour clock, hours and minutes, as both languages write it: 09:05, 14:30."""
    return f"{value:%H:%M}"


def day_name(isoweekday: int, *, lang: str | None = None) -> str:
    names = catalogue(lang or _current)["calendar.days"]
    return str(names[isoweekday - 1])


def month_name(month: int, *, lang: str | None = None) -> str:
    names = catalogue(lang or _current)["calendar.months"]
    return str(names[month - 1])


def long_date(day: date, *, lang: str | None = None) -> str:
    """Senin, 30 November 2026 / Monday, 30 November 2026."""
    lang = lang or _current
    return f"{day_name(day.isoweekday(), lang=lang)}, {day.day} {month_name(day.month, lang=lang)} {day.year}"


def duration(span: timedelta, *, lang: str | None = None) -> str:
    """A span in whole minutes, in words: 15 menit, 1 jam 5 menit / 15 minutes, 1 hour 5 minutes."""
    lang = lang or _current
    minutes = max(0, int(span.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _render("duration.minutes", {"n": rest}, lang)
    said = _render("duration.hours", {"n": hours}, lang)
    return f"{said} {_render('duration.minutes', {'n': rest}, lang)}" if rest else said


def describe(what: Message | AntrianError) -> str:
    """English words for the log (staff and support read it in one language), with the code."""
    message = what.message if isinstance(what, AntrianError) else what
    return f"{say(message, lang='en')} [{message.code}]"
