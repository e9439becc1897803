"""Work off the GUI thread: database work on the thread pool, work that may hang for good (printing) on a
thread of its own; results come back by signal."""

from __future__ import annotations

import logging
import threading
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
        if still_there(callback):
            callback(value)

    @staticmethod
    def _log_error(error: Exception) -> None:
        from antrian.gui.errors import log_failure

        log_failure("background task failed", error)

    def wait(self, msecs: int = 5000) -> bool:
        return bool(self._pool.waitForDone(msecs))


class OwnThread(QObject):
    """Work that may hang for good (a printer driver stuck past its own timeout), kept off the shared pool:
    one job at a time, each on a thread of its own, its result (or the exception it raised) handed to
    ``done`` on the GUI thread.

    A job stuck in the shared pool would hold one of its few threads, and a second one the rest: every
    database read and write of the window would then wait behind it. Here ``submit`` refuses a job while the
    previous one's thread still runs (``busy``), so nothing ever queues behind a stuck job. The threads are
    daemons: one stuck for good never keeps the program from exiting.
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """Whether the last job's thread still runs (it may have been given up on, and still be stuck)."""
        return self._thread is not None and self._thread.is_alive()

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        """Start ``work`` on a new thread unless the previous job's still runs; returns whether it did."""
        if self.busy:
            return False
        relay, name = self._relay, self._name

        def run() -> None:
            try:
                result = work()
            except Exception as error:  # handed to ``done``, which reports it
                result = error
            try:
                relay.done.emit(done, result)
            except RuntimeError:  # the window that asked was closed meanwhile: nobody is left to tell
                log.warning("%s ended after its window closed: %r", name, result)

        self._thread = threading.Thread(target=run, name=name, daemon=True)
        self._thread.start()
        return True

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if still_there(callback):
            callback(value)


def still_there(callback: Callable[..., Any]) -> bool:
    """Whether the Qt object a result is for (the callback's owner, when it is one) still exists: a window
    closed and deleted while its read ran gets nothing, rather than a call on its deleted widgets."""
    import shiboken6

    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


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
