"""Every store and input code raised has its words in both languages, with the same placeholders, on one
line; what the store raises names its parameters as the words use them."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from antrian import words
from antrian.domain.errors import StoreError

SRC = Path(__file__).resolve().parents[2] / "src" / "antrian"
RAISERS = [
    *sorted((SRC / "store").glob("*.py")),
    *sorted((SRC / "cli").glob("*.py")),
    SRC / "gui" / "offline.py",
]
RAISERS += [SRC / "gui" / name / "window.py" for name in ("kiosk", "display", "counter")]
CODE = re.compile(r"""["']((?:store|input)\.[a-z_]+(?:\.[a-z_]+)?)["']""")


def codes_used() -> set[str]:
    return {code for path in RAISERS for code in CODE.findall(path.read_text())}


def placeholders(entry: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(entry) if name}


def test_codes_are_found() -> None:
    assert {"store.deleted", "store.readonly", "store.locked", "input.number_range"} <= codes_used()


@pytest.mark.parametrize("code", sorted(codes_used()))
def test_each_code_has_words_in_both_languages(code: str) -> None:
    entries = {lang: words.catalogue(lang).get(code) for lang in words.LANGUAGES}
    assert all(isinstance(entry, str) for entry in entries.values()), entries
    assert placeholders(entries["id"]) == placeholders(entries["en"]), entries
    numbers = {name for _, name, spec, _ in string.Formatter().parse(entries["id"]) if spec == "raw"}
    params = {name: 7 if name in numbers else "x" for name in placeholders(entries["id"])}
    for lang in words.LANGUAGES:
        said = words.say(StoreError(code, **params), lang=lang)
        assert "\n" not in said and code not in said, said
