"""The display at every office size on every screen: it fits, nothing is cut, and every text a citizen reads
meets the rule of docs/DESIGN.md ("Display: readable from the back of the room"), measured on what is drawn.

Each office is built once (a module fixture); the display only reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QFontMetricsF, QImage, QTextDocumentFragment
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from antrian.domain.messages import Message
from antrian.gui.display.paging import PagedGrid, PagedSection, Shape, plan_rows
from antrian.gui.display.sizes import Floors
from antrian.gui.display.window import DisplayWindow
from antrian.gui.tasks import TaskRunner
from antrian.services.demo import install_demo
from antrian.store.database import Database, open_database
from tests.helpers import load_script

SCREENS = [(1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)]
OFFICES = [(1, 4), (4, 4), (12, 24), (30, 24), (40, 24)]


def build(path: Path, size: int, services: int) -> None:
    """An office of ``size`` counters at work (``scripts/screenshots.py`` shows the same)."""
    database = open_database(str(path), create=True)
    with database.write() as s:
        install_demo(s, counters=size, services=services)
    load_script("screenshots").working_day(database, size)
    database.dispose()


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, int], Path]:
    folder = tmp_path_factory.mktemp("offices")
    made = {}
    for size, services in OFFICES:
        path = folder / f"office-{size}-{services}.db"
        build(path, size, services)
        made[size, services] = path
    return made


@pytest.fixture
def show(qtbot: QtBot) -> Iterator:  # type: ignore[type-arg]
    runner = TaskRunner()
    opened: list[Database] = []

    def make(path: Path, width: int, height: int) -> DisplayWindow:
        database = open_database(str(path))
        opened.append(database)
        window = DisplayWindow(database, lambda work, done: runner.submit(work, done, done))
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitUntil(lambda: window.snapshot is not None and bool(window.tiles), timeout=5000)
        QApplication.processEvents()
        return window

    yield make
    runner.wait()
    for database in opened:
        database.dispose()


def plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if QtGui.mightBeRichText(text) else text


def visible_labels(window: QWidget) -> list[QLabel]:
    return [w for w in window.findChildren(QLabel) if w.isVisible() and plain(w.text()).strip()]


def problems(window: DisplayWindow) -> list[str]:
    """Every way the window breaks the layout rules: a widget outside it, a text cut or elided without its
    whole text at hand, a text a citizen reads below its floor."""
    floors = Floors(window.width(), window.height())
    found = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.width() > 0:
            rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if not frame.contains(rect):
                found.append(f"{widget.objectName() or type(widget).__name__} {rect} outside {frame}")
    for label in visible_labels(window):
        text, metrics = plain(label.text()), QFontMetricsF(label.font())
        name = f"{label.objectName() or type(label).__name__} {text!r}"
        lines = text.split("\n")
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        if not label.wordWrap() and widest > label.contentsRect().width() + 0.5:
            found.append(f"{name} cut: wider than {label.contentsRect().width()}")
        if metrics.height() * len(lines) > label.contentsRect().height() + 1:
            found.append(f"{name} cut: higher than {label.contentsRect().height()}")
        if "…" in text and not label.toolTip():
            found.append(f"{name} elided without its whole text in a tooltip")
        least = floors.call if label in (window.call_number, window.call_counter.number) else floors.text
        if label is not window.voice_status and metrics.capHeight() < least:
            found.append(f"{name} cap height {metrics.capHeight():.1f} < {least}")
    return found


def ink_height(image: QImage) -> int:
    """Rows of ``image`` where the text's colour is drawn (the called number: light on the panel)."""
    rows = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() > 200 for x in range(0, image.width(), 2))
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


def shown_on_every_page(grid: PagedGrid) -> list[QWidget]:
    seen = []
    for _ in range(grid.pages):
        seen += [cell for cell in grid.cells() if cell.isVisible()]
        grid.next_page()
    return seen


@pytest.mark.parametrize(("size", "services"), OFFICES)
@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_display_fits_and_reads_from_the_back(
    show, offices, size: int, services: int, width: int, height: int
) -> None:  # type: ignore[no-untyped-def]
    window = show(offices[size, services], width, height)
    assert (window.width(), window.height()) == (width, height), "never larger than its screen"
    current = window.snapshot.current
    assert current is not None and window.call_number.text() == current.number
    assert problems(window) == []
    floors = Floors(width, height)
    # the called number as drawn: its digits stand at least the call's cap height high
    window.call_panel.set_fresh(False)  # as when the highlight has faded
    assert ink_height(window.call_number.grab().toImage()) >= floors.call
    # every counter and every service is on a page, once; a page mark says where the pages are
    for grid, count in ((window.counters_section.grid, size), (window.waiting_section.grid, services)):
        cells = shown_on_every_page(grid)
        assert len(cells) == count and len(set(cells)) == count
        mark = grid.page_mark
        assert mark is not None and mark.isVisible() == (grid.pages > 1)
        if grid.pages > 1:
            assert mark.text() == f"1/{grid.pages}"
            grid.next_page()
            assert mark.text() == f"2/{grid.pages}" and problems(window) == []


def test_voice_mark_is_visible_inside_the_window(show, offices) -> None:  # type: ignore[no-untyped-def]
    window = show(offices[40, 24], 1366, 768)
    window.set_voice_status(Message("speech.no_audio_device"))
    QApplication.processEvents()
    mark = window.voice_status
    rect = QRect(mark.mapTo(window, QPoint(0, 0)), mark.size())
    assert window.rect().contains(rect) and rect.width() > 0 and rect.height() > 0
    assert mark.contentsRect().width() >= mark.fontMetrics().horizontalAdvance("Suara tidak tersedia")
    assert QFontMetricsF(mark.font()).capHeight() >= 0.5 * Floors(1366, 768).text  # clear to staff nearby
    assert problems(window) == []


def test_start_of_day_is_designed(show, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "morning.db"
    database = open_database(str(path), create=True)
    with database.write() as s:
        install_demo(s, counters=12, services=24)
    database.dispose()
    window = show(path, 1366, 768)
    assert window.call_idle.isVisible() and window.call_idle.text() == "Belum ada panggilan"
    assert not window.call_number.isVisible() and not window.call_counter.isVisible()
    assert not any(label.isVisible() for label in window.recent_labels), "no empty boxes"
    assert window.office.text() == "Mal Pelayanan Publik Kota Contoh" and window.date.text()
    assert problems(window) == []


def test_rows_go_where_they_end_pages() -> None:
    counters = Shape(count=4, columns=2, row=100, heading=50)  # two rows of two: 50 + 210 = 260 px
    waiting = Shape(count=4, columns=1, row=50, heading=50)  # four rows: 50 + 4 * 50 + 3 * 10 = 280 px
    assert plan_rows(260 + 12 + 280, [counters, waiting]) == [2, 4], "both whole: nothing pages"
    # 20 px short: a row less either way makes two pages; a waiting row less shows 7 cells, a counter row 6
    assert plan_rows(532, [counters, waiting]) == [2, 3]
    many = Shape(count=40, columns=2, row=100, heading=50)
    services = Shape(count=24, columns=1, row=50, heading=50)
    # 640 px: 1 counter row + 7 waiting rows make 20 and 4 pages; 2 + 5: 10 and 5; 3 + 3: 7 and 8;
    # 4 + 1: 5 and 24; 5 + none: no room, still a row, 4 and 24. The longest cycle is shortest at 3 + 3
    assert plan_rows(640, [many, services]) == [3, 3]
    assert plan_rows(100, [counters, waiting]) == [1, 1], "too small: a row each, never none"
    assert plan_rows(500, [Shape(0, 1, 100, 50), waiting]) == [0, 4], "no counters: their heading only"


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_a_small_office_never_pages(show, offices, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = show(offices[4, 4], width, height)
    grids = (window.counters_section.grid, window.waiting_section.grid, window.recent_section.grid)
    assert [grid.pages for grid in grids[:2]] == [1, 1]
    assert not any(grid.page_mark is not None and grid.page_mark.isVisible() for grid in grids)
    assert len([cell for cell in window.waiting_section.grid.cells() if cell.isVisible()]) == 4


def test_the_recent_calls_never_show_a_page_mark(qtbot: QtBot) -> None:
    section = PagedSection(rotate=False, by_columns=False)  # the newest calls that fit, the others never
    qtbot.addWidget(section)
    section.grid.set_cells([QLabel(str(n)) for n in range(6)])
    section.grid.set_cell_size(QSize(100, 50))
    section.resize(320, 120)
    section.show()
    QApplication.processEvents()
    assert (
        section.grid.pages == 2 and [c.isVisible() for c in section.grid.cells()] == [True] * 3 + [False] * 3
    )
    assert not section.page_mark.isVisible()


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_running_text_is_on_screen(show, offices, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window = show(offices[4, 4], width, height)
    ticker = window.ticker
    assert ticker.text() == "Selamat datang. Siapkan dokumen asli Anda sebelum dipanggil."
    rect = QRect(ticker.mapTo(window, QPoint(0, 0)), ticker.size())
    assert ticker.isVisible() and window.rect().contains(rect)
    assert rect.width() >= width // 3, "a third of the screen at least, where the text can be read"
    assert QFontMetricsF(ticker.font()).capHeight() >= Floors(width, height).text
    assert ink_height(ticker.grab().toImage()) >= Floors(width, height).text, "its letters are drawn"
