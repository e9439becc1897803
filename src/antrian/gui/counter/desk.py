"""The open counter at work: what the panel shows of it and what the operator does at it.

The counter's view is read off the GUI thread (``reader.ViewReader``) after each change the feed reports and
after each action, and shown in the panel's parts (top bar, ticket, buttons, lists). An action runs through
``services.desk.act`` on the task runner (``outbox.Outbox``), carrying the token of the view the operator
acted on, so an action is never done twice: if the database is gone when it is sent, it waits (banner,
cancellable) and is sent again, once, when the database is back; if it had in fact been saved, the token no
longer matches and nothing more happens.

Signals:
    ticketShown(object): an action's ticket is on screen (``DeskResult``), right after the repaint.
    viewApplied(object): a ``DeskView`` has been applied.
    closed(bool): the counter has been closed; True: the window is to close too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from antrian import words
from antrian.domain.desk import DeskAction
from antrian.domain.errors import AntrianError, StaleView, StoreError
from antrian.domain.messages import Message
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock
from antrian.gui.counter.actions import question
from antrian.gui.counter.banner import Banner
from antrian.gui.counter.header import CounterHeader, office_tz
from antrian.gui.counter.lists import QueueLists
from antrian.gui.counter.outbox import Outbox, Request, answered_view
from antrian.gui.counter.panel import Panel
from antrian.gui.counter.reader import ViewReader
from antrian.gui.counter.rules import break_key, refused
from antrian.gui.counter.texts import DONE, NAMES, error_words, say
from antrian.gui.tasks import Background
from antrian.services.desk import DeskResult, DeskView
from antrian.services.results import EventInfo
from antrian.store.database import Database


class Desk(QObject):
    """Counter ``number`` open for ``actor`` in ``window`` (None: no counter is open)."""

    ticketShown = Signal(object)
    viewApplied = Signal(object)
    closed = Signal(bool)

    def __init__(
        self,
        database: Database,
        run_in_background: Background,
        clock: Clock,
        window: QWidget,
        parts: tuple[CounterHeader, Panel, QueueLists, Banner],
    ) -> None:
        super().__init__(window)
        self._window, self._clock = window, clock
        self.header, self.panel, self.lists, self.banner = parts
        self.actor: Actor | None = None
        self.number: int | None = None
        self.view: DeskView | None = None
        self.asked: QDialog | None = None  # the question open now, before an action or on leaving
        self._online = True
        self._min_event_id = 0
        self._leave = False  # the counter is being closed because the window is
        # why the database cannot be used, shown in the banner: the feed's cause (it stays until the feed
        # says the cause has gone) or the last failed read or action's
        self._feed_problem: AntrianError | None = None
        self._problem: AntrianError | None = None
        self.reader = ViewReader(database, run_in_background, clock, self)
        self.reader.read.connect(self._apply_view)
        self.reader.failed.connect(self._read_failed)
        self.outbox = Outbox(database, run_in_background, clock, self)
        self.outbox.sending.connect(self.reader.hold_back)  # its own read follows: none competes for the CPU
        self.outbox.slow.connect(self._answer_is_slow)
        self.outbox.kept.connect(self._kept)
        self.outbox.answered.connect(self._answered)
        self.panel.pressed.connect(self.trigger)
        self.lists.callChosen.connect(self._call_chosen)
        self.banner.cancelled.connect(self.cancel_request)

    def open(self, actor: Actor, number: int) -> None:
        """Counter ``number`` is open for ``actor`` (its view is read by ``refresh``)."""
        self.actor, self.number = actor, number
        self.reader.number = number

    def _close(self) -> None:
        self.actor = None
        self.view = None
        self.reader.hold_back()

    # -- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.actor is not None:
            self.reader.request()

    def _read_failed(self, error: Exception) -> None:
        """A failed read: the database gone shows the banner; anything else is said in the message line."""
        if isinstance(error, StoreError):
            self._problem = error
            self._online = False
            self.show_banner()
            self.show_rules()
        else:
            self.say(error_words(error), "error")

    def handle_events(self, events: list[EventInfo]) -> None:
        """Any change may move this counter's queue: re-read, off the GUI thread, in a moment (the panel's
        own actions show at once)."""
        self.header.voice_mark.handle_events(events)
        if events and self.actor is not None and not self.outbox.in_flight:
            self.reader.request_soon()

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        self._feed_problem = None if online else problem
        self._online = online
        self._problem = self._feed_problem
        self.show_banner()
        if online:
            self.refresh()
            self.outbox.send()
        self.show_rules()

    def _apply_view(self, view: DeskView) -> None:
        if self.actor is None or view.counter != self.number:
            return
        if view.event_id < self._min_event_id:
            return  # read before this panel's own last action landed; a newer read follows
        self.view = view
        if not self._online and self._feed_problem is None:  # a read got through: the database is back
            self._online = True
            self._problem = None
            self.outbox.send()
        self.show_banner()
        self.show_view(view)
        self.viewApplied.emit(view)

    # -- showing --------------------------------------------------------------------------------------
    def show_view(self, view: DeskView) -> None:
        self.header.show_view(view)
        self.panel.label_buttons(view)
        self.panel.show_ticket(view)
        self.lists.show_view(view, self._clock())
        self.panel.show_stats(view)
        self.show_rules()
        self.show_times()

    def show_times(self) -> None:
        """The clock, and the times that run on between reads (as every second)."""
        now, view = self._clock(), self.view
        self.header.show_clock(now, office_tz(view))
        if view is not None:
            self.lists.show_times(now)
        self.panel.show_times(view, now)

    def refusals(self) -> dict[DeskAction, Message | None]:
        """Why each action is not allowed now (None: it is)."""
        return refused(self.view, self.actor, online=self._online and self.outbox.pending is None)

    def show_rules(self) -> None:
        found, view = self.refusals(), self.view
        self.panel.show_rules(found, view)
        self.lists.show_hint(
            found[DeskAction.CALL_NUMBER] is None and view is not None and bool(view.held or view.missed)
        )

    def say(self, said: Callable[[], str], kind: str = "info") -> None:
        """The message bar with the words ``said`` makes, now and again after a language change."""
        self.panel.message.say(said, kind)

    def show_banner(self) -> None:
        self.banner.show_state(self._online, self._problem, self.outbox.pending)

    # -- actions --------------------------------------------------------------------------------------
    def trigger(self, action: DeskAction) -> None:
        """A button or key: do ``action`` if the rules allow it now, else say why not."""
        if self.actor is None or self.asked is not None:
            return
        if self.outbox.pending is not None:
            if self._online:
                if not self.outbox.answer_due:  # a slow answer: say why the key does nothing
                    self.say(
                        lambda: self.tr("The previous action is still waiting for the database's answer"),
                        "warn",
                    )
                return
            self.say(
                lambda: self.tr(
                    "The previous action is still waiting for the connection; cancel it first if need be"
                ),
                "warn",
            )
            return
        if action is DeskAction.PAUSE:
            action = break_key(self.view)
        if not self._allowed(action):
            return
        expect = self.view.token if self.view else None
        asked = question(action, self._window, self.view, self.number or 0)
        if asked is None:
            self._submit(action, expect)
        else:
            params = asked.params
            self.ask(asked.dialog, lambda: self._submit(action, expect, **params()))

    def ask(self, dialog: QDialog, then: Callable[[], None]) -> None:
        """Open ``dialog``; ``then`` runs when it is accepted."""
        self.asked = dialog
        dialog.accepted.connect(then)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        if self.asked is not None:
            self.asked.deleteLater()
        self.asked = None
        self._window.activateWindow()  # the function keys are the window's: they work again at once
        current = self.panel.buttons[DeskAction.CALL_NEXT]
        (current if current.isEnabled() else self._window).setFocus()

    def _allowed(self, action: DeskAction) -> bool:
        """False, after saying why in the message line, when ``action`` is not allowed now."""
        reason = self.refusals()[action]
        if reason is None:
            return True
        self.say(
            lambda: self.tr("{action}: {reason}").format(action=say(NAMES[action]), reason=words.say(reason)),
            "error",
        )
        return False

    def _call_chosen(self, number: str) -> None:
        if self._allowed(DeskAction.CALL_NUMBER):
            self._submit(DeskAction.CALL_NUMBER, self.view.token if self.view else None, ticket=number)

    def close_counter(self, *, leave: bool) -> None:
        """Close the counter without asking (the window asked); ``leave``: then close the window too."""
        self._leave = leave
        self._submit(DeskAction.CLOSE, self.view.token if self.view else None)

    def _submit(self, action: DeskAction, expect: str | None, **params: Any) -> None:
        if self.actor is not None and self.number is not None:
            self.outbox.submit(action, expect, self.actor, self.number, **params)

    def cancel_request(self) -> None:
        """Drop the action waiting for the database (the operator decided otherwise)."""
        if self.outbox.cancel():
            self.show_banner()
            self.show_rules()
            self.say(
                lambda: self.tr(
                    "The waiting action was cancelled: it will not be sent again. If it was saved before the "
                    "connection was lost, the screen shows it when the connection is back."
                ),
                "warn",
            )

    def _answer_is_slow(self) -> None:
        self.say(lambda: self.tr("Waiting for the database's answer… (slow or broken network)"), "warn")

    def _kept(self, error: StoreError) -> None:
        """Not saved, or saved and the answer lost: the banner says it is kept to be sent again."""
        self._problem = error
        self._online = False
        self.show_banner()
        self.show_rules()

    def _answered(self, request: Request, result: DeskResult | Exception) -> None:
        # The database answered: online again, unless the feed still reports a cause.
        self._online = self._feed_problem is None
        self._problem = self._feed_problem
        if isinstance(result, Exception):
            self._leave = False  # the counter was not closed: the window stays
            if isinstance(result, StaleView) and request.attempts > 1:
                self.say(
                    lambda: self.tr(
                        "The last action was already saved before the connection was lost (or the counter "
                        "was changed from another PC); it is not repeated. The screen is up to date."
                    ),
                    "warn",
                )
            else:
                self.say(error_words(result), "error")
            self.show_banner()
            self.show_rules()
            self.refresh()
            return
        self._min_event_id = max(self._min_event_id, result.event_id)
        self.show_banner()
        self._show_result(result)
        self.refresh()

    def _show_result(self, result: DeskResult) -> None:
        """Show what the action did at once; the full view follows from the refresh."""
        if self.view is not None:
            self.view = answered_view(self.view, result, self.number)
        ticket = result.ticket
        if ticket is not None and result.action in DONE:
            done = DONE[result.action]
            self.say(lambda: say(done).format(ticket=ticket.number))
        elif result.action is DeskAction.PAUSE:
            self.say(lambda: self.tr("Counter on a break: no calls until it is opened again (F10)"))
        elif result.action is DeskAction.OPEN:
            self.say(lambda: self.tr("Counter open again"))
        self.panel.show_ticket(self.view)
        self.show_rules()
        self.show_times()
        if result.action is DeskAction.CLOSE:
            number = self.number
            self.say(lambda: self.tr("Counter {number} closed").format(number=number))
            self._close()
            self.closed.emit(self._leave)
            return
        self.panel.repaint()  # the ticket, the message and the buttons now; the lists follow with their read
        self.ticketShown.emit(result)
