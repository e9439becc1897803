"""The self-service kiosk (Anjungan Antrean Mandiri): touch first, no keyboard or mouse needed.

Home shows one large button per service (name, code, people waiting, estimated wait); a service that
cannot issue now is shown disabled with the reason. "Pelayanan Khusus" first asks the priority group, then
the service. A tap issues one ticket off the GUI thread (every button is disabled until the answer comes,
so a double tap issues one ticket) and shows the number very large; the ticket is then printed off the GUI
thread too, under a "printing" note, so a slow or silent printer never freezes the window. A print failure
leaves the number on screen with what the citizen can do (note it, or print again); the technical cause
goes to the log. The kiosk returns to the start by itself once the outcome is shown.

Texts are English in the code and go through Qt's translator (Bahasa Indonesia from ``kiosk_id.ts``);
messages made from codes come from ``antrian.words``. On a language change every text is said again from
the window's state (``retranslate``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.gui.fit import FitButton, FitLabel, fit_font
from antrian.gui.i18n import Retranslated
from antrian.gui.tasks import CoalescedRead
from antrian.printing.escpos import TIMEOUT_S, PrinterError
from antrian.printing.slip import TicketSlip
from antrian.services.kiosk import ServiceTile, kiosk_overview
from antrian.services.office import get_office
from antrian.services.queue import issue_ticket_in
from antrian.services.results import EventInfo, TicketInfo
from antrian.services.slips import ticket_slip
from antrian.store.database import Database

log = logging.getLogger(__name__)

RETURN_AFTER_MS = 8000
PIN_DELAY_MS = 500  # a wrong admin PIN is answered this late: slow guessing on a public screen
# Every printer target gives up within TIMEOUT_S; past this the kiosk stops waiting for one that did not
PRINT_GIVE_UP_MS = (TIMEOUT_S + 12) * 1000
STYLE = """
QWidget#kiosk { background: #0b1f3a; }
QLabel { color: #f5f7fa; }
QPushButton { background: #f5f7fa; color: #0b1f3a; border: none; border-radius: 18px; padding: 12px; }
QPushButton:pressed { background: #f2b705; }
QPushButton:disabled { background: #2a2f36; color: #7b8694; }
QPushButton#priority { background: #1e7a46; color: white; }
QPushButton#back, QPushButton#reprint { background: #12305a; color: white; }
QLabel#number { color: #f2b705; font-weight: 800; }
QLabel#printProblem { background: #b3261e; color: white; border-radius: 10px; padding: 10px; }
QLabel#printStatus { background: #12305a; color: white; border-radius: 10px; padding: 10px; }
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 8px; }
QLabel#mode { background: #1e7a46; color: white; border-radius: 10px; padding: 6px; }
"""


@dataclass(frozen=True, slots=True)
class Issued:
    ticket: TicketInfo
    slip: TicketSlip


class ServiceButton(FitButton):
    def __init__(self, tile: ServiceTile) -> None:
        super().__init__()
        self.code = tile.code
        # Ignored width: a long service name or estimate never widens the kiosk past its screen; its text
        # is drawn smaller instead of being cut
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.update_tile(tile)

    def update_tile(self, tile: ServiceTile) -> None:
        self.tile = tile
        detail = (
            self.tr("Waiting: {waiting}  ·  {estimate}").format(
                waiting=words.number(tile.waiting), estimate=words.say(tile.estimate_words)
            )
            if tile.available or tile.reason is None
            else self.tr("Not available: {reason}").format(reason=words.say(tile.reason))
        )
        self.setText(f"{tile.code}   {tile.name}\n{detail}")
        self.setAccessibleName(self.tr("Service {name}").format(name=tile.name))
        self.setEnabled(tile.available)


class KioskWindow(Retranslated, QWidget):
    """Signals:
    ticketShown(object): a ticket's number is on screen (``Issued``), right after the repaint.
    printFinished(bool): the outcome of printing it (or printing it again) is on screen: printed or not.
    leaveRefused(): a wrong admin PIN was answered, after the delay.
    """

    ticketShown = Signal(object)
    printFinished = Signal(bool)
    leaveRefused = Signal()

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        *,
        print_slip: Callable[[TicketSlip], None] | None,
        exit_pin: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.setStyleSheet(STYLE)
        self._database = database
        self._background = run_in_background
        self._print = print_slip
        self._exit_pin = exit_pin
        self._busy = False
        self._printing = False
        self._print_job = 0
        self._online = True
        self.problem: AntrianError | None = None  # why the database cannot be used now (the banner)
        self._priority: PriorityGroup | None = None
        self._buttons: dict[str, ServiceButton] = {}
        self._last: Issued | None = None
        self._refusal: Message | None = None  # why the last tap gave no number (said in the title)
        self._print_problem: Message | None = None  # what the citizen can do when the ticket did not print
        self._reader = CoalescedRead(
            run_in_background, self._read_overview, self._apply_overview, what="kiosk refresh", parent=self
        )
        self._build()
        self.return_after_ms = RETURN_AFTER_MS
        self._return = QTimer(self, singleShot=True, interval=RETURN_AFTER_MS)
        self._return.timeout.connect(self.go_home)
        self._print_watch = QTimer(self, singleShot=True, interval=PRINT_GIVE_UP_MS)
        self._print_watch.timeout.connect(self._print_gave_up)
        self._pin_wait = QTimer(self, singleShot=True, interval=PIN_DELAY_MS)
        self._pin_wait.timeout.connect(self.leaveRefused)
        self.refresh()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.offline = QLabel()
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.offline)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)

        home = QWidget()
        layout = QVBoxLayout(home)
        layout.setContentsMargins(32, 24, 32, 24)
        self.office = FitLabel(bold=True)
        self.office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)  # a refusal can be long
        self.mode = QLabel("")
        self.mode.setObjectName("mode")
        self.mode.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mode.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        bottom = QHBoxLayout()
        self.priority_button = FitButton()
        self.priority_button.setObjectName("priority")
        self.priority_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.cancel_priority = QPushButton()
        self.cancel_priority.setObjectName("back")
        self.cancel_priority.clicked.connect(lambda: self._set_priority(None))
        bottom.addWidget(self.priority_button, 3)
        bottom.addWidget(self.cancel_priority, 1)
        for widget in (self.office, self.title, self.mode):
            layout.addWidget(widget)
        layout.addLayout(self.grid, 1)
        layout.addLayout(bottom)
        self.pages.addWidget(home)

        groups = QWidget()
        g = QVBoxLayout(groups)
        g.setContentsMargins(32, 24, 32, 24)
        self.groups_title = FitLabel(bold=True)
        self.groups_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        g.addWidget(self.groups_title)
        group_grid = QGridLayout()
        group_grid.setSpacing(20)
        self.group_buttons: list[QPushButton] = []
        for index, group in enumerate(PriorityGroup):
            button = QPushButton()
            button.setObjectName("priority")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, chosen=group: self._set_priority(chosen))
            group_grid.addWidget(button, index // 2, index % 2)
            self.group_buttons.append(button)
        g.addLayout(group_grid, 1)
        self.groups_back = QPushButton()
        self.groups_back.setObjectName("back")
        self.groups_back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        g.addWidget(self.groups_back)
        self.pages.addWidget(groups)

        result = QWidget()
        r = QVBoxLayout(result)
        r.setContentsMargins(32, 24, 32, 24)
        self.result_heading = QLabel()
        self.number = QLabel("")
        self.number.setObjectName("number")
        self.result_service = QLabel("")
        self.result_detail = QLabel("")
        self.result_detail.setWordWrap(True)
        self.print_status = QLabel("")
        self.print_status.setObjectName("printStatus")
        self.print_status.setWordWrap(True)
        self.print_problem = QLabel("")
        self.print_problem.setObjectName("printProblem")
        self.print_problem.setWordWrap(True)
        self.reprint = QPushButton()
        self.reprint.setObjectName("reprint")
        self.reprint.clicked.connect(self._print_again)
        self.done = QPushButton()
        self.done.setObjectName("back")
        self.done.clicked.connect(self.go_home)
        for widget in (
            self.result_heading,
            self.number,
            self.result_service,
            self.result_detail,
            self.print_status,
            self.print_problem,
        ):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            r.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint)
        actions.addWidget(self.done)
        r.addLayout(actions)
        self.pages.addWidget(result)
        # No text may widen the kiosk past its screen: long names and messages wrap or are cut instead.
        for widget in self.findChildren(QLabel) + self.findChildren(QPushButton):
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
        self.offline.hide()
        self.mode.hide()
        self.cancel_priority.hide()
        self.print_status.hide()
        self.print_problem.hide()
        self.reprint.hide()
        self.retranslate()

    # -- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Say every text in the current language, the changing ones from the window's state."""
        self.setWindowTitle(self.tr("Antrian — Self-Service Kiosk"))
        self.offline.setText(
            words.text(
                "store.window.kiosk_offline", problem=self.problem or Message("store.window.offline_unknown")
            )
        )
        self.priority_button.setText(
            self.tr("Priority Service\n(disability, elderly, pregnant, children, disaster victims)")
        )
        self.cancel_priority.setText(self.tr("Cancel"))
        self.groups_title.setText(
            self.tr("Priority Service: choose what applies to you.\nThe staff will check it at the counter.")
        )
        for button, group in zip(self.group_buttons, PriorityGroup, strict=True):
            button.setText(_two_lines(words.show(group)))
        self.groups_back.setText(self.tr("Back"))
        self.result_heading.setText(self.tr("YOUR QUEUE NUMBER"))
        self.reprint.setText(self.tr("Print Again"))
        self.done.setText(self.tr("Done"))
        for button in self._buttons.values():
            button.update_tile(button.tile)
        self._set_buttons_enabled(not self._busy)
        self._say_title()
        self._say_mode()
        self._say_result()
        self._say_print()

    def _say_title(self) -> None:
        self.title.setText(
            self.tr("Please touch the service you need")
            if self._refusal is None
            else words.say(self._refusal)
        )

    def _say_mode(self) -> None:
        group = self._priority
        self.mode.setText(
            self.tr("Priority Service: {group} — now choose the service").format(group=words.show(group))
            if group
            else ""
        )

    def _say_result(self) -> None:
        if self._last is None:
            return
        ticket, slip = self._last.ticket, self._last.slip
        self.number.setText(ticket.number)
        self.result_service.setText(ticket.service_name)
        self.result_detail.setText(
            self.tr(
                "People ahead of you: {ahead}  ·  Estimated wait: {estimate}\n"
                "Please take a seat and watch the screen. Your number will be called."
            ).format(ahead=words.number(slip.people_ahead), estimate=words.say(slip.estimate))
        )

    def _say_print(self) -> None:
        self.print_status.setText(words.text("kiosk.print.busy"))
        self.print_problem.setText(words.say(self._print_problem) if self._print_problem else "")

    # -- scaling --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        height, width = max(self.height(), 1), max(self.width(), 1)
        unit = min(height, width * 9 / 16) if width >= height else min(height * 9 / 16, width)

        def size(widget: QWidget, share: float, bold: bool = False) -> None:
            font = QFont(widget.font())
            font.setPixelSize(max(12, int(unit * share)))
            font.setBold(bold)
            widget.setFont(font)

        self.office.set_pixels(int(unit * 0.05))
        size(self.title, 0.035)
        size(self.mode, 0.032, True)
        for button in self._buttons.values():
            button.set_pixels(int(unit * 0.038))
        for button in (self.priority_button, self.cancel_priority, self.groups_back, self.reprint, self.done):
            size(button, 0.03, True)
            button.setMinimumHeight(int(unit * 0.11))
        self.priority_button.set_pixels(int(unit * 0.03))
        for button in self.group_buttons:
            size(button, 0.04, True)
        self.groups_title.set_pixels(int(unit * 0.04))
        size(self.result_heading, 0.05, True)
        self._fit_number()
        size(self.result_service, 0.045, True)
        size(self.result_detail, 0.035)
        size(self.print_status, 0.032, True)
        size(self.print_problem, 0.032, True)
        size(self.offline, 0.03, True)

    def _fit_number(self) -> None:
        """The number as large as the screen allows: 22 % of its height, narrowed to fit its width."""
        height, width = self.height(), self.width()
        number = self.number.text() or "A000"
        fit_font(self.number, int(height * 0.22), int(width * 0.9), number, bold=True, smallest=12)

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._reader.request()

    def _read_overview(self) -> tuple[str, list[ServiceTile]]:
        with self._database.read() as session:
            return get_office(session).name, kiosk_overview(session)

    def handle_events(self, events: list[EventInfo]) -> None:
        """Live counts: any change may move a queue, so re-read (coalesced, off the GUI thread)."""
        if events:
            self.refresh()

    def _apply_overview(self, result: tuple[str, list[ServiceTile]]) -> None:
        office, tiles = result
        self.office.setText(office)
        if [t.code for t in tiles] != list(self._buttons):
            for button in self._buttons.values():
                button.deleteLater()
            self._buttons = {}
            columns = 1 if self.height() > self.width() or len(tiles) <= 2 else 2
            for index, tile in enumerate(tiles):
                button = ServiceButton(tile)
                button.clicked.connect(lambda _=False, code=tile.code: self.take(code))
                self.grid.addWidget(button, index // columns, index % columns)
                self._buttons[tile.code] = button
            self._scale()
        for tile in tiles:
            self._buttons[tile.code].update_tile(tile)
        self._set_buttons_enabled(not self._busy)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        enabled = enabled and self._online  # a number that cannot be saved is never handed out
        for button in self._buttons.values():
            button.setEnabled(enabled and button.tile.available)
        self.priority_button.setEnabled(enabled)

    def _set_priority(self, group: PriorityGroup | None) -> None:
        self._priority = group
        self._say_mode()
        self.mode.setVisible(group is not None)
        self.cancel_priority.setVisible(group is not None)
        self.priority_button.setVisible(group is None)
        self.pages.setCurrentIndex(0)

    # -- taking a number ------------------------------------------------------------------------------
    def take(self, code: str) -> None:
        """One tap, one ticket: taps are ignored until this one is answered and its ticket printed."""
        if self._busy or self._printing:
            return
        self._busy = True
        self._set_buttons_enabled(False)
        database, priority = self._database, self._priority

        def work() -> Issued:
            ticket = issue_ticket_in(database, code, priority=priority.value if priority else None)
            with database.read() as session:
                return Issued(ticket, ticket_slip(session, ticket.id))

        self._background(work, lambda result: self._issued(code, result))

    def _issued(self, code: str, result: Issued | Exception) -> None:
        self._busy = False
        self._set_priority(None)
        if isinstance(result, Exception):
            _log_failure(f"no ticket issued for service {code}", result)
            self._set_buttons_enabled(True)
            self._refusal = _refusal(result)
            self._say_title()
            self.refresh()
            return
        self._last = result
        log.info("ticket %s issued for service %s", result.ticket.number, code)
        self._say_result()
        self._fit_number()
        self.pages.setCurrentIndex(2)
        self._start_print(result.slip)
        self.repaint()
        self.ticketShown.emit(result)
        self.refresh()

    # -- printing (off the GUI thread) ------------------------------------------------------------------
    def _start_print(self, slip: TicketSlip) -> None:
        """Print on the task runner; until the outcome the page says so and offers no button, so that no
        second print can start and the kiosk does not leave the number before it is printed."""
        self.print_problem.hide()
        self.reprint.hide()
        self._return.stop()
        if self._print is None:
            log.warning("ticket %s not printed: no printer is set for this kiosk", slip.number)
            self._print_outcome(Message("kiosk.print.no_printer"), reprint=False)
            return
        self._printing = True
        self._print_job += 1
        job, printer = self._print_job, self._print
        self.print_status.show()
        self.done.hide()
        self._print_watch.start()
        self._background(lambda: printer(slip), lambda result: self._printed(job, slip, result))

    def _printed(self, job: int, slip: TicketSlip, result: object) -> None:
        failed = result if isinstance(result, Exception) else None
        if job != self._print_job or not self._printing:
            late = f"ticket {slip.number}: the printer answered after the kiosk stopped waiting"
            if failed is None:
                log.warning("%s: printed", late)
            else:
                _log_failure(late, failed)
            return
        self._printing = False
        self._print_watch.stop()
        if failed is None:
            log.info("ticket %s printed", slip.number)
            self._print_outcome(None, reprint=False)
            return
        _log_failure(f"ticket {slip.number} not printed", failed)
        self._print_outcome(Message("kiosk.print.failed"), reprint=True)

    def _print_gave_up(self) -> None:
        if not self._printing:
            return
        self._printing = False
        number = self._last.ticket.number if self._last else "?"
        _log_failure(
            f"ticket {number} not printed", PrinterError("printer.gave_up", seconds=PRINT_GIVE_UP_MS // 1000)
        )
        self._print_outcome(Message("kiosk.print.failed"), reprint=True)

    def _print_outcome(self, problem: Message | None, *, reprint: bool) -> None:
        """Printed (``problem`` None) or not (what the citizen can do): say so, and let the kiosk return to
        the start."""
        self.print_status.hide()
        self.done.show()
        self._print_problem = problem
        self._say_print()
        self.print_problem.setVisible(problem is not None)
        self.reprint.setVisible(reprint)
        # a citizen whose ticket did not print gets time to note the number
        self._return.setInterval(self.return_after_ms * (3 if problem else 1))
        self._return.start()
        self.printFinished.emit(problem is None)

    def _print_again(self) -> None:
        if self._last is not None and not self._printing:
            self._start_print(self._last.slip)

    def go_home(self) -> None:
        if self._printing:
            return
        self._return.stop()
        self._return.setInterval(self.return_after_ms)
        self._refusal = None
        self._say_title()
        self.pages.setCurrentIndex(0)
        self._set_buttons_enabled(True)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """While the database cannot be used no service can be touched, and the banner says so to the
        citizen and why to the staff; once it can, the banner and any refusal left on screen go."""
        was_online, self._online = self._online, online
        self.problem = None if online else problem
        self.offline.setText(
            words.text(
                "store.window.kiosk_offline", problem=self.problem or Message("store.window.offline_unknown")
            )
        )
        self.offline.setVisible(not online)
        self._set_buttons_enabled(not self._busy)
        if online:
            if not was_online and not self._busy and self.pages.currentIndex() == 0:
                self.go_home()  # clears a refusal made while offline
            self.refresh()

    # -- leaving full screen ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.ask_to_leave()
            return
        super().keyPressEvent(event)

    def ask_to_leave(self, answer: str | None = None) -> bool:
        """Leaving full screen needs the admin PIN; returns whether the kiosk left full screen.

        A wrong PIN is answered (``leaveRefused``) after ``PIN_DELAY_MS`` on a timer, and no PIN is taken
        until then: guessing stays slow while the window keeps repainting and answering touches."""
        if self._exit_pin is None or self._pin_wait.isActive():
            return False
        if answer is None:
            dialog = self.pin_dialog()
            ok = bool(dialog.exec())
            answer = dialog.textValue()
            dialog.deleteLater()
            if not ok:
                return False
        if answer != self._exit_pin:
            self._pin_wait.start()
            return False
        self.showNormal()
        return True

    def pin_dialog(self) -> QInputDialog:
        """The admin PIN prompt in the kiosk's language (its OK and Cancel are Qt's own, translated in
        common_id.ts)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Exit"))
        dialog.setLabelText(self.tr("Admin PIN:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        return dialog


def _two_lines(name: str) -> str:
    """A long name on two lines, so that large text still fits its button."""
    if len(name) <= 14 or " " not in name:
        return name
    first, _, last = name.rpartition(" ")
    return f"{first}\n{last}"


def _refusal(error: Exception) -> Message:
    """Why no number was given, as the citizen is told: a coded refusal with its reason, anything else (a
    bug, logged with its traceback) as a plain apology."""
    if isinstance(error, AntrianError):
        return Message("kiosk.take.failed", reason=error.message)
    return Message("kiosk.take.unexpected")


def _log_failure(what: str, error: Exception) -> None:
    """An expected failure (the AntrianError family) in one line; anything else with its traceback, a bug."""
    if isinstance(error, AntrianError):
        log.warning("%s: %s", what, words.describe(error))
    else:
        log.error("%s", what, exc_info=(type(error), error, error.__traceback__))
