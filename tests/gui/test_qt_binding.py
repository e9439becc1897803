"""Guards against known defects of the Qt binding that would crash the windows."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    number = Signal(int)


def test_signal_emit_keeps_reference_counts() -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit; Python 3.11 then aborts the process."""
    emitter = _Emitter()
    emitter.plain.connect(lambda: None)
    emitter.number.connect(lambda value: None)
    before = sys.getrefcount(True)
    for value in range(200):
        emitter.plain.emit()
        emitter.number.emit(value)
    assert sys.getrefcount(True) >= before - 5
