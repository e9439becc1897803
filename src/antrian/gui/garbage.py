"""Python's cyclic garbage collected on the GUI thread only.

An object kept alive only by a reference cycle is freed when Python's collector runs, and the collector runs
in whichever thread happens to allocate at that moment: a pool thread of the task runner, for example. When
the garbage holds a Qt object, PySide6 then destroys it on that thread while the GUI thread may be destroying
another; each holds what the other waits for (the interpreter lock, Qt's connection mutex) and the window
hangs for good. The test suite caught it once: a display window hung in ``~QComboBox`` on the GUI thread
while a pool thread was inside ``~QObject`` waiting for the interpreter lock.

So a window process turns automatic collection off and collects from a timer on the GUI thread, by the same
per-generation thresholds Python itself uses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """While it lives, cyclic garbage is collected only on the thread that created it (the GUI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns it (-1: none was due)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return generation
        return -1

    def stop(self) -> None:
        """Hand collection back to Python (as it was before)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
