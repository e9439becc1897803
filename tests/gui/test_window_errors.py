"""Failures in windows: an exception nothing caught is logged with its traceback, the person is told in a
sentence of their language, and the window goes on; Qt's own warnings reach the log; every window process
logs to the file under its name. Offscreen, on a real database.

pytest-qt's own exception capture is off here (``qt_no_exception_capture``): the window's hook is what is
under test, as in a running office.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian import logs, words
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.gui import errors
from antrian.gui.counter.window import CounterWindow
from antrian.gui.display.window import DisplayWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.queries import events_after
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import Ticket
from tests.conftest import MONDAY_9AM

pytestmark = pytest.mark.qt_no_exception_capture

PASSWORD = "rahasia123"


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This process logs to a file of its own, with the windows' hooks installed (as ``WindowProcess``
    does)."""
    monkeypatch.setenv(logs.ENV_DIR, str(tmp_path / "log"))
    path = logs.setup("test window")
    assert path is not None
    errors.install_hooks()
    yield path
    errors.remove_hooks()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def broken_slot(_: object) -> None:
    raise RuntimeError("a bug in a slot")


def test_an_exception_in_a_slot_is_logged_shown_and_the_panel_goes_on(
    qtbot: QtBot, office_db: Database, log_file: Path, runner: TaskRunner
) -> None:
    with office_db.write() as s:
        create_user(s, "petugas1", "Petugas Satu", "operator", PASSWORD, actor=SYSTEM)
        for _ in range(2):
            queue.issue_ticket(s, "A", clock=FixedClock(MONDAY_9AM))
    window = CounterWindow(
        office_db,
        lambda work, done: runner.submit(work, done, done),
        number=1,
        clock=FixedClock(MONDAY_9AM),
        username="petugas1",
        password=PASSWORD,
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    with qtbot.waitSignal(window.loggedIn, timeout=10000):
        window.log_in()
    qtbot.waitUntil(lambda: window.view is not None and not window.reading, timeout=5000)
    window.ticketShown.connect(broken_slot)  # a bug in whatever reacts to a call

    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F2)
    said = words.text("logs.window_unexpected")
    qtbot.waitUntil(lambda: window.panel.message.text() == said, timeout=3000)
    assert window.panel.message.isVisible() and window.panel.message.property("kind") == "error"
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR antrian.gui.errors: uncaught exception; the window goes on\nTraceback" in text
    assert "RuntimeError: a bug in a slot" in text
    assert re.search(
        r"INFO antrian\.services\.queue: ticket_called A001 counter 1 by petugas1 call_count=1", text
    )

    # the panel goes on: the next action is done and saved
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F3)
    with office_db.read() as s:
        called = s.execute(select(Ticket).where(Ticket.label == "A001")).scalar_one()
        assert called.call_count == 2
    # the same bug again within the minute: counted, not logged in full a second time
    assert log_file.read_text(encoding="utf-8").count("RuntimeError: a bug in a slot") == 1
    window.allow_close()  # teardown closes it without asking about the open counter


def test_a_window_without_a_message_line_shows_a_box_that_does_not_block(
    qtbot: QtBot, office_db: Database, log_file: Path, runner: TaskRunner
) -> None:
    display = DisplayWindow(office_db, lambda work, done: runner.submit(work, done, done))
    qtbot.addWidget(display)
    display.resize(1366, 768)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=5000)
    display.callShown.connect(broken_slot)
    with office_db.write() as s:
        counters.open_counter(s, 2, actor=SYSTEM)
        queue.issue_ticket(s, "A")
        queue.issue_ticket(s, "B")
        queue.call_next(s, 2, actor=SYSTEM)

    with office_db.read() as s:
        first = events_after(s, 0)
    display.handle_events(first)

    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == words.text("logs.window_unexpected")
    assert not box.isModal() and QApplication.activeModalWidget() is None
    with office_db.write() as s:
        queue.no_show(s, 2, actor=SYSTEM)
        queue.call_next(s, 2, actor=SYSTEM)
    with office_db.read() as s:
        later = events_after(s, first[-1].id)
    assert [call.number for call in display.handle_events(later)] == ["B001"]  # the display goes on
    assert display.call_number.text() == "B001"
    text = log_file.read_text(encoding="utf-8")
    assert re.search(r"INFO antrian\.gui\.display\.window: call shown A001 counter 2 event \d+\n", text)
    assert "RuntimeError: a bug in a slot" in text
    box.close()


def test_an_exception_python_could_not_raise_is_logged(log_file: Path) -> None:
    class Leaky:
        def __del__(self) -> None:
            raise ValueError("closing failed")

    errors.remove_hooks()  # pytest puts its own hook in for each test: ours again, as in a window process
    errors.install_hooks()
    Leaky()  # dropped at once: __del__ runs and its exception cannot be raised anywhere
    text = log_file.read_text(encoding="utf-8")
    assert re.search(r"WARNING antrian\.gui\.errors: Exception ignored .*Leaky\.__del__", text)
    assert "ValueError: closing failed" in text


def test_qt_warnings_go_to_the_log(log_file: Path) -> None:
    qWarning("QFont::setPixelSize: Pixel size <= 0 (0)")
    assert "WARNING qt: QFont::setPixelSize: Pixel size <= 0 (0)" in log_file.read_text(encoding="utf-8")


def test_a_failure_a_window_handled_is_logged_by_its_kind(log_file: Path) -> None:
    from antrian.domain.errors import StoreError

    errors.log_failure("print A017", StoreError("store.locked", seconds=10))
    try:
        raise OSError(5, "Input/output error")
    except OSError as error:
        errors.log_failure("print A018", error)
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING antrian.gui.errors: print A017: " in text and "[store.locked]" in text
    assert "ERROR antrian.gui.errors: print A018\nTraceback" in text and "OSError: [Errno 5]" in text


def test_every_window_process_logs_under_its_name_with_the_hooks_in_place(
    qtbot: QtBot, office_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from antrian.gui.app import WindowProcess

    monkeypatch.setenv(logs.ENV_DIR, str(tmp_path / "log"))
    shared = WindowProcess(office_db, name="counter 3")
    log = tmp_path / "log" / "antrian.log"
    try:
        logging.getLogger("antrian.test").info("hello")
        text = log.read_text(encoding="utf-8")
        assert re.search(r"\[\d+ counter 3\] INFO antrian\.gui\.app: counter 3 starts on ", text)
        assert re.search(r"\[\d+ counter 3\] INFO antrian\.test: hello", text)
        QTimer.singleShot(0, lambda: broken_slot("counter 3"))  # a bug in a slot: the hooks are in place
        qtbot.waitUntil(
            lambda: "RuntimeError: a bug in a slot" in log.read_text(encoding="utf-8"), timeout=5000
        )
        told = r"\[\d+ counter 3\] ERROR antrian\.gui\.errors: uncaught exception; the window goes on\n"
        assert re.search(told + "Traceback", log.read_text(encoding="utf-8"))
    finally:
        shared.close()
        errors.remove_hooks()
        for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
            box.close()  # the sentence told to the person (no window to hold it here)
