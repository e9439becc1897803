"""The supervisor's window (``antrian supervisor``): a supervisor or admin logs in and watches the office.

The "Today" page shows, per service, who waits and for how long against the waiting target, how many were
served and the share within the standard in force today; each counter's state, operator, ticket and its
running time against the standard; and every display and kiosk's health. A flag (a wait over its target, a
service over its standard, a station with a problem or not seen for over 3 minutes) tints its row at once,
with an optional chime when a new one appears.

The data is one ``MonitorSnapshot`` read off the GUI thread (``CoalescedRead``), again whenever the change
feed brings events (at most every 250 ms). Time passing writes no event, so a one-second tick recomputes the
running times and the flags from the last snapshot without reading the database.

Signals:
    loggedIn(str): a supervisor or admin is logged in and the first snapshot is on screen.
    snapshotApplied(object): a ``MonitorSnapshot`` has been applied.
    flagsChanged(object): the set of flag keys (``MonitorSnapshot.flags``) changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, office_zone, system_clock
from antrian.gui import theme
from antrian.gui.i18n import Retranslated
from antrian.gui.offline import offline_text
from antrian.gui.supervisor.login import LoggingIn, LoginPage
from antrian.gui.supervisor.models import CounterModel, ServiceModel, StationModel, table_view
from antrian.gui.tasks import CoalescedRead
from antrian.gui.theme.metrics import TYPE
from antrian.services.monitor import MonitorSnapshot
from antrian.services.results import EventInfo
from antrian.store.database import Database

log = logging.getLogger(__name__)

FEED_REFRESH_MS = 250
TICK_MS = 1000


class SupervisorWindow(Retranslated, LoggingIn, QWidget):
    loggedIn = Signal(str)
    snapshotApplied = Signal(object)
    flagsChanged = Signal(object)

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        *,
        clock: Clock = system_clock,
        username: str = "",
        password: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName("supervisor")
        theme.apply(self, "desk")
        self._database, self._background, self._clock = database, run_in_background, clock
        self.actor: Actor | None = None
        self.snapshot: MonitorSnapshot | None = None
        self.flags: frozenset[str] = frozenset()
        self._zone = ZoneInfo("UTC")
        self._problem: AntrianError | None = None
        self._online = True
        self._in_flight = False
        self._closed = False
        self._chime: Any = None  # a QSoundEffect, made when the sound is first switched on
        self._reader = CoalescedRead(
            run_in_background,
            self._read,
            self._apply,
            what="monitor refresh",
            parent=self,
            on_error=self._failed,
        )
        self._feed_refresh = QTimer(self, singleShot=True, interval=FEED_REFRESH_MS)
        self._feed_refresh.timeout.connect(self._reader.request)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.tick)
        self._build(username, password)

    # -- building -------------------------------------------------------------------------------------
    def _build(self, username: str, password: str) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.offline = QLabel("")
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.hide()
        root.addWidget(self.offline)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        self.login = LoginPage(username, password)
        self.login.submitted.connect(self._log_in)
        self.pages.addWidget(self.login)
        self.pages.addWidget(self._build_monitor())
        self.retranslate()

    def _build_monitor(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QFrame()
        top.setObjectName("top")
        bar = QHBoxLayout(top)
        bar.setContentsMargins(14, 8, 14, 8)
        bar.setSpacing(18)
        self.title = QLabel()
        self.title.setObjectName("title")
        font = self.title.font()
        font.setPixelSize(TYPE.title)
        self.title.setFont(font)
        self.clock_label = QLabel()
        self.totals = QLabel()
        self.flag_badge = QLabel()
        self.flag_badge.setObjectName("flags")
        self.sound = QCheckBox()
        self.sound.setChecked(False)  # a monitor in a shared office room stays quiet unless asked
        self.sound.toggled.connect(self._sound_toggled)
        self.user_label = QLabel()
        for widget in (self.title, self.clock_label, self.totals, self.flag_badge):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.sound)
        bar.addWidget(self.user_label)
        layout.addWidget(top)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        today = QWidget()
        body = QVBoxLayout(today)
        body.setContentsMargins(10, 6, 10, 10)
        self.services_model = ServiceModel(self._zone)
        self.counters_model = CounterModel(self._zone)
        self.stations_model = StationModel(self._zone)
        self.services_view = table_view(self.services_model, 0)
        self.counters_view = table_view(self.counters_model, CounterModel.STATE)
        self.stations_view = table_view(self.stations_model, StationModel.STATUS)
        self.services_title, self.counters_title, self.stations_title = QLabel(), QLabel(), QLabel()
        for label in (self.services_title, self.counters_title, self.stations_title):
            label.setObjectName("section")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._section(self.services_title, self.services_view))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self._section(self.counters_title, self.counters_view))
        lower.addWidget(self._section(self.stations_title, self.stations_view))
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)  # the services are the longer list
        splitter.setStretchFactor(1, 2)
        body.addWidget(splitter)
        self.tabs.addTab(today, "")
        self.tabs.addTab(self._build_report(), "")
        self.tabs.addTab(self._build_log(), "")
        self.tabs.addTab(self._build_skm(), "")
        layout.addWidget(self.tabs, 1)
        return page

    def _build_report(self) -> QWidget:
        from antrian.gui.supervisor.report import ReportTab

        self.report_tab = ReportTab(
            self._database, self._background, lambda: self.actor, lambda: self.snapshot, clock=self._clock
        )
        return self.report_tab

    def _build_log(self) -> QWidget:
        from antrian.gui.supervisor.log import LogTab

        self.log_tab = LogTab(self._database, self._background, lambda: self.actor, lambda: self.snapshot)
        return self.log_tab

    def _build_skm(self) -> QWidget:
        from antrian.gui.supervisor.skm import SkmTab

        self.skm_tab = SkmTab(
            self._database, self._background, lambda: self.actor, lambda: self.snapshot, clock=self._clock
        )
        return self.skm_tab

    @staticmethod
    def _section(title: QLabel, view: QTableView) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(4)
        column.addWidget(title)
        column.addWidget(view, 1)
        return box

    def retranslate(self) -> None:
        self.title.setText(self.tr("Live monitor"))
        self.tabs.setTabText(0, self.tr("Today"))
        self.tabs.setTabText(self.tabs.indexOf(self.report_tab), self.tr("Compliance report"))
        self.tabs.setTabText(self.tabs.indexOf(self.log_tab), self.tr("Service-time log"))
        self.tabs.setTabText(self.tabs.indexOf(self.skm_tab), self.tr("Satisfaction (SKM)"))
        self.sound.setText(self.tr("Sound on a new flag"))
        self.services_title.setText(self.tr("Services"))
        self.counters_title.setText(self.tr("Counters"))
        self.stations_title.setText(self.tr("Displays and kiosks"))
        for model in (self.services_model, self.counters_model, self.stations_model):
            model.retranslate()
        self._show_header()
        self._show_banner()
        self._update_title()

    def _update_title(self) -> None:
        title = self.tr("Antrian — Supervisor")
        self.setWindowTitle(f"{title} · {self.actor.name}" if self.actor else title)

    # -- login ----------------------------------------------------------------------------------------
    def _who_may(self) -> str:
        return self.tr("The monitor is for supervisors and admins.")

    # -- reading --------------------------------------------------------------------------------------
    def _read(self) -> MonitorSnapshot:
        from antrian.services.monitor import monitor_snapshot

        assert self.actor is not None
        with self._database.read() as session:
            return monitor_snapshot(session, self.actor, self._clock)

    def refresh(self) -> None:
        """Read the office again, off the GUI thread."""
        if self.actor is not None:
            self._reader.request()

    def _apply(self, snapshot: MonitorSnapshot) -> None:
        if self._closed:
            return
        self.snapshot = snapshot
        if not self._online and self._problem is None:  # a read got through: the database is back
            self._online = True
        self._problem = None
        self._show_banner()
        zone = office_zone(snapshot.zone)
        if zone != self._zone:
            self._zone = zone
            for model in (self.services_model, self.counters_model, self.stations_model):
                model.zone = zone
        now = self._clock()
        self.services_model.show(snapshot.services, now)
        self.counters_model.show(snapshot.counters, now)
        self.stations_model.show(snapshot.stations, now)
        self._check_flags(now)
        self._show_header()
        self.snapshotApplied.emit(snapshot)

    def _failed(self, error: Exception) -> None:
        self._problem = error if isinstance(error, AntrianError) else None
        self._online = False
        self._show_banner()

    def tick(self) -> None:
        """Move the running times and the flags to now, from the last snapshot (no database read)."""
        if self.snapshot is None:
            return
        now = self._clock()
        for model in (self.services_model, self.counters_model, self.stations_model):
            model.tick(now)
        self._check_flags(now)
        self._show_header()
        if now.astimezone(self._zone).date() != self.snapshot.day:
            self.refresh()  # past midnight: a new service day starts empty without waiting for an event

    def _check_flags(self, now: datetime) -> None:
        assert self.snapshot is not None
        flags = self.snapshot.flags(now)
        if flags == self.flags:
            return
        new = flags - self.flags
        self.flags = flags
        if new:
            log.info("monitor flags raised: %s", ", ".join(sorted(new)))
            if self.sound.isChecked() and self._chime is not None:
                self._chime.play()
        self.flagsChanged.emit(flags)

    def _show_header(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        local = self._clock().astimezone(self._zone)
        self.clock_label.setText(f"{words.long_date(local.date())}  {local:%H:%M:%S}")
        self.totals.setText(
            self.tr("Waiting: {waiting} · Served today: {served}").format(
                waiting=sum(len(s.waiting) for s in snapshot.services),
                served=sum(s.served for s in snapshot.services),
            )
        )
        self.flag_badge.setText(self.tr("Flags: {n}").format(n=len(self.flags)))
        self.flag_badge.setProperty("raised", bool(self.flags))
        self.flag_badge.style().unpolish(self.flag_badge)
        self.flag_badge.style().polish(self.flag_badge)
        self.user_label.setText(self.actor.name if self.actor else "")

    def _sound_toggled(self, on: bool) -> None:
        """QtMultimedia loads only when a supervisor asks for sound."""
        if on and self._chime is None:
            from PySide6.QtMultimedia import QSoundEffect

            from antrian import assets

            self._chime = QSoundEffect(self)
            self._chime.setSource(QUrl.fromLocalFile(str(assets.path(assets.CHIME))))

    # -- the change feed --------------------------------------------------------------------------------
    def handle_events(self, events: list[EventInfo]) -> None:
        """Any change may move a figure: re-read, off the GUI thread, at most every 250 ms; the SKM tab
        looks for its own kinds."""
        if events and self.actor is not None and not self._feed_refresh.isActive():
            self._feed_refresh.start()
        if events and self.actor is not None:
            self.skm_tab.handle_events(events)

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """The banner: shown while the database cannot be used, with the cause; gone once it can."""
        self._online = online
        self._problem = None if online else problem
        self._show_banner()
        if online:
            self.refresh()

    def _show_banner(self) -> None:
        self.offline.setText(offline_text(self._problem))
        self.offline.setVisible(not self._online)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self._tick.stop()
        self._feed_refresh.stop()
        if self.actor is not None:
            log.info("supervisor monitor closed by %s", self.actor.name)
        super().closeEvent(event)
