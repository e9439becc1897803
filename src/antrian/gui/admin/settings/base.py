"""What the three settings pages share: the heading, the read-only note, the message line, and database work
through the window's task runner with its failures told in that line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from antrian.domain.errors import AntrianError, PermissionDenied
from antrian.domain.roles import Actor, Permission
from antrian.gui import theme
from antrian.gui.errors import error_text, log_failure
from antrian.gui.tasks import TaskRunner
from antrian.gui.widgets import named_label
from antrian.store.database import Database


def may_change(actor: Actor) -> bool:
    """Whether ``actor`` may change the office set-up (the services check it again on every save)."""
    try:
        actor.require(Permission.MANAGE)
    except PermissionDenied:
        return False
    return True


class SettingsPage(QWidget):
    """A page of the admin window: ``title()``, ``refresh()`` and, for an actor who may not change the
    set-up, every field disabled and a note saying so.

    Subclasses put their content in ``self.body`` and list their editing widgets in ``self.fields``.
    """

    kinds: frozenset[str] = frozenset({"settings_changed"})

    def __init__(self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        theme.apply(self, "settings")
        self._database, self._runner, self._actor = database, runner, actor
        self.editable = may_change(actor)
        self.fields: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        self.heading = named_label(self, "pageTitle")
        self.about = named_label(self, "pageAbout", wrap=True)
        self.read_only = named_label(self, "readOnly", wrap=True)
        self.read_only.setText(self.tr("You can view these settings; only an administrator can change them."))
        self.read_only.setVisible(not self.editable)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.message = named_label(self, "message", wrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        for widget in (self.heading, self.about, self.read_only):
            layout.addWidget(widget)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def lock_if_read_only(self) -> None:
        """Disable every editing widget when the actor may only look (call once the page is built)."""
        if not self.editable:
            for widget in self.fields:
                widget.setEnabled(False)

    def show_message(self, text: str, kind: str = "info") -> None:
        """Say ``text`` in the page's message line; ``kind`` is "info" or "error"."""
        self.message.setProperty("kind", kind)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def clear_message(self) -> None:
        self.message.hide()
        self.message.clear()

    def run(self, work: Callable[[], Any], done: Callable[[Any], None], what: str) -> None:
        """``work`` on the runner, then ``done(result)`` here; a failure is said in the message line and
        logged as ``what``."""
        self._runner.submit(work, done, lambda error: self.failed(error, what))

    def failed(self, error: Exception, what: str) -> None:
        if isinstance(error, AntrianError):  # anything else error_text logs with its traceback
            log_failure(what, error)
        self.show_message(error_text(error), "error")
