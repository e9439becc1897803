"""The waiting-room display: the current call very large, every counter, the last calls, who is waiting.

Calls are shown the moment their event arrives through the change feed (the event carries the number,
counter and service), and what they change is repainted at once; counters, waiting counts and the day's
calls are re-read off the GUI thread a moment later (``REFRESH_MS``), once for all the changes meanwhile.
Sizes follow the rule in docs/DESIGN.md ("Display: readable from the back of the room", ``sizes.Floors``):
counters, recent calls and waiting counts never shrink below it; what does not fit is paged (``paging``). A
portrait screen stacks the panels.

Texts are English in the code and go through Qt's translator (Bahasa Indonesia from ``display_id.ts``); the
date comes from ``antrian.words``. On a language change every text is said again from the window's state
(``retranslate``): headings, counters, the current and recent calls, the date, the voice mark, the banner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.timing import office_zone
from antrian.gui import theme
from antrian.gui.display.call_panel import CallPanel
from antrian.gui.display.calls import RECENT_SHOWN, Calling
from antrian.gui.display.header import Header
from antrian.gui.display.jsonlog import LineLog, LineSink, open_log
from antrian.gui.display.paging import PagedSection, SectionStack
from antrian.gui.display.sizes import Floors, font_with_cap
from antrian.gui.display.ticker import SEPARATOR, BottomBar
from antrian.gui.display.tiles import CounterTile, RecentCall, WaitingRow, label
from antrian.gui.display.voice import Voicing
from antrian.gui.i18n import Retranslated
from antrian.gui.offline import offline_text
from antrian.gui.tasks import CoalescedRead
from antrian.gui.theme.metrics import DISPLAY
from antrian.services.display import (
    Call,
    CounterBoard,
    DisplaySnapshot,
    display_snapshot,
)
from antrian.store.database import Database
from antrian.voice.announcer import Announcer

__all__ = ["DisplayWindow", "LineLog", "LineSink", "open_log"]

log = logging.getLogger(__name__)

HIGHLIGHT_MS = 6000
REFRESH_MS = 500  # the feed's changes gathered for one re-read (``refresh_soon``)
MARGIN = 24


class DisplayWindow(Retranslated, Calling, Voicing, QWidget):
    """The display. Feed it events with ``handle_events``; it reads the rest itself, off the GUI thread.

    Signals:
        callShown(object): a call was painted (a ``Call``), right after the repaint.
    """

    callShown = Signal(object)

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        *,
        log_json: LineSink | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        announcer: Announcer | None = None,
        counters: frozenset[int] | None = None,
        zones: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__()
        self._counters = counters  # a display for one zone: only these counters and their calls
        self._zones = zones  # ... or only the counters of these zones (of a Mal Pelayanan Publik)
        self.setObjectName("display")
        theme.apply(self, "display")
        self._database = database
        self._background = run_in_background
        self._log = log_json
        self._clock = clock
        self._announcer = announcer
        self._zone = office_zone("Asia/Jakarta")
        self._snapshot: DisplaySnapshot | None = None
        self._live: list[Call] = []  # the last calls the feed delivered (the snapshot may lag them)
        self._recent: tuple[Call, ...] = ()
        self._current: Call | None = None  # the call in the large panel
        self._tiles: dict[int, CounterTile] = {}
        # Events up to this id were history when the display started; later ones are live calls.
        self._live_after: int | None = None
        self._portrait = False
        self._text_font = QFont()
        self._day = ""
        self._moment: datetime | None = None  # the local time of the last tick
        self.problem: AntrianError | None = None  # why the database cannot be used now (the banner)
        self._voice_reader = CoalescedRead(
            run_in_background,
            self._read_voice_settings,
            self._apply_voice_settings,
            what="voice settings",
            parent=self,
        )
        self._reader = CoalescedRead(
            run_in_background, self._read_snapshot, self._apply_snapshot, what="display refresh", parent=self
        )
        self._logo_reader = CoalescedRead(
            run_in_background, self._read_logo, self._apply_logo, what="office logo", parent=self
        )
        self._soon = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._soon.timeout.connect(self.refresh)
        self._build()
        self._logo_reader.request()  # Antrian's emblem until the office's own logo is read
        if announcer is not None:
            self._listen_to(announcer)
            self._voice_reader.request()  # the announcer starts with the defaults; the office's follow
        self._highlight = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS)
        self._highlight.timeout.connect(lambda: self._set_fresh(False))
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self.tick)
        self._clock_timer.start()
        self.tick()
        self.refresh()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        # the window keeps the screen's size: nothing it shows may make it larger (a layout would)
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.offline = label("", "offline")
        self.offline.setWordWrap(True)
        root.addWidget(self.offline)

        self.header = Header(MARGIN)
        self.logo, self.office, self.voice_status = (
            self.header.logo,
            self.header.office,
            self.header.voice_status,
        )
        root.addWidget(self.header)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setContentsMargins(MARGIN, 4, MARGIN, 8)
        self.body.setSpacing(MARGIN)
        self.left = QVBoxLayout()
        self.left.setSpacing(12)
        self.call_panel = CallPanel()
        # the names the rest of the program and its tests know the panel's parts by
        self.call_heading = self.call_panel.heading
        self.call_number = self.call_panel.number
        self.call_counter = self.call_panel.counter
        self.call_service = self.call_panel.service
        self.call_idle = self.call_panel.idle
        self.left.addWidget(self.call_panel, 1)
        self.recent_section = PagedSection(rotate=False, by_columns=False)
        self.recent_labels = [RecentCall() for _ in range(RECENT_SHOWN)]
        self.recent_section.grid.set_cells(list(self.recent_labels))
        self.left.addWidget(self.recent_section)
        self.body.addLayout(self.left, 2)
        self.counters_section = PagedSection()
        self.waiting_section = PagedSection()
        self.side = SectionStack([self.counters_section, self.waiting_section])
        self.body.addWidget(self.side, 3)
        root.addLayout(self.body, 1)
        # the old names the rest of the program and its tests know these headings by
        self.counters_heading = self.counters_section.heading
        self.recent_heading = self.recent_section.heading
        self.waiting_heading = self.waiting_section.heading

        # the bottom bar: the time, the date and the office's running text (below them in portrait)
        self.ticker_frame = BottomBar(MARGIN, theme.colour("snow"))
        self.clock, self.date, self.ticker = (
            self.ticker_frame.clock,
            self.ticker_frame.date,
            self.ticker_frame.ticker,
        )
        root.addWidget(self.ticker_frame)
        # hidden only now: a widget hidden before a layout takes it would show again with its new parent
        self.offline.hide()
        self.voice_status.hide()
        self.retranslate()

    # -- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Say every text in the current language, the changing ones from the window's state (the counter
        tiles say theirs on the same event)."""
        self.setWindowTitle(self.tr("Antrian — Queue Display"))
        self.offline.setText(offline_text(self.problem))
        self.counters_heading.setText(self.tr("COUNTERS"))
        self.recent_heading.setText(self.tr("RECENT CALLS"))
        self.waiting_heading.setText(self.tr("WAITING"))
        self._say_current()
        self._render_recent()
        self.tick()
        self._scale()  # the words' widths set the cells' sizes

    # -- scaling --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Every font from the readability rule for this size of screen, and the cells' sizes from them."""
        height, width = max(self.height(), 1), max(self.width(), 1)
        portrait = height > width
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._portrait = portrait
        floors = Floors(width, height)
        text = self._text_font = font_with_cap(self.font(), floors.text)
        bold = font_with_cap(self.font(), floors.text, bold=True)
        for widget in (self.offline, *self._headings()):
            widget.setFont(bold)
        self.header.scale(bold, font_with_cap(self.font(), floors.text * DISPLAY.header), portrait=portrait)
        room = width - 2 * MARGIN if portrait else (width - 3 * MARGIN) * 2 // 5
        self.call_panel.scale(self.font(), floors, room, portrait=portrait)
        self.ticker_frame.arrange(text=text, bold=bold, portrait=portrait)
        # in portrait the call takes the height it needs and the counters and waiting counts the rest
        self.body.setStretch(0, 0 if portrait else 2)
        self.body.setStretch(1, 1 if portrait else 3)
        numbers = self._numbers_shown()
        for tile in self._tiles.values():
            tile.set_fonts(text, bold)
        if self._tiles:
            self.counters_section.grid.set_cell_size(
                max((tile.needs(text, bold, numbers) for tile in self._tiles.values()), key=QSize.width)
            )
        for recent in self.recent_labels:
            recent.setFont(text)
        last_counter = max(self._tiles, default=9)
        self.recent_section.grid.set_cell_size(self.recent_labels[0].needs(text, numbers, last_counter))
        for row in self._waiting_rows():
            row.set_text_font(text)
        self.waiting_section.grid.set_cell_size(WaitingRow.needs(text))
        self.side.arrange()  # a heading's new font changes the plan too

    def _headings(self) -> tuple[QLabel, ...]:
        sections = (self.counters_section, self.recent_section, self.waiting_section)
        return tuple(label for s in sections for label in (s.heading, s.page_mark))

    def _numbers_shown(self) -> list[str]:
        """The ticket numbers cells may have to show whole: today's and a wide sample."""
        shown = [c.number for c in self._recent] + [t.board.current or "" for t in self._tiles.values()]
        return ["W888", *shown]

    def _waiting_rows(self) -> list[WaitingRow]:
        return [row for row in self.waiting_section.grid.cells() if isinstance(row, WaitingRow)]

    # -- data -----------------------------------------------------------------------------------------
    @property
    def snapshot(self) -> DisplaySnapshot | None:
        """What the window last read of the office (None until its first read has landed)."""
        return self._snapshot

    @property
    def tiles(self) -> dict[int, CounterTile]:
        """The counters' tiles on screen, by counter number."""
        return dict(self._tiles)

    def refresh(self) -> None:
        """Re-read counters, waiting counts and the day's calls off the GUI thread (coalesced)."""
        self._soon.stop()
        self._reader.request()

    @property
    def refresh_due(self) -> bool:
        """A re-read asked for by ``refresh_soon`` has not started yet."""
        return self._soon.isActive()

    def refresh_soon(self) -> None:
        """Re-read in a moment (``REFRESH_MS``), with whatever else changes meanwhile: a busy office changes
        something many times a second, and a read with its repaint for each change took the CPU the next
        call's paint needs (the calls themselves are painted from their events at once)."""
        if not self._soon.isActive():
            self._soon.start()

    def _read_snapshot(self) -> DisplaySnapshot:
        with self._database.read() as session:
            return display_snapshot(session, recent=RECENT_SHOWN, counters=self._counters, zones=self._zones)

    def _apply_snapshot(self, snapshot: DisplaySnapshot) -> None:
        if self._snapshot is None:
            self._live_after = snapshot.last_event_id
        self._snapshot = snapshot
        self._live = self._live[-4 * RECENT_SHOWN :]  # older ones are in the snapshot, or past showing
        self._zone = office_zone(snapshot.timezone)
        self.office.set_full_text(snapshot.office_name)
        self.ticker.set_text(_ticker_text(snapshot))
        self._apply_counters(snapshot.counters)
        self._apply_waiting()
        self._show_calls(fresh=False)
        self.tick()

    def _apply_waiting(self) -> None:
        waiting = self._snapshot.waiting if self._snapshot else ()
        grid = self.waiting_section.grid
        rows = self._waiting_rows()
        if len(rows) != len(waiting):
            rows = [WaitingRow() for _ in waiting]
            for row in rows:
                row.set_text_font(self._text_font)
            grid.set_cells(list(rows))
        for row, service in zip(rows, waiting, strict=True):
            row.show_waiting(service)

    def _apply_counters(self, boards: tuple[CounterBoard, ...]) -> None:
        wanted = {board.number for board in boards}
        if wanted != set(self._tiles):
            self._tiles = {board.number: CounterTile(board) for board in boards}
            self.counters_section.grid.set_cells([self._tiles[n] for n in sorted(self._tiles)])
            self._scale()
        for board in boards:
            self._tiles[board.number].update_board(board)

    def _read_logo(self) -> bytes | None:
        from antrian.services.branding import get_logo

        with self._database.read() as session:
            return get_logo(session)

    def _apply_logo(self, logo: bytes | None) -> None:
        self.header.set_logo(logo)

        # no calls yet today: the heading over no boxes (the large panel says so)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """The banner: shown while the database cannot be used, with the cause; gone once it can."""
        self.problem = None if online else problem
        self.offline.setText(offline_text(self.problem))
        self.offline.setVisible(not online)
        if online:
            self.refresh()

    def tick(self) -> None:
        """Show the clock's time, and read the office again when a day or a break's start or end has passed
        since the last tick (no event says so); the window's one-second timer calls it."""
        local = self._clock().astimezone(self._zone)
        self.ticker_frame.show_time(local)
        day = local.date().isoformat()
        if self._day and day != self._day:
            self.refresh()  # past midnight: yesterday's calls leave the screen without waiting for an event
        elif self._snapshot is not None and self._moment is not None:
            since, now = self._moment.time(), local.time()
            if any(since < turn <= now for turn in self._snapshot.notice_turns):
                self.refresh()  # a break starts or ends: its notice comes or goes with no event to say so
        self._day = day
        self._moment = local


def _ticker_text(snapshot: DisplaySnapshot) -> str:
    """The running text, after the notice of the holiday or break closing the office, if any."""
    if snapshot.notice is None:
        return snapshot.running_text
    notice = words.say(snapshot.notice.message)
    return f"{notice}{SEPARATOR}{snapshot.running_text}" if snapshot.running_text else notice
