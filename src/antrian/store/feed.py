"""Change-feed watchers: learn cheaply that the event log may have grown (ARCHITECTURE.md, "Change feed").

The event table is the truth and these are only doorbells: after any ring, and on a slow safety poll, the
reader takes the events with an id greater than the last it saw. Event ids become visible in commit order
(see ``store.queue.append_events``), so that read never skips one.

- SQLite: ``PRAGMA data_version`` on a dedicated connection in autocommit mode (never inside a transaction,
  or it would not see other connections' commits); it changes whenever another connection commits.
- PostgreSQL: ``LISTEN`` on an autocommit psycopg connection; writers ``pg_notify`` inside their transaction,
  so the ring arrives at commit. The connection's socket can be watched by an event loop (``fileno``).

No Qt here: ``gui.feed`` drives these from its own thread.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.engine import URL

from antrian.domain.errors import StoreError
from antrian.store.database import Database
from antrian.store.engines import PG_CONNECT_TIMEOUT_S
from antrian.store.problems import postgres_problem, sqlite_problem
from antrian.store.queue import NOTIFY_CHANNEL
from antrian.store.urls import location
from antrian.store.writer_turn import PoolInfo, close_writer_lock

if TYPE_CHECKING:
    import psycopg

FEED_APPLICATION_NAME = "antrian-feed"
# The watcher's own reads give up this soon: a poll must never hold the feed thread for long.
SQLITE_WATCH_TIMEOUT_S = 0.25
# How long the health probe waits for Antrian's writer turn, and how many probes in a row must find the
# write lock held by another program before it is reported (a program writing for a moment is no problem).
LOCK_PROBE_WAIT_S = 0.4
LOCK_PROBES = 2

log = logging.getLogger(__name__)


class Watcher(Protocol):
    def fileno(self) -> int | None:
        """A socket to watch for readability, or None when the watcher must be polled."""

    def rung(self) -> bool:
        """Whether the log may have grown since the last call. Raises StoreError when the link is lost."""

    def heartbeat(self) -> None:
        """Prove the database can be used now; raises StoreError naming why not."""

    def close(self) -> None: ...


class SqliteWatcher:
    """Polls ``PRAGMA data_version`` (about 80 us a poll on this machine) and watches the file itself.

    Every poll first compares the path's identity with the file's as opened (``SqliteFile.check``): SQLite
    would keep reading a deleted or replaced file forever without a word. The heartbeat (``heartbeat``,
    every half second from the feed) also checks that a write could succeed: the file writable, the disk
    not full, and the write lock not held by another program (``WriterTurn.write_lock_free``, taken and
    given back at once, without writing).
    """

    def __init__(self, database: Database) -> None:
        self._path = str(database.url.database)
        self._database = location(database.url)
        self._file = database.file
        self._turn = database.turn
        self._connection: sqlite3.Connection | None = None
        self._probe: sqlite3.Connection | None = None
        self._probe_info: PoolInfo = {}
        self._generation = -1
        self._version: int | None = None
        self._locked_probes = 0

    def fileno(self) -> int | None:
        return None

    def rung(self) -> bool:
        if self._file is not None:
            self._file.check()
            if self._file.generation != self._generation:
                self.close()  # a new file was adopted: our connections still read the old one
                self._generation = self._file.generation
        try:
            if self._connection is None:
                self._connection = self._connect("ro")
            version = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            self.close()
            raise sqlite_problem(error, self._database, self._path) from None
        changed = version != self._version
        self._version = version
        return changed

    def heartbeat(self) -> None:
        if self._file is not None:
            self._file.health()
        if self._turn is None:
            return
        try:
            if self._probe is None:
                self._probe = self._connect("rw")
                self._probe.execute("PRAGMA busy_timeout = 0")
            free = self._turn.write_lock_free(self._probe_info, self._probe, LOCK_PROBE_WAIT_S)
        except sqlite3.Error as error:
            self.close()
            raise sqlite_problem(error, self._database, self._path) from None
        self._locked_probes = 0 if free else self._locked_probes + 1
        if self._locked_probes >= LOCK_PROBES:
            raise StoreError("store.locked", database=self._database)

    def _connect(self, mode: str) -> sqlite3.Connection:
        return sqlite3.connect(
            f"{Path(self._path).as_uri()}?mode={mode}",
            uri=True,
            isolation_level=None,
            timeout=SQLITE_WATCH_TIMEOUT_S,
        )

    def close(self) -> None:
        for connection in (self._connection, self._probe):
            if connection is not None:
                connection.close()
        close_writer_lock(self._probe_info)
        self._connection = self._probe = None
        self._version = None


class PostgresWatcher:
    """LISTENs on the event channel; ``rung`` drains the notifications that arrived."""

    def __init__(self, url: URL) -> None:
        self._url = url
        self._server = location(url)
        self._connection: psycopg.Connection[Any] | None = None

    def _conninfo(self) -> str:
        plain = self._url.set(drivername="postgresql")
        return plain.render_as_string(hide_password=False)

    def connect(self) -> None:
        import psycopg

        self.close()
        try:
            connection = psycopg.connect(
                self._conninfo(),
                autocommit=True,
                connect_timeout=PG_CONNECT_TIMEOUT_S,
                application_name=FEED_APPLICATION_NAME,
                # A silent link (cable pulled, server frozen) must fail the heartbeat within ~1.5 s.
                keepalives=1,
                keepalives_idle=1,
                keepalives_interval=1,
                keepalives_count=2,
                tcp_user_timeout=1500,
            )
            connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg.Error as error:
            raise self._problem(error, connecting=True) from None
        self._connection = connection

    def _problem(self, error: BaseException, *, connecting: bool = False) -> StoreError:
        problem = postgres_problem(error, self._server, self._url.username)
        if problem.code == "store.failed":  # a driver error on the listening link: the link is what failed
            reason = problem.params["detail"]
            if connecting:
                return StoreError("store.unreachable", server=self._server, reason=reason)
            return StoreError("store.link_lost", server=self._server, reason=reason)
        return problem

    def fileno(self) -> int | None:
        return None if self._connection is None else self._connection.fileno()

    def rung(self) -> bool:
        import psycopg

        if self._connection is None:
            self.connect()
            return True  # (re)connected: anything may have happened while we were away
        try:
            return any(True for _ in self._connection.notifies(timeout=0))
        except psycopg.Error as error:
            self.close()
            raise self._problem(error) from None

    def heartbeat(self) -> None:
        """A round trip on the listening connection; raises StoreError when the link is gone."""
        import psycopg

        if self._connection is None:
            self.connect()
            return
        try:
            self._connection.execute("SELECT 1")
        except psycopg.Error as error:
            self.close()
            raise self._problem(error) from None

    def close(self) -> None:
        import psycopg

        if self._connection is not None:
            with suppress(psycopg.Error):
                self._connection.close()
        self._connection = None


def make_watcher(database: Database) -> SqliteWatcher | PostgresWatcher:
    return SqliteWatcher(database) if database.is_sqlite else PostgresWatcher(database.url)


class FeedPosition:
    """The last event id a window has handled, kept in a small local file across restarts.

    Written atomically (temporary file + rename), so a crash leaves the old or the new position, never half.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> int | None:
        try:
            value = json.loads(self.path.read_text())["last_event_id"]
        except FileNotFoundError:  # never saved: the window starts at the present
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("feed position %s unreadable (%s); starting at the present", self.path, error)
            return None
        if isinstance(value, int) and value >= 0:
            return value
        log.warning("feed position %s holds %r; starting at the present", self.path, value)
        return None

    def save(self, last_event_id: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "w") as stream:
                json.dump({"last_event_id": last_event_id}, stream)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def default_position(window: str, url: URL) -> FeedPosition:
    """Where window ``window`` keeps its position for database ``url`` on this machine."""
    import hashlib

    from platformdirs import user_state_dir

    key = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return FeedPosition(Path(user_state_dir("antrian", appauthor=False)) / f"feed-{window}-{key}.json")
