"""The counter panel's login page: username, password and the counter (chosen from the office's list with
each counter's state, or fixed by the command line or the PC's settings).

The password is checked off the GUI thread (5 wrong in a row lock the account 5 minutes); a first or reset
password is replaced first (``NewPasswordDialog``); a counter another operator has open is taken over only
after the operator confirms it (``TakeoverDialog``). Then the counter is open.

Signals:
    opened(object, int): the operator (``Actor``) has opened counter ``number``.
    countersShown(): the list of counters has been read and shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from antrian import words
from antrian.domain.messages import Message
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, office_zone
from antrian.gui.counter.dialogs import TakeoverDialog
from antrian.gui.counter.look import size
from antrian.gui.counter.texts import COUNTER, counter_title, error_words, say
from antrian.gui.login import LoginBox
from antrian.gui.password import MustChange, NewPasswordDialog
from antrian.gui.theme.metrics import PANEL
from antrian.services.desk import Holder
from antrian.services.results import CounterInfo
from antrian.store.database import Database

RETRY_MS = 2000


@dataclass(frozen=True)
class Login:
    """What a login attempt came to: the operator (None: refused, ``message`` says why), and the other
    operator who has the counter open, if any (then it was not opened)."""

    actor: Actor | None
    message: Message | None
    number: int
    holder: Holder | None = None


def open_counter(database: Database, clock: Clock, actor: Actor, number: int, *, take_over: bool) -> Login:
    """Open the counter for ``actor`` (on the task runner), or say who holds it."""
    from antrian.services.desk import open_desk

    with database.write() as session:
        holder = open_desk(session, number, actor=actor, clock=clock, take_over=take_over)
    return Login(actor, None, number, holder)


class CounterLogin(QWidget):
    opened = Signal(object, int)
    countersShown = Signal()

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        clock: Clock,
        *,
        number: int | None,
        username: str,
        password: str,
    ) -> None:
        super().__init__()
        self._database, self._background, self._clock = database, run_in_background, clock
        self.number = number  # given on the command line or by the PC's settings; else chosen here
        self.counters: list[CounterInfo] = []
        self.dialog: TakeoverDialog | None = None
        self._busy = False
        self._stopped = False
        self._counters_failed = False
        self._words: Callable[[], str] = lambda: ""  # the error line's, made again when the language changes
        box = LoginBox(username, password)
        self.login_title, self.username, self.password = box.title, box.username, box.password
        self.login_error, self.login_button = box.error, box.button
        self.counter_choice = QComboBox()
        self.fixed_counter = QLabel()
        self.counter_label = QLabel()
        box.add_row(self.counter_label, self.counter_choice if number is None else self.fixed_counter)
        if number is not None:
            self.counter_choice.hide()
        box.submitted.connect(self.log_in)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter on the counter list logs in too
            enter = QShortcut(QKeySequence(key), self.counter_choice)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.log_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box.centred())

    @property
    def busy(self) -> bool:
        """A login is being checked (and may open the counter)."""
        return self._busy

    def retranslate(self) -> None:
        self.login_title.setText(self.tr("Log in to the counter"))
        self.counter_label.setText(self.tr("Counter"))
        if self.number is not None:
            self.fixed_counter.setText(say(COUNTER).format(number=self.number))
        self._show_counters(self.counter_choice.currentIndex())
        self.login_error.setText(self._words())

    def scale(self, unit: int) -> None:
        size(self.login_title, unit, PANEL.login_title, True)

    def say(self, said: Callable[[], str]) -> None:
        """The error line: ``said`` makes its words, now and after a language change."""
        self._words = said
        self.login_error.setText(said())

    def stop(self) -> None:
        """The window has closed: a login still being checked comes to nothing."""
        self._stopped = True

    # -- the counters ---------------------------------------------------------------------------------
    def load_counters(self) -> None:
        """Read the office's counters for the list (again)."""
        if self.number is not None:
            return
        database = self._database

        def work() -> list[CounterInfo]:
            from antrian.services.counters import list_counters

            with database.read() as session:
                return list_counters(session)

        self._background(work, self._counters_loaded)

    def _counters_loaded(self, result: list[CounterInfo] | Exception) -> None:
        if isinstance(result, Exception):
            self.say(error_words(result))
            self._counters_failed = True
            QTimer.singleShot(RETRY_MS, self.load_counters)
            return
        if self._counters_failed:  # the database works again: its error is no news
            self._counters_failed = False
            self.say(lambda: "")
        self.counters = result
        self._show_counters(self._chosen_row())
        self.countersShown.emit()

    def _chosen_row(self) -> int:
        """The row of the counter chosen now in the list as just read (a counter read again keeps its
        choice: the login must never silently fall back to the first counter)."""
        chosen = self.counter_choice.currentData()
        rows = [row for row, info in enumerate(self.counters) if info.number == chosen]
        return rows[0] if rows else 0

    def _show_counters(self, chosen: int = 0) -> None:
        """The list of counters, each with its state; the row ``chosen`` is selected."""
        self.counter_choice.clear()
        for info in self.counters:
            note = words.text(f"counter_state.{info.state}")
            if info.state == "open" and info.operator:
                note = self.tr("{state} ({user})").format(state=note, user=info.operator)
            self.counter_choice.addItem(
                f"{counter_title(info.number, info.name, ' — ')} · {note}", info.number
            )
        self.counter_choice.setCurrentIndex(chosen if 0 <= chosen < len(self.counters) else 0)

    def counter_name(self, number: int) -> str:
        names = {info.number: info.name for info in self.counters}
        return names.get(number, "")

    # -- logging in -----------------------------------------------------------------------------------
    def log_in(self) -> None:
        """Check the password, then open the counter (or ask first, see the module's docstring)."""
        if self._busy:
            return
        number = self.number if self.number is not None else self.counter_choice.currentData()
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.say(lambda: self.tr("Enter the username and password"))
            return
        if number is None:
            self.say(lambda: self.tr("Choose a counter"))
            return
        self._checking()
        database, clock = self._database, self._clock

        def work() -> Login | MustChange:
            from antrian.services.login import authenticate

            with database.write() as session:
                outcome = authenticate(session, username, password, clock=clock)
            if outcome.actor is None:
                return Login(None, outcome.message, int(number))
            if outcome.must_change_password:  # a first or reset password: replaced before the counter opens
                return MustChange(outcome.actor, password)
            return open_counter(database, clock, outcome.actor, int(number), take_over=False)

        self._background(work, self._landed)

    def _checking(self) -> None:
        self._busy = True
        self.login_button.setEnabled(False)
        self.say(lambda: self.tr("Checking…"))

    def _landed(self, result: Login | MustChange | Exception) -> None:
        self._busy = False
        self.login_button.setEnabled(True)
        if self._stopped:
            return  # the window closed while the login was checked: it has nothing left to show
        if isinstance(result, Exception):
            self.say(error_words(result))
            return
        if isinstance(result, MustChange):
            self.say(lambda: "")
            self._ask_new_password(result)
            return
        actor, message, number = result.actor, result.message, result.number
        if actor is None:
            self.say(lambda: words.say(message) if message else "")
            self.password.clear()
            self.password.setFocus()
            return
        if result.holder is not None:
            self._ask_takeover(actor, number, result.holder)
            return
        self.say(lambda: "")
        self.password.clear()
        self.opened.emit(actor, number)

    def _ask_new_password(self, must: MustChange) -> None:
        """The new password typed twice and saved; then the login runs again with it."""
        dialog = NewPasswordDialog(self._database, self._background, must, self.window(), self._clock)

        def again(new_password: str) -> None:
            self.password.setText(new_password)
            self.log_in()

        dialog.changed.connect(again)
        dialog.finished.connect(dialog.deleteLater)
        self.password.clear()
        dialog.open()

    def _ask_takeover(self, actor: Actor, number: int, holder: Holder) -> None:
        """Another operator has the counter open: say who, and take it over only if this operator confirms."""
        zone = office_zone(holder.zone)
        since = holder.since.astimezone(zone).strftime("%H:%M") if holder.since else "—"
        self.say(
            lambda: self.tr("Counter {number} is in use by {holder}").format(
                number=number, holder=holder.full_name or holder.username
            )
        )
        dialog = TakeoverDialog(
            self.window(), number, holder.full_name or holder.username, holder.state == "paused", since
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._take_over(actor, number))
        dialog.finished.connect(self._takeover_closed)
        dialog.open()

    def _takeover_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        if not self._busy:
            self.counter_choice.setFocus()

    def _take_over(self, actor: Actor, number: int) -> None:
        self._checking()
        database, clock = self._database, self._clock
        self._background(lambda: open_counter(database, clock, actor, number, take_over=True), self._landed)
