"""The forced password change at login: a first or reset password (``must_change_password``) is replaced
before the window continues. The new password is typed twice; ``services.users.change_own_password`` checks
it (length, not the username, not the old one) off the GUI thread, and its refusal is shown in the dialog.

Signals:
    changed(str): the new password was saved; the window logs in again with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, system_clock
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.store.database import Database


@dataclass(frozen=True, slots=True)
class MustChange:
    """A login that succeeded with a password the user must replace first."""

    actor: Actor
    password: str


class NewPasswordDialog(Retranslated, QDialog):
    changed = Signal(str)

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        must: MustChange,
        parent: QWidget | None = None,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__(parent)
        self._database, self._background, self._must, self._clock = database, run_in_background, must, clock
        self._said: Callable[[], str] = lambda: ""
        self.setModal(True)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.first = QLineEdit(self)
        self.again = QLineEdit(self)
        for field in (self.first, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setObjectName("newPassword")
        self.again.setObjectName("newPasswordAgain")
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.first_label, self.again_label = QLabel(self), QLabel(self)
        self.form.addRow(self.first_label, self.first)
        self.form.addRow(self.again_label, self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose a new password"))
        self.heading.setText(
            self.tr(
                "{user}, your password was given to you by an admin: choose your own before you go on."
            ).format(user=self._must.actor.name)
        )
        self.first_label.setText(self.tr("New password"))
        self.again_label.setText(self.tr("New password again"))
        self.error.setText(self._said())

    def say(self, said: Callable[[], str]) -> None:
        self._said = said
        self.error.setText(said())

    def submit(self) -> None:
        new, again = self.first.text(), self.again.text()
        if new != again:
            self.say(lambda: self.tr("The two passwords differ"))
            self.again.clear()
            self.again.setFocus()
            return
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.say(lambda: self.tr("Saving…"))
        database, must, clock = self._database, self._must, self._clock

        def work() -> str:
            from antrian.services.users import change_own_password

            with database.write() as session:
                change_own_password(session, must.actor, must.password, new, clock=clock)
            return new

        def done(result: str | Exception) -> None:
            ok.setEnabled(True)
            if isinstance(result, Exception):
                said = error_text(result)
                self.say(lambda: said)
                self.first.selectAll()
                self.first.setFocus()
                return
            self.say(lambda: "")
            self.accept()
            self.changed.emit(result)

        self._background(work, done)
