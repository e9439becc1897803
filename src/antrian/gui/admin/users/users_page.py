"""The admin window's users page: every user with role and state; add (the first password shown once),
change name and role, disable or enable, reset the password (shown once), unlock. Every change goes through
``services.users`` on the task runner, which checks the role; a supervisor or viewer sees the list only.
The list, the fields and the buttons are the Designer form ui/admin/users/users_page.ui.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import (
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from antrian import words
from antrian.domain.roles import USER_ROLES, Actor, Permission, Role
from antrian.gui.errors import error_text
from antrian.gui.forms.users_page_ui import Ui_UsersPage
from antrian.gui.i18n import Retranslated
from antrian.gui.tasks import TaskRunner
from antrian.services.users import IssuedPassword, UserInfo
from antrian.store.database import Database

ROLE_ORDER = (Role.ADMIN, Role.SUPERVISOR, Role.OPERATOR, Role.VIEWER)
assert set(ROLE_ORDER) == USER_ROLES


class UsersPage(Retranslated, QWidget):
    kinds = frozenset({"settings_changed"})

    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database, self._runner, self.actor = database, runner, actor
        self.editable = actor.may(Permission.USERS)
        self.users: list[UserInfo] = []  # the UserInfo rows shown
        self.form = Ui_UsersPage()  # the list, the fields, the buttons: ui/admin/users/users_page.ui
        self.form.setupUi(self)
        form = self.form
        self.note, self.table, self.message = form.note, form.table, form.message
        self.username, self.full_name, self.role = form.username, form.full_name, form.role
        self.add_button, self.save_button = form.add_button, form.save_button
        self.active_button, self.reset_button = form.active_button, form.reset_button
        self.unlock_button = form.unlock_button
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        for role in ROLE_ORDER:
            self.role.addItem(words.show(role), role.value)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset)
        self.unlock_button.clicked.connect(self.unlock)
        for widget in (self.username, self.full_name, self.role, self.add_button, self.save_button):
            widget.setEnabled(self.editable)
        for button in (self.save_button, self.active_button, self.reset_button, self.unlock_button):
            button.setVisible(self.editable)
        self.add_button.setVisible(self.editable)
        self.retranslate()
        self._selected()

    def title(self) -> str:
        return self.tr("Users")

    def retranslate(self) -> None:
        self.note.setText(
            "" if self.editable else self.tr("Only an admin may change users; you can read this page.")
        )
        self.note.setVisible(not self.editable)
        self.form.retranslateUi(self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Full name"), self.tr("Role"), self.tr("State")]
        )
        self._selected()

    # -- reading ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        database, actor = self._database, self.actor

        def work() -> list[UserInfo]:
            from antrian.services.users import list_users

            with database.read() as session:
                return list_users(session, actor)

        self._runner.submit(work, self._show, self._failed)

    def _show(self, users: list[UserInfo]) -> None:
        chosen = self.selected()
        self.users = users
        now = datetime.now(UTC)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            states = []
            if not user.active:
                states.append(self.tr("disabled"))
            if user.locked(now):
                states.append(self.tr("locked"))
            if user.must_change_password:
                states.append(self.tr("must change password"))
            cells = (
                user.username,
                user.full_name,
                words.show(user.role),
                ", ".join(states) or self.tr("active"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and user.username == chosen.username:
                self.table.selectRow(row)
        self._selected()

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def _selected(self) -> None:
        user = self.selected()
        for button in (self.save_button, self.active_button, self.reset_button, self.unlock_button):
            button.setEnabled(self.editable and user is not None)
        if user is None:
            self.active_button.setText(self.tr("Disable"))
            return
        self.username.setText(user.username)
        self.full_name.setText(user.full_name)
        self.role.setCurrentIndex(ROLE_ORDER.index(user.role))
        self.active_button.setText(self.tr("Disable") if user.active else self.tr("Enable"))

    # -- changing -----------------------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.message.setText(self.tr("Saving…"))
        self._runner.submit(work, done, self._failed)

    def _write(self, call: Callable[[Any, Actor], Any]) -> Callable[[], Any]:
        database, actor = self._database, self.actor

        def work() -> Any:
            with database.write() as session:
                return call(session, actor)

        return work

    def add(self) -> None:
        from antrian.services.users import add_user

        username, name, role = self.username.text(), self.full_name.text(), self.role.currentData()
        self._run(self._write(lambda s, a: add_user(s, a, username, name, role)), self._issued)

    def save(self) -> None:
        from antrian.services.users import edit_user

        user = self.selected()
        if user is None:
            return
        name, role = self.full_name.text(), self.role.currentData()
        self._run(
            self._write(lambda s, a: edit_user(s, a, user.username, full_name=name, role=role)), self._saved
        )

    def toggle_active(self) -> None:
        from antrian.services.users import set_user_active

        user = self.selected()
        if user is not None:
            active = not user.active
            self._run(self._write(lambda s, a: set_user_active(s, a, user.username, active)), self._saved)

    def reset(self) -> None:
        from antrian.services.users import reset_password

        user = self.selected()
        if user is not None:
            self._run(self._write(lambda s, a: reset_password(s, a, user.username)), self._issued)

    def unlock(self) -> None:
        from antrian.services.users import unlock_user

        user = self.selected()
        if user is not None:
            self._run(self._write(lambda s, a: unlock_user(s, a, user.username)), self._saved)

    def _issued(self, issued: IssuedPassword) -> None:
        self.message.setText(
            self.tr("Password of {user}, shown only now: {password}").format(
                user=issued.user.username, password=issued.password
            )
        )
        self.refresh()

    def _saved(self, _info: object) -> None:
        self.message.setText(self.tr("Saved."))
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))
