"""Starting windows: the Qt application, the database, the change feed and the window itself."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from antrian.store.database import Database


def application(argv: list[str] | None = None) -> Any:
    """The process's QApplication (created once)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
        app.setApplicationName("Antrian")
        app.setOrganizationName("Antrian")
    return app


def run_display(database: Database, *, screen: int | None, windowed: bool, log_json: str | None) -> int:
    """``antrian display``: full screen on the chosen monitor, until closed."""
    from PySide6.QtCore import QTimer

    from antrian.gui.display.window import DisplayWindow, open_log
    from antrian.gui.feed import ChangeFeed
    from antrian.gui.tasks import TaskRunner
    from antrian.store.feed import default_position

    logging.basicConfig(level=os.environ.get("ANTRIAN_LOG", "WARNING"))
    from antrian.voice.announcer import Announcer

    app = application()
    runner = TaskRunner(app)
    log = open_log(log_json)
    announcer = Announcer(_voice_settings(database), app)
    window = DisplayWindow(
        database, lambda work, done: runner.submit(work, done, done), log_json=log, announcer=announcer
    )
    feed = ChangeFeed(database, app)
    feed.onlineChanged.connect(window.set_online)
    feed.subscribe(window.handle_events, default_position("display", database.url))
    screens = app.screens()
    if screen is not None:
        if not 0 <= screen < len(screens):
            from antrian.domain.errors import InvalidInput

            raise InvalidInput(
                f"screen {screen} does not exist; this PC has {len(screens)} (0-{len(screens) - 1})"
            )
        window.setScreen(screens[screen])
        window.move(screens[screen].geometry().topLeft())
    if windowed:
        window.resize(1366, 768)
        window.show()
    else:
        window.showFullScreen()
    app.aboutToQuit.connect(feed.close)
    app.aboutToQuit.connect(announcer.close)
    QTimer.singleShot(0, window.refresh)
    code = int(app.exec())
    runner.wait()
    if log is not None:
        log.close()
    return code


def run_kiosk(
    database: Database, *, windowed: bool, printer: str | None, width_mm: int, exit_pin: str | None
) -> int:
    """``antrian kiosk``: full screen, touch first, until an admin leaves it with the PIN."""
    from antrian.gui.feed import ChangeFeed
    from antrian.gui.kiosk.window import KioskWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.printing.targets import printer_for

    logging.basicConfig(level=os.environ.get("ANTRIAN_LOG", "WARNING"))
    print_slip = printer_for(printer, width_mm) if printer else None
    app = application()
    runner = TaskRunner(app)
    window = KioskWindow(
        database, lambda work, done: runner.submit(work, done, done), print_slip=print_slip, exit_pin=exit_pin
    )
    feed = ChangeFeed(database, app)
    feed.onlineChanged.connect(window.set_online)
    feed.subscribe(window.handle_events)
    if windowed:
        window.resize(1080, 1920 * 2 // 3)
        window.show()
    else:
        window.showFullScreen()
    app.aboutToQuit.connect(feed.close)
    code = int(app.exec())
    runner.wait()
    return code


def run_demo(database: Database, *, log_json: str | None, ticket_folder: str) -> int:
    """``antrian demo``: every window that exists, side by side in one process, sharing one change feed."""
    from antrian.gui.display.window import DisplayWindow, open_log
    from antrian.gui.feed import ChangeFeed
    from antrian.gui.kiosk.window import KioskWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.printing.targets import printer_for
    from antrian.voice.announcer import Announcer

    logging.basicConfig(level=os.environ.get("ANTRIAN_LOG", "WARNING"))
    app = application()
    runner = TaskRunner(app)
    log = open_log(log_json)
    announcer = Announcer(_voice_settings(database), app)

    def background(work: Any, done: Any) -> None:
        runner.submit(work, done, done)

    display = DisplayWindow(database, background, log_json=log, announcer=announcer)
    kiosk = KioskWindow(database, background, print_slip=printer_for(f"pdf:{ticket_folder}"), exit_pin=None)
    feed = ChangeFeed(database, app)
    for window in (display, kiosk):
        feed.onlineChanged.connect(window.set_online)
        feed.subscribe(window.handle_events)
    display.resize(1366, 768)
    kiosk.resize(540, 960)
    display.show()
    kiosk.show()
    app.aboutToQuit.connect(feed.close)
    app.aboutToQuit.connect(announcer.close)
    code = int(app.exec())
    runner.wait()
    if log is not None:
        log.close()
    return code


def _voice_settings(database: Database) -> Any:
    """The office's voice settings, or the defaults while the database cannot be reached."""
    from antrian.domain.errors import StoreError
    from antrian.services.display import VoiceSettings, get_voice_settings

    try:
        with database.read() as session:
            return get_voice_settings(session)
    except StoreError as error:
        logging.getLogger(__name__).warning("voice settings unavailable (%s); using the defaults", error)
        return VoiceSettings()
