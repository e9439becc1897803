"""The survey window follows a counter served from another process: the real ``antrian`` command finishes
the ticket at counter 1, the window (with the change feed every window process has) invites that citizen,
and the answers touched in land linked to the ticket; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.gui.feed import ChangeFeed
from antrian.gui.survey.pages import INVITE
from antrian.gui.survey.window import SurveyWindow
from antrian.gui.tasks import TaskRunner
from antrian.services.queries import today
from antrian.services.skm import Submitted, skm_report
from antrian.store.database import Database

pytestmark = pytest.mark.slow
ANTRIAN = [sys.executable, "-m", "antrian"]


def cli(url: str, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [*ANTRIAN, "--db", url, *args, "--json"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def survey(qtbot: QtBot, office: Database) -> Iterator[SurveyWindow]:
    runner = TaskRunner()
    window = SurveyWindow(office, lambda w, d: runner.submit(w, d, d), counter=1, thanks_ms=200)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    feed = ChangeFeed(office)
    with qtbot.waitSignal(feed.subscribed, timeout=5000):
        feed.subscribe(window.handle_events)
    try:
        yield window
    finally:
        feed.close()
        runner.wait()


def test_a_ticket_finished_by_another_process_is_invited_and_answered(
    survey: SurveyWindow, office: Database, db_url: str, qtbot: QtBot
) -> None:
    url = db_url
    cli(url, "ticket", "issue", "A")
    cli(url, "counter", "open", "2")
    cli(url, "counter", "call-next", "2")
    cli(url, "counter", "start", "2")
    cli(url, "counter", "finish", "2")  # another counter's citizen: not this window's
    issued = cli(url, "ticket", "issue", "B")
    cli(url, "counter", "open", "1")
    cli(url, "counter", "call-next", "1")
    cli(url, "counter", "start", "1")
    with qtbot.waitSignal(survey.invited, timeout=10_000) as invited:
        cli(url, "counter", "finish", "1")
    assert invited.args == [issued["number"]] and survey.pages.currentIndex() == INVITE
    qtbot.mouseClick(survey.invite.start, Qt.MouseButton.LeftButton)
    for value in (4, 4, 3, 3, 2, 2, 1, 1, 4):
        qtbot.mouseClick(survey.step.levels[value - 1], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(survey.step.next, Qt.MouseButton.LeftButton)
    for _ in range(4):
        qtbot.mouseClick(survey.step.next, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(survey.saved, timeout=5000) as saved:
        qtbot.mouseClick(survey.step.next, Qt.MouseButton.LeftButton)
    result = saved.args[0]
    assert isinstance(result, Submitted) and (result.ticket, result.service) == (issued["number"], "B")
    with office.read() as s:
        day = today(s)
        report = skm_report(s, SYSTEM, day, day)
    assert report.figures.respondents == 1 and report.figures.sums == (4, 4, 3, 3, 2, 2, 1, 1, 4)
