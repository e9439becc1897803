"""The login card the counter panel and the supervisor window share: a title the window says, username and
password, any rows the window adds (the counter to open), a line for what went wrong, and the button.

The window checks the password off the GUI thread (``services.users.authenticate``); the card only collects
what was typed and says the texts common to every login.

Signals:
    submitted(): Enter in a field or the button: the window checks what was typed.
"""

from __future__ import annotations

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

WIDTH = 520


class LoginBox(Retranslated, QFrame):
    submitted = Signal()

    def __init__(self, username: str = "", password: str = "") -> None:
        super().__init__()
        self.setObjectName("login")
        self.setMaximumWidth(WIDTH)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(32, 28, 32, 28)
        self.form.setVerticalSpacing(14)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.form.addRow(self.title)
        self.username = QLineEdit(username)
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label, self.password_label = QLabel(), QLabel()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.error = QLabel("")
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.form.addRow(self.error)
        self.button = QPushButton()
        self.button.setObjectName("primary")
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(self.submitted)
        self.form.addRow(self.button)
        for field in (self.username, self.password):
            field.returnPressed.connect(self.submitted)
            field.setMinimumHeight(36)
        self.retranslate()

    def add_row(self, label: QLabel, field: QWidget) -> None:
        """A row of the window's own under the password (above the error line and the button)."""
        self.form.insertRow(self.form.rowCount() - 2, label, field)

    def retranslate(self) -> None:
        self.username_label.setText(self.tr("User"))
        self.password_label.setText(self.tr("Password"))
        self.username.setPlaceholderText(self.tr("username"))
        self.password.setPlaceholderText(self.tr("password"))
        self.button.setText(self.tr("Log in (Enter)"))

    def centred(self) -> QWidget:
        """A page holding the card a little above the middle, as wide as it may be."""
        page = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self, 2)
        row.addStretch(1)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page
