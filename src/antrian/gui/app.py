"""Starting windows: the Qt application, the database, the change feed and the window itself."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from antrian.domain.errors import AntrianError
from antrian.services.results import EventInfo
from antrian.store.database import Database

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from antrian.gui.admin.window import AdminWindow
    from antrian.gui.supervisor.window import SupervisorWindow
    from antrian.store.feed import FeedPosition


class FedWindow(Protocol):
    """A window the change feed keeps current: the changes as they come, and whether the database answers."""

    def handle_events(self, events: list[EventInfo]) -> object: ...

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None: ...


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication (created once)."""
    from PySide6.QtWidgets import QApplication

    from antrian.gui.garbage import GuiThreadCollector

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
        app.setApplicationName("Antrian")
        app.setOrganizationName("Antrian")
        GuiThreadCollector(app)  # Qt objects in cyclic garbage are freed on this thread, never on a worker
    assert isinstance(app, QApplication)  # windows need a widget application, never a bare core one
    return app


class WindowProcess:
    """What every window process shares: the log file, the application, the task runner, one change feed,
    and (for displays) the announcer and the JSON log; ``run`` executes the event loop and cleans up.

    Args:
        name: what the process's log lines call it ("display", "kiosk", "counter 2", "demo").
    """

    def __init__(
        self, database: Database, *, name: str = "window", voice: bool = False, log_json: str | None = None
    ) -> None:
        from antrian import logs
        from antrian.gui.display.window import open_log
        from antrian.gui.errors import install_hooks, log_qt_messages
        from antrian.gui.feed import ChangeFeed
        from antrian.gui.tasks import TaskRunner

        logs.setup(name, echo=True)  # warnings also on the terminal that started the window, if any
        logs.record_crashes()
        logging.getLogger(__name__).info("%s starts on %s", name, database.name)
        self.database = database
        log_qt_messages()
        self.app = application()
        from antrian import words
        from antrian.gui import i18n

        i18n.set_language(words.language())  # the CLI chose it: --lang, ANTRIAN_LANG or this PC's setting
        install_hooks()
        self._runner = TaskRunner(self.app)
        self.log = open_log(log_json)
        self.announcer = None
        if voice:  # QtMultimedia loads only where calls are spoken: the kiosk and counters start without it
            from antrian.services.display import VoiceSettings
            from antrian.voice.announcer import Announcer

            # the defaults until the display's background read brings the office's settings
            self.announcer = Announcer(VoiceSettings(), self.app)
        self._feed = ChangeFeed(database, self.app)
        self._feed.subscribed.connect(
            lambda _id, after: logging.getLogger(__name__).info("following the changes after event %d", after)
        )
        self.app.aboutToQuit.connect(self._feed.close)
        if self.announcer is not None:
            self.app.aboutToQuit.connect(self.announcer.close)

    def _stop_on_signals(self) -> None:
        """A window ended by the system (``kill``, a service manager, logging off) closes like one closed by
        hand: the feed, the log's last line. Python runs signal handlers only between bytecodes, so a timer
        wakes the interpreter while Qt's loop waits."""
        import signal

        from PySide6.QtCore import QTimer

        def stop(number: int, _frame: Any) -> None:
            logging.getLogger(__name__).warning("signal %d: closing the windows", number)
            self.app.quit()

        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), stop)
        self._wake = QTimer(self.app)
        self._wake.timeout.connect(lambda: None)
        self._wake.start(250)

    def background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._runner.submit(work, done, done)

    def attach(self, window: FedWindow, position: FeedPosition | None = None) -> None:
        """Feed ``window`` the changes (from ``position`` if given) and the database's state with its cause:
        ``window.set_online(online, problem)``."""
        self._feed.problemChanged.connect(lambda problem: window.set_online(problem is None, problem))
        self._feed.subscribe(window.handle_events, position)

    def run(self) -> int:
        from PySide6.QtCore import QTimer

        self._stop_on_signals()
        QTimer.singleShot(0, lambda: logging.getLogger(__name__).info("windows running"))  # in the event loop
        code = int(self.app.exec())
        self.close()
        logging.getLogger(__name__).info("windows closed: exit %d", code)
        return code

    def close(self) -> None:
        """Stop following the changes, wait for the background work in flight, and close the JSON log:
        what ``run`` does once the event loop has ended (a process that never ran it calls it itself)."""
        self._feed.close()
        self._runner.wait()
        if self.log is not None:
            self.log.close()
            self.log = None


def run_display(
    database: Database,
    *,
    screen: int | None,
    windowed: bool,
    log_json: str | None,
    counters: frozenset[int] | None = None,
    zones: tuple[str, ...] | None = None,
) -> int:
    """``antrian display``: full screen on the chosen monitor, until closed; ``counters``: only these;
    ``zones``: only the counters of these zones."""
    from antrian.gui.display.window import DisplayWindow
    from antrian.store.feed import default_position

    shared = WindowProcess(database, name="display", voice=True, log_json=log_json)
    window = DisplayWindow(
        database,
        shared.background,
        log_json=shared.log,
        announcer=shared.announcer,
        counters=counters,
        zones=zones,
    )
    shared.attach(window, default_position("display", database.url))
    screens = shared.app.screens()
    if screen is not None:
        if not 0 <= screen < len(screens):
            from antrian.domain.errors import InvalidInput

            raise InvalidInput("display.no_screen", screen=screen, n=len(screens), last=len(screens) - 1)
        window.setScreen(screens[screen])
        window.move(screens[screen].geometry().topLeft())
    if windowed:
        window.resize(1366, 768)
        window.show()
    else:
        window.showFullScreen()
    return shared.run()


def run_kiosk(
    database: Database,
    *,
    windowed: bool,
    printer: str | None,
    width_mm: int,
    exit_pin: str | None,
    zones: tuple[str, ...] | None = None,
) -> int:
    """``antrian kiosk``: full screen, touch first, until an admin leaves it with the PIN (without one, the
    kiosk's first start on this PC tells staff how to leave and how to set one)."""
    from antrian.gui.kiosk.exit import default_marker
    from antrian.gui.kiosk.window import KioskWindow
    from antrian.printing.targets import printer_for

    print_slip = printer_for(printer, width_mm) if printer else None
    shared = WindowProcess(database, name="kiosk")
    marker = None if windowed else default_marker()  # the note is about leaving full screen
    window = KioskWindow(
        database,
        shared.background,
        print_slip=print_slip,
        exit_pin=exit_pin,
        note_marker=marker,
        zones=zones,
    )
    shared.attach(window)
    if windowed:
        window.resize(1080, 1920 * 2 // 3)
        window.show()
    else:
        window.showFullScreen()
    return shared.run()


def run_survey(database: Database, *, counter: int | None, windowed: bool) -> int:
    """``antrian survey [--counter N]``: the satisfaction survey, full screen, touch first, until closed;
    ``counter``: invites the citizens that counter finished (else a waiting-room kiosk)."""
    from antrian.gui.survey.window import SurveyWindow

    shared = WindowProcess(database, name="survey" if counter is None else f"survey {counter}")
    window = SurveyWindow(database, shared.background, counter=counter)
    shared.attach(window)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    return shared.run()


def run_counter(database: Database, *, number: int | None) -> int:
    """``antrian counter [N]``: the operator's panel, sized for a 1366x768 office PC, until closed."""
    from antrian.gui.counter.window import CounterWindow

    shared = WindowProcess(database, name="counter" if number is None else f"counter {number}")
    window = CounterWindow(database, shared.background, number=number)
    shared.attach(window)
    window.showMaximized()  # the work area of a 1366x768 screen, under the title bar and above the taskbar
    return shared.run()


def run_supervisor(database: Database, *, windowed: bool) -> int:
    """``antrian supervisor``: the live monitor, maximized (``windowed``: 1366x768), until closed."""
    from antrian.gui.supervisor.window import SupervisorWindow

    shared = WindowProcess(database, name="supervisor")
    return _run_office_window(shared, SupervisorWindow(database, shared.background), windowed)


def run_admin(database: Database, *, windowed: bool) -> int:
    """``antrian admin``: the office set-up, maximized (``windowed``: 1366x768), until closed."""
    from antrian.gui.admin.window import AdminWindow

    shared = WindowProcess(database, name="admin")
    return _run_office_window(shared, AdminWindow(database, shared._runner), windowed)


def _run_office_window(shared: WindowProcess, window: SupervisorWindow | AdminWindow, windowed: bool) -> int:
    """A staff window on an office PC: fed the changes, maximized (``windowed``: 1366x768), until closed."""
    shared.attach(window)
    if windowed:
        window.resize(1366, 768)
        window.show()
    else:
        window.showMaximized()
    return shared.run()


def run_demo(
    database: Database,
    *,
    log_json: str | None,
    ticket_folder: str,
    logins: dict[int, tuple[str, str]] | None = None,
    supervisor: tuple[str, str] = ("supervisor", ""),
) -> int:
    """``antrian demo``: every window, side by side in one process, sharing one change feed: the display,
    the kiosk, the panels of counters 1 and 2 (``logins`` fills in their username and password) and the
    supervisor window (``supervisor``: its username and password)."""
    from PySide6.QtCore import QTimer

    from antrian.gui.counter.window import CounterWindow
    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.kiosk.window import KioskWindow
    from antrian.gui.supervisor.window import SupervisorWindow
    from antrian.printing.targets import printer_for

    shared = WindowProcess(database, name="demo", voice=True, log_json=log_json)
    display = DisplayWindow(database, shared.background, log_json=shared.log, announcer=shared.announcer)
    kiosk = KioskWindow(database, shared.background, print_slip=printer_for(f"pdf:{ticket_folder}"))
    counters = [
        CounterWindow(database, shared.background, number=n, username=user, password=password)
        for n, (user, password) in sorted((logins or {1: ("", ""), 2: ("", "")}).items())
    ]
    username, password = supervisor
    monitor = SupervisorWindow(database, shared.background, username=username, password=password)
    fed: list[FedWindow] = [display, kiosk, *counters, monitor]
    for window in fed:
        shared.attach(window)
    monitor.resize(1366, 768)
    monitor.move(40, 40)
    monitor.show()
    if password:  # logged in at once, as the demo's supervisor (the form does the same on Enter)
        QTimer.singleShot(0, monitor.login.submit)
    display.resize(1366, 768)
    kiosk.resize(540, 960)
    display.show()
    kiosk.show()
    for offset, counter in enumerate(counters):
        counter.resize(1366, 740)
        counter.move(60 * (offset + 1), 60 * (offset + 1))
        counter.show()
    return shared.run()


def run_setup(
    open_database: Callable[[], Database], *, then: str | None = None
) -> tuple[Database, Any] | None:
    """The first-run set-up wizard, until it is finished or closed: returns the database it set up (opened by
    ``open_database`` off the GUI thread when the summary is confirmed) and what was set up
    (``services.first_run.SetupDone``), or None when it was closed before.

    ``then``: the window command that asked for it (named on its last page); the same QApplication and
    language serve that window afterwards.
    """
    from antrian import logs, words
    from antrian.gui import i18n
    from antrian.gui.errors import install_hooks, log_qt_messages
    from antrian.gui.tasks import TaskRunner
    from antrian.gui.wizard.window import SetupWizard

    logs.setup("setup", echo=True)
    log_qt_messages()
    app = application()
    i18n.set_language(words.language())
    install_hooks()
    runner = TaskRunner(app)
    wizard = SetupWizard(open_database, runner, then=then)
    wizard.exec()
    runner.wait(30_000)  # a write confirmed just before the wizard was closed still lands
    app.processEvents()
    database, outcome = wizard.database, wizard.outcome
    wizard.deleteLater()
    if database is None or outcome is None:
        logging.getLogger(__name__).info("set-up closed before the office was set up")
        return None
    logging.getLogger(__name__).info("set-up done: %s", outcome)
    return database, outcome
