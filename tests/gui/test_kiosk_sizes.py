"""The kiosk at every office size on every screen it is sold for: it fits exactly, every service can be
reached and touched, and no text is cut.

For 1, 4, 12 and 24 services (the sample MPP's, some with long names) at 1366x768, 1920x1080, 3840x2160
and portrait 1080x1920, each page a citizen meets (the services, page by page to the last one, whose ticket
is then taken; the ticket; a refusal; the priority groups; the note for staff on leaving without a PIN) is
checked for: the window no larger than its screen; every visible widget inside it; service buttons not
overlapping; every button at least 15 mm on the densest panel plausible for the resolution
(docs/DESIGN.md, "Kiosk: touch targets"); every text at least 4 mm; and no text cut (a wrapped text's words
each fit its width and its lines its height; a one-line text fits, or is elided with the whole in a
tooltip).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian.domain.roles import SYSTEM
from antrian.domain.timing import system_clock
from antrian.gui.kiosk import sizes
from antrian.gui.kiosk.buttons import ServiceButton
from antrian.gui.kiosk.pages import GROUPS, HOME, NOTE, RESULT
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner
from antrian.printing.slip import TicketSlip
from antrian.services import counters
from antrian.services.demo import install_demo
from antrian.services.setup import save_service
from antrian.services.standards import standard_for, today
from antrian.store.database import open_database
from antrian.store.models import Service
from tests.gui.taps import take_refused

SCREENS = [(1366, 768), (1920, 1080), (3840, 2160), (1080, 1920)]
OFFICES = [1, 4, 12, 24]
LONGEST = "N"  # "Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi (PBG/SLF)", from 14 services


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """One sample office per size, built once: counters 1 and 2 open, the rest closed."""
    folder = tmp_path_factory.mktemp("offices")
    built = {}
    for count in OFFICES:
        path = folder / f"office-{count}.db"
        database = open_database(str(path), create=True)
        with database.write() as s:
            install_demo(s, counters=max(2, count // 2), services=count)
        with database.write() as s:
            for number in (1, 2):
                counters.open_counter(s, number, actor=SYSTEM)
        database.dispose()
        built[count] = path
    return built


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def close_service(path: Path, code: str) -> None:
    """Service ``code`` closes at 00:01 every day, everything else about it kept."""
    database = open_database(str(path))
    with database.write() as s:
        service = s.execute(select(Service).where(Service.code == code)).scalar_one()
        standard = standard_for(s, service.id, today(s, system_clock))
        assert standard is not None
        save_service(
            s,
            code,
            service.name,
            actor=SYSTEM,
            standard_time=standard.value,
            standard_unit=standard.unit,
            waiting_target_minutes=standard.waiting_target_minutes,
            opens_at=time(0, 0),
            closes_at=time(0, 1),
            open_days="1234567",
            display_order=service.display_order,
        )
    database.dispose()


# -- what fitting means ----------------------------------------------------------------------------------
def inside(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def cut(widget: QWidget) -> str | None:
    """How ``widget``'s text is cut, or None when it is all there."""
    if isinstance(widget, QLabel) and widget.text():
        text, room, metrics = widget.text(), widget.contentsRect(), widget.fontMetrics()
        if widget.wordWrap():
            widest = max(metrics.horizontalAdvance(word) for word in text.split())
            if widest > room.width():
                return f"a word of {text!r} is wider than its label ({widest} > {room.width()})"
            needed = metrics.boundingRect(room.x(), 0, room.width(), 100_000, Qt.TextFlag.TextWordWrap, text)
            if needed.height() > room.height():
                return f"{text!r} needs {needed.height()} pixels of height, has {room.height()}"
            return None
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if widest > room.width():
            return f"{text!r} is {widest} pixels wide in {room.width()}"
    if isinstance(widget, QAbstractButton) and widget.text():
        metrics = widget.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in widget.text().split("\n"))
        if widest > widget.width() - 24:  # the stylesheet pads buttons by 12 pixels
            return f"{widget.text()!r} is {widest} pixels wide in a button of {widget.width()}"
    return None


def assert_fits(window: KioskWindow, size: tuple[int, int], page: str) -> None:
    QApplication.processEvents()  # the layouts' requests posted by the last change
    width, height = size
    pitch = sizes.assumed_mm_per_pixel(width, height)
    touch, least = sizes.pixels(15, pitch), sizes.pixels(4, pitch)
    assert (window.width(), window.height()) == size, f"{page}: the window is not its screen's size"
    shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
    assert shown, page
    for widget in shown:
        name = f"{page}: {type(widget).__name__} {widget.objectName()!r}"
        assert inside(window, widget), f"{name} is outside the window"
        problem = cut(widget)
        if problem is not None:
            elided = isinstance(widget, QLabel) and widget.text().endswith("…")
            holder = widget.parentWidget()
            assert elided and holder is not None and holder.toolTip(), f"{name}: {problem}"
            assert widget.text()[:-1] in holder.toolTip(), f"{name}: the tooltip is not the whole text"
        if isinstance(widget, QAbstractButton):
            assert min(widget.width(), widget.height()) >= touch, (
                f"{name} {widget.width()}x{widget.height()} is under 15 mm ({touch} pixels)"
            )
        if isinstance(widget, (QLabel, QAbstractButton)) and (widget.text() or "").strip():
            assert widget.font().pixelSize() >= least, f"{name}: text under 4 mm"
    services = [b for b in shown if isinstance(b, ServiceButton)]
    for index, one in enumerate(services):
        for other in services[index + 1 :]:
            assert not one.geometry().intersects(other.geometry()), f"{page}: {one.code} over {other.code}"


# -- the cases ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("count", OFFICES)
@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_and_every_service_can_be_reached(
    qtbot: QtBot,
    offices: dict[int, Path],
    runner: TaskRunner,
    tmp_path: Path,
    count: int,
    size: tuple[int, int],
) -> None:
    path = tmp_path / "office.db"
    shutil.copy(offices[count], path)
    database = open_database(str(path))
    printed: list[TicketSlip] = []
    window = KioskWindow(
        database, lambda w, d: runner.submit(w, d, d), print_slip=printed.append, exit_pin=None
    )
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: len(window.grid.buttons) == count, timeout=5000)
    QApplication.processEvents()  # the layouts settle: the grid's room, and so its pages, are final
    grid = window.grid
    assert grid.arrangement is not None
    pages = grid.arrangement.pages
    assert pages == -(-count // grid.arrangement.per_page)

    reached: list[str] = []
    for page in range(pages):
        assert grid.page == page and window.priority_button.isVisible(), "Pelayanan Khusus on every page"
        assert_fits(window, size, f"services, page {page + 1} of {pages}")
        reached += [code for code, button in window.grid.buttons.items() if button.isVisible()]
        assert grid.previous.isVisible() == (pages > 1) and grid.indicator.isVisible() == (pages > 1)
        if page < pages - 1:
            assert grid.indicator.text() == f"Halaman {page + 1} dari {pages}"
            qtbot.mouseClick(grid.next, Qt.MouseButton.LeftButton)
    assert reached == list(window.grid.buttons), "each service on exactly one page, in order"
    assert not grid.next.isEnabled() or pages == 1

    last = list(window.grid.buttons)[-1]
    with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
        qtbot.mouseClick(window.grid.buttons[last], Qt.MouseButton.LeftButton)
    assert outcome.args == [True] and [slip.number for slip in printed] == [f"{last}001"]
    assert window.pages.currentIndex() == RESULT
    assert_fits(window, size, "the ticket, printed")
    qtbot.mouseClick(window.done, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == HOME and grid.page == 0, "the next citizen starts at page 1"

    refused = LONGEST if count > 13 else last
    close_service(path, refused)
    take_refused(qtbot, window, refused)  # a tap that reached it as it closed: the refusal names the service
    qtbot.waitUntil(lambda: not window.grid.buttons[refused].tile.available, timeout=5000)
    assert window.title.text().startswith("Maaf, nomor tidak dapat diambil")
    grid.show_page(grid.page_of(refused))
    assert window.grid.buttons[refused].detail.text().startswith("Tidak tersedia: tutup")
    assert_fits(window, size, "a refusal, the service closed")

    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == GROUPS
    assert_fits(window, size, "the priority groups")
    qtbot.mouseClick(window.group_buttons[1], Qt.MouseButton.LeftButton)
    assert window.mode.isVisible() and window.cancel_priority.isVisible()
    assert_fits(window, size, "a priority group chosen")

    window.ask_to_leave()
    assert window.pages.currentIndex() == NOTE
    assert_fits(window, size, "the note on leaving without a PIN")
    runner.wait()
    database.dispose()


def test_the_window_never_grows_past_its_screen_however_small(
    qtbot: QtBot, offices: dict[int, Path], runner: TaskRunner, tmp_path: Path
) -> None:
    """A window too small for any readable grid still keeps its size: one service per page, names elided
    with the whole name in the tooltip."""
    path = tmp_path / "office.db"
    shutil.copy(offices[24], path)
    database = open_database(str(path))
    window = KioskWindow(database, lambda w, d: runner.submit(w, d, d), print_slip=None)
    qtbot.addWidget(window)
    window.resize(480, 360)
    window.show()
    qtbot.waitUntil(lambda: len(window.grid.buttons) == 24, timeout=5000)
    assert (window.width(), window.height()) == (480, 360)
    assert window.grid.arrangement is not None and window.grid.arrangement.pages == 24
    window.grid.show_page(window.grid.page_of(LONGEST))
    button = window.grid.buttons[LONGEST]
    assert button.isVisible() and button.name.text().endswith("…")
    assert button.toolTip() == "Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi (PBG/SLF)"
    runner.wait()
    database.dispose()


@pytest.mark.parametrize(
    ("size", "expected"),
    [((1366, 768), 0.248), ((1920, 1080), 0.248), ((1080, 1920), 0.248), ((3840, 2160), 597.7 / 3840)],
)
def test_the_assumed_pixel_is_the_densest_plausible_panels(size: tuple[int, int], expected: float) -> None:
    assert sizes.assumed_mm_per_pixel(*size) == pytest.approx(expected)
    # 15 mm: 61 pixels at full HD and below, 97 at 4K
    assert sizes.pixels(15, expected) == {0.248: 61}.get(round(expected, 3), 97)


def test_a_reported_screen_size_is_believed_only_when_plausible() -> None:
    # a 27-inch 4K panel reporting 597 x 336 mm
    assert sizes.reported_mm_per_pixel(597, 336, 3840, 2160) == pytest.approx((597 / 3840 + 336 / 2160) / 2)
    assert sizes.reported_mm_per_pixel(0, 0, 1920, 1080) is None, "nothing reported"
    assert sizes.reported_mm_per_pixel(160, 90, 1920, 1080) is None, "a 7-inch 'kiosk'"
    assert sizes.reported_mm_per_pixel(1000, 200, 1920, 1080) is None, "pitches that disagree"
