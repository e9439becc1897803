"""Taking a number at the kiosk: one tap, one ticket, issued off the GUI thread; the number shown and sent
to print, or the refusal said in the title (a closed service, its quota used, a database that cannot be
used) until it times out. Mixed into the kiosk window, whose state (``_busy``, ``_last``) it works on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from antrian.domain.errors import AntrianError, StoreError
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.gui.kiosk.pages import RESULT
from antrian.gui.kiosk.printing import Issued, log_failure, read_slip
from antrian.services.queue import issue_ticket_in
from antrian.store.database import Database

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from antrian.printing.slip import TicketSlip

log = logging.getLogger("antrian.gui.kiosk.window")  # the kiosk's one log, as before the split


class Taking:
    """The taking of a number by ``KioskWindow`` (mixed in before the Qt class)."""

    _busy: bool
    _printing: bool
    _database: Database
    _priority: PriorityGroup | None
    _background: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    _refusal: Message | None
    _refusal_shown: QTimer
    _last: Issued | None
    _print: Callable[[TicketSlip], None] | None
    return_after_ms: int
    pages: QStackedWidget
    ticketShown: SignalInstance

    if TYPE_CHECKING:

        def _set_buttons_enabled(self, enabled: bool) -> None: ...
        def _set_priority(self, group: PriorityGroup | None) -> None: ...
        def _say_title(self) -> None: ...
        def _say_result(self) -> None: ...
        def refresh(self) -> None: ...
        def _start_print(self) -> None: ...
        def _not_printed(self, why: str, cause: Exception | None, problem: Message) -> None: ...

    def take(self, code: str) -> None:
        """One tap, one ticket: taps are ignored until this one is answered and its ticket printed."""
        if self._busy or self._printing:
            return
        self._busy = True
        self._set_buttons_enabled(False)
        database, priority = self._database, self._priority

        def work() -> Issued:
            ticket = issue_ticket_in(database, code, priority=priority.value if priority else None)
            # committed: whatever happens now, the citizen gets this number
            try:
                return Issued(ticket, read_slip(database, ticket.id))
            except Exception as error:
                return Issued(ticket, None, error)

        self._background(work, lambda result: self._issued(code, result))

    def _issued(self, code: str, result: Issued | Exception) -> None:
        self._busy = False
        self._set_priority(None)
        if isinstance(result, Exception):
            log_failure(f"no ticket issued for service {code}", result)
            self._set_buttons_enabled(True)
            self._refusal = _refusal(result)
            self._say_title()
            self._refusal_shown.start(self.return_after_ms)
            self.refresh()
            return
        self._last = result
        log.info("ticket %s issued for service %s", result.ticket.number, code)
        self._say_result()
        self.pages.setCurrentIndex(RESULT)
        if result.unread is None:
            self._start_print()
        elif self._print is None:
            self._not_printed("its slip could not be read", result.unread, Message("kiosk.print.no_printer"))
        else:  # a print failure: Print Again reads the slip again
            self._not_printed("its slip could not be read", result.unread, Message("kiosk.print.failed"))
        cast("QWidget", self).repaint()  # the number is on screen before it is announced
        self.ticketShown.emit(result)
        self.refresh()

    def _clear_refusal(self) -> None:
        self._refusal_shown.stop()
        if self._refusal is not None:
            self._refusal = None
            self._say_title()


def _refusal(error: Exception) -> Message:
    """Why no number was given, as the citizen is told: a refusal they can act on (a service closed, its
    quota used) with its reason; a database that cannot be used as "ask the staff" (its cause, a path or a
    server, is for the log); anything else (a bug, logged with its traceback) as a plain apology."""
    if isinstance(error, StoreError):
        return Message("kiosk.take.offline")
    if isinstance(error, AntrianError):
        return Message("kiosk.take.failed", reason=error.message)
    return Message("kiosk.take.unexpected")
