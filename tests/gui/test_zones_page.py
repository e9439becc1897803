"""The admin window's zones page alone on a real database (SQLite and PostgreSQL): add a zone, put services
and counters in it by ticking them, a refused mismatch said with nothing saved, remove a zone; read-only for
a supervisor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.gui.admin.zones.zones_page import ZonesPage
from antrian.gui.tasks import TaskRunner
from antrian.services.counters import counter_info
from antrian.services.setup import service_info
from antrian.services.zones import add_zone, list_zones
from antrian.store.database import Database

ADMIN = Actor(Role.ADMIN, None, "admin")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait()


def page(qtbot: QtBot, db: Database, runner: TaskRunner, actor: Actor) -> ZonesPage:
    made = ZonesPage(db, runner, actor)
    qtbot.addWidget(made)
    made.resize(1100, 650)
    made.show()
    reads: list[int] = []
    made.read.connect(lambda: reads.append(1))
    made.reads = reads  # type: ignore[attr-defined]
    made.refresh()
    qtbot.waitUntil(lambda: bool(reads), timeout=5000)
    return made


def tick(listed, keys: set[object]) -> None:  # type: ignore[no-untyped-def]
    for row in range(listed.count()):
        item = listed.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def saved(qtbot: QtBot, made: ZonesPage, action) -> None:  # type: ignore[no-untyped-def]
    """Do ``action`` and wait until the page has read the database again: polled, for a
    ``qtbot.waitSignal`` on a signal sent from the runner's delivery crashed at teardown now and then."""
    before = len(made.reads)  # type: ignore[attr-defined]
    action()
    qtbot.waitUntil(lambda: len(made.reads) > before, timeout=5000)  # type: ignore[attr-defined]


def test_an_admin_adds_a_zone_and_picks_its_services_and_counters(
    office: Database, qtbot: QtBot, runner: TaskRunner
) -> None:
    made = page(qtbot, office, runner, ADMIN)
    assert made.title() and made.zone_list.count() == 0 and not made.code.isReadOnly()
    made.code.setText("pajak")
    made.name.setText("Badan Pendapatan Daerah")
    saved(qtbot, made, made.save_button.click)
    assert made.current_code() == "PAJAK" and "PAJAK" in made.status.text()
    # C and counter 3, then a mismatch: counter 1 serves A and B, not of the zone
    tick(made.services_list, {"C"})
    tick(made.counters_list, {3})
    saved(qtbot, made, made.members_button.click)
    with office.read() as s:
        assert [(z.code, z.services, z.counters) for z in list_zones(s)] == [("PAJAK", ("C",), (3,))]
    tick(made.counters_list, {1, 3})
    made.members_button.click()  # refused: the status says why, nothing saved
    qtbot.waitUntil(lambda: made.members_button.isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: "Loket 1" in made.status.text(), timeout=5000)
    with office.read() as s:
        assert counter_info(s, 1).zone is None and service_info(s, "C").zone == "PAJAK"
    # renamed; removing a zone in use is refused naming what uses it
    made.name.setText("Bapenda")
    saved(qtbot, made, made.save_button.click)
    made.remove_button.click()
    qtbot.waitUntil(lambda: "masih dipakai" in made.status.text(), timeout=5000)
    tick(made.services_list, set())
    tick(made.counters_list, set())
    saved(qtbot, made, made.members_button.click)
    saved(qtbot, made, made.remove_button.click)
    with office.read() as s:
        assert list_zones(s) == []
        assert service_info(s, "C").zone is None


def test_a_supervisor_sees_the_zones_read_only(office: Database, qtbot: QtBot, runner: TaskRunner) -> None:
    with office.write() as s:
        add_zone(s, SYSTEM, "PAJAK", "Bapenda")
    made = page(qtbot, office, runner, Actor(Role.SUPERVISOR, None, "kabid"))
    assert made.read_only.isVisible() and made.read_only.text()
    assert made.zone_list.count() == 1 and made.name.text() == "Bapenda"
    assert not made.name.isEnabled() and not made.services_list.isEnabled()
    assert not any(b.isVisible() for b in (made.save_button, made.remove_button, made.members_button))
