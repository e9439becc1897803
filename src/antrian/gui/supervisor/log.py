"""The supervisor window's "Service-time log" tab: every ticket of a period with its times, filtered, sorted
by any column (a header click), loaded a page at a time as the table scrolls, and the events of the selected
ticket beside it, read when it is selected.

Every read runs on the window's task runner. "Show" (or a header click) reads the filter's ordered ids once
(the count is their number) with its first page; the table then has a row for each and reads the rows of
the pages it shows; tickets issued later appear at the next "Show". A result
or a ticket's events that arrives after the filter (or the selection) changed is dropped: the tab never shows
rows of another filter than its controls say.

Signals:
    counted(int): the count of the filter on screen arrived.
    eventsShown(int): the events of this ticket id are on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.roles import Actor
from antrian.domain.status import Status
from antrian.domain.timing import office_zone
from antrian.gui.errors import error_text
from antrian.gui.forms.log_bar_ui import Ui_LogTab
from antrian.gui.i18n import Retranslated
from antrian.gui.supervisor.log_model import COLUMNS, ID_ROLE, PAGE_SIZE, LogModel, Opened
from antrian.gui.tasks import Background
from antrian.gui.widgets import day_of
from antrian.services.monitor import MonitorSnapshot
from antrian.services.ticket_log import LogColumn, LogFilter, LogRow, LogSort, TicketEvent
from antrian.store.database import Database

log = logging.getLogger(__name__)

ANY, YES, NO = 0, 1, 2


def _choice(index: int) -> bool | None:
    return None if index == ANY else index == YES


class LogReader:
    """What the model runs on the worker: plain data in and out, no Qt object (``log_model.LogReader``)."""

    def __init__(self, database: Database, actor: Actor) -> None:
        self._database, self._actor = database, actor

    def open(self, where: LogFilter, order: LogSort, size: int) -> Opened:
        from antrian.services.reports import standards_in_force
        from antrian.services.ticket_log import log_rows, log_snapshot

        with self._database.read() as session:
            standard_for = standards_in_force(session)
            snapshot = log_snapshot(session, where, order, actor=self._actor, standard_for=standard_for)
            first = log_rows(session, snapshot.page(0, size), actor=self._actor, standard_for=standard_for)
        return snapshot, first

    def rows(self, ids: Sequence[int]) -> tuple[LogRow, ...]:
        from antrian.services.reports import standards_in_force
        from antrian.services.ticket_log import log_rows

        with self._database.read() as session:
            return log_rows(session, ids, actor=self._actor, standard_for=standards_in_force(session))


class LogTab(Retranslated, QWidget):
    counted = Signal(int)
    eventsShown = Signal(int)

    def __init__(
        self,
        database: Database,
        run_in_background: Background,
        actor: Callable[[], Actor | None],
        snapshot: Callable[[], MonitorSnapshot | None],
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__()
        self._database, self._background, self._actor, self._snapshot = (
            database,
            run_in_background,
            actor,
            snapshot,
        )
        self._ready = False
        self.count: int | None = None
        self.events: list[TicketEvent] = []
        self._events_of: int | None = None
        self.model = LogModel(run_in_background, self, page_size=page_size)
        self._build()
        self.retranslate()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 10)
        column.setSpacing(6)
        self.filters = QWidget(self)
        self.form = Ui_LogTab()  # the filters, Show and the count: ui/supervisor/log_bar.ui
        self.form.setupUi(self.filters)
        form = self.form
        self.first, self.last, self.service, self.counter = form.first, form.last, form.service, form.counter
        self.operator, self.status, self.priority, self.over = (
            form.operator,
            form.status,
            form.priority,
            form.over,
        )
        self.show_button, self.count_label = form.show_button, form.count_label
        self.labels = [
            form.from_label,
            form.to_label,
            form.service_label,
            form.counter_label,
            form.operator_label,
            form.status_label,
            form.priority_label,
            form.over_label,
        ]
        for edit in (self.first, self.last):
            edit.setDate(QDate.currentDate())
        for status in Status:
            self.status.addItem("", status)
        column.addWidget(self.filters)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("said", "error")
        self.message.hide()
        column.addWidget(self.message)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(86)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(0)  # fit columns to the rows on screen, not a thousand of a year
        header.setSortIndicator(COLUMNS.index(LogColumn.ISSUED), Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # a click calls model.sort, which reloads from the first page
        self.view.selectionModel().selectionChanged.connect(self._selected)

        side = QWidget()
        panel = QVBoxLayout(side)
        panel.setContentsMargins(0, 0, 0, 0)
        self.events_title = QLabel()
        self.events_title.setObjectName("section")
        self.events_list = QListWidget()
        self.events_list.setWordWrap(True)
        panel.addWidget(self.events_title)
        panel.addWidget(self.events_list, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        column.addWidget(split, 1)

        self.show_button.clicked.connect(self.show_log)
        self.model.failed.connect(self._failed)
        self.model.counted.connect(self._counted)
        self.model.counted.connect(self._fit_columns)
        self.model.modelReset.connect(self._clear_events)

    def retranslate(self) -> None:
        self.form.retranslateUi(self.filters)
        for i in range(1, self.status.count()):
            self.status.setItemText(i, words.show(self.status.itemData(i)))
        self.events_title.setText(self.tr("Events of the ticket"))
        self.model.retranslate()
        self._show_count()
        self._show_events()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        snapshot = self._snapshot()
        if self._ready or snapshot is None:
            return
        self._ready = True  # the office's day, zone, services and counters, once: no read of its own
        self.model.zone = office_zone(snapshot.zone)
        day = QDate(snapshot.day.year, snapshot.day.month, snapshot.day.day)
        self.first.setDate(day)
        self.last.setDate(day)
        for service in snapshot.services:
            self.service.addItem(f"{service.code} · {service.name}", service.code)
        for counter in snapshot.counters:
            self.counter.addItem(counter.name, counter.number)

    # -- the rows -------------------------------------------------------------------------------------
    def asked(self) -> LogFilter:
        """The filter the controls say now."""
        return LogFilter(
            day_of(self.first),
            day_of(self.last),
            service=self.service.currentData(),
            counter=self.counter.currentData(),
            operator=self.operator.text().strip() or None,
            status=self.status.currentData(),
            priority=_choice(self.priority.currentIndex()),
            over_standard=_choice(self.over.currentIndex()),
        )

    def show_log(self) -> None:
        """Load the log of the filter the controls say, counted, from its first page; off the GUI thread."""
        actor = self._actor()
        if actor is None:
            return
        self.message.hide()
        self.count = None
        self._show_count()
        self.model.reader = LogReader(self._database, actor)
        self.model.load(self.asked())

    def _fit_columns(self, _count: int) -> None:
        """Fit the columns to the first page of each load, once (the rows on screen, never the whole log)."""
        self.view.resizeColumnsToContents()

    def _counted(self, result: int) -> None:
        """The model's current load was counted (a new order of the same filter keeps the count shown until
        its own arrives)."""
        self.count = result
        self._show_count()
        self.counted.emit(result)

    def _show_count(self) -> None:
        if self.count is None:
            self.count_label.setText("")
        else:
            self.count_label.setText(self.tr("{n} tickets").format(n=self.count))

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        self.message.show()

    # -- the events of the selected ticket ------------------------------------------------------------
    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        actor = self._actor()
        if not indexes or actor is None:
            return
        ticket_id: int | None = self.model.data(indexes[0], ID_ROLE)
        if ticket_id is None:  # its page is not in yet
            return
        self._events_of = ticket_id
        self.events = []
        self._show_events()
        database = self._database

        def work() -> list[TicketEvent]:
            from antrian.services.ticket_log import ticket_events

            with database.read() as session:
                return ticket_events(session, ticket_id, actor=actor)

        self._background(work, lambda result: self._events_arrived(ticket_id, result))

    def _events_arrived(self, ticket_id: int, result: list[TicketEvent] | Exception) -> None:
        if ticket_id != self._events_of:
            return  # another ticket was selected meanwhile
        if isinstance(result, Exception):
            self._failed(result)
            return
        self.events = result
        self._show_events()
        self.eventsShown.emit(ticket_id)

    def _clear_events(self) -> None:
        self._events_of = None
        self.events = []
        self._show_events()

    def _show_events(self) -> None:
        self.events_list.clear()
        for event in self.events:
            self.events_list.addItem(self.event_text(event))

    def event_text(self, event: TicketEvent) -> str:
        """One line of the events panel: local time, what happened, where and by whom."""
        kinds: dict[str, str] = {
            "ticket_issued": self.tr("Issued"),
            "ticket_called": self.tr("Called"),
            "ticket_recalled": self.tr("Called again"),
            "ticket_resumed": self.tr("Resumed"),
            "ticket_started": self.tr("Service started"),
            "ticket_finished": self.tr("Finished"),
            "ticket_held": self.tr("Held"),
            "ticket_no_show": self.tr("No-show"),
            "ticket_transferred": self.tr("Transferred"),
            "ticket_cancelled": self.tr("Cancelled"),
            "ticket_expired": self.tr("Expired"),
        }
        parts: list[Any] = [f"{event.at.astimezone(self.model.zone):%d-%m %H:%M:%S}"]
        parts.append(kinds.get(event.kind, event.kind))
        if event.counter is not None:
            parts.append(self.tr("Counter {n}").format(n=event.counter))
        if event.user is not None:
            parts.append(event.user)
        target = event.data.get("to_service")
        if target:
            parts.append(f"→ {target}")
        return " · ".join(str(part) for part in parts)
