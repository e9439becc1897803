"""The calendar page: public holidays (the kiosk refuses tickets naming the holiday, counters stay closed)
and recurring breaks per weekday (the kiosk's services close, the display shows a notice), saved through
``services.calendar``, whose refusals (a day already a holiday, a break overlapping another) are shown as
they are worded there; nothing is saved then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from antrian import words
from antrian.domain.roles import Actor
from antrian.gui.admin.settings.base import SettingsPage
from antrian.gui.forms.calendar_page_ui import Ui_CalendarPage
from antrian.gui.tasks import TaskRunner
from antrian.gui.widgets import day_of
from antrian.services import calendar
from antrian.services.calendar import BreakInfo, HolidayInfo
from antrian.store.database import Database


@dataclass(frozen=True, slots=True)
class _Calendar:
    holidays: list[HolidayInfo]
    breaks: list[BreakInfo]


def _set_up(table: QTableWidget, headers: list[str]) -> None:
    """A list of whole rows, read-only, one chosen at a time, under ``headers``."""
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)


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
        self.content = QWidget(self)
        self.form = Ui_CalendarPage()  # the holidays and the breaks: ui/admin/settings/calendar_page.ui
        self.form.setupUi(self.content)
        self._take_form()
        self.body.addWidget(self.content)
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
    def _take_form(self) -> None:
        form = self.form
        self.year, self.holiday_table, self.no_holidays = form.year, form.holiday_table, form.no_holidays
        self.holiday_day, self.holiday_name = form.holiday_day, form.holiday_name
        self.add_holiday_button = form.add_holiday_button
        self.remove_holiday_button = form.remove_holiday_button
        self.break_table, self.no_breaks, self.every_day = form.break_table, form.no_breaks, form.every_day
        self.break_start, self.break_end, self.break_name = form.break_start, form.break_end, form.break_name
        self.add_break_button, self.remove_break_button = form.add_break_button, form.remove_break_button
        self.day_boxes = [form.day_1, form.day_2, form.day_3, form.day_4, form.day_5, form.day_6, form.day_7]
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self._show_holidays)
        _set_up(self.holiday_table, [self.tr("Date"), self.tr("Holiday")])
        self.holiday_day.setDate(QDate.currentDate())
        _set_up(self.break_table, [self.tr("Day"), self.tr("From"), self.tr("Until"), self.tr("Break")])
        for day, check in zip(calendar.EVERY_DAY, self.day_boxes, strict=True):
            check.setText(words.day_name(day)[:3])
            check.setToolTip(words.day_name(day))
        self.every_day.toggled.connect(self._every_day_toggled)
        for name, add_button, add, remove_button, remove in (
            (
                self.holiday_name,
                self.add_holiday_button,
                self.add_holiday,
                self.remove_holiday_button,
                self.remove_holiday,
            ),
            (
                self.break_name,
                self.add_break_button,
                self.add_break,
                self.remove_break_button,
                self.remove_break,
            ),
        ):
            name.setMaxLength(calendar.NAME_LIMIT)
            name.returnPressed.connect(add)
            add_button.clicked.connect(add)
            remove_button.clicked.connect(remove)

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
