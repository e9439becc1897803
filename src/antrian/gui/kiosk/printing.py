"""Printing the kiosk's last ticket, off the GUI thread: its slip read (again) when missing, sent on the
printer's own thread (``OwnThread``), given up on past ``PRINT_GIVE_UP_MS``, and the outcome said: printed,
or not with what the citizen can do. Mixed into the kiosk window, whose state (``_last``, ``_printing``) and
result page it works on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.messages import Message
from antrian.printing.escpos import TIMEOUT_S, PrinterError
from antrian.printing.slip import TicketSlip
from antrian.services.results import TicketInfo
from antrian.services.slips import ticket_slip
from antrian.store.database import Database

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import QLabel, QPushButton

    from antrian.gui.kiosk.result import ResultPage
    from antrian.gui.tasks import OwnThread

log = logging.getLogger("antrian.gui.kiosk.window")  # the kiosk's one log, as before the split
# Every printer target gives up within TIMEOUT_S; past this the kiosk stops waiting for one that did not
PRINT_GIVE_UP_MS = (TIMEOUT_S + 12) * 1000


@dataclass(frozen=True, slots=True)
class Issued:
    """A committed ticket and its slip; ``slip`` is None when it could not be read after the commit
    (``unread`` says why): the number stands, and printing it reads the slip again."""

    ticket: TicketInfo
    slip: TicketSlip | None
    unread: Exception | None = None


class Printing:
    """The print flow of ``KioskWindow`` (mixed in before the Qt class)."""

    _last: Issued | None
    _printing: bool
    _print_job: int
    _print: Callable[[TicketSlip], None] | None
    _print_problem: Message | None
    _database: Database
    _background: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    _printer: OwnThread
    _print_watch: QTimer
    _return: QTimer
    return_after_ms: int
    result: ResultPage
    print_status: QLabel
    print_done: QLabel
    print_problem: QLabel
    reprint: QPushButton
    done: QPushButton
    printFinished: SignalInstance

    def _start_print(self) -> None:
        """Print the last ticket on the printer's own thread (reading its slip first if it is missing);
        until the outcome the page says so and offers no button, so that no second print can start and the
        kiosk does not leave the number before it is printed."""
        last = self._last
        if last is None:
            return
        self.print_problem.hide()
        self.print_done.hide()
        self.reprint.hide()
        self._return.stop()
        if self._print is None:
            log.warning("ticket %s not printed: no printer is set for this kiosk", last.ticket.number)
            self._print_outcome(Message("kiosk.print.no_printer"), reprint=False)
            return
        self._printing = True
        self._print_job += 1
        job = self._print_job
        self.print_status.show()
        self.done.hide()
        self._print_watch.start()
        if last.slip is not None:
            self._send(job, last.slip)
            return
        database, ticket = self._database, last.ticket
        self._background(lambda: read_slip(database, ticket.id), lambda result: self._slip_read(job, result))

    def _slip_read(self, job: int, result: TicketSlip | Exception) -> None:
        if job != self._print_job or not self._printing or self._last is None:
            if isinstance(result, Exception):  # given up meanwhile: the outcome is on screen already
                log_failure("a ticket's slip, read after the kiosk stopped waiting", result)
            return
        if isinstance(result, Exception):
            self._not_printed("its slip could not be read", result, Message("kiosk.print.failed"))
            return
        self._last = Issued(self._last.ticket, result)
        self.result.say_ticket(self._last.ticket, result)
        self._send(job, result)

    def _send(self, job: int, slip: TicketSlip) -> None:
        printer = self._print
        assert printer is not None
        if not self._printer.submit(lambda: printer(slip), lambda result: self._printed(job, slip, result)):
            # a job given up on still holds the printer: one more would only wait behind it
            self._not_printed("an earlier print has not ended", None, Message("kiosk.print.not_ready"))

    def _printed(self, job: int, slip: TicketSlip, result: object) -> None:
        failed = result if isinstance(result, Exception) else None
        if job != self._print_job or not self._printing:
            late = f"ticket {slip.number}: the printer answered after the kiosk stopped waiting"
            if failed is None:
                log.warning("%s: printed", late)
            else:
                log_failure(late, failed)
            return
        if failed is None:
            log.info("ticket %s printed", slip.number)
            self._printing = False
            self._print_watch.stop()
            self._print_outcome(None, reprint=False)
            return
        self._not_printed("", failed, Message("kiosk.print.failed"))

    def _print_gave_up(self) -> None:
        if self._printing:
            gave_up = PrinterError("printer.gave_up", seconds=PRINT_GIVE_UP_MS // 1000)
            self._not_printed("", gave_up, Message("kiosk.print.failed"))

    def _not_printed(self, why: str, cause: Exception | None, problem: Message) -> None:
        """The last ticket did not print: ``why`` and ``cause`` to the log, ``problem`` to the citizen, and
        Print Again offered where there is a printer."""
        self._printing = False
        self._print_watch.stop()
        what = f"ticket {self._last.ticket.number if self._last else '?'} not printed"
        what = f"{what}: {why}" if why else what
        if cause is None:
            log.warning("%s", what)
        else:
            log_failure(what, cause)
        self._print_outcome(problem, reprint=self._print is not None)

    def _print_outcome(self, problem: Message | None, *, reprint: bool) -> None:
        """Printed (``problem`` None: take the ticket) or not (what the citizen can do): say so, and let the
        kiosk return to the start."""
        self.print_status.hide()
        self.done.show()
        self._print_problem = problem
        self.result.say_problem(problem)
        self.print_done.setVisible(problem is None)
        self.print_problem.setVisible(problem is not None)
        self.reprint.setVisible(reprint)
        # a citizen whose ticket did not print gets time to note the number
        self._return.setInterval(self.return_after_ms * (3 if problem else 1))
        self._return.start()
        self.printFinished.emit(problem is None)

    def _print_again(self) -> None:
        if not self._printing:
            self._start_print()


def read_slip(database: Database, ticket_id: int) -> TicketSlip:
    with database.read() as session:
        return ticket_slip(session, ticket_id)


def log_failure(what: str, error: Exception) -> None:
    """An expected failure (the AntrianError family) in one line; anything else with its traceback, a bug."""
    if isinstance(error, AntrianError):
        log.warning("%s: %s", what, words.describe(error))
    else:
        log.error("%s", what, exc_info=(type(error), error, error.__traceback__))
