"""A counter panel in a process of its own, served by real key presses (multi-process test and benchmark).

The script opens the real ``CounterWindow`` for counter N (offscreen), with the task runner and change
feed every window process has (``gui.app.WindowProcess``), and logs in by pressing Enter in the password
field.
Then it serves the queue the way an operator does: F2 (call next), waited for until ``ticketShown``; F4
(start; a priority claim is confirmed with the dialog's "Ya" button); F5 (finish), each waited for. At
the end it closes the counter (F12, confirmed). The keys go through the window's shortcuts
(``QTest.keyClick``), not ``trigger``.

It writes one JSON line per step on stdout:

    {"ready": N, "user": "..."}                        logged in, the first view on screen
    {"called": id, "number": "A001", "priority": g, "ms": press -> shown}
    {"served": id}                                     F4 and F5 both shown, the ticket done
    {"refused": "message"}                             F2 answered by a message instead of a ticket
    {"done": {"called": n, "refused": n, "f2_enabled": b, "f2_tooltip": "..."}}   nothing more to call
    {"closed": N}                                      F12, confirmed: the counter is closed; exit 0
    {"error": "...", "state": {...}}                   a step failed or timed out, exit 1

The panel stops when F2 is refused and a view read after event ``--until`` shows nothing waiting for the
counter and no ticket at it. The test writes the last issued ticket's event id to that file once it has
issued everything. Without ``--until`` the panel stops at the first such refusal. ``--timeout`` bounds the
whole run.

    python -m tests.gui.panel_process URL --counter N --user U --password P [--until FILE] [--timeout S]

``Panel`` is the driver; ``bench/bench_counter.py`` uses it in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtTest import QTest

from antrian.domain.desk import DeskAction
from antrian.gui.counter.dialogs import CloseDialog, PriorityDialog
from antrian.gui.counter.window import CounterWindow
from antrian.services.desk import DeskResult, DeskView

KEYS = {
    DeskAction.CALL_NEXT: Qt.Key.Key_F2,
    DeskAction.START: Qt.Key.Key_F4,
    DeskAction.FINISH: Qt.Key.Key_F5,
    DeskAction.CLOSE: Qt.Key.Key_F12,
}
STEP_TIMEOUT_S = 15.0
POLL_MS = 10


class PanelError(AssertionError):
    """A step of the panel did not happen as it should (or not within its time)."""


class Panel:
    """Drives one ``CounterWindow`` with real key presses and waits on its signals.

    Every wait runs the Qt event loop until a condition holds, re-checked when one of the given signals
    fires and every 10 ms (a refusal shows only a message, which has no signal), or fails with
    ``PanelError`` at the deadline.
    """

    def __init__(self, window: CounterWindow) -> None:
        self.window = window
        self.shown: DeskResult | None = None
        self.shown_at = self.pressed_at = 0.0
        window.ticketShown.connect(self._on_shown)

    def _on_shown(self, result: DeskResult) -> None:
        self.shown_at = time.perf_counter()  # the clock stops here, right after the window's repaint
        self.shown = result

    # -- waiting --------------------------------------------------------------------------------------
    def wait_until(
        self,
        condition: Callable[[], bool],
        what: str,
        timeout_s: float = STEP_TIMEOUT_S,
        signals: tuple[SignalInstance, ...] = (),
        fail: bool = True,
    ) -> bool:
        if condition():
            return True
        loop = QEventLoop()

        def check(*_: Any) -> None:
            if condition():
                loop.quit()

        for signal in signals:
            signal.connect(check)
        poll = QTimer()
        poll.timeout.connect(check)
        poll.start(POLL_MS)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(int(timeout_s * 1000))
        try:
            loop.exec()
        finally:
            poll.stop()
            deadline.stop()
            for signal in signals:
                signal.disconnect(check)
        if condition():
            return True
        if fail:
            raise PanelError(f"counter {self.window.number}: no {what} within {timeout_s:.0f} s")
        return False

    def refusal(self) -> str | None:
        """The error the panel's message line shows (it was hidden before the key press), if any."""
        message = self.window.panel.message
        if message.isHidden() or message.property("kind") != "error":
            return None
        return str(message.text())

    # -- login ----------------------------------------------------------------------------------------
    def activate(self) -> None:
        """Shortcuts reach only the active window (after a dialog closes, make sure it is ours again)."""
        window = self.window
        if window.isActiveWindow():
            return
        window.activateWindow()
        if not QTest.qWaitForWindowActive(window, 5000):
            raise PanelError(f"counter {window.number}: the panel did not become the active window")

    def log_in(self, timeout_s: float = 30.0) -> DeskView:
        """Press Enter in the password field; wait for ``loggedIn`` and the first view."""
        window = self.window
        window.show()
        self.activate()
        names: list[str] = []
        window.loggedIn.connect(names.append)
        QTest.keyClick(window.login.password, Qt.Key.Key_Return)
        self.wait_until(lambda: bool(names), "login", timeout_s, (window.loggedIn,))
        window.loggedIn.disconnect(names.append)
        self.wait_until(lambda: window.view is not None, "first view", timeout_s, (window.viewApplied,))
        assert window.view is not None
        return window.view

    # -- keys -----------------------------------------------------------------------------------------
    def press(self, action: DeskAction) -> float:
        """Press the action's key through the window's shortcut; returns the perf_counter() just before."""
        self.activate()
        self.window.panel.message.hide()  # the next message is this press's answer
        self.shown = None
        self.pressed_at = time.perf_counter()
        QTest.keyClick(self.window, KEYS[action])
        return self.pressed_at

    def answer(self, action: DeskAction, what: str) -> DeskResult | str:
        """Wait for the result of the key just pressed: the ticket shown, or the refusal message."""
        self.wait_until(
            lambda: self.shown is not None or self.refusal() is not None,
            what,
            signals=(self.window.ticketShown,),
        )
        if self.shown is None:
            return self.refusal() or ""
        if self.shown.action is not action:
            raise PanelError(f"counter {self.window.number}: {action.value} showed {self.shown.action.value}")
        return self.shown

    def call_next(self) -> tuple[DeskResult | str, float]:
        """F2: (the result, press -> shown in ms) or (the refusal message, 0)."""
        started = self.press(DeskAction.CALL_NEXT)
        outcome = self.answer(DeskAction.CALL_NEXT, "answer to F2")
        if isinstance(outcome, str):
            return outcome, 0.0
        if outcome.ticket is None or outcome.ticket.counter != self.window.number:
            raise PanelError(f"counter {self.window.number}: F2 showed {outcome.ticket}")
        return outcome, (self.shown_at - started) * 1000

    def serve(self, called: DeskResult) -> None:
        """F4 (confirming a priority claim in its dialog), then F5: the called ticket ends done."""
        ticket = called.ticket
        assert ticket is not None
        window = self.window
        self.press(DeskAction.START)
        self.wait_until(
            lambda: self.shown is not None or window.dialog is not None or self.refusal() is not None,
            "answer to F4",
            signals=(window.ticketShown,),
        )
        if window.dialog is not None:
            dialog = window.dialog
            if not isinstance(dialog, PriorityDialog) or not ticket.priority_group:
                raise PanelError(f"F4 on {ticket.number} opened {type(dialog).__name__}")
            self.wait_until(dialog.isVisible, "priority dialog shown")
            QTest.mouseClick(dialog.yes, Qt.MouseButton.LeftButton)
        elif ticket.priority_group:
            raise PanelError(f"F4 on priority ticket {ticket.number} did not ask to check the claim")
        for action, status in ((DeskAction.START, "serving"), (DeskAction.FINISH, "done")):
            if action is DeskAction.FINISH:
                self.press(action)
            outcome = self.answer(action, f"answer to {KEYS[action].name}")
            if isinstance(outcome, str):
                raise PanelError(f"{action.value} of {ticket.number} refused: {outcome}")
            if outcome.ticket is None or outcome.ticket.id != ticket.id or outcome.ticket.status != status:
                raise PanelError(f"{action.value} of {ticket.number} showed {outcome.ticket}")

    def close_counter(self) -> None:
        """F12, confirmed in its dialog: the counter closes and the panel goes back to the login page."""
        window = self.window
        self.press(DeskAction.CLOSE)
        self.wait_until(
            lambda: isinstance(window.dialog, CloseDialog) or self.refusal() is not None, "answer to F12"
        )
        if window.dialog is None:
            raise PanelError(f"counter {window.number}: F12 refused: {self.refusal()}")
        dialog = window.dialog
        self.wait_until(dialog.isVisible, "close dialog shown")
        QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        self.wait_until(lambda: window.actor is None or self.refusal() is not None, "counter closed")
        if window.actor is not None:
            raise PanelError(f"counter {window.number}: closing refused: {self.refusal()}")

    def shut_down(self, app_windows: Any) -> None:
        """End the process's event loop. A panel still logged in (a failed run) would ask whether to close
        the counter first (``closeEvent``); it is hidden instead, so that quitting cannot hang."""
        if self.window.actor is not None:
            if self.window.dialog is not None:
                self.window.dialog.reject()
            self.window.hide()
        QTimer.singleShot(0, app_windows.app.quit)
        app_windows.run()  # the loop runs once more: the feed closes, the runner's tasks finish
        self.window.close()

    def fresh_view(self, after_event: int, timeout_s: float = STEP_TIMEOUT_S) -> DeskView:
        """A view that includes every event up to ``after_event`` (``desk_view`` reads the head first)."""
        window = self.window
        window.refresh()
        self.wait_until(
            lambda: window.view is not None and window.view.event_id >= after_event,
            f"view including event {after_event}",
            timeout_s,
            (window.viewApplied,),
        )
        assert window.view is not None
        return window.view

    def state(self) -> dict[str, Any]:
        """What the panel shows, for a failure report."""
        view = self.window.view
        return {
            "message": self.window.panel.message.text(),
            "message_hidden": self.window.panel.message.isHidden(),
            "dialog": type(self.window.dialog).__name__ if self.window.dialog is not None else None,
            "active": self.window.isActiveWindow(),
            "current": view.current.number if view and view.current else None,
            "waiting": view.waiting_total if view else None,
            "event_id": view.event_id if view else None,
        }


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def read_until(path: Path | None) -> int | None:
    """The event id the test wrote after its last ticket, or None before then (0 without ``--until``)."""
    if path is None:
        return 0
    try:
        return int(path.read_text())
    except (FileNotFoundError, ValueError):
        return None


def serve_queue(panel: Panel, until: Path | None, timeout_s: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    called = refused = 0
    while True:
        if time.monotonic() > deadline:
            raise PanelError(f"counter {panel.window.number}: still serving after {timeout_s:.0f} s")
        outcome, ms = panel.call_next()
        if isinstance(outcome, DeskResult):
            ticket = outcome.ticket
            assert ticket is not None
            called += 1
            emit({"called": ticket.id, "number": ticket.number, "priority": ticket.priority_group, "ms": ms})
            panel.serve(outcome)
            emit({"served": ticket.id})
            continue
        refused += 1
        emit({"refused": outcome})
        last = read_until(until)  # read before the view, so the view is at least as new
        if last is not None:
            view = panel.fresh_view(last)
            if view.waiting_total == 0 and view.current is None:
                button = panel.window.panel.buttons[DeskAction.CALL_NEXT]
                return {
                    "called": called,
                    "refused": refused,
                    "f2_enabled": button.isEnabled(),
                    "f2_tooltip": button.toolTip(),
                }
        else:  # more tickets may come: wait for the feed to bring a change (or half a second)
            window, seen = panel.window, panel.window.view
            panel.wait_until(
                lambda w=window, v=seen: w.view is not v, "change", 0.5, (window.viewApplied,), fail=False
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--counter", type=int, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--until", type=Path)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    from antrian.gui.app import WindowProcess
    from antrian.store.database import open_database

    database = open_database(args.url)
    shared = WindowProcess(database)
    window = CounterWindow(
        database, shared.background, number=args.counter, username=args.user, password=args.password
    )
    shared.attach(window)
    window.resize(1366, 740)
    panel = Panel(window)
    code = 0
    try:
        panel.log_in()
        emit({"ready": args.counter, "user": args.user})
        emit({"done": serve_queue(panel, args.until, args.timeout)})
        panel.close_counter()
        emit({"closed": args.counter})
    except Exception as error:
        emit({"error": "".join(traceback.format_exception(error)), "state": panel.state()})
        code = 1
    panel.shut_down(shared)
    database.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
