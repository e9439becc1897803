"""Cells that never shrink: as many as fit in columns, the rest on pages that turn by themselves.

The display's counter tiles, recent calls and waiting counts are each a ``PagedSection``: a heading with a
page mark ("1/3") and a ``PagedGrid`` of cells of one size, the smallest size at which their text is
readable from the back of the room (``sizes.Floors``). A grid never asks for more room than one cell, so
the window always fits its screen; what does not fit is paged, never drawn smaller.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

PAGE_MS = 8000  # long enough to find one's number on a page, short enough to see every page within a minute
GAP = 10


class PagedGrid(QWidget):
    """The first ``count`` of its cells, column by column, on as many pages as they need.

    ``rotate``: turn the pages every ``PAGE_MS``; without it only the first page shows (the recent calls:
    the newest ones)."""

    def __init__(self, *, rotate: bool = True, by_columns: bool = True) -> None:
        super().__init__()
        self._cells: list[QWidget] = []
        self._count = 0
        self._cell = QSize(1, 1)
        self._by_columns = by_columns
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

    def cells(self) -> list[QWidget]:
        return list(self._cells)

    def set_count(self, count: int) -> None:
        """Show only the first ``count`` cells (the others have nothing to show)."""
        if count != self._count:
            self._count = count
            self.place()

    def set_cell_size(self, size: QSize) -> None:
        """The smallest size at which a cell's text is readable and whole."""
        self._cell = QSize(max(1, size.width()), max(1, size.height()))
        self.setMinimumSize(self._cell)
        self.place()

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
            self.page_mark.setVisible(self.pages > 1)


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
