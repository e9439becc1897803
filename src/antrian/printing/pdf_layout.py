"""A flowing A4 layout for QPdfWriter: paragraphs, rules, painted blocks and tables that split across pages
with their header repeated, laid out first and painted after, so every page can say "page i of N".

Layout measures text with ``QFontMetricsF`` on the writer (no painter yet) and records, per page, what to
paint; ``paint`` then draws each page and its footer. Everything here is a QPainter on a QPdfWriter, which Qt
allows on any thread (see ``antrian.printing.page``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPdfWriter, QPen

Op = Callable[[QPainter], None]
Footer = Callable[[QPainter, QRectF, int, int], None]
FAMILY = "DejaVu Sans"
_WRAP = Qt.TextFlag.TextWordWrap
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
HEADER_FILL, STRIPE_FILL, LINE = QColor("#e3eaf4"), QColor("#f5f7fa"), QColor("#9aa5b1")


def font(points: float, *, bold: bool = False) -> QFont:
    made = QFont(FAMILY)
    made.setPointSizeF(points)
    made.setBold(bold)
    return made


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header, its share of the width, and whether its cells are numbers (right)."""

    title: str
    weight: float = 1.0
    number: bool = True


class Pages:
    """The pages of one document, laid out top to bottom within ``writer``'s margins, less ``footer_mm``."""

    def __init__(self, writer: QPdfWriter, *, footer_mm: float = 12.0) -> None:
        self.writer = writer
        self.mm = writer.resolution() / 25.4
        # a painter on the writer starts at the margins' corner: the area is the paint rectangle from (0, 0)
        self.area = QRectF(
            QPointF(0, 0), QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size())
        )
        self.bottom = self.area.bottom() - footer_mm * self.mm
        self.pages: list[list[Op]] = [[]]
        self.y = self.area.top()

    # -- measuring and placing --------------------------------------------------------------------------
    def height(self, text: str, face: QFont, width: float) -> float:
        metrics = QFontMetricsF(face, self.writer)
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), int(_LEFT | _WRAP), text).height()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.area.top()

    def need(self, height: float) -> None:
        """Go on to a new page unless ``height`` fits below the cursor (a page's first block always fits)."""
        if self.y + height > self.bottom and self.y > self.area.top():
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def space(self, mm: float) -> None:
        self.y += mm * self.mm

    # -- blocks -------------------------------------------------------------------------------------------
    def text(
        self, text: str, points: float = 9, *, bold: bool = False, indent_mm: float = 0, after_mm: float = 1.5
    ) -> None:
        face = font(points, bold=bold)
        left = self.area.left() + indent_mm * self.mm
        width = self.area.right() - left
        height = self.height(text, face, width)
        self.need(height)
        box = QRectF(left, self.y, width, height)
        self.add(lambda p: _draw_text(p, face, box, text, _LEFT | _WRAP))
        self.y += height + after_mm * self.mm

    def heading(self, text: str) -> None:
        self.need(12 * self.mm)  # a heading never ends a page alone
        self.space(2)
        self.text(text, 11, bold=True, after_mm=2)

    def rule(self, width_mm: float = 0.4) -> None:
        y = self.y
        left, right = self.area.left(), self.area.right()
        pen = QPen(QColor("black"))
        pen.setWidthF(width_mm * self.mm)

        def draw(p: QPainter) -> None:
            p.setPen(pen)
            p.drawLine(int(left), int(y), int(right), int(y))

        self.add(draw)
        self.y += 2 * self.mm

    def block(self, height_mm: float, paint: Callable[[QPainter, QRectF], None]) -> None:
        """A painted block (a chart) the full width, ``height_mm`` high, kept on one page."""
        height = height_mm * self.mm
        self.need(height)
        box = QRectF(self.area.left(), self.y, self.area.width(), height)
        self.add(lambda p: paint(p, box))
        self.y += height + 2 * self.mm

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        points: float = 7,
        *,
        grid: bool = False,
    ) -> None:
        """A table the full width; a row that does not fit goes on the next page under the header again
        (``grid``: lines between the columns too, for a form filled in by hand)."""
        pad = 0.8 * self.mm
        head, body = font(points, bold=True), font(points)
        widths, header_height, heights = self._measure(columns, rows, points)
        titles = [c.title for c in columns]

        def place(cells: Sequence[str], face: QFont, height: float, fill: QColor | None) -> None:
            y, x = self.y, self.area.left()
            boxes = []
            for cell, width, column in zip(cells, widths, columns, strict=True):
                align = _RIGHT if column.number else _LEFT
                boxes.append((QRectF(x, y, width, height), cell, align))
                x += width

            def draw(p: QPainter) -> None:
                if fill is not None:
                    p.fillRect(QRectF(self.area.left(), y, self.area.width(), height), fill)
                p.setPen(QPen(LINE, 0))
                p.drawLine(int(self.area.left()), int(y + height), int(self.area.right()), int(y + height))
                for box, cell, align in boxes:
                    if grid:
                        p.setPen(QPen(LINE, 0))
                        p.drawRect(box)
                    _draw_text(p, face, box.adjusted(pad, pad, -pad, -pad), cell, align | _WRAP)

            self.add(draw)
            self.y += height

        self.need(header_height * 2)
        place(titles, head, header_height, HEADER_FILL)
        for index, (cells, height) in enumerate(zip(rows, heights, strict=True)):
            if self.y + height > self.bottom:
                self.new_page()
                place(titles, head, header_height, HEADER_FILL)
            place(cells, body, height, STRIPE_FILL if index % 2 else None)
        self.y += 3 * self.mm

    def table_height(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], points: float = 7
    ) -> float:
        """The height ``table`` takes on one page (to keep a title with it)."""
        _widths, header_height, heights = self._measure(columns, rows, points)
        return header_height + sum(heights) + 3 * self.mm

    def _measure(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], points: float
    ) -> tuple[list[float], float, list[float]]:
        """The columns' widths, the header's height and each row's."""
        pad = 0.8 * self.mm
        head, body = font(points, bold=True), font(points)
        widths = self._widths(columns, rows, head, body, pad)

        def row_height(cells: Sequence[str], face: QFont) -> float:
            return (
                max(self.height(c, face, w - 2 * pad) for c, w in zip(cells, widths, strict=True)) + 2 * pad
            )

        return widths, row_height([c.title for c in columns], head), [row_height(r, body) for r in rows]

    def _widths(
        self, columns: Sequence[Column], rows: Sequence[Sequence[str]], head: QFont, body: QFont, pad: float
    ) -> list[float]:
        """Each column at least as wide as its longest word (header or cell), the rest shared by weight."""
        head_metrics, body_metrics = QFontMetricsF(head, self.writer), QFontMetricsF(body, self.writer)
        least = []
        for index, column in enumerate(columns):
            words_ = [(head_metrics, word) for word in column.title.split()]
            words_ += [(body_metrics, word) for row in rows for word in row[index].split()]
            least.append(max((m.horizontalAdvance(w) for m, w in words_), default=0.0) + 2 * pad + 1)
        spare = self.area.width() - sum(least)
        if spare <= 0:  # too many columns: shrink every one alike (words then wrap anywhere)
            return [width * self.area.width() / sum(least) for width in least]
        total = sum(c.weight for c in columns)
        return [width + spare * c.weight / total for width, c in zip(least, columns, strict=True)]

    # -- painting -------------------------------------------------------------------------------------------
    def paint(self, footer: Footer) -> int:
        """Paint every page and its footer (painter, the footer's box, page number, page count); the count."""
        painter = QPainter(self.writer)
        if not painter.isActive():
            from antrian.printing.escpos import PrinterError

            raise PrinterError("printer.cannot_draw")
        try:
            box = QRectF(self.area.left(), self.bottom + 3 * self.mm, self.area.width(), 0)
            box.setBottom(self.area.bottom())
            for number, ops in enumerate(self.pages, start=1):
                if number > 1:
                    self.writer.newPage()
                for op in ops:
                    op(painter)
                footer(painter, box, number, len(self.pages))
        finally:
            painter.end()
        return len(self.pages)


def _draw_text(p: QPainter, face: QFont, box: QRectF, text: str, flags: int) -> None:
    p.setFont(face)
    p.setPen(QColor("black"))
    p.drawText(box, int(flags), text)
