"""The calendar page: public holidays (the kiosk refuses tickets naming the holiday, counters stay closed)
and recurring breaks per weekday (the kiosk's services close, the display shows a notice), saved through
``services.calendar``, whose refusals (a day already a holiday, a break overlapping another) are shown as
they are worded there; nothing is saved then."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from antrian import words
from antrian.domain.roles import Actor
from antrian.gui.admin.settings.base import SettingsPage
from antrian.gui.tasks import TaskRunner
from antrian.gui.widgets import day_edit, day_of, named_button, named_label
from antrian.services import calendar
from antrian.services.calendar import BreakInfo, HolidayInfo
from antrian.store.database import Database


@dataclass(frozen=True, slots=True)
class _Calendar:
    holidays: list[HolidayInfo]
    breaks: list[BreakInfo]


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _chosen(table: QTableWidget) -> object | None:
    """What the chosen row stands for (its first cell's data); None when no row is chosen."""
    item = table.item(table.currentRow(), 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


class CalendarPage(SettingsPage):
    """Holidays by year, and the breaks of each weekday."""

    def __init__(self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None):
        super().__init__(database, runner, actor, parent)
        self._data = _Calendar([], [])
        self.heading.setText(self.tr("Calendar"))
        self.about.setText(
            self.tr(
                "On a public holiday the kiosk gives no numbers and the counters stay closed. During a break "
                "the kiosk's services close and the display says until when."
            )
        )
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self._holiday_box(), 2)
        columns.addWidget(self._break_box(), 3)
        self.body.addLayout(columns)
        self.fields += [
            self.holiday_day,
            self.holiday_name,
            self.add_holiday_button,
            self.remove_holiday_button,
            *self.day_boxes,
            self.every_day,
            self.break_start,
            self.break_end,
            self.break_name,
            self.add_break_button,
            self.remove_break_button,
        ]
        self.lock_if_read_only()
        if not self.editable:
            for button in (
                self.add_holiday_button,
                self.remove_holiday_button,
                self.add_break_button,
                self.remove_break_button,
            ):
                button.hide()

    def title(self) -> str:
        return self.tr("Calendar")

    # -- building ----------------------------------------------------------------------------------------
    def _holiday_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Public holidays"), self)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(8)
        year_row = QHBoxLayout()
        year_row.setSpacing(8)
        year_row.addWidget(QLabel(self.tr("Year"), box))
        self.year = QSpinBox(box, minimum=2000, maximum=2100, value=date.today().year)
        self.year.valueChanged.connect(self._show_holidays)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        grid.addLayout(year_row, 0, 0, 1, 3)
        self.holiday_table = _table([self.tr("Date"), self.tr("Holiday")], box)
        grid.addWidget(self.holiday_table, 1, 0, 1, 3)
        self.no_holidays = named_label(box, "hint")
        grid.addWidget(self.no_holidays, 2, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Date"), box), 3, 0)
        self.holiday_day = day_edit(box, "yyyy-MM-dd")
        grid.addWidget(self.holiday_day, 3, 1, 1, 2)
        self.holiday_name, self.add_holiday_button, self.remove_holiday_button = self._name_and_buttons(
            grid,
            self.tr("e.g. Hari Raya Idulfitri"),
            self.tr("Add holiday"),
            self.add_holiday,
            self.remove_holiday,
        )
        grid.setColumnStretch(1, 1)
        return box

    def _break_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Breaks every week"), self)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(8)
        self.break_table = _table([self.tr("Day"), self.tr("From"), self.tr("Until"), self.tr("Break")], box)
        grid.addWidget(self.break_table, 0, 0, 1, 4)
        self.no_breaks = named_label(box, "hint")
        grid.addWidget(self.no_breaks, 1, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Days"), box), 2, 0)
        days = QHBoxLayout()
        days.setSpacing(10)
        self.day_boxes = [QCheckBox(words.day_name(day)[:3], box) for day in calendar.EVERY_DAY]
        for day, check in zip(calendar.EVERY_DAY, self.day_boxes, strict=True):
            check.setToolTip(words.day_name(day))
            days.addWidget(check)
        self.every_day = QCheckBox(self.tr("Every day"), box)
        self.every_day.toggled.connect(self._every_day_toggled)
        days.addSpacing(12)
        days.addWidget(self.every_day)
        days.addStretch(1)
        grid.addLayout(days, 2, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("From"), box), 3, 0)
        times = QHBoxLayout()
        times.setSpacing(8)
        self.break_start = QTimeEdit(QTime(12, 0), box)
        self.break_end = QTimeEdit(QTime(13, 0), box)
        for edit in (self.break_start, self.break_end):
            edit.setDisplayFormat("HH:mm")
        times.addWidget(self.break_start)
        times.addWidget(QLabel(self.tr("until"), box))
        times.addWidget(self.break_end)
        times.addStretch(1)
        grid.addLayout(times, 3, 1, 1, 3)
        self.break_name, self.add_break_button, self.remove_break_button = self._name_and_buttons(
            grid,
            self.tr("e.g. Istirahat siang, Salat Jumat"),
            self.tr("Add break"),
            self.add_break,
            self.remove_break,
        )
        grid.setColumnStretch(3, 1)
        return box

    def _name_and_buttons(
        self,
        grid: QGridLayout,
        example: str,
        add_text: str,
        add: Callable[[], None],
        remove: Callable[[], None],
    ) -> tuple[QLineEdit, QPushButton, QPushButton]:
        """The name row (row 4) and the remove / add buttons (row 5) at the bottom of a box's ``grid``."""
        box = grid.parentWidget()
        columns = grid.columnCount()
        grid.addWidget(QLabel(self.tr("Name"), box), 4, 0)
        name = QLineEdit(box, placeholderText=example)
        name.setMaxLength(calendar.NAME_LIMIT)
        name.returnPressed.connect(add)
        grid.addWidget(name, 4, 1, 1, columns - 1)
        add_button = named_button(add_text, box, "primary")
        add_button.clicked.connect(add)
        remove_button = named_button(self.tr("Remove selected"), box, "danger")
        remove_button.clicked.connect(remove)
        buttons = QHBoxLayout()
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        buttons.addWidget(add_button)
        grid.addLayout(buttons, 5, 0, 1, columns)
        return name, add_button, remove_button

    # -- reading -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        def read() -> _Calendar:
            with self._database.read() as session:
                return _Calendar(calendar.list_holidays(session), calendar.list_breaks(session))

        self.run(read, self._show, "read the calendar")

    def _show(self, data: _Calendar) -> None:
        self._data = data
        self._show_holidays()
        self.break_table.setRowCount(0)
        for row, pause in enumerate(data.breaks):
            self.break_table.insertRow(row)
            cells = (
                words.day_name(pause.weekday),
                words.clock_time(pause.starts),
                words.clock_time(pause.ends),
                pause.name,
            )
            for column, text in enumerate(cells):
                self.break_table.setItem(row, column, _cell(text, pause.id))
        self.no_breaks.setText(self.tr("No breaks yet.") if not data.breaks else "")
        self.no_breaks.setVisible(not data.breaks)

    def _show_holidays(self) -> None:
        year = self.year.value()
        shown = [h for h in self._data.holidays if h.day.year == year]
        self.holiday_table.setRowCount(0)
        for row, holiday in enumerate(shown):
            self.holiday_table.insertRow(row)
            self.holiday_table.setItem(row, 0, _cell(words.long_date(holiday.day), holiday.day))
            self.holiday_table.setItem(row, 1, _cell(holiday.name, holiday.day))
        self.no_holidays.setText(self.tr("No holidays in {year}.").format(year=year))
        self.no_holidays.setVisible(not shown)

    # -- changing ----------------------------------------------------------------------------------------
    def add_holiday(self) -> None:
        day, name = day_of(self.holiday_day), self.holiday_name.text()
        assert isinstance(day, date)

        def save() -> HolidayInfo:
            with self._database.write() as session:
                return calendar.add_holiday(session, self._actor, day, name)

        def saved(info: HolidayInfo) -> None:
            self.holiday_name.clear()
            self.year.setValue(info.day.year)
            self.show_message(
                self.tr("Holiday added: {day}, {name}").format(day=words.long_date(info.day), name=info.name)
            )
            self.refresh()

        self.run(save, saved, "add a holiday")

    def remove_holiday(self) -> None:
        day = _chosen(self.holiday_table)
        if day is None:
            self.show_message(self.tr("Choose the holiday to remove in the list first."), "error")
            return
        assert isinstance(day, date)

        def remove() -> HolidayInfo:
            with self._database.write() as session:
                return calendar.remove_holiday(session, self._actor, day)

        def removed(info: HolidayInfo) -> None:
            self.show_message(
                self.tr("Holiday removed: {day}, {name}").format(
                    day=words.long_date(info.day), name=info.name
                )
            )
            self.refresh()

        self.run(remove, removed, "remove a holiday")

    def _every_day_toggled(self, on: bool) -> None:
        for check in self.day_boxes:
            check.setChecked(on)
            check.setEnabled(not on and self.editable)

    def add_break(self) -> None:
        weekdays = [
            day for day, check in zip(calendar.EVERY_DAY, self.day_boxes, strict=True) if check.isChecked()
        ]
        starts, ends = self.break_start.time().toPython(), self.break_end.time().toPython()
        assert isinstance(starts, time) and isinstance(ends, time)
        name = self.break_name.text()

        def save() -> list[BreakInfo]:
            with self._database.write() as session:
                return calendar.add_breaks(session, self._actor, weekdays, starts, ends, name)

        def saved(infos: list[BreakInfo]) -> None:
            self.break_name.clear()
            self.every_day.setChecked(False)
            for check in self.day_boxes:
                check.setChecked(False)
            first = infos[0]
            self.show_message(
                self.tr("Break added: {name}, {starts}-{ends}, {days}").format(
                    name=first.name,
                    starts=words.clock_time(first.starts),
                    ends=words.clock_time(first.ends),
                    days=", ".join(words.day_name(info.weekday) for info in infos),
                )
            )
            self.refresh()

        self.run(save, saved, "add a break")

    def remove_break(self) -> None:
        break_id = _chosen(self.break_table)
        if break_id is None:
            self.show_message(self.tr("Choose the break to remove in the list first."), "error")
            return
        assert isinstance(break_id, int)

        def remove() -> BreakInfo:
            with self._database.write() as session:
                return calendar.remove_break(session, self._actor, break_id)

        def removed(info: BreakInfo) -> None:
            self.show_message(
                self.tr("Break removed: {name}, {day} {starts}-{ends}").format(
                    name=info.name,
                    day=words.day_name(info.weekday),
                    starts=words.clock_time(info.starts),
                    ends=words.clock_time(info.ends),
                )
            )
            self.refresh()

        self.run(remove, removed, "remove a break")
