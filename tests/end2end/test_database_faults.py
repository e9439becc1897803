"""Running windows and a database going wrong: each cause shown, in words, and gone by itself.

A kiosk and a display run in a process of their own (tests/gui/window_process.py) while this test deletes,
replaces, write-protects, locks (another process's ``BEGIN EXCLUSIVE``) or fills the disk of their SQLite
file, or kills their PostgreSQL connections and cuts the link to the server. Each time both windows must
show the banner with that cause (the catalogue's sentence for its code; on the kiosk the citizen reads
only "ask the staff", the cause is in the banner's tooltip for staff), the kiosk must hand out no number,
and when the cause is gone both must come back with no message left behind. How soon (the promise: within
2 s) is measured by ``bench/bench_windows.py --only notice``; the waits' deadlines here only guard a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from antrian import words
from antrian.domain.errors import StoreError
from antrian.store.database import open_database
from tests.conftest import PG_BASE, seed_admin, seed_office
from tests.store.faults import (
    backup,
    fill,
    lock_held,
    make_read_only,
    make_writable,
    restore,
    side_files,
    small_disk,
)
from tests.waiting import wait_until

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
HANG_S = 10.0  # a guard against a notice that never comes, not a performance claim (see the bench)
WINDOWS = ("kiosk", "display")


class Windows:
    """The window process: its records, and commands to it."""

    def __init__(self, url: str, tmp: Path) -> None:
        self.out, self.commands = tmp / "windows.jsonl", tmp / "windows.cmd"
        env = {
            **os.environ,
            "XDG_STATE_HOME": str(tmp / "state"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONFAULTHANDLER": "1",  # a crash of the window process leaves its stacks in windows.err
        }
        self.err = tmp / "windows.err"
        with self.err.open("w") as errors:  # the child keeps its own copy of the handle
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.gui.window_process", url, str(self.out), str(self.commands)],
                cwd=ROOT,
                env=env,
                stderr=errors,
            )
        for name in WINDOWS:
            self.wait(lambda r, name=name: r.get("window") == name and not r["banner"], f"{name} online", 30)
        self.wait(lambda r: r.get("window") == "kiosk" and r.get("buttons") is True, "kiosk buttons", 30)

    def records(self) -> list[dict[str, Any]]:
        if not self.out.exists():
            return []
        return [json.loads(line) for line in self.out.read_text().splitlines() if line.strip()]

    def wait(
        self, match: Callable[[dict[str, Any]], bool], what: str, timeout: float = 10, since: float = 0
    ) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            for record in self.records():
                if record["t"] >= since and match(record):
                    return record
            if self.process.poll() is not None:
                code = self.process.returncode
                raise AssertionError(f"the windows exited ({code}): {self.err.read_text()[-4000:]}")
            return None

        return wait_until(found, lambda: f"{what}; last: {self.records()[-6:]}", timeout)

    def last(self, window: str) -> dict[str, Any]:
        return [r for r in self.records() if r.get("window") == window][-1]

    def send(self, line: str) -> None:
        with self.commands.open("a") as stream:
            stream.write(line + "\n")

    def tap(self, code: str) -> dict[str, Any]:
        since = time.time()
        self.send(f"tap {code}")
        answered = {"shown", "refused", "nothing"}
        return self.wait(lambda r: bool(answered & r.keys()), "answer to a tap", 20, since)

    def stop(self) -> None:
        self.send("stop")
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise

    def noticed(self, *codes: str, since: float) -> None:
        """Both windows showed the sentence of one of ``codes`` after ``since``."""
        for name in WINDOWS:
            seen = self.wait(
                lambda r, name=name: r.get("window") == name and r["banner"] and r["code"] in codes,
                f"{name} showing {codes}",
                HANG_S,
                since,
            )
            said = seen["cause"] if name == "kiosk" else seen["text"]
            assert said and seen["code"] not in said, seen  # words, not the code
            if name == "kiosk":
                assert seen["text"] == words.text("kiosk.take.offline"), seen  # no cause for citizens

    def shows(self, *codes: str, since: float) -> None:
        """``noticed``, and the kiosk offers no service now."""
        self.noticed(*codes, since=since)
        assert self.last("kiosk")["buttons"] is False, "the kiosk offers services it cannot save"

    def recovers(self, since: float, code: str, number: str) -> None:
        """Both banners gone, services offered again, the kiosk's message back to its greeting, and a tap
        on service ``code`` gives ``number``."""
        for name in WINDOWS:
            self.wait(
                lambda r, name=name: r.get("window") == name and not r["banner"] and r["code"] is None,
                f"{name} back online",
                15,
                since,
            )
        kiosk = self.wait(lambda r: r.get("window") == "kiosk" and r.get("buttons") is True, "services", 15)
        assert not kiosk["banner"] and "Maaf" not in kiosk["title"], kiosk
        assert self.tap(code).get("shown") == number


def client_ports(pid: int, server_port: int) -> set[int]:
    """The local ports of process ``pid``'s TCP connections to ``server_port`` (Linux /proc): the server
    is shared, so only this test's windows' backends may be killed."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError), open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                local, remote, inode = fields[1], fields[2], fields[9]
                if inode in inodes and int(remote.rsplit(":", 1)[1], 16) == server_port:
                    ports.add(int(local.rsplit(":", 1)[1], 16))
    return ports


def sentence(code: str, records: list[dict[str, Any]]) -> str:
    """The words each window first showed for ``code`` (the kiosk's cause, for staff): the same."""
    said: dict[str, str] = {}
    for record in records:
        if record.get("code") == code:
            said.setdefault(record["window"], record.get("cause", record["text"]))
    assert len(set(said.values())) == 1, said
    return said["display"]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "office.db"
    db = open_database(str(path), create=True)
    seed_office(db)
    seed_admin(db)
    db.dispose()
    yield path


@pytest.fixture
def windows(office: Path, tmp_path: Path) -> Iterator[Windows]:
    shown = Windows(str(office), tmp_path)
    try:
        yield shown
    finally:
        shown.stop()


def test_deleted_file(windows: Windows, office: Path) -> None:
    saved = backup(office, office.with_name("backup.db"))
    since = time.time()
    office.unlink()
    windows.shows("store.deleted", since=since)
    assert str(office) in sentence("store.deleted", windows.records())
    assert "nothing" in windows.tap("A")
    assert not office.exists(), "an empty office was created at the path"
    since = time.time()
    restore(saved, office)
    windows.recovers(since, "A", "A001")


def test_replaced_file(windows: Windows, office: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    db = open_database(str(other), create=True)
    seed_office(db)
    seed_admin(db)
    db.dispose()
    assert windows.tap("A")["shown"] == "A001"  # the old file's -wal now holds pages
    since = time.time()
    os.replace(other, office)
    # replaced, and at once (the next look at the new file) the old file's log beside it: said as such
    # until it is moved away
    windows.shows("store.replaced", "store.stale_journal", since=since)
    windows.wait(lambda r: r.get("window") == "kiosk" and r["code"] == "store.stale_journal", "stale log")
    since = time.time()
    for side in side_files(office):
        side.unlink(missing_ok=True)
    windows.recovers(since, "B", "B001")


def test_read_only_file(windows: Windows, office: Path) -> None:
    since = time.time()
    make_read_only(office)
    try:
        windows.shows("store.readonly", since=since)
        assert "nothing" in windows.tap("A")
    finally:
        since = time.time()
        make_writable(office)
    windows.recovers(since, "A", "A001")


def test_file_locked_by_another_program(windows: Windows, office: Path) -> None:
    since = time.time()
    with lock_held(office, "EXCLUSIVE"):
        windows.shows("store.locked", since=since)
        # not a wait: the lock is held across two health checks (HEALTH_MS) to prove the state stays
        time.sleep(1)
        assert windows.last("kiosk")["code"] == windows.last("display")["code"] == "store.locked"
        since = time.time()
    windows.recovers(since, "A", "A001")


def test_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path, "8m") as disk:
        path = disk / "office.db"
        db = open_database(str(path), create=True)
        seed_office(db)
        seed_admin(db)
        db.dispose()
        shown = Windows(str(path), tmp_path)
        try:
            since = time.time()
            filler = fill(disk)
            shown.shows("store.full", since=since)
            since = time.time()
            filler.unlink()
            shown.recovers(since, "A", "A001")
        finally:
            shown.stop()


def pg_office(pg_url: str) -> None:
    db = open_database(pg_url, create=True)
    seed_office(db)
    seed_admin(db)
    db.dispose()


@pytest.mark.postgres
def test_postgres_connections_killed(pg_url: str, tmp_path: Path) -> None:
    import psycopg

    pg_office(pg_url)
    shown = Windows(pg_url, tmp_path)
    try:
        conninfo = PG_BASE.replace("postgresql+psycopg://", "postgresql://")
        since = time.time()
        ports = client_ports(shown.process.pid, 5432)
        assert ports, "the windows hold no connection to the server"
        with psycopg.connect(conninfo, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY(%s)",
                (sorted(ports),),
            ).fetchall()
        assert killed and all(row[0] for row in killed)
        shown.noticed("store.link_lost", since=since)
        shown.recovers(since, "A", "A001")
    finally:
        shown.stop()


@pytest.mark.postgres
def test_postgres_server_away(pg_url: str, tmp_path: Path) -> None:
    from tests.feed.test_feed import Proxy

    pg_office(pg_url)
    proxy = Proxy()
    shown = Windows(pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"), tmp_path)
    try:
        since = time.time()
        proxy.stop()
        # the links in use break first (link lost), a new one is then refused (unreachable)
        shown.shows("store.link_lost", "store.unreachable", since=since)
        shown.wait(lambda r: r.get("code") == "store.unreachable", "unreachable while away", 10, since)
        assert "nothing" in shown.tap("A")
        server = f"127.0.0.1:{proxy.port}/test"
        said = words.say(StoreError("store.unreachable", server=server, reason=""))
        assert said in sentence("store.unreachable", shown.records())
        since = time.time()
        proxy.start()
        shown.recovers(since, "A", "A001")
    finally:
        shown.stop()
        proxy.stop()
