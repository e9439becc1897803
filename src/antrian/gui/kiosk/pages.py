"""The kiosk's start page (the office, a greeting or a refusal, the services, Pelayanan Khusus) and the page
that asks the priority group. Their texts are the window's to say; these build and size them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from antrian.domain.priority import PriorityGroup
from antrian.gui.fit import FitButton, FitLabel
from antrian.gui.kiosk.buttons import GroupButton
from antrian.gui.kiosk.grid import ServiceGrid, Sizes
from antrian.gui.theme.metrics import KIOSK

HOME, GROUPS, RESULT, NOTE = range(4)  # the kiosk window's pages, in its stack


def _font(widget: QWidget, pixels: int, bold: bool) -> None:
    font = QFont(widget.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    widget.setFont(font)


def _wrapping(label: QLabel) -> QLabel:
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _page(page: QWidget) -> tuple[QVBoxLayout, FitLabel]:
    """A page's column and its heading: large, smaller when long, then wrapped."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(32, 24, 32, 24)
    layout.setSpacing(16)
    heading = FitLabel(bold=True, least=0.7)
    _wrapping(heading)
    return layout, heading


class HomePage(QWidget):
    """The office's name (smaller, then wrapped, when long), the greeting or why the last tap gave no
    number, the priority group chosen, the services' grid, and below it Pelayanan Khusus (or Cancel once a
    group is chosen), always on screen whatever page of services is shown."""

    def __init__(self) -> None:
        super().__init__()
        layout, self.office = _page(self)
        self._column = layout
        self.title = _wrapping(QLabel())  # a refusal can be long
        self.mode = _wrapping(QLabel(""))
        self.mode.setObjectName("mode")
        self.grid = ServiceGrid()
        self.grid.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.priority_button = FitButton()
        self.priority_button.setObjectName("priority")
        self.cancel_priority = QPushButton()
        self.cancel_priority.setObjectName("back")
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        bottom.addWidget(self.priority_button, 3)
        bottom.addWidget(self.cancel_priority, 1)
        self._bottom = bottom
        for button in (self.priority_button, self.cancel_priority):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        for widget in (self.office, self.title, self.mode):
            layout.addWidget(widget)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        self.mode.hide()
        self.cancel_priority.hide()

    def set_sizes(self, unit: float, target: int, sizes: Sizes, least: int) -> None:
        space = sizes.gap
        layout = self._column
        layout.setContentsMargins(2 * space, int(1.5 * space), 2 * space, int(1.5 * space))
        layout.setSpacing(space)
        self._bottom.setSpacing(space)
        self.office.set_pixels(max(least, int(unit * KIOSK.office)))
        _font(self.title, max(least, int(unit * KIOSK.title)), False)
        _font(self.mode, max(least, int(unit * KIOSK.status)), True)
        self.priority_button.set_pixels(max(least, int(unit * KIOSK.action)))
        _font(self.cancel_priority, max(least, int(unit * KIOSK.action)), True)
        for button in (self.priority_button, self.cancel_priority):
            button.setFixedHeight(target)
        self.grid.set_sizes(sizes)


class GroupsPage(QWidget):
    """Pelayanan Khusus: one button per priority group, two to a row, and Back."""

    def __init__(self) -> None:
        super().__init__()
        layout, self.title = _page(self)
        layout.addWidget(self.title)
        grid = QGridLayout()
        grid.setSpacing(20)
        self.buttons: list[GroupButton] = []
        for index, _group in enumerate(PriorityGroup):
            button = GroupButton()
            button.setObjectName("priority")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            grid.addWidget(button, index // 2, index % 2)
            self.buttons.append(button)
        layout.addLayout(grid, 1)
        self.back = QPushButton()
        self.back.setObjectName("back")
        self.back.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.back)

    def set_sizes(self, unit: float, target: int, least: int) -> None:
        self.title.set_pixels(max(least, int(unit * KIOSK.heading)))
        for button in self.buttons:
            _font(button.label, max(least, int(unit * KIOSK.heading)), True)
            button.setMinimumHeight(target)
        _font(self.back, max(least, int(unit * KIOSK.action)), True)
        self.back.setFixedHeight(target)
