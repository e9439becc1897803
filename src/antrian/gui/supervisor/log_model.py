"""The table model of the service-time log: a filter's ordered ids read once, its rows read a page at a time
as the view shows them, all off the GUI thread.

``load`` asks the reader (``LogReader``, on the window's task runner; it builds no Qt object) for the
filter's ``LogSnapshot`` and its first page in one job. The model then has as many rows as the snapshot has
ids, so the scroll bar spans the whole period and the end of a year is one drag away. A row the view asks
for whose page is not in yet shows empty while that page (the rows of a slice of the ids, read by primary
key) is read; the last page of a year arrives as fast as the first. At most ``cached_pages`` pages are kept
(the least recently shown go first), so scrolling through a year holds a few thousand rows, not a year of
them. Every reset (a new filter, a header click) starts a new generation; a result of an older generation is
dropped on arrival, so the table never mixes two filters or two orders. Tickets issued after the snapshot
appear on the next load.

Signals:
    counted(int): the snapshot of the current load arrived (with its first page); its number of rows.
    pageLoaded(int): a page's rows arrived and are shown; the page's number (0: the first).
    pageDropped(int): a result of an older generation arrived and was dropped; its generation.
    failed(object): reading the snapshot or a page raised this exception.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from antrian import words
from antrian.domain.priority import PriorityGroup
from antrian.gui import theme
from antrian.gui.supervisor.report_models import duration
from antrian.gui.tasks import Background
from antrian.services.ticket_log import LogColumn, LogFilter, LogRow, LogSnapshot, LogSort

Opened = tuple[LogSnapshot, tuple[LogRow, ...]]


class LogReader(Protocol):
    """What the model runs on the worker: plain data in and out."""

    def open(self, where: LogFilter, order: LogSort, size: int) -> Opened:
        """The snapshot of ``where`` in ``order`` and the rows of its first ``size`` ids."""
        ...

    def rows(self, ids: Sequence[int]) -> tuple[LogRow, ...]:
        """The rows of these ids, in their order."""
        ...


Index = QModelIndex | QPersistentModelIndex

# The mark of a service time over its standard stands beside it, where a narrow screen still shows it.
COLUMNS = (
    LogColumn.LABEL,
    LogColumn.SERVICE,
    LogColumn.DAY,
    LogColumn.ISSUED,
    LogColumn.CALLED,
    LogColumn.STARTED,
    LogColumn.FINISHED,
    LogColumn.WAITING,
    LogColumn.WALK,
    LogColumn.SERVICE_TIME,
    LogColumn.OVER_STANDARD,
    LogColumn.STAY,
    LogColumn.COUNTER,
    LogColumn.OPERATOR,
    LogColumn.PRIORITY,
    LogColumn.STATUS,
)
_DURATIONS = {LogColumn.WAITING, LogColumn.WALK, LogColumn.SERVICE_TIME, LogColumn.STAY}
_RIGHT = {*_DURATIONS, LogColumn.COUNTER}
_TIMES = {LogColumn.ISSUED, LogColumn.CALLED, LogColumn.STARTED, LogColumn.FINISHED}
OVER_BACKGROUND = theme.colour("over_soft")
OVER_MARK = "⚠"
PAGE_SIZE = 200
CACHED_PAGES = 50  # 10,000 rows: many screens of them, a few MB
ID_ROLE = Qt.ItemDataRole.UserRole


def seconds(span: timedelta | None) -> float | None:
    return None if span is None else span.total_seconds()


class LogModel(QAbstractTableModel):
    counted = Signal(int)
    pageLoaded = Signal(int)
    pageDropped = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        run_in_background: Background,
        parent: QObject,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int = CACHED_PAGES,
    ) -> None:
        super().__init__(parent)
        self._background, self.page_size, self.cached_pages = run_in_background, page_size, cached_pages
        self.reader: LogReader | None = None  # set before the first ``load``
        self.zone = ZoneInfo("UTC")
        self.where: LogFilter | None = None
        self.order = LogSort()
        self.generation = 0
        self.snapshot: LogSnapshot | None = None
        # the pages in memory, least recently shown first; a row is None where its ticket is gone
        self.pages: OrderedDict[int, tuple[LogRow | None, ...]] = OrderedDict()
        self._asked: set[int] = set()  # pages on their way
        self._opening = False
        self._broken = False  # a page failed: ask no more of this load
        self._titles: dict[LogColumn, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self._titles = {
            LogColumn.LABEL: self.tr("Ticket"),
            LogColumn.SERVICE: self.tr("Service"),
            LogColumn.DAY: self.tr("Day"),
            LogColumn.ISSUED: self.tr("Issued"),
            LogColumn.CALLED: self.tr("Called"),
            LogColumn.STARTED: self.tr("Started"),
            LogColumn.FINISHED: self.tr("Finished"),
            LogColumn.WAITING: self.tr("Waiting"),
            LogColumn.WALK: self.tr("Walk"),
            LogColumn.SERVICE_TIME: self.tr("Service time"),
            LogColumn.STAY: self.tr("Stay"),
            LogColumn.COUNTER: self.tr("Counter"),
            LogColumn.OPERATOR: self.tr("Operator"),
            LogColumn.PRIORITY: self.tr("Priority"),
            LogColumn.STATUS: self.tr("Status"),
            LogColumn.OVER_STANDARD: self.tr("Standard"),
        }
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1))

    # -- loading --------------------------------------------------------------------------------------
    def load(self, where: LogFilter | None, order: LogSort | None = None) -> None:
        """Show the log of ``where`` in ``order`` (the current one when None) from its first page."""
        self.generation += 1
        self.beginResetModel()
        self.where = where
        self.order = order or self.order
        self.snapshot = None
        self.pages.clear()
        self._asked.clear()
        self._opening = self._broken = False
        self.endResetModel()
        reader = self.reader
        if where is None or reader is None:
            return
        self._opening = True
        generation, order_now, size = self.generation, self.order, self.page_size
        self._background(
            lambda: reader.open(where, order_now, size), lambda result: self._opened(generation, result)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the same filter from its first page in the new order."""
        wanted = LogSort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.load(self.where, wanted)

    @property
    def loading(self) -> bool:
        """The snapshot or a page is on its way."""
        return self._opening or bool(self._asked)

    def row(self, number: int) -> LogRow | None:
        """Row ``number`` if its page is in (it is then the most recently shown); otherwise None, and its
        page is asked for."""
        page = number // self.page_size
        rows = self.pages.get(page)
        if rows is None:
            self._ask(page)
            return None
        self.pages.move_to_end(page)
        return rows[number % self.page_size]

    def _ask(self, page: int) -> None:
        snapshot, reader = self.snapshot, self.reader
        if snapshot is None or reader is None or self._broken or page in self._asked:
            return
        self._asked.add(page)
        generation, ids = self.generation, snapshot.page(page * self.page_size, self.page_size)
        self._background(
            lambda: reader.rows(ids), lambda result: self._arrived(generation, page, ids, result)
        )

    def _opened(self, generation: int, result: Opened | Exception) -> None:
        if generation != self.generation:
            self.pageDropped.emit(generation)
            return
        self._opening = False
        if isinstance(result, Exception):
            self.failed.emit(result)
            return
        snapshot, first = result
        self.beginResetModel()
        self.snapshot = snapshot
        self._keep(0, snapshot.page(0, self.page_size), first)
        self.endResetModel()
        self.counted.emit(len(snapshot))
        self.pageLoaded.emit(0)

    def _arrived(
        self, generation: int, page: int, ids: Sequence[int], result: tuple[LogRow, ...] | Exception
    ) -> None:
        if generation != self.generation:
            self.pageDropped.emit(generation)
            return
        self._asked.discard(page)
        if isinstance(result, Exception):
            self._broken = True
            self.failed.emit(result)
            return
        self._keep(page, ids, result)
        first = page * self.page_size
        self.dataChanged.emit(self.index(first, 0), self.index(first + len(ids) - 1, len(COLUMNS) - 1))
        self.pageLoaded.emit(page)

    def _keep(self, page: int, ids: Sequence[int], rows: tuple[LogRow, ...]) -> None:
        by_id = {row.visit.id: row for row in rows}
        self.pages[page] = tuple(by_id.get(ticket_id) for ticket_id in ids)
        while len(self.pages) > self.cached_pages:
            self.pages.popitem(last=False)

    # -- the table ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or self.snapshot is None else len(self.snapshot)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = self.row(index.row()), COLUMNS[index.column()]
        if row is None:  # its page is on its way (or its ticket is gone)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == ID_ROLE:
            return row.visit.id
        if role == Qt.ItemDataRole.BackgroundRole and row.over_standard:
            return OVER_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and row.over_standard:
            return self.tr("Service time over the standard in force on its day")
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            column in _DURATIONS or column is LogColumn.COUNTER
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, row: LogRow, column: LogColumn) -> str:
        """What the cell of ``row`` in ``column`` shows."""
        visit = row.visit
        if column in _DURATIONS:
            return duration(seconds(getattr(row, column.value)))
        if column in _TIMES:
            return self._time(getattr(visit, "first_called" if column is LogColumn.CALLED else column.value))
        if column is LogColumn.OVER_STANDARD:
            return OVER_MARK + " " + self.tr("Over") if row.over_standard else ""
        if column is LogColumn.STATUS:
            return words.show(visit.status)
        if column is LogColumn.PRIORITY:
            return "" if visit.priority is None else _priority(visit.priority)
        value: Any = {
            LogColumn.LABEL: visit.label,
            LogColumn.SERVICE: visit.service,
            LogColumn.DAY: _day(visit.day),
            LogColumn.COUNTER: visit.counter,
            LogColumn.OPERATOR: visit.operator,
        }[column]
        return "" if value is None else str(value)

    def _time(self, instant: datetime | None) -> str:
        return "" if instant is None else f"{instant.astimezone(self.zone):%H:%M:%S}"


def _day(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _priority(group: str) -> str:
    try:
        return words.show(PriorityGroup(group))
    except ValueError:  # a group this version does not know: its stored name
        return group
