"""What the admin window's own pages share: the page contract, the read-only line, the message line, and
database work through the task runner.

A page is built as ``Page(database, runner, actor, parent)``, says its ``title()``, re-reads what it shows in
``refresh()`` (the window calls it when the page is shown and when the change feed brings an event of one of
its ``kinds``), and saves through service functions that check the actor's role themselves: a page only
mirrors that check (``may``) to disable what would be refused.

Signals:
    loaded(): what the page shows was read again and is on screen.
    saved(): a change was saved (the page then re-reads it).
    failed(str): a read or a save failed; the text is on the page's message line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.errors import PermissionDenied
from antrian.domain.roles import Actor, Permission
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.tasks import TaskRunner, still_there
from antrian.gui.theme.metrics import SIZE
from antrian.store.database import Database

SETTINGS_CHANGED = frozenset({"settings_changed"})


def may(actor: Actor, permission: Permission) -> bool:
    """Whether the services would let ``actor`` do what ``permission`` guards (they check it again)."""
    try:
        actor.require(permission)
    except PermissionDenied:
        return False
    return True


def cell(text: str, *, align_right: bool = False) -> QTableWidgetItem:
    """A read-only cell."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def table(columns: int) -> QTableWidget:
    """A table of whole rows, one selected at a time, not edited in place."""
    return rows_only(QTableWidget(0, columns))


def rows_only(table: QTableWidget) -> QTableWidget:
    """``table`` (one of a Designer form, say) made a table of whole rows, one selected at a time, not
    edited in place."""
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class AdminPage(Retranslated, QWidget):
    loaded = Signal()
    saved = Signal()
    failed = Signal(str)

    kinds: frozenset[str] = SETTINGS_CHANGED

    def __init__(
        self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.runner, self.actor = database, runner, actor
        self.editable = may(actor, Permission.MANAGE)
        self._said: Callable[[], str] = lambda: ""
        self._busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 14)
        outer.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.read_only = QLabel()
        self.read_only.setObjectName("readOnly")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(not self.editable)
        outer.addWidget(self.heading)
        outer.addWidget(self.read_only)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)
        footer = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("pageMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        footer.addWidget(self.message, 1)
        self.buttons = QHBoxLayout()
        footer.addLayout(self.buttons)
        outer.addLayout(footer)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.read_only.setText(
            self.tr("Read only: your role may look at these settings; only an admin may change them.")
        )
        self.message.setText(self._said())

    def button(self, primary: bool = False) -> QPushButton:
        """A button in the page's footer, hidden when the actor may not change anything."""
        made = QPushButton(self)
        if primary:
            made.setObjectName("primary")
        made.setMinimumHeight(SIZE.action)
        made.setVisible(self.editable)
        self.buttons.addWidget(made)
        return made

    def say(self, said: Callable[[], str], *, error: bool = False) -> None:
        """The message line: the words ``said`` makes, now and after a language change."""
        self._said = said
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(said())

    # -- database work ----------------------------------------------------------------------------------
    def read(self, work: Callable[[], Any], apply: Callable[[Any], None]) -> None:
        """``work`` off the GUI thread, ``apply`` its result on it (then ``loaded``)."""

        def done(result: Any) -> None:
            if not still_there(self.refresh):  # the page closed while its read ran: nobody to show it to
                return
            apply(result)
            self.loaded.emit()

        self.runner.submit(work, done, self._failed)

    def write(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """``work`` off the GUI thread; then ``done``, ``saved``, a "Saved" line and a re-read. One save at a
        time: a click while one runs is ignored."""
        if self._busy:
            return
        self._busy = True

        def landed(result: Any) -> None:
            if not still_there(self.refresh):  # the page closed while its save ran: it landed all the same
                return
            self._busy = False
            if done is not None:
                done(result)
            self.say(lambda: self.tr("Saved."))
            self.saved.emit()
            self.refresh()

        def refused(error: Exception) -> None:
            if not still_there(self.refresh):
                return
            self._busy = False
            self._failed(error)

        self.runner.submit(work, landed, refused)

    def _failed(self, error: Exception) -> None:
        said = error_text(error)  # an unexpected error is logged once, here
        self.say(lambda: said, error=True)
        self.failed.emit(said)
