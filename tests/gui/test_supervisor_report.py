"""The supervisor window's report tab on a known day built through the service layer with a pinned clock:
the tables, the summary and the charts show the hand-computed figures; a changed period reads again (and a
result that arrives for the old period is dropped); exports write the same figures or say why they could not.

The day (Monday 2026-11-30, Asia/Jakarta; A's standard 15 minutes, B's 20 minutes), counter 1 serves A and B:
  09:00 A001 issued, 09:01 B001 issued, 09:02 A001 called (waited 2:00), 09:03 started, 09:08 done (5:00)
  09:10 B001 called (waited 9:00) and started, 09:40 done (30:00, over B's standard)
  10:00 A002 issued, 10:01 called (waited 1:00), 10:05 no-show.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock, standard_words
from antrian.gui.supervisor.report import DAY, WEEK, ReportTab, period
from antrian.gui.supervisor.window import SupervisorWindow
from antrian.gui.tasks import TaskRunner
from antrian.services.users import create_user
from antrian.store.database import Database
from tests.conftest import MONDAY_9AM
from tests.gui.language import switch_language
from tests.helpers import known_monday

PASSWORD = "rahasia123"
ISSUED, SERVED, NO_SHOW = 2, 3, 4  # columns of the per-service table
WAIT_P50, WAIT_MAX, WAIT_MEAN = 8, 11, 12
SERVICE_P50 = 13
WITHIN, OVER, WITHIN_PCT = 18, 19, 20


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def day(office_db: Database, clock: FixedClock) -> Database:
    with office_db.write() as s:
        create_user(s, "kepala", "Ibu Kepala", "supervisor", PASSWORD, actor=SYSTEM)
    known_monday(office_db, clock)
    return office_db


@pytest.fixture
def tab(qtbot: QtBot, day: Database, clock: FixedClock) -> Iterator[ReportTab]:
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
    window.tabs.setCurrentWidget(window.report_tab)
    assert window.tabs.tabText(window.tabs.currentIndex()) == window.tr("Compliance report")
    yield window.report_tab
    runner.wait()


def show(tab: ReportTab, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tab.shown, timeout=10000):
        tab.show_button.click()


def test_periods() -> None:
    thursday = date(2026, 12, 3)
    assert period(DAY, thursday, thursday) == (thursday, thursday)
    assert period(WEEK, thursday, thursday) == (date(2026, 11, 30), date(2026, 12, 6))
    assert period(2, date(2024, 2, 10), thursday) == (date(2024, 2, 1), date(2024, 2, 29))
    assert period(3, thursday, thursday) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period(4, date(2026, 11, 2), thursday) == (date(2026, 11, 2), thursday)


def test_the_day_in_tables_summary_and_charts(tab: ReportTab, qtbot: QtBot) -> None:
    assert tab.first.date().toPython() == date(2026, 11, 30)  # the office's day, from the monitor
    show(tab, qtbot)
    model = tab.services_model
    rows = {(model.text(r, 0).split()[0], model.text(r, 1)): r for r in range(model.rowCount())}
    a, b = rows["A", model.text(0, 1)], rows["B", model.text(0, 1)]  # the "all" rows
    assert [model.text(a, c) for c in (ISSUED, SERVED, NO_SHOW)] == ["2", "1", "1"]
    assert [model.text(a, c) for c in (WAIT_P50, WAIT_MAX, WAIT_MEAN)] == ["1:00", "2:00", "1:30"]
    assert [model.text(a, c) for c in (SERVICE_P50, WITHIN, OVER, WITHIN_PCT)] == [
        "5:00",
        "1",
        "0",
        "100,0 %",  # the Indonesian decimal comma
    ]
    assert [model.text(b, c) for c in (ISSUED, SERVED, SERVICE_P50, WITHIN, OVER, WITHIN_PCT)] == [
        "1", "1", "30:00", "0", "1", "0,0 %"
    ]  # fmt: skip
    standard = model.text(a, model.columnCount() - 1)  # in words, in the PC's language
    assert standard.startswith(words.say(standard_words(15, "minutes")))
    assert words.language() != "id" or standard.startswith("15 menit")
    counters_ = tab.counters_model
    assert counters_.rowCount() == 1
    assert [counters_.text(0, c) for c in range(4)] == ["1", "2", "17:30", "2:00:00"]  # open 09:00-11:00
    text = tab.summary.text()
    assert "3" in text and "50,0 %" in text  # 3 issued; 1 of 2 measured within the standard
    chart = tab.hour_chart
    by_hour = dict(zip(chart.hours, chart.arrivals, strict=True))
    assert (by_hour[9], by_hour[10]) == (2, 1)
    waits = dict(zip(chart.hours, chart.waiting_minutes, strict=True))
    assert waits[9] == pytest.approx(5.5) and waits[10] == pytest.approx(1.0)  # (2 + 9) / 2 minutes
    # even ticks on shared grid lines: 2 arrivals in steps of 1, 5.5 minutes in steps of 2: 3 intervals
    left, right = (axis for axis in chart.chart().axes(Qt.Orientation.Vertical))
    assert (left.min(), left.max(), left.tickCount(), left.labelFormat()) == (0, 3, 4, "%d")
    assert (right.min(), right.max(), right.tickCount(), right.labelFormat()) == (0, 6, 4, "%d")
    # the service column shows the whole name, also as a tooltip; the sample names need no eliding
    name = model.index(a, 0)
    assert model.data(name, Qt.ItemDataRole.ToolTipRole) == model.text(a, 0) == "A KTP Elektronik"
    assert tab.services_view.columnWidth(0) >= tab.services_view.sizeHintForColumn(0)
    assert (
        tab.heatmap.matrix[0][9] == 2
        and tab.heatmap.matrix[0][10] == 1
        and sum(map(sum, tab.heatmap.matrix)) == 3
    )

    # sorting by issued, most first, puts A's row on top
    tab.services_view.sortByColumn(ISSUED, Qt.SortOrder.DescendingOrder)
    assert model.text(0, ISSUED) == "2"


def test_a_changed_period_reads_again_and_a_stale_result_is_dropped(tab: ReportTab, qtbot: QtBot) -> None:
    tab.show_button.click()
    tab.first.setDate(QDate(2026, 12, 1))  # before the read comes back: its result is for Monday
    qtbot.waitUntil(lambda: tab.show_button.isEnabled(), timeout=10000)
    assert tab.made is None and tab.services_model.rowCount() == 0
    show(tab, qtbot)
    assert tab.made is not None and tab.made.asked[:2] == (date(2026, 12, 1), date(2026, 12, 1))
    assert tab.services_model.rowCount() == 0 and sum(tab.hour_chart.arrivals) == 0
    tab.kind.setCurrentIndex(WEEK)
    assert not tab.export_button.isEnabled()  # the figures on screen are of another period now
    show(tab, qtbot)
    assert tab.made.asked[:2] == (date(2026, 11, 30), date(2026, 12, 6))
    assert (
        sum(
            int(tab.services_model.text(r, ISSUED))
            for r in range(tab.services_model.rowCount())
            if tab.services_model.text(r, 1) == tab.services_model.text(0, 1)
        )
        == 3
    )


def export(tab: ReportTab, qtbot: QtBot, path: Path, fmt: str) -> object:
    with qtbot.waitSignal(tab.exported, timeout=10000) as signal:
        tab.export(path, fmt)
    return signal.args[0]


def test_exports_show_the_tables_figures(tab: ReportTab, qtbot: QtBot, tmp_path: Path) -> None:
    show(tab, qtbot)
    path = tmp_path / "laporan.json"
    assert export(tab, qtbot, path, "json") == path
    assert str(path) in tab.message.text()
    data = json.loads(path.read_text(encoding="utf-8"))
    table = {tab.services_model.text(r, 0).split()[0]: (tab.services_model.text(r, ISSUED),
             tab.services_model.text(r, SERVED)) for r in range(tab.services_model.rowCount())
             if tab.services_model.text(r, 1) == tab.services_model.text(0, 1)}  # fmt: skip
    assert {s["code"]: (str(s["issued"]), str(s["served"])) for s in data["services"]} == table
    book_path = tmp_path / "laporan.xlsx"
    assert export(tab, qtbot, book_path, "xlsx") == book_path
    book = load_workbook(book_path, read_only=True)
    cells = [[str(c) for c in row] for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    assert any(row[:1] == ["A"] and "2" in row and "1" in row for row in cells)  # A: 2 issued, 1 served
    assert any(row[:1] == ["B"] and "1" in row for row in cells)


def test_an_unwritable_path_says_so_and_leaves_no_file(tab: ReportTab, qtbot: QtBot, tmp_path: Path) -> None:
    show(tab, qtbot)
    path = tmp_path / "missing" / "laporan.json"
    assert isinstance(export(tab, qtbot, path, "json"), Exception)
    assert str(path) in tab.message.text() and not path.exists() and not path.parent.exists()
    assert tab.export_button.isEnabled()


def test_the_pdf_export_writes_the_days_figures(tab: ReportTab, qtbot: QtBot, tmp_path: Path) -> None:
    from tests.printing.pdf_text import pdf_pages

    show(tab, qtbot)
    path = tmp_path / "laporan.pdf"
    assert export(tab, qtbot, path, "pdf") == path  # written on the task runner's worker thread
    assert str(path) in tab.message.text()
    pages = pdf_pages(path)
    every = " ".join(" ".join(text.split()) for text in pages)
    assert all(f"hal. {i} dari {len(pages)}" in text for i, text in enumerate(pages, start=1))
    assert "Kantor Uji" in pages[0] and "A semua 2 1 1 0 0 0 1 (100,0 %)" in every
    assert "NIP. ____" in every  # no signer given in the window: lines to sign by hand
    missing = tmp_path / "missing" / "laporan.pdf"
    assert isinstance(export(tab, qtbot, missing, "pdf"), Exception)
    assert str(missing) in tab.message.text() and not missing.parent.exists()


def test_the_figures_follow_the_language(tab: ReportTab, qtbot: QtBot) -> None:
    show(tab, qtbot)
    model = tab.services_model
    assert (model.text(0, WITHIN_PCT), "50,0 %" in tab.summary.text()) == ("100,0 %", True)
    switch_language("en")
    assert (model.text(0, WITHIN_PCT), "50.0 %" in tab.summary.text()) == ("100.0 %", True)
    assert model.headerData(WITHIN_PCT + 3, Qt.Orientation.Horizontal) == "Within waiting\ntarget %"
    assert model.headerData(WITHIN_PCT + 3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Within waiting target %"
    )
