"""The command's trace: every run logs its start and outcome (no password in it), an unexpected failure
leaves its traceback in the log and one line in the person's language on stderr, a listing piped into
``head`` ends quietly, and the log is complete when the process has ended. The real program, in
subprocesses, each test with its own log folder."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from antrian import words
from antrian.domain.messages import Message
from antrian.services.queue import issue_ticket
from antrian.store.database import open_database
from tests.conftest import seed_office

pytestmark = pytest.mark.slow

_SCRIPT = Path(sys.executable).with_name("antrian")
ANTRIAN = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "antrian"]


@dataclass(frozen=True)
class Ran:
    pid: int
    code: int
    out: str
    err: str

    def describe(self) -> str:
        return f"exit {self.code}\nstdout: {self.out[:2000]}\nstderr: {self.err}"


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path / "log"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    db = open_database(str(path), create=True)
    seed_office(db)
    with db.write() as session:
        for _ in range(3):
            issue_ticket(session, "A")
    db.dispose()
    return path


def antrian(*args: str | Path, log_dir: Path, **extra_env: str) -> Ran:
    env = {k: v for k, v in os.environ.items() if k not in ("ANTRIAN_DATABASE_URL", "ANTRIAN_DEBUG")}
    env.update({"ANTRIAN_LOG_DIR": str(log_dir), **extra_env})
    proc = subprocess.Popen(
        [*ANTRIAN, *map(str, args)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = proc.communicate(timeout=60)
    return Ran(proc.pid, proc.returncode, out, err)


def lines_of(pid: int, log_dir: Path) -> list[tuple[str, str]]:
    """(name, rest) of each line process ``pid`` wrote, in order."""
    found = []
    for line in (log_dir / "antrian.log").read_text(encoding="utf-8").splitlines():
        match = re.match(rf"^\S+ \S+ \[{pid} ([^\]]+)\] (.*)$", line)
        if match:
            found.append((match[1], match[2]))
    return found


def test_log_path_says_where_the_file_is(log_dir: Path) -> None:
    plain = antrian("log-path", log_dir=log_dir)
    assert (plain.code, plain.out.strip(), plain.err) == (0, str(log_dir / "antrian.log"), ""), (
        plain.describe()
    )
    described = antrian("log-path", "--json", log_dir=log_dir)
    assert described.code == 0, described.describe()
    import json

    assert json.loads(described.out) == {
        "path": str(log_dir / "antrian.log"),
        "exists": True,
        "level": "INFO",
        "writing": True,
    }


def test_a_run_logs_its_start_and_its_outcome_last_and_the_file_is_complete_at_exit(
    office: Path, log_dir: Path
) -> None:
    ran = antrian("--db", office, "counters", log_dir=log_dir)
    assert ran.code == 0, ran.describe()
    logged = lines_of(ran.pid, log_dir)
    assert logged[0] == ("antrian", f"INFO antrian.cli: start: antrian --db {office} counters")
    assert logged[-1] == ("counters", "INFO antrian.cli: done: exit 0")  # written before os._exit


def test_counter_actions_are_logged_with_ticket_counter_and_operator(office: Path, log_dir: Path) -> None:
    for args in (("open", 1), ("call-next", 1), ("recall", 1), ("start", 1), ("finish", 1)):
        ran = antrian("--db", office, "counter", *map(str, args), log_dir=log_dir)
        assert ran.code == 0, ran.describe()
    text = (log_dir / "antrian.log").read_text(encoding="utf-8")
    for expected in (
        "[{pid} counter open] INFO antrian.services.counters: counter_opened counter 1 by system",
        "INFO antrian.services.queue: ticket_called A001 counter 1 by system call_count=1",
        "INFO antrian.services.queue: ticket_recalled A001 counter 1 by system call_count=2",
        "INFO antrian.services.queue: ticket_started A001 counter 1 by system",
        "INFO antrian.services.queue: ticket_finished A001 counter 1 by system",
    ):
        assert re.search(re.escape(expected).replace(re.escape("{pid}"), r"\d+"), text), expected


def test_nothing_is_logged_for_an_action_that_was_not_saved(office: Path, log_dir: Path) -> None:
    ran = antrian("--db", office, "counter", "call-next", "1", log_dir=log_dir)  # the counter is closed
    assert ran.code == 2, ran.describe()
    logged = lines_of(ran.pid, log_dir)
    assert not any("ticket_called" in rest for _, rest in logged)
    assert re.fullmatch(r"WARNING antrian\.cli: refused: exit 2: .+ \[.+\]", logged[-1][1]), logged


def test_a_database_password_never_reaches_the_log(log_dir: Path) -> None:
    ran = antrian("--db", "postgresql://antrian:rahasia-sekali@127.0.0.1:9/x", "counters", log_dir=log_dir)
    assert ran.code == 1, ran.describe()
    text = (log_dir / "antrian.log").read_text(encoding="utf-8")
    assert "rahasia-sekali" not in text
    assert "start: antrian --db postgresql://antrian:***@127.0.0.1:9/x counters" in text
    assert re.search(r"ERROR antrian\.cli: failed: exit 1: .+ \[.+\] \(cause: OperationalError: ", text), text


def test_an_unexpected_error_leaves_its_traceback_in_the_log_and_one_line_on_stderr(
    office: Path, log_dir: Path
) -> None:
    with sqlite3.connect(office) as connection:  # a damaged row: the event log cannot be read
        connection.execute("UPDATE events SET data = '{not json' WHERE id = (SELECT min(id) FROM events)")
    ran = antrian("--db", office, "events", log_dir=log_dir)

    assert ran.code == 1, ran.describe()
    told = Message("logs.cli_unexpected", kind="JSONDecodeError", log=str(log_dir / "antrian.log"))
    assert ran.err.splitlines() in ([f"antrian: {words.say(told, lang=lang)}"] for lang in ("id", "en"))
    text = (log_dir / "antrian.log").read_text(encoding="utf-8")
    assert (
        f"[{ran.pid} events] ERROR antrian.cli: unexpected error: exit 1\nTraceback (most recent call" in text
    )
    assert "json.decoder.JSONDecodeError: Expecting property name" in text


def test_a_listing_piped_into_head_ends_quietly(office: Path, log_dir: Path) -> None:
    db = open_database(str(office), create=True)
    with db.write() as session:
        for _ in range(2500):  # ~250 KB of event lines: far more than the pipe holds
            issue_ticket(session, "B")
    db.dispose()
    env = {k: v for k, v in os.environ.items() if k not in ("ANTRIAN_DATABASE_URL", "ANTRIAN_DEBUG")}
    env["ANTRIAN_LOG_DIR"] = str(log_dir)
    listing = subprocess.Popen(
        [*ANTRIAN, "--db", str(office), "events", "--limit", "5000"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert listing.stdout is not None and listing.stderr is not None
    head = subprocess.Popen(["head", "-1"], stdin=listing.stdout, stdout=subprocess.PIPE, text=True)
    listing.stdout.close()  # head alone holds the reading end: when it exits, the pipe is broken
    first, _ = head.communicate(timeout=60)
    err = listing.stderr.read().decode()
    listing.stderr.close()

    assert listing.wait(timeout=60) == 141, err
    assert err == ""
    assert re.match(r"^\s+1  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  \w+", first), first  # event 1, whole
    assert lines_of(listing.pid, log_dir)[-1] == (
        "events",
        "INFO antrian.cli: output closed by its reader: exit 141",
    )


def test_a_log_folder_that_cannot_be_written_is_said_once_and_the_command_works(
    office: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    ran = antrian("--db", office, "counters", log_dir=blocker / "log")

    assert ran.code == 0, ran.describe()
    assert "Loket 1" in ran.out
    [told] = ran.err.splitlines()
    assert told.startswith("antrian: ") and str(blocker / "log") in told


def test_without_a_log_file_an_unexpected_error_shows_its_traceback_on_stderr(
    office: Path, tmp_path: Path
) -> None:
    """The only trace left is the terminal's: the traceback goes there, and the last line says why."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with sqlite3.connect(office) as connection:
        connection.execute("UPDATE events SET data = '{not json' WHERE id = (SELECT min(id) FROM events)")
    ran = antrian("--db", office, "events", log_dir=blocker / "log")

    assert ran.code == 1, ran.describe()
    assert "Traceback (most recent call last)" in ran.err and "JSONDecodeError" in ran.err
    told = Message("logs.cli_unexpected_unlogged", kind="JSONDecodeError")
    assert ran.err.splitlines()[-1] in (f"antrian: {words.say(told, lang=lang)}" for lang in ("id", "en"))
