"""The supervisor window's service-time log tab on a known day built through the service layer with a pinned
clock: rows arrive a page at a time, a header click sorts, a filter narrows the count, the events of the
selected ticket appear beside the table, a page read for an old filter is dropped, and the model keeps a
bounded number of pages, reading the end of the log without the pages between.

The day (Monday 2026-11-30, Asia/Jakarta; A's standard 15 minutes), counter 1 run by petugas1:
  09:00 A001 issued, 09:01 B001, 09:02 A002, 09:03 A003 (never called)
  09:04 A001 called (waited 4:00), 09:05 started, 09:25 done (20:00, over A's standard)
  09:26 B001 called (waited 25:00), 09:27 started, 09:37 done (10:00)
  09:38 A002 called (waited 36:00), 09:39 no-show
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.gui.supervisor.log import YES, LogReader, LogTab
from antrian.gui.supervisor.log_model import COLUMNS, ID_ROLE, OVER_MARK, LogModel
from antrian.gui.supervisor.window import SupervisorWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.ticket_log import LogColumn, LogFilter
from antrian.services.users import actor_for, create_user
from antrian.store.database import Database
from tests.conftest import MONDAY_9AM

PASSWORD = "rahasia123"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def day(office_db: Database, clock: FixedClock) -> Database:
    with office_db.write() as s:
        create_user(s, "kepala", "Ibu Kepala", "supervisor", PASSWORD, actor=SYSTEM)
        create_user(s, "petugas1", "Petugas Satu", "operator", PASSWORD, actor=SYSTEM)
    with office_db.read() as s:
        operator = actor_for(s, "petugas1")
    for minute, work in (
        (0, lambda s: counters.open_counter(s, 1, actor=operator, clock=clock)),
        (0, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (1, lambda s: queue.issue_ticket(s, "B", clock=clock)),
        (2, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (3, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (4, lambda s: queue.call_ticket(s, 1, "A001", actor=operator, clock=clock)),
        (5, lambda s: queue.start(s, 1, actor=operator, clock=clock)),
        (25, lambda s: queue.finish(s, 1, actor=operator, clock=clock)),
        (26, lambda s: queue.call_ticket(s, 1, "B001", actor=operator, clock=clock)),
        (27, lambda s: queue.start(s, 1, actor=operator, clock=clock)),
        (37, lambda s: queue.finish(s, 1, actor=operator, clock=clock)),
        (38, lambda s: queue.call_ticket(s, 1, "A002", actor=operator, clock=clock)),
        (39, lambda s: queue.no_show(s, 1, actor=operator, clock=clock)),
    ):
        clock.now = MONDAY_9AM + timedelta(minutes=minute)
        with office_db.write() as s:
            work(s)
    clock.now = MONDAY_9AM + timedelta(hours=2)
    return office_db


@pytest.fixture
def tab(qtbot: QtBot, day: Database, clock: FixedClock) -> Iterator[LogTab]:
    runner = TaskRunner()
    window = SupervisorWindow(
        day, lambda work, done: runner.submit(work, done, done), clock=clock, username="kepala",
        password=PASSWORD,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.loggedIn, timeout=10000):
        window.login.submit()
    window.tabs.setCurrentWidget(window.log_tab)
    assert window.tabs.tabText(window.tabs.currentIndex()) == window.tr("Service-time log")
    window.log_tab.model.page_size = 2
    yield window.log_tab
    runner.wait()


def column(tab: LogTab, which: LogColumn) -> list[str]:
    model = tab.model
    return [model.data(model.index(r, COLUMNS.index(which))) for r in range(model.rowCount())]


def show_all(tab: LogTab, qtbot: QtBot) -> list[int]:
    """Show the log and wait until every row is in; the pages that arrived, in order."""
    pages: list[int] = []
    tab.model.pageLoaded.connect(pages.append)
    with qtbot.waitSignal(tab.counted, timeout=10000):
        tab.show_button.click()
    assert tab.count is not None
    to_the_end(tab, qtbot)
    tab.model.pageLoaded.disconnect(pages.append)
    return pages


def to_the_end(tab: LogTab, qtbot: QtBot) -> None:
    """Wait for the load on its way, then for each row's page, as the view does when it scrolls to the
    end."""
    model = tab.model
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    for number in range(model.rowCount()):
        qtbot.waitUntil(lambda n=number: model.row(n) is not None, timeout=10000)


def test_rows_arrive_page_by_page_with_their_times(tab: LogTab, qtbot: QtBot) -> None:
    assert tab.first.date().toPython() == MONDAY_9AM.date()  # the office's day, from the monitor
    assert show_all(tab, qtbot) == [0, 1]  # two pages of two rows, the second asked when shown
    assert tab.count == 4 and tab.count_label.text() == "4 tiket"
    assert column(tab, LogColumn.LABEL) == ["A001", "B001", "A002", "A003"]
    assert column(tab, LogColumn.ISSUED) == ["09:00:00", "09:01:00", "09:02:00", "09:03:00"]
    assert column(tab, LogColumn.WAITING) == ["4:00", "25:00", "36:00", "–"]
    assert column(tab, LogColumn.SERVICE_TIME) == ["20:00", "10:00", "–", "–"]
    assert column(tab, LogColumn.STAY) == ["25:00", "36:00", "–", "–"]
    assert column(tab, LogColumn.STATUS) == ["selesai", "selesai", "tidak hadir", "menunggu"]
    over = column(tab, LogColumn.OVER_STANDARD)
    assert over[0].startswith(OVER_MARK) and over[1:] == ["", "", ""]  # a mark, not colour alone
    model = tab.model
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(0, 0), background) is not None  # and a tint
    assert model.data(model.index(1, 0), background) is None


def test_sort_by_waiting_descending(tab: LogTab, qtbot: QtBot) -> None:
    waiting = COLUMNS.index(LogColumn.WAITING)
    with qtbot.waitSignal(tab.counted, timeout=10000):
        tab.show_button.click()
        tab.view.sortByColumn(waiting, Qt.SortOrder.AscendingOrder)  # before the count came back
    assert tab.count_label.text() == "4 tiket"  # the same filter: its count stands
    tab.view.sortByColumn(waiting, Qt.SortOrder.DescendingOrder)  # what a header click does
    assert tab.model.rowCount() == 0 and tab.model.loading  # reset, its first page asked
    to_the_end(tab, qtbot)
    assert column(tab, LogColumn.LABEL) == ["A002", "B001", "A001", "A003"]  # never called: last
    assert column(tab, LogColumn.WAITING) == ["36:00", "25:00", "4:00", "–"]


def test_a_filter_narrows_the_count(tab: LogTab, qtbot: QtBot) -> None:
    tab.over.setCurrentIndex(YES)
    show_all(tab, qtbot)
    assert tab.count == 1 and column(tab, LogColumn.LABEL) == ["A001"]
    tab.over.setCurrentIndex(0)
    tab.service.setCurrentIndex(tab.service.findData("B"))
    show_all(tab, qtbot)
    assert tab.count == 1 and column(tab, LogColumn.LABEL) == ["B001"]
    assert tab.count_label.text() == "1 tiket"


def test_the_events_of_the_selected_ticket(tab: LogTab, qtbot: QtBot) -> None:
    show_all(tab, qtbot)
    first = tab.model.data(tab.model.index(0, 0), ID_ROLE)
    with qtbot.waitSignal(tab.eventsShown, timeout=10000) as shown:
        tab.view.selectionModel().select(
            tab.model.index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert shown.args == [first]
    lines = [tab.events_list.item(i).text() for i in range(tab.events_list.count())]
    assert len(lines) == 4
    assert lines[0].startswith("30-11 09:00:00 · ")
    assert lines[1].startswith("30-11 09:04:00 · ") and "petugas1" in lines[1]
    assert lines[3].startswith("30-11 09:25:00 · ")


def test_a_page_of_an_old_filter_is_dropped(tab: LogTab, qtbot: QtBot) -> None:
    dropped: list[int] = []
    tab.model.pageDropped.connect(dropped.append)
    tab.show_button.click()  # its first page is on its way ...
    old = tab.model.generation
    tab.service.setCurrentIndex(tab.service.findData("B"))
    tab.show_button.click()  # ... when the filter changes
    qtbot.waitUntil(lambda: dropped == [old], timeout=10000)
    qtbot.waitUntil(lambda: tab.count is not None and not tab.model.loading, timeout=10000)
    assert column(tab, LogColumn.LABEL) == ["B001"] and tab.count == 1


def test_pages_kept_are_bounded_and_the_end_is_read_alone(day: Database, qtbot: QtBot) -> None:
    """A model of one-row pages keeping two: the last row is read without the rows between; a page shown
    again after it was let go is read again."""
    runner = TaskRunner()
    parent = QObject()
    model = LogModel(lambda work, done: runner.submit(work, done, done), parent, page_size=1, cached_pages=2)
    model.reader = LogReader(day, SYSTEM)
    pages: list[int] = []
    model.pageLoaded.connect(pages.append)
    monday = MONDAY_9AM.date()
    with qtbot.waitSignal(model.counted, timeout=10000) as counted:
        model.load(LogFilter(monday, monday))
    assert counted.args == [4] and model.rowCount() == 4 and pages == [0]
    assert model.row(3) is None  # asked for
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    last = model.row(3)
    assert pages == [0, 3] and last is not None and last.visit.label == "A003"
    assert model.row(1) is None
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    assert list(model.pages) == [3, 1]  # page 0, the least recently shown, let go
    assert model.row(0) is None
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    first = model.row(0)
    assert first is not None and first.visit.label == "A001" and list(model.pages) == [1, 0]
    assert pages == [0, 3, 1, 0]
    runner.wait()
