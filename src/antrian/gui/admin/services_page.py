"""The admin window's services: the list in kiosk order (moved up and down, active or not), a form with
every field of a service, a live preview of its ticket number and its spoken call, and its standards'
history with "add a dated standard".

Saving goes through ``services.setup`` (``add_service`` for a new code, ``edit_service``,
``reorder_services``) and ``services.standards.set_standard``, which validate and check the role: a
supervisor sees the services read-only but may keep the standards (their permission); an admin does both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.announce import NumberReading, announcement
from antrian.domain.errors import AntrianError
from antrian.domain.labels import format_label, validate_code
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import TimeUnit, standard_words
from antrian.gui import theme
from antrian.gui.admin.base import AdminPage, cell, may, table
from antrian.gui.tasks import TaskRunner
from antrian.gui.widgets import day_edit, day_of
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


def _unit_combo() -> QComboBox:
    combo = QComboBox()
    for unit in TimeUnit:
        combo.addItem("", unit.value)
    return combo


def _say_units(combo: QComboBox) -> None:
    for index in range(combo.count()):
        combo.setItemText(index, words.show(TimeUnit(combo.itemData(index))))


def _time(edit: QTimeEdit, box: QCheckBox) -> time | None:
    value = edit.time()
    return time(value.hour(), value.minute()) if box.isChecked() else None


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
        self.tabs.addTab(self._build_form(), "")
        self.tabs.addTab(self._build_history(), "")
        row.addWidget(self.tabs, 6)
        self.body.addLayout(row, 1)
        self.save = self.button(primary=True)
        self.save.clicked.connect(self.submit)
        self.retranslate()

    def _build_form(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setMaxLength(3)
        self.code.setMaximumWidth(80)
        self.name.setMaxLength(200)
        self.standard_time = QSpinBox()
        self.standard_time.setRange(1, 100_000)
        self.standard_unit = _unit_combo()
        standard = QHBoxLayout()
        standard.addWidget(self.standard_time)
        standard.addWidget(self.standard_unit, 1)
        self.waiting_target = QSpinBox()
        self.waiting_target.setRange(0, 1440)
        self.quota = QSpinBox()
        self.quota.setRange(0, 100_000)
        self.opens_set, self.closes_set = QCheckBox(), QCheckBox()
        self.opens_at, self.closes_at = QTimeEdit(QTime(8, 0)), QTimeEdit(QTime(15, 0))
        hours = QHBoxLayout()
        for box, edit in ((self.opens_set, self.opens_at), (self.closes_set, self.closes_at)):
            edit.setDisplayFormat("HH:mm")
            box.toggled.connect(edit.setEnabled)
            edit.setEnabled(False)
            hours.addWidget(box)
            hours.addWidget(edit)
        hours.addStretch(1)
        self.days = [QCheckBox() for _ in range(7)]
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        days.addStretch(1)
        self.active = QCheckBox()
        self.order = QSpinBox()
        self.order.setRange(0, 9999)
        self.labels = {
            key: QLabel() for key in ("code", "name", "standard", "target", "quota", "hours", "days", "order")
        }
        form.addRow(self.labels["code"], self.code)
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["standard"], standard)
        form.addRow(self.labels["target"], self.waiting_target)
        form.addRow(self.labels["quota"], self.quota)
        form.addRow(self.labels["hours"], hours)
        form.addRow(self.labels["days"], days)
        form.addRow(self.labels["order"], self.order)
        form.addRow("", self.active)
        column.addLayout(form)
        self.preview_box = QGroupBox()
        preview = QHBoxLayout(self.preview_box)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("previewNumber")
        self.preview_call = QLabel()
        self.preview_call.setObjectName("previewCall")
        self.preview_call.setWordWrap(True)
        preview.addWidget(self.preview_label)
        preview.addWidget(self.preview_call, 1)
        column.addWidget(self.preview_box)
        column.addStretch(1)
        for field in (self.code, self.name):
            field.textChanged.connect(self._show_preview)
        for spin in (self.standard_time, self.waiting_target, self.quota, self.order):
            spin.setMaximumWidth(240)
        self.standard_unit.setMaximumWidth(200)
        self._fields: list[QWidget] = [
            self.name,
            self.standard_time,
            self.standard_unit,
            self.waiting_target,
            self.quota,
            self.opens_set,
            self.closes_set,
            self.order,
            self.active,
            *self.days,
        ]
        for widget in (*self._fields, self.code):
            widget.setEnabled(self.editable)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.history = table(5)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.history, 1)
        self.dated_box = QGroupBox()
        form = QFormLayout(self.dated_box)
        self.effective = day_edit()
        self.dated_value = QSpinBox()
        self.dated_value.setRange(1, 100_000)
        self.dated_unit = _unit_combo()
        value = QHBoxLayout()
        value.addWidget(self.dated_value)
        value.addWidget(self.dated_unit, 1)
        self.dated_target = QSpinBox()
        self.dated_target.setRange(0, 1440)
        self.decree = QLineEdit()
        self.decree.setMaxLength(200)
        self.add_dated = QPushButton()
        self.add_dated.clicked.connect(self.add_standard)
        self.dated_labels = [QLabel() for _ in range(4)]
        form.addRow(self.dated_labels[0], self.effective)
        form.addRow(self.dated_labels[1], value)
        form.addRow(self.dated_labels[2], self.dated_target)
        form.addRow(self.dated_labels[3], self.decree)
        form.addRow("", self.add_dated)
        self.dated_box.setVisible(self.may_set_standards)
        column.addWidget(self.dated_box)
        return page

    def title(self) -> str:
        return self.tr("Services")

    def retranslate(self) -> None:
        super().retranslate()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Standard"), self.tr("On the kiosk")]
        )
        self.history.setHorizontalHeaderLabels(
            [self.tr("In force from"), self.tr("Standard"), self.tr("Waiting target"), self.tr("Decree"),
             self.tr("Set by")]
        )  # fmt: skip
        self.add.setText(self.tr("New service"))
        self.up.setText(self.tr("Move up"))
        self.down.setText(self.tr("Move down"))
        self.tabs.setTabText(0, self.tr("Service"))
        self.tabs.setTabText(1, self.tr("Standards history"))
        for key, text in (
            ("code", self.tr("Code")),
            ("name", self.tr("Name")),
            ("standard", self.tr("Service standard")),
            ("target", self.tr("Waiting target")),
            ("quota", self.tr("Daily quota")),
            ("hours", self.tr("Opening hours")),
            ("days", self.tr("Open days")),
            ("order", self.tr("Kiosk order")),
        ):
            self.labels[key].setText(text)
        self.code.setPlaceholderText(self.tr("A-ZZZ"))
        self.waiting_target.setSpecialValueText(self.tr("no target"))
        self.waiting_target.setSuffix(self.tr(" min"))
        self.dated_target.setSpecialValueText(self.tr("no target"))
        self.dated_target.setSuffix(self.tr(" min"))
        self.quota.setSpecialValueText(self.tr("no quota"))
        self.quota.setSuffix(self.tr(" tickets a day"))
        self.opens_set.setText(self.tr("opens at"))
        self.closes_set.setText(self.tr("closes at"))
        names = words.catalogue(words.language())["calendar.days"]
        for box, name in zip(self.days, names, strict=True):
            box.setText(name[:3])
        self.active.setText(self.tr("Active (offered on the kiosk)"))
        self.preview_box.setTitle(self.tr("Preview: the ticket and the call"))
        self.dated_box.setTitle(self.tr("Add a dated standard (from a decree)"))
        for label, text in zip(
            self.dated_labels,
            (self.tr("In force from"), self.tr("Standard"), self.tr("Waiting target"), self.tr("Decree")),
            strict=True,
        ):
            label.setText(text)
        self.decree.setPlaceholderText(self.tr("e.g. SK Kepala Dinas No. 12/2026"))
        self.add_dated.setText(self.tr("Add the standard"))
        self.save.setText(self.tr("Save the service"))
        for combo in (self.standard_unit, self.dated_unit):
            _say_units(combo)
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
        elif codes and self.selected == NEW and not self.code.text():
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
        self.code.setText(info.code)
        self.code.setEnabled(False)
        self.name.setText(info.name)
        self.standard_time.setValue(info.standard_time)
        self.standard_unit.setCurrentIndex(self.standard_unit.findData(info.standard_unit))
        self.waiting_target.setValue(info.waiting_target_minutes or 0)
        self.quota.setValue(info.daily_quota or 0)
        for box, edit, value in (
            (self.opens_set, self.opens_at, info.opens_at),
            (self.closes_set, self.closes_at, info.closes_at),
        ):
            box.setChecked(value is not None)
            if value is not None:
                edit.setTime(QTime(value.hour, value.minute))
        for number, box in enumerate(self.days, start=1):
            box.setChecked(str(number) in info.open_days)
        self.active.setChecked(info.active)
        self.order.setValue(info.display_order)
        self._fill_history(info.code)
        self._show_preview()

    def _fill_history(self, code: str) -> None:
        entries = [e for e in self.view.standards if e.code == code] if self.view else []
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):  # the newest first
            standard = entry.standard
            target = standard.waiting_target_minutes
            for column, text in enumerate(
                (
                    words.show(standard.effective_from),
                    words.say(standard_words(standard.value, standard.unit)),
                    self.tr("{n} min").format(n=target) if target is not None else "—",
                    standard.decree or "—",
                    entry.set_by or self.tr("system"),
                )
            ):
                self.history.setItem(row, column, cell(text))
        current = entries[-1].standard if entries else None
        if current is not None:
            self.dated_value.setValue(current.value)
            self.dated_unit.setCurrentIndex(self.dated_unit.findData(current.unit))
            self.dated_target.setValue(current.waiting_target_minutes or 0)
        self.add_dated.setEnabled(self.may_set_standards and bool(entries))

    def _show_preview(self) -> None:
        try:
            code = validate_code(self.code.text() or "A")
        except AntrianError:
            self.preview_label.setText("—")
            self.preview_call.setText(self.tr("A code is 1 to 3 letters, A to Z."))
            return
        width = self.view.label_width if self.view else 3
        label = format_label(code, 1, width)
        voice = self.view.voice if self.view else VoiceSettings()
        counter = self.view.counters.get(code, 1) if self.view else 1
        name = self.name.text().strip() or None
        try:
            sentence = announcement(
                label,
                counter,
                reading=NumberReading(voice.reading),
                service_name=name if voice.with_service or voice.template else None,
                template=voice.template,
            )
        except AntrianError as error:
            sentence = words.say(error)
        self.preview_label.setText(label)
        self.preview_call.setText(f"“{sentence}”")

    # -- changing -------------------------------------------------------------------------------------
    def new_service(self) -> None:
        """An empty form for a new code (saved with "Save the service")."""
        self.selected = NEW
        self.table.clearSelection()
        self.code.clear()
        self.code.setEnabled(self.editable)
        self.name.clear()
        self.standard_time.setValue(15)
        self.standard_unit.setCurrentIndex(0)
        self.waiting_target.setValue(0)
        self.quota.setValue(0)
        self.opens_set.setChecked(False)
        self.closes_set.setChecked(False)
        for number, box in enumerate(self.days, start=1):
            box.setChecked(number <= 5)
        self.active.setChecked(True)
        self.order.setValue(len(self.view.services) + 1 if self.view else 1)
        self.history.setRowCount(0)
        self.add_dated.setEnabled(False)
        self.code.setFocus()
        self._show_preview()

    def fields(self) -> dict[str, Any]:
        """The form as ``save_service``'s keywords (a cleared quota, target or hour is None)."""
        return {
            "standard_time": self.standard_time.value(),
            "standard_unit": self.standard_unit.currentData(),
            "waiting_target_minutes": self.waiting_target.value() or None,
            "daily_quota": self.quota.value() or None,
            "opens_at": _time(self.opens_at, self.opens_set),
            "closes_at": _time(self.closes_at, self.closes_set),
            "open_days": "".join(str(n) for n, box in enumerate(self.days, start=1) if box.isChecked()),
            "active": self.active.isChecked(),
            "display_order": self.order.value(),
        }

    def submit(self) -> None:
        from antrian.services.setup import add_service, edit_service

        if not self.editable:
            return
        database, actor = self.database, self.actor
        fields, name, adding = self.fields(), self.name.text(), self.selected == NEW
        code = self.code.text()

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
        database, actor, code = self.database, self.actor, self.selected
        value, unit = self.dated_value.value(), self.dated_unit.currentData()
        target = self.dated_target.value() or None
        day = day_of(self.effective)
        decree = self.decree.text()

        def work() -> None:
            with database.write() as session:
                set_standard(session, actor, code, value, unit, target, day, decree)

        self.write(work, lambda _none: self.decree.clear())
