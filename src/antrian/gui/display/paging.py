"""Cells that never shrink: as many as fit in columns, the rest on pages that turn by themselves.

The display's counter tiles, recent calls and waiting counts are each a ``PagedSection``: a heading with a
page mark ("1/3") and a ``PagedGrid`` of cells of one size, the smallest size at which their text is
readable from the back of the room (``sizes.Floors``). A grid never asks for more room than one cell, so
the window always fits its screen; what does not fit is paged, never drawn smaller.

Sections stacked in one column (``SectionStack``: the counters over the waiting counts) share its height by
whole rows of cells (``plan_rows``): the split that leaves the longest cycle of pages shortest, so nothing
pages while there is room for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

PAGE_MS = 8000  # long enough to find one's number on a page, short enough to see every page within a minute
GAP = 10
STACK_SPACING = 12


@dataclass(frozen=True, slots=True)
class Shape:
    """What a section needs to show its cells: how many, in how many columns, each row ``row`` pixels high
    (without the gap), and the height of its heading (with the space below it)."""

    count: int
    columns: int
    row: int
    heading: int

    def height(self, rows: int) -> int:
        return self.heading + rows * self.row + max(0, rows - 1) * GAP

    def rows_in(self, height: int) -> int:
        return max(0, (height - self.heading + GAP) // (self.row + GAP))

    def shown(self, rows: int) -> int:
        return min(self.count, self.columns * rows)

    def pages(self, rows: int) -> int:
        return math.ceil(self.count / (self.columns * rows)) if rows else (1 if self.count == 0 else 10**6)


def plan_rows(height: int, shapes: list[Shape], spacing: int = STACK_SPACING) -> list[int]:
    """Rows for each section stacked in ``height``: every split of whole rows is tried, and the one chosen
    whose longest cycle of pages is shortest, then with the fewest pages in all, then showing the most
    cells at once. No section gets more rows
    than its cells fill; a section with cells gets at least one row even when the height is too small."""

    def best(index: int, left: int) -> tuple[tuple[int, int, int], list[int]]:
        shape = shapes[index]
        needed = math.ceil(shape.count / shape.columns)
        least = 1 if shape.count else 0
        if index == len(shapes) - 1:
            rows = max(least, min(needed, shape.rows_in(left)))
            return (shape.pages(rows), shape.pages(rows), -shape.shown(rows)), [rows]
        found: tuple[tuple[int, int, int], list[int]] | None = None
        for rows in range(least, max(least, min(needed, shape.rows_in(left))) + 1):
            (longest, total, hidden), rest = best(index + 1, left - shape.height(rows) - spacing)
            pages = shape.pages(rows)
            score = (max(longest, pages), total + pages, hidden - shape.shown(rows))
            if found is None or score < found[0]:
                found = score, [rows, *rest]
        assert found is not None, "a range of at least one row"
        return found

    return best(0, height)[1]


class PagedGrid(QWidget):
    """The first ``count`` of its cells, column by column, on as many pages as they need.

    ``rotate``: turn the pages every ``PAGE_MS``; without it only the first page shows (the recent calls:
    the newest ones), and no page mark.

    Signals:
        shapeChanged(): the cells' count or size changed (the room the grid wants changed with it).
    """

    shapeChanged = Signal()

    def __init__(self, *, rotate: bool = True, by_columns: bool = True) -> None:
        super().__init__()
        self._cells: list[QWidget] = []
        self._count = 0
        self._cell = QSize(1, 1)
        self._by_columns = by_columns
        self._rotate = rotate
        self.page = 0
        self.pages = 1
        self.page_mark: QLabel | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = QTimer(self, interval=PAGE_MS)
        self._timer.timeout.connect(self.next_page)
        if rotate:
            self._timer.start()

    def set_cells(self, cells: list[QWidget]) -> None:
        for cell in self._cells:
            if cell not in cells:
                cell.deleteLater()
        self._cells = list(cells)
        for cell in self._cells:
            cell.setParent(self)
        self._count = len(cells)
        self.place()
        self.shapeChanged.emit()

    def cells(self) -> list[QWidget]:
        return list(self._cells)

    def set_count(self, count: int) -> None:
        """Show only the first ``count`` cells (the others have nothing to show)."""
        if count != self._count:
            self._count = count
            self.place()
            self.shapeChanged.emit()

    def set_cell_size(self, size: QSize) -> None:
        """The smallest size at which a cell's text is readable and whole."""
        cell = QSize(max(1, size.width()), max(1, size.height()))
        if cell != self._cell:
            self._cell = cell
            self.setMinimumSize(self._cell)
            self.place()
            self.shapeChanged.emit()

    def shape(self, width: int, heading: int) -> Shape:
        """What this grid needs when it is ``width`` pixels wide under a heading ``heading`` pixels high."""
        columns = max(1, (width + GAP) // (self._cell.width() + GAP))
        return Shape(self._count, columns, self._cell.height(), heading)

    def minimumSizeHint(self) -> QSize:
        return self._cell

    def sizeHint(self) -> QSize:
        return self._cell

    def fitting(self) -> tuple[int, int]:
        """How many columns and rows of cells fit."""
        columns = max(1, (self.width() + GAP) // (self._cell.width() + GAP))
        rows = max(1, (self.height() + GAP) // (self._cell.height() + GAP))
        return columns, rows

    def next_page(self) -> None:
        if self.pages > 1:
            self.page = (self.page + 1) % self.pages
            self.place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place()

    def place(self) -> None:
        """Lay the current page's cells out, hide the others, and say which page this is."""
        columns, rows = self.fitting()
        per_page = columns * rows
        self.pages = max(1, math.ceil(self._count / per_page))
        self.page = min(self.page, self.pages - 1)
        first = self.page * per_page
        shown = self._cells[first : min(self._count, first + per_page)]
        # the cells of a page fill its width; on a page of few cells they grow a little in height too
        if self._by_columns:
            used_columns = max(1, math.ceil(len(shown) / rows))
            used_rows = max(1, math.ceil(len(shown) / used_columns))  # four tiles in two columns: 2 x 2
        else:
            used_columns = min(columns, max(1, len(shown)))
            used_rows = max(1, math.ceil(len(shown) / used_columns))
        width = (self.width() - GAP * (used_columns - 1)) // used_columns if shown else 0
        room = (self.height() - GAP * (used_rows - 1)) // used_rows if shown else 0
        height = min(max(room, self._cell.height()), int(self._cell.height() * 1.3))
        for index, cell in enumerate(shown):
            if self._by_columns:
                column, row = divmod(index, used_rows)
            else:
                row, column = divmod(index, used_columns)
            cell.setGeometry(QRect(column * (width + GAP), row * (height + GAP), width, height))
            cell.show()
        for cell in self._cells:
            if cell not in shown:
                cell.hide()
        if self.page_mark is not None:
            self.page_mark.setText(f"{self.page + 1}/{self.pages}")
            self.page_mark.setVisible(self._rotate and self.pages > 1)


class PagedSection(QWidget):
    """A heading, its page mark at the right, and the grid below."""

    def __init__(self, *, rotate: bool = True, by_columns: bool = True) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.page_mark = QLabel()
        self.page_mark.setObjectName("page")
        self.page_mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.heading, 1)
        top.addWidget(self.page_mark)
        layout.addLayout(top)
        self.grid = PagedGrid(rotate=rotate, by_columns=by_columns)
        self.grid.page_mark = self.page_mark
        layout.addWidget(self.grid, 1)
        self.page_mark.hide()

    def heading_height(self) -> int:
        """The heading's row and the space below it."""
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        return max(self.heading.sizeHint().height(), self.page_mark.sizeHint().height()) + spacing


class SectionStack(QWidget):
    """Sections one over the other, sharing the height by whole rows of cells (``plan_rows``); the last
    section takes what the plan leaves over (its cells grow a little into it)."""

    def __init__(self, sections: list[PagedSection]) -> None:
        super().__init__()
        self.sections = sections
        self.rows = [1] * len(sections)
        for section in sections:
            section.setParent(self)
            section.grid.shapeChanged.connect(self.arrange)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def shapes(self) -> list[Shape]:
        return [s.grid.shape(self.width(), s.heading_height()) for s in self.sections]

    def minimumSizeHint(self) -> QSize:
        """One row of every section, as wide as the widest cell."""
        shapes = [s.grid.shape(0, s.heading_height()) for s in self.sections]
        width = max((s.grid.minimumSizeHint().width() for s in self.sections), default=0)
        return QSize(width, sum(shape.height(1) for shape in shapes) + STACK_SPACING * (len(shapes) - 1))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        shapes = self.shapes()
        self.rows = plan_rows(self.height(), shapes)
        top = 0
        for index, (section, shape, rows) in enumerate(zip(self.sections, shapes, self.rows, strict=True)):
            last = index == len(self.sections) - 1
            height = max(0, self.height() - top) if last else shape.height(rows)
            section.setGeometry(0, top, self.width(), height)
            top += height + STACK_SPACING
