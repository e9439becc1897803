"""The admin window's services: the list in kiosk order (moved up and down, active or not), a form with
every field of a service and a live preview of its ticket number and its spoken call (``service_form``),
and its standards' history with "add a dated standard" (``standards_tab``).

Saving goes through ``services.setup`` (``add_service`` for a new code, ``edit_service``,
``reorder_services``) and ``services.standards.set_standard``, which validate and check the role: a
supervisor sees the services read-only but may keep the standards (their permission); an admin does both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import standard_words
from antrian.gui import theme
from antrian.gui.admin.base import AdminPage, cell, may, table
from antrian.gui.admin.service_form import ServiceForm
from antrian.gui.admin.standards_tab import StandardsTab
from antrian.gui.tasks import TaskRunner
from antrian.services.display import VoiceSettings
from antrian.services.setup import ServiceInfo
from antrian.services.standards import StandardEntry
from antrian.store.database import Database

NEW = ""  # the selection of a service not saved yet


@dataclass(frozen=True, slots=True)
class ServicesView:
    """What the page shows: the services in kiosk order, their standards' history, and what the preview
    needs (the number width, the voice settings, the first counter serving each code)."""

    services: list[ServiceInfo]
    standards: list[StandardEntry]
    label_width: int
    voice: VoiceSettings
    counters: dict[str, int]


class ServicesPage(AdminPage):
    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, runner, actor, parent)
        self.view: ServicesView | None = None
        self.selected = NEW
        self.may_set_standards = may(actor, Permission.STANDARDS)
        row = QHBoxLayout()
        row.setSpacing(14)
        left = QVBoxLayout()
        self.table = table(4)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        left.addWidget(self.table, 1)
        moves = QHBoxLayout()
        self.add, self.up, self.down = QPushButton(), QPushButton(), QPushButton()
        self.add.clicked.connect(self.new_service)
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        for button in (self.add, self.up, self.down):
            button.setVisible(self.editable)
            moves.addWidget(button)
        moves.addStretch(1)
        left.addLayout(moves)
        row.addLayout(left, 5)
        self.tabs = QTabWidget()
        self.form = ServiceForm(self.editable)
        for field in (self.form.code, self.form.name):
            field.textChanged.connect(self._show_preview)
        self.tabs.addTab(self.form, "")
        self.standards = StandardsTab(self.may_set_standards)
        self.standards.addRequested.connect(self.add_standard)
        # the names the tests and the screenshots know the tab's parts by
        self.history, self.dated_box, self.add_dated = (
            self.standards.history,
            self.standards.dated_box,
            self.standards.add_dated,
        )
        self.dated_value, self.decree = self.standards.dated_value, self.standards.decree
        self.tabs.addTab(self.standards, "")
        row.addWidget(self.tabs, 6)
        self.body.addLayout(row, 1)
        self.save = self.button(primary=True)
        self.save.clicked.connect(self.submit)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Services")

    def retranslate(self) -> None:
        super().retranslate()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Standard"), self.tr("On the kiosk")]
        )
        self.add.setText(self.tr("New service"))
        self.up.setText(self.tr("Move up"))
        self.down.setText(self.tr("Move down"))
        self.tabs.setTabText(0, self.tr("Service"))
        self.tabs.setTabText(1, self.tr("Standards history"))
        self.form.retranslate()
        self.save.setText(self.tr("Save the service"))
        self.standards.retranslate()
        if self.view is not None:
            self._show(self.view)
        else:
            self._show_preview()

    # -- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        database, actor = self.database, self.actor

        def work() -> ServicesView:
            from antrian.services.counters import list_counters
            from antrian.services.display import get_voice_settings
            from antrian.services.office import get_office
            from antrian.services.setup import list_services
            from antrian.services.standards import list_standards

            with database.read() as session:
                standards = list_standards(session, actor)  # refuses whoever may not see the set-up
                first: dict[str, int] = {}
                for counter in list_counters(session):
                    for code in counter.services:
                        first.setdefault(code, counter.number)
                return ServicesView(
                    list_services(session),
                    standards,
                    get_office(session).label_width,
                    get_voice_settings(session),
                    first,
                )

        self.read(work, self._show)

    def _show(self, view: ServicesView) -> None:
        self.view = view
        self.table.blockSignals(True)
        self.table.setRowCount(len(view.services))
        for row, info in enumerate(view.services):
            cells = (
                cell(info.code),
                cell(info.name),
                cell(words.say(standard_words(info.standard_time, info.standard_unit))),
                cell(words.show(info.active)),
            )
            for column, item in enumerate(cells):
                if not info.active:
                    item.setForeground(theme.colour("retired"))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        codes = [info.code for info in view.services]
        if self.selected in codes:
            self.table.selectRow(codes.index(self.selected))
            self._fill(view.services[codes.index(self.selected)])
        elif codes and self.selected == NEW and not self.form.code.text():
            self.table.selectRow(0)
        else:
            self._show_preview()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.view is None:
            return
        self.selected = self.view.services[rows[0].row()].code
        self._fill(self.view.services[rows[0].row()])

    def _fill(self, info: ServiceInfo) -> None:
        self.form.fill(info)
        self._fill_history(info.code)
        self._show_preview()

    def _fill_history(self, code: str) -> None:
        self.standards.show_entries([e for e in self.view.standards if e.code == code] if self.view else [])

    def _show_preview(self) -> None:
        view = self.view
        width, voice, counters = (
            (view.label_width, view.voice, view.counters) if view else (3, VoiceSettings(), {})
        )
        self.form.preview.show_service(self.form.code.text(), self.form.name.text(), width, voice, counters)

    # -- changing -------------------------------------------------------------------------------------
    def new_service(self) -> None:
        """An empty form for a new code (saved with "Save the service")."""
        self.selected = NEW
        self.table.clearSelection()
        self.form.clear(len(self.view.services) + 1 if self.view else 1)
        self.standards.show_entries([])
        self._show_preview()

    def submit(self) -> None:
        from antrian.services.setup import add_service, edit_service

        if not self.editable:
            return
        database, actor = self.database, self.actor
        fields, name, adding = self.form.fields(), self.form.name.text(), self.selected == NEW
        code = self.form.code.text()

        def work() -> str:
            with database.write() as session:
                if adding:
                    return add_service(session, code, name, actor=actor, **fields).code
                return edit_service(session, code, actor=actor, name=name, **fields).code

        self.write(work, self._saved)

    def _saved(self, code: str) -> None:
        self.selected = code

    def move_selected(self, step: int) -> None:
        """Move the selected service ``step`` places in the kiosk's order."""
        from antrian.services.setup import reorder_services

        if self.view is None or self.selected == NEW:
            return
        codes = [info.code for info in self.view.services]
        at = codes.index(self.selected)
        if not 0 <= at + step < len(codes):
            return
        codes[at], codes[at + step] = codes[at + step], codes[at]
        database, actor = self.database, self.actor

        def work() -> None:
            with database.write() as session:
                reorder_services(session, codes, actor=actor)

        self.write(work)

    def add_standard(self) -> None:
        from antrian.services.standards import set_standard

        if not self.may_set_standards or self.selected == NEW:
            return
        database, actor, code, dated = self.database, self.actor, self.selected, self.standards.dated()

        def work() -> None:
            with database.write() as session:
                set_standard(
                    session, actor, code, dated.value, dated.unit, dated.target, dated.day, dated.decree
                )

        self.write(work, lambda _none: self.decree.clear())
