"""The supervisor window's login: username and password, checked off the GUI thread by the window.

The window's part (``LoggingIn``, mixed into it) checks them off the GUI thread, has a first or reset
password replaced before the monitor opens, and reads the first snapshot with the login.

The card is the counter panel's (``gui.login.LoginBox``) without its counter row; the check behind both is
``services.login.authenticate``.

Signals:
    submitted(str, str): the person asks to log in with this username and password (both given).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.errors import PermissionDenied
from antrian.domain.messages import Message
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.login import LoginBox
from antrian.gui.password import MustChange, NewPasswordDialog
from antrian.gui.theme.metrics import TYPE
from antrian.services.monitor import MonitorSnapshot
from antrian.store.database import Database

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import QStackedWidget

log = logging.getLogger("antrian.gui.supervisor.window")  # the supervisor's one log, as before the split


class LoginPage(Retranslated, QWidget):
    submitted = Signal(str, str)

    def __init__(
        self, username: str = "", password: str = "", title: Callable[[], str] | None = None
    ) -> None:
        super().__init__()
        self._title = title  # another window's own title (the admin window's), said in its language
        self._said: Callable[[], str] = lambda: ""  # the error's words, made again on a language change
        self.box = LoginBox(username, password)
        self.title, self.username, self.password = self.box.title, self.box.username, self.box.password
        self.error, self.button = self.box.error, self.box.button
        self.title.setObjectName("loginTitle")
        font = self.title.font()
        font.setPixelSize(TYPE.login)
        self.title.setFont(font)
        self.box.submitted.connect(self.submit)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.box.centred())
        self.retranslate()

    def retranslate(self) -> None:
        if self._title is not None:
            self.title.setText(self._title())
        else:
            self.title.setText(self.tr("Supervisor monitor: log in as a supervisor or admin"))
        self.error.setText(self._said())

    def say(self, said: Callable[[], str]) -> None:
        """Show the words ``said`` makes under the form (now, and again in a new language)."""
        self._said = said
        self.error.setText(said())

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.say(lambda: self.tr("Enter the username and password"))
            return
        self.submitted.emit(username, password)

    def busy(self, busy: bool) -> None:
        """While a login is checked: the button is off and the form says so."""
        self.button.setEnabled(not busy)
        if busy:
            self.say(lambda: self.tr("Checking…"))


@dataclass(frozen=True, slots=True)
class _Login:
    """What a login attempt came to: the actor and the first snapshot, or why it was refused."""

    actor: Actor | None
    message: Message | None
    snapshot: MonitorSnapshot | None = None


class LoggingIn:
    """The login of ``SupervisorWindow`` (mixed in before the Qt class): checked off the GUI thread, a
    first or reset password replaced before the monitor opens, and the first snapshot read with it."""

    _database: Database
    _background: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    _clock: Clock
    _in_flight: bool
    _closed: bool
    actor: Actor | None
    login: LoginPage
    pages: QStackedWidget
    _tick: QTimer
    loggedIn: SignalInstance

    if TYPE_CHECKING:

        def _who_may(self) -> str: ...
        def _update_title(self) -> None: ...
        def _apply(self, snapshot: MonitorSnapshot) -> None: ...

    def _log_in(self, username: str, password: str) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        self.login.busy(True)
        database, clock = self._database, self._clock

        def work() -> _Login | MustChange:
            from antrian.services.login import authenticate
            from antrian.services.monitor import monitor_snapshot

            with database.write() as session:
                outcome = authenticate(session, username, password, clock=clock)
            if outcome.actor is None:
                return _Login(None, outcome.message)
            if outcome.must_change_password:  # a first or reset password: replaced before the monitor opens
                return MustChange(outcome.actor, password)
            with database.read() as session:  # an operator is refused here (PermissionDenied)
                return _Login(outcome.actor, None, monitor_snapshot(session, outcome.actor, clock))

        self._background(work, self._logged_in)

    def _logged_in(self, result: _Login | MustChange | Exception) -> None:
        self._in_flight = False
        self.login.busy(False)
        if self._closed:
            return
        if isinstance(result, MustChange):
            self.login.say(lambda: "")
            self._ask_new_password(result)
            return
        if isinstance(result, Exception):
            error = result
            if isinstance(error, PermissionDenied):
                self.login.say(lambda: f"{words.say(error)}\n{self._who_may()}")
            else:
                said = error_text(
                    error
                )  # once: an unexpected error is logged here, not at each language change
                self.login.say(lambda: said)
            self.login.password.clear()
            return
        if result.actor is None or result.snapshot is None:
            message = result.message
            self.login.say(lambda: words.say(message) if message else "")
            self.login.password.clear()
            self.login.password.setFocus()
            return
        self.actor = result.actor
        self.login.say(lambda: "")
        self.login.password.clear()
        self.pages.setCurrentIndex(1)
        self._update_title()
        self._apply(result.snapshot)
        self._tick.start()
        log.info("supervisor monitor opened by %s", self.actor.name)
        self.loggedIn.emit(self.actor.name)

    def _ask_new_password(self, must: MustChange) -> None:
        """The new password typed twice and saved; then the login runs again with it."""
        dialog = NewPasswordDialog(self._database, self._background, must, cast("QWidget", self), self._clock)
        dialog.changed.connect(lambda new_password: self._log_in(must.actor.name, new_password))
        dialog.finished.connect(dialog.deleteLater)
        self.login.password.clear()
        dialog.open()
