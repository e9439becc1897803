"""The admin window (``antrian admin``): an admin logs in and changes the office set-up; a supervisor may
look (every field disabled, no save buttons); an operator is refused at login with the reason.

The role check is the services': the login reads ``services.branding.office_profile``, which requires
``Permission.SETTINGS``, and every page saves through service functions that require ``Permission.MANAGE``
(or ``STANDARDS``) themselves.

After login: the office's name on top, a side list of pages and the page shown. The change feed's events
refresh the visible page when one of its ``kinds`` arrives (at most every 250 ms) and mark the others stale,
refreshed when next shown.

The pages come from ``PAGES``, one ``(module, class)`` line each, imported when the window is logged in;
each is built as ``Page(database, runner, actor, window)`` and gives ``title()``, ``refresh()`` and ``kinds``
(the event kinds that make it read again).

Signals:
    loggedIn(str): an admin or supervisor is logged in and the pages are built.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.errors import AntrianError, PermissionDenied
from antrian.domain.messages import Message
from antrian.domain.roles import Actor
from antrian.gui import theme
from antrian.gui.admin.base import SETTINGS_CHANGED
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.offline import offline_text
from antrian.gui.password import MustChange, NewPasswordDialog
from antrian.gui.supervisor.login import LoginPage
from antrian.gui.tasks import TaskRunner
from antrian.gui.theme.metrics import SIZE, TYPE
from antrian.services.results import EventInfo
from antrian.store.database import Database

log = logging.getLogger(__name__)

FEED_REFRESH_MS = 250

# The pages in the side list's order: (module, class), each built as Page(database, runner, actor, parent).
PAGES: tuple[tuple[str, str], ...] = (
    ("antrian.gui.admin.office_page", "OfficePage"),
    ("antrian.gui.admin.services_page", "ServicesPage"),
    ("antrian.gui.admin.counters_page", "CountersPage"),
    ("antrian.gui.admin.zones.zones_page", "ZonesPage"),
    ("antrian.gui.admin.users.users_page", "UsersPage"),
    ("antrian.gui.admin.users.audit_page", "AuditPage"),
    ("antrian.gui.admin.settings.calendar_page", "CalendarPage"),
    ("antrian.gui.admin.settings.voice_page", "VoicePage"),
    ("antrian.gui.admin.settings.printer_page", "PrinterPage"),
)


@dataclass(frozen=True, slots=True)
class _Login:
    actor: Actor | None
    message: Message | None
    office: str = ""


class AdminWindow(Retranslated, QWidget):
    loggedIn = Signal(str)

    def __init__(
        self, database: Database, runner: TaskRunner, *, username: str = "", password: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("admin")
        theme.apply(self, "desk", "admin")
        self._database, self._runner = database, runner
        self.actor: Actor | None = None
        self.page_widgets: list[Any] = []
        self._stale: set[int] = set()
        self._pending: set[str] = set()
        self._problem: AntrianError | None = None
        self._online = True
        self._in_flight = False
        self._closed = False
        self._office = ""
        self._feed_refresh = QTimer(self, singleShot=True, interval=FEED_REFRESH_MS)
        self._feed_refresh.timeout.connect(self._refresh_from_feed)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.offline = QLabel("")
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.hide()
        root.addWidget(self.offline)
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)
        self.login = LoginPage(username, password, title=self._login_title)
        self.login.submitted.connect(self._log_in)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self._build_main())
        self.retranslate()

    def _build_main(self) -> QWidget:
        main = QWidget()
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        top = QFrame()
        top.setObjectName("top")
        bar = QHBoxLayout(top)
        bar.setContentsMargins(14, 8, 14, 8)
        self.title = QLabel()
        self.title.setObjectName("title")
        font = self.title.font()
        font.setPixelSize(TYPE.title)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.user_label = QLabel()
        bar.addWidget(self.title)
        bar.addWidget(self.subtitle)
        bar.addStretch(1)
        bar.addWidget(self.user_label)
        column.addWidget(top)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.page_list = QListWidget()
        self.page_list.setObjectName("pageList")
        self.page_list.setFixedWidth(SIZE.sidebar)
        self.page_list.currentRowChanged.connect(self._show_page)
        self.pages = QStackedWidget()
        row.addWidget(self.page_list)
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        return main

    def _login_title(self) -> str:
        return self.tr("Administration: log in as an admin (a supervisor may look)")

    def retranslate(self) -> None:
        self.login.retranslate()
        self.subtitle.setText(self.tr("Administration"))
        for index, page in enumerate(self.page_widgets):
            item = self.page_list.item(index)
            if item is not None:
                item.setText(page.title())
        self._show_header()
        self._show_banner()

    def _show_header(self) -> None:
        self.title.setText(self._office)
        if self.actor is not None:
            self.user_label.setText(f"{self.actor.name} · {words.show(self.actor.role)}")
        title = self.tr("Antrian — Administration")
        self.setWindowTitle(f"{title} · {self.actor.name}" if self.actor else title)

    # -- login ----------------------------------------------------------------------------------------
    def _log_in(self, username: str, password: str) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        self.login.busy(True)
        database = self._database

        def work() -> _Login | MustChange:
            from antrian.services.branding import office_profile
            from antrian.services.login import authenticate

            with database.write() as session:
                outcome = authenticate(session, username, password)
            if outcome.actor is None:
                return _Login(None, outcome.message)
            if outcome.must_change_password:  # a first or reset password: replaced before any page opens
                return MustChange(outcome.actor, password)
            with database.read() as session:  # an operator is refused here (PermissionDenied)
                return _Login(outcome.actor, None, office_profile(session, outcome.actor).office.name)

        self._runner.submit(work, self._logged_in, self._logged_in)

    def _logged_in(self, result: _Login | MustChange | Exception) -> None:
        self._in_flight = False
        self.login.busy(False)
        self.login.password.clear()
        if self._closed:
            return
        if isinstance(result, MustChange):
            self.login.say(lambda: "")
            self._ask_new_password(result)
            return
        if isinstance(result, Exception):
            error = result
            if isinstance(error, PermissionDenied):
                self.login.say(lambda: f"{words.say(error)}\n{self._who_may()}")
            else:
                said = error_text(error)
                self.login.say(lambda: said)
            return
        if result.actor is None:
            message = result.message
            self.login.say(lambda: words.say(message) if message else "")
            self.login.password.setFocus()
            return
        self.actor = result.actor
        self._office = result.office
        self.login.say(lambda: "")
        self._build_pages(result.actor)
        self.stack.setCurrentIndex(1)
        self._show_header()
        log.info("admin window opened by %s (%s)", self.actor.name, self.actor.role)
        self.loggedIn.emit(self.actor.name)

    def _ask_new_password(self, must: MustChange) -> None:
        """The new password typed twice and saved; then the login runs again with it."""
        dialog = NewPasswordDialog(
            self._database, lambda work, done: self._runner.submit(work, done, done), must, self
        )
        dialog.changed.connect(lambda new_password: self._log_in(must.actor.name, new_password))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _who_may(self) -> str:
        return self.tr("The admin window is for admins; supervisors may look without changing anything.")

    def _build_pages(self, actor: Actor) -> None:
        for module, name in PAGES:
            page = getattr(importlib.import_module(module), name)(self._database, self._runner, actor, self)
            self.page_widgets.append(page)
            self.pages.addWidget(page)
            self.page_list.addItem(page.title())
        self._stale = set(range(len(self.page_widgets)))
        self.page_list.setCurrentRow(0)

    def _show_page(self, index: int) -> None:
        if not 0 <= index < len(self.page_widgets):
            return
        self.pages.setCurrentIndex(index)
        if index in self._stale:
            self._stale.discard(index)
            self.page_widgets[index].refresh()

    @property
    def current_page(self) -> Any:
        return self.page_widgets[self.pages.currentIndex()] if self.page_widgets else None

    # -- the change feed --------------------------------------------------------------------------------
    def handle_events(self, events: list[EventInfo]) -> None:
        """Events of a page's kinds refresh it if shown (at most every 250 ms), else mark it stale."""
        if self.actor is None or not events:
            return
        self._pending.update(event.kind for event in events)
        if not self._feed_refresh.isActive():
            self._feed_refresh.start()

    def _refresh_from_feed(self) -> None:
        kinds, self._pending = self._pending, set()
        if "settings_changed" in kinds:
            self._read_office_name()
        for index, page in enumerate(self.page_widgets):
            if kinds & getattr(page, "kinds", SETTINGS_CHANGED):
                if index == self.pages.currentIndex():
                    page.refresh()
                else:
                    self._stale.add(index)

    def _read_office_name(self) -> None:
        from antrian.services.office import get_office

        database = self._database

        def work() -> str:
            with database.read() as session:
                return get_office(session).name

        def done(name: str) -> None:
            self._office = name
            self._show_header()

        self._runner.submit(work, done, self._failed)

    def _failed(self, error: Exception) -> None:
        self._problem = error if isinstance(error, AntrianError) else None
        self._online = False
        self._show_banner()

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """The banner: shown while the database cannot be used, with the cause; gone once it can."""
        self._online = online
        self._problem = None if online else problem
        self._show_banner()
        if online and self.current_page is not None:
            self.current_page.refresh()

    def _show_banner(self) -> None:
        self.offline.setText(offline_text(self._problem))
        self.offline.setVisible(not self._online)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self._feed_refresh.stop()
        if self.actor is not None:
            log.info("admin window closed by %s", self.actor.name)
        super().closeEvent(event)
