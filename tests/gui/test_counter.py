"""The counter panel, offscreen, on a real database: login and lockout, every action by key and by mouse,
rules shown as reasons, the priority check, the recall limit, service time against the standard, stale
views and the offline queue."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian.domain.desk import DeskAction
from antrian.domain.errors import CounterUnavailable, NotFound, StoreError
from antrian.domain.roles import SYSTEM
from antrian.domain.status import Status
from antrian.domain.timing import FixedClock
from antrian.gui import theme
from antrian.gui.counter import outbox as outbox_module
from antrian.gui.counter import reader as reader_module
from antrian.gui.counter.dialogs import (
    CloseDialog,
    LeaveDialog,
    NumberDialog,
    PauseDialog,
    PriorityDialog,
    ServiceDialog,
    TakeoverDialog,
)
from antrian.gui.counter.window import CounterWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.queries import events_after
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import CounterState, Event, Ticket
from tests.conftest import MONDAY_9AM

PASSWORD = "rahasia123"
KEYS = {
    DeskAction.CALL_NEXT: Qt.Key.Key_F2,
    DeskAction.RECALL: Qt.Key.Key_F3,
    DeskAction.START: Qt.Key.Key_F4,
    DeskAction.FINISH: Qt.Key.Key_F5,
    DeskAction.NO_SHOW: Qt.Key.Key_F6,
    DeskAction.HOLD: Qt.Key.Key_F7,
    DeskAction.CALL_NUMBER: Qt.Key.Key_F8,
    DeskAction.TRANSFER: Qt.Key.Key_F9,
    DeskAction.PAUSE: Qt.Key.Key_F10,
    DeskAction.CLOSE: Qt.Key.Key_F12,
}


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def users(office_db: Database) -> Database:
    with office_db.write() as s:
        create_user(s, "petugas1", "Petugas Satu", "operator", PASSWORD, actor=SYSTEM)
        create_user(s, "petugas2", "Petugas Dua", "operator", PASSWORD, actor=SYSTEM)
    return office_db


@pytest.fixture
def panel(qtbot: QtBot, users: Database, clock: FixedClock) -> Iterator[Callable[..., CounterWindow]]:
    with panels(qtbot, users, clock) as make:
        yield make


@contextmanager
def panels(qtbot: QtBot, office: Database, clock: FixedClock) -> Iterator[Callable[..., CounterWindow]]:
    """Makes counter panels on ``office``, shown and (unless told not to) logged in."""
    runner = TaskRunner()
    made: list[CounterWindow] = []

    def make(
        number: int | None = 1,
        *,
        username: str = "petugas1",
        password: str = PASSWORD,
        size: tuple[int, int] = (1366, 768),
        log_in: bool = True,
        database: Database | None = None,
    ) -> CounterWindow:
        window = CounterWindow(
            database or office,
            lambda work, done: runner.submit(work, done, done),
            number=number,
            clock=clock,
            username=username,
            password=password,
        )
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.activateWindow()
        made.append(window)
        if log_in:
            with qtbot.waitSignal(window.loggedIn, timeout=10000):
                window.log_in()
            wait_view(qtbot, window)
        return window

    yield make
    for window in made:
        window.allow_close()  # teardown closes windows without the leave question
    runner.wait()


def cell(table: QTableView, row: int, column: int) -> str:
    """What one cell of a list says (its model's words)."""
    return str(table.model().index(row, column).data())


def rows(table: QTableView) -> int:
    return table.model().rowCount()


def wait_view(qtbot: QtBot, window: CounterWindow) -> None:
    qtbot.waitUntil(lambda: window.view is not None and not window.reading, timeout=5000)


def issue(db: Database, clock: FixedClock, *codes: str, priority: str | None = None) -> None:
    with db.write() as s:
        for code in codes:
            queue.issue_ticket(s, code, priority=priority, clock=clock)


def ticket(db: Database, label: str) -> Ticket:
    with db.read() as s:
        rows = s.execute(select(Ticket).where(Ticket.label == label).order_by(Ticket.id)).scalars().all()
        return rows[-1]


def press(qtbot: QtBot, window: CounterWindow, action: DeskAction, *, by: str = "key") -> None:
    """Press an action's key, or click its button, and wait for the result to be on screen."""
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        do(qtbot, window, action, by=by)
    wait_view(qtbot, window)


def do(qtbot: QtBot, window: CounterWindow, action: DeskAction, *, by: str = "key") -> None:
    if by == "key":
        qtbot.keyClick(window, KEYS[action])
    else:
        qtbot.mouseClick(window.panel.buttons[action], Qt.MouseButton.LeftButton)


def answer(qtbot: QtBot, window: CounterWindow, kind: type, fill: Callable[[Any], None]) -> None:
    """Answer the dialog the last action opened, and wait for the action's result."""
    qtbot.waitUntil(lambda: isinstance(window.dialog, kind), timeout=3000)
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        fill(window.dialog)
    wait_view(qtbot, window)


def refresh(qtbot: QtBot, window: CounterWindow) -> None:
    with qtbot.waitSignal(window.viewApplied, timeout=5000):
        window.refresh()


# -- login ------------------------------------------------------------------------------------------------


def test_login_opens_the_counter_for_the_operator_and_logs_it(panel, users: Database) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    assert window.pages.currentIndex() == 1
    assert window.view is not None and window.view.state == "open" and window.view.operator == "petugas1"
    assert "Petugas Satu" in window.header.operator_label.text()
    assert window.windowTitle() == "Antrian — Loket 1 — petugas1"
    with users.read() as s:
        kinds = [e.kind for e in events_after(s, 0)]
    assert "login" in kinds and "counter_opened" in kinds


def test_wrong_password_then_lockout_after_five_tries(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1, password="salah-salah", log_in=False)

    def attempt(password: str) -> str:
        window.login.password.setText(password)
        window.login.login_error.setText("")
        qtbot.keyClick(window.login.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.login.login_error.text() not in ("", "Memeriksa…"), timeout=5000)
        return window.login.login_error.text()

    for _ in range(4):
        assert attempt("salah-salah") == "Nama pengguna atau kata sandi salah"
        assert window.login.password.text() == ""  # cleared for the next try
    assert attempt("salah-salah") == "Terlalu banyak kata sandi salah: akun petugas1 terkunci selama 5 menit"
    assert "terkunci" in attempt(PASSWORD)  # the right password does not open a locked account
    assert window.pages.currentIndex() == 0 and window.actor is None
    with users.read() as s:
        failed = s.execute(select(Event).where(Event.kind == "login_failed")).scalars().all()
    assert len(failed) == 6 and failed[-1].data["reason"] == "locked"
    clock.advance(minutes=5, seconds=1)
    window.login.password.setText(PASSWORD)
    with qtbot.waitSignal(window.loggedIn, timeout=5000):
        qtbot.keyClick(window.login.password, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 1


def test_counter_chosen_at_login_when_not_given(panel, qtbot: QtBot, users: Database) -> None:  # type: ignore[no-untyped-def]
    window = panel(None, username="petugas2", log_in=False)
    qtbot.waitUntil(lambda: window.login.counter_choice.count() == 3, timeout=5000)
    assert window.login.counter_choice.itemText(1).startswith("Loket 2")
    window.login.counter_choice.setCurrentIndex(1)
    with qtbot.waitSignal(window.loggedIn, timeout=5000):
        qtbot.mouseClick(window.login.login_button, Qt.MouseButton.LeftButton)
    wait_view(qtbot, window)
    assert window.number == 2 and window.view is not None and window.view.operator == "petugas2"


def test_the_login_page_drops_a_database_error_once_the_counters_load(  # type: ignore[no-untyped-def]
    panel, qtbot: QtBot, users: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counters could not be read (the file was away for a moment): the page said why; once they are
    read, no stale message stays under the login form."""
    from antrian.domain.errors import StoreError
    from antrian.services import counters as counters_module

    real = counters_module.list_counters
    failing = [True]

    def list_counters(session):  # type: ignore[no-untyped-def]
        if failing[0]:
            raise StoreError("store.locked", path="office.db")
        return real(session)

    monkeypatch.setattr(counters_module, "list_counters", list_counters)
    window = panel(None, username="petugas2", log_in=False)
    qtbot.waitUntil(lambda: "office.db" in window.login.login_error.text(), timeout=5000)
    failing[0] = False
    qtbot.waitUntil(lambda: window.login.counter_choice.count() == 3, timeout=10000)
    assert window.login.login_error.text() == ""


def test_a_counter_open_for_another_operator_is_taken_over_only_when_confirmed(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    """The dialog names the operator who has the counter and since when; Esc leaves it theirs, confirming
    takes it over: this panel opens on it, and the first panel refuses every action, naming the new one."""
    first = panel(1)
    other = panel(1, username="petugas2", log_in=False)
    other.log_in()
    qtbot.waitUntil(lambda: isinstance(other.dialog, TakeoverDialog), timeout=5000)
    dialog = other.dialog
    assert dialog.question.text().startswith("Loket 1 sedang dipakai Petugas Satu (buka sejak 09:00).")
    assert "Petugas Satu tidak dapat lagi memanggil" in dialog.question.text()
    assert other.login.login_error.text() == "Loket 1 sedang dipakai Petugas Satu"
    assert dialog.cancel.isDefault() and not dialog.ok.isDefault()  # Enter does not take it by accident
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: other.dialog is None, timeout=5000)
    assert other.pages.currentIndex() == 0 and other.actor is None
    with users.read() as s:
        assert s.get(CounterState, 1).operator_id == first.actor.user_id

    other.log_in()
    qtbot.waitUntil(lambda: isinstance(other.dialog, TakeoverDialog), timeout=5000)
    with qtbot.waitSignal(other.loggedIn, timeout=5000):
        other.dialog.ok.click()
    assert other.pages.currentIndex() == 1 and other.header.counter_title.text() == "Loket 1"
    assert other.header.operator_label.text() == "petugas2"
    with users.read() as s:
        state = s.get(CounterState, 1)
        assert (state.state, state.operator_id) == ("open", other.actor.user_id)
        opened = [e for e in events_after(s, 0) if e.kind == "counter_opened"]
    assert [e.user for e in opened] == ["petugas1", "petugas2"]
    first.refresh()
    qtbot.waitUntil(lambda: first.view is not None and first.view.operator == "petugas2", timeout=5000)
    assert not first.panel.buttons[DeskAction.CALL_NEXT].isEnabled()
    assert "Petugas Dua" in first.panel.buttons[DeskAction.CALL_NEXT].toolTip()


def test_the_header_shows_the_counter_logged_into_at_once(panel, users: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """Logging out of counter 1 and into counter 3: the header says Loket 3 from the first moment, never the
    last counter's name while the new view is read, and the list keeps the choice when it is read again."""
    window = panel(None, log_in=False)
    qtbot.waitUntil(lambda: window.login.counter_choice.count() == 3, timeout=5000)
    with qtbot.waitSignal(window.loggedIn, timeout=5000):
        window.log_in()
    wait_view(qtbot, window)
    assert window.header.counter_title.text() == "Loket 1" and window.number == 1
    window.trigger(DeskAction.CLOSE)
    qtbot.waitUntil(lambda: isinstance(window.dialog, CloseDialog), timeout=5000)
    window.dialog.accept()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=5000)
    qtbot.waitUntil(lambda: window.login.counter_choice.count() == 3, timeout=5000)
    window.login.counter_choice.setCurrentIndex(2)
    with qtbot.waitSignal(window.login.countersShown, timeout=5000):
        window.login.load_counters()  # the list read again (as after an outage) keeps the operator's choice
    qtbot.waitUntil(lambda: window.login.counter_choice.currentData() == 3, timeout=5000)
    window.login.password.setText(PASSWORD)
    shown: list[str] = []
    window.loggedIn.connect(lambda _name: shown.append(window.header.counter_title.text()))
    with qtbot.waitSignal(window.loggedIn, timeout=5000):
        window.log_in()
    assert shown == ["Loket 3"] and window.number == 3
    wait_view(qtbot, window)
    assert window.header.counter_title.text() == "Loket 3" and window.windowTitle().startswith(
        "Antrian — Loket 3"
    )


# -- every action -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("by", ["key", "mouse"])
def test_every_action(panel, users: Database, qtbot: QtBot, clock: FixedClock, by: str) -> None:  # type: ignore[no-untyped-def]
    """A morning at counter 1, first by function keys alone, then by mouse clicks alone."""
    issue(users, clock, "A", "A")
    issue(users, clock, "B", priority="lansia")
    issue(users, clock, "A")
    window = panel(1)
    assert window.view is not None and window.view.waiting_total == 4
    assert cell(window.lists.waiting, 0, 0) == "▶ A001"

    press(qtbot, window, DeskAction.CALL_NEXT, by=by)
    assert window.panel.number_label.text() == "A001" and ticket(users, "A001").status == "called"
    clock.advance(seconds=20)
    press(qtbot, window, DeskAction.RECALL, by=by)
    assert ticket(users, "A001").call_count == 2 and "ulang 1×" in window.panel.status_label.text()
    press(qtbot, window, DeskAction.START, by=by)
    assert ticket(users, "A001").status == "serving" and window.panel.status_label.text() == "SEDANG DILAYANI"
    clock.advance(minutes=7)
    press(qtbot, window, DeskAction.FINISH, by=by)
    assert ticket(users, "A001").status == "done" and window.panel.number_label.text() == ""
    assert (
        "1 selesai dilayani" in window.panel.stats.text()
        and "rata-rata waktu layanan 7 menit" in window.panel.stats.text()
    )

    press(qtbot, window, DeskAction.CALL_NEXT, by=by)
    assert window.panel.number_label.text() == "A002"
    press(qtbot, window, DeskAction.NO_SHOW, by=by)
    assert ticket(users, "A002").status == "no_show"
    assert cell(window.lists.others, 0, 0) == "A002" and cell(window.lists.others, 0, 2) == "tidak hadir"

    # Two normal calls since the last priority one: the priority ticket is next (interleave 2).
    assert cell(window.lists.waiting, 0, 0) == "▶ B001 ★"
    press(qtbot, window, DeskAction.CALL_NEXT, by=by)
    assert window.panel.number_label.text() == "B001" and "Lanjut usia" in window.panel.priority_label.text()
    do(qtbot, window, DeskAction.START, by=by)
    answer(qtbot, window, PriorityDialog, lambda d: qtbot.mouseClick(d.yes, Qt.MouseButton.LeftButton))
    assert ticket(users, "B001").status == "serving"
    press(qtbot, window, DeskAction.HOLD, by=by)
    assert ticket(users, "B001").status == "held"
    assert [cell(window.lists.others, r, 0) for r in range(2)] == ["B001 ★", "A002"]

    do(qtbot, window, DeskAction.CALL_NUMBER, by=by)

    def call_b001(dialog: NumberDialog) -> None:
        if by == "key":
            qtbot.keyClicks(dialog.choice.lineEdit(), "b1")
            qtbot.keyClick(dialog.choice.lineEdit(), Qt.Key.Key_Return)
        else:
            dialog.choice.setCurrentIndex(0)  # picked from the list: the held ticket comes first
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, window, NumberDialog, call_b001)
    assert ticket(users, "B001").status == "called" and window.panel.number_label.text() == "B001"

    do(qtbot, window, DeskAction.TRANSFER, by=by)

    def to_service_a(dialog: ServiceDialog) -> None:
        assert [dialog.services.item(r).text() for r in range(dialog.services.count())] == [
            "A  KTP Elektronik",
            "C  Akta Kelahiran",
        ]
        if by == "key":
            qtbot.keyClick(dialog.services, Qt.Key.Key_Return)  # nothing chosen yet: no transfer
            assert dialog.isVisible() and not dialog.ok.isEnabled()
            qtbot.keyClicks(dialog.services, "A")  # the service's code
            qtbot.keyClick(dialog.services, Qt.Key.Key_Return)
        else:
            item = dialog.services.item(0)
            qtbot.mouseClick(
                dialog.services.viewport(),
                Qt.MouseButton.LeftButton,
                pos=dialog.services.visualItemRect(item).center(),
            )
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, window, ServiceDialog, to_service_a)
    with users.read() as s:
        visits = s.execute(select(Ticket).where(Ticket.label == "B001").order_by(Ticket.id)).scalars().all()
    assert [v.status for v in visits] == ["transferred", "waiting"]
    assert visits[1].service_id != visits[0].service_id and visits[1].place_at == visits[0].place_at

    do(qtbot, window, DeskAction.PAUSE, by=by)

    def pause(dialog: PauseDialog) -> None:
        if by == "key":
            qtbot.keyClicks(dialog.other, "Sholat Jumat")
            qtbot.keyClick(dialog.other, Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answer(qtbot, window, PauseDialog, pause)
    reason = "Sholat Jumat" if by == "key" else "Istirahat"
    assert window.view is not None and window.view.state == "paused" and window.view.pause_reason == reason
    assert window.panel.buttons[DeskAction.PAUSE].text().startswith("Buka Loket")
    assert not window.panel.buttons[DeskAction.CALL_NEXT].isEnabled()
    assert reason in window.panel.buttons[DeskAction.CALL_NEXT].toolTip()

    press(qtbot, window, DeskAction.PAUSE, by=by)  # the same key opens the counter again
    assert window.view is not None and window.view.state == "open"

    do(qtbot, window, DeskAction.CLOSE, by=by)
    qtbot.waitUntil(lambda: window.dialog is not None, timeout=3000)
    if by == "key":
        qtbot.keyClick(window.dialog, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(window.dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=5000)
    with users.read() as s:
        assert (
            s.execute(select(CounterState.state).where(CounterState.counter_id == 1)).scalar_one() == "closed"
        )
    assert window.actor is None


def test_priority_claim_rejected_is_recorded_and_served(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A", priority="hamil")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    do(qtbot, window, DeskAction.START)
    qtbot.waitUntil(lambda: isinstance(window.dialog, PriorityDialog), timeout=3000)
    assert "Wanita hamil" in window.dialog.question.text()
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.keyClick(window.dialog, Qt.Key.Key_T)
    assert ticket(users, "A001").status == "serving"
    with users.read() as s:
        started = [e for e in events_after(s, 0) if e.kind == "ticket_started"]
    assert started[-1].data["priority_confirmed"] is False


def test_cancelled_dialog_does_nothing(panel, users: Database, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A", priority="lansia")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    do(qtbot, window, DeskAction.START)
    qtbot.waitUntil(lambda: isinstance(window.dialog, PriorityDialog), timeout=3000)
    qtbot.keyClick(window.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None, timeout=3000)
    assert ticket(users, "A001").status == "called"


# -- rules shown, not discovered -----------------------------------------------------------------------------


def test_actions_not_allowed_are_disabled_with_the_reason(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    call = window.panel.buttons[DeskAction.CALL_NEXT]
    assert not call.isEnabled() and "Tidak ada warga yang menunggu" in call.toolTip()
    issue(users, clock, "A")
    refresh(qtbot, window)
    assert call.isEnabled() and call.toolTip() == "Panggil Berikutnya (F2)"
    press(qtbot, window, DeskAction.CALL_NEXT)
    finish = window.panel.buttons[DeskAction.FINISH]
    assert not finish.isEnabled() and "A001 belum mulai dilayani" in finish.toolTip()
    assert not call.isEnabled() and "A001 masih di loket" in call.toolTip()
    assert not window.panel.buttons[DeskAction.PAUSE].isEnabled()
    # The key of a disabled action says why, and nothing changes.
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.panel.message.isVisible() and "A001 belum mulai dilayani" in window.panel.message.text()
    assert window.panel.message.property("kind") == "error"
    assert ticket(users, "A001").status == "called"


def test_illegal_action_refused_by_the_service_is_shown_with_its_reason(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    """Another PC (the CLI here) finishes the ticket: this panel's now-stale start is refused, not applied."""
    issue(users, clock, "A", "A")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    with users.write() as s:
        queue.no_show(s, 1, actor=SYSTEM, clock=clock)
    with qtbot.waitSignal(window.viewApplied, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F4)
    assert "Tampilan loket 1 sudah berubah" in window.panel.message.text()
    assert ticket(users, "A001").status == "no_show"  # not started by the stale press
    assert window.panel.number_label.text() == ""  # the refreshed view shows the truth


def test_stale_call_next_does_not_call_twice(panel, users: Database, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A", "A")
    window = panel(1)
    with users.write() as s:
        queue.call_next(s, 1, actor=SYSTEM, clock=clock)  # the same counter, from another PC
    with qtbot.waitSignal(window.viewApplied, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_F2)
    assert ticket(users, "A002").status == "waiting"
    assert window.panel.number_label.text() == "A001"


def test_no_show_offered_after_the_recall_limit(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    for recall in (1, 2):
        press(qtbot, window, DeskAction.RECALL)
        assert not window.panel.offer.isVisible(), recall
    press(qtbot, window, DeskAction.RECALL)  # the office's limit: 3 recalls
    assert window.panel.offer.isVisible() and "dipanggil ulang 3×" in window.panel.offer.text()
    assert window.panel.buttons[DeskAction.NO_SHOW].objectName() == "warn"
    press(qtbot, window, DeskAction.NO_SHOW)
    assert not window.panel.offer.isVisible() and ticket(users, "A001").status == "no_show"


def test_service_time_turns_amber_then_red_against_the_standard(
    panel, users: Database, qtbot: QtBot, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")  # standard 15 minutes
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    press(qtbot, window, DeskAction.START)
    label = window.panel.service_time_label
    sheets: list[str] = []  # the clock's tick changes properties the theme selects on, never a sheet
    monkeypatch.setattr(QWidget, "setStyleSheet", lambda widget, sheet: sheets.append(sheet))
    for minutes, level, colour in (
        (11.9, "ok", "green"),
        (12.1, "warning", "orange"),
        (15, "warning", "orange"),
        (15.1, "over", "red"),
    ):
        clock.advance(seconds=minutes * 60 - (clock.now - ticket(users, "A001").started_at).total_seconds())
        window.show_times()
        assert label.property("level") == level, minutes
        assert label.palette().color(QPalette.ColorRole.WindowText) == theme.colour(colour), minutes
    assert "/ standar 15 menit" in label.text() and "101%" in label.text()
    assert sheets == []


def test_waiting_list_follows_the_feed(panel, users: Database, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    issue(users, clock, "C")  # not a service of counter 1
    issue(users, clock, "B", priority="disabilitas")
    issue(users, clock, "A")
    with users.read() as s:
        events = events_after(s, 0)
    with qtbot.waitSignal(window.viewApplied, timeout=5000):
        window.handle_events(events[-2:])
    shown = [cell(window.lists.waiting, r, 0) for r in range(rows(window.lists.waiting))]
    assert shown == ["▶ A001", "B001 ★"]  # interleave 2: a normal call is due first, so A001 heads the list
    assert "Menunggu: 2 orang" in window.lists.waiting_title.text()


# -- the database going away ---------------------------------------------------------------------------------


def test_action_saved_but_answer_lost_is_not_done_twice(
    panel, users: Database, qtbot: QtBot, clock: FixedClock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The call reaches the database but the connection drops before the answer: the panel sends it again
    once, the counter's token no longer matches, and nobody else is called."""
    issue(users, clock, "A", "A")
    window = panel(1)
    real_act = outbox_module.act
    calls: list[int] = []

    def saved_then_lost(session, number, action, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            with users.write() as own:
                real_act(own, number, action, **kw)
            raise StoreError("cannot reach the database: connection lost")
        return real_act(session, number, action, **kw)

    monkeypatch.setattr(outbox_module, "act", saved_then_lost)
    window.desk.outbox.retry_ms = 200
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.banner.offline.isVisible(), timeout=5000)
    assert "Panggil Berikutnya" in window.banner.offline.text() and "sekali" in window.banner.offline.text()
    assert window.banner.cancel_pending.isVisible()
    qtbot.waitUntil(lambda: len(calls) == 2 and not window.banner.offline.isVisible(), timeout=5000)
    wait_view(qtbot, window)
    assert "sudah tersimpan" in window.panel.message.text()
    assert ticket(users, "A001").status == "called" and ticket(users, "A002").status == "waiting"
    assert window.panel.number_label.text() == "A001"


def test_offline_action_waits_and_is_sent_once_when_the_server_is_back(
    panel, qtbot: QtBot, clock: FixedClock, pg_url: str
) -> None:  # type: ignore[no-untyped-def]
    from antrian.store.database import open_database
    from tests.conftest import seed_office
    from tests.feed.test_feed import Proxy

    proxy = Proxy()
    url = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    direct = open_database(pg_url, create=True)
    seed_office(direct)
    with direct.write() as s:
        create_user(s, "petugas1", "Petugas Satu", "operator", PASSWORD, actor=SYSTEM)
    issue(direct, clock, "A", "A")
    through_proxy = open_database(url, check=False)
    try:
        window = panel(1, database=through_proxy)
        window.desk.outbox.retry_ms = 300
        proxy.stop()
        qtbot.keyClick(window, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.banner.offline.isVisible(), timeout=15000)
        assert "akan dikirim sekali" in window.banner.offline.text()
        assert all(not b.isEnabled() for b in window.panel.buttons.values())
        qtbot.keyClick(window, Qt.Key.Key_F2)  # pressed again while waiting: not queued twice
        assert ticket(direct, "A001").status == "waiting"
        proxy.start()
        qtbot.waitUntil(
            lambda: not window.banner.offline.isVisible() and window.panel.number_label.text() == "A001",
            timeout=20000,
        )
        assert ticket(direct, "A001").status == "called" and ticket(direct, "A002").status == "waiting"
    finally:
        proxy.stop()
        through_proxy.dispose()
        direct.dispose()


def test_waiting_action_can_be_cancelled(
    panel, users: Database, qtbot: QtBot, clock: FixedClock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)

    def unreachable(*_args, **_kw):  # type: ignore[no-untyped-def]
        raise StoreError("cannot reach the database")

    monkeypatch.setattr(outbox_module, "act", unreachable)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.banner.cancel_pending.isVisible(), timeout=5000)
    qtbot.mouseClick(window.banner.cancel_pending, Qt.MouseButton.LeftButton)
    assert window.desk.outbox.pending is None and "dibatalkan" in window.panel.message.text()
    assert ticket(users, "A001").status == "waiting"


# -- sizes -------------------------------------------------------------------------------------------------


# 1366x697: a maximized window on a 1366x768 screen, under a title bar and above the Windows taskbar.
@pytest.mark.parametrize("size", [(1366, 697), (1366, 768), (1920, 1080)])
def test_everything_fits_on_the_screen(panel, users: Database, qtbot: QtBot, clock: FixedClock, size) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, *"AB" * 20)
    issue(users, clock, "A", priority="disabilitas")
    window = panel(1, size=size)
    press(qtbot, window, DeskAction.CALL_NEXT)
    QApplication.processEvents()
    area = QRect(QPoint(0, 0), window.size())
    for action, button in window.panel.buttons.items():
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert area.contains(rect), action
        assert button.sizeHint().width() <= button.width() + 1, f"{action} text cut"
        assert button.height() >= 44, action  # large enough for a mouse user
    assert window.panel.number_label.font().pixelSize() >= 0.1 * size[1]
    assert window.lists.waiting.isVisible() and rows(window.lists.waiting) == 40  # 41 issued, one called


def test_operator_change_on_another_pc_reaches_this_panel(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    with users.write() as s:
        counters.pause_counter(s, 1, "Rapat", actor=SYSTEM, clock=clock)
    refresh(qtbot, window)
    assert "ISTIRAHAT: Rapat" in window.header.state_badge.text()
    assert window.panel.buttons[DeskAction.PAUSE].text().startswith("Buka Loket")


# -- leaving -------------------------------------------------------------------------------------------------


def test_closing_the_window_offers_to_close_the_counter(panel, users: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    window.close()
    qtbot.waitUntil(lambda: isinstance(window.dialog, LeaveDialog), timeout=3000)
    assert window.isVisible()  # nothing closed before the operator answers
    qtbot.keyClick(window.dialog, Qt.Key.Key_Return)  # the default: close the counter, then leave
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    with users.read() as s:
        assert (
            s.execute(select(CounterState.state).where(CounterState.counter_id == 1)).scalar_one() == "closed"
        )


def test_leaving_with_a_citizen_at_the_counter_keeps_it_open(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    window.close()
    qtbot.waitUntil(lambda: isinstance(window.dialog, LeaveDialog), timeout=3000)
    dialog = window.dialog
    assert not dialog.close_counter.isEnabled() and "A001 masih di loket" in dialog.question.text()
    qtbot.mouseClick(dialog.leave_open, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    with users.read() as s:
        assert (
            s.execute(select(CounterState.state).where(CounterState.counter_id == 1)).scalar_one() == "open"
        )


# -- found in review -----------------------------------------------------------------------------------------


def test_logging_in_again_goes_to_the_counter_chosen_then(panel, users: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = panel(None, log_in=False)
    qtbot.waitUntil(lambda: window.login.counter_choice.count() == 3, timeout=5000)
    with qtbot.waitSignal(window.loggedIn, timeout=5000):
        window.log_in()  # the first in the list: counter 1
    wait_view(qtbot, window)
    assert window.number == 1
    do(qtbot, window, DeskAction.CLOSE)
    qtbot.waitUntil(lambda: window.dialog is not None, timeout=3000)
    qtbot.keyClick(window.dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=5000)
    qtbot.waitUntil(
        lambda: "tutup" in window.login.counter_choice.itemText(0), timeout=5000
    )  # the list is fresh
    window.login.counter_choice.setCurrentIndex(1)
    window.login.password.setText(PASSWORD)
    with qtbot.waitSignal(window.loggedIn, timeout=5000):
        window.log_in()
    wait_view(qtbot, window)
    assert window.number == 2 and window.view is not None and window.view.counter == 2
    with users.read() as s:
        states = dict(s.execute(select(CounterState.counter_id, CounterState.state)).all())
    assert (states[1], states[2]) == ("closed", "open")


def test_a_counter_taken_over_on_another_pc_refuses_everything_here(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)
    other = panel(1, username="petugas2", log_in=False)
    with users.write() as s:
        counters.close_counter(s, 1, actor=SYSTEM, clock=clock)  # a supervisor closes it ...
    with qtbot.waitSignal(other.loggedIn, timeout=5000):
        other.log_in()  # ... and petugas2 opens it on another PC
    refresh(qtbot, window)
    for action, button in window.panel.buttons.items():
        assert not button.isEnabled(), action
        assert "sedang dibuka oleh Petugas Dua" in button.toolTip(), action
    window.trigger(DeskAction.CALL_NEXT)  # what its key does
    assert "sedang dibuka oleh Petugas Dua" in window.panel.message.text()
    assert ticket(users, "A001").status == "waiting"


def test_a_failed_close_on_leaving_keeps_the_window_and_f12_later_only_closes_the_counter(
    panel, users: Database, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    real_act = outbox_module.act
    refused = []

    def refuse_once(session, number, action, **kw):  # type: ignore[no-untyped-def]
        if action is DeskAction.CLOSE and not refused:
            refused.append(action)
            raise CounterUnavailable("counter.busy", counter=1, ticket="A001", status=Status.CALLED)
        return real_act(session, number, action, **kw)

    monkeypatch.setattr(outbox_module, "act", refuse_once)
    window.close()
    qtbot.waitUntil(lambda: isinstance(window.dialog, LeaveDialog), timeout=3000)
    qtbot.keyClick(window.dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(refused) and window.desk.outbox.pending is None, timeout=5000)
    assert window.isVisible() and window.panel.message.property("kind") == "error"
    do(qtbot, window, DeskAction.CLOSE)
    qtbot.waitUntil(lambda: window.dialog is not None, timeout=3000)
    with qtbot.waitSignal(window.desk.closed, timeout=5000) as closed:
        qtbot.keyClick(window.dialog, Qt.Key.Key_Return)
    assert closed.args == [False], "F12 closes the counter, not the window"
    assert window.pages.currentIndex() == 0 and window.isVisible()  # back at the login page, not gone


def test_no_show_offer_counts_only_this_sitting(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    for _ in range(3):
        press(qtbot, window, DeskAction.RECALL)
    assert window.panel.offer.isVisible()
    press(qtbot, window, DeskAction.NO_SHOW)
    window.trigger(DeskAction.CALL_NUMBER)
    answer(qtbot, window, NumberDialog, lambda d: (d.choice.setEditText("A001"), d.accept()))
    assert window.panel.number_label.text() == "A001" and not window.panel.offer.isVisible()
    assert "ulang" not in window.panel.status_label.text()


def test_waiting_times_run_on_between_reads_in_office_time(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)
    assert cell(window.lists.waiting, 0, 2) == "kurang dari 1 menit"
    clock.advance(minutes=7, seconds=5)
    window.show_times()
    assert cell(window.lists.waiting, 0, 2) == "7 menit"
    assert window.header.clock_label.text() == "09:07:05"  # Jakarta, whatever the PC's zone
    clock.advance(hours=1)
    window.show_times()
    assert cell(window.lists.waiting, 0, 2) == "1 jam 7 menit"


def test_a_read_that_fails_for_another_reason_is_said(
    panel, users: Database, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)

    def renumbered(*_args, **_kw):  # type: ignore[no-untyped-def]
        raise NotFound("counter.unknown", counter=1)

    monkeypatch.setattr(reader_module, "desk_view", renumbered)
    window.refresh()
    qtbot.waitUntil(lambda: window.panel.message.text() == "Loket 1 tidak ada", timeout=5000)
    assert window.panel.message.property("kind") == "error" and not window.banner.offline.isVisible()


def test_held_list_keeps_the_selected_ticket_when_rows_move(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A", "A")
    window = panel(1)
    for _ in range(2):
        press(qtbot, window, DeskAction.CALL_NEXT)
        press(qtbot, window, DeskAction.HOLD)
    labels = [cell(window.lists.others, r, 0) for r in range(rows(window.lists.others))]
    assert labels == ["A001", "A002"]
    window.lists.others.setCurrentIndex(window.lists.others.model().index(1, 0))  # A002
    with users.write() as s:
        counters.open_counter(s, 2, actor=SYSTEM, clock=clock)
    with users.write() as s:
        queue.call_ticket(s, 2, "A001", actor=SYSTEM, clock=clock)  # counter 2 takes A001
    refresh(qtbot, window)
    chosen = window.lists.others.currentIndex()
    assert chosen.isValid() and chosen.data(Qt.ItemDataRole.UserRole) == "A002"


def test_a_first_password_is_replaced_before_the_counter_opens(panel, qtbot: QtBot, users: Database) -> None:  # type: ignore[no-untyped-def]
    from antrian.gui.password import NewPasswordDialog
    from antrian.services.users import add_user

    with users.write() as s:
        given = add_user(s, SYSTEM, "petugas3", "Petugas Tiga", "operator").password
    window = panel(1, username="petugas3", password=given, log_in=False)
    window.log_in()
    qtbot.waitUntil(lambda: window.findChild(NewPasswordDialog) is not None, timeout=10000)
    dialog = window.findChild(NewPasswordDialog)
    assert window.pages.currentIndex() == 0 and window.actor is None
    dialog.first.setText("sandi-petugas3")
    dialog.again.setText("sandi-petugas3")
    with qtbot.waitSignal(window.loggedIn, timeout=10000):
        dialog.submit()
    wait_view(qtbot, window)
    assert (window.number, window.actor.name) == (1, "petugas3")
