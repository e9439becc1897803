"""The counter panel's small questions: which number, which service, why the break, is the priority claim
right, close the counter. Each works with the keyboard alone (type, arrows, Enter, Esc) and the mouse alone
(pick from a list, click a button); each is opened window-modal with ``open()`` and answers through
``accepted``, so the panel never runs a nested event loop. Each says its texts in the interface language in
``retranslate``, again when the language changes while it is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.gui.counter.texts import QT_TRANSLATE_NOOP
from antrian.gui.forms.number_dialog_ui import Ui_NumberDialog
from antrian.gui.forms.pause_dialog_ui import Ui_PauseDialog
from antrian.gui.forms.question_dialog_ui import Ui_QuestionDialog
from antrian.gui.forms.service_dialog_ui import Ui_ServiceDialog
from antrian.gui.theme.metrics import SIZE, TYPE

# The reasons offered for a break, in the operator's language; the one chosen is saved as its words.
PAUSE_REASONS = (
    QT_TRANSLATE_NOOP("PauseDialog", "Break"),
    QT_TRANSLATE_NOOP("PauseDialog", "Prayer"),
    QT_TRANSLATE_NOOP("PauseDialog", "Lunch"),
    QT_TRANSLATE_NOOP("PauseDialog", "Meeting / coordination"),
    QT_TRANSLATE_NOOP("PauseDialog", "System problem"),
)
MINIMUM_WIDTH = SIZE.dialog
# Why a number is offered in the call-number list.
NOTES = {
    "held": QT_TRANSLATE_NOOP("NumberDialog", "on hold at this counter"),
    "missed": QT_TRANSLATE_NOOP("NumberDialog", "not present earlier"),
    "waiting": QT_TRANSLATE_NOOP("NumberDialog", "waiting · {service}"),
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A number the operator may call by number: ``kind`` is a key of ``NOTES``."""

    number: str
    kind: str
    service: str = ""


class Form(Protocol):
    """What every dialog's Designer form (ui/counter/*_dialog.ui) has: the question over the dialog's own
    fields, and the row of buttons, in a layout that keeps the dialog as large as its contents."""

    rows: QVBoxLayout
    question: QLabel
    buttons: QDialogButtonBox

    def setupUi(self, dialog: QDialog, /) -> None: ...

    def retranslateUi(self, dialog: QDialog, /) -> None: ...


class _Dialog(QDialog):
    def __init__(self, parent: QWidget, form: Form | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        font = QFont(self.font())
        font.setPixelSize(TYPE.dialog)
        self.setFont(font)
        self.form: Form = form or Ui_QuestionDialog()
        self.form.setupUi(self)
        self.question = self.form.question
        # Never narrower than its buttons' texts, in whichever language they are said (and when it changes):
        # the form's layout keeps its minimum size; 520 pixels at least, set on the question.
        margins = self.form.rows.contentsMargins()
        self.question.setMinimumWidth(MINIMUM_WIDTH - margins.left() - margins.right())
        self.ok = QPushButton()
        self.cancel = QPushButton()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # its letter keys (Y / T) work without a click first

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text in the interface language: at the end of each constructor, and on a language change."""
        self.form.retranslateUi(self)
        self.cancel.setText(self.tr("Cancel (Esc)"))

    def _buttons(self) -> None:
        """OK and Cancel in the form's row of buttons."""
        box = self.form.buttons
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        box.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setAutoDefault(False)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)


class NumberDialog(_Dialog):
    """Call a given number: type it, or pick one of today's held, missed or waiting tickets."""

    def __init__(self, parent: QWidget, suggestions: list[Suggestion]) -> None:
        form = Ui_NumberDialog()
        super().__init__(parent, form)
        self.suggestions = suggestions
        self.choice = form.choice
        for suggestion in suggestions:
            self.choice.addItem(suggestion.number, suggestion.number)
        self.choice.setCurrentIndex(-1)
        self.choice.setEditText("")
        self._buttons()
        self.ok.setEnabled(False)
        self.choice.currentTextChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.choice.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.ok.setText(self.tr("Call (Enter)"))
        for index, suggestion in enumerate(self.suggestions):
            note = QCoreApplication.translate("NumberDialog", NOTES[suggestion.kind])
            self.choice.setItemText(
                index, f"{suggestion.number}  —  {note.format(service=suggestion.service)}"
            )

    def number(self) -> str:
        index = self.choice.currentIndex()
        text = self.choice.currentText().strip()
        if index >= 0 and text == self.choice.itemText(index):
            return str(self.choice.itemData(index))
        return text.split()[0].upper() if text else ""


class ServiceDialog(_Dialog):
    """Transfer: pick the service the citizen goes to next."""

    def __init__(self, parent: QWidget, number: str, services: list[tuple[str, str]]) -> None:
        form = Ui_ServiceDialog()
        super().__init__(parent, form)
        self.ticket = number
        self.services = form.services
        for code, name in services:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.services.addItem(item)
        # Nothing chosen yet: a hasty Enter must not send the citizen to the first service in the list. Type
        # the service's code (or use the arrows and Space), or click it.
        self.services.setCurrentRow(-1)
        self.services.itemDoubleClicked.connect(lambda _item: self.accept())
        self._buttons()
        self.ok.setEnabled(False)
        self.services.itemSelectionChanged.connect(lambda: self.ok.setEnabled(bool(self.code())))
        self.services.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.question.setText(
            self.tr(
                "Transfer {ticket} to the service (type its code or click; the number and its place stay):"
            ).format(ticket=self.ticket)
        )
        self.ok.setText(self.tr("Transfer (Enter)"))

    def accept(self) -> None:
        if self.code():
            super().accept()

    def code(self) -> str:
        chosen = self.services.selectedItems()
        return str(chosen[0].data(Qt.ItemDataRole.UserRole)) if chosen else ""


class PauseDialog(_Dialog):
    """Istirahat: a reason from the list, or another one typed."""

    def __init__(self, parent: QWidget) -> None:
        form = Ui_PauseDialog()
        super().__init__(parent, form)
        self.reasons, self.other = form.reasons, form.other
        self.reasons.addItems(list(PAUSE_REASONS))
        self.reasons.setCurrentRow(0)
        self.reasons.itemDoubleClicked.connect(lambda _item: self.accept())
        self._buttons()
        self.reasons.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.ok.setText(self.tr("Take a Break (Enter)"))
        for row, reason in enumerate(PAUSE_REASONS):
            self.reasons.item(row).setText(QCoreApplication.translate("PauseDialog", reason))

    def reason(self) -> str:
        typed = self.other.text().strip()
        if typed:
            return typed
        item = self.reasons.currentItem()
        return item.text() if item is not None else ""


class PriorityDialog(_Dialog):
    """The operator checks a priority claim when service starts (UU 25/2009 art. 29)."""

    def __init__(self, parent: QWidget, number: str, group: str) -> None:
        super().__init__(parent)
        self.ticket, self.group = number, group
        self.confirmed: bool | None = None
        box = self.form.buttons
        self.yes, self.no = self.ok, QPushButton()
        for button, role in (
            (self.yes, QDialogButtonBox.ButtonRole.YesRole),
            (self.no, QDialogButtonBox.ButtonRole.NoRole),
            (self.cancel, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            box.addButton(button, role)
        self.yes.setDefault(True)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        self.cancel.clicked.connect(self.reject)
        self.retranslate()

    def _keys(self) -> dict[bool, str]:
        """The letter that answers yes and the one that answers no, in the interface language."""
        return {True: self.tr("Y", "key: the claim is right"), False: self.tr("N", "key: the claim is wrong")}

    def retranslate(self) -> None:
        super().retranslate()
        try:
            group = words.show(PriorityGroup(self.group))
        except ValueError:
            group = self.group
        keys = self._keys()
        self.setWindowTitle(self.tr("Priority service"))
        self.question.setText(
            self.tr(
                "{ticket} took a priority service number: {group}.\nIs this citizen really in that group?"
            ).format(ticket=self.ticket, group=group)
        )
        self.yes.setText(self.tr("Yes, correct ({key})").format(key=keys[True]))
        self.no.setText(self.tr("Not correct ({key})").format(key=keys[False]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        for confirmed, letter in self._keys().items():
            if event.key() == ord(letter.upper()):
                self._answer(confirmed)
                return
        super().keyPressEvent(event)

    def _answer(self, confirmed: bool) -> None:
        self.confirmed = confirmed
        self.accept()


class CloseDialog(_Dialog):
    """F12: close the counter and log out; Esc, the safe answer, keeps it open."""

    def __init__(self, parent: QWidget, number: int) -> None:
        super().__init__(parent)
        self.counter = number
        self._buttons()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Close Counter"))
        self.question.setText(
            self.tr(
                "Close counter {number} and log out? The counter makes no calls until it is opened."
            ).format(number=self.counter)
        )
        self.ok.setText(self.tr("Close Counter (Enter)"))


class LeaveDialog(_Dialog):
    """Leaving the panel while the counter is open: close it first (the display then shows it closed), or
    leave it open (another PC or a later login goes on with it)."""

    def __init__(self, parent: QWidget, number: int, refusal: Message | None) -> None:
        super().__init__(parent)
        self.counter, self.refusal = number, refusal
        self.choice: str | None = None
        box = self.form.buttons
        self.close_counter = self.ok
        self.leave_open = QPushButton()
        box.addButton(self.close_counter, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.leave_open, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_counter.setEnabled(refusal is None)
        self.close_counter.setDefault(refusal is None)
        self.leave_open.setAutoDefault(refusal is not None)
        self.close_counter.clicked.connect(lambda: self._choose("close"))
        self.leave_open.clicked.connect(lambda: self._choose("leave"))
        self.cancel.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Leave"))
        if self.refusal is not None:
            question = self.tr("Counter {number} is still open.\nIt cannot be closed yet: {reason}.").format(
                number=self.counter, reason=words.say(self.refusal)
            )
        else:
            question = self.tr("Counter {number} is still open. Close it before leaving?").format(
                number=self.counter
            )
        self.question.setText(question)
        self.close_counter.setText(self.tr("Close Counter && Leave (Enter)"))
        self.leave_open.setText(self.tr("Leave, the counter stays open"))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class TakeoverDialog(_Dialog):
    """Logging in at a counter another operator has open (or on a break): take it over, or choose again.

    Taking over makes the other operator's panel refuse every action (the counter is no longer theirs), so
    the question names them and says so; Esc or Cancel leaves the counter as it is.
    """

    def __init__(self, parent: QWidget, number: int, holder: str, paused: bool, since: str) -> None:
        super().__init__(parent)
        self.counter, self.holder, self.paused, self.since = number, holder, paused, since
        self.setObjectName("takeover")
        self._buttons()
        self.cancel.setDefault(True)  # Enter does not take a colleague's counter by accident
        self.ok.setDefault(False)
        self.ok.setAutoDefault(False)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Counter in use"))
        state = self.tr("on a break since {time}") if self.paused else self.tr("open since {time}")
        self.question.setText(
            self.tr(
                "Counter {number} is in use by {holder} ({state}).\n\n"
                "If you take it over, {holder} can no longer call or serve at this counter. "
                "Take it over only if {holder} has left it."
            ).format(number=self.counter, holder=self.holder, state=state.format(time=self.since))
        )
        self.ok.setText(self.tr("Take Over Counter {number}").format(number=self.counter))
        self.cancel.setText(self.tr("Cancel, choose another counter (Esc)"))
