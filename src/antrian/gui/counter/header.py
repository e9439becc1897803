"""The counter panel's top bar: which counter, its state (open, on a break with the reason, closed), the mark
of a waiting-room display that cannot speak, the operator and the office's clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from antrian.domain.errors import InvalidInput
from antrian.domain.timing import Clock, office_zone
from antrian.gui import theme
from antrian.gui.counter.look import size
from antrian.gui.counter.marks import VoiceMark
from antrian.gui.counter.texts import STATE_WORDS, counter_title, say
from antrian.gui.theme.metrics import PANEL
from antrian.services.desk import DeskView
from antrian.store.database import Database


class CounterHeader(QFrame):
    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        clock: Clock,
    ) -> None:
        super().__init__()
        self.setObjectName("top")
        bar = QHBoxLayout(self)
        bar.setContentsMargins(14, 8, 14, 8)
        self.counter_title = QLabel("")
        self.operator_label = QLabel("")
        self.state_badge = QLabel("")
        self.state_badge.setObjectName("stateBadge")
        self.clock_label = QLabel("")
        self.voice_mark = VoiceMark(database, run_in_background, clock)
        bar.addWidget(self.counter_title)
        bar.addSpacing(16)
        bar.addWidget(self.state_badge)
        bar.addSpacing(16)
        bar.addWidget(self.voice_mark)
        bar.addStretch(1)
        bar.addWidget(self.operator_label)
        bar.addSpacing(16)
        bar.addWidget(self.clock_label)

    def show_opened(self, number: int, name: str, operator: str) -> None:
        """The counter just opened by ``operator``, before its view is read."""
        self.counter_title.setText(counter_title(number, name, " · "))
        self.operator_label.setText(operator)
        self.state_badge.setText(say(STATE_WORDS["open"]))
        theme.mark(self.state_badge, "state", "open")

    def show_view(self, view: DeskView) -> None:
        self.counter_title.setText(counter_title(view.counter, view.counter_name, " · "))
        self.operator_label.setText(view.operator_name or view.operator or "")
        if view.state == "paused" and view.pause_reason:
            state = self.tr("ON A BREAK: {reason}").format(reason=view.pause_reason)
        else:
            state = say(STATE_WORDS[view.state]) if view.state in STATE_WORDS else view.state
        self.state_badge.setText(state)
        theme.mark(self.state_badge, "state", view.state if view.state in STATE_WORDS else "closed")

    def show_clock(self, now: datetime, zone: tzinfo | None) -> None:
        self.clock_label.setText(now.astimezone(zone).strftime("%H:%M:%S"))

    def scale(self, unit: int) -> None:
        for label in (self.counter_title, self.state_badge, self.operator_label, self.clock_label):
            size(label, unit, PANEL.message, True)
        size(self.voice_mark, unit, PANEL.detail, True)


def office_tz(view: DeskView | None) -> tzinfo | None:
    """The office's time zone (the office runs on its local time, whatever the PC is set to)."""
    if view is None:
        return None
    try:
        return office_zone(view.zone)
    except InvalidInput:
        return None
