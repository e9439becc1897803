"""The counter panel's actions: one table of each action, its function key (on its button too) and the
question asked before the service call, and the window's shortcuts for them.

Every action is one call of ``services.desk.act(session, counter, action, expect=token, **params)``
(``outbox.Outbox`` sends it); the question (``dialogs``) gives its ``params``: which number, which service,
why the break, whether the priority claim was right. OPEN has no row of its own: F10 opens a counter that
is not open (``rules.break_key``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from antrian.domain.desk import DeskAction
from antrian.gui.counter.dialogs import (
    CloseDialog,
    NumberDialog,
    PauseDialog,
    PriorityDialog,
    ServiceDialog,
    Suggestion,
)
from antrian.services.desk import DeskView


@dataclass(frozen=True)
class Question:
    """A dialog to answer before the call, and the call's parameters from its answer (read once accepted)."""

    dialog: QDialog
    params: Callable[[], dict[str, Any]]


# The question for an action (None: the action is sent at once), given the window, its view and counter.
Ask = Callable[[QWidget, DeskView | None, int], Question | None]


@dataclass(frozen=True)
class Row:
    key: str
    ask: Ask | None = None


def _check_priority(parent: QWidget, view: DeskView | None, _number: int) -> Question | None:
    current = view.current if view else None
    if current is None or not current.priority_group:
        return None
    dialog = PriorityDialog(parent, current.number, current.priority_group)
    return Question(dialog, lambda: {"priority_confirmed": dialog.confirmed})


def _which_number(parent: QWidget, view: DeskView | None, _number: int) -> Question:
    dialog = NumberDialog(parent, suggestions(view))
    return Question(dialog, lambda: {"ticket": dialog.number()})


def _which_service(parent: QWidget, view: DeskView | None, _number: int) -> Question | None:
    current = view.current if view else None
    if current is None or view is None:
        return None
    targets = [(code, name) for code, name in view.transfer_targets if code != current.service]
    dialog = ServiceDialog(parent, current.number, targets)
    return Question(dialog, lambda: {"to_service": dialog.code()})


def _why_break(parent: QWidget, _view: DeskView | None, _number: int) -> Question:
    dialog = PauseDialog(parent)
    return Question(dialog, lambda: {"reason": dialog.reason()})


def _close_really(parent: QWidget, _view: DeskView | None, number: int) -> Question:
    return Question(CloseDialog(parent, number), dict)


# In the order of the buttons, five to a row.
ACTIONS: dict[DeskAction, Row] = {
    DeskAction.CALL_NEXT: Row("F2"),
    DeskAction.RECALL: Row("F3"),
    DeskAction.START: Row("F4", _check_priority),
    DeskAction.FINISH: Row("F5"),
    DeskAction.NO_SHOW: Row("F6"),
    DeskAction.HOLD: Row("F7"),
    DeskAction.CALL_NUMBER: Row("F8", _which_number),
    DeskAction.TRANSFER: Row("F9", _which_service),
    DeskAction.PAUSE: Row("F10", _why_break),
    DeskAction.CLOSE: Row("F12", _close_really),
}
KEYS: dict[DeskAction, str] = {action: row.key for action, row in ACTIONS.items()}


def question(action: DeskAction, parent: QWidget, view: DeskView | None, number: int) -> Question | None:
    """What to ask before ``action`` is sent (None: nothing, send it)."""
    row = ACTIONS.get(action)
    return row.ask(parent, view, number) if row is not None and row.ask is not None else None


def suggestions(view: DeskView | None) -> list[Suggestion]:
    """The numbers offered for a call by number: held here, missed here, then those waiting."""
    if view is None:
        return []
    found = [Suggestion(e.number, "held") for e in view.held]
    found += [Suggestion(e.number, "missed") for e in view.missed]
    found += [Suggestion(e.number, "waiting", e.service_name) for e in view.waiting]
    return found


def install_shortcuts(
    window: QWidget, trigger: Callable[[DeskAction], None], cancel: Callable[[], None]
) -> dict[DeskAction, QShortcut]:
    """Each action's key on ``window``, and Esc to cancel the action waiting for the database.

    A key works even when its button is disabled: ``trigger`` then says why instead of doing nothing.
    """
    shortcuts: dict[DeskAction, QShortcut] = {}
    for action, key in KEYS.items():
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda a=action: trigger(a))
        shortcuts[action] = shortcut
    escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    escape.activated.connect(cancel)
    return shortcuts
