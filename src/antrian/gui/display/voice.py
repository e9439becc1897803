"""The display's voice: the calls queued for the announcer (after a restart, old backlog calls are only
shown), the office's voice settings followed, and a small mark when calls cannot be spoken, reported to the
counter panels on other PCs. Mixed into the display window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from antrian.domain.messages import Message
from antrian.gui.display.jsonlog import LineSink, write_voice
from antrian.gui.station_report import report_voice
from antrian.services.display import Call, VoiceSettings, get_voice_settings
from antrian.store.database import Database
from antrian.voice.announcer import Announcer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from antrian.gui.display.header import Header


class Voicing:
    """The voice of ``DisplayWindow`` (mixed in before the Qt class)."""

    _database: Database
    _background: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    _clock: Callable[[], datetime]
    _log: LineSink | None
    _announcer: Announcer | None
    header: Header

    if TYPE_CHECKING:

        def _is_live(self, call: Call) -> bool: ...

    def _listen_to(self, announcer: Announcer) -> None:
        """The announcer's steps into the display's log, and its problems onto the voice mark."""
        announcer.problemChanged.connect(self.set_voice_status)
        announcer.chimeStarted.connect(lambda event_id: write_voice(self._log, "chime", event_id))
        announcer.speechStarted.connect(lambda event_id: write_voice(self._log, "spoken", event_id))
        announcer.finished.connect(lambda event_id: write_voice(self._log, "voice_done", event_id))
        announcer.skipped.connect(lambda event_id, why: write_voice(self._log, "not_spoken", event_id, why))
        self.set_voice_status(announcer.problem)

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
            if self._is_live(call) or (now - call.at).total_seconds() <= limit:
                self._announcer.announce(call)
            else:
                write_voice(self._log, "not_spoken", call.event_id, f"older than {limit} s")

    def set_voice_status(self, problem: Message | None) -> None:
        """A small mark when calls cannot be spoken (``problem``: why, already in the log, the mark's
        tooltip); the display itself keeps working. The counter panels on other PCs show it too: it goes to
        the database, off the GUI thread."""
        self.header.set_voice_problem(problem)
        report_voice(cast("QWidget", self), self._database, self._background, self._clock, problem)
