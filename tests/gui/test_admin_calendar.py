"""The admin's calendar page on a real database (SQLite and PostgreSQL): holidays and breaks added and
removed through it land in the database; the service's refusals are shown and save nothing; a supervisor
sees the calendar but cannot change it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.roles import SYSTEM, Role
from antrian.gui.admin.settings.calendar_page import CalendarPage
from antrian.gui.tasks import TaskRunner
from antrian.services import calendar
from antrian.store.database import Database
from antrian.store.models import Event
from tests.gui.settings_pages import said, user


@pytest.fixture
def make(qtbot: QtBot, office: Database) -> Iterator[Callable[[Role], CalendarPage]]:
    runner = TaskRunner()

    def build(role: Role) -> CalendarPage:
        page = CalendarPage(office, runner, user(office, role))
        qtbot.addWidget(page)
        page.resize(1100, 680)
        page.show()
        page.refresh()
        return page

    yield build
    runner.wait()


def events(db: Database) -> int:
    from sqlalchemy import func, select

    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(Event)).scalar_one())


def test_holidays_added_listed_by_year_and_removed(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.ADMIN)
    page.holiday_day.setDate(QDate(2027, 3, 10))
    page.holiday_name.setText("  Hari Raya Nyepi ")
    page.add_holiday_button.click()
    said(qtbot, page, "Hari libur ditambahkan: Rabu, 10 Maret 2027, Hari Raya Nyepi")
    with office.read() as s:
        assert calendar.list_holidays(s) == [calendar.HolidayInfo(date(2027, 3, 10), "Hari Raya Nyepi")]
    qtbot.waitUntil(lambda: page.holiday_table.rowCount() == 1, timeout=5000)
    assert page.year.value() == 2027
    assert page.holiday_table.item(0, 1).text() == "Hari Raya Nyepi"
    page.year.setValue(2026)
    assert page.holiday_table.rowCount() == 0 and page.no_holidays.isVisible()

    page.year.setValue(2027)
    page.holiday_table.selectRow(0)
    page.remove_holiday_button.click()
    said(qtbot, page, "Hari libur dihapus: Rabu, 10 Maret 2027, Hari Raya Nyepi")
    with office.read() as s:
        assert calendar.list_holidays(s) == []
    qtbot.waitUntil(lambda: page.holiday_table.rowCount() == 0, timeout=5000)


def test_a_day_already_a_holiday_is_refused_with_its_name(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        calendar.add_holiday(s, SYSTEM, date(2027, 3, 10), "Hari Raya Nyepi")
    page = make(Role.ADMIN)  # makes the admin user: an event of its own
    before = events(office)
    page.holiday_day.setDate(QDate(2027, 3, 10))
    page.holiday_name.setText("Cuti bersama")
    page.add_holiday_button.click()
    said(qtbot, page, words.text("holiday.exists", day=date(2027, 3, 10), name="Hari Raya Nyepi"))
    assert page.message.property("kind") == "error"
    with office.read() as s:
        assert calendar.list_holidays(s) == [calendar.HolidayInfo(date(2027, 3, 10), "Hari Raya Nyepi")]
    assert events(office) == before
    page.holiday_name.setText("   ")
    page.holiday_day.setDate(QDate(2027, 4, 1))
    page.add_holiday_button.click()
    said(qtbot, page, words.text("holiday.name_missing"))


def test_friday_prayers_and_a_daily_lunch(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(Role.ADMIN)
    page.day_boxes[4].setChecked(True)  # Jumat
    page.break_start.setTime(QTime(11, 30))
    page.break_end.setTime(QTime(13, 0))
    page.break_name.setText("Salat Jumat")
    page.add_break_button.click()
    said(qtbot, page, "Jam istirahat ditambahkan: Salat Jumat, 11:30-13:00, Jumat")
    qtbot.waitUntil(lambda: page.break_table.rowCount() == 1, timeout=5000)

    # a daily lunch overlapping Friday prayers is refused as a whole, naming the break it hits
    page.every_day.setChecked(True)
    assert all(box.isChecked() and not box.isEnabled() for box in page.day_boxes)
    page.break_start.setTime(QTime(12, 0))
    page.break_end.setTime(QTime(13, 0))
    page.break_name.setText("Istirahat siang")
    page.add_break_button.click()
    said(
        qtbot,
        page,
        words.text("break.overlaps", weekday=5, name="Salat Jumat", starts=time(11, 30), ends=time(13, 0)),
    )
    with office.read() as s:
        assert [(b.weekday, b.name) for b in calendar.list_breaks(s)] == [(5, "Salat Jumat")]

    # an end before the start is refused too
    page.break_start.setTime(QTime(13, 0))
    page.break_end.setTime(QTime(12, 0))
    page.add_break_button.click()
    said(qtbot, page, words.text("break.ends_before_start", starts=time(13, 0), ends=time(12, 0)))

    # Monday to Thursday lunch
    page.every_day.setChecked(False)
    for box in page.day_boxes[:4]:
        box.setChecked(True)
    page.break_start.setTime(QTime(12, 0))
    page.break_end.setTime(QTime(13, 0))
    page.add_break_button.click()
    said(qtbot, page, "Jam istirahat ditambahkan: Istirahat siang, 12:00-13:00, Senin, Selasa, Rabu, Kamis")
    with office.read() as s:
        breaks = calendar.list_breaks(s)
    assert [(b.weekday, b.starts, b.ends, b.name) for b in breaks] == [
        (1, time(12), time(13), "Istirahat siang"),
        (2, time(12), time(13), "Istirahat siang"),
        (3, time(12), time(13), "Istirahat siang"),
        (4, time(12), time(13), "Istirahat siang"),
        (5, time(11, 30), time(13), "Salat Jumat"),
    ]
    qtbot.waitUntil(lambda: page.break_table.rowCount() == 5, timeout=5000)
    shown = [page.break_table.item(4, column).text() for column in range(4)]
    assert shown == ["Jumat", "11:30", "13:00", "Salat Jumat"]

    page.break_table.selectRow(4)
    page.remove_break_button.click()
    said(qtbot, page, "Jam istirahat dihapus: Salat Jumat, Jumat 11:30-13:00")
    with office.read() as s:
        assert [b.weekday for b in calendar.list_breaks(s)] == [1, 2, 3, 4]


def test_a_supervisor_sees_the_calendar_read_only(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        calendar.add_holiday(s, SYSTEM, date.today(), "Hari Raya")
        calendar.add_breaks(s, SYSTEM, [5], time(11, 30), time(13), "Salat Jumat")
    page = make(Role.SUPERVISOR)
    qtbot.waitUntil(lambda: page.break_table.rowCount() == page.holiday_table.rowCount() == 1, timeout=5000)
    assert page.read_only.isVisible()
    assert not any(field.isEnabled() for field in page.fields)
    for button in (page.add_holiday_button, page.remove_holiday_button, page.add_break_button):
        assert not button.isVisible()
    assert page.title() == "Kalender"
