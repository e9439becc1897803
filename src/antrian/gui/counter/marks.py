"""The counter panel's mark for a silent waiting-room display: operators learn that citizens do not hear
their calls (and can say the number aloud), though the display runs on another PC.

The displays report their voice's problem to the database (``services.stations``); the mark reads them off
the GUI thread when the panel starts, when a ``station_changed`` event arrives and every heartbeat (a display
switched off stops counting after ``stations.STALE``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from antrian import words
from antrian.domain.timing import Clock
from antrian.gui.station_report import HEARTBEAT_MS
from antrian.gui.tasks import CoalescedRead
from antrian.services.results import EventInfo
from antrian.services.stations import CHANGED, StationInfo, voice_problems
from antrian.store.database import Database


class VoiceMark(QLabel):
    """Shown while any display's calls are not spoken; its tooltip names each display and the cause."""

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voiceMark")
        self.problems: tuple[StationInfo, ...] = ()
        self._database, self._clock = database, clock
        self._reader = CoalescedRead(
            run_in_background,
            self._read,
            self._apply,
            what="display voice",
            retry_ms=HEARTBEAT_MS,
            parent=self,
        )
        self._timer = QTimer(self, interval=HEARTBEAT_MS)
        self._timer.timeout.connect(self._reader.request)
        self.hide()

    def start(self) -> None:
        """Read now, and every heartbeat from now on."""
        self._timer.start()
        self._reader.request()

    def stop(self) -> None:
        self._timer.stop()

    def handle_events(self, events: list[EventInfo]) -> None:
        if self._timer.isActive() and any(event.kind == CHANGED for event in events):
            self._reader.request()

    def _read(self) -> tuple[StationInfo, ...]:
        with self._database.read() as session:
            return voice_problems(session, clock=self._clock)

    def _apply(self, problems: tuple[StationInfo, ...]) -> None:
        self.problems = problems
        self.retranslate()
        self.setVisible(bool(problems))

    def retranslate(self) -> None:
        if not self.problems:
            self.setText("")
            self.setToolTip("")
            return
        self.setText("⚠ " + self.tr("Calls are not heard"))
        causes = "\n".join(
            self.tr("• Display {name}: {cause}").format(name=info.name, cause=words.say(info.problem))
            for info in self.problems
            if info.problem is not None
        )
        self.setToolTip(
            self.tr(
                "The waiting-room display cannot speak, so citizens do not hear their number called. "
                "Call them aloud and tell the admin.\n{causes}"
            ).format(causes=causes)
        )
