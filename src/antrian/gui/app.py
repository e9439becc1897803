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
    from antrian.services.display import get_voice_settings
    from antrian.voice.announcer import Announcer

    app = application()
    runner = TaskRunner(app)
    log = open_log(log_json)
    with database.read() as session:
        voice = get_voice_settings(session)
    announcer = Announcer(voice, app)
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
