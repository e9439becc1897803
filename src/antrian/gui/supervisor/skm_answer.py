"""One question of a paper SKM form on the entry page: its name and a button per answer level (1-4), the
level words shown; with the focus, typing a digit 1-4 answers it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from antrian.domain.skm import HIGHEST, LOWEST
from antrian.gui.supervisor.report_models import two_lines
from antrian.gui.theme.metrics import SIZE
from antrian.services.skm import Question

NAME_WIDTH = SIZE.element_name  # a longer element's name wraps
ONE_LINE = 20  # characters of level words that fit a button's line, in bold (checked) too
DIGITS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}


class AnswerRow(QFrame):
    """One question: its name and four buttons, one per level (1-4). With the focus, a digit 1-4 answers it.

    Signals:
        answered(int): a level was chosen (typed or clicked).
    """

    answered = Signal(int)

    def __init__(self, question: Question | None = None) -> None:
        super().__init__()
        self.setObjectName("answerRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.question = question
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(4)
        self.name = QLabel()
        self.name.setObjectName("unsurName")
        self.name.setWordWrap(True)
        self.name.setFixedWidth(NAME_WIDTH)
        row.addWidget(self.name)
        self.group = QButtonGroup(self)
        self.buttons: list[QPushButton] = []
        for level in range(LOWEST, HIGHEST + 1):
            button = QPushButton()
            button.setObjectName("level")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes question by question
            button.setMinimumHeight(SIZE.tall_button)  # two lines of level words
            # equal widths whatever the words: the levels of every question line up in columns
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.group.addButton(button, level)
            self.buttons.append(button)
            row.addWidget(button, 1)
        self.group.idClicked.connect(self._clicked)

    @property
    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < LOWEST else chosen

    def choose(self, level: int) -> None:
        self.group.button(level).setChecked(True)
        self.answered.emit(level)

    def clear(self) -> None:
        self.group.setExclusive(False)  # an exclusive group keeps one button checked
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)

    def show_levels(self, name: str, levels: tuple[str, ...], tip: str) -> None:
        self.name.setText(name)
        self.name.setToolTip(tip)
        for level, (button, text) in enumerate(zip(self.buttons, levels, strict=True), start=LOWEST):
            button.setText(two_lines(f"{level} · {text}", ONE_LINE))
            button.setToolTip(text)

    def _clicked(self, level: int) -> None:
        self.setFocus()
        self.answered.emit(level)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        level = DIGITS.get(Qt.Key(event.key()))
        if level is None:
            super().keyPressEvent(event)  # Enter and the rest go on to the page
            return
        self.choose(level)
