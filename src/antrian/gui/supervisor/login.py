"""The supervisor window's login: username and password, checked off the GUI thread by the window.

The card is the counter panel's (``gui.login.LoginBox``) without its counter row; the check behind both is
``services.login.authenticate``.

Signals:
    submitted(str, str): the person asks to log in with this username and password (both given).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from antrian.gui.i18n import Retranslated
from antrian.gui.login import LoginBox


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
        font.setPixelSize(22)
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
