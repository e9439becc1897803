"""The supervisor window on a real SQLite office, offscreen, with a pinned clock: the login refuses operators,
the live tables fill from the database, the one-second tick raises a flag with no database read, a feed event
re-reads a counter's row, and the offline banner says why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractTableModel, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from antrian import words
from antrian.domain.errors import PermissionDenied, StoreError
from antrian.domain.roles import SYSTEM, Actor, Permission, Role
from antrian.domain.timing import FixedClock
from antrian.gui.feed import ChangeFeed
from antrian.gui.offline import offline_text
from antrian.gui.supervisor.models import FLAG_ROW, CounterModel, ServiceModel
from antrian.gui.supervisor.window import SupervisorWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.queries import events_after, last_event_id
from antrian.services.standards import set_standard
from antrian.services.users import actor_for, create_user
from antrian.store.database import Database
from tests.conftest import MONDAY_9AM
from tests.gui.language import assert_language, switch_language

PASSWORD = "rahasia123"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def office(office_db: Database, clock: FixedClock) -> Database:
    """By 09:06: A has a 10-minute waiting target; counter 1 (Petugas Satu) serves A001 since 09:05; A002
    (09:02) and B001 (09:03) wait."""
    with office_db.write() as s:
        set_standard(s, SYSTEM, "A", 15, "minutes", 10, "2026-11-30", clock=clock)
        create_user(s, "kepala", "Ibu Kepala", "supervisor", PASSWORD, actor=SYSTEM)
        create_user(s, "petugas1", "Petugas Satu", "operator", PASSWORD, actor=SYSTEM)
    operator = petugas(office_db)
    for minute, work in (
        (0, lambda s: counters.open_counter(s, 1, actor=operator, clock=clock)),
        (0, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (2, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (3, lambda s: queue.issue_ticket(s, "B", clock=clock)),
        (4, lambda s: queue.call_next(s, 1, actor=operator, clock=clock)),
        (5, lambda s: queue.start(s, 1, actor=operator, clock=clock)),
    ):
        clock.now = MONDAY_9AM + timedelta(minutes=minute)
        with office_db.write() as s:
            work(s)
    clock.now = MONDAY_9AM + timedelta(minutes=6)
    return office_db


@pytest.fixture
def make(qtbot: QtBot, office: Database, clock: FixedClock) -> Iterator[Callable[..., SupervisorWindow]]:
    runner = TaskRunner()

    def make(username: str = "kepala", *, log_in: bool = True) -> SupervisorWindow:
        window = SupervisorWindow(
            office, lambda work, done: runner.submit(work, done, done), clock=clock, username=username,
            password=PASSWORD,
        )  # fmt: skip
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        if log_in:
            with qtbot.waitSignal(window.loggedIn, timeout=10000):
                window.login.submit()
        return window

    yield make
    runner.wait()


def petugas(db: Database) -> Actor:
    with db.read() as s:
        return actor_for(s, "petugas1")


def cell(model: QAbstractTableModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.data(model.index(row, column), role)


def test_an_operator_is_refused_with_the_reason(make, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make("petugas1", log_in=False)
    window.login.submit()
    refusal = PermissionDenied(
        "permission.denied", who="petugas1", role=Role.OPERATOR, permission=Permission.REPORTS
    )
    qtbot.waitUntil(lambda: window.login.error.text().startswith(words.say(refusal)), timeout=10000)
    assert "supervisor" in window.login.error.text().lower()  # and who may use it
    assert (window.actor, window.pages.currentIndex(), window.login.password.text()) == (None, 0, "")


def test_a_wrong_password_says_so(make, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make(log_in=False)
    window.login.password.setText("salah-salah")
    window.login.submit()
    qtbot.waitUntil(lambda: window.login.error.text() == words.text("login.wrong"), timeout=10000)
    assert window.actor is None


def test_the_tables_are_filled(make) -> None:  # type: ignore[no-untyped-def]
    window = make()
    services, counters_ = window.services_model, window.counters_model
    assert window.pages.currentIndex() == 1 and window.actor.name == "kepala"
    assert services.rowCount() == 3 and counters_.rowCount() == 3
    # A: A002 waits since 09:02, 4 minutes at 09:06; B: B001 since 09:03; nobody served yet
    assert [cell(services, 0, c) for c in range(1, 6)][:3] == ["1", "4:00", "A002"]
    assert (
        cell(services, 1, ServiceModel.LONGEST) == "3:00" and cell(services, 1, ServiceModel.TICKET) == "B001"
    )
    assert cell(services, 0, ServiceModel.SERVED) == "0" and cell(services, 2, ServiceModel.WAITING) == "0"
    assert cell(counters_, 0, CounterModel.OPERATOR) == "Petugas Satu"
    assert cell(counters_, 0, CounterModel.TICKET).startswith("A001 · ")
    assert cell(counters_, 0, CounterModel.RUNNING) == "1:00"  # started 09:05
    assert cell(counters_, 0, CounterModel.STATE) == words.text("counter_state.open").capitalize()
    assert cell(counters_, 1, CounterModel.STATE) == words.text("counter_state.closed").capitalize()
    assert window.flags == frozenset() and not window.offline.isVisible()


def test_a_flag_appears_on_the_tick_without_reading_the_database(  # type: ignore[no-untyped-def]
    make, office: Database, clock: FixedClock, qtbot: QtBot
) -> None:
    window = make()
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(office.engine, "before_cursor_execute", count)
    try:
        clock.now = MONDAY_9AM + timedelta(minutes=12)  # A002 has waited exactly its 10 minutes: not over
        window.tick()
        assert window.flags == frozenset()
        assert cell(window.services_model, 0, ServiceModel.LONGEST) == "10:00"
        clock.now += timedelta(seconds=1)
        qtbot.waitUntil(lambda: window.flags == {"service:A"}, timeout=3000)  # the window's own 1 s tick
        assert (
            cell(window.services_model, 0, ServiceModel.LONGEST, Qt.ItemDataRole.BackgroundRole) == FLAG_ROW
        )
        assert cell(window.services_model, 1, ServiceModel.LONGEST, Qt.ItemDataRole.BackgroundRole) is None
        assert window.flag_badge.property("raised") is True
        # A001 in service since 09:05 passes A's 15 minutes after 09:20
        clock.now = MONDAY_9AM + timedelta(minutes=20, seconds=1)
        qtbot.waitUntil(lambda: "counter:1" in window.flags, timeout=3000)
        assert cell(window.counters_model, 0, CounterModel.RUNNING) == "15:01"
    finally:
        event.remove(office.engine, "before_cursor_execute", count)
    assert statements == []


def test_a_feed_event_updates_the_counter_row(
    make, office: Database, clock: FixedClock, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    window = make()
    with office.read() as s:
        seen = last_event_id(s)
    clock.now = MONDAY_9AM + timedelta(minutes=7)
    with office.write() as s:
        queue.finish(s, 1, actor=petugas(office), clock=clock)
        queue.call_next(s, 1, actor=petugas(office), clock=clock)
    with office.read() as s:
        changes = events_after(s, seen)
    assert cell(window.counters_model, 0, CounterModel.TICKET).startswith("A001")
    with qtbot.waitSignal(window.snapshotApplied, timeout=5000):
        window.handle_events(changes)
    assert cell(window.counters_model, 0, CounterModel.TICKET).startswith("A002 · ")
    assert cell(window.counters_model, 0, CounterModel.RUNNING) == "0:00"
    assert cell(window.services_model, 0, ServiceModel.SERVED) == "1"
    assert cell(window.services_model, 0, ServiceModel.WITHIN).startswith("100,0 %")  # 2 minutes of 15


def test_the_change_feed_moves_the_counter_row(
    make, office: Database, clock: FixedClock, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    window = make()
    feed = ChangeFeed(office)
    with qtbot.waitSignal(feed.subscribed, timeout=5000):
        feed.subscribe(window.handle_events)
    try:
        clock.now = MONDAY_9AM + timedelta(minutes=8)
        with office.write() as s:
            queue.finish(s, 1, actor=petugas(office), clock=clock)
        qtbot.waitUntil(lambda: cell(window.counters_model, 0, CounterModel.TICKET) == "—", timeout=5000)
        assert cell(window.services_model, 0, ServiceModel.SERVED) == "1"
    finally:
        feed.close()


def test_past_midnight_the_tick_reads_the_new_day(make, clock: FixedClock, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make()
    assert window.snapshot.day.isoformat() == "2026-11-30"
    clock.now = MONDAY_9AM + timedelta(hours=15, seconds=1)  # 00:00:01 on Tuesday in Jakarta
    with qtbot.waitSignal(window.snapshotApplied, timeout=5000):
        window.tick()
    assert window.snapshot.day.isoformat() == "2026-12-01"
    assert cell(window.services_model, 0, ServiceModel.WAITING) == "0"  # Monday's A002 is not Tuesday's
    assert cell(window.services_model, 0, ServiceModel.SERVED) == "0"


def test_offline_banner_and_back(make, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make()
    problem = StoreError("store.locked", path="office.db")
    window.set_online(False, problem)
    assert window.offline.isVisible() and window.offline.text() == offline_text(problem)
    with qtbot.waitSignal(window.snapshotApplied, timeout=5000):
        window.set_online(True)
    assert not window.offline.isVisible()


def test_one_language_at_a_time(make) -> None:  # type: ignore[no-untyped-def]
    window = make()

    def texts() -> list[str]:
        found = [window.windowTitle(), window.title.text(), window.sound.text(), window.tabs.tabText(0)]
        found += [window.totals.text(), window.flag_badge.text(), window.services_title.text()]
        for model in (window.services_model, window.counters_model, window.stations_model):
            found += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
            found += [
                str(cell(model, r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())
            ]
        return found

    names = ("KTP Elektronik", "Kartu Keluarga", "Akta Kelahiran", "Petugas Satu", "Loket", "kepala")
    assert_language(texts(), "id", allowed=names)
    switch_language("en")
    assert window.title.text() == "Live monitor"
    assert_language(texts(), "en", allowed=names)


def test_the_sound_is_off_until_asked_for(make, audio_sink: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtMultimedia import QSoundEffect

    from antrian import assets

    window = make()
    assert not window.sound.isChecked() and window.findChildren(QSoundEffect) == []  # made only when asked
    window.sound.setChecked(True)
    (chime,) = window.findChildren(QSoundEffect)
    assert chime.source().toLocalFile() == str(assets.path(assets.CHIME))
    window.sound.setChecked(False)
    window.sound.setChecked(True)
    assert window.findChildren(QSoundEffect) == [chime], "made once"


def test_a_reset_password_is_replaced_before_the_monitor_opens(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from antrian.gui.password import NewPasswordDialog
    from antrian.services.login import authenticate
    from antrian.services.users import reset_password

    with office.write() as s:
        given = reset_password(s, SYSTEM, "kepala").password
    window = make(log_in=False)
    window.login.password.setText(given)
    window.login.submit()
    qtbot.waitUntil(lambda: window.findChild(NewPasswordDialog) is not None, timeout=10000)
    dialog = window.findChild(NewPasswordDialog)
    assert window.actor is None and window.pages.currentIndex() == 0
    dialog.first.setText("kepala")  # the username: refused by the service, shown in the dialog
    dialog.again.setText("kepala")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() == words.text("user.password_short", n=8), timeout=10000)
    dialog.first.setText("kata-sandi-kepala")
    dialog.again.setText("kata-sandi-lain")
    dialog.submit()
    assert dialog.error.text() == "Kedua kata sandi berbeda"
    dialog.again.setText("kata-sandi-kepala")
    with qtbot.waitSignal(window.loggedIn, timeout=10000):
        dialog.submit()
    assert window.actor is not None and window.actor.name == "kepala"
    with office.write() as s:
        outcome = authenticate(s, "kepala", "kata-sandi-kepala")
    assert outcome.actor is not None and not outcome.must_change_password
