"""The kiosk's ticket page: the number very large, its service, the queue ahead, and how printing went.

Every text but the number wraps (a service's name can be long, a print problem a sentence or two), and the
page takes only the room the window has: the number is drawn as large as what is left allows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from antrian import words
from antrian.domain.messages import Message
from antrian.gui.fit import fit_font
from antrian.gui.theme.metrics import KIOSK, TYPE
from antrian.printing.slip import TicketSlip
from antrian.services.results import TicketInfo

NUMBER_SHARE = KIOSK.number  # of the window's height, when the rest of the page leaves it


class ResultPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        self.heading = QLabel()
        self.number = QLabel("")
        self.number.setObjectName("number")
        self.service = QLabel("")
        self.detail = QLabel("")
        self.print_status = QLabel("")
        self.print_status.setObjectName("printStatus")
        self.print_done = QLabel("")
        self.print_done.setObjectName("printDone")
        self.print_problem = QLabel("")
        self.print_problem.setObjectName("printProblem")
        self.reprint = QPushButton()
        self.reprint.setObjectName("reprint")
        self.done = QPushButton()
        self.done.setObjectName("back")
        layout.addStretch(1)
        for widget in (
            self.heading,
            self.number,
            self.service,
            self.detail,
            self.print_status,
            self.print_done,
            self.print_problem,
        ):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setWordWrap(widget is not self.number)
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(widget)
        layout.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.reprint)
        actions.addWidget(self.done)
        for button in (self.reprint, self.done):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addLayout(actions)
        for hidden in (self.print_status, self.print_done, self.print_problem, self.reprint):
            hidden.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("YOUR QUEUE NUMBER"))
        self.reprint.setText(self.tr("Print Again"))
        self.done.setText(self.tr("Done"))
        self.print_status.setText(words.text("kiosk.print.busy"))
        self.print_done.setText(words.text("kiosk.print.done"))

    def say_ticket(self, ticket: TicketInfo, slip: TicketSlip | None) -> None:
        """The number and what the citizen does now; without its slip the number stands, and the queue's
        figures come with the slip."""
        self.number.setText(ticket.number)
        self.service.setText(ticket.service_name)
        lines = [self.tr("Please take a seat and watch the screen. Your number will be called.")]
        if slip is not None:
            lines.insert(
                0,
                self.tr("People ahead of you: {ahead}  ·  Estimated wait: {estimate}").format(
                    ahead=words.number(slip.people_ahead), estimate=words.say(slip.estimate)
                ),
            )
        self.detail.setText("\n".join(lines))
        self.fit_number()

    def say_problem(self, problem: Message | None) -> None:
        self.print_problem.setText(words.say(problem) if problem else "")

    def set_sizes(self, unit: float, target: int, least: int) -> None:
        """Texts as shares of the screen's ``unit``, none below ``least`` pixels; buttons ``target`` high."""

        def size(widget: QWidget, share: float, bold: bool) -> None:
            font = QFont(widget.font())
            font.setPixelSize(max(least, int(unit * share)))
            font.setBold(bold)
            widget.setFont(font)

        size(self.heading, KIOSK.office, True)
        size(self.service, KIOSK.service, True)
        size(self.detail, KIOSK.title, False)
        for label in (self.print_status, self.print_done, self.print_problem):
            size(label, KIOSK.status, True)
        for button in (self.reprint, self.done):
            size(button, KIOSK.action, True)
            button.setFixedHeight(target)
        self.fit_number()

    def fit_number(self) -> None:
        """The number as large as the page allows: NUMBER_SHARE of the window's height, narrowed to fit its
        width."""
        window = self.window()
        number = self.number.text() or "A000"
        fit_font(
            self.number,
            int(window.height() * NUMBER_SHARE),
            int(window.width() * KIOSK.number_width),
            number,
            bold=True,
            smallest=TYPE.least,
        )
