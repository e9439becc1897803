"""The catalogues and the conventions of ``antrian.words``.

The two languages must say the same things: the same codes, the same parameters, every code the program
raises or builds, every enumeration member it shows. Each language is checked for the other's words leaking
in and Indonesian for KBBI spelling. Then the ways values are shown: dates, times, numbers, durations,
plurals, the echo of what a person typed, and what happens to a code with no words.
"""

from __future__ import annotations

import ast
import functools
import logging
import re
import string
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import antrian
from antrian import words
from antrian.domain.errors import AntrianError, InvalidInput, NotFound
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import Permission, Role
from antrian.domain.skm import PROFILE_CHOICES, Grade, Unsur
from antrian.domain.status import Action, Status
from antrian.domain.timing import TimeUnit
from antrian.reports.skm import COLUMNS as SKM_COLUMNS
from tests.helpers import load_script, raises_code

SRC = Path(antrian.__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[1]
ID, EN = words.catalogue("id"), words.catalogue("en")
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
# the entries that hold argparse's own refusals: %-templates, filled in by argparse, not by antrian.words
ARGPARSE = "argparse."


def _templates(entry: Any) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, dict):
        return [str(form) for form in entry.values()]
    return [str(item) for item in entry]  # a list: day and month names


def _fields(template: str) -> set[tuple[str, str, str | None]]:
    """(parameter, format spec, conversion) of every placeholder of a str.format template."""
    found = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            found.add((re.split(r"[.\[]", name)[0], spec or "", conversion))
    return found


def _percent_fields(template: str) -> list[str]:
    return sorted(re.findall(r"%(?:\(\w+\))?[rsd]", template))


# --- the two catalogues say the same things --------------------------------------------------------------


def test_the_catalogues_have_the_same_codes() -> None:
    assert sorted(set(ID) - set(EN)) == [], "only in Indonesian"
    assert sorted(set(EN) - set(ID)) == [], "only in English"
    assert len(ID) > 100  # both were read, from every file of their folder


@pytest.mark.parametrize("code", sorted(ID))
def test_an_entry_has_the_same_placeholders_in_both_languages(code: str) -> None:
    indonesian, english = ID[code], EN[code]
    assert type(indonesian) is type(english), code
    if code.startswith(ARGPARSE):
        assert _percent_fields(indonesian) == _percent_fields(english)
        return
    if isinstance(indonesian, list):
        assert len(indonesian) == len(english)
        return
    fields = {template: _fields(template) for template in _templates(indonesian) + _templates(english)}
    assert len({frozenset(found) for found in fields.values()}) == 1, fields


@pytest.mark.parametrize("code", sorted(code for code, entry in EN.items() if isinstance(entry, dict)))
def test_plural_tables_have_the_forms_of_their_language(code: str) -> None:
    assert set(EN[code]) == {"one", "other"}  # English says "1 minute", "2 minutes"
    assert "other" in ID[code] and set(ID[code]) <= {"one", "other"}  # Indonesian needs no singular
    assert all("{n" in form for form in _templates(EN[code]) + _templates(ID[code])), code


@pytest.mark.parametrize(("lang", "code"), [(lang, code) for lang in words.LANGUAGES for code in ID])
def test_no_conversions_in_templates(lang: str, code: str) -> None:
    """``!r`` would show Python's quoting ('Z', "it's") to a citizen, and ``!s`` bypasses the language's
    conventions for numbers and dates."""
    for template in _templates(words.catalogue(lang)[code]):
        if code.startswith(ARGPARSE):
            assert "{" not in template  # argparse fills these with %, never with str.format
            continue
        assert {conversion for _, _, conversion in _fields(template)} <= {None}, template


def test_argparse_words_fit_argparse_messages() -> None:
    """argparse formats its message with % and its own parameters: a translation naming another one would
    crash the command line instead of refusing the input."""
    from antrian.cli.parsing import ARGPARSE_WORDS

    assert set(ARGPARSE_WORDS.values()) == {code for code in ID if code.startswith(ARGPARSE)}
    for message_id, code in ARGPARSE_WORDS.items():
        for lang in words.LANGUAGES:
            translated = words.catalogue(lang)[code]
            assert _percent_fields(translated) == _percent_fields(message_id), (lang, code)


# --- every code the program uses has words -----------------------------------------------------------------


def _relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def _trees() -> dict[str, ast.Module]:
    return {
        _relative(path): ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SRC.rglob("*.py"))
    }


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """AntrianError and every class of the source that derives from it, directly or not."""
    names = {"AntrianError"}
    grown = True
    while grown:
        grown = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grown = True
    return names


class _Site:
    """One place that names a code: ``Error("code", ...)``, ``Message("code", ...)``, ``words.text(...)``."""

    def __init__(self, module: str, function: str, line: int, argument: ast.expr | None) -> None:
        self.module, self.function, self.line, self.argument = module, function, line, argument

    @property
    def where(self) -> str:
        return f"{self.module}:{self.line} ({self.function})"

    def literal(self) -> set[str] | None:
        """The codes when the argument is a literal, or a choice of literals; None when computed."""
        return _literal(self.argument)

    def prefix(self) -> str | None:
        """The literal start of a computed code: f"standard.{unit}", "counter_state." + state."""
        argument = self.argument
        if isinstance(argument, ast.JoinedStr) and argument.values:
            first = argument.values[0]
            return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        if isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Add):
            left = argument.left
            return left.value if isinstance(left, ast.Constant) and isinstance(left.value, str) else None
        return None

    def inner_codes(self) -> set[str]:
        """Code-like literals anywhere in a computed argument (a default: ``.get(k, "desk.not_now")``)."""
        if self.argument is None:
            return set()
        return {
            node.value
            for node in ast.walk(self.argument)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value)
        }


def _literal(node: ast.expr | None) -> set[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _literal(node.body), _literal(node.orelse)
        return None if body is None or orelse is None else body | orelse
    return None


class _CallFinder(ast.NodeVisitor):
    """The calls of one module that name a code, each with the function it is in."""

    def __init__(self, module: str, makers: set[str]) -> None:
        self.module, self.makers = module, makers
        self.in_words = module == "words/__init__.py"
        self.scope: list[str] = []
        self.found: list[_Site] = []

    def _scoped(self, node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _scoped

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        says = name in ("text", "_render") and (
            (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "words"
            )
            or (self.in_words and isinstance(func, ast.Name))
        )
        if name in self.makers or says:
            argument = node.args[0] if node.args else None
            self.found.append(_Site(self.module, ".".join(self.scope) or "<module>", node.lineno, argument))
        self.generic_visit(node)


def _sites(trees: dict[str, ast.Module]) -> list[_Site]:
    makers = _error_classes(trees) | {"Message"}
    found: list[_Site] = []
    for module, tree in trees.items():
        finder = _CallFinder(module, makers)
        finder.visit(tree)
        found += finder.found
    return found


def _counter_states() -> list[str]:
    """The states a counter can be in, as the schema allows them."""
    from antrian.store.models import CounterState

    checks = [arg for arg in CounterState.__table_args__ if hasattr(arg, "sqltext")]
    states = re.findall(r"'(\w+)'", str(checks[0].sqltext))
    assert states, "no states in the counter state constraint"
    return states


def _enum_codes(*kinds: type[Enum]) -> set[str]:
    return {f"enum.{kind.__name__}.{member.name.lower()}" for kind in kinds for member in kind}


SHOWN_ENUMS: tuple[type[Enum], ...] = (Status, Action, Role, Permission, PriorityGroup, TimeUnit, Unsur)

# Computed codes: their literal start, and the values that complete it (from the source of truth).
PREFIXES = {
    "standard.": lambda: [unit.value for unit in TimeUnit],
    "audit.action.": lambda: list(_audit().ACTIONS),
    "audit.column.": lambda: list(_audit_csv().COLUMNS),
    "counter_state.": _counter_states,
    "skm.grade.": lambda: [grade.meaning for grade in Grade],
    "skm.profile.": lambda: [
        *PROFILE_CHOICES,
        *(f"{field}_choice.{choice}" for field, choices in PROFILE_CHOICES.items() for choice in choices),
    ],
    "skm.column.": lambda: list(SKM_COLUMNS),
    "help.skm_submit.": lambda: list(PROFILE_CHOICES),
}


def _audit() -> Any:
    from antrian.services import audit

    return audit


def _audit_csv() -> Any:
    from antrian.reports import audit_csv

    return audit_csv


def _computed_codes() -> dict[tuple[str, str], set[str] | None]:
    """Places that pass on a code chosen elsewhere: the codes they can pass, or None when they only carry the
    code of their caller (which is checked where the caller writes it)."""
    from antrian.cli.parsing import ARGPARSE_WORDS
    from antrian.domain.desk import _WHY_NOT

    return {
        ("domain/errors.py", "AntrianError.__init__"): None,
        ("domain/errors.py", "_rebuild"): None,
        ("services/stations.py", "_info"): None,  # a station's problem as it reported it, read back
        ("reports/audit_csv.py", "target_words"): None,  # a refusal's code as the unit of work recorded it
        ("words/__init__.py", "say"): None,
        ("words/__init__.py", "text"): None,
        ("words/__init__.py", "_render"): None,
        ("words/__init__.py", "show"): _enum_codes(*SHOWN_ENUMS),
        ("domain/desk.py", "_refusal"): set(_WHY_NOT.values()),
        ("cli/parsing.py", "_argparse_gettext"): set(ARGPARSE_WORDS.values()),
        # a failed --user login, said as services.login.authenticate worded it
        ("cli/login.py", "log_in"): {"login.wrong", "login.locked", "login.now_locked"},
    }


def _is_prose(site: _Site) -> bool:
    """An error or message made from a sentence (the style before codes), not from a code."""
    literal = site.literal()
    if literal is not None:
        return not all(CODE.fullmatch(code) for code in literal)
    return isinstance(site.argument, ast.JoinedStr) and site.prefix() not in PREFIXES


class _Scan(NamedTuple):
    """What the tests below ask of the source: plain texts, not the trees (which would stay in memory)."""

    used: dict[str, list[str]]  # every code the source names, with where
    unresolved: list[str]  # the places whose code could not be resolved
    prose: dict[str, list[str]]  # the places that make an error or message from a sentence, by module
    named: frozenset[str]  # every string constant shaped like a code (also codes read directly)


@functools.cache
def _scan() -> _Scan:
    """The source parsed once per test process for the four tests that read it (about 1.5 s each before)."""
    trees = _trees()
    sites = _sites(trees)
    used, unresolved = _used_codes(sites)
    named = frozenset(
        node.value
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value)
    )
    return _Scan(used, unresolved, _prose_sites(sites), named)


def _used_codes(sites: list[_Site]) -> tuple[dict[str, list[str]], list[str]]:
    """Every code the source names, with where; and the places whose code could not be resolved."""
    used: dict[str, list[str]] = {}
    unresolved: list[str] = []
    computed = _computed_codes()
    for site in sites:
        if _is_prose(site):
            continue  # test_errors_are_codes_not_sentences
        codes = site.inner_codes()
        prefix = site.prefix()
        if site.literal() is not None:
            codes |= site.literal() or set()
        elif prefix in PREFIXES:
            codes |= {prefix + value for value in PREFIXES[prefix]()}
        elif (site.module, site.function) in computed:
            codes |= computed[(site.module, site.function)] or set()
        else:
            unresolved.append(site.where)
        for code in codes:
            used.setdefault(code, []).append(site.where)
    return used, unresolved


def test_every_code_the_source_uses_has_words_in_both_languages() -> None:
    used = _scan().used
    assert len(used) > 100  # the scan found the raise sites (a broken scan must not pass quietly)
    for expected in ("service.closed", "hours.closed_day", "standard.working_days", "counter_state.paused"):
        assert expected in used
    missing = {
        f"{code} ({lang})": places
        for code, places in sorted(used.items())
        for lang in words.LANGUAGES
        if not words.has(code, lang)
    }
    assert missing == {}


def test_every_entry_is_used() -> None:
    """An entry no code reaches is dead weight a translator keeps up for nothing (or a code misspelled at
    the place that should use it)."""
    scan = _scan()  # named: also codes read directly, such as catalogue(lang)["calendar.days"]
    assert sorted(set(ID) - set(scan.used) - scan.named) == []


def test_every_computed_code_is_resolved() -> None:
    """A new code built at run time must be listed above (PREFIXES or _computed_codes) with the values it can
    take; otherwise its words would be checked by nobody."""
    assert _scan().unresolved == []


def _prose_sites(sites: list[_Site]) -> dict[str, list[str]]:
    prose: dict[str, list[str]] = {}
    for site in sites:
        if _is_prose(site):
            prose.setdefault(site.module, []).append(site.where)
    return prose


def test_errors_are_codes_not_sentences() -> None:
    """No error anywhere in src/ is raised with a sentence: every one is a code with parameters."""
    assert _scan().prose == {}


@pytest.mark.parametrize("member", [m for kind in SHOWN_ENUMS for m in kind], ids=repr)
def test_every_enum_member_shown_has_words_in_both_languages(member: Enum) -> None:
    for lang in words.LANGUAGES:
        assert words.has(f"enum.{type(member).__name__}.{member.name.lower()}", lang), (member, lang)


def test_enum_words_are_the_languages() -> None:
    assert words.show(Status.SERVING, lang="id") == "sedang dilayani"
    assert words.show(Status.SERVING, lang="en") == "being served"
    assert words.show(Role.OPERATOR, lang="id") == "petugas"
    assert words.show(PriorityGroup.PREGNANT, lang="en") == "Pregnant women"
    assert words.show(Permission.MANAGE, lang="id") == "mengubah pengaturan kantor"


def test_enum_without_words_shows_its_value() -> None:
    """A fallback for a value nobody gave words yet (the test above keeps every enum shown in src/ worded)."""

    class Fresh(Enum):
        NEW_KIND = "new_kind"

    assert words.show(Fresh.NEW_KIND, lang="id") == "new_kind"
    assert words.show(TimeUnit.WORKING_DAYS, lang="id") == "hari kerja"
    assert words.show(TimeUnit.WORKING_DAYS, lang="en") == "working days"


# --- each language in its own words ---------------------------------------------------------------------


def _entries(lang: str) -> Iterator[tuple[str, str]]:
    for code, entry in words.catalogue(lang).items():
        for template in _templates(entry):
            yield code, template


# identifiers a person types or reads as they are: the product's name, option names, settings keys,
# [tables], placeholders
_IDENTIFIERS = re.compile(
    r"\bAntrian\b|\{\{\w+\}\}|\{[^{}]*\}|%\(\w+\)[rsd]|%[sd]|--[\w-]+|\[\w+\]|\b\w+(?:\.\w+)+\b|\b\w*\d\w*\b"
)
_WORD = re.compile(r"[^\W\d_]+")


def _words_of(template: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(_IDENTIFIERS.sub(" ", template))}


INDONESIAN_WORDS = {
    "loket", "antrean", "antrian", "layanan", "silakan", "nomor", "tidak", "sudah", "belum", "dan", "yang",
    "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "atau", "harus", "bisa", "ada", "sedang", "buka",
    "tutup", "hari", "jam", "menit", "kantor", "pengguna", "sandi", "tiket", "warga", "petugas", "bukan",
    "lebih", "pada", "oleh", "masih", "dulu", "anda", "pukul", "menunggu", "dipanggil", "istirahat",
    "sekitar", "segera", "salah", "kosong", "lagi", "kali", "nama", "kode", "perlu", "tanpa",
}  # fmt: skip
ENGLISH_WORDS = {
    "the", "an", "is", "are", "not", "and", "or", "of", "to", "for", "with", "from", "on", "at", "this",
    "that", "counter", "ticket", "service", "waiting", "please", "number", "open", "closed", "cannot",
    "must", "yes", "day", "time", "minute", "minutes", "hour", "user", "password", "wrong", "break",
    "queue", "called", "served", "first", "there", "has", "have", "be", "by", "it", "already", "still",
    "will", "can", "may", "your", "you", "settings", "unknown", "choose", "use", "one", "name", "no",
}  # fmt: skip
# words of the other language that are right here: names a person types (roles, keys) or loanwords
ALLOWED = {
    ("id", "config.language"): {"language"},  # the settings key, written as in the file
    ("id", "skm.pdf.number"): {"no"},  # "No", Nomor's abbreviation, heads the regulation's tables
}


@pytest.mark.parametrize(
    ("lang", "foreign"), [("en", INDONESIAN_WORDS), ("id", ENGLISH_WORDS)], ids=["en", "id"]
)
def test_no_words_of_the_other_language(lang: str, foreign: set[str]) -> None:
    leaks = {
        code: sorted(_words_of(template) & foreign - ALLOWED.get((lang, code), set()))
        for code, template in _entries(lang)
    }
    assert {code: found for code, found in leaks.items() if found} == {}


def test_the_word_check_sees_a_leak() -> None:
    """The identifiers are taken out, the words are not: a foreign word next to a key is still found."""
    assert _words_of("{path}: kiosk.paper_width --date [kiosk] {{ticket}} petugas1 loket") == {"loket"}


# KBBI: antrean (not antrian, except the product name Antrian), silakan, salat, izin, nomor, ...
NOT_KBBI = re.compile(
    r"\bantrian\b|\bantri\b|silahkan|\bsholat\b|\bshalat\b|\bijin\b|\bnomer\b|\bjadual\b|\bmerubah\b"
    r"|\bresiko\b|\baktifitas\b|\bsekedar\b|\bpraktek\b|\bkadaluarsa\b|\bkadaluwarsa\b",
    re.IGNORECASE,
)


def _not_kbbi(text: str) -> list[str]:
    return NOT_KBBI.findall(re.sub(r"\bAntrian\b", "", text))  # the product's name keeps its spelling


def test_indonesian_follows_kbbi() -> None:
    wrong = {code: _not_kbbi(template) for code, template in _entries("id")}
    assert {code: found for code, found in wrong.items() if found} == {}
    assert words.text("slip.heading") == "NOMOR ANTREAN"


def test_the_kbbi_check_sees_a_misspelling() -> None:
    assert _not_kbbi("Silahkan ambil nomor antrian di Antrian; ANTRIAN, Sholat") == [
        "Silahkan",
        "antrian",
        "ANTRIAN",
        "Sholat",
    ]


# --- how values are shown ---------------------------------------------------------------------------------


@pytest.fixture
def english() -> Iterator[None]:
    words.set_language("en")
    try:
        yield
    finally:
        words.set_language(words.DEFAULT_LANGUAGE)


def test_indonesian_is_the_default() -> None:
    assert words.DEFAULT_LANGUAGE == "id" and words.language() == "id"
    assert words.text("estimate.now") == "segera dilayani"


def test_set_language_changes_every_sentence(english: None) -> None:
    assert words.language() == "en"
    assert words.text("estimate.now") == "served shortly"
    assert words.say(Message("counter.unknown", counter=3)) == "There is no counter 3"
    assert words.say(Message("counter.unknown", counter=3), lang="id") == "Loket 3 tidak ada"


@pytest.mark.parametrize("wanted", ["EN", " en ", "En"])
def test_set_language_forgives_case_and_spaces(wanted: str, english: None) -> None:
    words.set_language("id")
    assert words.set_language(wanted) == "en" and words.language() == "en"


@pytest.mark.parametrize("wanted", ["fr", "", "indonesia", "id-ID"])
def test_set_language_refuses_an_unknown_language_with_a_code(wanted: str) -> None:
    with raises_code(InvalidInput, "language.unknown", language=wanted, choices=["id", "en"]) as caught:
        words.set_language(wanted)
    assert words.language() == "id"  # unchanged
    assert words.say(caught.value, lang="en") == f'Unknown language "{wanted}"; choose one of: id, en'
    assert words.say(caught.value, lang="id") == f'Bahasa "{wanted}" tidak dikenal; pilih salah satu: id, en'


@pytest.mark.parametrize(
    ("day", "indonesian", "english"),
    [
        (date(2026, 11, 30), "Senin, 30 November 2026", "Monday, 30 November 2026"),
        (date(2026, 12, 1), "Selasa, 1 Desember 2026", "Tuesday, 1 December 2026"),
        (date(2027, 8, 17), "Selasa, 17 Agustus 2027", "Tuesday, 17 August 2027"),
        (date(2026, 2, 1), "Minggu, 1 Februari 2026", "Sunday, 1 February 2026"),
        (date(2026, 5, 15), "Jumat, 15 Mei 2026", "Friday, 15 May 2026"),
    ],
)
def test_long_date(day: date, indonesian: str, english: str) -> None:
    assert words.long_date(day, lang="id") == indonesian
    assert words.long_date(day, lang="en") == english


def test_day_and_month_names() -> None:
    assert [words.day_name(n, lang="id") for n in range(1, 8)] == [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ]  # fmt: skip
    assert [words.day_name(n, lang="en") for n in (1, 7)] == ["Monday", "Sunday"]
    assert len(ID["calendar.months"]) == len(EN["calendar.months"]) == 12
    assert (words.month_name(1, lang="id"), words.month_name(12, lang="en")) == ("Januari", "December")


def test_a_moment_is_its_date_and_its_24_hour_time() -> None:
    afternoon = datetime(2026, 11, 30, 14, 5)
    assert words.show(afternoon, lang="id") == "Senin, 30 November 2026 14:05"
    assert words.show(afternoon, lang="en") == "Monday, 30 November 2026 14:05"
    assert words.show(afternoon, "time", lang="en") == "14:05"
    assert words.show(afternoon, "date", lang="id") == "Senin, 30 November 2026"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(time(9, 5), "09:05"), (time(14, 30), "14:30"), (time(0, 0), "00:00"), (time(23, 59, 59), "23:59")],
)
def test_times_on_the_24_hour_clock(value: time, shown: str) -> None:
    assert words.clock_time(value) == shown
    assert words.show(value, lang="en") == shown  # no AM/PM in English either
    assert words.say(Message("hours.not_yet_open", opens=value), lang="en") == f"opens at {shown}"


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        (7, "7", "7"),
        (1234, "1.234", "1,234"),
        (1_234_567, "1.234.567", "1,234,567"),
        (-1500, "-1.500", "-1,500"),
    ],
)
def test_whole_numbers_grouped(value: int, indonesian: str, english: str) -> None:
    assert words.number(value, lang="id") == indonesian
    assert words.number(value, lang="en") == english
    assert words.show(value, lang="id") == indonesian and words.show(value, lang="en") == english


@pytest.mark.parametrize(
    ("value", "decimals", "indonesian", "english"),
    [
        (2.5, 1, "2,5", "2.5"),
        (0.3, 1, "0,3", "0.3"),
        (1234.5, 1, "1.234,5", "1,234.5"),
        (2.0, 2, "2,00", "2.00"),
    ],
)
def test_decimals_with_the_languages_separator(
    value: float, decimals: int, indonesian: str, english: str
) -> None:
    assert words.number(value, decimals=decimals, lang="id") == indonesian
    assert words.number(value, decimals=decimals, lang="en") == english


def test_numbers_inside_a_sentence() -> None:
    quota = Message("service.quota_used", service="F", name="Konsultasi", quota=1500)
    assert (
        words.say(quota, lang="id") == "Kuota hari ini untuk layanan F (Konsultasi), 1.500 nomor, sudah habis"
    )
    assert (
        words.say(quota, lang="en") == "Today's quota of 1,500 tickets for service F (Konsultasi) is used up"
    )
    assert words.show(2.5, lang="id") == "2,5" and words.show(2.5, ".2f", lang="en") == "2.50"


def test_an_identifier_is_not_grouped() -> None:
    unknown = Message("ticket.unknown_id", id=12345)
    assert words.say(unknown, lang="id") == "Tidak ada tiket dengan id 12345"
    assert words.say(unknown, lang="en") == "There is no ticket with id 12345"


@pytest.mark.parametrize(
    ("span", "indonesian", "english"),
    [
        (timedelta(0), "0 menit", "0 minutes"),
        (timedelta(seconds=59), "0 menit", "0 minutes"),
        (timedelta(minutes=1), "1 menit", "1 minute"),
        (timedelta(minutes=15), "15 menit", "15 minutes"),
        (timedelta(minutes=60), "1 jam", "1 hour"),
        (timedelta(minutes=61), "1 jam 1 menit", "1 hour 1 minute"),
        (timedelta(minutes=65), "1 jam 5 menit", "1 hour 5 minutes"),
        (timedelta(minutes=120), "2 jam", "2 hours"),
        (timedelta(minutes=125, seconds=59), "2 jam 5 menit", "2 hours 5 minutes"),
        (timedelta(minutes=-5), "0 menit", "0 minutes"),
    ],
)
def test_durations_in_words(span: timedelta, indonesian: str, english: str) -> None:
    assert words.duration(span, lang="id") == indonesian
    assert words.duration(span, lang="en") == english
    assert words.show(span, lang="en") == english


@pytest.mark.parametrize(
    ("n", "indonesian", "english"),
    [
        (0, "0 tiket dari hari sebelumnya dinyatakan kedaluwarsa", "0 tickets of past days expired"),
        (1, "1 tiket dari hari sebelumnya dinyatakan kedaluwarsa", "1 ticket of past days expired"),
        (2, "2 tiket dari hari sebelumnya dinyatakan kedaluwarsa", "2 tickets of past days expired"),
        (
            1001,
            "1.001 tiket dari hari sebelumnya dinyatakan kedaluwarsa",
            "1,001 tickets of past days expired",
        ),
    ],
)
def test_plural_one_and_other(n: int, indonesian: str, english: str) -> None:
    assert words.say(Message("cli.expired", n=n), lang="id") == indonesian
    assert words.say(Message("cli.expired", n=n), lang="en") == english


def test_a_plural_with_other_parameters() -> None:
    one = Message("login.locked", username="budi", n=1)
    five = Message("login.locked", username="budi", n=5)
    assert words.say(one, lang="en") == "Account budi is locked; try again in 1 minute"
    assert words.say(five, lang="en") == "Account budi is locked; try again in 5 minutes"
    assert words.say(five, lang="id") == "Akun budi terkunci; coba lagi dalam 5 menit"


def test_lists_are_joined_with_commas_and_nested_messages_are_said() -> None:
    unknown = NotFound("service.unknown", service="Z", choices=["A", "B", "KK"])
    assert words.say(unknown, lang="en") == 'There is no service "Z" (services: A, B, KK)'
    closed = Message(
        "service.closed", service="E", name="Legalisir", reason=Message("hours.closed_day", weekday=7)
    )
    assert words.say(closed, lang="id") == "Layanan E (Legalisir) tutup hari Minggu"
    assert words.say(closed, lang="en") == "Service E (Legalisir) is closed on Sunday"
    assert words.show([Status.WAITING, Status.HELD], lang="id") == "menunggu, ditunda"
    assert words.show(None) == "-"
    assert (words.show(True, lang="id"), words.show(False, lang="en")) == ("ya", "no")


def test_long_text_is_cut_in_the_middle_keeping_its_start_and_end() -> None:
    assert words.ECHO_LIMIT == 160
    exactly = "A" * 160
    assert words.echo(exactly) == exactly
    cut = words.echo("B" * 100 + "C" * 61)
    assert len(cut) == 160 and cut == "B" * 100 + "C" * 6 + "…" + "C" * 53
    path = "/srv/antrian/" + "sangat-panjang/" * 20 + "tiket-A001.pdf"
    shown = words.echo(path)
    assert len(shown) == 160 and shown.startswith("/srv/antrian/") and shown.endswith("/tiket-A001.pdf")
    assert shown.count("…") == 1
    said = words.say(InvalidInput("ticket.label_invalid", text="x" * 100_000), lang="en")
    assert said == '"' + "x" * 106 + "…" + "x" * 53 + '" is not a ticket number such as A007'


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("A\n007", "A\\n007"),
        ("A\x1b[31m007", "A\\x1b[31m007"),
        ("A\r\x00\x07007", "A\\r\\x00\\x07007"),
        ("A\t007", "A\\t007"),
        ("A\u2028007", "A\\u2028007"),
    ],
)
def test_control_characters_are_not_echoed(typed: str, escaped: str) -> None:
    shown = words.echo(typed)
    assert shown == escaped  # each one written as its escape: the reader sees what was there and where
    assert all(ch.isprintable() for ch in shown), repr(shown)
    said = words.say(InvalidInput("ticket.label_invalid", text=typed), lang="id")
    assert all(ch.isprintable() for ch in said), repr(said)
    assert said.startswith('"A') and said.endswith('007" bukan nomor antrean seperti A007')


def test_a_missing_entry_is_logged_and_the_code_is_said(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="antrian.words"):
        said = words.say(Message("nothing.here", counter=3), lang="id")
    assert said == "nothing.here (counter=3)"
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, "no id words for nothing.here")
    ]
    assert words.text("nothing.here") == "nothing.here"


def test_an_error_without_words_is_still_said(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="antrian.words"):
        said = words.say(AntrianError("nothing.here"), lang="en")
    assert said == "nothing.here"
    assert "nothing.here" in caplog.text


def test_words_that_do_not_fit_the_parameters_are_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="antrian.words"):
        said = words.say(Message("counter.unknown", number=3), lang="en")  # the entry says {counter}
    assert said == "counter.unknown (number=3)"
    assert "counter.unknown" in caplog.text and "do not fit" in caplog.text


def test_the_log_line_is_english_with_the_code() -> None:
    error = NotFound("counter.unknown", counter=9)
    assert words.language() == "id"  # the reader's language does not change the log's
    assert words.describe(error) == "There is no counter 9 [counter.unknown]"


def test_the_codes_page_is_what_the_catalogues_say() -> None:
    """docs/CODES.md (support staff look codes up there) is regenerated whenever a catalogue changes."""
    codes = load_script("codes")
    assert (ROOT / "docs" / "CODES.md").read_text(encoding="utf-8") == codes.render(), "run scripts/codes.py"
    assert "| `store.locked` |" in codes.render()
