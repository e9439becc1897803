"""No style sheet is set while a window's clocks tick: what changes on a tick (the time, the paging, a fresh
call going old) is a property the theme's sheet selects on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.gui.display.window import DisplayWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.store.database import Database


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def test_the_display_ticking_sets_no_style_sheet(
    qtbot: QtBot, office_db: Database, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    with office_db.write() as s:
        queue.issue_ticket(s, "A", actor=SYSTEM)
        counters.open_counter(s, 1, actor=SYSTEM)
    with office_db.write() as s:
        queue.call_next(s, 1, actor=SYSTEM)
    now = [datetime(2026, 12, 1, 2, 0, tzinfo=UTC)]
    window = DisplayWindow(
        office_db, lambda work, done: runner.submit(work, done, done), clock=lambda: now[0]
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.call_number.text() == "A001", timeout=5000)
    sheets: list[str] = []
    monkeypatch.setattr(QWidget, "setStyleSheet", lambda widget, sheet: sheets.append(sheet))
    ticking = [
        timer for timer in window.findChildren(QTimer) if timer.isActive() and not timer.isSingleShot()
    ]
    assert ticking, "the display has a clock"
    for _ in range(5):
        now[0] += timedelta(seconds=1)
        for timer in ticking:
            timer.timeout.emit()
        QApplication.processEvents()
    assert window.clock.text() == "09:00:05"  # Jakarta: the ticks ran
    assert sheets == []
