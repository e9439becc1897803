"""The supervisor window's satisfaction (SKM) tab on SQLite and PostgreSQL, with a pinned clock.

The morning (Monday 2026-11-30): counter 1 serves A001, A002 and A003 to the end; A004 waits. Population 3,
so the required sample (Krejcie-Morgan) is 3.

Two respondents answer [4]*9 and [3]*8 + [2]: sums U1-U8 = 7, U9 = 6; NRR U1-U8 = 3.5, U9 = 3 (the lowest);
weighted = (8 x 3.5 + 3) / 9 = 31/9 = 3.444; IKM = 31/9 x 25 = 775/9 = 86.111... -> 86.11, B (Baik); 2 of 3
respondents: the sample is not reached. A third answering [4]*9: sums 11 and 10; weighted = (8 x 11/3 +
10/3) / 9 = 98/27; IKM = 2450/27 = 90.740... -> 90.74, A (Sangat Baik); 3 of 3: reached.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from antrian import words
from antrian.domain.errors import IllegalAction, InvalidInput
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.skm import Grade, Unsur
from antrian.domain.status import Status
from antrian.domain.timing import FixedClock
from antrian.gui.feed import ChangeFeed
from antrian.gui.supervisor.skm import SkmTab
from antrian.gui.supervisor.skm_entry import EntryPage
from antrian.gui.supervisor.window import SupervisorWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.office import get_office
from antrian.services.skm import Profile, QuestionText, edit_questionnaire, skm_report, submit_answers
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import SkmAnswerSet
from antrian.store.skm_seed import default_questions
from tests.conftest import MONDAY_9AM, seed_admin, seed_office
from tests.printing.pdf_text import pdf_pages

PASSWORD = "rahasia123"
MONDAY = date(2026, 11, 30)
SUPERVISOR = Actor(Role.SUPERVISOR, None, "kepala")
BEST, GOOD = [4] * 9, [3] * 8 + [2]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_9AM)


@pytest.fixture
def office(db: Database, clock: FixedClock) -> Database:
    seed_office(db)
    seed_admin(db)
    with db.write() as s:
        create_user(s, "kepala", "Ibu Kepala", "supervisor", PASSWORD, actor=SYSTEM)
        create_user(s, "pemeriksa", "Pak Pemeriksa", "viewer", PASSWORD, actor=SYSTEM)
    steps = [lambda s: counters.open_counter(s, 1, actor=SUPERVISOR, clock=clock)]
    steps += [lambda s: queue.issue_ticket(s, "A", clock=clock)] * 4
    steps += [
        lambda s: queue.call_next(s, 1, actor=SUPERVISOR, clock=clock),
        lambda s: queue.start(s, 1, actor=SUPERVISOR, clock=clock),
        lambda s: queue.finish(s, 1, actor=SUPERVISOR, clock=clock),
    ] * 3
    for step in steps:
        clock.advance(minutes=1)
        with db.write() as s:
            step(s)
    return db


@pytest.fixture
def make(qtbot: QtBot, office: Database, clock: FixedClock) -> Iterator[Callable[..., SkmTab]]:
    runner = TaskRunner()

    def make(username: str = "kepala") -> SkmTab:
        window = SupervisorWindow(
            office, lambda work, done: runner.submit(work, done, done), clock=clock, username=username,
            password=PASSWORD,
        )  # fmt: skip
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        with qtbot.waitSignal(window.loggedIn, timeout=10000):
            window.login.submit()
        tab = window.skm_tab
        with qtbot.waitSignal(tab.shown, timeout=10000):
            window.tabs.setCurrentWidget(tab)
        assert window.tabs.tabText(window.tabs.currentIndex()) == "Kepuasan (SKM)"
        qtbot.waitUntil(lambda: tab.entry.form is not None, timeout=10000)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        return tab

    yield make
    runner.wait()


def answer_sets(db: Database) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(SkmAnswerSet)).scalar_one()


def type_answers(page: EntryPage, qtbot: QtBot, answers: list[int]) -> None:
    """Each digit typed into the element with the focus: the focus moves on by itself."""
    page.rows[0].setFocus()
    for position, value in enumerate(answers):
        assert page.rows[position].hasFocus()
        qtbot.keyClick(page.rows[position], str(value))


def press_enter(page: EntryPage, qtbot: QtBot, widget: object) -> None:
    with qtbot.waitSignal(page.saved, timeout=10000):
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def refused(page: EntryPage, qtbot: QtBot) -> str:
    with qtbot.waitSignal(page.refused, timeout=10000) as signal:
        qtbot.keyClick(page.rows[0], Qt.Key.Key_Return)
    return str(signal.args[0])


def test_paper_forms_typed_land_exactly(make, office: Database, clock: FixedClock, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    tab = make()
    page = tab.entry
    tab.pages.setCurrentWidget(page)
    assert (page.day.date().toPython(), page.service.currentData()) == (MONDAY, "A")
    assert page.rows[3].buttons[3].text() == "4 · Gratis"  # U4's own level words (Biaya/Tarif)

    type_answers(page, qtbot, BEST)
    assert page.ticket.hasFocus()  # after U9: the ticket's number
    qtbot.keyClicks(page.ticket, "a001")
    page.profile["gender"].setCurrentIndex(page.profile["gender"].findData("female"))
    page.profile["age"].setCurrentIndex(page.profile["age"].findData("21_30"))
    qtbot.keyClicks(page.suggestion, "Ruang tunggu kurang kursi")
    press_enter(page, qtbot, page.suggestion)
    # cleared for the next form, date and service kept, counted
    assert page.answers() == [None] * 9 and page.ticket.text() == "" and page.suggestion.text() == ""
    assert page.profile["gender"].currentData() is None and page.rows[0].hasFocus()
    assert (page.day.date().toPython(), page.service.currentData()) == (MONDAY, "A")
    assert page.count.text().endswith(": 1")

    type_answers(page, qtbot, GOOD)
    press_enter(page, qtbot, page.ticket)
    assert page.count.text().endswith(": 2") and answer_sets(office) == 2

    with office.read() as s:
        report = skm_report(s, SUPERVISOR, MONDAY, MONDAY, clock=clock)
    figures = report.figures
    assert figures.respondents == 2 and figures.sums == (7,) * 8 + (6,)
    assert figures.nrr == (Fraction(7, 2),) * 8 + (Fraction(3),)
    assert (figures.weighted, figures.ikm_exact) == (Fraction(31, 9), Fraction(775, 9))
    assert (figures.ikm, figures.grade, figures.lowest) == (Decimal("86.11"), Grade.B, (Unsur.U9,))
    assert dict(report.profile["gender"])["female"] == 1 and dict(report.profile["gender"])[None] == 1
    assert dict(report.profile["age"])["21_30"] == 1
    assert [(s.service, s.text) for s in report.suggestions] == [("A", "Ruang tunggu kurang kursi")]
    with office.read() as s:
        tickets = s.execute(select(SkmAnswerSet.channel, SkmAnswerSet.ticket_id.is_not(None))).all()
    assert sorted(tickets) == [("paper", False), ("paper", True)]


def test_bad_input_names_the_problem_and_saves_nothing(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make().entry

    page.day.setDate(QDate(2026, 12, 1))  # tomorrow
    type_answers(page, qtbot, BEST)
    assert refused(page, qtbot) == words.say(InvalidInput("skm.day_future", day=date(2026, 12, 1)))
    assert page.message.text() == words.say(InvalidInput("skm.day_future", day=date(2026, 12, 1)))
    assert page.answers() == BEST  # kept, to be corrected
    page.day.setDate(QDate(2026, 11, 30))

    page.rows[4].clear()
    missing = InvalidInput("skm.answer_missing", unsur="U5", name=Unsur.U5.value)
    assert refused(page, qtbot) == words.say(missing)
    assert "U5" in page.message.text()
    page.rows[4].choose(4)

    page.ticket.setText("A004")  # still waiting
    not_served = IllegalAction("skm.ticket_not_served", ticket="A004", day=MONDAY, status=Status.WAITING)
    assert refused(page, qtbot) == words.say(not_served)
    assert answer_sets(office) == 0 and page.count.text().endswith(": 0")

    page.ticket.setText("A002")
    press_enter(page, qtbot, page.ticket)
    type_answers(page, qtbot, GOOD)
    page.ticket.setText("A002")
    answered = IllegalAction("skm.ticket_answered", ticket="A002", day=MONDAY)
    assert refused(page, qtbot) == words.say(answered)
    assert answer_sets(office) == 1 and page.count.text().endswith(": 1")


def test_the_index_and_a_survey_answered_elsewhere(
    make, office: Database, clock: FixedClock, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        for answers in (BEST, GOOD):
            submit_answers(s, SUPERVISOR, service="A", day=MONDAY, answers=answers, clock=clock,
                           profile=Profile(gender="male"))  # fmt: skip
    tab = make()
    assert (tab.first.date().toPython(), tab.last.date().toPython()) == (date(2026, 11, 1), MONDAY)
    assert (tab.headline.ikm.text(), tab.headline.grade.text(), tab.headline.meaning.text()) == (
        "86,11",
        "B",
        "Baik",
    )
    assert tab.headline.respondents.text().startswith("Responden: 2")
    assert tab.headline.sample_warning.isVisible()
    assert tab.headline.sample_warning.text() == "Sampel belum tercapai: 2 dari 3 responden"
    assert tab.headline.progress.value() == 2 and tab.headline.progress.maximum() == 3
    assert "U9" in tab.headline.lowest.text() and tab.unsur_model.marked == {8}
    unsur = tab.unsur_model
    assert [unsur.text(0, c) for c in range(5)] == ["U1", "Persyaratan", "7", "3,500", "0,389"]
    assert [unsur.text(8, c) for c in (2, 3, 4)] == ["6", "3,000", "0,333"]
    services = tab.services_model
    assert [services.text(0, c) for c in range(1, 7)] == ["2", "3", "3", "86,11", "B", "Baik"]
    gender = tab.profile_models["gender"]
    assert [gender.text(0, c) for c in range(3)] == ["Laki-laki", "2", "100,0"]

    feed = ChangeFeed(office)
    with qtbot.waitSignal(feed.subscribed, timeout=5000):
        feed.subscribe(tab.window().handle_events)  # type: ignore[attr-defined]
    try:
        with qtbot.waitSignal(tab.shown, timeout=10000), office.write() as s:
            submit_answers(s, SUPERVISOR, service="A", day=MONDAY, answers=BEST, clock=clock)
    finally:
        feed.close()
    assert (tab.headline.ikm.text(), tab.headline.grade.text(), tab.headline.meaning.text()) == (
        "90,74",
        "A",
        "Sangat Baik",
    )
    assert not tab.headline.sample_warning.isVisible()
    assert tab.headline.progress.value() == 3


def test_a_viewer_reads_the_index_but_cannot_enter(make, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    tab = make("pemeriksa")
    page = tab.entry
    tab.pages.setCurrentWidget(page)
    assert tab.headline.ikm.text() == "–"  # no respondent yet; the index is read all the same
    assert page.read_only.isVisible() and "supervisor" in page.read_only.text()
    assert not page.fields.isEnabled() and not page.save_button.isEnabled()
    assert not page.rows[0].isEnabled()


def test_the_index_on_screen_exports_as_json_and_xlsx(
    make, office: Database, clock: FixedClock, qtbot: QtBot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        for answers in (BEST, GOOD):
            submit_answers(s, SUPERVISOR, service="A", day=MONDAY, answers=answers, clock=clock)
    tab = make()
    with qtbot.waitSignal(tab.exported, timeout=10000) as signal:
        tab.export(tmp_path / "skm.json", "json")
    assert signal.args[0] == tmp_path / "skm.json"
    data = json.loads((tmp_path / "skm.json").read_text(encoding="utf-8"))
    assert (data["respondents"], data["ikm"], data["grade"], data["population"], data["required_sample"]) == (
        2, 86.11, "B", 3, 3
    )  # fmt: skip
    assert data["period"] == {**data["period"], "from": "2026-11-01", "to": "2026-11-30", "service": None}
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export(tmp_path / "skm.xlsx", "xlsx")
    book = load_workbook(tmp_path / "skm.xlsx")
    assert len(book.sheetnames) == 6
    assert tab.message.text().endswith("skm.xlsx")
    with qtbot.waitSignal(tab.exported, timeout=10000):
        tab.export(tmp_path / "skm.pdf", "pdf")
    text = " ".join(" ".join(page.split()) for page in pdf_pages(tmp_path / "skm.pdf"))
    with office.read() as s:
        name = get_office(s).name
    assert name in text and "86,11" in text and "sampel belum tercapai (2 dari 3 responden minimal)" in text
    with qtbot.waitSignal(tab.exported, timeout=10000) as signal:
        tab.export(tmp_path / "missing" / "skm.json", "json")  # no such folder: said, nothing written
    assert isinstance(signal.args[0], Exception) and tab.message.text() == words.say(signal.args[0])


def test_the_offices_own_question_is_typed_after_the_nine(
    make, office: Database, clock: FixedClock, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    levels = ("Tidak", "Kurang", "Ya", "Sangat")
    questions = [
        QuestionText(q["unsur"], q["text_id"], q["text_en"], tuple(q["levels_id"]), tuple(q["levels_en"]))
        for q in default_questions()
    ] + [QuestionText(None, "Apakah layar antrean jelas?", "Is the queue screen clear?", levels, levels)]
    with office.write() as s:
        edit_questionnaire(s, SYSTEM, questions, clock=clock)
    page = make().entry
    assert len(page.local_rows) == 1 and page.local_rows[0].name.text() == "Apakah layar antrean jelas?"
    type_answers(page, qtbot, GOOD)
    assert page.local_rows[0].hasFocus()  # after U9: the office's question, then the ticket
    qtbot.keyClick(page.local_rows[0], "3")
    assert page.ticket.hasFocus()
    press_enter(page, qtbot, page.ticket)
    with office.read() as s:
        report = skm_report(s, SUPERVISOR, MONDAY, MONDAY, clock=clock)
    assert report.figures.sums == (3,) * 8 + (2,)
    assert [(q.text_id, q.answers, q.sum) for q in report.local] == [("Apakah layar antrean jelas?", 1, 3)]
