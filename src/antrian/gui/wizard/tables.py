"""The wizard's two tables: the first services (every field of a service) and the counters with the services
each serves in order. Next checks every row and lists the problems row by row; a row with a problem is
marked."""

from __future__ import annotations

import re
from datetime import time
from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.errors import AntrianError, InvalidInput
from antrian.domain.timing import TimeUnit
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.theme.metrics import SIZE
from antrian.gui.wizard.pages import CheckedPage
from antrian.services.first_run import CounterPlan, ServicePlan, check_counters, check_service, check_services

_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")
DAYS = ("12345", "123456", "1234567")  # Monday-Friday, Monday-Saturday, every day
MAX_ROWS = 24  # the kiosk's pages hold this many services; more are added later in the admin window


class _BadTime(Exception):
    """A time of day that is not HH:MM (said by the page: it never reaches a service)."""


def _clock_time(text: str) -> time | None:
    if not text.strip():
        return None
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        raise _BadTime(text)
    return time(int(found[1]), int(found[2]))


def _mark(widget: QWidget, bad: bool) -> None:
    if widget.property("invalid") != bad:
        widget.setProperty("invalid", bad)
        theme.restyle(widget)  # the sheet colours a cell with a problem


class ServiceRow(NamedTuple):
    """The fields of one service, in the table's columns."""

    code: QLineEdit
    name: QLineEdit
    standard: QSpinBox
    unit: QComboBox
    target: QSpinBox
    opens: QLineEdit
    closes: QLineEdit
    quota: QSpinBox
    days: QComboBox


class CounterRow(NamedTuple):
    """The fields of one counter, in the table's columns."""

    number: QSpinBox
    name: QLineEdit
    served: QLineEdit


Row = TypeVar("Row", ServiceRow, CounterRow)


class _TablePage(CheckedPage, Generic[Row]):
    """A table of rows of widgets, with Add and Remove buttons and the row-by-row message under it."""

    COLUMNS = 0

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(True)
        self.add = QPushButton()
        self.add.clicked.connect(self.add_row)
        self.remove = QPushButton()
        self.remove.clicked.connect(self.remove_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def add_row(self) -> Row:
        raise NotImplementedError

    def _append(self, widgets: Row) -> Row:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, widget in enumerate(widgets):
            self.table.setCellWidget(row, column, widget)
        self.rows.append(widgets)
        self.add.setEnabled(len(self.rows) < MAX_ROWS)
        self.remove.setEnabled(len(self.rows) > 1)
        return widgets

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = len(self.rows) - 1
        if len(self.rows) <= 1:
            return
        self.table.removeRow(row)
        del self.rows[row]
        self.add.setEnabled(True)
        self.remove.setEnabled(len(self.rows) > 1)

    def _say(self, problems: list[tuple[int, str]]) -> None:
        """List ``problems`` (row index, sentence) under the table and mark their rows; raise if any."""
        bad = {row for row, _ in problems}
        for index, widgets in enumerate(self.rows):
            _mark(widgets[0], index in bad)
        if problems:
            self.message.setText(
                "\n".join(
                    QCoreApplication.translate("SetupWizard", "Row {0}: {1}").format(row + 1, text)
                    for row, text in problems
                )
            )
            raise _Shown()

    def validatePage(self) -> bool:
        try:
            return super().validatePage()
        except _Shown:
            return False


class _Shown(Exception):
    """The page has said its problems already."""


class ServicesPage(_TablePage[ServiceRow]):
    """The first services: code, name, standard time and unit, waiting target, hours, daily quota, days."""

    COLUMNS = 9

    def __init__(self) -> None:
        super().__init__()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.retranslate()
        self.add_row()

    def add_row(self) -> ServiceRow:
        taken = {row.code.text().strip().upper() for row in self.rows}
        code = QLineEdit(next((c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in taken), ""))
        code.setMaxLength(3)
        code.setMaximumWidth(SIZE.wizard_code)
        name = QLineEdit()
        standard = QSpinBox()
        standard.setRange(1, 9999)
        standard.setValue(15)
        unit = QComboBox()
        for value in TimeUnit:
            unit.addItem("", value.value)
        target = QSpinBox()
        target.setRange(0, 9999)
        quota = QSpinBox()
        quota.setRange(0, 99999)
        opens, closes = QLineEdit(), QLineEdit()
        for field in (opens, closes):
            field.setMaximumWidth(SIZE.wizard_number)
        days = QComboBox()
        for open_days in DAYS:
            days.addItem("", open_days)
        widgets = self._append(ServiceRow(code, name, standard, unit, target, opens, closes, quota, days))
        self._retranslate_row(widgets)
        return widgets

    def plans(self) -> list[ServicePlan]:
        """The rows as planned services (``_BadTime`` for an hour that is not HH:MM)."""
        return [self._plan(row) for row in self.rows]

    @staticmethod
    def _plan(row: ServiceRow) -> ServicePlan:
        return ServicePlan(
            code=row.code.text().strip(),
            name=row.name.text().strip(),
            standard_time=row.standard.value(),
            standard_unit=str(row.unit.currentData()),
            waiting_target_minutes=row.target.value() or None,
            opens_at=_clock_time(row.opens.text()),
            closes_at=_clock_time(row.closes.text()),
            daily_quota=row.quota.value() or None,
            open_days=str(row.days.currentData()),
        )

    def check(self) -> None:
        problems: list[tuple[int, str]] = []
        plans: list[ServicePlan] = []
        for index, row in enumerate(self.rows):
            try:
                plan = self._plan(row)
                check_service(plan)
            except _BadTime as bad:
                problems.append((index, self.tr("{0} is not a time of day (HH:MM)").format(bad)))
            except AntrianError as error:
                problems.append((index, error_text(error)))
            else:
                plans.append(plan)
        self._say(problems)
        try:
            check_services(tuple(plans))
        except InvalidInput as error:
            twice = [i for i, p in enumerate(plans) if p.code.upper() == error.params.get("service")]
            self._say([(twice[-1] if twice else 0, error_text(error))])

    def codes(self) -> list[tuple[str, str]]:
        """(code, name) of each row, as typed (the counters page offers them)."""
        return [(row.code.text().strip().upper(), row.name.text().strip()) for row in self.rows]

    def _retranslate_row(self, row: ServiceRow) -> None:
        for index, text in enumerate((self.tr("minutes"), self.tr("hours"), self.tr("working days"))):
            row.unit.setItemText(index, text)
        for index, text in enumerate((self.tr("Mon-Fri"), self.tr("Mon-Sat"), self.tr("Every day"))):
            row.days.setItemText(index, text)
        row.opens.setPlaceholderText("08:00")
        row.closes.setPlaceholderText("15:00")
        row.target.setSpecialValueText(self.tr("none"))
        row.quota.setSpecialValueText(self.tr("no limit"))
        row.name.setPlaceholderText(self.tr("for example: KTP Elektronik"))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Services"))
        self.setSubTitle(self.tr("The services the kiosk offers (at least one; more can be added later)."))
        self.hint.setText(
            self.tr(
                "Code: 1-3 letters, the start of each ticket number (A001). Standard time: the published "
                "service standard. Waiting target: minutes a visitor should wait at most. Opening and "
                "closing: HH:MM, or empty for the office's hours. Quota: tickets a day."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Standard time"),
                self.tr("Unit"),
                self.tr("Waiting target (min)"),
                self.tr("Opens"),
                self.tr("Closes"),
                self.tr("Quota per day"),
                self.tr("Days"),
            ]
        )
        self.add.setText(self.tr("Add a service"))
        self.remove.setText(self.tr("Remove the selected service"))
        for row in self.rows:
            self._retranslate_row(row)


class CountersPage(_TablePage[CounterRow]):
    """The counters: number, name, and the services each serves in order, the main one first."""

    COLUMNS = 3

    def __init__(self, services: ServicesPage) -> None:
        super().__init__()
        self._services = services
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.retranslate()

    def initializePage(self) -> None:
        codes = [code for code, _ in self._services.codes()]
        if not self.rows:
            self.add_row()
        self.offered.setText(
            self.tr("Services: {0}").format(
                ", ".join(f"{code} {name}" for code, name in self._services.codes())
            )
        )
        for row in self.rows:  # a counter left without services serves all of them, in the table's order
            if not row.served.text().strip():
                row.served.setText(", ".join(codes))

    def add_row(self) -> CounterRow:
        numbers = [row.number.value() for row in self.rows]
        number = QSpinBox()
        number.setRange(1, 999)
        number.setValue(max(numbers, default=0) + 1)
        name = QLineEdit()
        served = QLineEdit(", ".join(code for code, _ in self._services.codes()))
        widgets = self._append(CounterRow(number, name, served))
        self._retranslate_row(widgets)
        return widgets

    def plans(self) -> list[CounterPlan]:
        return [self._plan(row) for row in self.rows]

    @staticmethod
    def _plan(row: CounterRow) -> CounterPlan:
        codes = tuple(
            code.strip().upper() for code in re.split(r"[,;\s]+", row.served.text()) if code.strip()
        )
        return CounterPlan(row.number.value(), row.name.text().strip(), codes)

    def check(self) -> None:
        codes = [code for code, _ in self._services.codes()]
        problems: list[tuple[int, str]] = []
        for index, row in enumerate(self.rows):
            try:
                check_counters((self._plan(row),), codes)
            except AntrianError as error:
                problems.append((index, error_text(error)))
        self._say(problems)
        try:
            check_counters(tuple(self.plans()), codes)
        except InvalidInput as error:
            numbers = [row.number.value() for row in self.rows]
            counter = error.params.get("counter")
            self._say(
                [
                    (
                        len(numbers) - 1 - numbers[::-1].index(counter) if counter in numbers else 0,
                        error_text(error),
                    )
                ]
            )

    def _retranslate_row(self, row: CounterRow) -> None:
        row.name.setPlaceholderText(self.tr("Counter {0}").format(row.number.value()))
        row.served.setPlaceholderText(self.tr("codes, the main service first: A, B"))

    def retranslate(self) -> None:
        if not hasattr(self, "offered"):
            self.offered = QLabel()
            self.offered.setWordWrap(True)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(1, self.offered)
        self.setTitle(self.tr("Counters"))
        self.setSubTitle(self.tr("Each counter calls the services it serves, the main service first."))
        self.hint.setText(
            self.tr(
                "Type the codes of the services each counter serves, separated by commas, in the order it "
                "calls them: its main service first. At least one counter."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Name"), self.tr("Services served (main first)")]
        )
        self.add.setText(self.tr("Add a counter"))
        self.remove.setText(self.tr("Remove the selected counter"))
        for row in self.rows:
            self._retranslate_row(row)
