"""The counter panel's shared words: what each action is called, what it did, the ticket's and the
counter's state, the counter's title, and how an error is said.

Texts are English in the code and translated at use in the context ``CONTEXT``; the Indonesian words are in
gui/translations/counter_id.ts. A text one part of the panel says alone stays in that part's ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from antrian import words
from antrian.domain.desk import DeskAction
from antrian.domain.errors import AntrianError
from antrian.domain.status import Status
from antrian.gui.errors import error_text

CONTEXT = "CounterTexts"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for lupdate (which finds it by this name) and returns it as it is: Qt's own says it
    returns ``object``, this one ``str``."""
    return source


# What each action is called (messages, tooltips, screen readers), OPEN included: it has no button of its own,
# F10 opens a paused counter.
NAMES: dict[DeskAction, str] = {
    DeskAction.CALL_NEXT: QT_TRANSLATE_NOOP("CounterTexts", "Call Next"),
    DeskAction.RECALL: QT_TRANSLATE_NOOP("CounterTexts", "Recall"),
    DeskAction.START: QT_TRANSLATE_NOOP("CounterTexts", "Start Serving"),
    DeskAction.FINISH: QT_TRANSLATE_NOOP("CounterTexts", "Finish"),
    DeskAction.NO_SHOW: QT_TRANSLATE_NOOP("CounterTexts", "Not Present"),
    DeskAction.HOLD: QT_TRANSLATE_NOOP("CounterTexts", "Hold"),
    DeskAction.CALL_NUMBER: QT_TRANSLATE_NOOP("CounterTexts", "Call Number"),
    DeskAction.TRANSFER: QT_TRANSLATE_NOOP("CounterTexts", "Transfer"),
    DeskAction.PAUSE: QT_TRANSLATE_NOOP("CounterTexts", "Break"),
    DeskAction.OPEN: QT_TRANSLATE_NOOP("CounterTexts", "Open Counter"),
    DeskAction.CLOSE: QT_TRANSLATE_NOOP("CounterTexts", "Close Counter"),
}
# What a button says (an ellipsis: a question follows).
LABELS: dict[DeskAction, str] = {
    **NAMES,
    DeskAction.CALL_NUMBER: QT_TRANSLATE_NOOP("CounterTexts", "Call Number…"),
    DeskAction.TRANSFER: QT_TRANSLATE_NOOP("CounterTexts", "Transfer…"),
    DeskAction.PAUSE: QT_TRANSLATE_NOOP("CounterTexts", "Break…"),
}
# What an action did to its ticket, said in the message bar.
DONE: dict[DeskAction, str] = {
    DeskAction.CALL_NEXT: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} called"),
    DeskAction.CALL_NUMBER: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} called"),
    DeskAction.RECALL: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} called again"),
    DeskAction.START: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} being served"),
    DeskAction.FINISH: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} served"),
    DeskAction.NO_SHOW: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} marked not present"),
    DeskAction.HOLD: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} on hold"),
    DeskAction.TRANSFER: QT_TRANSLATE_NOOP("CounterTexts", "{ticket} transferred"),
}
# The current ticket's status (a ticket in one of these is at the counter).
STATUS_WORDS: dict[str, str] = {
    Status.CALLED.value: QT_TRANSLATE_NOOP("CounterTexts", "CALLED"),
    Status.SERVING.value: QT_TRANSLATE_NOOP("CounterTexts", "BEING SERVED"),
}
STATE_WORDS: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("CounterTexts", "OPEN"),
    "paused": QT_TRANSLATE_NOOP("CounterTexts", "ON A BREAK"),
    "closed": QT_TRANSLATE_NOOP("CounterTexts", "CLOSED"),
}
COUNTER = QT_TRANSLATE_NOOP("CounterTexts", "Counter {number}")
ANOTHER_OPERATOR = QT_TRANSLATE_NOOP("CounterTexts", "another operator")
UNDER_A_MINUTE = QT_TRANSLATE_NOOP("CounterTexts", "under 1 minute")


def say(text: str) -> str:
    """A text of the tables above in the interface language."""
    return QCoreApplication.translate(CONTEXT, text)


def counter_title(number: int, name: str, separator: str) -> str:
    """The counter's title ("Counter 3"), and its own name after ``separator`` when that says more."""
    title = say(COUNTER).format(number=number)
    # The name an office gets by default (services.setup) says no more than the number.
    if name in ("", title, f"Loket {number}"):
        return title
    return f"{title}{separator}{name}"


def error_words(error: Exception) -> Callable[[], str]:
    """How to say ``error``, now and after a language change (an unexpected one is logged once, here)."""
    if isinstance(error, AntrianError):
        return lambda: words.say(error)
    said = error_text(error)
    return lambda: said
