"""A display or kiosk window reporting its health to the database, for the windows on other PCs.

``report_voice(window, ...)`` is what the display calls whenever its voice's problem changes (and once at
start): the report runs on the window's task runner, never on the GUI thread, at most one at a time with the
newest problem last; a heartbeat repeats it every ``stations.HEARTBEAT`` so ``last_seen`` stays fresh and a
report that failed (the database down) is made again. A failure is logged and changes nothing on screen.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from antrian.domain.messages import Message
from antrian.domain.timing import Clock
from antrian.gui.tasks import CoalescedRead
from antrian.services.stations import HEARTBEAT, StationKind, report_station
from antrian.store.database import Database

HEARTBEAT_MS = int(HEARTBEAT.total_seconds() * 1000)


class StationReporter(QObject):
    """Keeps one station's row up to date: ``report(problem)`` now, the same again on every heartbeat."""

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        kind: StationKind,
        name: str,
        clock: Clock,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.kind, self.name = kind, name
        self.problem: Message | None = None
        self._database, self._clock = database, clock
        # CoalescedRead gives what a report needs: one at a time, a request during one runs it once more
        # (with the newest problem), a failure logged once per run of them and tried again.
        self._writer = CoalescedRead(
            run_in_background,
            self._write,
            lambda _changed: None,
            what=f"{kind.value} health report",
            retry_ms=HEARTBEAT_MS,
            parent=self,
        )
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._writer.request)
        self._heartbeat.start()

    def report(self, problem: Message | None) -> None:
        self.problem = problem
        self._writer.request()

    def _write(self) -> bool:
        problem = self.problem  # read on the pool thread when the write starts: the newest one
        with self._database.write() as session:
            return report_station(session, self.kind, self.name, problem, clock=self._clock)


def station_name() -> str:
    """This PC's name, as the supervisor and the counter panels read it."""
    return socket.gethostname() or "localhost"


def report_voice(
    window: QObject,
    database: Database,
    run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
    clock: Clock,
    problem: Message | None,
) -> None:
    """The display ``window``'s voice has ``problem`` now (None: calls are spoken): report it."""
    reporter = window.findChild(StationReporter)
    if reporter is None:
        reporter = StationReporter(
            database, run_in_background, StationKind.DISPLAY, station_name(), clock, window
        )
    reporter.report(problem)
