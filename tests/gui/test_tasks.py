"""The task runner hands a result to the object that asked, or to nobody once that object is gone."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from antrian.gui.tasks import TaskRunner, still_there


class Asker(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[object] = []

    def take(self, value: object) -> None:
        self.got.append(value)


def test_a_result_reaches_the_object_that_asked(qtbot: QtBot) -> None:
    runner, asker = TaskRunner(), Asker()
    runner.submit(lambda: 42, asker.take)
    qtbot.waitUntil(lambda: asker.got == [42])


def test_a_result_for_a_deleted_object_is_dropped(qtbot: QtBot) -> None:
    """A window closed and deleted while its read ran: the read lands on nothing, and nothing fails."""
    runner, asker = TaskRunner(), Asker()
    take = asker.take
    shiboken6.delete(asker)
    assert not still_there(take)
    landed: list[object] = []
    runner.submit(lambda: 42, take)
    runner.submit(lambda: 43, landed.append)  # a plain function: always called
    qtbot.waitUntil(lambda: landed == [43])
    assert runner.wait()
    assert take.__self__.got == []  # type: ignore[attr-defined]
    assert still_there(landed.append) and still_there(print)
