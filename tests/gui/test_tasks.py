"""The task runner hands a result to the object that asked, or to nobody once that object is gone."""

from __future__ import annotations

import threading
import weakref

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from antrian.gui.tasks import OwnThread, TaskRunner, Urgent, still_there


class Asker(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def take(self, value: object) -> None:
        self.got.append(value)


def test_a_result_reaches_the_object_that_asked(qtbot: QtBot) -> None:
    runner, asker = TaskRunner(), Asker()
    runner.submit(lambda: 42, asker.take)
    qtbot.waitUntil(lambda: asker.got == [42])


def test_a_result_for_a_deleted_object_is_dropped(qtbot: QtBot) -> None:
    """A window closed and deleted while its read ran: the read lands on nothing, and nothing fails."""
    runner, asker = TaskRunner(), Asker()
    take = asker.take
    shiboken6.delete(asker)
    assert not still_there(take)
    landed: list[object] = []
    runner.submit(lambda: 42, take)
    runner.submit(lambda: 43, landed.append)  # a plain function: always called
    qtbot.waitUntil(lambda: landed == [43])
    assert runner.wait()
    assert take.__self__.got == []  # type: ignore[attr-defined]
    assert still_there(landed.append) and still_there(print)


def test_an_urgent_job_never_waits_behind_the_pools_jobs(qtbot: QtBot) -> None:
    """The operator's action (``Urgent``) runs while every pool thread is taken by re-reads."""
    runner, release = TaskRunner(max_threads=2), threading.Event()
    landed: list[object] = []
    for name in ("read 1", "read 2", "read 3"):
        runner.submit(lambda name=name: release.wait(10) and name, landed.append)
    runner.submit(Urgent(lambda: "call next"), landed.append)
    qtbot.waitUntil(lambda: landed == ["call next"], timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: len(landed) == 4, timeout=5000)
    assert runner.wait()
    assert sorted(landed[1:]) == ["read 1", "read 2", "read 3"]


def test_urgent_work_is_plain_work_to_a_background_that_is_not_a_runner() -> None:
    assert Urgent(lambda: 7)() == 7


class _Window:
    """Stands for a window a job's closure holds; notes the thread that frees it."""

    def __init__(self, freed_on: list[str]) -> None:
        weakref.finalize(self, lambda: freed_on.append(threading.current_thread().name))


@pytest.mark.parametrize("fails", [False, True])
def test_a_jobs_closure_is_freed_on_the_gui_thread_never_on_the_worker(qtbot: QtBot, fails: bool) -> None:
    # Freed on a worker, a window's Qt objects stop timers they do not own ("QBasicTimer::stop: Failed")
    # or deadlock with the GUI thread.
    runner = TaskRunner()
    freed_on: list[str] = []
    window = _Window(freed_on)
    delivered: list[object] = []

    def work(held: _Window = window) -> str:
        assert held is not None
        if fails:
            raise ValueError("refused")  # its traceback's frame holds the window too
        return "read"

    runner.submit(work, delivered.append, delivered.append)
    del window, work
    qtbot.waitUntil(lambda: delivered != [], timeout=5000)
    assert runner.wait()
    qtbot.waitUntil(lambda: freed_on != [], timeout=5000)
    assert freed_on == [threading.current_thread().name]
    assert isinstance(delivered[0], ValueError) if fails else delivered == ["read"]


def test_own_thread_frees_its_jobs_closure_on_the_gui_thread(qtbot: QtBot) -> None:
    worker = OwnThread("printer")
    freed_on: list[str] = []
    window = _Window(freed_on)
    delivered: list[object] = []
    assert worker.submit(lambda held=window: "printed", delivered.append)
    del window
    qtbot.waitUntil(lambda: delivered == ["printed"] and freed_on != [], timeout=5000)
    assert freed_on == [threading.current_thread().name]


def test_an_unexpected_failure_is_logged_with_where_it_happened(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    runner = TaskRunner()

    def read_the_queue() -> None:
        raise KeyError("column")

    runner.submit(read_the_queue, lambda _: None)  # no on_error: the runner logs it
    qtbot.waitUntil(lambda: any("background task failed" in r.getMessage() for r in caplog.records))
    (record,) = [r for r in caplog.records if "background task failed" in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[1] is not None
    logged = "".join(record.exc_info[1].__notes__)
    assert "Traceback (on the worker thread)" in logged and "read_the_queue" in logged
