"""Database work off the GUI thread: run a function on the thread pool, get its result back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, object)  # callback, result
    failed = Signal(object, object)  # callback, exception


class _Task(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the window, never lost
            self._relay.failed.emit(self._on_error, error)
        else:
            self._relay.done.emit(self._on_done, result)


class TaskRunner(QObject):
    """Runs ``work`` on a pool thread and calls ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._deliver)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._pool.start(_Task(self._relay, work, on_done, on_error or self._log_error))

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)

    @staticmethod
    def _log_error(error: Exception) -> None:
        from antrian.gui.errors import log_failure

        log_failure("background task failed", error)

    def wait(self, msecs: int = 5000) -> bool:
        return bool(self._pool.waitForDone(msecs))


class CoalescedRead(QObject):
    """A window's re-read of what it shows: at most one in flight, never a stale one last.

    ``request()`` while a read is in flight marks it to run once more when it lands, since that read may
    predate the change that prompted the request; a failed read is retried after ``retry_ms``. The first
    failure of a run of them is logged in full (with its traceback when it is not an ``AntrianError``), the
    retries after it in one line each at DEBUG, and the read that works again says so.
    """

    def __init__(
        self,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        work: Callable[[], Any],
        apply: Callable[[Any], None],
        *,
        what: str,
        retry_ms: int = 2000,
        parent: QObject | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._background, self._work, self._apply = run_in_background, work, apply
        self._on_error = on_error
        self._what, self._retry_ms = what, retry_ms
        self._pending = self._again = self._failing = False

    def request(self) -> None:
        if self._pending:
            self._again = True
            return
        self._pending = True
        self._background(self._work, self._landed)

    def _landed(self, result: Any) -> None:
        from PySide6.QtCore import QTimer

        self._pending = False
        if isinstance(result, Exception):
            if self._failing:
                log.debug("%s failed again: %s", self._what, result)
            else:
                from antrian.gui.errors import log_failure

                self._failing = True
                log_failure(f"{self._what} failed; retrying every {self._retry_ms} ms", result)
            if self._on_error is not None:
                self._on_error(result)
            QTimer.singleShot(self._retry_ms, self.request)
            return
        if self._failing:
            self._failing = False
            log.info("%s works again", self._what)
        if self._again:
            self._again = False
            self.request()
        self._apply(result)
