"""The display's calls: shown the moment their event arrives through the change feed, of this display's
counters only, and what they change repainted at once; the large panel takes the latest (highlighted while
fresh and live) and the recent row the ones before. Mixed into the display window, whose state it works
on."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from antrian.gui.display.jsonlog import LineSink, write_shown
from antrian.gui.display.tiles import CounterTile, RecentCall
from antrian.services.display import Call, CounterBoard, DisplaySnapshot, calls_on_board, may_change
from antrian.services.results import EventInfo

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance

    from antrian.gui.display.call_panel import CallPanel
    from antrian.gui.display.paging import PagedSection
    from antrian.gui.tasks import CoalescedRead
    from antrian.voice.announcer import Announcer

log = logging.getLogger("antrian.gui.display.window")  # the display's one log, as before the split

RECENT_SHOWN = 6


class Calling:
    """The calls of ``DisplayWindow`` (mixed in before the Qt class)."""

    _counters: frozenset[int] | None
    _zones: tuple[str, ...] | None
    _snapshot: DisplaySnapshot | None
    _live: list[Call]
    _recent: tuple[Call, ...]
    _current: Call | None
    _tiles: dict[int, CounterTile]
    _live_after: int | None
    _log: LineSink | None
    _announcer: Announcer | None
    _voice_reader: CoalescedRead
    _logo_reader: CoalescedRead
    _highlight: QTimer
    call_panel: CallPanel
    recent_labels: list[RecentCall]
    recent_section: PagedSection
    callShown: SignalInstance

    if TYPE_CHECKING:

        def refresh(self) -> None: ...
        def refresh_soon(self) -> None: ...
        def _speak(self, calls: list[Call]) -> None: ...

    def _shown_counters(self) -> frozenset[int] | None:
        """The counters whose calls this display shows and speaks (None: all). Limited to zones, they are
        the last snapshot's (a counter moved to another zone drops out at the next read); none before it."""
        if self._zones is None:
            return self._counters
        boards = self._snapshot.counters if self._snapshot is not None else ()
        return frozenset(board.number for board in boards)

    def handle_events(self, events: list[EventInfo]) -> list[Call]:
        """Show every call among ``events`` at once (of this display's counters); return them (spoken)."""
        shown = self._shown_counters()
        calls = [
            call
            for call in map(Call.from_event, events)
            if call is not None and (shown is None or call.counter in shown)
        ]
        touched: list[QWidget] = []
        for call in calls:
            self._live.append(call)
            tile = self._tiles.get(call.counter)
            if tile is not None:
                tile.update_board(
                    CounterBoard(call.counter, tile.board.name, "open", call.number, call.service, None)
                )
                touched.append(tile)
        if calls:
            self._show_calls(fresh=True)
            # only what a call changes is painted now (the whole window took 4 ms of CPU a call, ten times
            # these); the rest follows with Qt's next paint
            for widget in (self.call_panel, self.recent_section, *touched):
                widget.repaint()
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
                write_shown(self._log, call, painted)
                self.callShown.emit(call)
            self._speak(calls)
        # a display of some zones (of a Mal Pelayanan Publik) skips the other zones' queue events: ten
        # displays re-reading after every event in the building took most of the server's CPU
        if events and (
            shown is None
            or self._snapshot is None
            or may_change(events, shown, {waiting.code for waiting in self._snapshot.waiting})
        ):
            self.refresh_soon()
        if self._announcer is not None and any(
            e.kind == "settings_changed" and e.data.get("settings") == "voice" for e in events
        ):
            self._voice_reader.request()
        if any(e.kind == "settings_changed" and "logo" in (e.data.get("office") or ()) for e in events):
            self._logo_reader.request()
        return calls

    def _is_live(self, call: Call) -> bool:
        return self._live_after is not None and call.event_id > self._live_after

    def _show_calls(self, *, fresh: bool) -> None:
        """The large panel and the recent row from the last snapshot and the calls delivered since; a new
        live call in the panel is highlighted."""
        current, self._recent = calls_on_board(self._snapshot, self._live, RECENT_SHOWN)
        changed = (current and current.event_id) != (self._current and self._current.event_id)
        self._current = current
        self._say_current()
        self._render_recent()
        if fresh and changed and current is not None and self._is_live(current):
            self._set_fresh(True)
            self._highlight.start()
        elif current is None or (changed and not fresh):
            self._set_fresh(False)

    def _say_current(self) -> None:
        self.call_panel.show_call(self._current, calls_today=bool(self._recent))

    def _set_fresh(self, fresh: bool) -> None:
        self.call_panel.set_fresh(fresh)

    def _render_recent(self) -> None:
        for recent, call in zip(self.recent_labels, [*self._recent, *[None] * RECENT_SHOWN], strict=False):
            recent.show_call(call)
        self.recent_section.grid.set_count(len(self._recent))
