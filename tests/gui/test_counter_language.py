"""The counter panel in both languages: every page and question it shows, switched to English while on
screen and back, says everything in the language chosen (English source texts, Bahasa Indonesia from
gui/translations/counter_id.ts, messages from antrian.words), and Indonesian comes back word for word.

The office uses neutral data (services "KTP" and "KK", user "petugas1" named "Ani Lestari", counters with
their default names); those are the only foreign words allowed on a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.desk import DeskAction
from antrian.domain.errors import StoreError
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.gui.counter import outbox as outbox_module
from antrian.gui.counter.dialogs import (
    MINIMUM_WIDTH,
    CloseDialog,
    LeaveDialog,
    NumberDialog,
    PauseDialog,
    PriorityDialog,
    ServiceDialog,
)
from antrian.gui.counter.window import CounterWindow
from antrian.services import counters
from antrian.services.office import update_office
from antrian.services.setup import save_counter, save_service
from antrian.services.users import create_user
from antrian.store.database import Database, open_database
from tests.gui.language import (
    assert_language,
    cut_buttons,
    placeholder_problems,
    switch_language,
    visible_texts,
)
from tests.gui.test_counter import PASSWORD, do, issue, panels, press, wait_view
from tests.helpers import load_script

ROOT = Path(__file__).resolve().parents[2]
DATA = ("KTP", "KK", "petugas1", "Ani Lestari")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Database, int]]:
    database = open_database(str(tmp_path / "language.db"), create=True)
    with database.write() as s:
        update_office(s, SYSTEM, timezone="Asia/Jakarta", priority_interleave=2, recall_limit=1)
        save_service(s, "A", "KTP", actor=SYSTEM, standard_time=15, open_days="1234567")
        save_service(s, "B", "KK", actor=SYSTEM, standard_time=20, open_days="1234567")
        save_counter(s, 1, "", ["A", "B"], actor=SYSTEM)
        save_counter(s, 2, "", ["A", "B"], actor=SYSTEM)
        user_id = create_user(s, "petugas1", "Ani Lestari", "operator", PASSWORD, actor=SYSTEM)
    try:
        yield database, user_id
    finally:
        database.dispose()


@pytest.fixture
def panel(
    qtbot: QtBot, office: tuple[Database, int], clock: FixedClock
) -> Iterator[Callable[..., CounterWindow]]:
    with panels(qtbot, office[0], clock) as make:
        # maximized on a 1366x768 screen: the tightest the panel must fit, in the longer language
        yield partial(make, size=(1366, 697))


def both_languages(
    *widgets: QWidget, allowed: tuple[str, ...] = DATA, in_english: Callable[[], None] = lambda: None
) -> dict[str, list[str]]:
    """The texts on ``widgets`` in Indonesian, switched live to English and back: each screen in its own
    language only and no button text cut, and the Indonesian one the same after the round trip.
    ``in_english`` runs while English is on screen."""

    def texts() -> list[str]:
        QApplication.processEvents()  # a dialog grown to its new texts
        assert [cut for widget in widgets for cut in cut_buttons(widget)] == []
        return [text for widget in widgets for text in visible_texts(widget)]

    indonesian = texts()
    assert_language(indonesian, "id", allowed)
    switch_language("en")
    english = texts()
    assert_language(english, "en", allowed)
    in_english()
    switch_language("id")
    assert texts() == indonesian
    return {"id": indonesian, "en": english}


def dialog_of(qtbot: QtBot, window: CounterWindow, kind: type) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(window.dialog, kind) and window.dialog.isVisible(), timeout=3000)
    assert window.dialog.width() >= MINIMUM_WIDTH
    return window.dialog


def dismiss(qtbot: QtBot, window: CounterWindow) -> None:
    window.dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None and window.isActiveWindow(), timeout=3000)


# -- the login page -----------------------------------------------------------------------------------------


def test_login_pages_in_both_languages(panel, office, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    database, user_id = office
    with database.write() as s:  # the list shows who has a counter open
        counters.open_counter(s, 2, actor=Actor(Role.OPERATOR, user_id, "petugas1"), clock=clock)

    fixed = panel(1, password="salah-salah", log_in=False)
    qtbot.keyClick(fixed.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fixed.login.login_error.text() not in ("", "Memeriksa…"), timeout=5000)
    said = both_languages(fixed)
    assert "Nama pengguna atau kata sandi salah" in said["id"] and "Wrong username or password" in said["en"]
    assert "Antrian — Counter 1" in said["en"] and "Log in (Enter)" in said["en"]

    chooser = panel(None, log_in=False)
    qtbot.waitUntil(lambda: chooser.login.counter_choice.count() == 2, timeout=5000)
    chooser.login.counter_choice.setCurrentIndex(1)
    said = both_languages(chooser)
    assert {"Loket 1 · tutup", "Loket 2 · buka (petugas1)"} <= set(said["id"])
    assert {"Counter 1 · closed", "Counter 2 · open (petugas1)"} <= set(said["en"])
    assert chooser.login.counter_choice.currentIndex() == 1  # the choice stays through the switch


# -- the panel at work ---------------------------------------------------------------------------------------


def test_a_morning_at_the_counter_in_both_languages(panel, office, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    database, _ = office
    issue(database, clock, "A", "A", "A")
    issue(database, clock, "B", priority="lansia")
    window = panel(1)
    both_languages(window)  # nobody called yet

    press(qtbot, window, DeskAction.CALL_NEXT)
    press(qtbot, window, DeskAction.HOLD)
    press(qtbot, window, DeskAction.CALL_NEXT)
    press(qtbot, window, DeskAction.NO_SHOW)
    press(qtbot, window, DeskAction.CALL_NEXT)  # two normal calls: the priority ticket is due
    clock.advance(seconds=40)
    press(qtbot, window, DeskAction.RECALL)  # the office's limit is one recall: not present is offered
    assert window.panel.number_label.text() == "B001" and window.panel.offer.isVisible()

    def in_english() -> None:
        assert [b.text().split("\n")[0] for b in window.panel.buttons.values()] == [
            "Call Next", "Recall", "Start Serving", "Finish", "Not Present", "Hold", "Call Number…",
            "Transfer…", "Break…", "Close Counter",
        ]  # fmt: skip
        assert window.panel.status_label.text() == "CALLED · called again 1×"

    said = both_languages(window, in_english=in_english)
    assert "★ Pelayanan Khusus: Lanjut usia" in said["id"] and "★ Priority service: Elderly" in said["en"]
    # the held list's words come from antrian.words
    assert "ditunda" in said["id"] and "on hold" in said["en"]

    do(qtbot, window, DeskAction.START)
    priority = dialog_of(qtbot, window, PriorityDialog)
    said = both_languages(priority)
    assert "Tidak sesuai (T)" in said["id"] and "Not correct (N)" in said["en"]
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        qtbot.mouseClick(priority.yes, Qt.MouseButton.LeftButton)
    wait_view(qtbot, window)

    clock.advance(minutes=17)  # past 80 % of KK's 20 minutes: amber
    window.show_times()
    qtbot.keyClick(window, Qt.Key.Key_F2)  # not allowed while B001 is served: the message line says why
    assert window.panel.message.property("kind") == "error"
    said = both_languages(window)
    assert "Waktu layanan 17 menit / standar 20 menit (85%)" in said["id"]
    assert "Service time 17 minutes / standard 20 minutes (85%)" in said["en"]
    assert any(text.startswith("Call Next: B001 is still at the counter") for text in said["en"])

    do(qtbot, window, DeskAction.TRANSFER)
    both_languages(dialog_of(qtbot, window, ServiceDialog))
    dismiss(qtbot, window)

    window.close()  # B001 still at the counter: leaving says why the counter cannot be closed
    said = both_languages(dialog_of(qtbot, window, LeaveDialog))
    assert any("It cannot be closed yet: B001 is still at the counter" in text for text in said["en"])
    dismiss(qtbot, window)

    press(qtbot, window, DeskAction.FINISH)
    do(qtbot, window, DeskAction.CALL_NUMBER)
    said = both_languages(dialog_of(qtbot, window, NumberDialog))
    assert {
        "A001  —  on hold at this counter",
        "A002  —  not present earlier",
        "A003  —  waiting · KTP",
    } <= set(said["en"])
    assert "A001  —  ditunda di loket ini" in said["id"]
    dismiss(qtbot, window)

    window.close()
    said = both_languages(dialog_of(qtbot, window, LeaveDialog))
    assert "Counter 1 is still open. Close it before leaving?" in said["en"]
    dismiss(qtbot, window)

    do(qtbot, window, DeskAction.CLOSE)
    both_languages(dialog_of(qtbot, window, CloseDialog))
    dismiss(qtbot, window)


def test_a_break_and_an_outage_in_both_languages(panel, office, qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    do(qtbot, window, DeskAction.PAUSE)
    pause = dialog_of(qtbot, window, PauseDialog)
    said = both_languages(pause)
    assert {"Break", "Prayer", "Lunch", "Meeting / coordination", "System problem"} <= set(said["en"])
    assert {"Istirahat", "Salat", "Makan siang", "Rapat / koordinasi", "Gangguan sistem"} <= set(said["id"])
    pause.other.setText("Sholat Jumat")  # typed: it is data, shown as written in both languages
    with qtbot.waitSignal(window.ticketShown, timeout=5000):
        pause.accept()
    wait_view(qtbot, window)
    said = both_languages(window, allowed=(*DATA, "Sholat Jumat"))
    assert "ISTIRAHAT: Sholat Jumat" in said["id"] and "ON A BREAK: Sholat Jumat" in said["en"]
    assert "Open Counter\nF10" in said["en"]

    def unreachable(*_args, **_kw):  # type: ignore[no-untyped-def]
        raise StoreError("desk.offline")  # a code with words in both catalogues

    monkeypatch.setattr(outbox_module, "act", unreachable)
    qtbot.keyClick(window, Qt.Key.Key_F10)  # open the counter again: it waits for the database
    qtbot.waitUntil(lambda: window.banner.cancel_pending.isVisible(), timeout=5000)
    said = both_languages(window)
    assert any(
        text.startswith(words.say(StoreError("desk.offline"), lang="en"))
        and "«Open Counter» may not be saved yet; if not, it will be sent once" in text
        for text in said["en"]
    )
    qtbot.mouseClick(window.banner.cancel_pending, Qt.MouseButton.LeftButton)
    said = both_languages(window)
    assert any(text.startswith("The waiting action was cancelled") for text in said["en"])


def test_a_dialog_open_while_the_language_changes_follows_it(panel, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    do(qtbot, window, DeskAction.CLOSE)
    dialog = dialog_of(qtbot, window, CloseDialog)
    switch_language("en")
    assert (dialog.windowTitle(), dialog.ok.text()) == ("Close Counter", "Close Counter (Enter)")
    assert window.windowTitle() == "Antrian — Counter 1 — petugas1"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # still works: the counter closes
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 0, timeout=5000)
    assert window.panel.message.text() == "Counter 1 closed"


# -- the catalogue ------------------------------------------------------------------------------------------


def test_the_counter_catalogue_is_complete_compiled_and_keeps_placeholders() -> None:
    script = load_script("translations")
    assert [p for p in script.problems() if p.startswith("counter_id.")] == []
    assert placeholder_problems(script.OUT / "counter_id.ts") == []
