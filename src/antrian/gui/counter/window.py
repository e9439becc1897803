"""The counter operator's panel (loket): log in, then call, serve and pass citizens on, mostly by keyboard.

Two pages: the login (``login.CounterLogin``) and the panel: the top bar (``header.CounterHeader``), the
current ticket, the message bar and the buttons (``panel.Panel``), and the lists (``lists.QueueLists``),
under the banner shown while the database cannot be used (``banner.Banner``). This module assembles them,
says their texts in the interface language, sizes them to the screen, and asks before the window closes on
an open counter; the counter at work (its view, the operator's actions by button and key) is ``desk.Desk``.

Signals:
    ticketShown(object): an action's ticket is on screen (``DeskResult``), right after the repaint.
    viewApplied(object): a ``DeskView`` has been applied.
    loggedIn(str): the operator is logged in and the counter is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.desk import DeskAction
from antrian.domain.errors import AntrianError
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, system_clock
from antrian.gui import theme
from antrian.gui.counter.actions import install_shortcuts
from antrian.gui.counter.banner import Banner
from antrian.gui.counter.desk import Desk
from antrian.gui.counter.dialogs import LeaveDialog
from antrian.gui.counter.header import CounterHeader
from antrian.gui.counter.lists import QueueLists
from antrian.gui.counter.login import CounterLogin
from antrian.gui.counter.look import size, unit_of
from antrian.gui.counter.panel import Panel
from antrian.gui.tasks import Background
from antrian.gui.theme.metrics import PANEL
from antrian.services.desk import DeskView
from antrian.services.results import EventInfo
from antrian.store.database import Database


class CounterWindow(QWidget):
    """The loket panel for one counter (``number``), or a counter chosen at login when None."""

    ticketShown = Signal(object)
    viewApplied = Signal(object)
    loggedIn = Signal(str)

    def __init__(
        self,
        database: Database,
        run_in_background: Background,
        *,
        number: int | None = None,
        clock: Clock = system_clock,
        username: str = "",
        password: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName("counter")
        theme.apply(self, "counter")
        self._may_close = False
        self.login = CounterLogin(
            database, run_in_background, clock, number=number, username=username, password=password
        )
        self.login.opened.connect(self._opened)
        self.header = CounterHeader(database, run_in_background, clock)
        self.panel = Panel()
        self.lists = QueueLists()
        self.banner = Banner()
        self.desk = Desk(
            database, run_in_background, clock, self, (self.header, self.panel, self.lists, self.banner)
        )
        self.desk.ticketShown.connect(self.ticketShown)
        self.desk.viewApplied.connect(self.viewApplied)
        self.desk.closed.connect(self._closed)
        self._build()
        install_shortcuts(self, self.trigger, self.cancel_request)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.show_times)
        self.login.load_counters()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.banner)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        self.pages.addWidget(self.login)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        body = QHBoxLayout()
        body.setContentsMargins(12, 0, 12, 12)
        body.setSpacing(12)
        body.addWidget(self.panel, 3)
        body.addWidget(self.lists, 2)
        layout.addLayout(body, 1)
        self.pages.addWidget(page)
        self.retranslate()

    # -- what the window shows ------------------------------------------------------------------------
    @property
    def actor(self) -> Actor | None:
        """The operator logged in (None: the login page is shown)."""
        return self.desk.actor

    @property
    def number(self) -> int | None:
        """The counter open now, else the one this PC opens (None: chosen at login)."""
        return self.desk.number if self.desk.actor is not None else self.login.number

    @property
    def view(self) -> DeskView | None:
        """The counter's view shown now."""
        return self.desk.view

    @property
    def dialog(self) -> QDialog | None:
        """The question open now: before an action, on leaving, or before taking a counter over."""
        return self.desk.asked if self.desk.asked is not None else self.login.dialog

    @property
    def reading(self) -> bool:
        """A re-read of the counter's view is due or on its way."""
        return self.desk.reader.reading

    def log_in(self) -> None:
        self.login.log_in()

    def refresh(self) -> None:
        self.desk.refresh()

    def trigger(self, action: DeskAction) -> None:
        """A button or key: do ``action`` if the rules allow it now, else say why not."""
        self.desk.trigger(action)

    def cancel_request(self) -> None:
        """Drop the action waiting for the database (the operator decided otherwise)."""
        self.desk.cancel_request()

    def handle_events(self, events: list[EventInfo]) -> None:
        """The change feed's events: any change may move this counter's queue."""
        self.desk.handle_events(events)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """The change feed's word on the database: usable, or not and why."""
        self.desk.set_online(online, problem)

    def show_message(self, text: str, kind: str = "info") -> None:
        """The panel's message bar above the buttons (``messages.MessageBar``: errors stay, results fade)."""
        self.desk.say(lambda: text, kind)

    def show_times(self) -> None:
        """The clock, and the times that run on between reads (as every second)."""
        self.desk.show_times()

    def allow_close(self) -> None:
        """Let the window close without asking about the open counter (it stays open)."""
        self._may_close = True

    # -- language and size ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Say every text again in the interface language (set by ``gui.i18n.set_language``): the fixed ones,
        and those made from what the panel last showed (view, ticket, rules, banner, messages)."""
        view = self.desk.view
        self.banner.retranslate()
        self.login.retranslate()
        self.panel.label_buttons(view)
        self.lists.retranslate()
        if view is not None:
            self.desk.show_view(view)
        else:
            self.panel.show_ticket(None)
            self.desk.show_rules()
        self.desk.show_banner()
        self._update_title()
        self.panel.message.retranslate()
        self.header.voice_mark.retranslate()
        self._scale()

    def _update_title(self) -> None:
        number, actor = self.number, self.actor
        if number is None:
            title = self.tr("Antrian — Counter")
        elif actor is None:
            title = self.tr("Antrian — Counter {number}").format(number=number)
        else:
            title = self.tr("Antrian — Counter {number} — {user}").format(number=number, user=actor.name)
        self.setWindowTitle(title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Text and buttons follow the window's height: readable at 1366x768, not lost at 1920x1080."""
        unit = unit_of(self)
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLabel | QTableView | QLineEdit | QComboBox | QPushButton):
                size(widget, unit, PANEL.text)
        self.header.scale(unit)
        self.panel.scale(unit)
        self.lists.scale(unit)
        self.banner.scale(unit)
        self.login.scale(unit)

    # -- logging in and out ---------------------------------------------------------------------------
    def _opened(self, actor: Actor, number: int) -> None:
        self.desk.open(actor, number)
        # the counter actually opened, at once: never the last one's header while its view is read
        self.header.show_opened(number, self.login.counter_name(number), actor.name)
        self.pages.setCurrentIndex(1)
        self.header.voice_mark.start()
        self._update_title()
        self._tick.start()
        self.panel.buttons[DeskAction.CALL_NEXT].setFocus()
        self.desk.refresh()
        self.loggedIn.emit(actor.name)

    def _closed(self, leave: bool) -> None:
        """The counter has been closed: back to the login page, or the window closes (``leave``)."""
        self._tick.stop()
        self.header.voice_mark.stop()
        self.pages.setCurrentIndex(0)
        self._update_title()
        self.login.load_counters()
        self.login.password.setFocus()
        if leave:
            self._may_close = True
            QTimer.singleShot(0, self.close)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Leaving while the counter is open asks whether to close it first, so no counter is left open
        on the waiting-room display by mistake."""
        view = self.view
        if self.actor is None and self.login.busy and not self._may_close:
            event.ignore()  # a login is being checked and would open the counter: let it land first
            self.login.say(lambda: self.tr("One moment: logging in…"))
            return
        if self._may_close or self.actor is None or (view is not None and view.state == "closed"):
            self._may_close = True
            self.login.stop()
            self._tick.stop()
            super().closeEvent(event)
            return
        event.ignore()
        if self.dialog is not None:
            return
        if self.desk.outbox.pending is not None:
            self.desk.say(
                lambda: self.tr("The last action has not finished; wait or cancel it first (Esc)"), "warn"
            )
            return
        refusal = self.desk.refusals()[DeskAction.CLOSE] if view is not None else None
        dialog = LeaveDialog(self, self.number or 0, refusal)
        self.desk.ask(dialog, lambda: self._leave(dialog.choice))

    def _leave(self, choice: str | None) -> None:
        if choice == "close":
            self.desk.close_counter(leave=True)
        elif choice == "leave":
            self._may_close = True
            QTimer.singleShot(0, self.close)
