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
import os
import sqlite3
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.engine import URL

from antrian.domain.errors import StoreError
from antrian.store.database import PG_CONNECT_TIMEOUT_S, describe
from antrian.store.queue import NOTIFY_CHANNEL

if TYPE_CHECKING:
    import psycopg

FEED_APPLICATION_NAME = "antrian-feed"


class Watcher(Protocol):
    def fileno(self) -> int | None:
        """A socket to watch for readability, or None when the watcher must be polled."""

    def rung(self) -> bool:
        """Whether the log may have grown since the last call. Raises StoreError when the link is lost."""

    def close(self) -> None: ...


class SqliteWatcher:
    """Polls ``PRAGMA data_version`` (about 80 us a poll on this machine)."""

    def __init__(self, url: URL) -> None:
        self._path = str(url.database)
        self._name = describe(url)
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    def fileno(self) -> int | None:
        return None

    def rung(self) -> bool:
        try:
            if self._connection is None:
                self._connection = sqlite3.connect(
                    f"{Path(self._path).as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=2
                )
            version = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as error:
            self.close()
            raise StoreError(f"cannot watch {self._name}: {error}") from None
        changed = version != self._version
        self._version = version
        return changed

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None
        self._version = None


class PostgresWatcher:
    """LISTENs on the event channel; ``rung`` drains the notifications that arrived."""

    def __init__(self, url: URL) -> None:
        self._url = url
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
            first_line = str(error).strip().splitlines()[0]
            raise StoreError(f"cannot reach {describe(self._url)}: {first_line}") from None
        self._connection = connection

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
            raise StoreError(f"lost the link to {describe(self._url)}: {error}") from None

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
            raise StoreError(f"lost the link to {describe(self._url)}: {error}") from None

    def close(self) -> None:
        import psycopg

        if self._connection is not None:
            with suppress(psycopg.Error):
                self._connection.close()
        self._connection = None


def make_watcher(url: URL) -> SqliteWatcher | PostgresWatcher:
    return SqliteWatcher(url) if url.get_backend_name() == "sqlite" else PostgresWatcher(url)


class FeedPosition:
    """The last event id a window has handled, kept in a small local file across restarts.

    Written atomically (temporary file + rename), so a crash leaves the old or the new position, never half.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> int | None:
        try:
            value = json.loads(self.path.read_text())["last_event_id"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return value if isinstance(value, int) and value >= 0 else None

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
