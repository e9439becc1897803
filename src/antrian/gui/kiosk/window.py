"""The self-service kiosk (Anjungan Antrean Mandiri): touch first, no keyboard or mouse needed.

Home shows one large button per service (name, code, people waiting, estimated wait), in a grid that fits
the screen and pages through the services when they are too many for one (``grid``); a service that cannot
issue now is shown disabled with the reason. "Pelayanan Khusus" first asks the priority group, then the
service. A tap issues one ticket off the GUI thread (every button is disabled until the answer comes, so a
double tap issues one ticket) and shows the number very large; the ticket is then printed under a
"printing" note on a thread of its own (``OwnThread``), so a slow, silent or stuck printer never freezes
the window nor holds up its database work. The outcome is said either way: printed (take the ticket), or
not (the number stands: note it, or print again). A number once committed is always shown, even when its
slip cannot be read afterwards (that is a print failure). The kiosk returns to the start by itself once
the outcome is shown.

Every page takes exactly the room of the window (never more: a window larger than its screen puts
services where no one can touch them), with touch targets of at least 15 mm on the densest panel the
resolution plausibly has (``sizes``). Leaving full screen takes the admin PIN; without one, Esc explains
how, and so does the kiosk's first start on a PC without one (``exit``).

Citizens read only what they can act on: a database that cannot be used is "numbers cannot be taken for
now, ask the staff"; its technical cause goes to the log and, for staff, to the banner's tooltip.

Texts are English in the code and go through Qt's translator (Bahasa Indonesia from ``kiosk_id.ts``);
messages made from codes come from ``antrian.words``. On a language change every text is said again from
the window's state (``retranslate``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.gui import theme
from antrian.gui.i18n import Retranslated
from antrian.gui.kiosk import sizes
from antrian.gui.kiosk.buttons import ServiceButton
from antrian.gui.kiosk.exit import NoPinNote, note_read
from antrian.gui.kiosk.grid import Sizes
from antrian.gui.kiosk.leaving import Leaving
from antrian.gui.kiosk.pages import GROUPS, HOME, GroupsPage, HomePage
from antrian.gui.kiosk.printing import PRINT_GIVE_UP_MS, Issued, Printing
from antrian.gui.kiosk.result import ResultPage
from antrian.gui.kiosk.taking import Taking
from antrian.gui.tasks import CoalescedRead, OwnThread
from antrian.gui.theme.metrics import KIOSK
from antrian.printing.slip import TicketSlip
from antrian.services.kiosk import ServiceTile, kiosk_overview
from antrian.services.office import get_office
from antrian.services.results import EventInfo
from antrian.store.database import Database

log = logging.getLogger(__name__)

RETURN_AFTER_MS = 8000
MINUTE_SLACK_MS = 200  # read this long after the minute turns, so its boundary is surely past
PIN_DELAY_MS = 500  # a wrong admin PIN is answered this late: slow guessing on a public screen


class KioskWindow(Retranslated, Taking, Printing, Leaving, QWidget):
    """Signals:
    ticketShown(object): a ticket's number is on screen (``Issued``), right after the repaint.
    printFinished(bool): the outcome of printing it (or printing it again) is on screen: printed or not.
    leaveRefused(): a wrong admin PIN was answered, after the delay.

    Args:
        exit_pin: the admin PIN that leaves full screen; None: Esc shows the note on leaving (``exit``).
        note_marker: without a PIN, the file that says the note was read on this PC: the note shows
            at start until it is closed once (None: never at start, as in the demo and tests).
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
        note_marker: Path | None = None,
        zones: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self._zones = zones  # a Mal Pelayanan Publik's kiosk for these zones' services only
        theme.apply(self, "kiosk")
        self._database = database
        self._background = run_in_background
        self._print = print_slip
        self._exit_pin = exit_pin
        self._note_marker = note_marker if exit_pin is None else None
        self._busy = False
        self._printing = False
        self._print_job = 0
        self._online = True
        self.problem: AntrianError | None = None  # why the database cannot be used now (the banner)
        self._priority: PriorityGroup | None = None
        self._last: Issued | None = None
        self._refusal: Message | None = None  # why the last tap gave no number (said in the title)
        self._database_down = False  # a read failed or the feed lost the database: the next good read says so
        self._print_problem: Message | None = None  # what the citizen can do when the ticket did not print
        self._reader = CoalescedRead(
            run_in_background,
            self._read_overview,
            self._apply_overview,
            what="kiosk refresh",
            parent=self,
            on_error=self._overview_failed,
        )
        self._printer = OwnThread("kiosk printer", self)
        self._build()
        self.return_after_ms = RETURN_AFTER_MS
        self._return = QTimer(self, singleShot=True, interval=RETURN_AFTER_MS)
        self._return.timeout.connect(self.go_home)
        self._refusal_shown = QTimer(self, singleShot=True)
        self._refusal_shown.timeout.connect(self._clear_refusal)
        self._print_watch = QTimer(self, singleShot=True, interval=PRINT_GIVE_UP_MS)
        self._print_watch.timeout.connect(self._print_gave_up)
        self._pin_wait = QTimer(self, singleShot=True, interval=PIN_DELAY_MS)
        self._pin_wait.timeout.connect(self.leaveRefused)
        # opening hours and breaks begin and end on the minute, and time passing writes no event: read again
        # just after each minute turns, so a break closes (and reopens) the buttons on time
        self.minute_timer = QTimer(self, singleShot=True)
        self.minute_timer.timeout.connect(self._minute_turned)
        self._minute_turned()
        if self._note_marker is not None:
            marker = self._note_marker
            self._background(lambda: note_read(marker), self._note_checked)

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.offline = QLabel()
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.offline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        root.addWidget(self.offline)
        # Ignored: no page's contents ever make the window larger than its screen; each fits its room
        self.pages = QStackedWidget()
        self.pages.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        root.addWidget(self.pages, 1)
        self.home, self.groups, self.result, self.note = HomePage(), GroupsPage(), ResultPage(), NoPinNote()
        for page in (self.home, self.groups, self.result, self.note):
            self.pages.addWidget(page)
        home, result = self.home, self.result
        self.office, self.title, self.mode, self.grid = home.office, home.title, home.mode, home.grid
        self.priority_button, self.cancel_priority = home.priority_button, home.cancel_priority
        self.group_buttons, self.groups_title, self.groups_back = (
            self.groups.buttons,
            self.groups.title,
            self.groups.back,
        )
        self.number, self.result_detail, self.reprint, self.done = (
            result.number,
            result.detail,
            result.reprint,
            result.done,
        )
        self.print_status, self.print_done, self.print_problem = (
            result.print_status,
            result.print_done,
            result.print_problem,
        )
        self.grid.tapped.connect(self.take)
        self.priority_button.clicked.connect(lambda: self.pages.setCurrentIndex(GROUPS))
        self.cancel_priority.clicked.connect(lambda: self._set_priority(None))
        for button, group in zip(self.group_buttons, PriorityGroup, strict=True):
            button.clicked.connect(lambda _=False, chosen=group: self._set_priority(chosen))
        self.groups_back.clicked.connect(lambda: self.pages.setCurrentIndex(HOME))
        self.reprint.clicked.connect(self._print_again)
        self.done.clicked.connect(self.go_home)
        self.note.leave.connect(lambda: self._close_note(leave=True))
        self.note.closed.connect(lambda: self._close_note(leave=False))
        self.offline.hide()
        self.retranslate()

    @property
    def _buttons(self) -> dict[str, ServiceButton]:
        return self.grid.buttons

    # -- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Say every text in the current language, the changing ones from the window's state."""
        self.setWindowTitle(self.tr("Antrian — Self-Service Kiosk"))
        self._say_offline()
        self.priority_button.setText(
            self.tr("Priority Service\n(disability, elderly, pregnant, children, disaster victims)")
        )
        self.cancel_priority.setText(self.tr("Cancel"))
        self.groups_title.setText(
            self.tr("Priority Service: choose what applies to you.\nThe staff will check it at the counter.")
        )
        for button, group in zip(self.group_buttons, PriorityGroup, strict=True):
            button.set_name(words.show(group))
        self.groups_back.setText(self.tr("Back"))
        self.grid.retranslate()
        self.result.retranslate()
        self.note.retranslate()
        self._set_buttons_enabled(not self._busy)
        self._say_title()
        self._say_mode()
        self._say_result()
        self.result.say_problem(self._print_problem)

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

    def _say_offline(self) -> None:
        """The citizen's sentence on the banner; the cause, for staff, in its tooltip."""
        self.offline.setText(words.text("kiosk.take.offline"))
        cause = self.problem or Message("store.window.offline_unknown")
        self.offline.setToolTip("" if self._online else words.say(cause))

    def _say_result(self) -> None:
        if self._last is not None:
            self.result.say_ticket(self._last.ticket, self._last.slip)

    # -- scaling --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Every text as a share of the screen's ``unit`` (its height, or a 16:9 screen's height that fits
        in it), none below what is readable at arm's length, and every button at least a touch target high
        on the densest panel plausible (``sizes``)."""
        height, width = max(self.height(), 1), max(self.width(), 1)
        unit = min(height, width * 9 / 16) if width >= height else min(height * 9 / 16, width)
        pitch = sizes.mm_per_pixel(self)
        least = sizes.pixels(sizes.DETAIL_MM, pitch)
        target = max(sizes.pixels(sizes.TOUCH_MM, pitch), int(unit * KIOSK.target))
        grid = Sizes(
            target=target,
            name=max(least, int(unit * KIOSK.name)),
            detail=max(least, int(unit * KIOSK.detail)),
            least_name=sizes.pixels(sizes.NAME_MM, pitch),
            least_detail=least,
            pager=max(least, int(unit * KIOSK.action)),
            gap=max(KIOSK.gap_floor, int(unit * KIOSK.gap)),
        )
        self.home.set_sizes(unit, target, grid, least)
        self.groups.set_sizes(unit, target, least)
        self.result.set_sizes(unit, target, least)
        self.note.set_sizes(
            max(least, int(unit * KIOSK.heading)),
            max(least, int(unit * KIOSK.detail)),
            max(least, int(unit * KIOSK.action)),
            target,
        )
        font = QFont(self.offline.font())
        font.setPixelSize(max(least, int(unit * KIOSK.action)))
        font.setBold(True)
        self.offline.setFont(font)

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._reader.request()

    def _minute_turned(self) -> None:
        self.refresh()
        self.minute_timer.start(until_next_minute_ms(time.time()))

    def _read_overview(self) -> tuple[str, list[ServiceTile]]:
        with self._database.read() as session:
            return get_office(session).name, kiosk_overview(session, zones=self._zones)

    def handle_events(self, events: list[EventInfo]) -> None:
        """Live counts: any change may move a queue, so re-read (coalesced, off the GUI thread)."""
        if events:
            self.refresh()

    def _overview_failed(self, _error: Exception) -> None:
        self._database_down = True

    def _apply_overview(self, result: tuple[str, list[ServiceTile]]) -> None:
        office, tiles = result
        if self._database_down and self._online:
            self._database_down = False
            self._clear_refusal()  # made while the database did not work: it works again
        self.office.setText(office)
        self.grid.set_tiles(tiles)
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
        self.pages.setCurrentIndex(HOME)

    # -- the start page -------------------------------------------------------------------------------
    def go_home(self) -> None:
        if self._printing:
            return
        self._return.stop()
        self._return.setInterval(self.return_after_ms)
        self._clear_refusal()
        self.pages.setCurrentIndex(HOME)
        self.grid.show_page(0)
        self._set_buttons_enabled(True)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """While the database cannot be used no service can be touched, and the banner says so to the
        citizen (the cause goes to the log, and to staff in the banner's tooltip); once it can, the banner
        goes, and any refusal left on screen with the next overview read."""
        was_online, was_problem = self._online, self.problem
        self._online, self.problem = online, None if online else problem
        if not online:
            self._database_down = True
            if was_online or self.problem != was_problem:
                cause = words.describe(problem) if problem else "the link to the database was lost"
                log.warning("kiosk cannot issue numbers: %s", cause)
        elif not was_online:
            log.info("kiosk can issue numbers again")
            self._clear_refusal()  # made before the feed noticed: it no longer holds
        self._say_offline()
        self.offline.setVisible(not online)
        self._set_buttons_enabled(not self._busy)
        if online:
            self.refresh()

    # -- leaving full screen ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.ask_to_leave()
            return
        super().keyPressEvent(event)

    def pin_dialog(self) -> QInputDialog:
        """The admin PIN prompt in the kiosk's language (its OK and Cancel are Qt's own, translated in
        common_id.ts)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Exit"))
        dialog.setLabelText(self.tr("Admin PIN:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        return dialog


def until_next_minute_ms(now: float) -> int:
    """Milliseconds from the POSIX time ``now`` to just after the next whole minute (office time zones are
    whole hours from UTC, so their minutes turn together)."""
    return int((60 - now % 60) * 1000) + MINUTE_SLACK_MS
