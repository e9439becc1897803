"""Each window's offline state, driven by the real change feed on a real file made read-only: the cause in
the person's words, nothing offered that could not be saved, and no trace left once the cause has gone.
(Every cause, with windows in their own process: tests/end2end/test_database_faults.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.desk import DeskAction
from antrian.domain.errors import StoreError
from antrian.domain.roles import SYSTEM
from antrian.gui.counter.window import CounterWindow
from antrian.gui.display.window import DisplayWindow
from antrian.gui.feed import ChangeFeed
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import queue
from antrian.services.queries import events_after
from antrian.services.users import create_user
from antrian.store.database import Database
from tests.gui.test_kiosk import count_tickets
from tests.store.faults import backup, make_read_only, make_writable, restore

NOTICE_MS = 2000


@pytest.fixture
def feed(qtbot: QtBot, office_db: Database) -> Iterator[ChangeFeed]:
    changes = ChangeFeed(office_db)
    qtbot.waitUntil(lambda: changes.online is True, timeout=5000)
    yield changes
    changes.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def attach(feed: ChangeFeed, window: Any) -> None:
    """As ``gui.app.WindowProcess.attach`` does."""
    feed.problemChanged.connect(lambda problem: window.set_online(problem is None, problem))
    feed.subscribe(window.handle_events)


def read_only_said(office_db: Database) -> str:
    return words.say(StoreError("store.readonly", database=str(office_db.url.database)))


def test_kiosk_refuses_taps_while_the_file_is_read_only(
    qtbot: QtBot, office_db: Database, feed: ChangeFeed, runner: TaskRunner
) -> None:
    kiosk = KioskWindow(office_db, lambda w, d: runner.submit(w, d, d), print_slip=lambda slip: None)
    qtbot.addWidget(kiosk)
    attach(feed, kiosk)
    kiosk.show()
    qtbot.waitUntil(
        lambda: len(kiosk.grid.buttons) == 3 and kiosk.grid.buttons["A"].isEnabled(), timeout=5000
    )
    path = Path(str(office_db.url.database))
    make_read_only(path)
    try:
        qtbot.waitUntil(lambda: kiosk.offline.isVisible(), timeout=NOTICE_MS)
        # the citizen reads what they can do; the cause (the file, its permissions) is for staff
        assert kiosk.offline.text() == words.text("kiosk.take.offline")
        assert str(path) not in kiosk.offline.text() and path.name not in kiosk.offline.text()
        assert kiosk.offline.toolTip() == read_only_said(office_db)
        assert not any(button.isEnabled() for button in kiosk.grid.buttons.values())
        qtbot.mouseClick(kiosk.grid.buttons["A"], Qt.MouseButton.LeftButton)
        assert runner.wait(), "an issue, had the tap started one, has landed"
        assert count_tickets(office_db) == 0
    finally:
        make_writable(path)
    qtbot.waitUntil(lambda: not kiosk.offline.isVisible(), timeout=NOTICE_MS)
    qtbot.waitUntil(lambda: kiosk.grid.buttons["A"].isEnabled(), timeout=NOTICE_MS)
    assert kiosk.problem is None and kiosk.offline.toolTip() == ""


def test_display_names_the_cause_and_clears_it(
    qtbot: QtBot, office_db: Database, feed: ChangeFeed, runner: TaskRunner
) -> None:
    display = DisplayWindow(office_db, lambda w, d: runner.submit(w, d, d))
    qtbot.addWidget(display)
    attach(feed, display)
    display.show()
    path = Path(str(office_db.url.database))
    make_read_only(path)
    try:
        qtbot.waitUntil(lambda: display.offline.isVisible(), timeout=NOTICE_MS)
        assert display.offline.text() == read_only_said(office_db)
    finally:
        make_writable(path)
    qtbot.waitUntil(lambda: not display.offline.isVisible(), timeout=NOTICE_MS)
    assert display.problem is None


def logged_in_panel(qtbot: QtBot, office_db: Database, feed: ChangeFeed, runner: TaskRunner) -> CounterWindow:
    with office_db.write() as session:
        create_user(session, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    window = CounterWindow(
        office_db,
        lambda w, d: runner.submit(w, d, d),
        number=1,
        username="petugas1",
        password="rahasia123",
    )
    qtbot.addWidget(window)
    attach(feed, window)
    window.show()
    with qtbot.waitSignal(window.loggedIn, timeout=10000):
        window.log_in()
    qtbot.waitUntil(lambda: window.view is not None, timeout=5000)
    return window


def test_counter_recall_on_a_deleted_file_is_not_done_then_sent_once(
    qtbot: QtBot, office_db: Database, feed: ChangeFeed, runner: TaskRunner
) -> None:
    """The recall is refused before COMMIT (the file is gone), held, shown as not saved, and sent once
    when the file is back; it is never reported done while it was not saved."""
    window = logged_in_panel(qtbot, office_db, feed, runner)
    queue.issue_ticket_in(office_db, "A")
    qtbot.waitUntil(lambda: window.view is not None and window.view.waiting_total == 1, timeout=5000)
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        window.trigger(DeskAction.CALL_NEXT)
    path = Path(str(office_db.url.database))
    saved = backup(path, path.with_name("backup.db"))
    path.unlink()
    shown: list[object] = []
    window.ticketShown.connect(shown.append)
    window.trigger(DeskAction.RECALL)  # at once: before the feed has noticed
    held = window.banner.cancel_pending  # the action is held, with a way to drop it
    qtbot.waitUntil(lambda: window.banner.offline.isVisible() and held.isVisible(), timeout=NOTICE_MS)
    said = words.say(StoreError("store.deleted", path=str(path)))
    assert said in window.banner.offline.text() and "Panggil Ulang" in window.banner.offline.text()
    assert shown == [], "a recall that was not saved was shown as done"
    restore(saved, path)
    qtbot.waitUntil(lambda: len(shown) == 1 and not window.banner.offline.isVisible(), timeout=5000)
    with office_db.read() as session:
        kinds = [event.kind for event in events_after(session, 0)]
    assert kinds.count("ticket_recalled") == 1
    window.allow_close()


def test_counter_stays_offline_while_reads_still_work(
    qtbot: QtBot, office_db: Database, feed: ChangeFeed, runner: TaskRunner
) -> None:
    """A read-only file can still be read: a fresh view must not hide the cause nor free the actions."""
    window = logged_in_panel(qtbot, office_db, feed, runner)
    path = Path(str(office_db.url.database))
    make_read_only(path)
    try:
        qtbot.waitUntil(lambda: window.banner.offline.isVisible(), timeout=NOTICE_MS)
        with qtbot.waitSignal(window.viewApplied, timeout=5000):
            window.refresh()
        assert window.banner.offline.isVisible() and read_only_said(office_db) in window.banner.offline.text()
        assert not window.panel.buttons[DeskAction.PAUSE].isEnabled()
    finally:
        make_writable(path)
    qtbot.waitUntil(lambda: not window.banner.offline.isVisible(), timeout=NOTICE_MS)
    qtbot.waitUntil(lambda: window.panel.buttons[DeskAction.PAUSE].isEnabled(), timeout=NOTICE_MS)
    window.allow_close()
