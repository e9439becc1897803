"""End-to-end tests of the `antrian` command: the real program in a subprocess, as operators' scripts run it.

The contract under test: exit 0 done; 2 bad input or an illegal action, with a message on stderr naming the
problem; 3 nothing to do; 1 anything else (unreachable or corrupted database), never with a traceback.
Every SQLite test works on its own file in ``tmp_path``; the sample office is installed once per module and
copied, because hashing its six passwords is the slowest thing the command does.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from antrian.domain.errors import StoreError
from antrian.store.database import open_database
from antrian.store.schema import HEAD_REVISION
from tests.cli.forked import Starter, forkable

pytestmark = pytest.mark.slow

_SCRIPT = Path(sys.executable).with_name("antrian")
ANTRIAN = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "antrian"]
DEMO_USERS = ("admin", "supervisor", "petugas1", "petugas2", "petugas3", "petugas4")
SQLITE_PAGE = 4096
STARTER = Starter(ANTRIAN[0] if _SCRIPT.exists() else "antrian")
COLD = False  # every command from a cold start (``cold_starts``)


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.describe()
        return json.loads(self.out)

    def describe(self) -> str:
        return f"antrian {' '.join(self.args)} -> exit {self.code}\nstdout: {self.out}\nstderr: {self.err}"


def run(
    *args: str | int, db: str | Path | None = None, env: dict[str, str] | None = None, real: bool = False
) -> Result:
    """Run ``antrian [--db DB] ARGS`` with a clean environment (no inherited database, language, debug mode
    or settings file: this PC's own would decide the database or the language under test).

    The command is a process of its own, forked from a starter that has imported Antrian once
    (``tests.cli.forked``); ``real`` (and an environment that changes how Python starts) runs the installed
    ``antrian`` from a cold start instead."""
    argv = ([] if db is None else ["--db", str(db)]) + [str(a) for a in args]
    inherited = ("ANTRIAN_DATABASE_URL", "ANTRIAN_DEBUG", "ANTRIAN_LANG")
    environ = {k: v for k, v in os.environ.items() if k not in inherited}
    environ["ANTRIAN_CONFIG"] = os.devnull
    environ.update(env or {})
    if not (real or COLD) and forkable(environ):
        code, out, err = STARTER.run(argv, environ, timeout=60)
        return Result(tuple(argv), code, out, err)
    proc = subprocess.run([*ANTRIAN, *argv], capture_output=True, text=True, env=environ, timeout=60)
    return Result(tuple(argv), proc.returncode, proc.stdout, proc.stderr)


def ok(
    *args: str | int, db: str | Path | None = None, env: dict[str, str] | None = None, real: bool = False
) -> Result:
    result = run(*args, db=db, env=env, real=real)
    assert result.code == 0, result.describe()
    assert "Traceback" not in result.err, result.describe()
    return result


def fails(result: Result, code: int, *fragments: str) -> str:
    """Check exit ``code``, an ``antrian:`` message on stderr naming ``fragments``, and no traceback."""
    assert result.code == code, result.describe()
    assert "Traceback" not in result.err, result.describe()
    assert "antrian:" in result.err, result.describe()
    for fragment in fragments:
        assert fragment.lower() in result.err.lower(), f"{fragment!r} not named\n{result.describe()}"
    return result.err


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def companions(path: Path) -> list[str]:
    """SQLite side files (-wal, -shm, -journal) next to ``path``."""
    return sorted(p.name for p in path.parent.glob(f"{path.name}-*"))


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a command changed nothing."""
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(map(tuple, connection.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables}
    finally:
        connection.close()


def printed_passwords(out: str) -> dict[str, str]:
    """The ``username password`` lines of `antrian demo-data`."""
    pairs = (line.split() for line in out.splitlines())
    return {f[0]: f[1] for f in pairs if len(f) == 2 and f[0] in DEMO_USERS}


def kinds(events: list[dict[str, Any]]) -> list[str]:
    return [e["kind"] for e in events]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """One `antrian demo-data` run on a new file; tests copy the file, never change it."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    result = ok("demo-data", "--history-days", "0", db=path)
    assert companions(path) == [], "the command left SQLite side files behind"
    return path, result


@pytest.fixture
def office(demo_template: tuple[Path, Result], tmp_path: Path) -> Path:
    """A private copy of the sample office: services A-D, counters 1-4 (all closed), no tickets."""
    path = tmp_path / "antrian.db"
    shutil.copyfile(demo_template[0], path)
    return path


@pytest.fixture(autouse=True, scope="module")
def _starter() -> Iterator[None]:
    yield
    STARTER.close()


@pytest.fixture
def cold_starts() -> Iterator[None]:
    """Every command of the test is the installed ``antrian`` started cold, as operators' scripts run it."""
    global COLD
    COLD = True
    try:
        yield
    finally:
        COLD = False


# 1. demo-data ---------------------------------------------------------------------------------------------


def test_demo_data_prints_passwords_once_and_is_idempotent(
    demo_template: tuple[Path, Result], office: Path
) -> None:
    first = demo_template[1]
    passwords = printed_passwords(first.out)
    assert sorted(passwords) == sorted(DEMO_USERS), first.out
    assert all(len(p) >= 8 for p in passwords.values()), first.out

    assert "Pengguna baru dan kata sandinya (hanya ditampilkan sekali ini):" in first.out.splitlines()

    before = dump(office)
    second = ok("demo-data", "--history-days", "0", db=office)
    third = ok("demo-data", "--lang", "en", "--history-days", "0", db=office)
    for again in (second, third):
        assert printed_passwords(again.out) == {}, again.out
        for username, password in passwords.items():
            assert password not in again.out, f"{username}'s password shown again\n{again.out}"
    assert second.out.splitlines()[1:] == ["Semua pengguna contoh sudah ada; kata sandinya tidak berubah."]
    assert third.out.splitlines()[1:] == ["All sample users already existed; their passwords are unchanged."]
    assert dump(office) == before, "a second demo-data run changed the database"

    counters = ok("counters", "--json", db=office).json()
    assert [c["number"] for c in counters] == [1, 2, 3, 4]
    assert all(c["services"] == ["A", "B", "C", "D"] for c in counters), counters
    assert {c["state"] for c in counters} == {"closed"}


def test_demo_data_makes_history_once_and_checks_the_days(tmp_path: Path) -> None:
    office = tmp_path / "history.db"
    for days in ("61", "-1"):
        fails(run("demo-data", "--history-days", days, db=office), 2, "--history-days", "60")
    assert not office.exists(), "a refused demo-data made a database"
    made = ok("demo-data", "--history-days", "3", "--json", db=office).json()["history"]
    assert made["days"] == 3 and 150 < made["tickets"] < 500, made
    before = dump(office)
    again = ok("demo-data", "--lang", "en", db=office)
    assert "The office already has tickets: no sample history added" in again.out.splitlines()
    assert dump(office) == before, "a second demo-data run changed the history"
    tickets = ok("tickets", "--json", db=office).json()
    assert tickets == [], "the history is in today's queue"


# 1b. who creates a database ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("tickets", "--json"),
        ("ticket", "issue", "A"),
        ("counter", "open", "1"),
        ("display", "--windowed"),
        ("kiosk", "--windowed"),
        ("counter", "1"),
        ("supervisor", "--windowed"),
        ("admin", "--windowed"),
    ],
    ids=lambda args: " ".join(args),
)
def test_a_typo_in_db_creates_nothing_and_names_the_command(tmp_path: Path, args: tuple[str, ...]) -> None:
    typo = tmp_path / "antrain.db"
    result = run(*args, db=typo)
    fails(result, 2, "antrian db upgrade")
    assert result.out == "" and list(tmp_path.iterdir()) == [], "the command made a database"


def test_only_set_up_commands_create_the_default_database(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "ANTRIAN_CONFIG": str(tmp_path / "none.toml")}
    fails(run("counters", env=env), 2, "antrian db upgrade")
    assert not (tmp_path / "data").exists(), "a refused command made the data folder"
    upgraded = ok("db", "upgrade", "--json", env=env).json()
    assert upgraded["revision"] == HEAD_REVISION
    assert ok("counters", "--json", env=env).json() == []


def test_an_empty_or_older_database_is_refused_until_set_up(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    fails(run("counters", db=empty), 1, "antrian db upgrade")
    assert empty.stat().st_size == 0
    assert ok("demo-data", "--json", db=empty).json()["created_users"]
    connection = sqlite3.connect(empty)
    connection.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    connection.commit()
    connection.close()
    fails(run("counters", db=empty), 1, "0001_initial", "antrian db upgrade")


def test_a_sound_database_on_a_read_only_file_system_is_named_read_only(office: Path, tmp_path: Path) -> None:
    """Not "corrupted": an operator told that might throw a good database away."""
    from tests.store.faults import remount, small_disk

    with small_disk(tmp_path) as disk:
        path = disk / "office.db"
        shutil.copyfile(office, path)
        remount(disk, "ro")
        digest = sha256(path)
        for args in (("tickets", "--json"), ("ticket", "issue", "A")):
            err = fails(run(*args, db=path), 1)
            # the code while the CLI prints codes, the catalogue's sentence once it prints words
            assert any(
                said in err for said in ("store.readonly", "hanya dapat dibaca", "can only be read")
            ), err
            assert "corrupt" not in err.lower() and "rusak" not in err.lower(), err
        assert sha256(path) == digest
        remount(disk, "rw")


# 2. the full flow -----------------------------------------------------------------------------------------


@pytest.mark.usefixtures("cold_starts")
def test_full_flow_issue_call_recall_start_finish_and_event_log(office: Path) -> None:
    a = ok("ticket", "issue", "A", "--json", db=office).json()
    b = ok("ticket", "issue", "B", "--json", db=office).json()
    p = ok("ticket", "issue", "A", "--priority", "lansia", "--json", db=office).json()
    for ticket, service in ((a, "A"), (b, "B"), (p, "A")):
        assert {"id", "number", "service", "status", "issued_at"} <= ticket.keys(), ticket
        assert ticket["service"] == service and ticket["status"] == "waiting", ticket
        assert ticket["issued_at"], ticket
    assert (a["number"], b["number"], p["number"]) == ("A001", "B001", "A002")
    assert p["priority_group"] == "lansia"
    assert len({a["id"], b["id"], p["id"]}) == 3

    ok("counter", "open", 1, db=office)
    called = ok("counter", "call-next", 1, "--json", db=office).json()
    assert {"id", "number", "service", "counter", "status"} <= called.keys(), called
    assert called["counter"] == 1 and called["status"] == "called", called
    # The sample office keeps the default interleave 0: a waiting priority citizen is called first.
    assert (called["id"], called["number"], called["service"]) == (p["id"], "A002", "A"), called
    assert called["call_count"] == 1

    recalled = ok("counter", "recall", 1, "--json", db=office).json()
    assert (recalled["id"], recalled["status"], recalled["call_count"]) == (p["id"], "called", 2), recalled
    assert ok("counter", "start", 1, "--json", db=office).json()["status"] == "serving"
    assert ok("counter", "finish", 1, "--json", db=office).json()["status"] == "done"

    tickets = {t["id"]: t for t in ok("tickets", "--json", db=office).json()}
    assert set(tickets) == {a["id"], b["id"], p["id"]}
    done = tickets[p["id"]]
    assert done["status"] == "done" and done["counter"] == 1, done
    assert "operator" in done, done
    moments = [
        datetime.fromisoformat(done[k]) for k in ("issued_at", "first_called_at", "started_at", "finished_at")
    ]
    assert moments == sorted(moments), done
    for other in (tickets[a["id"]], tickets[b["id"]]):
        assert other["status"] == "waiting" and other["first_called_at"] is None, other

    events = ok("events", "--after", 0, "--json", db=office).json()
    ids = [e["id"] for e in events]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), ids
    assert {"ticket_issued", "ticket_called", "ticket_recalled", "ticket_started", "ticket_finished"} <= set(
        kinds(events)
    ), kinds(events)
    ticket_events = [e["kind"] for e in events if e["ticket_id"] == p["id"]]
    assert ticket_events == [
        "ticket_issued",
        "ticket_called",
        "ticket_recalled",
        "ticket_started",
        "ticket_finished",
    ]
    assert kinds(events).count("ticket_issued") == 3
    assert ok("events", "--after", ids[-1], "--json", db=office).json() == []


# 3. nothing to do -----------------------------------------------------------------------------------------


def test_call_next_with_nobody_waiting_exits_3(office: Path) -> None:
    ok("counter", "open", 1, db=office)
    result = run("counter", "call-next", 1, "--json", db=office)
    fails(result, 3)
    assert result.err == "antrian: Tidak ada warga yang menunggu untuk loket 1\n"
    assert result.out == ""
    english = run("counter", "call-next", 1, "--lang", "en", db=office)
    fails(english, 3)
    assert english.err == "antrian: Nobody is waiting for counter 1\n"


# 4. bad input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("ticket", "issue", "Z"), 'Layanan "Z" tidak ada (layanan yang ada: A, B, C, D)'),
        (("ticket", "issue", "12"), 'Kode layanan "12" harus 1 sampai 3 huruf A-Z'),
        (
            ("ticket", "issue", "A", "--priority", "vip"),
            'Kelompok pelayanan khusus "vip" tidak dikenal; pilih salah satu: '
            "disabilitas, lansia, hamil, anak, bencana_alam, bencana_sosial",
        ),
        (("ticket", "issue", "Z", "--lang", "en"), 'There is no service "Z" (services: A, B, C, D)'),
    ],
    ids=["unknown-service", "malformed-code", "unknown-priority", "unknown-service-en"],
)
def test_bad_ticket_input_exits_2_and_issues_nothing(office: Path, args: tuple[str, ...], said: str) -> None:
    before = dump(office)
    result = run(*args, db=office)
    fails(result, 2)
    assert result.err == f"antrian: {said}\n"
    assert dump(office) == before


def test_long_or_garbled_input_is_echoed_in_one_short_line(office: Path) -> None:
    """A 100,000-character argument, or one with terminal control sequences, is repeated cut and clean."""
    long = run("ticket", "issue", "Q" * 100_000, db=office)
    fails(long, 2, "CODE terlalu panjang (100.000 karakter")
    assert long.err.count("\n") == 1 and len(long.err) < 300 and "…" in long.err, long.err[:500]
    garbled = run("ticket", "issue", "A\x1b[2J\x07", db=office)
    fails(garbled, 2)
    assert garbled.err == (
        "antrian: CODE berisi karakter yang tidak dapat dipakai (misalnya baris baru atau NUL): "
        "«A\\x1b[2J\\x07».\n"
    )


# 5. illegal transitions -----------------------------------------------------------------------------------


def test_illegal_actions_exit_2_naming_ticket_and_status(office: Path) -> None:
    ok("ticket", "issue", "A", db=office)
    ok("ticket", "issue", "A", db=office)
    fails(run("counter", "call-next", 2, db=office), 2, "loket 2 tutup")
    fails(run("counter", "call-next", 2, "--lang", "en", db=office), 2, "counter 2 is closed")

    ok("counter", "open", 1, db=office)
    assert ok("counter", "call-next", 1, "--json", db=office).json()["number"] == "A001"
    finish = run("counter", "finish", 1, db=office)
    fails(finish, 2)
    assert finish.err == "antrian: A001: tidak bisa menyelesaikan (statusnya dipanggil)\n"
    finish = run("counter", "finish", 1, "--lang", "en", db=office)
    fails(finish, 2)
    assert finish.err == "antrian: A001: cannot finish (it is called)\n"
    fails(run("counter", "call-next", 1, db=office), 2, "loket 1 masih memegang A001 (dipanggil)")
    fails(run("counter", "transfer", 1, "--to", "A", db=office), 2, "A001 sudah berada di layanan A")

    tickets = ok("tickets", "--json", db=office).json()
    assert [(t["number"], t["status"], t["counter"]) for t in tickets] == [
        ("A001", "called", 1),
        ("A002", "waiting", None),
    ], "a refused action changed a ticket"


# 6. transfer ----------------------------------------------------------------------------------------------


def test_transfer_keeps_the_number_and_ends_the_first_visit(office: Path) -> None:
    issued = ok("ticket", "issue", "A", "--json", db=office).json()
    ok("counter", "open", 1, db=office)
    ok("counter", "call-next", 1, db=office)
    visit = ok("counter", "transfer", 1, "--to", "C", "--json", db=office).json()
    assert visit["number"] == issued["number"] == "A001", visit
    assert (visit["service"], visit["status"], visit["parent_id"]) == ("C", "waiting", issued["id"]), visit
    assert visit["id"] != issued["id"]

    tickets = {t["id"]: t for t in ok("tickets", "--json", db=office).json()}
    first = tickets[issued["id"]]
    assert (first["status"], first["service"], first["counter"]) == ("transferred", "A", 1), first
    assert first["finished_at"] is not None, first
    assert tickets[visit["id"]]["status"] == "waiting"
    assert tickets[visit["id"]]["place_at"] == first["place_at"], "the citizen lost their place in line"

    counter = ok("counters", "--json", db=office).json()[0]
    assert (counter["number"], counter["state"], counter["current_ticket"]) == (1, "open", None), counter


# 7. corrupted SQLite files --------------------------------------------------------------------------------


def make_corrupt(kind: str, path: Path, real: Path) -> None:
    """``random``: 8 KiB of noise. Otherwise a copy of a real database (valid header and page 1) whose pages
    2 onwards are noise, in WAL mode as Antrian leaves it, or switched back to a rollback journal (where
    turning WAL on would rewrite the header)."""
    if kind == "random":
        path.write_bytes(os.urandom(8192))
        return
    shutil.copyfile(real, path)
    if kind == "rollback-journal":
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
        connection.close()
    data = bytearray(path.read_bytes())
    assert data[:16] == b"SQLite format 3\x00" and len(data) > 3 * SQLITE_PAGE
    assert data[18:20] == (b"\x02\x02" if kind == "wal" else b"\x01\x01"), "unexpected journal mode"
    data[SQLITE_PAGE:] = os.urandom(len(data) - SQLITE_PAGE)
    path.write_bytes(bytes(data))
    assert companions(path) == []


@pytest.mark.parametrize("kind", ["random", "wal", "rollback-journal"])
def test_corrupted_sqlite_file_is_refused_and_left_untouched(office: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "corrupt.db"
    make_corrupt(kind, path, office)
    digest = sha256(path)
    for args in (("tickets", "--json"), ("ticket", "issue", "A")):
        result = run(*args, db=path)
        err = fails(result, 1, str(path.resolve()))
        assert any(
            word in err.lower() for word in ("corrupt", "not an antrian database", "not a database")
        ), err
        assert result.out == ""
        assert sha256(path) == digest, f"antrian {' '.join(args)} modified the corrupted file"
        assert companions(path) == [], f"antrian {' '.join(args)} left {companions(path)} next to it"


# 8. unreachable PostgreSQL --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["postgresql://postgres@127.0.0.1:1/test", "postgresql+psycopg://postgres@127.0.0.1:1/test"],
    ids=["plain-url", "psycopg-url"],
)
def test_unreachable_postgres_fails_with_a_clear_message(url: str) -> None:
    # Port 1 on the loopback: nothing listens, the connection is refused at once. No other network is used.
    # How fast the command gives up is measured by bench/bench_unreachable.py; run's timeout guards a hang.
    for args in (("tickets", "--json"), ("ticket", "issue", "A")):
        result = run(*args, db=url)
        fails(result, 1, "127.0.0.1:1/test")
        assert result.out == ""
    with pytest.raises(StoreError) as refused:
        open_database(url)
    assert refused.value.code == "store.unreachable"


# 9. bad options -------------------------------------------------------------------------------------------


def test_bad_date_unknown_subcommand_and_missing_folder_exit_2(office: Path, tmp_path: Path) -> None:
    fails(run("tickets", "--date", "2026-13-40", db=office), 2, "2026-13-40")
    fails(run("frobnicate", db=office), 2, "frobnicate")
    missing = tmp_path / "no-such-folder" / "antrian.db"
    fails(run("tickets", "--json", db=missing), 2, "no-such-folder")
    assert not missing.parent.exists(), "the command created the missing folder"


def test_top_level_json_flag_gives_json(office: Path) -> None:
    # `antrian --help` offers --json before the subcommand, next to --db (which works there).
    result = ok("--json", "counters", db=office)
    assert result.out.startswith("["), f"not JSON\n{result.describe()}"
    assert [c["number"] for c in json.loads(result.out)] == [1, 2, 3, 4]


# 10. ANTRIAN_DATABASE_URL ---------------------------------------------------------------------------------


def test_environment_variable_selects_the_database(office: Path, tmp_path: Path) -> None:
    env = {"ANTRIAN_DATABASE_URL": str(office), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    issued = ok("ticket", "issue", "B", "--json", env=env).json()
    assert (issued["number"], issued["service"]) == ("B001", "B")
    tickets = ok("tickets", "--json", db=office).json()
    assert [(t["id"], t["number"]) for t in tickets] == [(issued["id"], "B001")]
    assert not (tmp_path / "xdg").exists(), "the default database was used despite ANTRIAN_DATABASE_URL"


# 11. PostgreSQL -------------------------------------------------------------------------------------------


@pytest.mark.postgres
def test_flow_on_postgresql(pg_url: str) -> None:
    ok("demo-data", "--history-days", "0", db=pg_url)
    issued = ok("ticket", "issue", "A", "--json", db=pg_url).json()
    assert (issued["number"], issued["status"]) == ("A001", "waiting")
    ok("counter", "open", 1, db=pg_url)
    called = ok("counter", "call-next", 1, "--json", db=pg_url).json()
    assert (called["id"], called["number"], called["counter"], called["status"]) == (
        issued["id"],
        "A001",
        1,
        "called",
    )
    ok("counter", "start", 1, db=pg_url)
    assert ok("counter", "finish", 1, "--json", db=pg_url).json()["status"] == "done"
    fails(run("counter", "call-next", 1, db=pg_url), 3, "tidak ada warga yang menunggu untuk loket 1")
    [ticket] = ok("tickets", "--json", db=pg_url).json()
    assert (ticket["status"], ticket["counter"]) == ("done", 1)
    assert ticket["first_called_at"] and ticket["started_at"] and ticket["finished_at"], ticket


# 12. the language of what is printed -------------------------------------------------------------------


def test_human_output_in_both_languages_json_in_neither(office: Path) -> None:
    ok("ticket", "issue", "A", "--priority", "lansia", db=office)
    ok("counter", "open", 1, db=office)
    assert ok("tickets", db=office).out == "A001  KTP Elektronik  menunggu  [pelayanan khusus: Lanjut usia]\n"
    assert ok("tickets", "--lang", "en", db=office).out == (
        "A001  KTP Elektronik  waiting  [priority service: Elderly]\n"
    )
    assert ok("counter", "pause", 1, "--reason", "Makan siang", db=office).out == "loket 1: istirahat\n"
    assert ok("counter", "close", 1, "--lang", "en", db=office).out == "counter 1: closed\n"
    assert ok("expire", db=office).out == "0 tiket dari hari sebelumnya dinyatakan kedaluwarsa\n"
    assert ok("expire", "--lang", "en", db=office).out == "0 tickets of past days expired\n"
    for command in (("tickets", "--json"), ("counters", "--json"), ("events", "--after", "0", "--json")):
        assert ok(*command, db=office).out == ok(*command, "--lang", "en", db=office).out, command


def test_the_language_comes_from_the_option_the_environment_or_the_settings_file(
    office: Path, tmp_path: Path
) -> None:
    settings = tmp_path / "antrian.toml"
    settings.write_text('language = "en"\n', encoding="utf-8")
    file_only = {"ANTRIAN_CONFIG": str(settings)}
    indonesian, english = "tidak ada tiket\n", "no tickets\n"
    assert ok("tickets", db=office).out == indonesian  # the default
    assert ok("tickets", db=office, env=file_only).out == english
    assert ok("tickets", db=office, env={**file_only, "ANTRIAN_LANG": "id"}).out == indonesian
    assert ok("tickets", "--lang", "en", db=office, env={"ANTRIAN_LANG": "id"}).out == english
    assert ok("tickets", "--lang=en", db=office).out == english
    assert ok("--lang", "en", "tickets", db=office).out == english


@pytest.mark.parametrize(
    ("args", "env"), [(("--lang", "fr"), {}), ((), {"ANTRIAN_LANG": "fr"})], ids=["option", "environment"]
)
def test_an_unknown_language_is_refused(office: Path, args: tuple[str, ...], env: dict[str, str]) -> None:
    result = run("tickets", *args, db=office, env=env)
    fails(result, 2)
    assert result.err == 'antrian: Bahasa "fr" tidak dikenal; pilih salah satu: id, en\n'


def test_argparse_refusals_in_both_languages(office: Path) -> None:
    indonesian = run("ticket", "issue", "A", "--priority", db=office)
    fails(indonesian, 2)
    assert indonesian.err == (
        "antrian: Perintah tidak dapat dipahami (argumen --priority: perlu satu nilai); "
        "lihat «antrian ticket issue --help».\n"
    )
    english = run("ticket", "issue", "A", "--lang", "en", "--priority", db=office)
    fails(english, 2)
    assert english.err == (
        "antrian: The command was not understood (argument --priority: expected one argument); "
        "see “antrian ticket issue --help”.\n"
    )
    unknown = run("frobnicate", db=office)
    fails(unknown, 2, "Perintah tidak dapat dipahami (argumen command: pilihan tidak sah: 'frobnicate'")


def test_files_a_command_cannot_write_are_bad_input_in_one_line(office: Path, tmp_path: Path) -> None:
    """A WAV or a JSON log where no file can be made (under a file, in a folder that does not exist) or a
    folder given as the file: exit 2 naming the option and the path, never an unexpected error."""
    (tmp_path / "a-file").write_text("")
    missing = tmp_path / "a-file" / "call.wav"
    wav = run("voice", "test", "--wav", missing, db=office)
    fails(wav, 2, "--wav: berkas", str(missing), "tidak dapat ditulis")
    assert wav.err.count("\n") == 1
    folder = run("voice", "test", "--wav", tmp_path, "--lang", "en", db=office)
    fails(folder, 2, "--wav: the file", "cannot be written")
    huge = run("voice", "test", "--wav", tmp_path / "a.wav", "--counter", "9" * 30, db=office)
    fails(huge, 2, "--counter")
    log = run(
        "display", "--windowed", "--log-json", tmp_path / "nowhere" / "calls.jsonl",
        db=office, env={"QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    fails(log, 2, "--log-json", "tidak dapat ditulis")
