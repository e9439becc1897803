"""GUI fixtures: windows on a real SQLite office, rendered offscreen, in Bahasa Indonesia (the default)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.gui import i18n
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner
from antrian.printing.slip import TicketSlip
from antrian.store.database import Database, open_database
from tests.conftest import seed_office
from tests.databases import SqliteTemplate


@pytest.fixture(scope="session", autouse=True)
def indonesian(qapp) -> None:  # type: ignore[no-untyped-def]
    """Windows are written in English and translated by the catalogues installed here, as ``gui.app`` does
    for a real window process."""
    i18n.set_language("id")


@pytest.fixture(autouse=True)
def back_to_indonesian() -> Iterator[None]:
    """A test that switches the language leaves the next one in Indonesian."""
    yield
    if words.language() != "id":
        i18n.set_language("id")


@pytest.fixture
def office_db(tmp_path: Path, _sqlite_template: SqliteTemplate) -> Iterator[Database]:
    """The small office (``tests.conftest.seed_office``) in a SQLite file of its own."""
    path = tmp_path / "gui.db"
    _sqlite_template.copy_to(path, seed_office)
    database = open_database(str(path))
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def kiosk(qtbot: QtBot, office_db: Database) -> Iterator:  # type: ignore[type-arg]
    """Makes kiosk windows on the office; by default they "print" into ``kiosk.printed``."""
    runner = TaskRunner()
    printed: list[TicketSlip] = []

    def make(width: int = 1080, height: int = 1920, printer=printed.append, pin: str | None = "2468"):  # type: ignore[no-untyped-def]
        window = KioskWindow(office_db, lambda w, d: runner.submit(w, d, d), print_slip=printer, exit_pin=pin)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitUntil(lambda: len(window.grid.buttons) == 3, timeout=5000)
        return window

    make.printed = printed  # type: ignore[attr-defined]
    make.runner = runner  # type: ignore[attr-defined]  # runner.wait(): every background read and write done
    yield make
    runner.wait()
