"""The display's JSON lines (``antrian display --log-json``): what was shown and spoken, and when."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from queue import SimpleQueue
from typing import Protocol

from antrian.domain.errors import InvalidInput

log = logging.getLogger("antrian.gui.display.window")


class LineSink(Protocol):
    """Where the display writes its JSON lines: a file, or a ``LineLog``."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class LineLog:
    """A file of JSON lines written by its own thread, so that a slow disk never holds the display's
    repaint; each line reaches the file as soon as that thread has written it."""

    def __init__(self, path: Path) -> None:
        try:
            self._file = path.open("a", buffering=1)
        except OSError as error:  # a folder that does not exist, no permission, a folder given as the file
            raise InvalidInput(
                "input.file_unwritable",
                option="--log-json",
                path=str(path),
                reason=error.strerror or str(error),
            ) from None
        self._lines: SimpleQueue[str | None] = SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="antrian-display-log", daemon=True)
        self._thread.start()

    def write(self, text: str, /) -> int:
        self._lines.put(text)
        return len(text)

    def flush(self) -> None:
        """Nothing to do: the writer thread's file is line-buffered."""

    def close(self) -> None:
        """Write what is queued, then close the file."""
        self._lines.put(None)
        self._thread.join(5)
        self._file.close()

    def _run(self) -> None:
        while (text := self._lines.get()) is not None:
            try:
                self._file.write(text)
            except OSError as error:  # a full disk loses log lines, never the display
                log.warning("display log line not written: %s", error)


def open_log(path: str | None) -> LineLog | None:
    return LineLog(Path(path)) if path else None
