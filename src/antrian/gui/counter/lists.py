"""The counter panel's lists, right of the ticket: who waits for the counter's services (the next one
marked), and the tickets this counter held or missed today, which Enter or a double-click calls by number.

Each list is a ``TicketTable`` over a ``tickets.TicketModel``; a list that holds nothing says so across its
rows (``EmptyNote``), so an empty list reads as empty rather than as a list still loading or broken.

Signals:
    callChosen(str): Enter or a double-click on a held or missed ticket: its number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from antrian import words
from antrian.gui.counter.look import size
from antrian.gui.counter.tickets import LAST, Last, TicketModel
from antrian.gui.theme.metrics import PANEL
from antrian.services.desk import DeskView, QueueEntry


class EmptyNote(QLabel):
    """A note across ``table``'s empty rows (the panel shows it while the table has none), as large as the
    table."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table.viewport())
        self.table = table
        self.setObjectName("emptyNote")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setGeometry(table.viewport().rect().adjusted(12, 12, -12, -12))
        table.viewport().installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.table.viewport().rect().adjusted(12, 12, -12, -12))
        return False


class TicketTable(QTableView):
    """A read-only list of tickets, one selected at most; the selection stays on its ticket as rows move."""

    def __init__(self, model: TicketModel) -> None:
        super().__init__()
        self.tickets = model
        model.setParent(self)
        self.setModel(model)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        # Fixed widths, set from the font in scale: sizing a column to its contents measures every row again
        # on every change, which made redrawing a 100-row list take 100+ ms.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LAST, QHeaderView.ResizeMode.Fixed)
        self.empty = EmptyNote(self)

    def chosen(self) -> str | None:
        """The number of the ticket selected now, if any."""
        index = self.currentIndex()
        return str(index.data(Qt.ItemDataRole.UserRole)) if index.isValid() else None

    def show_entries(self, entries: Sequence[QueueEntry], next_id: int | None = None) -> None:
        kept = self.chosen()
        self.tickets.set_entries(entries, next_id)
        if kept is not None and self.chosen() != kept:  # its ticket has left: nothing is chosen
            self.selectionModel().clear()
        self.empty.setVisible(not entries)

    def scale(self, unit: int) -> None:
        self.verticalHeader().setDefaultSectionSize(int(unit * PANEL.row))
        header = self.horizontalHeader()
        header.setFont(self.font())  # column titles as readable as the rows
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        header.resizeSection(0, metrics.horizontalAdvance("▶ WWW000 ★") + 12)
        title = self.tickets.headerData(LAST, Qt.Orientation.Horizontal)
        # the next ticket's row is bold: its time must fit too
        widest = [str(title or ""), *self.tickets.widest_last()]
        header.resizeSection(LAST, max(map(metrics.horizontalAdvance, widest)) + 24)
        size(self.empty, unit, PANEL.detail)


class QueueLists(QWidget):
    """The waiting list above, the counter's held and missed tickets below."""

    callChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.waiting_title = QLabel()
        self.waiting = TicketTable(TicketModel(Last.WAITED))
        self.others_title = QLabel()
        self.others_title.setWordWrap(True)
        self.others = TicketTable(TicketModel(Last.STATUS))
        self.others.activated.connect(lambda _index: self._call_chosen())
        self.others.doubleClicked.connect(lambda _index: self._call_chosen())
        column.addWidget(self.waiting_title)
        column.addWidget(self.waiting, 3)
        column.addWidget(self.others_title)
        column.addWidget(self.others, 1)
        self.waiting_empty, self.others_empty = self.waiting.empty, self.others.empty

    def _call_chosen(self) -> None:
        chosen = self.others.chosen()
        if chosen is not None:
            self.callChosen.emit(chosen)

    def show_view(self, view: DeskView, now: datetime) -> None:
        shown, total = len(view.waiting), view.waiting_total
        if total > shown:
            title = self.tr("Waiting: {total}, the first {shown} shown (▶ called next)").format(
                total=words.number(total), shown=words.number(shown)
            )
        elif not total:
            title = self.tr("Waiting: none")
        else:
            title = self.tr("Waiting: {total} (▶ called next)").format(total=words.number(total))
        self.waiting_title.setText(title)
        self.waiting.tickets.set_now(now)
        self.waiting.show_entries(view.waiting, view.next_id)
        self.others.show_entries((*view.held, *view.missed))

    def show_times(self, now: datetime) -> None:
        """The waiting times run on between reads."""
        self.waiting.tickets.set_now(now)

    def show_hint(self, can_call: bool) -> None:
        """The held / missed list names its keys only while they can call someone from it (``can_call``)."""
        if can_call:
            self.others_title.setText(
                self.tr("On hold / not present at this counter (Enter or double-click: call)")
            )
        else:
            self.others_title.setText(self.tr("On hold / not present at this counter"))

    def retranslate(self) -> None:
        self.waiting.tickets.set_headers((self.tr("Number"), self.tr("Service"), self.tr("Waiting")))
        self.others.tickets.set_headers((self.tr("Number"), self.tr("Service"), self.tr("Status")))
        self.waiting_empty.setText(self.tr("Nobody is waiting"))
        self.others_empty.setText(self.tr("No number on hold or not present at this counter today"))
        self.waiting_title.setText(self.tr("Waiting"))

    def scale(self, unit: int) -> None:
        for table in (self.waiting, self.others):
            table.scale(unit)
