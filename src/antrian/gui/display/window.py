"""The waiting-room display: the newest call very large, every counter, the last calls, who is waiting.

Calls are shown the moment their event arrives through the change feed (the event carries the number,
counter and service), and the window is repainted at once; counters and waiting counts are then re-read off
the GUI thread. The layout scales with the window: the called number is about a quarter of the screen
height, and a portrait screen stacks the panels.

Texts are English in the code and go through Qt's translator (Bahasa Indonesia from ``display_id.ts``); the
date comes from ``antrian.words``. On a language change every text is said again from the window's state
(``retranslate``): headings, counters, the current and recent calls, the date, the voice mark, the banner.
"""

from __future__ import annotations

import html
import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from queue import SimpleQueue
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from antrian import assets, words
from antrian.domain.errors import AntrianError, InvalidInput
from antrian.domain.messages import Message
from antrian.domain.timing import office_zone
from antrian.gui.fit import FitLabel
from antrian.gui.i18n import Retranslated
from antrian.gui.offline import offline_text
from antrian.gui.tasks import CoalescedRead
from antrian.services.display import (
    Call,
    CounterBoard,
    DisplaySnapshot,
    VoiceSettings,
    display_snapshot,
    get_voice_settings,
)
from antrian.services.results import EventInfo
from antrian.store.database import Database
from antrian.voice.announcer import Announcer

log = logging.getLogger(__name__)

AnyLabel = TypeVar("AnyLabel", bound=QLabel)
RECENT_SHOWN = 6
HIGHLIGHT_MS = 6000
STYLE = """
QWidget#display { background: #0b1f3a; }
QLabel { color: #f5f7fa; }
QFrame#callPanel { background: #12305a; border-radius: 18px; }
QFrame#callPanel[fresh="true"] { background: #f2b705; }
QFrame#callPanel[fresh="true"] QLabel { color: #0b1f3a; }
QLabel#callNumber { font-weight: 800; }
QLabel#heading { color: #9fb3cc; font-weight: 600; }
QFrame.counter { background: #163a6b; border-radius: 12px; }
QFrame.counter[state="paused"] { background: #4a3b12; }
QFrame.counter[state="closed"] { background: #2a2f36; }
QFrame.counter[state="closed"] QLabel { color: #7b8694; }
QLabel#offline { background: #b3261e; color: white; font-weight: 700; padding: 6px; }
QLabel#voiceStatus { color: #0b1f3a; background: #f2b705; border-radius: 6px; padding: 2px 8px; }
QLabel#recent { background: #12305a; border-radius: 8px; padding: 4px; }
QLabel#recent[empty="true"] { background: transparent; }
QLabel#waiting { color: #f5f7fa; }
QFrame#ticker { background: #06162b; }
"""


def _label(
    text: str = "",
    name: str | None = None,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    *,
    elastic: bool = True,
) -> QLabel:
    """A label; an elastic one never makes the window wider than the screen (long names are cut)."""
    return _set_up(QLabel(text), name, align, elastic=elastic)


def _set_up(label: AnyLabel, name: str | None, align: Qt.AlignmentFlag, *, elastic: bool = True) -> AnyLabel:
    label.setAlignment(align)
    if elastic:
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if name:
        label.setObjectName(name)
    return label


class CounterTile(Retranslated, QFrame):
    """One counter: its number, and the ticket it serves or why it is not serving."""

    def __init__(self, board: CounterBoard) -> None:
        super().__init__()
        self.setProperty("class", "counter")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.title = _label()
        self.value = _label()
        self.value.setObjectName("counterValue")
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        self.update_board(board)

    def retranslate(self) -> None:
        self.update_board(self.board)

    def update_board(self, board: CounterBoard) -> None:
        self.board = board
        self.title.setText(self.tr("COUNTER {number}").format(number=board.number))
        if board.state == "closed":
            self.value.setText(self.tr("CLOSED"))
        elif board.state == "paused":
            self.value.setText(self.tr("ON BREAK"))
        else:
            self.value.setText(board.current or "—")
        if self.property("state") != board.state:
            self.setProperty("state", board.state)
            self.style().unpolish(self)
            self.style().polish(self)
            for child in (self.title, self.value):
                child.style().unpolish(child)
                child.style().polish(child)


class DisplayWindow(Retranslated, QWidget):
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
    ) -> None:
        super().__init__()
        self.setObjectName("display")
        self.setStyleSheet(STYLE)
        self._database = database
        self._background = run_in_background
        self._log = log_json
        self._clock = clock
        self._announcer = announcer
        self._zone = office_zone("Asia/Jakarta")
        self._snapshot: DisplaySnapshot | None = None
        self._recent: list[Call] = []
        self._current: Call | None = None  # the call in the large panel
        self._voice_problem: Message | None = None  # why calls are not spoken (the technical cause)
        self._tiles: dict[int, CounterTile] = {}
        # Events up to this id were history when the display started; later ones are live calls.
        self._live_after: int | None = None
        self._portrait = False
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
        self._build()
        if announcer is not None:
            announcer.problemChanged.connect(self.set_voice_status)
            announcer.chimeStarted.connect(lambda event_id: self._write_voice_log("chime", event_id))
            announcer.speechStarted.connect(lambda event_id: self._write_voice_log("spoken", event_id))
            announcer.finished.connect(lambda event_id: self._write_voice_log("voice_done", event_id))
            announcer.skipped.connect(
                lambda event_id, why: self._write_voice_log("not_spoken", event_id, why)
            )
            self.set_voice_status(announcer.problem)
            self._voice_reader.request()  # the announcer starts with the defaults; the office's follow
        self._highlight = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS)
        self._highlight.timeout.connect(lambda: self._set_fresh(False))
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._ticker_timer = QTimer(self, interval=40)
        self._ticker_timer.timeout.connect(self._scroll_ticker)
        self._ticker_timer.start()
        self._tick()
        self.refresh()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.offline = _label("", "offline")
        self.offline.setWordWrap(True)
        self.offline.hide()
        root.addWidget(self.offline)

        header = QHBoxLayout()
        header.setContentsMargins(24, 12, 24, 12)
        self.logo = _label("", "logo", elastic=False)
        self._logo = QPixmap()
        self._logo.loadFromData(assets.read_bytes(assets.LOGO))
        # a long name is drawn smaller, down to 60 %, then on two lines
        self.office = _set_up(
            FitLabel(bold=True, least=0.6),
            "office",
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        )
        self.office.setWordWrap(True)
        self.date = _label(
            "", "date", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elastic=False
        )
        self.clock = _label(
            "", "clock", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elastic=False
        )
        header.setSpacing(16)
        # a short mark, as wide as its words (an elastic label would get no width beside the office's name)
        self.voice_status = _label(
            "", "voiceStatus", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elastic=False
        )
        header.addWidget(self.logo)
        header.addWidget(self.office, 1)
        header.addWidget(self.voice_status, 0, Qt.AlignmentFlag.AlignVCenter)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.clock)
        when.addWidget(self.date)
        header.addLayout(when)
        root.addLayout(header)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setContentsMargins(24, 8, 24, 8)
        self.body.setSpacing(24)
        self.call_panel = QFrame()
        self.call_panel.setObjectName("callPanel")
        call = QVBoxLayout(self.call_panel)
        self.call_heading = _label("", "heading")
        self.call_number = _label("—", "callNumber")
        self.call_counter = _label("", "callCounter")
        self.call_service = _label("", "callService")
        for widget in (self.call_heading, self.call_number, self.call_counter, self.call_service):
            call.addWidget(widget)
        self.body.addWidget(self.call_panel, 3)
        side = QVBoxLayout()
        self.counters_heading = _label("", "heading")
        side.addWidget(self.counters_heading)
        self.counter_grid = QGridLayout()
        self.counter_grid.setSpacing(10)
        side.addLayout(self.counter_grid, 1)
        self.body.addLayout(side, 2)
        root.addLayout(self.body, 1)

        self.lower = lower = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        lower.setContentsMargins(24, 4, 24, 8)
        recent_box = QVBoxLayout()
        self.recent_heading = _label("", "heading", Qt.AlignmentFlag.AlignLeft)
        recent_box.addWidget(self.recent_heading)
        self.recent_row = QHBoxLayout()
        # the stylesheet pads a recent call by 4 pixels; "Counter 12" may need to be drawn smaller
        self.recent_labels = [
            _set_up(FitLabel(padding=12), "recent", Qt.AlignmentFlag.AlignCenter) for _ in range(RECENT_SHOWN)
        ]
        for label in self.recent_labels:
            self.recent_row.addWidget(label)
        self.recent_row.setSpacing(10)
        recent_box.addLayout(self.recent_row)
        lower.addLayout(recent_box, 3)
        waiting_box = QVBoxLayout()
        self.waiting_heading = _label("", "heading", Qt.AlignmentFlag.AlignLeft)
        waiting_box.addWidget(self.waiting_heading)
        self.waiting_label = _label("", "waiting", Qt.AlignmentFlag.AlignLeft)
        self.waiting_label.setWordWrap(True)
        waiting_box.addWidget(self.waiting_label)
        lower.addLayout(waiting_box, 2)
        root.addLayout(lower)

        self.ticker_frame = QFrame()
        self.ticker_frame.setObjectName("ticker")
        ticker = QHBoxLayout(self.ticker_frame)
        ticker.setContentsMargins(0, 4, 0, 4)
        self.ticker = _label("", "ticker", Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        ticker.addWidget(self.ticker)
        root.addWidget(self.ticker_frame)
        # hidden only now: a widget hidden before a layout takes it would show again with its new parent
        self.offline.hide()
        self.voice_status.hide()
        self._ticker_text = ""
        self._ticker_offset = 0
        self.retranslate()

    # -- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Say every text in the current language, the changing ones from the window's state (the counter
        tiles say theirs on the same event)."""
        self.setWindowTitle(self.tr("Antrian — Queue Display"))
        self.offline.setText(offline_text(self.problem))
        self.call_heading.setText(self.tr("QUEUE NUMBER"))
        self.counters_heading.setText(self.tr("COUNTERS"))
        self.recent_heading.setText(self.tr("RECENT CALLS"))
        self.waiting_heading.setText(self.tr("WAITING"))
        self._say_current()
        self._render_recent()
        self._say_voice_status()
        self._render_waiting()
        self._tick()

    # -- scaling --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        height, width = max(self.height(), 1), max(self.width(), 1)
        portrait = height > width
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self.body.setDirection(direction)
        self.lower.setDirection(direction)
        if portrait != self._portrait:
            self._portrait = portrait
            self._arrange_tiles()
        unit = min(height, width * 9 / 16) if not portrait else min(height * 9 / 16, width)

        def font(label: QLabel, share: float, bold: bool = False) -> None:
            f = QFont(label.font())
            f.setPixelSize(max(10, int(unit * share)))
            f.setBold(bold)
            label.setFont(f)

        # the called number: at least 15 % of the screen height (here about 24 % in landscape)
        number_share = 0.24 if not portrait else 0.15
        f = QFont(self.call_number.font())
        f.setPixelSize(int(height * number_share))
        f.setBold(True)
        self.call_number.setFont(f)
        font(self.call_counter, 0.10, True)
        font(self.call_heading, 0.045, True)
        font(self.call_service, 0.045)
        self.office.set_pixels(int(unit * (0.045 if not portrait else 0.034)))
        font(self.clock, 0.045, True)
        font(self.date, 0.032 if not portrait else 0.026)
        side = max(16, int(unit * 0.07))
        self.logo.setPixmap(
            self._logo.scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.logo.setFixedWidth(side + 12)
        font(self.voice_status, 0.025)
        font(self.offline, 0.035, True)
        for label in (self.counters_heading, self.recent_heading, self.waiting_heading):
            font(label, 0.028, True)
        for tile in self._tiles.values():
            font(tile.title, 0.028, True)
            font(tile.value, 0.055, True)
        for label in self.recent_labels:
            label.set_pixels(max(10, int(unit * 0.034)))
        font(self.waiting_label, 0.032)
        font(self.ticker, 0.035)
        self.ticker_frame.setFixedHeight(int(unit * 0.06))

    # -- data -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read counters, waiting counts and recent calls off the GUI thread (coalesced)."""
        self._reader.request()

    def _read_snapshot(self) -> DisplaySnapshot:
        with self._database.read() as session:
            return display_snapshot(session, recent=RECENT_SHOWN)

    def _apply_snapshot(self, snapshot: DisplaySnapshot) -> None:
        first = self._snapshot is None
        if first:
            self._live_after = snapshot.last_event_id
        self._snapshot = snapshot
        self._zone = office_zone(snapshot.timezone)
        self.office.setText(snapshot.office_name)
        if snapshot.running_text != self._ticker_text:
            self._ticker_text = snapshot.running_text
            self._ticker_offset = 0
        self._apply_counters(snapshot.counters)
        self._render_waiting()
        if first and snapshot.recent_calls and not self._recent:
            self._recent = list(snapshot.recent_calls)
            self._show_current(self._recent[0], fresh=False)
            self._render_recent()
        self._tick()

    def _render_waiting(self) -> None:
        waiting = self._snapshot.waiting if self._snapshot else ()
        self.waiting_label.setText(
            "<table width='100%'>"
            + "".join(
                f"<tr><td>{html.escape(f'{w.code} {w.name}')}</td>"
                f"<td align='right'><b>{words.number(w.count)}</b></td></tr>"
                for w in waiting
            )
            + "</table>"
        )

    def _apply_counters(self, boards: tuple[CounterBoard, ...]) -> None:
        wanted = {board.number for board in boards}
        if wanted != set(self._tiles):
            for tile in self._tiles.values():
                tile.deleteLater()
            self._tiles = {board.number: CounterTile(board) for board in boards}
            self._arrange_tiles()
            self._scale()
        for board in boards:
            self._tiles[board.number].update_board(board)

    def _arrange_tiles(self) -> None:
        columns = 2 if self._portrait or len(self._tiles) > 4 else 1
        for tile in self._tiles.values():
            self.counter_grid.removeWidget(tile)
        for index, number in enumerate(sorted(self._tiles)):
            self.counter_grid.addWidget(self._tiles[number], index // columns, index % columns)

    def handle_events(self, events: list[EventInfo]) -> list[Call]:
        """Show every call among ``events`` at once; return them (for the voice)."""
        calls = [call for call in map(Call.from_event, events) if call is not None]
        for call in calls:
            self._recent = [c for c in self._recent if c.number != call.number][: RECENT_SHOWN - 1]
            self._recent.insert(0, call)
            self._show_current(call, fresh=True)
            tile = self._tiles.get(call.counter)
            if tile is not None:
                tile.update_board(
                    CounterBoard(call.counter, tile.board.name, "open", call.number, call.service, None)
                )
        if calls:
            self._render_recent()
            self.repaint()
            painted = time.time()
            for call in calls:
                # the line that answers "was A017 called at 10:42?" on the display's side
                log.info(
                    "call shown %s counter %s event %s%s",
                    call.number,
                    call.counter,
                    call.event_id,
                    " (recall)" if call.recall else "",
                )
                self._write_log("shown", call, painted)
                self.callShown.emit(call)
            self._speak(calls)
        if events:
            self.refresh()
        if self._announcer is not None and any(
            e.kind == "settings_changed" and e.data.get("settings") == "voice" for e in events
        ):
            self._voice_reader.request()
        return calls

    def _read_voice_settings(self) -> VoiceSettings:
        with self._database.read() as session:
            return get_voice_settings(session)

    def _apply_voice_settings(self, settings: VoiceSettings) -> None:
        if self._announcer is not None:
            self._announcer.update_settings(settings)

    def _speak(self, calls: list[Call]) -> None:
        """Queue the calls for the voice; after a restart, old backlog calls are only shown."""
        if self._announcer is None:
            return
        now = self._clock()
        limit = self._announcer.settings.max_age_s
        for call in calls:
            # A live call is always spoken, whatever the counter PC's clock says; only the backlog a
            # restarted display catches up on is filtered by age.
            live = self._live_after is not None and call.event_id > self._live_after
            if live or (now - call.at).total_seconds() <= limit:
                self._announcer.announce(call)
            else:
                self._write_voice_log("not_spoken", call.event_id, f"older than {limit} s")

    def _show_current(self, call: Call, *, fresh: bool) -> None:
        self._current = call
        self._say_current()
        if fresh:
            self._set_fresh(True)
            self._highlight.start()

    def _say_current(self) -> None:
        call = self._current
        if call is None:
            return
        self.call_number.setText(call.number)
        self.call_counter.setText(self.tr("COUNTER {number}").format(number=call.counter))
        self.call_service.setText(
            self.tr("{service} (called again)").format(service=call.service_name)
            if call.recall
            else call.service_name
        )

    def _set_fresh(self, fresh: bool) -> None:
        self.call_panel.setProperty("fresh", "true" if fresh else "false")
        for widget in (self.call_panel, *self.call_panel.findChildren(QLabel)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _render_recent(self) -> None:
        for label, call in zip(self.recent_labels, [*self._recent, *[None] * RECENT_SHOWN], strict=False):
            label.setText(
                f"<b>{call.number}</b><br><span style='color:#9fb3cc'>"
                + self.tr("Counter {number}").format(number=call.counter)
                + "</span>"
                if call
                else ""
            )
            label.setProperty("empty", "false" if call else "true")
            label.style().unpolish(label)
            label.style().polish(label)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """The banner: shown while the database cannot be used, with the cause; gone once it can."""
        self.problem = None if online else problem
        self.offline.setText(offline_text(self.problem))
        self.offline.setVisible(not online)
        if online:
            self.refresh()

    def set_voice_status(self, problem: Message | None) -> None:
        """A small mark when calls cannot be spoken; the display itself keeps working.

        The room reads only that there is no sound: the cause (``problem``, already in the log) is the
        mark's tooltip, for staff with a mouse, in their language."""
        self._voice_problem = problem
        self._say_voice_status()
        self.voice_status.setVisible(problem is not None)
        # the counter panels on other PCs show it too: through the database, off the GUI thread
        from antrian.gui.station_report import report_voice

        report_voice(self, self._database, self._background, self._clock, problem)

    def _say_voice_status(self) -> None:
        problem = self._voice_problem
        self.voice_status.setText(self.tr("Sound unavailable") if problem else "")
        self.voice_status.setToolTip(words.say(problem) if problem else "")

    def _tick(self) -> None:
        local = self._clock().astimezone(self._zone)
        self.date.setText(words.long_date(local))
        self.clock.setText(local.strftime("%H:%M:%S"))

    def _scroll_ticker(self) -> None:
        if not self._ticker_text:
            self.ticker.setText("")
            return
        text = self._ticker_text + "     •     "
        self._ticker_offset = (self._ticker_offset + 1) % (len(text) * 4)
        start = self._ticker_offset // 4
        self.ticker.setText((text[start:] + text * 3)[:400])

    def _write_voice_log(self, what: str, event_id: int, reason: str = "") -> None:
        if self._log is None:
            return
        record: dict[str, Any] = {"what": what, "event_id": event_id, "t": time.time()}
        if reason:
            record["reason"] = reason
        self._log.write(json.dumps(record) + "\n")
        self._log.flush()

    def _write_log(self, what: str, call: Call, at: float) -> None:
        if self._log is None:
            return
        record = {
            "what": what,
            "event_id": call.event_id,
            "number": call.number,
            "counter": call.counter,
            "event_at": call.at.timestamp(),
            "t": at,
        }
        self._log.write(json.dumps(record) + "\n")
        self._log.flush()


class LineSink(Protocol):
    """Where the display writes its JSON lines: a file, or a ``LineLog``."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class LineLog:
    """A file of JSON lines written by its own thread, so that a slow disk never holds the display's
    repaint; each line reaches the file as soon as that thread has written it."""

    def __init__(self, path: Path) -> None:
        try:
            self._file = path.open("a", buffering=1)
        except OSError as error:  # a folder that does not exist, no permission, a folder given as the file
            raise InvalidInput(
                "input.file_unwritable",
                option="--log-json",
                path=str(path),
                reason=error.strerror or str(error),
            ) from None
        self._lines: SimpleQueue[str | None] = SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="antrian-display-log", daemon=True)
        self._thread.start()

    def write(self, text: str, /) -> int:
        self._lines.put(text)
        return len(text)

    def flush(self) -> None:
        """Nothing to do: the writer thread's file is line-buffered."""

    def close(self) -> None:
        """Write what is queued, then close the file."""
        self._lines.put(None)
        self._thread.join(5)
        self._file.close()

    def _run(self) -> None:
        while (text := self._lines.get()) is not None:
            try:
                self._file.write(text)
            except OSError as error:  # a full disk loses log lines, never the display
                log.warning("display log line not written: %s", error)


def open_log(path: str | None) -> LineLog | None:
    return LineLog(Path(path)) if path else None
