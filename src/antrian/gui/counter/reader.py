"""The counter panel's view of its counter, read off the GUI thread: at once after the panel's own action,
and at most every ``FEED_REFRESH_MS`` while the change feed reports changes.

A busy office changes something many times a second; re-reading and redrawing the lists for each change
would take the CPU the panel's own key presses need, so the feed's changes are gathered for a moment.

Signals:
    read(object): a ``DeskView`` has been read.
    failed(object): a read failed (the exception); it is tried again after a moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from antrian.domain.timing import Clock
from antrian.gui.tasks import Background, CoalescedRead, still_there
from antrian.services.desk import DeskView, desk_view
from antrian.store.database import Database
from antrian.store.dialect import one_snapshot

FEED_REFRESH_MS = 250


class ViewReader(QObject):
    read = Signal(object)
    failed = Signal(object)

    def __init__(
        self, database: Database, run_in_background: Background, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._database, self._clock = database, clock
        self.number: int | None = None  # the counter read (the window asks only while one is open)
        self._reads = 0  # reads on their way
        self._reader = CoalescedRead(
            self._counting(run_in_background),
            self._read_view,
            self.read.emit,
            what="counter refresh",
            parent=self,
            on_error=self.failed.emit,
        )
        self._soon = QTimer(self, singleShot=True, interval=FEED_REFRESH_MS)
        self._soon.timeout.connect(self.request)

    @property
    def reading(self) -> bool:
        """A read is due or on its way."""
        return self._soon.isActive() or self._reads > 0

    def request(self) -> None:
        """Read now (a read on its way is followed by one more)."""
        self._reader.request()

    def request_soon(self) -> None:
        """Read in a moment, with whatever else changes meanwhile."""
        if not self._soon.isActive():
            self._soon.start()

    def hold_back(self) -> None:
        """Drop the read due soon: the panel's own action is sent, and its own read follows."""
        self._soon.stop()

    def _counting(self, run_in_background: Background) -> Background:
        def run(work: Callable[[], Any], done: Callable[[Any], None]) -> None:
            def landed(result: Any) -> None:
                if not still_there(self.request):  # the window closed while its read ran: nobody to tell
                    return
                self._reads -= 1
                done(result)

            self._reads += 1
            run_in_background(work, landed)

        return run

    def _read_view(self) -> DeskView:
        number, clock = self.number, self._clock
        assert number is not None
        with self._database.read() as session:
            one_snapshot(session)  # the list, count, next and token all from the same moment
            return desk_view(session, number, clock=clock)
