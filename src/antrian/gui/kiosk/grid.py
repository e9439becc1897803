"""The services on the kiosk's start page: a grid that fills its place exactly, in pages when one grid of
them would be too small to touch or to read.

Buttons are placed by hand, not by a layout: a layout grows its window to its contents' minimum sizes (12
services once made a 768-pixel kiosk 1,954 pixels tall, its last services off the screen), while this grid
only ever uses the room it is given. It tries every column count at the asked text size and at two smaller
ones (never below the readable minimum) and keeps the arrangement with the fewest pages, then the largest
text, then the cells closest to a comfortable 3:1 button; every cell is at least a touch target high and
wide, as tall as its tallest button's wrapped words need, and wide enough for their widest word. More
services than one page holds get large Previous and Next buttons and a page indicator below the grid.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from antrian.gui.kiosk.buttons import ServiceButton
from antrian.services.kiosk import ServiceTile

SCALES = (1.0, 0.85, 0.7)  # the text sizes tried, as shares of the asked one
ASPECT = 3.0  # a button's most comfortable width to height


@dataclass(frozen=True, slots=True)
class Sizes:
    """What the window asks of the grid, in pixels: ``target`` the least side of anything touched; the
    name and the queue as large as ``name``/``detail``, never below ``least_name``/``least_detail``; the
    page buttons' text ``pager``; ``gap`` between buttons."""

    target: int
    name: int
    detail: int
    least_name: int
    least_detail: int
    pager: int
    gap: int


@dataclass(frozen=True, slots=True)
class Arrangement:
    columns: int
    rows: int  # per page
    pages: int
    name: int  # the text sizes it was measured at
    detail: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


class ServiceGrid(QWidget):
    """Signals:
    tapped(str): the code of the service touched.
    """

    tapped = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.buttons: dict[str, ServiceButton] = {}
        self.sizes = Sizes(60, 24, 18, 20, 16, 20, 16)
        self.arrangement: Arrangement | None = None
        self.page = 0
        self.previous = QPushButton(self)
        self.next = QPushButton(self)
        self.previous.setObjectName("page")
        self.next.setObjectName("nextPage")
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        self.indicator = QLabel(self)
        self.indicator.setObjectName("pageIndicator")
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.indicator.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous.setText(self.tr("‹  Previous"))
        self.next.setText(self.tr("Next  ›"))
        for button in self.buttons.values():
            button.update_tile(button.tile)
        self._say_page()

    def set_tiles(self, tiles: Sequence[ServiceTile]) -> None:
        """Show ``tiles``: new buttons when the services changed, else the same buttons with their queues
        brought up to date."""
        if [t.code for t in tiles] != list(self.buttons):
            for button in self.buttons.values():
                button.deleteLater()
            self.buttons = {}
            for tile in tiles:
                button = ServiceButton(tile)
                button.setParent(self)
                button.clicked.connect(lambda _=False, code=tile.code: self.tapped.emit(code))
                self.buttons[tile.code] = button
            self.page = 0
        several = len({tile.zone for tile in tiles}) > 1  # zones of a Mal Pelayanan Publik: say whose
        for tile in tiles:
            self.buttons[tile.code].update_tile(tile)
            self.buttons[tile.code].show_zone(several)
        self.arrange()

    def set_sizes(self, sizes: Sizes) -> None:
        self.sizes = sizes
        for button in (self.previous, self.next):
            font = QFont(button.font())
            font.setPixelSize(sizes.pager)
            font.setBold(True)
            button.setFont(font)
        font = QFont(self.indicator.font())
        font.setPixelSize(sizes.pager)
        self.indicator.setFont(font)
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    # -- arranging ------------------------------------------------------------------------------------
    def arrange(self) -> None:
        """Choose the arrangement for the grid's size now and place the current page."""
        self.arrangement = self._choose(self.width(), self.height())
        if self.arrangement is not None:
            for button in self.buttons.values():
                button.set_fonts(self.arrangement.name, self.arrangement.detail)
        self.show_page(self.page)

    def _choose(self, width: int, height: int) -> Arrangement | None:
        buttons, sizes = list(self.buttons.values()), self.sizes
        gap = sizes.gap
        count = len(buttons)
        if not count or width <= 0 or height <= 0:
            return None
        best: tuple[tuple[int, float, float], Arrangement] | None = None
        tried: set[tuple[int, int]] = set()
        for scale in SCALES:
            name = max(sizes.least_name, round(sizes.name * scale))
            detail = max(sizes.least_detail, round(sizes.detail * scale))
            if (name, detail) in tried:
                continue
            tried.add((name, detail))
            for button in buttons:
                button.set_fonts(name, detail)
            for columns in range(1, count + 1):
                cell = (width - (columns - 1) * gap) // columns
                if cell < sizes.target or not all(button.fits_width(cell) for button in buttons):
                    break  # narrower still with more columns
                need = max(sizes.target, *(button.needed_height(cell) for button in buttons))
                rows, pages, room = math.ceil(count / columns), 1, height
                if rows * need + (rows - 1) * gap > height:
                    room = height - sizes.target - gap  # the page buttons' row
                    rows = (room + gap) // (need + gap)
                    if rows < 1:
                        continue
                    pages = math.ceil(count / (rows * columns))
                cell_height = (room - (rows - 1) * gap) / rows
                key = (pages, -scale, abs(math.log(cell / cell_height / ASPECT)))
                if best is None or key < best[0]:
                    best = (key, Arrangement(columns, rows, pages, name, detail))
        if best is None:  # no room for even one readable button: one per page, the names elided
            return Arrangement(1, 1, count, sizes.least_name, sizes.least_detail)
        return self._grown(best[1], width, height)

    def _grown(self, arrangement: Arrangement, width: int, height: int) -> Arrangement:
        """``arrangement`` with the largest text, up to the asked size, that its cells (stretched to fill
        the grid) still hold: the rows chosen for small text may leave room for larger."""
        sizes, buttons = self.sizes, list(self.buttons.values())
        room = height - (sizes.target + sizes.gap if arrangement.pages > 1 else 0)
        cell = _cell(width, room, arrangement.columns, arrangement.rows, 0, 0, sizes.gap)
        steps = 8
        for step in range(steps + 1):
            share = 1 - step * (1 - SCALES[-1]) / steps
            name = max(sizes.least_name, round(sizes.name * share))
            detail = max(sizes.least_detail, round(sizes.detail * share))
            if name <= arrangement.name:
                break
            for button in buttons:
                button.set_fonts(name, detail)
            if all(
                b.fits_width(cell.width()) and b.needed_height(cell.width()) <= cell.height() for b in buttons
            ):
                return Arrangement(arrangement.columns, arrangement.rows, arrangement.pages, name, detail)
        return arrangement

    def show_page(self, page: int) -> None:
        """Place page ``page`` (counted from 0, kept within the pages there are) and hide the others."""
        arrangement = self.arrangement
        if arrangement is None:
            for button in self.buttons.values():
                button.hide()
            for widget in (self.previous, self.next, self.indicator):
                widget.hide()
            return
        self.page = max(0, min(page, arrangement.pages - 1))
        paged, gap = arrangement.pages > 1, self.sizes.gap
        width, height = self.width(), self.height()
        room = height - (self.sizes.target + gap if paged else 0)
        first = self.page * arrangement.per_page
        for index, button in enumerate(self.buttons.values()):
            place = index - first
            if not 0 <= place < arrangement.per_page:
                button.hide()
                continue
            row, column = divmod(place, arrangement.columns)
            button.setGeometry(
                _cell(width, room, arrangement.columns, arrangement.rows, column, row, self.sizes.gap)
            )
            button.show()
        for widget in (self.previous, self.next, self.indicator):
            widget.setVisible(paged)
        if paged:
            top, side = height - self.sizes.target, width * 3 // 10
            self.previous.setGeometry(0, top, side, self.sizes.target)
            self.next.setGeometry(width - side, top, side, self.sizes.target)
            self.indicator.setGeometry(side + gap, top, width - 2 * (side + gap), self.sizes.target)
            self.previous.setEnabled(self.page > 0)
            self.next.setEnabled(self.page < arrangement.pages - 1)
        self._say_page()

    def _say_page(self) -> None:
        pages = self.arrangement.pages if self.arrangement else 1
        self.indicator.setText(self.tr("Page {page} of {pages}").format(page=self.page + 1, pages=pages))

    def page_of(self, code: str) -> int:
        """The page service ``code`` is on."""
        per_page = self.arrangement.per_page if self.arrangement else 1
        return list(self.buttons).index(code) // per_page


def _cell(width: int, height: int, columns: int, rows: int, column: int, row: int, gap: int) -> QRect:
    """Cell (``column``, ``row``) of a grid filling ``width`` x ``height`` with ``gap`` pixels between
    cells; the pixels that do not divide evenly are spread over the cells."""
    left = round(column * (width + gap) / columns)
    right = round((column + 1) * (width + gap) / columns) - gap
    top = round(row * (height + gap) / rows)
    bottom = round((row + 1) * (height + gap) / rows) - gap
    return QRect(left, top, right - left, bottom - top)
