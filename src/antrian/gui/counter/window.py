"""The counter operator's panel (loket): log in, then call, serve and pass citizens on, mostly by keyboard.

Two pages: the login (username, password, counter) and the panel. The panel shows the counter's current
ticket with its times against the service's standard, a button and a function key for every action, the
live waiting list of the counter's services, the tickets this counter held or missed today, and today's
figures. An action that is not allowed now is disabled, its tooltip says why, and its key says why too.

Every action runs through ``services.desk.act`` on the task runner, carrying the token of the view the
operator acted on, so an action is never done twice: if the database is gone when it is sent, it waits
(banner, cancellable) and is sent again, once, when the database is back; if it had in fact been saved,
the token no longer matches and nothing more happens.

Signals:
    ticketShown(object): an action's ticket is on screen (``DeskResult``), right after the repaint.
    viewApplied(object): a ``DeskView`` has been applied.
    loggedIn(str): the operator is logged in and the counter is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.desk import (
    DeskAction,
    DeskState,
    Level,
    offer_no_show,
    refusals,
    service_level,
    standard_duration,
)
from antrian.domain.errors import AntrianError, InvalidInput, StaleView, StoreError
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import Actor
from antrian.domain.status import Status
from antrian.domain.timing import Clock, office_zone, standard_words, system_clock
from antrian.gui.counter.dialogs import (
    CloseDialog,
    LeaveDialog,
    NumberDialog,
    PauseDialog,
    PriorityDialog,
    ServiceDialog,
    Suggestion,
    TakeoverDialog,
)
from antrian.gui.counter.lists import EmptyNote
from antrian.gui.counter.marks import VoiceMark
from antrian.gui.counter.messages import MessageBar
from antrian.gui.counter.spans import span_text
from antrian.gui.errors import error_text
from antrian.gui.login import LoginBox
from antrian.gui.offline import offline_text
from antrian.gui.password import MustChange, NewPasswordDialog
from antrian.gui.tasks import CoalescedRead
from antrian.services.desk import DeskResult, DeskView, Holder, QueueEntry, act, desk_view
from antrian.services.results import CounterInfo, EventInfo
from antrian.store.database import Database

log = logging.getLogger(__name__)

RETRY_MS = 2000
FEED_REFRESH_MS = 250
SLOW_MS = 3000

# Texts are English in the code and translated at use in the window's context ("CounterWindow"); the
# Indonesian words are in gui/translations/counter_id.ts.
# What each action is called (messages, tooltips, screen readers), OPEN included: it has no button of its own,
# F10 opens a paused counter.
NAMES: dict[DeskAction, str] = {
    DeskAction.CALL_NEXT: QT_TRANSLATE_NOOP("CounterWindow", "Call Next"),
    DeskAction.RECALL: QT_TRANSLATE_NOOP("CounterWindow", "Recall"),
    DeskAction.START: QT_TRANSLATE_NOOP("CounterWindow", "Start Serving"),
    DeskAction.FINISH: QT_TRANSLATE_NOOP("CounterWindow", "Finish"),
    DeskAction.NO_SHOW: QT_TRANSLATE_NOOP("CounterWindow", "Not Present"),
    DeskAction.HOLD: QT_TRANSLATE_NOOP("CounterWindow", "Hold"),
    DeskAction.CALL_NUMBER: QT_TRANSLATE_NOOP("CounterWindow", "Call Number"),
    DeskAction.TRANSFER: QT_TRANSLATE_NOOP("CounterWindow", "Transfer"),
    DeskAction.PAUSE: QT_TRANSLATE_NOOP("CounterWindow", "Break"),
    DeskAction.OPEN: QT_TRANSLATE_NOOP("CounterWindow", "Open Counter"),
    DeskAction.CLOSE: QT_TRANSLATE_NOOP("CounterWindow", "Close Counter"),
}
# What a button says (an ellipsis: a question follows), and its key.
LABELS: dict[DeskAction, str] = {
    **NAMES,
    DeskAction.CALL_NUMBER: QT_TRANSLATE_NOOP("CounterWindow", "Call Number…"),
    DeskAction.TRANSFER: QT_TRANSLATE_NOOP("CounterWindow", "Transfer…"),
    DeskAction.PAUSE: QT_TRANSLATE_NOOP("CounterWindow", "Break…"),
}
KEYS: dict[DeskAction, str] = {
    DeskAction.CALL_NEXT: "F2",
    DeskAction.RECALL: "F3",
    DeskAction.START: "F4",
    DeskAction.FINISH: "F5",
    DeskAction.NO_SHOW: "F6",
    DeskAction.HOLD: "F7",
    DeskAction.CALL_NUMBER: "F8",
    DeskAction.TRANSFER: "F9",
    DeskAction.PAUSE: "F10",
    DeskAction.CLOSE: "F12",
}
DONE = {
    DeskAction.CALL_NEXT: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} called"),
    DeskAction.CALL_NUMBER: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} called"),
    DeskAction.RECALL: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} called again"),
    DeskAction.START: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} being served"),
    DeskAction.FINISH: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} served"),
    DeskAction.NO_SHOW: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} marked not present"),
    DeskAction.HOLD: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} on hold"),
    DeskAction.TRANSFER: QT_TRANSLATE_NOOP("CounterWindow", "{ticket} transferred"),
}
STATUS_WORDS = {
    Status.CALLED.value: QT_TRANSLATE_NOOP("CounterWindow", "CALLED"),
    Status.SERVING.value: QT_TRANSLATE_NOOP("CounterWindow", "BEING SERVED"),
}
STATE_WORDS = {
    "open": QT_TRANSLATE_NOOP("CounterWindow", "OPEN"),
    "paused": QT_TRANSLATE_NOOP("CounterWindow", "ON A BREAK"),
    "closed": QT_TRANSLATE_NOOP("CounterWindow", "CLOSED"),
}


def _tr(text: str) -> str:
    """A text of the tables above in the interface language."""
    return QCoreApplication.translate("CounterWindow", text)


LEVEL_COLOURS = {Level.OK: "#1e7a46", Level.WARNING: "#d98e04", Level.OVER: "#b3261e"}

STYLE = """
QWidget#counter { background: #eef1f5; }
QFrame#top { background: #0b1f3a; }
QFrame#top QLabel { color: #f5f7fa; }
QLabel#stateBadge { border-radius: 6px; padding: 4px 10px; font-weight: 700; }
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 6px; }
QLabel#voiceMark { background: #b3261e; color: white; border-radius: 6px; padding: 4px 10px;
                   font-weight: 700; }
QLabel#emptyNote { color: #5d6673; font-style: italic; }
QFrame#card { background: white; border-radius: 10px; }
QLabel#number { color: #0b1f3a; font-weight: 800; }
QLabel#priority { background: #1e7a46; color: white; border-radius: 6px; padding: 3px 8px; font-weight: 700; }
QLabel#offer { background: #fff3cd; color: #5c4400; border: 1px solid #d98e04; border-radius: 6px;
               padding: 6px; }
QPushButton { background: #0b1f3a; color: white; border: 3px solid transparent; border-radius: 8px;
              padding: 6px 16px; }
QPushButton:focus { border: 3px solid #f2b705; }
QPushButton:pressed { background: #f2b705; color: #0b1f3a; }
QPushButton:disabled { background: #c9ced6; color: #5d6673; }
QPushButton#primary { background: #1e7a46; }
QPushButton#primary:disabled { background: #c9ced6; }
QPushButton#warn { background: #b3261e; }
QFrame#login { background: white; border-radius: 12px; }
QLabel#loginError { color: #b3261e; font-weight: 700; }
"""


@dataclass(frozen=True)
class _Login:
    """What a login attempt came to: the operator (None: refused, ``message`` says why), and the other
    operator who has the counter open, if any (then it was not opened)."""

    actor: Actor | None
    message: Message | None
    number: int
    holder: Holder | None = None


def _open(database: Database, clock: Clock, actor: Actor, number: int, *, take_over: bool) -> _Login:
    """Open the counter for ``actor`` (on the task runner), or say who holds it."""
    from antrian.services.desk import open_desk

    with database.write() as session:
        holder = open_desk(session, number, actor=actor, clock=clock, take_over=take_over)
    return _Login(actor, None, number, holder)


@dataclass
class _Request:
    """One operator action on its way to the database (kept until answered, resent after an outage)."""

    action: DeskAction
    expect: str | None
    params: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0


class CounterWindow(QWidget):
    """The loket panel for one counter (``number``), or a counter chosen at login when None."""

    ticketShown = Signal(object)
    viewApplied = Signal(object)
    loggedIn = Signal(str)

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        *,
        number: int | None = None,
        clock: Clock = system_clock,
        username: str = "",
        password: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName("counter")
        self.setStyleSheet(STYLE)
        self._database = database
        self._background = run_in_background
        self._clock = clock
        self.number = number
        self._fixed_number = number  # given on the command line or by the PC's settings; else chosen at login
        self.actor: Actor | None = None
        self.view: DeskView | None = None
        self._online = True
        self._min_event_id = 0
        self._request: _Request | None = None
        self._in_flight = False
        self.dialog: Any = None
        self._closing = False  # closing the counter because the window is being closed
        # why the database cannot be used, shown in the offline banner: the feed's cause (it stays until the
        # feed says the cause has gone) or the last failed read or action's
        self._feed_problem: AntrianError | None = None
        self._problem: AntrianError | None = None
        self._counters: list[CounterInfo] = []  # the login page's list
        # The words now in the login error, made again when the language changes.
        self._login_words: Callable[[], str] = lambda: ""
        self._slow = QTimer(self, singleShot=True, interval=SLOW_MS)
        self._slow.timeout.connect(self._answer_is_slow)
        self._may_close = False
        self._reader = CoalescedRead(
            run_in_background,
            self._read_view,
            self._apply_view,
            what="counter refresh",
            parent=self,
            on_error=self._read_failed,
        )
        self._build(username, password)
        self._feed_refresh = QTimer(self, singleShot=True, interval=FEED_REFRESH_MS)
        self._feed_refresh.timeout.connect(self.refresh)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._send)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_times)
        self._load_counters()

    # -- building -------------------------------------------------------------------------------------
    def _build(self, username: str, password: str) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.offline = QLabel("")
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.hide()
        self.cancel_pending = QPushButton()
        self.cancel_pending.setObjectName("warn")
        self.cancel_pending.clicked.connect(self.cancel_request)
        self.cancel_pending.hide()
        banner = QHBoxLayout()
        banner.addWidget(self.offline, 1)
        banner.addWidget(self.cancel_pending)
        root.addLayout(banner)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_login(username, password))
        self.pages.addWidget(self._build_panel())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Say every text again in the interface language (set by ``gui.i18n.set_language``): the fixed ones,
        and those made from what the panel last showed (view, ticket, rules, banner, messages)."""
        self.cancel_pending.setText(self.tr("Cancel the waiting action (Esc)"))
        self.login_title.setText(self.tr("Log in to the counter"))
        self.counter_label.setText(self.tr("Counter"))
        if self._fixed_number is not None:
            self.fixed_counter.setText(self.tr("Counter {number}").format(number=self._fixed_number))
        self._show_counters(self.counter_choice.currentIndex())
        self.login_error.setText(self._login_words())
        for action, button in self.buttons.items():
            shown = self._break_key() if action is DeskAction.PAUSE else action
            button.setText(f"{_tr(LABELS[shown])}\n{KEYS[action]}")
            button.setAccessibleName(_tr(NAMES[shown]))
        self.waiting.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Service"), self.tr("Waiting")])
        self.others.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Service"), self.tr("Status")])
        self.waiting_empty.setText(self.tr("Nobody is waiting"))
        self.others_empty.setText(self.tr("No number on hold or not present at this counter today"))
        for table in (self.waiting, self.others):
            table.setProperty("signature", None)  # their tooltips and words are made again
        if self.view is not None:
            self._render_view(self.view)
        else:
            self.waiting_title.setText(self.tr("Waiting"))
            self._show_current()
            self._show_rules()
        self._show_banner()
        self._update_title()
        self.message.retranslate()
        self.voice_mark.retranslate()
        self._scale()

    def _build_login(self, username: str, password: str) -> QWidget:
        box = LoginBox(username, password)
        self.login_title, self.username, self.password = box.title, box.username, box.password
        self.login_error, self.login_button = box.error, box.button
        self.counter_choice = QComboBox()
        self.fixed_counter = QLabel()
        self.counter_label = QLabel()
        box.add_row(
            self.counter_label, self.counter_choice if self._fixed_number is None else self.fixed_counter
        )
        if self._fixed_number is not None:
            self.counter_choice.hide()
        box.submitted.connect(self.log_in)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter on the counter list logs in too
            enter = QShortcut(QKeySequence(key), self.counter_choice)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.log_in)
        return box.centred()

    def _build_panel(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        top = QFrame()
        top.setObjectName("top")
        bar = QHBoxLayout(top)
        bar.setContentsMargins(14, 8, 14, 8)
        self.counter_title = QLabel("")
        self.operator_label = QLabel("")
        self.state_badge = QLabel("")
        self.state_badge.setObjectName("stateBadge")
        self.clock_label = QLabel("")
        self.voice_mark = VoiceMark(self._database, self._background, self._clock)
        bar.addWidget(self.counter_title)
        bar.addSpacing(16)
        bar.addWidget(self.state_badge)
        bar.addSpacing(16)
        bar.addWidget(self.voice_mark)
        bar.addStretch(1)
        bar.addWidget(self.operator_label)
        bar.addSpacing(16)
        bar.addWidget(self.clock_label)
        layout.addWidget(top)

        body = QHBoxLayout()
        body.setContentsMargins(12, 0, 12, 12)
        body.setSpacing(12)
        layout.addLayout(body, 1)

        left = QVBoxLayout()
        left.setSpacing(8)
        card = QFrame()
        card.setObjectName("card")
        c = QGridLayout(card)
        c.setContentsMargins(18, 12, 18, 12)
        self.number_label = QLabel("—")
        self.number_label.setObjectName("number")
        self.priority_label = QLabel("")
        self.priority_label.setObjectName("priority")
        self.service_label = QLabel()
        self.status_label = QLabel("")
        self.waited_label = QLabel("")
        self.called_label = QLabel("")
        self.service_time_label = QLabel("")
        self.service_bar = QProgressBar()
        self.service_bar.setTextVisible(False)
        self.service_bar.setMaximumHeight(14)
        self.offer = QLabel("")
        self.offer.setObjectName("offer")
        self.offer.setWordWrap(True)
        c.addWidget(self.number_label, 0, 0, 3, 1)
        c.addWidget(self.priority_label, 0, 1)
        c.addWidget(self.service_label, 1, 1)
        c.addWidget(self.status_label, 2, 1)
        times = QHBoxLayout()
        times.addWidget(self.waited_label)
        times.addSpacing(24)
        times.addWidget(self.called_label)
        times.addStretch(1)
        c.addLayout(times, 3, 0, 1, 2)
        c.addWidget(self.service_time_label, 4, 0, 1, 2)
        c.addWidget(self.service_bar, 5, 0, 1, 2)
        c.addWidget(self.offer, 6, 0, 1, 2)
        c.setColumnStretch(1, 1)
        c.setHorizontalSpacing(24)
        c.setRowStretch(7, 1)
        self.stats = QLabel("")
        self.stats.setWordWrap(True)
        c.addWidget(self.stats, 8, 0, 1, 2)
        left.addWidget(card, 1)
        # right above the buttons, where the operator's eyes are when pressing one
        self.message = MessageBar()
        left.addWidget(self.message)

        grid = QGridLayout()
        grid.setSpacing(8)
        self.buttons: dict[DeskAction, QPushButton] = {}
        self.shortcuts: dict[DeskAction, QShortcut] = {}
        for index, (action, key) in enumerate(KEYS.items()):
            button = QPushButton()
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, a=action: self.trigger(a))
            if action is DeskAction.CALL_NEXT:
                button.setObjectName("primary")
            grid.addWidget(button, index // 5, index % 5)
            self.buttons[action] = button
            # A key works even when its button is disabled: it then says why instead of doing nothing.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda a=action: self.trigger(a))
            self.shortcuts[action] = shortcut
        left.addLayout(grid)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel.activated.connect(self.cancel_request)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(6)
        self.waiting_title = QLabel()
        self.waiting = self._table(3)
        self.others_title = QLabel()
        self.others_title.setWordWrap(True)
        self.others = self._table(3)
        self.others.activated.connect(lambda _index: self._call_selected())
        self.others.doubleClicked.connect(lambda _index: self._call_selected())
        right.addWidget(self.waiting_title)
        right.addWidget(self.waiting, 3)
        right.addWidget(self.others_title)
        right.addWidget(self.others, 1)
        self.waiting_empty, self.others_empty = EmptyNote(self.waiting), EmptyNote(self.others)
        body.addLayout(right, 2)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Text and buttons follow the window's height: readable at 1366x768, not lost at 1920x1080."""
        unit = max(600, min(self.height(), self.width() * 9 // 16))

        def size(widget: QWidget, share: float, bold: bool = False) -> None:
            font = QFont(widget.font())
            font.setPixelSize(max(12, int(unit * share)))
            font.setBold(bold)
            widget.setFont(font)

        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLabel | QTableWidget | QLineEdit | QComboBox | QPushButton):
                size(widget, 0.019)
        size(self.number_label, 0.12, True)
        for widget in (self.service_label, self.status_label, self.priority_label):
            size(widget, 0.03, True)
        for widget in (self.waited_label, self.called_label, self.service_time_label, self.offer):
            size(widget, 0.024, widget is self.offer)
        for widget in (self.counter_title, self.state_badge, self.operator_label, self.clock_label):
            size(widget, 0.026, True)
        size(self.voice_mark, 0.024, True)
        for widget in (self.message.sign, self.message.label, self.message.dismiss):
            size(widget, 0.026, True)
        for note in (self.waiting_empty, self.others_empty):
            size(note, 0.024)
        for button in self.buttons.values():
            size(button, 0.021, True)
            button.setFixedHeight(int(unit * 0.085))
        size(self.offline, 0.022, True)
        size(self.login_title, 0.034, True)
        self.service_bar.setFixedHeight(int(unit * 0.016))
        for table in (self.waiting, self.others):
            table.verticalHeader().setDefaultSectionSize(int(unit * 0.036))
            table.horizontalHeader().setFont(table.font())  # column titles as readable as the rows
            bold = QFont(table.font())
            bold.setBold(True)
            table.horizontalHeader().resizeSection(0, QFontMetrics(bold).horizontalAdvance("▶ WWW000 ★") + 12)
            header = table.horizontalHeaderItem(2)
            widest = [header.text() if header is not None else ""]
            widest += (
                [words.show(Status.HELD), words.show(Status.NO_SHOW)]
                if table is self.others
                else [span_text(timedelta(hours=9, minutes=59)), span_text(timedelta())]
            )
            # the next ticket's row is bold: its time must fit too
            width = max(map(QFontMetrics(bold).horizontalAdvance, widest))
            table.horizontalHeader().resizeSection(2, width + 24)

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        # Fixed widths, set from the font in _scale: sizing a column to its contents measures every row again
        # on every cell written, which made redrawing a 100-row list take 100+ ms.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Fixed)
        return table

    # -- login ----------------------------------------------------------------------------------------
    def _load_counters(self) -> None:
        if self._fixed_number is not None:
            return
        database = self._database

        def work() -> list[CounterInfo]:
            from antrian.services.counters import list_counters

            with database.read() as session:
                return list_counters(session)

        self._background(work, self._counters_loaded)

    def _counters_loaded(self, result: list[CounterInfo] | Exception) -> None:
        if isinstance(result, Exception):
            self._say_login(self._error_words(result))
            self._counters_failed = True
            QTimer.singleShot(RETRY_MS, self._load_counters)
            return
        if getattr(self, "_counters_failed", False):  # the database works again: its error is no news
            self._counters_failed = False
            self._say_login(lambda: "")
        self._counters = result
        self._show_counters(self._chosen_row())

    def _chosen_row(self) -> int:
        """The row of the counter chosen now in the list as just read (a counter read again keeps its
        choice: the login must never silently fall back to the first counter)."""
        chosen = self.counter_choice.currentData()
        rows = [row for row, info in enumerate(self._counters) if info.number == chosen]
        return rows[0] if rows else 0

    def _show_counters(self, chosen: int = 0) -> None:
        """The login page's list of counters, each with its state; the row ``chosen`` is selected."""
        self.counter_choice.clear()
        for info in self._counters:
            note = words.text(f"counter_state.{info.state}")
            if info.state == "open" and info.operator:
                note = self.tr("{state} ({user})").format(state=note, user=info.operator)
            title = self._counter_title(info.number, info.name, " — ")
            self.counter_choice.addItem(f"{title} · {note}", info.number)
        self.counter_choice.setCurrentIndex(chosen if 0 <= chosen < len(self._counters) else 0)

    def _counter_title(self, number: int, name: str, separator: str) -> str:
        title = self.tr("Counter {number}").format(number=number)
        # The name an office gets by default (services.setup) says no more than the number.
        if name in ("", title, f"Loket {number}"):
            return title
        return f"{title}{separator}{name}"

    def log_in(self) -> None:
        """Check the password (5 wrong in a row lock the account 5 minutes), then open the counter; a counter
        another operator has open is taken over only after the operator confirms it (``TakeoverDialog``)."""
        if self._in_flight:
            return
        number = self._fixed_number if self._fixed_number is not None else self.counter_choice.currentData()
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say_login(lambda: self.tr("Enter the username and password"))
            return
        if number is None:
            self._say_login(lambda: self.tr("Choose a counter"))
            return
        self._in_flight = True
        self.login_button.setEnabled(False)
        self._say_login(lambda: self.tr("Checking…"))
        database, clock = self._database, self._clock

        def work() -> _Login | MustChange:
            from antrian.services.users import authenticate

            with database.write() as session:
                outcome = authenticate(session, username, password, clock=clock)
            if outcome.actor is None:
                return _Login(None, outcome.message, int(number))
            if outcome.must_change_password:  # a first or reset password: replaced before the counter opens
                return MustChange(outcome.actor, password)
            return _open(database, clock, outcome.actor, int(number), take_over=False)

        self._background(work, self._logged_in)

    def _logged_in(self, result: _Login | MustChange | Exception) -> None:
        self._in_flight = False
        self.login_button.setEnabled(True)
        if self._may_close:
            return  # the window closed while the login was checked: it has nothing left to show
        if isinstance(result, Exception):
            self._say_login(self._error_words(result))
            return
        if isinstance(result, MustChange):
            self._say_login(lambda: "")
            self._ask_new_password(result)
            return
        actor, message, number = result.actor, result.message, result.number
        if actor is None:
            self._say_login(lambda: words.say(message) if message else "")
            self.password.clear()
            self.password.setFocus()
            return
        if result.holder is not None:
            self._ask_takeover(actor, number, result.holder)
            return
        self.actor, self.number = actor, number
        self._say_login(lambda: "")
        self.password.clear()
        # the counter actually opened, at once: never the last one's header while its view is read
        self.counter_title.setText(self._counter_title(number, self._counter_name(number), " · "))
        self.operator_label.setText(actor.name)
        self.state_badge.setText(_tr(STATE_WORDS["open"]))
        self.pages.setCurrentIndex(1)
        self.voice_mark.start()
        self._update_title()
        self._tick.start()
        self.buttons[DeskAction.CALL_NEXT].setFocus()
        self.refresh()
        self.loggedIn.emit(actor.name)

    def _ask_new_password(self, must: MustChange) -> None:
        """The new password typed twice and saved; then the login runs again with it."""
        dialog = NewPasswordDialog(self._database, self._background, must, self, self._clock)

        def again(new_password: str) -> None:
            self.password.setText(new_password)
            self.log_in()

        dialog.changed.connect(again)
        dialog.finished.connect(dialog.deleteLater)
        self.password.clear()
        dialog.open()

    def _counter_name(self, number: int) -> str:
        names = {info.number: info.name for info in self._counters}
        return names.get(number, "")

    def _ask_takeover(self, actor: Actor, number: int, holder: Holder) -> None:
        """Another operator has the counter open: say who, and take it over only if this operator confirms."""
        zone = office_zone(holder.zone)
        since = holder.since.astimezone(zone).strftime("%H:%M") if holder.since else "—"
        self._say_login(
            lambda: self.tr("Counter {number} is in use by {holder}").format(
                number=number, holder=holder.full_name or holder.username
            )
        )
        dialog = TakeoverDialog(
            self, number, holder.full_name or holder.username, holder.state == "paused", since
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._take_over(actor, number))
        dialog.finished.connect(self._takeover_closed)
        dialog.open()

    def _takeover_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        if self.actor is None and not self._in_flight:
            self.counter_choice.setFocus()

    def _take_over(self, actor: Actor, number: int) -> None:
        self._in_flight = True
        self.login_button.setEnabled(False)
        self._say_login(lambda: self.tr("Checking…"))
        database, clock = self._database, self._clock
        self._background(lambda: _open(database, clock, actor, number, take_over=True), self._logged_in)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Leaving while the counter is open asks whether to close it first, so no counter is left open
        on the waiting-room display by mistake."""
        view = self.view
        if self.actor is None and self._in_flight and not self._may_close:
            event.ignore()  # a login is being checked and would open the counter: let it land first
            self._say_login(lambda: self.tr("One moment: logging in…"))
            return
        if self._may_close or self.actor is None or (view is not None and view.state == "closed"):
            self._may_close = True
            self._tick.stop()
            super().closeEvent(event)
            return
        event.ignore()
        if self.dialog is not None:
            return
        if self._request is not None:
            self._say(
                lambda: self.tr("The last action has not finished; wait or cancel it first (Esc)"), "warn"
            )
            return
        refusal = self._refusals()[DeskAction.CLOSE] if view is not None else None
        dialog = LeaveDialog(self, self.number or 0, refusal)
        self._ask(dialog, lambda: self._leave(dialog.choice))

    def _leave(self, choice: str | None) -> None:
        if choice == "close":
            self._closing = True
            self._submit(DeskAction.CLOSE, self.view.token if self.view else None)
        elif choice == "leave":
            self._may_close = True
            QTimer.singleShot(0, self.close)

    def _logged_out(self) -> None:
        self.actor = None
        self.view = None
        self.number = self._fixed_number
        self._tick.stop()
        self.voice_mark.stop()
        self.pages.setCurrentIndex(0)
        self._update_title()
        self._load_counters()
        self.password.setFocus()

    def _update_title(self) -> None:
        if self.number is None:
            title = self.tr("Antrian — Counter")
        elif self.actor is None:
            title = self.tr("Antrian — Counter {number}").format(number=self.number)
        else:
            title = self.tr("Antrian — Counter {number} — {user}").format(
                number=self.number, user=self.actor.name
            )
        self.setWindowTitle(title)

    @staticmethod
    def _error_words(error: Exception) -> Callable[[], str]:
        """How to say ``error``, now and after a language change (an unexpected one is logged once, here)."""
        if isinstance(error, AntrianError):
            return lambda: words.say(error)
        said = error_text(error)
        return lambda: said

    def _say_login(self, said: Callable[[], str]) -> None:
        """The login page's error line: ``said`` makes its words, now and after a language change."""
        self._login_words = said
        self.login_error.setText(said())

    # -- reading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.actor is not None:
            self._reader.request()

    def _read_view(self) -> DeskView:
        assert self.number is not None
        number, clock = self.number, self._clock
        with self._database.read() as session:
            if session.get_bind().dialect.name == "postgresql":
                # one snapshot for the whole view: list, count, next and token from the same moment
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            return desk_view(session, number, clock=clock)

    def _read_failed(self, error: Exception) -> None:
        """A failed read: the database gone shows the banner; anything else is said in the message line."""
        if isinstance(error, StoreError):
            self._problem = error
            self._online = False
            self._show_banner()
            self._show_rules()
        else:
            self._say(self._error_words(error), "error")

    def handle_events(self, events: list[EventInfo]) -> None:
        """Any change may move this counter's queue: re-read, off the GUI thread, at most every 250 ms.

        A busy office changes something many times a second; re-reading and redrawing the lists for each
        change would take the CPU this panel's own key presses need. The panel's own actions show at once.
        """
        self.voice_mark.handle_events(events)
        if events and self.actor is not None and not self._feed_refresh.isActive() and not self._in_flight:
            self._feed_refresh.start()

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        self._feed_problem = None if online else problem
        self._online = online
        self._problem = self._feed_problem
        self._show_banner()
        if online:
            self.refresh()
            if self._request is not None and not self._in_flight:
                self._send()
        self._show_rules()

    def _apply_view(self, view: DeskView) -> None:
        if self.actor is None or view.counter != self.number:
            return
        if view.event_id < self._min_event_id:
            return  # read before this panel's own last action landed; a newer read follows
        self.view = view
        if not self._online and self._feed_problem is None:  # a read got through: the database is back
            self._online = True
            self._problem = None
            if self._request is not None and not self._in_flight:
                self._send()
        self._show_banner()
        self._render_view(view)
        self.viewApplied.emit(view)

    def _render_view(self, view: DeskView) -> None:
        self.counter_title.setText(self._counter_title(view.counter, view.counter_name, " · "))
        self.operator_label.setText(view.operator_name or view.operator or "")
        if view.state == "paused" and view.pause_reason:
            state = self.tr("ON A BREAK: {reason}").format(reason=view.pause_reason)
        else:
            state = _tr(STATE_WORDS[view.state]) if view.state in STATE_WORDS else view.state
        self.state_badge.setText(state)
        colour = {"open": "#1e7a46", "paused": "#d98e04", "closed": "#5d6673"}.get(view.state, "#5d6673")
        self.state_badge.setStyleSheet(f"background: {colour}; color: white;")
        pause, shown = self.buttons[DeskAction.PAUSE], self._break_key()
        pause.setText(f"{_tr(LABELS[shown])}\n{KEYS[DeskAction.PAUSE]}")
        pause.setAccessibleName(_tr(NAMES[shown]))
        self._show_current()
        self._fill_waiting(view)
        self._fill_others(view)
        average = span_text(view.average_service) if view.average_service is not None else "—"
        self.stats.setText(
            self.tr(
                "Today at this counter: {served} served · average service time {average}"
                " · {missed} not present"
            ).format(
                served=words.number(view.served_today),
                average=average,
                missed=words.number(view.no_show_today),
            )
        )
        self._show_rules()
        self._show_times()

    def _show_current(self) -> None:
        view = self.view
        ticket = view.current if view else None
        if ticket is None:
            self.number_label.setText("")  # a huge dash read as a bar, not as "no number"
            self.priority_label.hide()
            self.service_label.setText(self.tr("No number called yet"))
            self.status_label.setText("")  # the hint, by the rules: _show_hints
            for label in (self.waited_label, self.called_label, self.service_time_label):
                label.setText("")
            self.service_bar.hide()
            self.offer.hide()
            return
        assert view is not None
        self.number_label.setText(ticket.number)
        if ticket.priority_group:
            try:
                group = words.show(PriorityGroup(ticket.priority_group))
            except ValueError:
                group = ticket.priority_group
            self.priority_label.setText(self.tr("★ Priority service: {group}").format(group=group))
            self.priority_label.show()
        else:
            self.priority_label.hide()
        self.service_label.setText(f"{ticket.service} · {ticket.service_name}")
        calls = view.recalls
        status = _tr(STATUS_WORDS[ticket.status]) if ticket.status in STATUS_WORDS else ticket.status
        if ticket.status == Status.CALLED.value and calls:
            status = self.tr("{status} · called again {n}×").format(status=status, n=calls)
        self.status_label.setText(status)
        offered = ticket.status == Status.CALLED.value and offer_no_show(calls, view.recall_limit)
        self.offer.setVisible(offered)  # its words, by the rules: _show_hints
        self.buttons[DeskAction.NO_SHOW].setObjectName("warn" if offered else "")
        self.buttons[DeskAction.NO_SHOW].setStyleSheet("")  # re-polish for the new object name

    def _show_times(self) -> None:
        now = self._clock()
        view = self.view
        zone = self._zone(view)
        self.clock_label.setText(now.astimezone(zone).strftime("%H:%M:%S"))
        if view is not None:  # waiting times run on between reads
            for row, entry in enumerate(view.waiting[: self.waiting.rowCount()]):
                item = self.waiting.item(row, 2)
                if item is not None:
                    item.setText(span_text(now - entry.issued_at))
        ticket = view.current if view else None
        if ticket is None or view is None:
            return
        waited_until = ticket.first_called_at or now
        self.waited_label.setText(
            self.tr("Waited {time}").format(time=span_text(waited_until - ticket.issued_at))
        )
        if ticket.last_called_at:
            self.called_label.setText(
                self.tr("Called {time} ago").format(time=span_text(now - ticket.last_called_at))
            )
        value, unit = view.standard_value, view.standard_unit
        standard = standard_duration(value, unit) if value is not None and unit else None
        said = words.say(standard_words(value, unit)) if value is not None and unit else "—"
        if ticket.started_at is None:
            self.service_time_label.setText(
                self.tr("Service standard for {service}: {standard}").format(
                    service=ticket.service, standard=said
                )
            )
            self.service_bar.hide()
            return
        elapsed = now - ticket.started_at
        level = service_level(elapsed, standard)
        if standard:
            text = self.tr("Service time {elapsed} / standard {standard} ({share})").format(
                elapsed=span_text(elapsed), standard=said, share=f"{elapsed / standard:.0%}"
            )
        else:
            text = self.tr("Service time {elapsed} / standard {standard}").format(
                elapsed=span_text(elapsed), standard=said
            )
        self.service_time_label.setText(text)
        self.service_time_label.setStyleSheet(
            f"color: {LEVEL_COLOURS[level]}; font-weight: {700 if level is not Level.OK else 400};"
        )
        self.service_time_label.setProperty("level", level.value)
        if standard:
            self.service_bar.setRange(0, int(standard.total_seconds()))
            self.service_bar.setValue(min(int(elapsed.total_seconds()), int(standard.total_seconds())))
            self.service_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {LEVEL_COLOURS[level]}; }}")
            self.service_bar.show()
        else:
            self.service_bar.hide()
        self.service_bar.setProperty("level", level.value)

    @staticmethod
    def _zone(view: DeskView | None) -> tzinfo | None:
        """The office's time zone (the office runs on its local time, whatever the PC is set to)."""
        if view is None:
            return None
        try:
            return office_zone(view.zone)
        except InvalidInput:
            return None

    def _fill_waiting(self, view: DeskView) -> None:
        shown, total = len(view.waiting), view.waiting_total
        if total > shown:
            title = self.tr("Waiting: {total}, the first {shown} shown (▶ called next)").format(
                total=words.number(total), shown=words.number(shown)
            )
        elif not total:
            title = self.tr("Waiting: none")
        else:
            title = self.tr("Waiting: {total} (▶ called next)").format(total=words.number(total))
        self.waiting_title.setText(title)
        now = self._clock()
        self._fill(self.waiting, view.waiting, lambda e: span_text(now - e.issued_at), view.next_id)

    def _fill_others(self, view: DeskView) -> None:
        entries = list(view.held) + list(view.missed)
        self._fill(self.others, entries, lambda e: words.show(Status(e.status)), None)

    def _fill(
        self, table: QTableWidget, entries: Any, last: Callable[[QueueEntry], str], next_id: int | None
    ) -> None:
        (self.waiting_empty if table is self.waiting else self.others_empty).setVisible(not entries)
        signature = (next_id, tuple((e.id, e.status, e.priority_group) for e in entries))
        if table.property("signature") == repr(signature):  # the same tickets: only the last column moves
            for row, entry in enumerate(entries):
                item = table.item(row, 2)
                if item is not None:
                    item.setText(last(entry))
            return
        table.setProperty("signature", repr(signature))
        selected = table.currentItem()
        keep = selected.data(Qt.ItemDataRole.UserRole) if selected is not None else None
        table.setRowCount(len(entries))
        priority_brush = QBrush(QColor("#dff3e6"))
        for row, entry in enumerate(entries):
            mark = (
                ("▶ " if entry.id == next_id else "") + entry.number + (" ★" if entry.priority_group else "")
            )
            cells = (mark, f"{entry.service} · {entry.service_name}", last(entry))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.number)
                if entry.priority_group:
                    item.setBackground(priority_brush)
                    item.setToolTip(self.tr("Priority service"))
                if entry.id == next_id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        # The selection follows the ticket, not the row: rows move as the office works.
        rows = [row for row, entry in enumerate(entries) if entry.number == keep]
        if rows:
            table.setCurrentCell(rows[0], 0)
        else:
            table.setCurrentItem(None)
            table.clearSelection()

    def _state(self) -> DeskState:
        view = self.view
        current = view.current if view else None
        return DeskState(
            counter_state=view.state if view else "closed",
            pause_reason=view.pause_reason if view else None,
            current_number=current.number if current else None,
            current_status=Status(current.status) if current else None,
            waiting=view.waiting_total if view else 0,
            online=self._online and self._request is None,
            holder=self._holder(),
            active=view.active if view else True,
            transfer_targets=len([c for c, _ in view.transfer_targets if c != current.service])
            if view and current
            else 0,
        )

    def _holder(self) -> str | None:
        """Another operator who has this counter open now (taken over from another PC), if any."""
        view, actor = self.view, self.actor
        if view is None or actor is None or view.state == "closed" or view.operator_id is None:
            return None
        if actor.user_id is None or view.operator_id == actor.user_id:
            return None
        return view.operator_name or view.operator or self.tr("another operator")

    def _break_key(self) -> DeskAction:
        """What F10 does now: take a break, or open the counter again after one (or after it closed)."""
        view = self.view
        return DeskAction.OPEN if view is not None and view.state != "open" else DeskAction.PAUSE

    def _refusals(self) -> dict[DeskAction, Message | None]:
        """Why each action is not allowed now (None: it is); F10's button says what F10 does now."""
        found = refusals(self._state())
        found[DeskAction.PAUSE] = found[self._break_key()]
        return found

    def _show_rules(self) -> None:
        found = self._refusals()
        for action, button in self.buttons.items():
            reason = found[action]
            text = _tr(LABELS[self._break_key() if action is DeskAction.PAUSE else action])
            button.setEnabled(reason is None)
            button.setToolTip(
                self.tr("{action} ({key})").format(action=text, key=KEYS[action])
                if reason is None
                else self.tr("Not possible now: {reason}").format(reason=words.say(reason))
            )
        self._show_hints(found)

    def _show_hints(self, found: dict[DeskAction, Message | None]) -> None:
        """The lines that name a key name it only while its action is allowed; otherwise they say why not."""
        view = self.view
        if view is None or view.current is None:
            state = view.state if view else "open"
            key = DeskAction.CALL_NEXT if state == "open" else DeskAction.PAUSE
            reason = found[key]
            if reason is None:
                hint = (
                    self.tr("Press F2 to call the next citizen")
                    if state == "open"
                    else self.tr("Counter on a break: press F10 to open it again")
                    if state == "paused"
                    else self.tr("Counter closed: press F10 to open it")
                )
            else:
                hint = words.say(reason)
            self.status_label.setText(hint)
        if not self.offer.isHidden() and view is not None:
            calls = view.recalls
            if found[DeskAction.NO_SHOW] is None:
                offer = self.tr(
                    "Called again {n}× and the citizen has not come. Mark as not present? Press F6 "
                    "(Not Present); the citizen can still be called by number later today."
                )
            else:
                offer = self.tr(
                    "Called again {n}× and the citizen has not come. They can be marked as not present "
                    "once the counter can act again."
                )
            self.offer.setText(offer.format(n=calls))
        # the key's hint only while it can call someone from this list
        if found[DeskAction.CALL_NUMBER] is None and view is not None and (view.held or view.missed):
            self.others_title.setText(
                self.tr("On hold / not present at this counter (Enter or double-click: call)")
            )
        else:
            self.others_title.setText(self.tr("On hold / not present at this counter"))

    # -- messages -------------------------------------------------------------------------------------
    def show_message(self, text: str, kind: str = "info") -> None:
        """The panel's message bar above the buttons (``messages.MessageBar``: errors stay, results fade)."""
        self._say(lambda: text, kind)

    def _say(self, said: Callable[[], str], kind: str = "info") -> None:
        """The message bar with the words ``said`` makes, now and again after a language change."""
        self.message.say(said, kind)

    def _show_banner(self) -> None:
        request = self._request
        cause = offline_text(self._problem)
        if request is not None and not self._online:
            pending = self.tr(
                "«{action}» may not be saved yet; if not, it will be sent once when the database can be used "
                "again (it never happens twice)."
            ).format(action=_tr(NAMES[request.action]))
            self.offline.setText(f"{cause} {pending}")
        else:
            self.offline.setText(cause)
        self.offline.setVisible(not self._online)
        self.cancel_pending.setVisible(not self._online and request is not None)

    # -- actions --------------------------------------------------------------------------------------
    def trigger(self, action: DeskAction) -> None:
        """A button or key: do ``action`` if the rules allow it now, else say why not."""
        if self.actor is None or self.pages.currentIndex() != 1 or self.dialog is not None:
            return
        if self._request is not None:
            if self._online:
                if not self._slow.isActive():  # a slow answer: say why the key does nothing
                    self._say(
                        lambda: self.tr("The previous action is still waiting for the database's answer"),
                        "warn",
                    )
                return
            self._say(
                lambda: self.tr(
                    "The previous action is still waiting for the connection; cancel it first if need be"
                ),
                "warn",
            )
            return
        if action is DeskAction.PAUSE:
            action = self._break_key()
        if not self._refused(action):
            return
        view = self.view
        expect = view.token if view else None
        current = view.current if view else None
        if action is DeskAction.START and current is not None and current.priority_group:
            dialog = PriorityDialog(self, current.number, current.priority_group)
            self._ask(dialog, lambda: self._submit(action, expect, priority_confirmed=dialog.confirmed))
        elif action is DeskAction.CALL_NUMBER:
            number_dialog = NumberDialog(self, self._suggestions())
            self._ask(number_dialog, lambda: self._submit(action, expect, ticket=number_dialog.number()))
        elif action is DeskAction.TRANSFER and current is not None and view is not None:
            targets = [(code, name) for code, name in view.transfer_targets if code != current.service]
            service_dialog = ServiceDialog(self, current.number, targets)
            self._ask(service_dialog, lambda: self._submit(action, expect, to_service=service_dialog.code()))
        elif action is DeskAction.PAUSE:
            pause_dialog = PauseDialog(self)
            self._ask(pause_dialog, lambda: self._submit(action, expect, reason=pause_dialog.reason()))
        elif action is DeskAction.CLOSE:
            self._ask(CloseDialog(self, self.number or 0), lambda: self._submit(action, expect))
        else:
            self._submit(action, expect)

    def _ask(self, dialog: Any, then: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(then)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.activateWindow()  # the function keys are the window's: they work again at once
        current = self.buttons[DeskAction.CALL_NEXT]
        (current if current.isEnabled() else self).setFocus()

    def _refused(self, action: DeskAction) -> bool:
        """False, after saying why in the message line, when ``action`` is not allowed now."""
        reason = self._refusals()[action]
        if reason is None:
            return True
        self._say(
            lambda: self.tr("{action}: {reason}").format(action=_tr(NAMES[action]), reason=words.say(reason)),
            "error",
        )
        return False

    def _suggestions(self) -> list[Suggestion]:
        view = self.view
        if view is None:
            return []
        found = [Suggestion(e.number, "held") for e in view.held]
        found += [Suggestion(e.number, "missed") for e in view.missed]
        found += [Suggestion(e.number, "waiting", e.service_name) for e in view.waiting]
        return found

    def _call_selected(self) -> None:
        row = self.others.currentRow()
        item = self.others.item(row, 0) if row >= 0 else None
        if item is None or not self._refused(DeskAction.CALL_NUMBER):
            return
        self._submit(
            DeskAction.CALL_NUMBER,
            self.view.token if self.view else None,
            ticket=item.data(Qt.ItemDataRole.UserRole),
        )

    def _submit(self, action: DeskAction, expect: str | None, **params: Any) -> None:
        if self._request is not None or self.actor is None:
            return
        self._request = _Request(action, expect, params)
        self._send()

    def cancel_request(self) -> None:
        """Drop the action waiting for the database (the operator decided otherwise)."""
        if self._request is not None and not self._in_flight:
            self._request = None
            self._retry.stop()
            self._show_banner()
            self._show_rules()
            self._say(
                lambda: self.tr(
                    "The waiting action was cancelled: it will not be sent again. If it was saved before the "
                    "connection was lost, the screen shows it when the connection is back."
                ),
                "warn",
            )

    def _send(self) -> None:
        request, actor, number = self._request, self.actor, self.number
        if request is None or actor is None or number is None or self._in_flight:
            return
        self._in_flight = True
        self._feed_refresh.stop()  # the action's own refresh follows; none competes with it for the CPU
        self._slow.start()
        request.attempts += 1
        database, clock = self._database, self._clock

        def work() -> DeskResult:
            with database.write() as session:
                return act(
                    session,
                    number,
                    request.action,
                    expect=request.expect,
                    actor=actor,
                    clock=clock,
                    **request.params,
                )

        self._background(work, self._landed)

    def _answer_is_slow(self) -> None:
        if self._in_flight and self._request is not None:
            self._say(lambda: self.tr("Waiting for the database's answer… (slow or broken network)"), "warn")

    def _landed(self, result: DeskResult | Exception) -> None:
        self._in_flight = False
        self._slow.stop()
        request = self._request
        if request is None:
            return
        if isinstance(result, StoreError):
            # Not saved, or saved and the answer lost: keep it and send it again with the same token.
            self._problem = result
            self._online = False
            self._show_banner()
            self._show_rules()
            self._retry.start()
            return
        self._request = None
        self._retry.stop()
        if isinstance(result, Exception):
            self._closing = False  # the counter was not closed: the window stays
            if isinstance(result, StaleView) and request.attempts > 1:
                self._say(
                    lambda: self.tr(
                        "The last action was already saved before the connection was lost (or the counter "
                        "was changed from another PC); it is not repeated. The screen is up to date."
                    ),
                    "warn",
                )
            else:
                self._say(self._error_words(result), "error")
            self._answered()
            self._show_banner()
            self._show_rules()
            self.refresh()
            return
        self._answered()
        self._min_event_id = max(self._min_event_id, result.event_id)
        self._show_banner()
        self._apply_result(result)
        self.refresh()

    def _answered(self) -> None:
        """The database answered an action: online again, unless the feed still reports a cause."""
        self._online = self._feed_problem is None
        self._problem = self._feed_problem

    def _apply_result(self, result: DeskResult) -> None:
        """Show what the action did at once; the full view follows from the refresh."""
        view = self.view
        if view is not None:
            current = None
            if (
                result.ticket is not None
                and result.ticket.status in STATUS_WORDS
                and result.ticket.counter == self.number
            ):
                current = result.ticket
            recalls = {
                DeskAction.RECALL: view.recalls + 1,
                DeskAction.CALL_NEXT: 0,
                DeskAction.CALL_NUMBER: 0,
            }.get(result.action, view.recalls)
            self.view = replace(
                view, current=current, state=result.state, token=result.token, recalls=recalls
            )
            if current is not None and current.service != (view.current.service if view.current else None):
                self.view = replace(self.view, standard_value=None, standard_unit=None)
        ticket = result.ticket
        if ticket is not None and result.action in DONE:
            done = DONE[result.action]
            self._say(lambda: _tr(done).format(ticket=ticket.number))
        elif result.action is DeskAction.PAUSE:
            self._say(lambda: self.tr("Counter on a break: no calls until it is opened again (F10)"))
        elif result.action is DeskAction.OPEN:
            self._say(lambda: self.tr("Counter open again"))
        self._show_current()
        self._show_rules()
        self._show_times()
        if result.action is DeskAction.CLOSE:
            number = self.number
            self._say(lambda: self.tr("Counter {number} closed").format(number=number))
            self._logged_out()
            if self._closing:
                self._may_close = True
                QTimer.singleShot(0, self.close)
            return
        self.repaint()
        self.ticketShown.emit(result)
