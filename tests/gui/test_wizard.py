"""The first-run set-up wizard driven page by page on a new database (a fresh SQLite file, and PostgreSQL):
bad input on each page keeps it there with a message; the summary writes everything at once; the database
then holds the office, its services with their standards, the counters with their services in order, and an
admin who can log in; with an admin present the set-up is refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian import words
from antrian.domain.roles import Role
from antrian.domain.timing import FixedClock
from antrian.gui.tasks import TaskRunner
from antrian.gui.wizard.window import ADMIN, COUNTERS, FINISH, OFFICE, SERVICES, SUMMARY, WELCOME, SetupWizard
from antrian.services.branding import get_logo
from antrian.services.counters import list_counters
from antrian.services.first_run import needs_setup
from antrian.services.login import authenticate
from antrian.services.office import get_office
from antrian.services.setup import list_services
from antrian.store.database import Database, open_database
from antrian.store.models import User
from antrian.store.schema import HEAD_REVISION, current_revision
from tests.conftest import MONDAY_9AM

CLOCK = FixedClock(MONDAY_9AM)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


@pytest.fixture
def opened() -> Iterator[list[Database]]:
    """The databases the wizards opened, closed after the test."""
    databases: list[Database] = []
    yield databases
    for database in databases:
        database.dispose()


def make_wizard(qtbot: QtBot, runner: TaskRunner, url: str, opened: list[Database]) -> SetupWizard:
    def opener() -> Database:
        database = open_database(url, create=True)
        opened.append(database)
        return database

    wizard = SetupWizard(opener, runner, then="kiosk", clock=CLOCK)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    return wizard


def press_next(qtbot: QtBot, wizard: SetupWizard) -> None:
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
        button = wizard.button(which)
        if button.isVisible():
            assert button.isEnabled()
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError("no Next button")


def png(path: Path) -> Path:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    assert image.save(str(path), "PNG")
    return path


def fill_office(qtbot: QtBot, wizard: SetupWizard, logo: Path | None) -> None:
    office = wizard.office
    office.name.setText("Disdukcapil Kota Makassar")
    office.address.setText("Jl. Ahmad Yani No. 2, Makassar")
    office.zone.setCurrentIndex(office.zone.findData("Asia/Makassar"))
    if logo is not None:
        office.load_logo(str(logo))
        qtbot.waitUntil(lambda: office.logo is not None, timeout=5000)
        assert not office.preview.pixmap().isNull(), "no preview of the logo"


def fill_services(wizard: SetupWizard) -> None:
    page = wizard.services
    first = page.rows[0]
    first[0].setText("a")
    first[1].setText("KTP Elektronik")
    first[2].setValue(15)
    first[4].setValue(30)
    first[5].setText("08:00")
    first[6].setText("15.00")
    first[7].setValue(150)
    second = page.add_row()
    assert second[0].text() == "B", "a new row offers the next free code"
    second[1].setText("Akta Kelahiran")
    second[2].setValue(2)
    second[3].setCurrentIndex(second[3].findData("working_days"))
    second[8].setCurrentIndex(second[8].findData("123456"))


def fill_admin(wizard: SetupWizard, password: str = "Kucing7hitam") -> None:
    wizard.admin.full_name.setText("Andi Admin")
    wizard.admin.password.setText(password)
    wizard.admin.repeat.setText(password)


def stays(qtbot: QtBot, wizard: SetupWizard, page: int, said: str) -> None:
    press_next(qtbot, wizard)
    assert wizard.currentId() == page, f"Next left page {page} despite bad input"
    message = wizard.currentPage().message.text()  # type: ignore[attr-defined]
    assert said in message, f"{said!r} not in {message!r}"


def test_a_new_office_is_set_up_through_the_wizard(
    qtbot: QtBot, runner: TaskRunner, db_url: str, opened: list[Database], tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, runner, db_url, opened)
    if "://" not in db_url:
        assert not Path(db_url).exists()
    assert wizard.currentId() == WELCOME
    press_next(qtbot, wizard)

    assert wizard.currentId() == OFFICE
    stays(qtbot, wizard, OFFICE, words.text("setup.office_name_missing"))
    gif = tmp_path / "logo.gif"
    gif.write_bytes(b"GIF89a" + bytes(40))
    wizard.office.load_logo(str(gif))
    qtbot.waitUntil(lambda: wizard.office.message.text() == words.text("office.logo_not_image"), timeout=5000)
    assert wizard.office.logo is None
    fill_office(qtbot, wizard, png(tmp_path / "logo.png"))
    press_next(qtbot, wizard)

    assert wizard.currentId() == SERVICES
    fill_services(wizard)
    row = wizard.services.rows
    row[1][0].setText("A")
    stays(qtbot, wizard, SERVICES, words.text("setup.code_twice", service="A"))
    assert row[1][0].property("invalid") and not row[0][0].property("invalid"), "the second A is marked"
    row[1][0].setText("B")
    row[0][5].setText("8 pagi")
    stays(qtbot, wizard, SERVICES, "8 pagi")
    row[0][5].setText("16:00")
    stays(qtbot, wizard, SERVICES, "A")
    row[0][5].setText("08:00")
    row[1][1].setText("")
    stays(qtbot, wizard, SERVICES, words.text("service.name_missing", service="B"))
    row[1][1].setText("Akta Kelahiran")
    press_next(qtbot, wizard)

    assert wizard.currentId() == COUNTERS
    counters = wizard.counters.rows
    assert [r[2].text() for r in counters] == ["A, B"], "a first counter serves every service"
    second = wizard.counters.add_row()
    assert second[0].value() == 2
    second[2].setText("B, Z")
    stays(qtbot, wizard, COUNTERS, words.text("setup.counter_unknown_service", counter=2, service="Z"))
    second[2].setText("")
    stays(qtbot, wizard, COUNTERS, words.text("counter.no_service", counter=2))
    second[0].setValue(1)
    second[2].setText("B, A")
    stays(qtbot, wizard, COUNTERS, words.text("setup.counter_twice", counter=1))
    second[0].setValue(2)
    second[1].setText("Loket Akta")
    press_next(qtbot, wizard)

    assert wizard.currentId() == ADMIN
    assert wizard.admin.username.text() == "admin"
    fill_admin(wizard, "Kc7!x")
    stays(qtbot, wizard, ADMIN, words.text("user.password_short", n=8))
    fill_admin(wizard, "admin2026")
    stays(qtbot, wizard, ADMIN, words.text("setup.password_same_as_username"))
    assert wizard.admin.meter.value() == 0
    fill_admin(wizard)
    assert wizard.admin.meter.value() == 4
    wizard.admin.repeat.setText("Kucing7hitan")
    stays(qtbot, wizard, ADMIN, wizard.admin.tr("The two passwords differ: type the same password twice"))
    wizard.admin.repeat.setText("Kucing7hitam")
    press_next(qtbot, wizard)

    assert wizard.currentId() == SUMMARY
    summary = wizard.summary.text.text()
    assert "Disdukcapil Kota Makassar" in summary and "KTP Elektronik" in summary and "Loket Akta" in summary
    press_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == FINISH, timeout=15000)
    commands = wizard.finish.text.text()
    for command in (
        "antrian kiosk",
        "antrian counter 1",
        "antrian counter 2",
        "antrian display",
        "antrian admin",
    ):
        assert command in commands
    assert ("postgresql://" in commands) == ("://" not in db_url), "the PostgreSQL hint for a file"

    database = opened[-1]
    with database.read() as s:
        assert current_revision(s.connection()) == HEAD_REVISION
        assert not needs_setup(s)
        office = get_office(s)
        assert (office.name, office.address, office.timezone) == (
            "Disdukcapil Kota Makassar",
            "Jl. Ahmad Yani No. 2, Makassar",
            "Asia/Makassar",
        )
        logo = get_logo(s)
        assert logo is not None and logo.startswith(b"\x89PNG")
        fields = ("code", "name", "standard_time", "standard_unit", "waiting_target_minutes", "opens_at")
        fields += ("closes_at", "daily_quota", "open_days")
        services = [tuple(getattr(i, f) for f in fields) for i in list_services(s, CLOCK)]
        assert services == [
            ("A", "KTP Elektronik", 15, "minutes", 30, time(8), time(15), 150, "12345"),
            ("B", "Akta Kelahiran", 2, "working_days", None, None, None, None, "123456"),
        ]
        assert [(c.number, c.name, c.services) for c in list_counters(s)] == [
            (1, "Loket 1", ("A", "B")),
            (2, "Loket Akta", ("B", "A")),
        ]
        assert s.execute(select(User.role).where(User.username == "admin")).scalar_one() == "admin"
    with database.write() as s:
        login = authenticate(s, "admin", "Kucing7hitam", clock=CLOCK)
    assert login.actor is not None and login.actor.role is Role.ADMIN


def test_with_an_admin_present_the_set_up_is_refused(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, opened: list[Database]
) -> None:
    url = str(tmp_path / "office.db")
    first = make_wizard(qtbot, runner, url, opened)
    second = make_wizard(qtbot, runner, url, opened)
    for wizard in (first, second):
        press_next(qtbot, wizard)
        fill_office(qtbot, wizard, None)
        press_next(qtbot, wizard)
        wizard.services.rows[0][1].setText("KTP Elektronik")
        press_next(qtbot, wizard)
        press_next(qtbot, wizard)
        fill_admin(wizard)
        press_next(qtbot, wizard)
        assert wizard.currentId() == SUMMARY
    press_next(qtbot, first)
    qtbot.waitUntil(lambda: first.currentId() == FINISH, timeout=15000)
    press_next(qtbot, second)
    qtbot.waitUntil(
        lambda: second.summary.message.text() == words.text("setup.done", command="antrian admin"),
        timeout=15000,
    )
    assert second.currentId() == SUMMARY and second.outcome is None
    with opened[-1].read() as s:
        assert [c.number for c in list_counters(s)] == [1]


def test_the_language_chosen_on_the_first_page_is_the_wizards(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, opened: list[Database]
) -> None:
    wizard = make_wizard(qtbot, runner, str(tmp_path / "office.db"), opened)
    indonesian = wizard.office.title()
    wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("en"))
    assert words.language() == "en"
    assert indonesian == "Kantor"
    qtbot.waitUntil(lambda: wizard.office.title() == "The office", timeout=5000)
    press_next(qtbot, wizard)
    stays(qtbot, wizard, OFFICE, "The office needs a name")
