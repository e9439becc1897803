"""The counter panel's small questions: which number, which service, why the break, is the priority claim
right, close the counter. Each works with the keyboard alone (type, arrows, Enter, Esc) and the mouse alone
(pick from a list, click a button); each is opened window-modal with ``open()`` and answers through
``accepted``, so the panel never runs a nested event loop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.priority import PriorityGroup

PAUSE_REASONS = ("Istirahat", "Salat", "Makan siang", "Rapat / koordinasi", "Gangguan sistem")


class _Dialog(QDialog):
    def __init__(self, parent: QWidget, title: str, question: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        font = QFont(self.font())
        font.setPixelSize(17)
        self.setFont(font)
        self.layout_ = QVBoxLayout(self)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.layout_.addWidget(self.question)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # its letter keys (Y / T) work without a click first

    def _buttons(self, ok_text: str) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        cancel = box.addButton("Batal (Esc)", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box


class NumberDialog(_Dialog):
    """Call a given number: type it, or pick one of today's held, missed or waiting tickets."""

    def __init__(self, parent: QWidget, suggestions: list[tuple[str, str]]) -> None:
        super().__init__(parent, "Panggil Nomor", "Nomor antrean yang dipanggil (misalnya A012):")
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for number, note in suggestions:
            self.choice.addItem(f"{number}  —  {note}", number)
        self.choice.setCurrentIndex(-1)
        self.choice.setEditText("")
        self.layout_.addWidget(self.choice)
        self.layout_.addWidget(self._buttons("Panggil (Enter)"))
        self.ok.setEnabled(False)
        self.choice.currentTextChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.choice.setFocus()

    def number(self) -> str:
        index = self.choice.currentIndex()
        text = self.choice.currentText().strip()
        if index >= 0 and text == self.choice.itemText(index):
            return str(self.choice.itemData(index))
        return text.split()[0].upper() if text else ""


class ServiceDialog(_Dialog):
    """Transfer: pick the service the citizen goes to next."""

    def __init__(self, parent: QWidget, number: str, services: list[tuple[str, str]]) -> None:
        super().__init__(
            parent,
            "Alihkan",
            f"Alihkan {number} ke layanan (ketik kodenya atau klik; nomor dan urutannya tetap):",
        )
        self.services = QListWidget()
        for code, name in services:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.services.addItem(item)
        # Nothing chosen yet: a hasty Enter must not send the citizen to the first service in the list. Type
        # the service's code (or use the arrows and Space), or click it.
        self.services.setCurrentRow(-1)
        self.services.itemDoubleClicked.connect(lambda _item: self.accept())
        self.layout_.addWidget(self.services)
        self.layout_.addWidget(self._buttons("Alihkan (Enter)"))
        self.ok.setEnabled(False)
        self.services.itemSelectionChanged.connect(lambda: self.ok.setEnabled(bool(self.code())))
        self.services.setFocus()

    def accept(self) -> None:
        if self.code():
            super().accept()

    def code(self) -> str:
        chosen = self.services.selectedItems()
        return str(chosen[0].data(Qt.ItemDataRole.UserRole)) if chosen else ""


class PauseDialog(_Dialog):
    """Istirahat: a reason from the list, or another one typed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "Istirahat", "Alasan loket berhenti memanggil:")
        self.reasons = QListWidget()
        for reason in PAUSE_REASONS:
            self.reasons.addItem(reason)
        self.reasons.setCurrentRow(0)
        self.reasons.itemDoubleClicked.connect(lambda _item: self.accept())
        self.other = QLineEdit()
        self.other.setPlaceholderText("Alasan lain (ketik di sini)")
        self.other.setMaxLength(200)
        self.layout_.addWidget(self.reasons)
        self.layout_.addWidget(self.other)
        self.layout_.addWidget(self._buttons("Istirahat (Enter)"))
        self.reasons.setFocus()

    def reason(self) -> str:
        typed = self.other.text().strip()
        if typed:
            return typed
        item = self.reasons.currentItem()
        return item.text() if item is not None else ""


class PriorityDialog(_Dialog):
    """The operator checks a priority claim when service starts (UU 25/2009 art. 29)."""

    def __init__(self, parent: QWidget, number: str, group: str) -> None:
        try:
            label = words.show(PriorityGroup(group))
        except ValueError:
            label = group
        super().__init__(
            parent,
            "Pelayanan Khusus",
            f"{number} mengambil Pelayanan Khusus: {label}.\n"
            "Apakah warga ini memang termasuk kelompok tersebut?",
        )
        self.confirmed: bool | None = None
        box = QDialogButtonBox()
        self.yes = QPushButton("Ya, sesuai (Y)")
        self.no = QPushButton("Tidak sesuai (T)")
        cancel = QPushButton("Batal (Esc)")
        for button, role in (
            (self.yes, QDialogButtonBox.ButtonRole.YesRole),
            (self.no, QDialogButtonBox.ButtonRole.NoRole),
            (cancel, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            box.addButton(button, role)
        self.yes.setDefault(True)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        cancel.clicked.connect(self.reject)
        self.layout_.addWidget(box)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        answers = {Qt.Key.Key_Y: True, Qt.Key.Key_T: False}
        if event.key() in answers:
            self._answer(answers[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def _answer(self, confirmed: bool) -> None:
        self.confirmed = confirmed
        self.accept()


class ConfirmDialog(_Dialog):
    """A yes/no question with the safe answer on Esc."""

    def __init__(self, parent: QWidget, title: str, question: str, yes: str) -> None:
        super().__init__(parent, title, question)
        self.layout_.addWidget(self._buttons(yes))


class LeaveDialog(_Dialog):
    """Leaving the panel while the counter is open: close it first (the display then shows it closed), or
    leave it open (another PC or a later login goes on with it)."""

    def __init__(self, parent: QWidget, number: int, refusal: str | None) -> None:
        question = f"Loket {number} masih buka."
        question += f"\nLoket belum bisa ditutup: {refusal}." if refusal else " Tutup loket sebelum keluar?"
        super().__init__(parent, "Keluar", question)
        self.choice: str | None = None
        box = QDialogButtonBox()
        self.close_counter = QPushButton("Tutup Loket && Keluar (Enter)")
        self.leave_open = QPushButton("Keluar, loket tetap buka")
        cancel = QPushButton("Batal (Esc)")
        box.addButton(self.close_counter, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.leave_open, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_counter.setEnabled(refusal is None)
        self.close_counter.setDefault(refusal is None)
        self.leave_open.setAutoDefault(refusal is not None)
        self.close_counter.clicked.connect(lambda: self._choose("close"))
        self.leave_open.clicked.connect(lambda: self._choose("leave"))
        cancel.clicked.connect(self.reject)
        self.layout_.addWidget(box)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
