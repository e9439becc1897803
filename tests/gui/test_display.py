"""The waiting-room display window, offscreen, on a real database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM
from antrian.gui import i18n
from antrian.gui.display import window as display_module
from antrian.gui.display.tiles import WaitingRow
from antrian.gui.display.window import DisplayWindow
from antrian.gui.feed import ChangeFeed
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.display import DisplaySnapshot
from antrian.services.queries import events_after, last_event_id
from antrian.store.database import Database


@pytest.fixture
def make_window(qtbot: QtBot, office_db: Database) -> Iterator:  # type: ignore[type-arg]
    runner = TaskRunner()
    windows: list[DisplayWindow] = []

    def make(
        width: int = 1920, height: int = 1080, reads: list[int] | None = None, **kwargs: object
    ) -> DisplayWindow:
        """``reads``: gets a 1 for each read of the office (a snapshot) the window has its runner do."""

        def background(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
            def counted() -> Any:
                result = work()
                if reads is not None and isinstance(result, DisplaySnapshot):
                    reads.append(1)
                return result

            runner.submit(counted, done, done)

        window = DisplayWindow(office_db, background, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitUntil(lambda: window.snapshot is not None, timeout=5000)
        windows.append(window)
        return window

    yield make
    runner.wait()


def call(db: Database, counter: int, code: str = "A") -> int:
    with db.write() as s:
        queue.issue_ticket(s, code)
        counters.open_counter(s, counter, actor=SYSTEM)
    with db.write() as s:
        queue.call_next(s, counter, actor=SYSTEM)
    with db.read() as s:
        return last_event_id(s)


def new_events(db: Database, after: int) -> list:  # type: ignore[type-arg]
    with db.read() as s:
        return events_after(s, after)


def test_new_call_is_shown_large_and_highlighted(
    make_window, office_db: Database, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(display_module, "HIGHLIGHT_MS", 50)  # read by the window as it is made
    window = make_window(1920, 1080)
    call(office_db, 2)
    shown = window.handle_events(new_events(office_db, 0))
    assert [c.number for c in shown] == ["A001"]
    assert window.call_number.text() == "A001"
    assert window.call_counter.text() == "LOKET 2"
    assert window.call_service.text() == "KTP Elektronik"
    # readable across the room: the number's glyphs are at least 15 % of the screen height
    assert window.call_number.font().pixelSize() >= 0.15 * 1080
    assert window.call_panel.property("fresh") == "true"
    qtbot.waitUntil(lambda: window.call_panel.property("fresh") == "false", timeout=2000)
    assert window.recent_labels[0].text().startswith("<b>A001</b>")
    qtbot.waitUntil(lambda: window.tiles[2].value.text() == "A001", timeout=3000)


def test_recall_is_announced_as_such(make_window, office_db: Database) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    first = call(office_db, 1)
    window.handle_events(new_events(office_db, 0))
    with office_db.write() as s:
        queue.recall(s, 1, actor=SYSTEM)
    (recalled,) = window.handle_events(new_events(office_db, first))
    assert recalled.recall and recalled.number == "A001"
    assert "panggilan ulang" in window.call_service.text()
    assert [label.text().count("A001") for label in window.recent_labels[:2]] == [1, 0], "listed once"


def test_paused_and_closed_counters_look_different(make_window, office_db: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    with office_db.write() as s:
        counters.open_counter(s, 1, actor=SYSTEM)
        counters.open_counter(s, 2, actor=SYSTEM)
        counters.pause_counter(s, 2, "Sholat Jumat", actor=SYSTEM)
    window = make_window()
    tiles = window.tiles
    assert (tiles[1].property("state"), tiles[1].value.text()) == ("open", "—")
    assert (tiles[2].property("state"), tiles[2].value.text()) == ("paused", "ISTIRAHAT")
    assert (tiles[3].property("state"), tiles[3].value.text()) == ("closed", "TUTUP")
    colours = {n: tiles[n].grab().toImage().pixelColor(5, 30).name() for n in (1, 2, 3)}
    assert len(set(colours.values())) == 3, colours
    with office_db.write() as s:
        counters.close_counter(s, 1, actor=SYSTEM)
    window.handle_events(new_events(office_db, 0))
    qtbot.waitUntil(lambda: tiles[1].property("state") == "closed", timeout=3000)


def test_offline_banner_and_back(make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert not window.offline.isVisible()
    window.set_online(False)
    assert window.offline.isVisible() and "terputus" in window.offline.text()
    window.set_online(True)
    assert not window.offline.isVisible()


def test_voice_status_mark(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert not window.voice_status.isVisible()
    window.set_voice_status(Message("speech.engine_unavailable", detail="No module named 'pyttsx3'"))
    # the room reads that calls are silent, in its language; the technical cause is for staff and the log
    assert window.voice_status.isVisible() and window.voice_status.text() == "Suara tidak tersedia"
    assert window.voice_status.toolTip() == "Mesin suara tidak tersedia: No module named 'pyttsx3'"
    i18n.set_language("en")  # the cause follows the language, like every text of the window
    QApplication.processEvents()  # Qt delivers the LanguageChange event
    try:
        assert window.voice_status.text() == "Sound unavailable"
        assert window.voice_status.toolTip() == "The speech engine is unavailable: No module named 'pyttsx3'"
    finally:
        i18n.set_language("id")
        QApplication.processEvents()
    window.set_voice_status(None)
    assert not window.voice_status.isVisible()


def test_date_and_clock_in_office_time_with_indonesian_names(make_window, office_db: Database) -> None:  # type: ignore[no-untyped-def]
    from antrian.services.office import update_office

    with office_db.write() as s:
        update_office(s, SYSTEM, timezone="Asia/Makassar")
    window = make_window(clock=lambda: datetime(2026, 12, 4, 16, 30, 5, tzinfo=UTC))  # ticked on its read
    assert window.date.text() == "Sabtu, 5 Desember 2026"  # 00:30 WITA on Saturday
    assert window.clock.text() == "00:30:05"


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768), (3840, 2160), (1080, 1920)])
def test_layout_fits_every_screen(make_window, office_db: Database, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = make_window(width, height)
    call(office_db, 1)
    window.handle_events(new_events(office_db, 0))
    QApplication.processEvents()
    assert (window.width(), window.height()) == (width, height), "nothing forces the window larger"
    assert window.call_number.font().pixelSize() >= 0.15 * height
    number = window.call_number
    assert number.fontMetrics().horizontalAdvance(number.text()) <= window.call_panel.width()
    for tile in window.tiles.values():
        assert tile.geometry().right() <= width


def test_changes_arrive_through_the_feed(qtbot: QtBot, office_db: Database) -> None:
    runner = TaskRunner()
    window = DisplayWindow(office_db, lambda work, done: runner.submit(work, done, done))
    qtbot.addWidget(window)
    window.show()
    feed = ChangeFeed(office_db)
    feed.onlineChanged.connect(window.set_online)
    with qtbot.waitSignal(feed.subscribed, timeout=5000):
        feed.subscribe(window.handle_events)
    try:
        call(office_db, 3, "C")
        qtbot.waitUntil(lambda: window.call_number.text() == "C001", timeout=3000)
        assert window.call_counter.text() == "LOKET 3"
    finally:
        feed.close()
        runner.wait()


def test_restart_shows_the_last_calls_without_highlight(make_window, office_db: Database) -> None:  # type: ignore[no-untyped-def]
    call(office_db, 1)
    call(office_db, 2, "B")
    window = make_window()
    assert window.call_number.text() == "B001"
    assert window.call_panel.property("fresh") != "true"
    assert display_module.RECENT_SHOWN >= 5


def test_json_log_lines_are_written_by_their_own_thread(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A file that takes nothing (a pipe nobody reads, as a stalled disk) never holds up ``write``."""
    import contextlib
    import os
    import threading

    from tests.waiting import wait_until

    path = tmp_path / "display.jsonl"
    os.mkfifo(path)
    reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opened first: the log's open does not wait
    log = display_module.open_log(str(path))
    assert log is not None
    lines = [f'{{"n": {n}, "pad": "{"x" * 1000}"}}\n' for n in range(200)]  # 200 KB, a pipe holds 64 KB
    writing = threading.Thread(target=lambda: [log.write(line) for line in lines], daemon=True)
    writing.start()
    writing.join(10)  # a guard: write blocking on the full pipe would never return
    assert not writing.is_alive(), "write waited for the file"
    taken = bytearray()

    def read_all() -> bool:  # the log's own thread writes on as the pipe is read
        with contextlib.suppress(BlockingIOError):
            taken.extend(os.read(reader, 65536))
        return taken.count(b"\n") == len(lines)

    wait_until(read_all, "every line through the pipe")
    log.close()
    os.close(reader)
    assert taken.decode() == "".join(lines)
    assert display_module.open_log(None) is None


def test_a_zone_display_shows_and_speaks_only_its_counters(
    make_window, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(1366, 768, counters=frozenset({1, 2}))
    assert sorted(window.tiles) == [1, 2]
    first = call(office_db, 3, "C")  # counter 3, another zone: neither shown nor spoken (not returned)
    assert window.handle_events(new_events(office_db, 0)) == []
    assert window.call_idle.isVisible() and not any(label.isVisible() for label in window.recent_labels)
    call(office_db, 1, "A")
    spoken = window.handle_events(new_events(office_db, first))
    assert [(c.number, c.counter) for c in spoken] == [("A001", 1)]
    assert (window.call_number.text(), window.call_counter.text()) == ("A001", "LOKET 1")
    # once re-read: the zone's call only, and the waiting counts of the services counters 1 and 2 serve
    qtbot.waitUntil(
        lambda: window.snapshot is not None and window.snapshot.last_event_id > first, timeout=3000
    )
    assert [label.text()[:11] for label in window.recent_labels if label.isVisible()] == ["<b>A001</b>"]
    rows = [row for row in window.waiting_section.grid.cells() if isinstance(row, WaitingRow)]
    assert [row.name.full_text()[0] for row in rows] == ["A", "B"]
    assert window.call_number.text() == "A001"


def test_the_header_shows_the_office_logo_when_the_admin_changes_it(
    make_window, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from antrian.services.branding import set_logo

    window = make_window()
    emblem = window.header.logo.pixmap().toImage()
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#b3261e"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    with office_db.read() as s:
        after = last_event_id(s)
    with office_db.write() as s:
        set_logo(s, bytes(buffer.data().data()), actor=SYSTEM)
    with office_db.read() as s:
        window.handle_events(events_after(s, after, 100))  # what the change feed hands it
    shown = lambda: window.header.logo.pixmap().toImage()  # noqa: E731
    qtbot.waitUntil(lambda: shown() != emblem, timeout=5000)
    centre = shown().pixelColor(shown().width() // 2, shown().height() // 2)
    assert centre.name() == "#b3261e"


def test_a_burst_of_changes_is_read_once_and_each_call_is_painted_before_it(
    make_window, office_db: Database, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    """Nine counters calling at once: each call is on screen from its own event at once, and the office's
    re-read (counters, waiting counts) comes once for the burst, a moment later, not once per change."""
    reads: list[int] = []
    window = make_window(1366, 768, reads=reads)
    reads.clear()  # the first read, which the window waits for
    after = last_event_id_of(office_db)
    for counter, code in ((1, "A"), (2, "B"), (3, "C")):
        call(office_db, counter, code)
        calls = window.handle_events(new_events(office_db, after))
        after = calls[-1].event_id
        assert window.call_number.text() == calls[-1].number  # painted from the event, no read yet
    assert reads == []
    qtbot.waitUntil(lambda: reads == [1], timeout=2000)
    qtbot.wait(2 * display_module.REFRESH_MS)
    assert reads == [1]
    qtbot.waitUntil(lambda: window.snapshot is not None and window.snapshot.last_event_id >= after)
    assert [window.tiles[n].value.text() for n in (1, 2, 3)] == ["A001", "B001", "C001"]


def last_event_id_of(db: Database) -> int:
    with db.read() as s:
        return last_event_id(s)
