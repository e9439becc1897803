"""Leaving the kiosk's full screen: with the admin PIN (a wrong one answered late, so guessing stays slow),
or without one the note for staff that says how (``exit``), shown at the first start on a PC until it is
closed once. Mixed into the kiosk window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from antrian.gui.kiosk.exit import remember_note
from antrian.gui.kiosk.pages import NOTE
from antrian.gui.kiosk.printing import log_failure

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog, QStackedWidget

log = logging.getLogger("antrian.gui.kiosk.window")  # the kiosk's one log, as before the split


class Leaving:
    """Leaving full screen, for ``KioskWindow`` (mixed in before the Qt class)."""

    _exit_pin: str | None
    _note_marker: Path | None
    _pin_wait: QTimer
    _return: QTimer
    _busy: bool
    _printing: bool
    _background: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    pages: QStackedWidget

    if TYPE_CHECKING:

        def pin_dialog(self) -> QInputDialog: ...
        def go_home(self) -> None: ...
        def showNormal(self) -> None: ...

    def ask_to_leave(self, answer: str | None = None) -> bool:
        """Leaving full screen needs the admin PIN; returns whether the kiosk left full screen. Without a
        PIN this shows the note that says how to leave and how to set one (``exit``).

        A wrong PIN is answered (``leaveRefused``) after ``PIN_DELAY_MS`` on a timer, and no PIN is taken
        until then: guessing stays slow while the window keeps repainting and answering touches."""
        if self._exit_pin is None:
            self.show_note()
            return False
        if self._pin_wait.isActive():
            return False
        if answer is None:
            dialog = self.pin_dialog()
            ok = bool(dialog.exec())
            answer = dialog.textValue()
            dialog.deleteLater()
            if not ok:
                return False
        if answer != self._exit_pin:
            self._pin_wait.start()
            return False
        self.showNormal()
        return True

    def show_note(self) -> None:
        """The note for staff on leaving without a PIN; not over a ticket being printed."""
        if not (self._busy or self._printing):
            self._return.stop()
            self.pages.setCurrentIndex(NOTE)

    def _note_checked(self, read: bool | Exception) -> None:
        if isinstance(read, Exception):  # an unreadable state folder: better once too often than never
            log_failure("the kiosk's note on leaving could not be looked up", read)
        if read is not True:
            log.info("no admin PIN set: the kiosk shows staff how to leave full screen")
            self.show_note()

    def _close_note(self, *, leave: bool) -> None:
        """Back to the start (or out of full screen); the note is remembered as read on this PC."""
        self.go_home()
        if leave:
            self.showNormal()
        marker, self._note_marker = self._note_marker, None
        if marker is not None:
            self._background(lambda: remember_note(marker), self._note_remembered)

    def _note_remembered(self, result: object) -> None:
        if isinstance(result, Exception):
            log_failure("the kiosk could not remember that its note was read", result)
