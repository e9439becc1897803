"""Leaving the kiosk without an admin PIN: explained to staff on the PC's first start, once, and whenever
Esc is pressed; never a silent key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from antrian.gui.kiosk.exit import PIN_VARIABLE
from antrian.gui.kiosk.pages import HOME, NOTE
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner
from antrian.store.database import Database


def settle(runner: TaskRunner) -> None:
    """Every background task done and its answer delivered."""
    assert runner.wait()
    QApplication.processEvents()


def make(qtbot: QtBot, db: Database, runner: TaskRunner, **options: object) -> KioskWindow:
    window = KioskWindow(db, lambda w, d: runner.submit(w, d, d), print_slip=None, **options)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: len(window.grid.buttons) == 3, timeout=5000)
    settle(runner)
    return window


def test_the_first_start_without_a_pin_tells_staff_how_to_leave_once(
    qtbot: QtBot, office_db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "antrian.toml"
    monkeypatch.setenv("ANTRIAN_CONFIG", str(config))
    marker = tmp_path / "state" / "kiosk-note-read"
    runner = TaskRunner()
    window = make(qtbot, office_db, runner, exit_pin=None, note_marker=marker)
    assert window.pages.currentIndex() == NOTE
    body = window.note.body.text()
    assert PIN_VARIABLE in body and "[kiosk]" in body and str(config) in body
    assert "Esc" in body and window.note.leave_button.text() == "Keluar dari layar penuh"
    assert not marker.exists(), "read only once it is closed"
    qtbot.mouseClick(window.note.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == HOME
    qtbot.waitUntil(marker.exists, timeout=5000)  # written off the GUI thread

    again = make(qtbot, office_db, runner, exit_pin=None, note_marker=marker)
    assert again.pages.currentIndex() == HOME, "the next morning's citizens see the services"
    settle(runner)


def test_a_pin_means_no_note_and_the_demo_shows_none(
    qtbot: QtBot, office_db: Database, tmp_path: Path
) -> None:
    runner = TaskRunner()
    marker = tmp_path / "never"
    assert make(qtbot, office_db, runner, exit_pin="2468", note_marker=marker).pages.currentIndex() == HOME
    assert make(qtbot, office_db, runner, exit_pin=None).pages.currentIndex() == HOME
    settle(runner)
    assert not marker.exists()


def test_esc_without_a_pin_explains_and_can_leave_full_screen(qtbot: QtBot, office_db: Database) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = make(qtbot, office_db, runner, exit_pin=None)
    window.showFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentIndex() == NOTE and window.isFullScreen()
    qtbot.mouseClick(window.note.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == HOME and window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.note.leave_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == HOME and not window.isFullScreen()
    settle(runner)


def test_an_unwritable_state_folder_is_logged_and_the_kiosk_goes_on(
    qtbot: QtBot, office_db: Database, tmp_path: Path, caplog
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    runner = TaskRunner()
    window = make(qtbot, office_db, runner, exit_pin=None, note_marker=blocker / "marker")
    assert window.pages.currentIndex() == NOTE
    qtbot.mouseClick(window.note.back_button, Qt.MouseButton.LeftButton)
    settle(runner)
    assert "could not remember that its note was read" in caplog.text
    assert window.pages.currentIndex() == HOME and window.grid.buttons["A"].isEnabled()
