"""`antrian --help` and every command's `--help`, read as a person reads them: all in Bahasa Indonesia by
default and all in English with ``--lang en``, argparse's own headings included.

What stays as typed is the syntax: the usage, and in the lists the left column (option names, metavars,
command names); a help text may name a command as it is typed ("antrian counter [N]"). Everything else is
prose and must hold no word of the other language. Every command is found by walking the parser, so a
command added later is checked too.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from antrian import words
from antrian.cli import build_parser, main
from tests.test_words import ENGLISH_WORDS, INDONESIAN_WORDS

# argparse's own words, which the marker lists (made for our sentences) do not hold
FOREIGN = {
    "id": ENGLISH_WORDS | {"usage", "positional", "arguments", "options", "show", "help", "message", "exit"},
    "en": INDONESIAN_WORDS | {"cara", "pakai", "argumen", "opsi", "menampilkan", "bantuan", "keluar"},
}
OWN = {"id": INDONESIAN_WORDS, "en": ENGLISH_WORDS}
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"-*[A-Za-z][\w-]*")


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _parsers(child, (*path, name))


def _all_parsers() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    return dict(_parsers(build_parser()))


COMMANDS = sorted(_all_parsers())
COMMAND_NAMES = sorted({name for path in COMMANDS for name in path}, key=len, reverse=True)


def _metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return str(action.metavar)
    if action.choices is not None:
        return ",".join(map(str, action.choices))
    return action.dest.upper() if action.option_strings else action.dest


def _literals(parser: argparse.ArgumentParser) -> set[str]:
    """The tokens a parser's syntax is made of: its prog, option names, metavars and choices."""
    found = set(_TOKEN.findall(parser.prog))
    for action in parser._actions:
        found |= set(action.option_strings)
        found |= set(_TOKEN.findall(_metavar(action)))
    return found


def _invocations(parser: argparse.ArgumentParser) -> list[str]:
    """What the left column of the help shows for each argument, longest first."""
    formatter = parser._get_formatter()
    shown = []
    for action in parser._actions:
        shown.append(formatter._format_action_invocation(action))
        if isinstance(action, argparse._SubParsersAction):
            shown += [formatter._format_action_invocation(choice) for choice in action._get_subactions()]
    return sorted(shown, key=len, reverse=True)


def _split(text: str, parser: argparse.ArgumentParser) -> tuple[str, str]:
    """(syntax, prose) of one help output."""
    usage, _, rest = text.partition("\n\n")
    start = usage.index(parser.prog)
    syntax, prose = [usage[start:]], [usage[:start]]
    invocations = _invocations(parser)
    for line in rest.splitlines():
        line = line.strip()
        for invocation in invocations:
            if line == invocation or line.startswith(invocation + "  "):
                syntax.append(invocation)
                line = line[len(invocation) :]
                break
        prose.append(line)
    return "\n".join(syntax), " ".join(" ".join(prose).split())


# a command named in a help text as it is typed: "antrian ticket issue --json", "antrian counter [N]"
_COMMAND_REFERENCE = re.compile(
    r"\bantrian(?:\s+(?:--[\w-]+|\[N\]|{}))+".format("|".join(rf"\b{re.escape(n)}\b" for n in COMMAND_NAMES))
)


def _foreign_words(prose: str, foreign: set[str]) -> set[str]:
    prose = _COMMAND_REFERENCE.sub(" ", prose)
    prose = re.sub(r"\bAntrian\b|--[\w-]+", " ", prose)  # the product's name; options named in a text
    return {word.lower() for word in _WORD.findall(prose)} & foreign


def _help(capsys: pytest.CaptureFixture[str], lang: str, path: tuple[str, ...]) -> str:
    argv = [*path, "--help"] if lang == "id" else ["--lang", lang, *path, "--help"]
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 0
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _plain_pc(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No language from this PC's environment or settings file (Indonesian is the default under test), and
    one terminal width."""
    monkeypatch.delenv(words.ENV_LANGUAGE, raising=False)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path_factory.mktemp("config") / "none.toml"))
    monkeypatch.setenv("COLUMNS", "80")


def test_the_walk_finds_every_command() -> None:
    assert len(COMMANDS) > 25
    assert {("ticket", "issue"), ("counter", "call-next"), ("db", "upgrade"), ("voice", "test")} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(("antrian", *path)))
def test_help_is_in_one_language(
    capsys: pytest.CaptureFixture[str], lang: str, path: tuple[str, ...]
) -> None:
    parser = _all_parsers()[path]
    syntax, prose = _split(_help(capsys, lang, path), parser)
    assert set(_TOKEN.findall(syntax)) <= _literals(parser)
    assert _foreign_words(prose, FOREIGN[lang]) == set(), prose
    assert _foreign_words(prose, OWN[lang]), f"no {lang} words found in: {prose}"  # the prose was read


def test_the_language_check_sees_a_leak(capsys: pytest.CaptureFixture[str]) -> None:
    """The English help read as if it were the Indonesian one: its words, argparse's included, are found."""
    parser = _all_parsers()[("ticket", "issue")]
    _, prose = _split(_help(capsys, "en", ("ticket", "issue")), parser)
    found = _foreign_words(prose, FOREIGN["id"])
    assert {"positional", "options", "show", "service", "the", "ticket"} <= found
    assert _foreign_words("see antrian ticket issue --json for the ticket", FOREIGN["id"]) == {
        "for",
        "the",
        "ticket",
    }
    assert _foreign_words("nomor antrian", FOREIGN["en"]) == {"nomor", "antrian"}  # a word, not a command


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_command_and_option_says_what_it_is_for(lang: str) -> None:
    words.set_language(lang)
    for path, parser in _all_parsers().items():
        assert (parser.description or "").strip(), path
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {choice.dest: choice.help for choice in action._get_subactions()}
                assert all((text or "").strip() for text in helps.values()), (path, helps)
            else:
                assert (action.help or "").strip() and action.help != argparse.SUPPRESS, (path, action.dest)


@pytest.mark.parametrize(
    ("lang", "about"),
    [
        (
            "id",
            "Mengambil nomor antrean untuk sebuah layanan, seperti anjungan saat warga menyentuh "
            "layanan itu, lalu menampilkan tiketnya.",
        ),
        (
            "en",
            "Issue a queue number for a service, as the kiosk does when a citizen touches that service, and "
            "show the ticket.",
        ),
    ],
)
def test_ticket_issue_describes_itself(capsys: pytest.CaptureFixture[str], lang: str, about: str) -> None:
    usage, description, _ = _help(capsys, lang, ("ticket", "issue")).split("\n\n", 2)
    assert usage.startswith(
        {"id": "cara pakai: antrian ticket issue ", "en": "usage: antrian ticket issue "}[lang]
    )
    assert " ".join(description.split()) == about


def test_headings_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    indonesian = _help(capsys, "id", ("counter", "call-next")).splitlines()
    english = _help(capsys, "en", ("counter", "call-next")).splitlines()
    assert {"argumen:", "opsi:"} <= set(indonesian)
    assert {"positional arguments:", "options:"} <= set(english)
    assert any(
        re.fullmatch(r"\s+-h, --help\s+menampilkan bantuan ini lalu keluar", line) for line in indonesian
    )
    assert any(re.fullmatch(r"\s+-h, --help\s+show this help message and exit", line) for line in english)


def test_a_parser_built_directly_speaks_the_current_language() -> None:
    """build_parser sets argparse's words itself: a parser built outside ``main`` (a test, a script) has its
    headings in the current language, and its parents' options under the same heading."""
    words.set_language("en")
    english = _all_parsers()[("expire",)].format_help()
    words.set_language("id")
    indonesian = _all_parsers()[("expire",)].format_help()
    assert "\noptions:\n" in english and "opsi" not in english
    assert "\nopsi:\n" in indonesian and "options" not in indonesian
    assert _headings(indonesian) == ["opsi:"] and _headings(english) == ["options:"]  # parents' options too


def _headings(text: str) -> list[str]:
    return re.findall(r"^[^\s:][^:\n]*:$", text, re.MULTILINE)
