"""Cyclic garbage holding Qt objects is freed on the GUI thread, never on a worker that allocates."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from antrian.gui.garbage import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.qt = QObject()


def test_garbage_made_on_the_gui_thread_is_not_freed_by_a_worker_allocating(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    collector = GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        freed_on: list[str] = []
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread().name))
        del cycle

        kept: list[list[object]] = []

        def allocate() -> None:  # far past every threshold: with collection on, this thread would free it
            kept.extend([object()] for _ in range(200_000))

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert freed_on == []
        qtbot.waitUntil(lambda: freed_on != [], timeout=5000)  # the timer's collection, on this thread
        assert freed_on == [threading.current_thread().name]
        kept.clear()
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
    assert gc.isenabled() or not was_enabled


def test_it_collects_the_generation_that_is_due() -> None:
    collector = GuiThreadCollector(interval_ms=60_000)
    try:
        gc.collect()
        assert collector.collect() == -1
        junk = [[] for _ in range(gc.get_threshold()[0] + 10)]
        assert collector.collect() == 0
        del junk
    finally:
        collector.stop()
