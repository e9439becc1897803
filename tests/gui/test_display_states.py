"""The display tells the truth at every moment: restarted over calls made while it was down, it lists the
day's calls once each, newest first, and never presents a finished ticket as the current call."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock, system_clock
from antrian.gui.display.window import DisplayWindow
from antrian.gui.feed import ChangeFeed
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.queries import last_event_id
from antrian.store.database import Database
from antrian.store.feed import FeedPosition


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def start(
    qtbot: QtBot, db: Database, runner: TaskRunner, position: FeedPosition
) -> tuple[DisplayWindow, ChangeFeed]:
    window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    feed = ChangeFeed(db)
    with qtbot.waitSignal(feed.subscribed, timeout=5000):
        feed.subscribe(window.handle_events, position)
    return window, feed


def call(db: Database, counter: int, code: str, clock=system_clock) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        queue.issue_ticket(s, code, clock=clock)
        counters.open_counter(s, counter, actor=SYSTEM, clock=clock)
    with db.write() as s:
        queue.call_next(s, counter, actor=SYSTEM, clock=clock)


def head(db: Database) -> int:
    with db.read() as s:
        return last_event_id(s)


def recent(window: DisplayWindow) -> list[str]:
    return [label.text() for label in window.recent_labels if label.isVisible()]


def test_restart_over_calls_made_while_down(
    qtbot: QtBot, office_db: Database, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    yesterday = FixedClock(system_clock() - timedelta(days=1))
    for _ in range(2):  # yesterday's C001 and C002, served: they never show today
        call(office_db, 3, "C", yesterday)
        with office_db.write() as s:
            queue.start(s, 3, actor=SYSTEM, clock=yesterday)
            queue.finish(s, 3, actor=SYSTEM, clock=yesterday)
    position = FeedPosition(tmp_path / "display.position")
    window, feed = start(qtbot, office_db, runner, position)
    call(office_db, 1, "A")  # A001 at counter 1, seen live
    qtbot.waitUntil(lambda: window.call_number.text() == "A001", timeout=3000)
    qtbot.waitUntil(lambda: position.load() == head(office_db), timeout=3000)
    feed.close()
    window.close()

    call(office_db, 2, "B")  # while the display is down: B001 at counter 2, called again,
    with office_db.write() as s:
        queue.recall(s, 2, actor=SYSTEM)
    call(office_db, 3, "C")  # C001 at counter 3, served and finished
    with office_db.write() as s:
        queue.start(s, 3, actor=SYSTEM)
        queue.finish(s, 3, actor=SYSTEM)

    window, feed = start(qtbot, office_db, runner, position)
    try:
        qtbot.waitUntil(
            lambda: position.load() == head(office_db) and window.snapshot is not None, timeout=5000
        )
        expected = [
            "<b>C001</b><br><span style='color:#9fb3cc'>Loket 3</span>",
            "<b>B001</b><br><span style='color:#9fb3cc'>Loket 2</span>",
            "<b>A001</b><br><span style='color:#9fb3cc'>Loket 1</span>",
        ]
        qtbot.waitUntil(lambda: recent(window) == expected, timeout=3000)
        # C001 is finished: the panel shows the newest call still open, B001's recall
        assert (window.call_number.text(), window.call_counter.text()) == ("B001", "LOKET 2")
        assert "panggilan ulang" in window.call_service.text()

        with office_db.write() as s:  # live: B001 finished, A001 (counter 1) is the newest still called
            queue.start(s, 2, actor=SYSTEM)
            queue.finish(s, 2, actor=SYSTEM)
        qtbot.waitUntil(lambda: window.call_number.text() == "A001", timeout=3000)
        assert window.call_counter.text() == "LOKET 1"
        with office_db.write() as s:  # A001 did not come: nobody called is waiting for a counter
            queue.no_show(s, 1, actor=SYSTEM)
        qtbot.waitUntil(lambda: window.call_idle.isVisible(), timeout=3000)
        assert window.call_idle.text() == "Silakan tunggu panggilan" and not window.call_number.isVisible()
        assert recent(window) == expected, "the day's calls stay listed, once each"
    finally:
        feed.close()
