"""Work off the GUI thread: database work on the thread pool, work that may hang for good (printing) on a
thread of its own; results come back by signal."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from antrian.domain.errors import AntrianError

log = logging.getLogger(__name__)

# how a window hands work to its task runner: ``run(work, on_result)`` (TaskRunner.submit's first two)
Background = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class Urgent:
    """Work the operator is waiting for (an action at the counter): the task runner gives it a thread of its
    own, so it never queues behind the window's re-reads, which the office's changes keep asking for.

    It is a plain callable, so a window's ``Background`` that is not a ``TaskRunner`` (a test's) runs it as
    any other work.
    """

    __slots__ = ("_work",)

    def __init__(self, work: Callable[[], Any]) -> None:
        self._work = work

    def __call__(self) -> Any:
        return self._work()


class _Relay(QObject):
    finished = Signal(int, object)  # the job's key, its result (or the exception it raised)


def _run(work: Callable[[], Any]) -> Any:
    """``work()``, or the exception it raised, its traceback kept as text (a note the log prints) instead of
    frames: a frame holds the job's function and through it the window, which must not be freed by the
    worker thread (``_Jobs``)."""
    try:
        return work()
    except Exception as error:  # reported to the window, never lost
        if not isinstance(error, AntrianError) and error.__traceback__ is not None:
            where = "".join(traceback.format_tb(error.__traceback__.tb_next))
            error.add_note(f"Traceback (on the worker thread):\n{where.rstrip()}")
        return error.with_traceback(None)


class _Jobs:
    """The jobs in flight, held by the GUI thread until their result is delivered.

    A job's closure usually holds its window. Were a worker thread to drop the last reference to it, Python
    would free the window there, and Qt objects freed off the GUI thread stop timers they do not own or
    deadlock against the GUI thread. So the worker only borrows a job: it lets go of it before the result
    goes back, and the GUI thread drops it after delivering.
    """

    def __init__(self) -> None:
        self._next = 0
        self._held: dict[int, tuple[Callable[[], Any], Callable[[Any], None], Callable[[Any], None]]] = {}

    def hold(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Any], None]
    ) -> int:
        self._next += 1
        self._held[self._next] = (work, on_done, on_error)
        return self._next

    def work(self, key: int) -> Callable[[], Any]:
        return self._held[key][0]

    def deliver(self, key: int, result: Any) -> None:
        _work, on_done, on_error = self._held.pop(key)
        callback = on_error if isinstance(result, Exception) else on_done
        if still_there(callback):
            callback(result)


class _Task(QRunnable):
    def __init__(self, relay: _Relay, jobs: _Jobs, key: int) -> None:
        super().__init__()
        self._relay, self._jobs, self._key = relay, jobs, key

    def run(self) -> None:
        result = _run(self._jobs.work(self._key))  # the job itself is only borrowed (see _Jobs)
        self._relay.finished.emit(self._key, result)


class TaskRunner(QObject):
    """Runs ``work`` on a pool thread and calls ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    Two lanes: re-reads and other background work share ``max_threads`` threads; ``Urgent`` work (the
    operator's action) has a thread of its own, free whenever the operator acts (one action at a time).
    """

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._lane = QThreadPool(self)
        self._lane.setMaxThreadCount(1)
        self._jobs = _Jobs()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        key = self._jobs.hold(work, on_done, on_error or self._log_error)
        pool = self._lane if isinstance(work, Urgent) else self._pool
        pool.start(_Task(self._relay, self._jobs, key))

    @Slot(int, object)
    def _deliver(self, key: int, result: Any) -> None:
        self._jobs.deliver(key, result)

    @staticmethod
    def _log_error(error: Exception) -> None:
        from antrian.gui.errors import log_failure

        log_failure("background task failed", error)

    def wait(self, msecs: int = 5000) -> bool:
        return bool(self._lane.waitForDone(msecs)) and bool(self._pool.waitForDone(msecs))


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
        self._jobs = _Jobs()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """Whether the last job's thread still runs (it may have been given up on, and still be stuck)."""
        return self._thread is not None and self._thread.is_alive()

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None]) -> bool:
        """Start ``work`` on a new thread unless the previous job's still runs; returns whether it did."""
        if self.busy:
            return False
        relay, name, jobs = self._relay, self._name, self._jobs
        key = jobs.hold(work, done, done)

        def run() -> None:
            result = _run(jobs.work(key))  # the job itself is only borrowed (see _Jobs)
            try:
                relay.finished.emit(key, result)
            except RuntimeError:  # the window that asked was closed meanwhile: nobody is left to tell
                log.warning("%s ended after its window closed: %r", name, result)

        self._thread = threading.Thread(target=run, name=name, daemon=True)
        self._thread.start()
        return True

    @Slot(int, object)
    def _deliver(self, key: int, result: Any) -> None:
        self._jobs.deliver(key, result)


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
        run_in_background: Background,
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
