"""The change feed across processes: every event once and in order, through kills, restarts and outages.

A subscriber process runs a Qt event loop with ``gui.feed.ChangeFeed`` (tests/feed/subscriber.py) while
other processes write through the service layer.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from antrian.domain.roles import SYSTEM
from antrian.services.counters import open_counter
from antrian.services.queries import last_event_id
from antrian.store.database import Database, open_database
from tests.conftest import PG_BASE, seed_office
from tests.store import workers
from tests.waiting import wait_until

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


class Subscriber:
    def __init__(self, url: str, tmp: Path, name: str = "sub", position: Path | None = None) -> None:
        self.out = tmp / f"{name}.jsonl"
        self.stop_file = tmp / f"{name}.stop"
        self.stop_file.unlink(missing_ok=True)
        command = [sys.executable, "-m", "tests.feed.subscriber", url, str(self.out), str(self.stop_file)]
        if position is not None:
            command += ["--position", str(position)]
        self.process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        self.wait_for(lambda records: any("ready" in r for r in records), 30, "subscription")

    def records(self) -> list[dict[str, Any]]:
        if not self.out.exists():
            return []
        return [json.loads(line) for line in self.out.read_text().splitlines() if line.strip()]

    def ids(self) -> list[int]:
        return [r["id"] for r in self.records() if "id" in r]

    def wait_for(self, condition: Callable[[list[dict[str, Any]]], bool], timeout: float, what: str) -> None:
        def met() -> bool:
            if condition(self.records()):
                return True
            if self.process.poll() is not None:
                raise AssertionError(
                    f"subscriber died: {self.process.stderr.read() if self.process.stderr else ''}"
                )
            return False

        wait_until(met, lambda: f"{what} at the subscriber; got {self.records()[-5:]}", timeout)

    def wait_for_id(self, event_id: int, timeout: float = 30) -> None:
        self.wait_for(
            lambda records: any(r.get("id") == event_id for r in records), timeout, f"event {event_id}"
        )

    def stop(self) -> str:
        self.stop_file.touch()
        try:
            _, stderr = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        assert self.process.returncode == 0, stderr
        return stderr


def head(db: Database) -> int:
    with db.read() as session:
        return last_event_id(session)


def write_in_processes(url: str, tmp: Path, issuers: int, per_issuer: int) -> None:
    ctx = workers.processes()
    start = ctx.Barrier(issuers)
    outs = [tmp / f"writer{i}.json" for i in range(issuers)]
    processes = [
        ctx.Process(target=workers.issuer, args=(url, per_issuer, ["A", "B", "C"], start, str(out)))
        for out in outs
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    assert [json.loads(out.read_text())["errors"] for out in outs] == [[]] * issuers


@pytest.fixture
def office_url(db: Database, db_url: str) -> Iterator[str]:
    seed_office(db)
    yield db_url


@pytest.fixture
def pg_office(pg_url: str) -> Iterator[tuple[Database, str]]:
    """A seeded office on PostgreSQL only, for what only a server can do (kill a backend, go away)."""
    database = open_database(pg_url, create=True)
    try:
        seed_office(database)
        yield database, pg_url
    finally:
        database.dispose()


def test_every_event_once_in_commit_order(db: Database, office_url: str, tmp_path: Path) -> None:
    start = head(db)
    subscriber = Subscriber(office_url, tmp_path)
    write_in_processes(office_url, tmp_path, issuers=4, per_issuer=60)
    end = head(db)
    subscriber.wait_for_id(end)
    subscriber.stop()
    assert subscriber.ids() == list(range(start + 1, end + 1))


@pytest.mark.postgres
def test_listener_killed_mid_stream_misses_nothing(pg_office: tuple[Database, str], tmp_path: Path) -> None:
    import psycopg

    db, office_url = pg_office
    start = head(db)
    subscriber = Subscriber(office_url, tmp_path)
    ctx = workers.processes()
    barrier = ctx.Barrier(2)
    out = tmp_path / "writer.json"
    writer = ctx.Process(target=workers.issuer, args=(office_url, 400, ["A", "B"], barrier, str(out)))
    writer.start()
    barrier.wait()
    killed = 0
    conninfo = PG_BASE.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as admin:
        listening = "SELECT pid FROM pg_stat_activity WHERE application_name = 'antrian-feed'"
        while writer.is_alive() and killed < 5:
            # each kill waits for the listener to be back: killing nothing proves nothing
            wait_until(lambda: admin.execute(listening).fetchall() or not writer.is_alive(), "listener", 30)
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'antrian-feed'"
            ).fetchall()
            killed += len(rows)
    writer.join(120)
    assert killed >= 2, "the listener must have been killed while events were being written"
    end = head(db)
    subscriber.wait_for_id(end)
    subscriber.stop()
    assert subscriber.ids() == list(range(start + 1, end + 1))


def test_restarted_subscriber_neither_replays_nor_misses(
    db: Database, office_url: str, tmp_path: Path
) -> None:
    position = tmp_path / "display-position.json"
    start = head(db)
    first = Subscriber(office_url, tmp_path, "first", position)
    write_in_processes(office_url, tmp_path, issuers=2, per_issuer=20)
    middle = head(db)
    first.wait_for_id(middle)
    first.stop()
    assert json.loads(position.read_text()) == {"last_event_id": middle}
    # calls made while the window is down
    with db.write() as session:
        open_counter(session, 1, actor=SYSTEM)
    write_in_processes(office_url, tmp_path, issuers=2, per_issuer=10)
    end = head(db)
    second = Subscriber(office_url, tmp_path, "second", position)
    second.wait_for_id(end)
    with db.write() as session:  # a last event: the feed delivers in order, so a replay would come before it
        open_counter(session, 2, actor=SYSTEM)
    last = head(db)
    second.wait_for_id(last)
    second.stop()
    assert first.ids() == list(range(start + 1, middle + 1))
    assert second.ids() == list(range(middle + 1, last + 1))


class Proxy:
    """A TCP forwarder on loopback that can be stopped (refusing and cutting connections) and restarted."""

    def __init__(self, target_port: int = 5432) -> None:
        self.target_port = target_port
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self.start()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def stop(self) -> None:
        if self._listener is not None:
            # shutdown wakes the thread blocked in accept(); a bare close would leave it accepting
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        for s in self._sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self._sockets.clear()


@pytest.mark.postgres
def test_unreachable_server_goes_offline_then_back(pg_office: tuple[Database, str], tmp_path: Path) -> None:
    db, office_url = pg_office
    proxy = Proxy()
    proxied = office_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    subscriber = Subscriber(proxied, tmp_path)
    try:
        with db.write() as session:  # prove the subscription is live before pulling the plug
            open_counter(session, 2, actor=SYSTEM)
        subscriber.wait_for_id(head(db))
        proxy.stop()
        stopped = time.time()
        subscriber.wait_for(lambda rs: any(r.get("online") is False for r in rs), 5, "offline")
        went_offline = next(r["t"] for r in subscriber.records() if r.get("online") is False)
        assert went_offline - stopped <= 2.0
        # calls made during the outage reach the subscriber once the server is back
        before = head(db)
        with db.write() as session:
            open_counter(session, 1, actor=SYSTEM)
        write_in_processes(office_url, tmp_path, issuers=1, per_issuer=5)
        end = head(db)
        proxy.start()
        subscriber.wait_for(
            lambda rs: [r.get("online") for r in rs if "online" in r][-1] is True, 10, "online"
        )
        subscriber.wait_for_id(end)
        assert [i for i in subscriber.ids() if i > before] == list(range(before + 1, end + 1))
    finally:
        proxy.stop()
        subscriber.stop()
