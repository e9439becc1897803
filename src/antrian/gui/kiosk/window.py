"""The self-service kiosk (Anjungan Antrean Mandiri): touch first, no keyboard or mouse needed.

Home shows one large button per service (name, code, people waiting, estimated wait); a service that
cannot issue now is shown disabled with the reason. "Pelayanan Khusus" first asks the priority group, then
the service. A tap issues one ticket off the GUI thread (every button is disabled until the answer comes,
so a double tap issues one ticket), shows the number very large and prints it; a print failure leaves
the number on screen with the reason and a reprint button. The kiosk returns to the start by itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
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
from antrian.domain.priority import LABELS_ID, PriorityGroup
from antrian.gui.offline import offline_text
from antrian.gui.tasks import CoalescedRead
from antrian.printing.escpos import PrinterError
from antrian.printing.slip import TicketSlip
from antrian.services.kiosk import ServiceTile, kiosk_overview
from antrian.services.office import get_office
from antrian.services.queue import issue_ticket_in
from antrian.services.results import EventInfo, TicketInfo
from antrian.services.slips import ticket_slip
from antrian.store.database import Database

log = logging.getLogger(__name__)

RETURN_AFTER_MS = 8000
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
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 8px; }
QLabel#mode { background: #1e7a46; color: white; border-radius: 10px; padding: 6px; }
"""


@dataclass(frozen=True, slots=True)
class Issued:
    ticket: TicketInfo
    slip: TicketSlip


class ServiceButton(QPushButton):
    def __init__(self, tile: ServiceTile) -> None:
        super().__init__()
        self.code = tile.code
        # Ignored width: a long service name or estimate never widens the kiosk past its screen
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.update_tile(tile)

    def update_tile(self, tile: ServiceTile) -> None:
        self.tile = tile
        detail = (
            f"Menunggu: {tile.waiting}  ·  {tile.estimate_text}"
            if tile.available
            else f"Tidak tersedia: {tile.reason}"
        )
        self.setText(f"{tile.code}   {tile.name}\n{detail}")
        self.setAccessibleName(f"Layanan {tile.name}")
        self.setEnabled(tile.available)


class KioskWindow(QWidget):
    """Signals:
    ticketShown(object): a ticket's number is on screen (``Issued``), right after the repaint.
    """

    ticketShown = Signal(object)

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
        self.setWindowTitle("Antrian — Anjungan Antrean Mandiri")
        self.setStyleSheet(STYLE)
        self._database = database
        self._background = run_in_background
        self._print = print_slip
        self._exit_pin = exit_pin
        self._busy = False
        self._online = True
        self.problem: AntrianError | None = None  # why the database cannot be used now (the banner)
        self._priority: PriorityGroup | None = None
        self._buttons: dict[str, ServiceButton] = {}
        self._last: Issued | None = None
        self._reader = CoalescedRead(
            run_in_background, self._read_overview, self._apply_overview, what="kiosk refresh", parent=self
        )
        self._build()
        self._return = QTimer(self, singleShot=True, interval=RETURN_AFTER_MS)
        self._return.timeout.connect(self.go_home)
        self.refresh()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.offline = QLabel(offline_text(None))
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.offline)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)

        home = QWidget()
        layout = QVBoxLayout(home)
        layout.setContentsMargins(32, 24, 32, 24)
        self.office = QLabel("")
        self.office.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel("Silakan sentuh layanan yang Anda perlukan")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mode = QLabel("")
        self.mode.setObjectName("mode")
        self.mode.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        bottom = QHBoxLayout()
        self.priority_button = QPushButton(
            "Pelayanan Khusus\n(disabilitas, lansia, hamil, anak-anak, korban bencana)"
        )
        self.priority_button.setObjectName("priority")
        self.priority_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.cancel_priority = QPushButton("Batal")
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
        self.groups_title = QLabel(
            "Pelayanan Khusus: pilih keadaan Anda.\nPetugas akan memastikannya di loket."
        )
        self.groups_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        g.addWidget(self.groups_title)
        group_grid = QGridLayout()
        group_grid.setSpacing(20)
        self.group_buttons: list[QPushButton] = []
        for index, group in enumerate(PriorityGroup):
            words = LABELS_ID[group].split(" ")  # two lines for long names, so that large text still fits
            text = " ".join(words[:-1]) + "\n" + words[-1] if len(LABELS_ID[group]) > 14 else LABELS_ID[group]
            button = QPushButton(text)
            button.setObjectName("priority")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, chosen=group: self._set_priority(chosen))
            group_grid.addWidget(button, index // 2, index % 2)
            self.group_buttons.append(button)
        g.addLayout(group_grid, 1)
        self.groups_back = QPushButton("Kembali")
        self.groups_back.setObjectName("back")
        self.groups_back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        g.addWidget(self.groups_back)
        self.pages.addWidget(groups)

        result = QWidget()
        r = QVBoxLayout(result)
        r.setContentsMargins(32, 24, 32, 24)
        self.result_heading = QLabel("NOMOR ANTREAN ANDA")
        self.number = QLabel("")
        self.number.setObjectName("number")
        self.result_service = QLabel("")
        self.result_detail = QLabel("")
        self.result_detail.setWordWrap(True)
        self.print_problem = QLabel("")
        self.print_problem.setObjectName("printProblem")
        self.print_problem.setWordWrap(True)
        self.reprint = QPushButton("Cetak Ulang")
        self.reprint.setObjectName("reprint")
        self.reprint.clicked.connect(self._print_again)
        self.done = QPushButton("Selesai")
        self.done.setObjectName("back")
        self.done.clicked.connect(self.go_home)
        for widget in (
            self.result_heading,
            self.number,
            self.result_service,
            self.result_detail,
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
        self.print_problem.hide()
        self.reprint.hide()

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

        size(self.office, 0.05, True)
        size(self.title, 0.035)
        size(self.mode, 0.032, True)
        for button in self._buttons.values():
            size(button, 0.038, True)
        for button in (self.priority_button, self.cancel_priority, self.groups_back, self.reprint, self.done):
            size(button, 0.03, True)
            button.setMinimumHeight(int(unit * 0.11))
        for button in self.group_buttons:
            size(button, 0.04, True)
        size(self.groups_title, 0.04, True)
        size(self.result_heading, 0.05, True)
        self._fit_number()
        size(self.result_service, 0.045, True)
        size(self.result_detail, 0.035)
        size(self.print_problem, 0.032, True)
        size(self.offline, 0.03, True)

    def _fit_number(self) -> None:
        """The number as large as the screen allows: 22 % of its height, narrowed to fit its width."""
        font = QFont(self.number.font())
        font.setBold(True)
        font.setPixelSize(max(12, int(self.height() * 0.22)))
        advance = QFontMetrics(font).horizontalAdvance(self.number.text() or "A000")
        if advance > self.width() * 0.9:
            font.setPixelSize(max(12, int(font.pixelSize() * self.width() * 0.9 / advance)))
        self.number.setFont(font)

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
        self.mode.setText(f"Pelayanan Khusus: {LABELS_ID[group]} — sekarang pilih layanan" if group else "")
        self.mode.setVisible(group is not None)
        self.cancel_priority.setVisible(group is not None)
        self.priority_button.setVisible(group is None)
        self.pages.setCurrentIndex(0)

    # -- taking a number ------------------------------------------------------------------------------
    def take(self, code: str) -> None:
        """One tap, one ticket: taps are ignored until this one is answered."""
        if self._busy:
            return
        self._busy = True
        self._set_buttons_enabled(False)
        database, priority = self._database, self._priority

        def work() -> Issued:
            ticket = issue_ticket_in(database, code, priority=priority.value if priority else None)
            with database.read() as session:
                return Issued(ticket, ticket_slip(session, ticket.id))

        self._background(work, self._issued)

    def _issued(self, result: Issued | Exception) -> None:
        self._busy = False
        self._set_priority(None)
        if isinstance(result, Exception):
            self._set_buttons_enabled(True)
            self.title.setText(
                f"Maaf, nomor tidak dapat diambil: {result}"
                if isinstance(result, AntrianError)
                else "Maaf, terjadi gangguan. Silakan coba lagi atau hubungi petugas."
            )
            self.refresh()
            return
        self._last = result
        ticket, slip = result.ticket, result.slip
        self.number.setText(ticket.number)
        self._fit_number()
        self.result_service.setText(ticket.service_name)
        self.result_detail.setText(
            f"Antrean di depan Anda: {slip.people_ahead}  ·  Perkiraan tunggu: {slip.estimate}\n"
            "Silakan duduk dan perhatikan layar. Nomor Anda akan dipanggil."
        )
        self.print_problem.hide()
        self.reprint.hide()
        self.pages.setCurrentIndex(2)
        self.repaint()
        self.ticketShown.emit(result)
        self._print_slip(slip)
        self._return.start()
        self.refresh()

    def _print_slip(self, slip: TicketSlip) -> None:
        if self._print is None:
            self._print_failed("printer belum diatur di komputer ini")
            return
        try:
            self._print(slip)
        except (PrinterError, OSError) as error:
            self._print_failed(str(error))

    def _print_failed(self, reason: str) -> None:
        self.print_problem.setText(
            f"Tiket tidak tercetak ({reason}). Nomor Anda tetap berlaku: catat atau foto "
            "nomor di atas, atau sentuh Cetak Ulang."
        )
        self.print_problem.show()
        self.reprint.show()
        self._return.setInterval(RETURN_AFTER_MS * 3)  # give time to note the number

    def _print_again(self) -> None:
        if self._last is not None:
            self.print_problem.hide()
            self.reprint.hide()
            self._print_slip(self._last.slip)
            self._return.start()

    def go_home(self) -> None:
        self._return.stop()
        self._return.setInterval(RETURN_AFTER_MS)
        self.title.setText("Silakan sentuh layanan yang Anda perlukan")
        self.pages.setCurrentIndex(0)
        self._set_buttons_enabled(True)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """While the database cannot be used no service can be touched, and the banner says so to the
        citizen and why to the staff; once it can, the banner and any refusal left on screen go."""
        was_online, self._online = self._online, online
        self.problem = None if online else problem
        self.offline.setText(words.text("store.window.kiosk_offline", problem=offline_text(self.problem)))
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
        """Leaving full screen needs the admin PIN; returns whether the kiosk left full screen."""
        if self._exit_pin is None:
            return False
        if answer is None:
            answer, ok = QInputDialog.getText(self, "Keluar", "PIN admin:", QLineEdit.EchoMode.Password)
            if not ok:
                return False
        if answer != self._exit_pin:
            time.sleep(0.5)  # slows guessing on a public screen
            return False
        self.showNormal()
        return True
