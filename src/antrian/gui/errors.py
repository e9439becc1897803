"""The one way windows show an error, and the one way a window's failures reach the log.

``error_text`` words any exception for the person reading the window: an ``AntrianError`` by its code
(``words.say``), anything else as the short "something unexpected went wrong" sentence, its traceback
logged. ``show_error`` puts the sentence in the window's own message line when it has one
(``show_message(text, kind)``), else in a message box. ``log_failure`` records a failure a window handled
itself (a ticket that did not print). ``install_hooks`` makes every exception nothing caught (in a slot, a
timer, an event handler, a thread, a ``__del__``) and every Qt warning go to the log; the person is told in
a sentence, and the window goes on.

PySide6 (6.6 to 6.11, checked) hands an exception raised in a slot or in an overridden event handler
called by the event loop to ``sys.excepthook`` and carries on with the next event; one raised in a handler
that Python code called directly (``sendEvent``, ``repaint``) is raised again in that caller, and reaches
the hook from there if nothing catches it.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from antrian import words
from antrian.domain.errors import AntrianError

log = logging.getLogger(__name__)

REPEAT_S = 60.0  # an exception raised again and again (a timer's slot) is logged in full once a minute
MESSAGE_BOX_MS = 30_000  # unattended windows (the display) must not keep a box on screen for good


def error_text(error: BaseException) -> str:
    """A one-line message in the interface language: the error's own words, or the unexpected-failure
    sentence (the traceback goes to the log)."""
    if isinstance(error, AntrianError):
        return words.say(error)
    log_failure("unexpected error", error)
    return words.text("logs.window_unexpected")


def show_error(parent: Any, error: BaseException) -> str:
    """Show ``error`` to the person using ``parent`` and log what they were told; returns the text."""
    text = error_text(error)
    if isinstance(error, AntrianError):
        log.info("shown: %s", words.describe(error))
    _show(parent, text)
    return text


def log_failure(what: str, error: BaseException) -> None:
    """Log a failure a window dealt with: an ``AntrianError`` by its code and parameters (a warning), anything
    else with its traceback (an error: a bug or a cause nobody foresaw).

    Args:
        what: what failed, for the reader of the log ("print A017", "voice settings").
    """
    if isinstance(error, AntrianError):
        log.warning("%s: %s", what, words.describe(error))
    else:
        log.error("%s", what, exc_info=(type(error), error, error.__traceback__))


def _show(parent: Any, text: str) -> None:
    show = getattr(parent, "show_message", None)
    if callable(show):
        show(text, "error")
        return
    title = QCoreApplication.translate("ErrorBox", "Antrian — Error")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)  # the window behind stays usable
    QTimer.singleShot(MESSAGE_BOX_MS, box, box.close)
    box.show()


class _Teller(QObject):
    """Lives on the GUI thread: an exception on any thread is told to the person from here."""

    told = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.told.connect(self._tell)

    def _tell(self, text: str) -> None:
        target = _window_to_tell()
        try:
            _show(target, text)
        except Exception:  # telling must never raise into the hook that called it
            log.exception("could not show the unexpected-error message")


def _window_to_tell() -> QWidget | None:
    """The active window, else a visible one with a message line, else any visible one."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, QMessageBox)]
    with_line = [w for w in shown if callable(getattr(w, "show_message", None))]
    candidates = with_line or shown
    return candidates[0] if candidates else None


class _Hooks:
    teller: _Teller | None = None
    previous: tuple[Any, Any, Any, Any] | None = None
    seen: dict[tuple[str, str, int], tuple[float, int]] = {}  # noqa: RUF012 - one per process


def log_qt_messages() -> None:
    """Qt's own messages to the log from now on, before the QApplication exists: a platform plugin that
    cannot start is Qt's last word before it aborts the process, and it must be in the log."""
    qInstallMessageHandler(_qt_message)


def install_hooks() -> None:
    """Route every uncaught exception of this window process, and Qt's own messages, to the log, and tell
    the person in a sentence. Call on the GUI thread once the QApplication exists; ``remove_hooks`` undoes
    it."""
    if _Hooks.teller is not None:
        return
    _Hooks.teller = _Teller()
    _Hooks.previous = (
        sys.excepthook,
        threading.excepthook,
        sys.unraisablehook,
        qInstallMessageHandler(_qt_message),
    )
    sys.excepthook = _uncaught
    threading.excepthook = _uncaught_in_thread
    sys.unraisablehook = _unraisable


def remove_hooks() -> None:
    if _Hooks.previous is None:
        return
    sys.excepthook, threading.excepthook, sys.unraisablehook, qt_handler = _Hooks.previous
    qInstallMessageHandler(qt_handler)
    _Hooks.previous = None
    if _Hooks.teller is not None:
        _Hooks.teller.deleteLater()
        _Hooks.teller = None
    _Hooks.seen.clear()


def _uncaught(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started the window
        log.warning("interrupted")
        QApplication.quit()
        return
    _report("uncaught exception", (kind, error, trace))


def _uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else "?"
    _report(f"uncaught exception in thread {name}", (args.exc_type, args.exc_value, args.exc_traceback))


def _unraisable(unraisable: Any) -> None:
    """An exception Python could not raise (in ``__del__``, a weak reference's callback): logged, not told;
    the person's window was not doing anything they asked for."""
    log.warning(
        "%s: %s",
        unraisable.err_msg or "Exception ignored in",
        _safe_repr(unraisable.object),
        exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback),
    )


def _safe_repr(thing: Any) -> str:
    try:
        return repr(thing)
    except Exception:  # a broken __repr__ must not hide the exception being reported
        return f"<{type(thing).__name__}>"


def _report(what: str, info: tuple[type[BaseException], BaseException, TracebackType | None]) -> None:
    """Log the traceback and tell the person, for the first exception of its kind and place and once a
    minute after that; the repeats in between are counted into the next entry (a timer's slot that fails
    every 40 ms must not fill the log or pile up messages)."""
    trace = info[2]
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    where = (trace.tb_frame.f_code.co_filename, trace.tb_lineno) if trace is not None else ("?", 0)
    key = (info[0].__qualname__, *where)
    now = time.monotonic()
    since, repeats = _Hooks.seen.get(key, (-REPEAT_S, 0))
    if now - since < REPEAT_S:
        _Hooks.seen[key] = (since, repeats + 1)
        return
    _Hooks.seen[key] = (now, 0)
    again = f" ({repeats} more like it in the last minute)" if repeats else ""
    log.error("%s%s; the window goes on", what, again, exc_info=info)
    if _Hooks.teller is not None:
        _Hooks.teller.told.emit(words.text("logs.window_unexpected"))  # queued to the GUI thread


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: Any, message: str) -> None:
    category = getattr(context, "category", None) or "default"
    logger = logging.getLogger("qt" if category == "default" else f"qt.{category}")
    logger.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
