"""The survey's step page: the progress, the question (or profile field, or suggestion) and Back / Next.

A question's four levels are four large buttons, each its number on a coloured disc (red 1 to green 4) and
its words wrapped beside or under it; side by side on a landscape screen, one above the other on a
portrait one. The chosen level is highlighted. Texts are the window's to say; this builds and sizes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.skm import HIGHEST, LOWEST
from antrian.gui.fit import FitButton
from antrian.gui.theme.metrics import SURVEY

LEVELS, CHOICES, SUGGESTION = range(3)  # the bodies of the page


def set_font(widget: QWidget, pixels: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(max(1, pixels))
    font.setBold(bold)
    widget.setFont(font)


def wrapping(label: QLabel, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label.setAlignment(align)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class LevelButton(QPushButton):
    """One answer level: its number on a disc of its colour and its words (wrapped); a touch on either is
    the button's. Checked when it is the answer given."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level
        self.setObjectName("level")
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.number = QLabel(str(level))
        self.number.setObjectName(f"level{level}")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words = wrapping(QLabel())
        self.words.setObjectName("levelWords")
        self.words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for label in (self.number, self.words):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._box.addStretch(1)
        self._box.addWidget(self.number, 0, Qt.AlignmentFlag.AlignCenter)
        self._box.addWidget(self.words, 1)
        self._box.addStretch(1)

    def set_sizes(self, pixels: int, disc: int, *, tall: bool) -> None:
        """``tall``: number above the words (buttons side by side), else beside them (one above another)."""
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if tall else QBoxLayout.Direction.LeftToRight)
        self._box.setContentsMargins(16, 12, 16, 12)
        self._box.setSpacing(12 if tall else 20)
        # side by side: the disc and the words centred together; one above another: the words fill the row
        for index, factor in ((0, int(tall)), (2, int(not tall)), (3, int(tall))):
            self._box.setStretch(index, factor)
        self.words.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred if tall else QSizePolicy.Policy.Ignored
        )
        self.words.setAlignment(
            Qt.AlignmentFlag.AlignCenter
            if tall
            else Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        )
        self.number.setFixedSize(disc, disc)
        self.number.setStyleSheet(f"border-radius: {disc // 2}px;")
        set_font(self.number, int(disc * SURVEY.level_number), True)
        set_font(self.words, pixels, True)


class StepPage(QWidget):
    """Signals:
    answered(int): a level was touched (1-4).
    chose(object): a profile choice was touched: its code, or None when the chosen one is touched again.
    """

    answered = Signal(int)
    chose = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self._layout = layout
        top = QHBoxLayout()
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        top.addWidget(self.progress)
        top.addWidget(self.bar, 1)
        self._top = top
        layout.addLayout(top)
        self.tag = wrapping(QLabel())
        self.tag.setObjectName("tag")
        self.prompt = wrapping(QLabel())
        self.prompt.setObjectName("prompt")
        layout.addWidget(self.tag)
        layout.addWidget(self.prompt)
        self.bodies = QStackedWidget()
        self.bodies.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout.addWidget(self.bodies, 1)
        levels = QWidget()
        self._levels = QBoxLayout(QBoxLayout.Direction.LeftToRight, levels)
        self._levels.setContentsMargins(0, 0, 0, 0)
        self.levels = [LevelButton(level) for level in range(LOWEST, HIGHEST + 1)]
        for button in self.levels:
            self._levels.addWidget(button, 1)
            button.clicked.connect(lambda _=False, level=button.level: self.answered.emit(level))
        self.choices_box = QWidget()
        column = QVBoxLayout(self.choices_box)
        column.setContentsMargins(0, 0, 0, 0)
        self._choices = QGridLayout()
        column.addLayout(self._choices)
        column.addStretch(1)  # the choices at the top
        self.choices: dict[str, FitButton] = {}
        self.suggestion = QPlainTextEdit()
        self.suggestion.setObjectName("suggestion")
        for body in (levels, self.choices_box, self.suggestion):
            self.bodies.addWidget(body)
        bottom = QHBoxLayout()
        self.back = QPushButton()
        self.back.setObjectName("secondary")
        self.next = QPushButton()
        self.next.setObjectName("next")
        for move in (self.back, self.next):
            move.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        bottom.addWidget(self.back, 1)
        bottom.addWidget(self.next, 2)
        self._bottom = bottom
        layout.addLayout(bottom)
        self._sizes = (720.0, 72, 20, True)

    # -- what is shown --------------------------------------------------------------------------------
    def show_levels(self, words: Sequence[str], chosen: int | None) -> None:
        for button, text in zip(self.levels, words, strict=True):
            button.words.setText(text)
            button.setChecked(button.level == chosen)
        self.bodies.setCurrentIndex(LEVELS)

    def show_choices(self, choices: Sequence[tuple[str, str]], chosen: str | None) -> None:
        """The profile field's choices (code, words), the chosen one checked."""
        if list(self.choices) != [code for code, _ in choices]:
            for button in self.choices.values():
                button.deleteLater()
            self.choices = {}
            for code, _ in choices:
                button = FitButton(padding=24)
                button.setObjectName("choice")
                button.setCheckable(True)
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
                button.clicked.connect(lambda _=False, picked=code: self._chose(picked))
                self.choices[code] = button
            self._arrange_choices()
        for code, text in choices:
            self.choices[code].setText(text)
            self.choices[code].setChecked(code == chosen)
        self.bodies.setCurrentIndex(CHOICES)

    def _chose(self, code: str) -> None:
        self.chose.emit(code if self.choices[code].isChecked() else None)

    def show_suggestion(self, text: str) -> None:
        if self.suggestion.toPlainText() != text:
            self.suggestion.setPlainText(text)
        self.bodies.setCurrentIndex(SUGGESTION)

    def set_progress(self, text: str, done: int, total: int) -> None:
        self.progress.setText(text)
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    # -- sizes ----------------------------------------------------------------------------------------
    def set_sizes(self, unit: float, target: int, least: int, landscape: bool) -> None:
        self._sizes = (unit, target, least, landscape)
        gap = max(SURVEY.gap_floor, int(unit * SURVEY.gap))
        self._layout.setContentsMargins(2 * gap, gap, 2 * gap, gap)
        self._layout.setSpacing(gap)
        self._levels.setSpacing(gap)
        self._levels.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        text = max(least, int(unit * SURVEY.message))
        for button in self.levels:
            button.set_sizes(text, max(target, int(unit * SURVEY.level)), tall=landscape)
            button.setMinimumHeight(target)
        set_font(self.progress, max(least, int(unit * SURVEY.progress)), True)
        self.bar.setFixedHeight(max(SURVEY.gap_floor, int(unit * SURVEY.gap)))
        set_font(self.tag, max(least, int(unit * SURVEY.tag)))
        set_font(self.prompt, max(least, int(unit * SURVEY.prompt)), True)
        set_font(self.suggestion, max(least, int(unit * SURVEY.move)))
        for move in (self.back, self.next):
            set_font(move, max(least, int(unit * SURVEY.move)), True)
            move.setFixedHeight(target)
        self._bottom.setSpacing(gap)
        self._arrange_choices()

    def _arrange_choices(self) -> None:
        unit, target, least, landscape = self._sizes
        columns = 3 if landscape else 2
        self._choices.setSpacing(max(SURVEY.gap_floor, int(unit * SURVEY.gap)))
        for index, button in enumerate(self.choices.values()):
            self._choices.addWidget(button, index // columns, index % columns)
            button.setFixedHeight(int(target * SURVEY.choice_height))
            button.set_pixels(max(least, int(unit * SURVEY.message)))
