"""The supervisor window's login: username and password, checked off the GUI thread by the window.

The counter panel's login is part of its window (it also chooses and opens a counter), so this small form is
the supervisor's own; the check behind both is ``services.users.authenticate``.

Signals:
    submitted(str, str): the person asks to log in with this username and password (both given).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antrian.gui.i18n import Retranslated


class LoginPage(Retranslated, QWidget):
    submitted = Signal(str, str)

    def __init__(self, username: str = "", password: str = "") -> None:
        super().__init__()
        self._said: Callable[[], str] = lambda: ""  # the error's words, made again on a language change
        box = QFrame()
        box.setObjectName("login")
        box.setMaximumWidth(520)
        form = QFormLayout(box)
        form.setContentsMargins(32, 28, 32, 28)
        form.setVerticalSpacing(14)
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.title.setWordWrap(True)
        form.addRow(self.title)
        self.username = QLineEdit(username)
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label, self.password_label = QLabel(), QLabel()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        self.error = QLabel("")
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.button = QPushButton()
        self.button.setObjectName("primary")
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(self.submit)
        form.addRow(self.button)
        for field in (self.username, self.password):
            field.returnPressed.connect(self.submit)
            field.setMinimumHeight(36)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 2)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supervisor monitor: log in as a supervisor or admin"))
        self.username_label.setText(self.tr("User"))
        self.password_label.setText(self.tr("Password"))
        self.username.setPlaceholderText(self.tr("username"))
        self.password.setPlaceholderText(self.tr("password"))
        self.button.setText(self.tr("Log in (Enter)"))
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
