"""The counter panel's honest details (issue 12): hints name only allowed keys, empty lists say so, times
carry their unit, messages sit above the buttons and errors stay, and the mark that the waiting-room display
cannot speak, learnt through the database, from a real display window too."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.desk import DeskAction
from antrian.domain.errors import StoreError
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.gui.counter import messages as messages_module
from antrian.gui.counter.window import CounterWindow
from antrian.gui.station_report import StationReporter, station_name
from antrian.services.queries import events_after
from antrian.services.results import EventInfo
from antrian.services.stations import StationKind, report_station
from antrian.store.database import Database
from tests.gui.test_counter import cell, issue, panels, press, refresh, rows, wait_view


@pytest.fixture
def panel(qtbot: QtBot, users: Database, clock: FixedClock) -> Iterator[Callable[..., CounterWindow]]:
    with panels(qtbot, users, clock) as make:
        yield make


@pytest.fixture
def users(office_db: Database) -> Database:
    from antrian.services.users import create_user

    with office_db.write() as s:
        create_user(s, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    return office_db


def feed(db: Database, window: CounterWindow, after: int = 0) -> list[EventInfo]:
    """What the change feed would hand the panel: every event after ``after``."""
    with db.read() as s:
        events = events_after(s, after)
    window.handle_events(events)
    return events


def settle(qtbot: QtBot, window: CounterWindow) -> None:
    """The re-read that fed events prompt has landed: nothing arrives after the window has gone."""
    qtbot.waitUntil(lambda: not window.reading, timeout=5000)


# -- hints --------------------------------------------------------------------------------------------


def test_the_hint_line_names_a_key_only_while_its_action_is_allowed(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    # nobody waits: F2 is disabled, and the line says why instead of "press F2"
    assert not window.panel.buttons[DeskAction.CALL_NEXT].isEnabled()
    assert window.panel.status_label.text() == "Tidak ada warga yang menunggu layanan loket ini"
    issue(users, clock, "A")
    refresh(qtbot, window)
    assert window.panel.buttons[DeskAction.CALL_NEXT].isEnabled()
    assert window.panel.status_label.text() == "Tekan F2 untuk memanggil warga berikutnya"
    window.set_online(False, StoreError("store.unreachable", database="kantor"))
    assert (
        "F2" not in window.panel.status_label.text()
        and not window.panel.buttons[DeskAction.CALL_NEXT].isEnabled()
    )
    assert window.panel.status_label.text() == words.text("desk.offline")
    window.set_online(True)
    wait_view(qtbot, window)
    assert window.panel.status_label.text() == "Tekan F2 untuk memanggil warga berikutnya"
    # the held / missed list offers Enter to call only while calling by number is allowed and the list
    # has someone to call
    assert window.panel.buttons[DeskAction.CALL_NUMBER].isEnabled()
    assert window.lists.others_title.text() == "Ditunda / tidak hadir di loket ini"
    press(qtbot, window, DeskAction.CALL_NEXT)
    assert not window.panel.buttons[DeskAction.CALL_NUMBER].isEnabled()
    assert window.lists.others_title.text() == "Ditunda / tidak hadir di loket ini"
    press(qtbot, window, DeskAction.HOLD)
    qtbot.waitUntil(lambda: rows(window.lists.others) == 1, timeout=5000)
    assert window.panel.buttons[DeskAction.CALL_NUMBER].isEnabled()
    assert window.lists.others_title.text().endswith("(Enter atau klik dua kali: panggil)")


def test_the_no_show_offer_names_f6_only_while_it_works(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    window = panel(1)
    press(qtbot, window, DeskAction.CALL_NEXT)
    for _ in range(3):  # the office's recall limit
        press(qtbot, window, DeskAction.RECALL)
    assert (
        window.panel.offer.isVisible()
        and "Tekan F6" in window.panel.offer.text()
        and "F8" not in window.panel.offer.text()
    )
    window.set_online(False, StoreError("store.unreachable", database="kantor"))
    assert window.panel.offer.isVisible() and "F6" not in window.panel.offer.text()


# -- empty lists, units -------------------------------------------------------------------------------


def test_empty_lists_read_as_empty(panel, users: Database, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    assert rows(window.lists.waiting) == 0 and window.lists.waiting_empty.isVisible()
    assert window.lists.waiting_empty.text() == "Tidak ada yang menunggu"
    assert window.lists.waiting_title.text() == "Menunggu: tidak ada"
    assert rows(window.lists.others) == 0 and window.lists.others_empty.isVisible()
    assert (
        window.lists.others_empty.text()
        == "Hari ini tidak ada nomor yang ditunda atau tidak hadir di loket ini"
    )
    assert window.lists.waiting_empty.geometry().intersects(window.lists.waiting.viewport().rect())
    issue(users, clock, "A", "B")
    refresh(qtbot, window)
    assert rows(window.lists.waiting) == 2 and not window.lists.waiting_empty.isVisible()
    press(qtbot, window, DeskAction.CALL_NEXT)
    press(qtbot, window, DeskAction.HOLD)
    assert rows(window.lists.others) == 1 and not window.lists.others_empty.isVisible()


def test_times_say_their_unit(panel, users: Database, qtbot: QtBot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    issue(users, clock, "A")
    clock.advance(minutes=12, seconds=30)
    window = panel(1)
    assert cell(window.lists.waiting, 0, 2) == "12 menit"
    press(qtbot, window, DeskAction.CALL_NEXT)
    assert window.panel.waited_label.text() == "Menunggu 12 menit"
    assert window.panel.called_label.text() == "Dipanggil kurang dari 1 menit lalu"
    press(qtbot, window, DeskAction.START)
    clock.advance(minutes=13)
    window.show_times()
    # standard 15 minutes: 13 of them is 87 %, past the 80 % warning
    assert window.panel.service_time_label.text() == "Waktu layanan 13 menit / standar 15 menit (87%)"
    clock.advance(hours=1)
    press(qtbot, window, DeskAction.FINISH)
    assert "rata-rata waktu layanan 1 jam 13 menit" in window.panel.stats.text()


# -- messages -----------------------------------------------------------------------------------------


def test_messages_sit_above_the_buttons_large_and_errors_stay(
    panel, users: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(messages_module, "INFO_MS", 50)  # a result fades in 50 ms, not 10 s
    monkeypatch.setattr(messages_module, "WARN_MS", 50)
    window = panel(1)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # nothing at the counter to finish
    bar = window.panel.message
    assert bar.isVisible() and bar.property("kind") == "error"
    assert bar.text() == "Selesai: Belum ada nomor yang dipanggil ke loket ini"
    # between the ticket card and the buttons, as wide as the buttons' column
    buttons = window.panel.buttons[DeskAction.CALL_NEXT]
    top_of_buttons = buttons.mapTo(window, buttons.rect().topLeft()).y()
    bottom_of_bar = bar.mapTo(window, bar.rect().bottomLeft()).y()
    assert 0 <= top_of_buttons - bottom_of_bar <= 20
    assert bar.label.font().pixelSize() > window.lists.waiting.font().pixelSize()
    assert bar.label.font().bold()
    qtbot.wait(300)  # the behaviour under test: an error outlasts a result's (patched) fade six times over
    assert bar.isVisible(), "an error stays until replaced or dismissed"
    bar.dismiss.click()
    assert not bar.isVisible()
    window.show_message("A001 dipanggil")
    assert bar.isVisible() and bar.property("kind") == "info"
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)  # a result fades by itself


# -- the voice mark -----------------------------------------------------------------------------------


def test_the_voice_mark_follows_the_displays_reports(
    panel, users: Database, qtbot: QtBot, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    window = panel(1)
    assert not window.header.voice_mark.isVisible()
    problem = Message("speech.engine_unavailable", detail="espeak-ng not found")
    with users.write() as s:
        report_station(s, StationKind.DISPLAY, "pc-lobby", problem, clock=clock)
    feed(users, window)
    qtbot.waitUntil(window.header.voice_mark.isVisible, timeout=5000)
    assert window.header.voice_mark.text() == "⚠ Panggilan tidak bersuara"
    tip = window.header.voice_mark.toolTip()
    assert "warga tidak mendengar nomornya dipanggil" in tip
    assert "• Layar pc-lobby: Mesin suara tidak tersedia: espeak-ng not found" in tip
    # the mark sits in the header, beside the counter's state
    assert window.header.voice_mark.parent() is window.header.state_badge.parent()
    with users.read() as s:
        last = events_after(s, 0)[-1].id
    with users.write() as s:
        report_station(s, StationKind.DISPLAY, "pc-lobby", None, clock=clock)
    feed(users, window, last)
    qtbot.waitUntil(lambda: not window.header.voice_mark.isVisible(), timeout=5000)
    assert window.header.voice_mark.toolTip() == ""
    settle(qtbot, window)


def test_a_silent_display_window_reaches_the_panel_through_the_database(
    panel, users: Database, qtbot: QtBot, clock: FixedClock, audio_sink: str
) -> None:  # type: ignore[no-untyped-def]
    """A real display whose announcer cannot speak (the office's voice is not installed, or no audio output
    here): it reports in the background, and a counter panel on the same database shows the mark."""
    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.services import counters, queue
    from antrian.services.display import VoiceSettings, save_voice_settings
    from antrian.voice.announcer import Announcer

    with users.write() as s:
        save_voice_settings(s, VoiceSettings(voice="zz-none"), actor=SYSTEM)
    window = panel(1)
    runner = TaskRunner()
    announcer = Announcer(VoiceSettings(voice="zz-none"))
    display = DisplayWindow(users, lambda w, d: runner.submit(w, d, d), announcer=announcer)
    qtbot.addWidget(display)
    display.show()
    try:
        qtbot.waitUntil(lambda: display.snapshot is not None, timeout=5000)  # later events are live calls
        with users.read() as s:
            start = events_after(s, 0)[-1].id
        with users.write() as s:  # a call makes the announcer try its voice
            queue.issue_ticket(s, "A", clock=clock)
            counters.open_counter(s, 2, actor=SYSTEM, clock=clock)
            queue.call_next(s, 2, actor=SYSTEM, clock=clock)
        with users.read() as s:
            display.handle_events(events_after(s, start))
        qtbot.waitUntil(lambda: announcer.problem is not None, timeout=20000)
        reporter = display.findChild(StationReporter)
        assert reporter is not None and reporter.name == station_name()

        def reported() -> bool:
            return any(e.kind == "station_changed" for e in feed(users, window, start))

        qtbot.waitUntil(reported, timeout=10000)
        qtbot.waitUntil(window.header.voice_mark.isVisible, timeout=5000)
        assert (
            f"• Layar {station_name()}: {words.say(announcer.problem)}" in window.header.voice_mark.toolTip()
        )
        assert display.voice_status.isVisible()
        # the panel's own re-read, prompted by the same events, lands before the window goes
        qtbot.waitUntil(lambda: not window.reading, timeout=5000)
    finally:
        announcer.close()
        display.close()
        runner.wait()
