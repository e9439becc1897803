"""The supervisor's report tab filtered by a zone: the service filter lists the office's zones after its
services; a zone's report counts only its services (the known Monday: A issued 2, B issued 1)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.gui.supervisor.report import ReportTab
from antrian.services.users import create_user
from antrian.services.zones import add_zone, set_service_zone
from antrian.store.database import Database
from tests.gui.test_supervisor_report import ISSUED, PASSWORD, show
from tests.gui.test_supervisor_report import clock as clock  # the fixtures
from tests.gui.test_supervisor_report import tab as tab
from tests.helpers import known_monday


@pytest.fixture
def day(office_db: Database, clock: FixedClock) -> Database:
    with office_db.write() as s:
        create_user(s, "kepala", "Ibu Kepala", "supervisor", PASSWORD, actor=SYSTEM)
        add_zone(s, SYSTEM, "DUKCAPIL", "Dinas Kependudukan")
        add_zone(s, SYSTEM, "PAJAK", "Bapenda")
        set_service_zone(s, SYSTEM, "A", "DUKCAPIL")
        set_service_zone(s, SYSTEM, "B", "PAJAK")
    known_monday(office_db, clock)
    return office_db


def test_a_zones_report_shows_only_its_services(tab: ReportTab, qtbot: QtBot) -> None:
    items = [tab.service.itemData(i) for i in range(tab.service.count())]
    assert items == [None, "A", "B", "C", "zone:DUKCAPIL", "zone:PAJAK"]
    assert tab.service.itemText(5).endswith("PAJAK · Bapenda")
    tab.service.setCurrentIndex(5)
    show(tab, qtbot)
    model = tab.services_model
    codes = {model.text(r, 0).split()[0] for r in range(model.rowCount())}
    assert codes == {"B"}
    assert model.text(0, ISSUED) == "1"
    assert tab.made is not None and tab.made.report.zone == "PAJAK"
