"""A subscription's feed position is read and written by the feed's worker thread, never by the GUI thread."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.gui.feed import ChangeFeed
from antrian.services import counters
from antrian.services.queries import last_event_id
from antrian.store.database import open_database
from antrian.store.feed import FeedPosition
from tests.conftest import seed_office


def _thread() -> str:
    if threading.current_thread() is threading.main_thread():
        return "GUI"
    return QThread.currentThread().objectName()


class WatchedPosition(FeedPosition):
    """A real position file that notes which thread touches it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.threads: list[tuple[str, str]] = []

    def load(self) -> int | None:
        self.threads.append(("load", _thread()))
        return super().load()

    def save(self, last_event_id: int) -> None:
        self.threads.append(("save", _thread()))
        super().save(last_event_id)


def test_position_is_kept_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "feed.db"), create=True)
    seed_office(database)
    with database.read() as session:
        start = last_event_id(session)
    position = WatchedPosition(tmp_path / "state" / "position.json")
    position.save(start)
    position.threads.clear()
    handled: list[int] = []
    feed = ChangeFeed(database)
    try:
        with qtbot.waitSignal(feed.subscribed, timeout=5000):
            feed.subscribe(lambda events: handled.extend(e.id for e in events), position)
        with database.write() as session:
            counters.open_counter(session, 1, actor=SYSTEM)
        with database.read() as session:
            end = last_event_id(session)
        # read the file itself: the test's own look must not count as the GUI thread touching it
        saved = lambda: json.loads(position.path.read_text())["last_event_id"]  # noqa: E731
        qtbot.waitUntil(lambda: saved() == end, timeout=5000)
    finally:
        feed.close()
        database.dispose()
    assert handled == list(range(start + 1, end + 1))
    assert position.threads[0][0] == "load" and ("save", position.threads[-1][1]) in position.threads
    assert {thread for _, thread in position.threads} == {"antrian-change-feed"}, position.threads
