"""Malformed input of any size or type, to every command: exit 2 and one short line, never a traceback.

Numbers beyond what the database's columns hold, negative limits, texts of 100,000 characters, NUL bytes
and line breaks, malformed and unsupported database URLs, a path no file system takes. ``main`` runs in
this process (argv cannot carry a NUL byte through exec); the windows' entry points are replaced by a
function that fails the test, so that input which slipped through shows as a failure, not a window.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from antrian.cli import INT32_MAX, INT64_MAX, main
from antrian.store.database import open_database
from antrian.store.models import Counter, Ticket
from tests.conftest import seed_admin, seed_office

HUGE = "9" * 31  # 10**31 - 1: beyond BIGINT
HUGE_TEXT = "A" * 100_000
BAD_NUMBERS = [HUGE, str(INT64_MAX + 1), "-5", "dua", "9" * 5000, "1e3", "\x00", "4\n2"]
BAD_TEXTS = [HUGE_TEXT, "A\x00", "A\nB", "\x1b[31mA"]
BAD_DATABASES = [
    "x" * 100_000,
    "a\x00b.db",
    "postgresql://:x@/",
    "postgresql://u:geheim@h:99999999/db",
    "postgresql://u:geheim@h:port/db",
    "mysql://u:geheim@h/db",
    "/no/such/folder/antrian.db",
]
# Every command, with {n}, {t}, {id} where a number, a text or a ticket id goes (good values elsewhere).
COMMANDS = [
    ["db", "upgrade"],
    ["demo-data", "--history-days", "{n}"],
    ["demo", "--history-days", "{n}", "--log-json", "{t}"],
    ["display", "--screen", "{n}", "--log-json", "{t}"],
    ["kiosk", "--printer", "{t}", "--width", "{n}"],
    ["survey", "--counter", "{n}"],
    ["ticket", "issue", "{t}", "--priority", "{t}", "--user", "{t}"],
    ["ticket", "print", "{id}", "--printer", "{t}", "--width", "{n}"],
    ["ticket", "cancel", "{t}", "--user", "{t}"],
    ["counter", "{n}"],
    ["counter", "panel", "{n}"],
    ["counter", "open", "{n}", "--user", "{t}"],
    ["counter", "close", "{n}"],
    ["counter", "pause", "{n}", "--reason", "{t}"],
    ["counter", "call-next", "{n}"],
    *[["counter", action, "{n}"] for action in ("recall", "start", "finish", "no-show", "hold")],
    ["counter", "call", "{n}", "{t}"],
    ["counter", "resume", "{n}", "{t}"],
    ["counter", "transfer", "{n}", "--to", "{t}"],
    ["counters"],
    ["tickets", "--date", "{t}"],
    ["events", "--after", "{id}", "--limit", "{n}"],
    ["expire", "--user", "{t}"],
    ["service", "add", "{t}", "--name", "{t}", "--time", "{n}", "--quota", "{n}", "--days", "{t}"],
    ["service", "edit", "{t}", "--waiting-target", "{n}", "--opens", "{t}", "--user", "{t}"],
    ["service", "list"],
    ["counter", "add", "{n}", "--name", "{t}", "--services", "{t}"],
    ["counter", "edit", "{n}", "--name", "{t}"],
    ["counter", "list"],
    ["holiday", "add", "{t}", "--name", "{t}"],
    ["holiday", "remove", "{t}"],
    ["holiday", "list"],
    ["break", "add", "{t}", "{t}", "{t}", "--name", "{t}"],
    ["break", "remove", "{n}"],
    ["break", "list"],
]
GOOD = {"{n}": "1", "{t}": "A", "{id}": "1"}


def _cases() -> Iterator[tuple[str, list[str]]]:
    for command in COMMANDS:
        name = " ".join(word for word in command if not word.startswith("{"))
        for index, word in enumerate(command):
            bad = {"{n}": BAD_NUMBERS, "{id}": BAD_NUMBERS, "{t}": BAD_TEXTS}.get(word, [])
            for value in bad:
                argv = [GOOD.get(w, w) for w in command]
                argv[index] = value
                yield f"{name}[{index}]={value[:8]!r}", argv
        for value in BAD_DATABASES:
            if value.startswith("/no/such") and command[0] in ("db", "demo-data", "demo"):
                continue  # these make a database: a missing folder is still refused, tested elsewhere
            yield f"{name} --db {value[:12]!r}", ["--db", value, *[GOOD.get(w, w) for w in command]]


CASES = list(_cases())


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("office") / "office.db")
    db = open_database(path, create=True)
    seed_office(db)
    seed_admin(db)
    db.dispose()
    return path


@pytest.fixture(autouse=True)
def no_windows_no_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import antrian.gui.app as app

    def opened(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("malformed input reached a window")

    for name in ("run_display", "run_kiosk", "run_counter", "run_demo", "run_survey"):
        monkeypatch.setattr(app, name, opened)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    monkeypatch.delenv("ANTRIAN_DEBUG", raising=False)


@pytest.mark.parametrize("argv", [argv for _, argv in CASES], ids=[name for name, _ in CASES])
def test_malformed_input_is_exit_2_with_one_short_line(
    argv: list[str], office: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if argv[0] != "--db":
        argv = ["--db", office, *argv]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and len(lines[0]) < 200, err[:400]
    assert lines[0].startswith("antrian: ") and "unexpected" not in err
    assert "geheim" not in err, "a password was repeated"


def test_the_limits_are_the_columns() -> None:
    """The CLI's number limits are what the columns hold on PostgreSQL (INTEGER, BIGINT)."""
    from sqlalchemy import BigInteger, Integer
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    assert isinstance(Counter.__table__.c.number.type.dialect_impl(dialect), Integer)
    assert not isinstance(Counter.__table__.c.number.type.dialect_impl(dialect), BigInteger)
    assert INT32_MAX == 2**31 - 1
    assert isinstance(Ticket.__table__.c.id.type.dialect_impl(dialect), BigInteger)
    assert INT64_MAX == 2**63 - 1
