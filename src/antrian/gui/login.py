"""The login card the counter panel and the supervisor window share: a title the window says, username and
password, any rows the window adds (the counter to open), a line for what went wrong, and the button.

The window checks the password off the GUI thread (``services.login.authenticate``); the card only collects
what was typed and says the texts common to every login.

Signals:
    submitted(): Enter in a field or the button: the window checks what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from antrian.gui.forms.login_box_ui import Ui_LoginBox
from antrian.gui.i18n import Retranslated
from antrian.gui.theme.metrics import SIZE


class LoginBox(Retranslated, QFrame):
    submitted = Signal()

    def __init__(self, username: str = "", password: str = "") -> None:
        super().__init__()
        self.setObjectName("login")
        self.form = Ui_LoginBox()  # the card's rows: ui/login_box.ui
        self.form.setupUi(self)
        self.title, self.username, self.password = self.form.title, self.form.username, self.form.password
        self.error, self.button = self.form.loginError, self.form.primary
        self.setMaximumWidth(SIZE.login_width)
        for field in (self.username, self.password):
            field.setMinimumHeight(SIZE.login_field)
        self.button.setMinimumHeight(SIZE.login_button)
        self.username.setText(username)
        self.password.setText(password)
        self.button.clicked.connect(self.submitted)
        for field in (self.username, self.password):
            field.returnPressed.connect(self.submitted)

    def add_row(self, label: QLabel, field: QWidget) -> None:
        """A row of the window's own under the password (above the error line and the button)."""
        self.form.rows.insertRow(self.form.rows.rowCount() - 2, label, field)

    def retranslate(self) -> None:
        self.form.retranslateUi(self)

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
