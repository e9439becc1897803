"""The admin window's counters: each counter's number, name and the services it serves in order (its main
service first), saved through ``services.setup.add_counter`` / ``edit_counter``.

The services are one list: the ticked ones, top to bottom, are what the counter serves in that order; "Move
up" and "Move down" change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidgetItem,
    QWidget,
)

from antrian.domain.roles import Actor
from antrian.gui.admin.base import AdminPage, cell, rows_only
from antrian.gui.forms.counters_page_ui import Ui_CountersPage
from antrian.gui.tasks import TaskRunner
from antrian.gui.theme.metrics import SIZE
from antrian.services.results import CounterInfo
from antrian.services.setup import ServiceInfo
from antrian.store.database import Database

NEW = 0  # the selection of a counter not saved yet


@dataclass(frozen=True, slots=True)
class CountersView:
    counters: list[CounterInfo]
    services: list[ServiceInfo]


class CountersPage(AdminPage):
    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, runner, actor, parent)
        self.view: CountersView | None = None
        self.selected = NEW
        self.content = QWidget(self)
        self.form = Ui_CountersPage()  # the list and the counter's fields: ui/admin/counters_page.ui
        self.form.setupUi(self.content)
        self.body.addWidget(self.content, 1)
        form = self.form
        self.table, self.add, self.form_box = rows_only(form.table), form.add, form.form_box
        self.number, self.name, self.services = form.number, form.name, form.services
        self.up, self.down, self.hint = form.up, form.down, form.hint
        self.number.setMaximumWidth(SIZE.counter_number)
        self.services.setMinimumHeight(SIZE.counter_services)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add.setVisible(self.editable)
        self.add.clicked.connect(self.new_counter)
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.save = self.button(primary=True)
        self.save.clicked.connect(self.submit)
        for widget in (self.number, self.name, self.services, self.up, self.down):
            widget.setEnabled(self.editable)
        self.up.setVisible(self.editable)
        self.down.setVisible(self.editable)
        self.number.setEnabled(False)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Counters")

    def retranslate(self) -> None:
        super().retranslate()
        self.form.retranslateUi(self.content)
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Name"), self.tr("Serves")])
        self.save.setText(self.tr("Save the counter"))

    # -- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        database, actor = self.database, self.actor

        def work() -> CountersView:
            from antrian.services.branding import office_profile
            from antrian.services.counters import list_counters
            from antrian.services.setup import list_services

            with database.read() as session:
                office_profile(session, actor)  # refuses whoever may not see the set-up
                return CountersView(list_counters(session), list_services(session))

        self.read(work, self._show)

    def _show(self, view: CountersView) -> None:
        self.view = view
        self.table.blockSignals(True)
        self.table.setRowCount(len(view.counters))
        names = {s.code: s.name for s in view.services}
        for row, counter in enumerate(view.counters):
            served = cell(", ".join(counter.services))
            served.setToolTip("\n".join(f"{code}  {names.get(code, '')}" for code in counter.services))
            for column, item in enumerate((cell(str(counter.number)), cell(counter.name), served)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        numbers = [c.number for c in view.counters]
        if self.selected in numbers:
            self.table.selectRow(numbers.index(self.selected))
            self._fill(view.counters[numbers.index(self.selected)])
        elif numbers and self.selected == NEW and not self.name.text():
            self.table.selectRow(0)

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.view is None:
            return
        counter = self.view.counters[rows[0].row()]
        self.selected = counter.number
        self._fill(counter)

    def _fill(self, counter: CounterInfo) -> None:
        self.number.setValue(counter.number)
        self.number.setEnabled(False)
        self.name.setText(counter.name)
        self._list_services(list(counter.services))

    def _list_services(self, served: list[str]) -> None:
        """Every service, the served ones first in the counter's order, ticked."""
        assert self.view is not None
        by_code = {s.code: s for s in self.view.services}
        order = served + [s.code for s in self.view.services if s.code not in served]
        self.services.clear()
        for code in order:
            info = by_code.get(code)
            item = QListWidgetItem(f"{code}  {info.name if info else ''}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if self.editable else flags)
            item.setCheckState(Qt.CheckState.Checked if code in served else Qt.CheckState.Unchecked)
            self.services.addItem(item)

    def served(self) -> list[str]:
        """The ticked services' codes, in the list's order."""
        return [
            self.services.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.services.count())
            if self.services.item(row).checkState() == Qt.CheckState.Checked
        ]

    # -- changing -------------------------------------------------------------------------------------
    def new_counter(self) -> None:
        self.selected = NEW
        self.table.clearSelection()
        taken = [c.number for c in self.view.counters] if self.view else []
        self.number.setValue(max(taken, default=0) + 1)
        self.number.setEnabled(self.editable)
        self.name.clear()
        if self.view is not None:
            self._list_services([])
        self.number.setFocus()

    def move_selected(self, step: int) -> None:
        """Move the selected service ``step`` places in the counter's order."""
        row = self.services.currentRow()
        if row < 0 or not 0 <= row + step < self.services.count():
            return
        item = self.services.takeItem(row)
        self.services.insertItem(row + step, item)
        self.services.setCurrentRow(row + step)

    def submit(self) -> None:
        from antrian.services.setup import add_counter, edit_counter

        if not self.editable:
            return
        database, actor = self.database, self.actor
        number, name, served = self.number.value(), self.name.text(), self.served()
        adding = self.selected == NEW

        def work() -> int:
            with database.write() as session:
                if adding:
                    return add_counter(session, number, name, served, actor=actor).number
                return edit_counter(session, number, name=name, services=served, actor=actor).number

        self.write(work, self._saved)

    def _saved(self, number: int) -> None:
        self.selected = number
