"""The log file every Antrian process writes: where it is, what a line holds, and setting it up.

Every window and every command appends to one file, ``antrian.log`` in the user's log folder
(``platformdirs.user_log_dir``; ``ANTRIAN_LOG_DIR`` names another folder). At 1 MB it is renamed
``antrian.log.1`` (the older ones move up to ``.5``, the oldest is dropped). One line per record::

    2026-11-30 10:42:03.123+0700 [12345 display] INFO antrian.gui.display.window: call shown A017 ...

local time with its UTC offset, the process id and the window or command, the level, the logger, the
message (a traceback follows on the next lines). ``ANTRIAN_LOG`` sets the level (DEBUG, INFO, WARNING,
ERROR; INFO by default). A folder that cannot be written never stops the program: it says so once on
stderr and its warnings go to stderr instead.

The kiosk, the display, the counter panels and the commands of one PC may all run at once and share the
file: one of them rotates it under a kernel lock while the others wait and then follow it, and each checks
before writing that the name still points at the file it holds open (docs/DESIGN.md, Logging).

Nothing here imports Qt, and ``logging.handlers`` is imported only when a process sets its log up: the
command's whole cold start has half a second.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

ENV_DIR = "ANTRIAN_LOG_DIR"
ENV_LEVEL = "ANTRIAN_LOG"
FILE_NAME = "antrian.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
ROTATE_RETRY_S = 60.0

_FORMAT = "%(asctime)s [%(process)d {name}] %(levelname)s %(name)s: %(message)s"


class _State:
    handlers: list[logging.Handler] = []  # noqa: RUF012 - one process-wide state
    file: Path | None = None
    told: bool = False
    root_level: int = logging.WARNING
    crashes: TextIO | None = None  # the log file as faulthandler writes to it


def log_dir() -> Path:
    """The folder of the log file: ``ANTRIAN_LOG_DIR``, else the user's log folder."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    from platformdirs import user_log_dir

    return Path(user_log_dir("antrian", appauthor=False))


def log_path() -> Path:
    return log_dir() / FILE_NAME


def current_file() -> Path | None:
    """The file this process writes to, or None (not set up, or the folder could not be written)."""
    return _State.file


def level() -> tuple[int, str | None]:
    """The level asked for by ``ANTRIAN_LOG`` (INFO if unset), and the value it did not understand."""
    asked = os.environ.get(ENV_LEVEL, "").strip()
    if not asked:
        return logging.INFO, None
    if asked.isdigit():
        return int(asked), None
    found = logging.getLevelName(asked.upper())
    return (found, None) if isinstance(found, int) else (logging.INFO, asked)


def setup(name: str, *, echo: bool = False) -> Path | None:
    """Send this process's log records to the file, each line naming ``name`` (the window or command).

    Args:
        name: what this process is ("display", "counter 2", "ticket issue", ...).
        echo: also write WARNING and above (or ``ANTRIAN_LOG``'s level, if set) to stderr, for windows
            started from a terminal.

    Return:
        The file written to, or None when the folder cannot be written (said once on stderr).

    Called again in the same process (a window opened by the command), it renames the process and adds
    the echo if asked; the file stays open.
    """
    wanted, unknown = level()
    root = logging.getLogger()
    if not _State.handlers:
        _State.root_level = root.level
        root.setLevel(wanted)
        handler = _open_file(name, wanted)
        if handler is not None:
            _State.handlers.append(handler)
            root.addHandler(handler)
        else:
            echo = True  # the only trace left is the terminal's
        if unknown is not None:
            logging.getLogger(__name__).warning("%s=%r is not a level; logging at INFO", ENV_LEVEL, unknown)
    else:
        rename(name)
    if echo and not any(isinstance(h, _Echo) for h in _State.handlers):
        stream = _Echo(sys.stderr)
        stream.setLevel(wanted if os.environ.get(ENV_LEVEL) else logging.WARNING)
        stream.setFormatter(_formatter(name))
        _State.handlers.append(stream)
        root.addHandler(stream)
    return _State.file


def record_crashes() -> None:
    """From now on a crash of this process (a fault in Qt, a driver or the interpreter) writes every thread's
    stack into the log file (to stderr when there is none), so a window that vanished leaves its cause."""
    import faulthandler

    if _State.file is None:
        faulthandler.enable()
        return
    _State.crashes = _State.file.open("a", encoding="utf-8")  # kept open: a crash cannot open a file
    faulthandler.enable(_State.crashes, all_threads=True)


def rename(name: str) -> None:
    """From now on, lines name ``name`` (the command once its arguments are read, a window once open)."""
    for handler in _State.handlers:
        handler.setFormatter(_formatter(name))


def close() -> None:
    """Flush and close this process's log (every exit path calls it; a second call does nothing)."""
    root = logging.getLogger()
    for handler in _State.handlers:
        root.removeHandler(handler)
        handler.close()
    if _State.handlers:
        root.setLevel(_State.root_level)
    _State.handlers = []
    _State.file = None
    _State.told = False


def _formatter(name: str) -> logging.Formatter:
    return _Lines(_FORMAT.format(name=name.replace("%", "%%")))


class _Lines(logging.Formatter):
    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = time.localtime(record.created)
        stamp, offset = time.strftime("%Y-%m-%d %H:%M:%S", moment), time.strftime("%z", moment)
        return f"{stamp}.{int(record.msecs):03d}{offset}"


class _Echo(logging.StreamHandler[TextIO]):
    """stderr, for a window started from a terminal or a process whose folder cannot be written."""


def _open_file(name: str, wanted: int) -> logging.Handler | None:
    folder = None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = _shared_rotating_file(folder / FILE_NAME)
    except OSError as error:
        _tell(folder, error)
        return None
    handler.setLevel(wanted)
    handler.setFormatter(_formatter(name))
    _State.file = folder / FILE_NAME
    return handler


def _tell(folder: Path | None, error: BaseException) -> None:
    """Say once on stderr that the log cannot be written, in the person's language."""
    if _State.told:
        return
    _State.told = True
    from antrian import words

    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    try:
        line = words.text("logs.unwritable", folder=str(folder or "?"), reason=reason)
        print(f"antrian: {line}", file=sys.stderr)
    except (OSError, ValueError):
        pass  # stderr itself is gone: nothing left to tell


def _shared_rotating_file(path: Path) -> RotatingFileHandler:
    from logging.handlers import RotatingFileHandler

    class SharedRotatingFile(RotatingFileHandler):
        """A rotating file that several processes append to.

        Before each record it checks that its path still names the file it holds open; when another
        process has rotated (or someone deleted) it, it opens the new one instead of writing on into
        ``antrian.log.1``. Where the file cannot be renamed while others hold it open (Windows), it keeps
        appending and tries again a minute later. A failing write (a full disk) is said once on stderr.
        """

        def __init__(self, filename: Path) -> None:
            super().__init__(filename, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
            self._retry_at = 0.0

        def shouldRollover(self, record: logging.LogRecord) -> bool:
            stream = self._current()
            if time.monotonic() < self._retry_at:
                return False
            stream.seek(0, os.SEEK_END)
            return stream.tell() + len(self.format(record)) + 1 >= self.maxBytes

        def doRollover(self) -> None:
            # Processes sharing the file see it cross the size at the same moment: one rotates, and the
            # others, let in after it, find a new file and write on (one rotation each would push lines
            # out of the oldest file). No kernel lock on Windows, where an open file cannot be renamed
            # anyway: the rename fails and is tried again later.
            with _rotation_lock(self.baseFilename + ".lock"):
                if self.stream is not None and self._moved(self.stream):
                    self._current()
                    return
                try:
                    super().doRollover()
                except OSError:
                    self._retry_at = time.monotonic() + ROTATE_RETRY_S
                self._current()

        def _current(self) -> TextIO:
            """The stream of the file the path names now (opened again if it was moved or deleted)."""
            stream = self.stream
            if stream is None or self._moved(stream):
                if stream is not None:
                    stream.close()
                stream = self.stream = self._open()
            return stream

        def _moved(self, stream: TextIO) -> bool:
            try:
                named = os.stat(self.baseFilename)
            except OSError:
                return True
            held = os.fstat(stream.fileno())
            return (named.st_ino, named.st_dev) != (held.st_ino, held.st_dev)

        def handleError(self, record: logging.LogRecord) -> None:
            error = sys.exc_info()[1]
            _tell(Path(self.baseFilename).parent, error or OSError("write failed"))

    return SharedRotatingFile(path)


@contextmanager
def _rotation_lock(path: str) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def describe_setup() -> dict[str, Any]:
    """What ``antrian log-path --json`` reports."""
    path = log_path()
    wanted, _ = level()
    return {
        "path": str(path),
        "exists": path.exists(),
        "level": logging.getLevelName(wanted),
        "writing": current_file() == path,
    }
