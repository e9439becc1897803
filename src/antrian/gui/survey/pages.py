"""The survey window's other pages: idle (the office and the invitation to rate the service), the invitation
of the citizen just served, the choice of service (a waiting-room kiosk), thank you, and a problem. Their
texts are the window's to say; these build and size them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from antrian.gui.fit import FitButton, FitLabel
from antrian.gui.logo import logo_pixmap
from antrian.gui.survey.step import set_font, wrapping
from antrian.gui.theme.metrics import SURVEY

IDLE, INVITE, SERVICES, STEP, THANKS, PROBLEM = range(6)  # the survey window's pages, in its stack


def _column(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setSpacing(16)
    return layout


def _margins(layout: QVBoxLayout, unit: float) -> int:
    gap = max(SURVEY.gap_floor, int(unit * SURVEY.gap))
    layout.setContentsMargins(3 * gap, 2 * gap, 3 * gap, 2 * gap)
    layout.setSpacing(gap)
    return gap


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return button


class IdlePage(QWidget):
    """The office's logo and name, the invitation to rate the service, and (a waiting-room kiosk) Start;
    at a counter, which counter's citizens it asks."""

    def __init__(self) -> None:
        super().__init__()
        layout = _column(self)
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._logo, self._side = QPixmap(), 0
        self.set_logo(None)
        self.office = FitLabel(bold=True, least=0.6)
        wrapping(self.office)
        self.office.setObjectName("office")
        self.title = wrapping(QLabel())
        self.title.setObjectName("title")
        self.detail = wrapping(QLabel())
        self.start = _button("start")
        layout.addStretch(1)
        for widget in (self.logo, self.office, self.title, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.start)
        self._layout = layout

    def set_logo(self, logo: bytes | None) -> None:
        """The office's logo (PNG, JPEG or SVG content); None or unreadable: Antrian's emblem."""
        self._logo = logo_pixmap(logo)
        self._show_logo()

    def _show_logo(self) -> None:
        if self._side > 0:
            self.logo.setPixmap(
                self._logo.scaled(
                    self._side,
                    self._side,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def set_sizes(self, unit: float, target: int, least: int) -> None:
        _margins(self._layout, unit)
        self._side = int(unit * SURVEY.logo)
        self._show_logo()
        self.office.set_pixels(max(least, int(unit * SURVEY.office)))
        set_font(self.title, max(least, int(unit * SURVEY.idle_title)), True)
        set_font(self.detail, max(least, int(unit * SURVEY.idle_detail)))
        set_font(self.start, max(least, int(unit * SURVEY.idle_start)), True)
        self.start.setFixedHeight(int(target * SURVEY.idle_start_height))


class InvitePage(QWidget):
    """ "How was our service for A017?", a line on how long it takes, Start (large) and Skip."""

    def __init__(self) -> None:
        super().__init__()
        layout = _column(self)
        self.title = wrapping(QLabel())
        self.title.setObjectName("title")
        self.detail = wrapping(QLabel())
        self.start = _button("start")
        self.skip = _button("secondary")
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(self.start)
        layout.addWidget(self.skip)
        self._layout = layout

    def set_sizes(self, unit: float, target: int, least: int) -> None:
        _margins(self._layout, unit)
        set_font(self.title, max(least, int(unit * SURVEY.invite_title)), True)
        set_font(self.detail, max(least, int(unit * SURVEY.invite_detail)))
        set_font(self.start, max(least, int(unit * SURVEY.invite_start)), True)
        set_font(self.skip, max(least, int(unit * SURVEY.move)), True)
        self.start.setFixedHeight(int(target * SURVEY.invite_start_height))
        self.skip.setFixedHeight(target)


class ServicesPage(QWidget):
    """Which service the citizen came for (a survey without a ticket): one button per service, and Back.

    Signals:
        chosen(str): the code of the service touched.
    """

    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        layout = _column(self)
        self.title = wrapping(QLabel())
        self.title.setObjectName("prompt")
        layout.addWidget(self.title)
        self._grid_box = QWidget()
        self._grid = QGridLayout(self._grid_box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout.addWidget(self._grid_box, 1)
        self.back = _button("secondary")
        layout.addWidget(self.back)
        self._layout = layout
        self.buttons: dict[str, FitButton] = {}
        self._sizes = (720.0, 72, 20, True)

    def set_services(self, services: Sequence[tuple[str, str]]) -> None:
        """The services (code, name) in kiosk order."""
        if [(code, b.text()) for code, b in self.buttons.items()] == list(services):
            return
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for code, name in services:
            button = FitButton(name, padding=24)
            button.setObjectName("choice")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            button.clicked.connect(lambda _=False, picked=code: self.chosen.emit(picked))
            self.buttons[code] = button
        self._arrange()

    def set_sizes(self, unit: float, target: int, least: int, landscape: bool) -> None:
        self._sizes = (unit, target, least, landscape)
        gap = _margins(self._layout, unit)
        self._grid.setSpacing(gap)
        set_font(self.title, max(least, int(unit * SURVEY.services_title)), True)
        set_font(self.back, max(least, int(unit * SURVEY.move)), True)
        self.back.setFixedHeight(target)
        self._arrange()

    def _arrange(self) -> None:
        unit, target, least, landscape = self._sizes
        count = len(self.buttons)
        columns = 2 if landscape else 1
        if count > 6:
            columns += 1
        if count > 12:
            columns += 1
        for index, button in enumerate(self.buttons.values()):
            self._grid.addWidget(button, index // columns, index % columns)
            button.setMinimumHeight(target)
            button.setMaximumHeight(int(target * SURVEY.service_height))
            button.set_pixels(max(least, int(unit * SURVEY.service)))


class ThanksPage(QWidget):
    """Thank you, and what the answers are for."""

    def __init__(self) -> None:
        super().__init__()
        layout = _column(self)
        self.title = wrapping(QLabel())
        self.title.setObjectName("thanks")
        self.detail = wrapping(QLabel())
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self._layout = layout

    def set_sizes(self, unit: float, target: int, least: int) -> None:
        _margins(self._layout, unit)
        set_font(self.title, max(least, int(unit * SURVEY.thanks_title)), True)
        set_font(self.detail, max(least, int(unit * SURVEY.thanks_detail)))


class ProblemPage(QWidget):
    """Why the answers were not saved, in the catalogue's sentence; Try again (when it may help) and Close."""

    def __init__(self) -> None:
        super().__init__()
        layout = _column(self)
        self.message = wrapping(QLabel())
        self.message.setObjectName("problem")
        self.retry = _button("start")
        self.close_button = _button("secondary")
        actions = QHBoxLayout()
        actions.addWidget(self.close_button, 1)
        actions.addWidget(self.retry, 1)
        self._actions = actions
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(actions)
        self._layout = layout

    def set_sizes(self, unit: float, target: int, least: int) -> None:
        gap = _margins(self._layout, unit)
        self._actions.setSpacing(gap)
        set_font(self.message, max(least, int(unit * SURVEY.message)), True)
        for button in (self.retry, self.close_button):
            set_font(button, max(least, int(unit * SURVEY.service)), True)
            button.setFixedHeight(target)
