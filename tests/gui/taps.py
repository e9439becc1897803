"""A kiosk tap whose answer is a refusal: waited for on the window, where the citizen reads it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from antrian.gui.kiosk.window import KioskWindow


def take_refused(qtbot: QtBot, window: KioskWindow, code: str) -> str:
    """``window.take(code)`` and wait for the title to change from what it says now (a refusal replaces
    the greeting or the previous refusal); returns the new title."""
    before = window.title.text()
    window.take(code)
    qtbot.waitUntil(lambda: window.title.text() != before, timeout=5000)
    return window.title.text()
