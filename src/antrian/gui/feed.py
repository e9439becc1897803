"""The change feed's Qt bridge: every window learns of every change, in commit order, exactly once.

One ``ChangeFeed`` per process. Its worker lives in its own thread, so database I/O never blocks the GUI: it
watches the database (SQLite: ``PRAGMA data_version`` on a QTimer; PostgreSQL: the LISTEN socket on a
QSocketNotifier, plus a heartbeat that notices a silent link), reads the events after each subscriber's
position and hands them to the GUI thread by queued signals, which keep their order.

Windows subscribe when they open and unsubscribe when they close. A subscription may carry a
``FeedPosition``: a restarted window then resumes after the last event it handled (it is given the ones made
while it was down, and none it had already seen); without one it starts at the present. The position file
is read and written by the worker too (written once the window has handled a batch), never by the GUI.

The worker also watches the database itself, so that every window shows within 2 s, in the person's words,
why nothing can be saved: a SQLite file deleted, replaced, made read-only, locked by another program or on
a full disk (``store.feed.SqliteWatcher``), a PostgreSQL server unreachable or the link killed. It keeps
trying, and reports the database back (with no stale message) once the cause has gone.

Signals:
    onlineChanged(bool): the database became unusable (within 2 s) or usable again (then resynced).
    problemChanged(object): why the database cannot be used now, an ``AntrianError`` (a ``StoreError``
        such as ``store.readonly``), or None once it can; emitted on every change of the cause.
    subscribed(int, int): a subscription is in place and receives every event after the given id.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from queue import Empty, SimpleQueue
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QThread, QTimer, Signal, Slot

from antrian.domain.errors import AntrianError
from antrian.services.queries import events_after, last_event_id
from antrian.services.results import EventInfo
from antrian.store.database import Database
from antrian.store.feed import FeedPosition, PostgresWatcher, make_watcher

log = logging.getLogger(__name__)

# SQLite: a poll (``PRAGMA data_version`` and the file's identity) costs about 4 us of CPU, so every 5 ms is
# well under 1 % of a core, and the first change after a quiet moment is read within 5 ms (with 15 ms: 7.5 ms
# later on average). A read of the new events costs 1-2 ms of CPU, so on either database reads are at least
# READ_GAP_MS apart: the first change after a quiet moment is read at once, the changes of a busy moment (nine
# counters calling at once, each PostgreSQL commit its own notification) together (issue 16).
SQLITE_POLL_MS = 5
READ_GAP_MS = 15
PG_HEARTBEAT_MS = 400
HEALTH_MS = 500  # SQLite: how often the file's health (writable, space, lock) is checked
PAGE = 1000

Handler = Callable[[list[EventInfo]], object]  # what it returns is not used


class _Worker(QObject):
    """Owns the watcher and the per-subscriber cursors; runs only in the feed thread."""

    # Results travel in a plain queue, in order, and a bare "wake up" signal tells the GUI thread to drain
    # it: the GUI side then handles a burst of batches in one go instead of one queued call each.
    wake = Signal()

    def __init__(self, database: Database, outbox: SimpleQueue[tuple[str, Any, Any]]) -> None:
        super().__init__()
        self._outbox = outbox
        self._database = database
        self._watcher = make_watcher(database)
        self._cursors: dict[int, int] = {}
        self._positions: dict[int, FeedPosition] = {}
        self._online: bool | None = None
        self._problem: AntrianError | None = None
        self._notifier: QSocketNotifier | None = None
        self._poll: QTimer | None = None
        self._heartbeat: QTimer | None = None
        self._due = False  # the log has grown and is to be read (once READ_GAP_MS has passed since the last)
        self._last_read = 0.0  # time.monotonic() of the last read
        self._gap: QTimer | None = None  # reads what rang during the gap when it ends

    @Slot()
    def start(self) -> None:
        self._heartbeat = QTimer(self)
        self._heartbeat.timeout.connect(self._beat)
        self._heartbeat.start(PG_HEARTBEAT_MS if self._is_pg else HEALTH_MS)
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.setTimerType(Qt.TimerType.PreciseTimer)
        self._gap.timeout.connect(self._ring)
        if not self._is_pg:
            self._poll = QTimer(self)
            self._poll.setTimerType(Qt.TimerType.PreciseTimer)
            self._poll.timeout.connect(self._ring)
            self._poll.start(SQLITE_POLL_MS)
        self._ring()

    @property
    def _is_pg(self) -> bool:
        return isinstance(self._watcher, PostgresWatcher)

    @Slot(int, object)
    def add(self, subscription: int, position: FeedPosition | None) -> None:
        after = None
        if position is not None:
            self._positions[subscription] = position
            after = position.load()
        try:
            with self._database.read() as session:
                head = last_event_id(session)
            # No position, or one past the head (the database was recreated or restored): start at the head.
            if after is None or after > head:
                after = head
            self._cursors[subscription] = after
            self._outbox.put(("ready", subscription, after))
            self.wake.emit()
            self._read()
        except AntrianError as error:
            self._cursors.setdefault(subscription, after if after is not None else -1)
            self._offline(error)

    @Slot(int)
    def remove(self, subscription: int) -> None:
        self._cursors.pop(subscription, None)
        self._positions.pop(subscription, None)

    @Slot(int, object)
    def save(self, subscription: int, last_event_id: int) -> None:
        """Keep where a window is: it has handled every event up to ``last_event_id``."""
        position = self._positions.get(subscription)
        if position is None:
            return
        try:
            position.save(last_event_id)
        except OSError as error:  # the window goes on; after a restart it would see these events again
            log.warning("feed position %s not saved: %s", position.path, error)

    @Slot()
    def stop(self) -> None:
        for timer in (self._poll, self._heartbeat, self._gap):
            if timer is not None:
                timer.stop()
        self._drop_notifier()
        self._watcher.close()

    def _ring(self) -> None:
        if self._online is False:
            return  # coming back is the heartbeat's: it checks the whole cause has gone first
        try:
            if self._watcher.rung():
                self._watch_socket()
                self._due = True
            elif self._online is not True:
                self._due = True
            if self._due:
                wait_ms = READ_GAP_MS - (time.monotonic() - self._last_read) * 1000
                if wait_ms <= 0:
                    self._read()
                elif self._gap is not None and not self._gap.isActive():
                    self._gap.start(max(1, int(wait_ms + 0.5)))
        except AntrianError as error:
            self._offline(error)

    def _beat(self) -> None:
        """Safety poll: prove the database can be used now (PostgreSQL: the link; SQLite: the file can be
        written and is not locked), then read what a lost ring missed, or come back online."""
        try:
            self._watcher.heartbeat()
            if self._online is not True:
                self._watcher.rung()  # (re)connects, and reopens on a file adopted meanwhile
                self._watch_socket()
            self._read()
        except AntrianError as error:
            self._offline(error)

    def _watch_socket(self) -> None:
        fd = self._watcher.fileno()
        if fd is None or (self._notifier is not None and int(self._notifier.socket()) == fd):
            return
        self._drop_notifier()
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._ring)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _read(self) -> None:
        self._due, self._last_read = False, time.monotonic()
        unresolved = [sid for sid, cursor in self._cursors.items() if cursor < 0]
        with self._database.read() as session:
            if unresolved or self._online is not True:
                head = last_event_id(session)
                for sid, cursor in self._cursors.items():
                    # unresolved, or past the head of a database file that was replaced meanwhile
                    if cursor < 0 or cursor > head:
                        self._cursors[sid] = head
            while self._cursors:
                lowest = min(self._cursors.values())
                events = events_after(session, lowest, PAGE)
                if not events:
                    break
                for sid, cursor in list(self._cursors.items()):
                    batch = [event for event in events if event.id > cursor]
                    if batch:
                        self._cursors[sid] = batch[-1].id
                        self._outbox.put(("events", sid, batch))
                        self.wake.emit()
                if len(events) < PAGE:
                    break
        self._set_online(True)

    def _offline(self, error: AntrianError) -> None:
        self._drop_notifier()
        self._watcher.close()
        self._set_online(False, error)

    def _set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        same_problem = (problem is None) == (self._problem is None) and (
            problem is None or self._problem is None or problem.message == self._problem.message
        )
        if online == self._online and same_problem:
            return
        if problem is not None:
            log.warning("change feed offline: %s", problem)
        elif self._online is False:
            log.warning("change feed online again")
        self._online, self._problem = online, problem
        self._outbox.put(("online", online, problem))
        self.wake.emit()


@dataclass
class Subscription:
    """A window's place in the feed."""

    id: int
    handler: Handler
    position: FeedPosition | None


class ChangeFeed(QObject):
    """Delivers new events to subscribed windows on the GUI thread, in commit order, each exactly once."""

    onlineChanged = Signal(bool)
    problemChanged = Signal(object)  # AntrianError | None
    subscribed = Signal(int, int)  # subscription id, the event id it starts after
    _add = Signal(int, object)
    _remove = Signal(int)
    _save = Signal(int, object)  # subscription, event id (a Python int: no 32-bit limit)
    _stop = Signal()

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = count(1)
        self._subscriptions: dict[int, Subscription] = {}
        self.online: bool | None = None
        self.problem: AntrianError | None = None
        self._thread = QThread(self)
        self._thread.setObjectName("antrian-change-feed")
        self._outbox: SimpleQueue[tuple[str, Any, Any]] = SimpleQueue()
        self._worker = _Worker(database, self._outbox)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        self._worker.wake.connect(self._drain)
        self._add.connect(self._worker.add)
        self._remove.connect(self._worker.remove)
        self._save.connect(self._worker.save)
        self._stop.connect(self._worker.stop, Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.start()

    def subscribe(self, handler: Handler, position: FeedPosition | None = None) -> Subscription:
        """Start delivering to ``handler``: after the saved ``position``, or from now on without one."""
        subscription = Subscription(next(self._ids), handler, position)
        self._subscriptions[subscription.id] = subscription
        self._add.emit(subscription.id, position)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        if self._subscriptions.pop(subscription.id, None) is not None:
            self._remove.emit(subscription.id)

    def close(self) -> None:
        """Stop the worker and its thread; no event is delivered afterwards."""
        if not self._thread.isRunning():
            return
        self._subscriptions.clear()
        self._stop.emit()  # blocks until the worker has stopped its timers and closed its connection
        self._thread.quit()
        self._thread.wait(5000)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                kind, first, second = self._outbox.get_nowait()
            except Empty:
                return
            if kind == "online":
                went = self.online != bool(first)
                self.online, self.problem = bool(first), second
                if went:
                    self.onlineChanged.emit(self.online)
                self.problemChanged.emit(self.problem)
            elif kind == "ready":
                if first in self._subscriptions:
                    self.subscribed.emit(first, second)
            else:
                self._deliver(first, second)

    def _deliver(self, subscription_id: int, events: list[EventInfo]) -> None:
        subscription = self._subscriptions.get(subscription_id)
        if subscription is None:
            return  # unsubscribed while these were in flight
        subscription.handler(events)
        if subscription.position is not None:
            self._save.emit(subscription.id, events[-1].id)
