"""The display's JSON lines (``antrian display --log-json``): what was shown and spoken, and when."""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from queue import SimpleQueue
from typing import Any, Protocol

from antrian.domain.errors import InvalidInput
from antrian.services.display import Call

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


def write_voice(sink: LineSink | None, what: str, event_id: int, reason: str = "") -> None:
    """A line for what the voice did with a call: "chime", "spoken", "voice_done" or "not_spoken"."""
    if sink is None:
        return
    record: dict[str, Any] = {"what": what, "event_id": event_id, "t": time.time()}
    if reason:
        record["reason"] = reason
    sink.write(json.dumps(record) + "\n")
    sink.flush()


def write_shown(sink: LineSink | None, call: Call, at: float) -> None:
    """A line for a call painted at ``at`` (epoch seconds)."""
    if sink is None:
        return
    record = {
        "what": "shown",
        "event_id": call.event_id,
        "number": call.number,
        "counter": call.counter,
        "event_at": call.at.timestamp(),
        "t": at,
    }
    sink.write(json.dumps(record) + "\n")
    sink.flush()
