"""The survey's touch window, offscreen, on SQLite and PostgreSQL: invited by its counter's finished ticket,
nine unsur answered by touch, the answers read back through the report; back and next, the idle timeout,
a refusal said in its sentence, English wording."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian import words
from antrian.domain.roles import KIOSK, SYSTEM
from antrian.gui import i18n
from antrian.gui.survey.pages import IDLE, INVITE, PROBLEM, SERVICES, STEP, THANKS
from antrian.gui.survey.window import SurveyWindow
from antrian.gui.tasks import TaskRunner
from antrian.services import counters, queue
from antrian.services.queries import events_after, last_event_id, today
from antrian.services.skm import (
    QuestionText,
    Submitted,
    current_questionnaire,
    edit_questionnaire,
    skm_report,
    submit_answers,
)
from antrian.store.database import Database
from antrian.store.models import Counter, SkmAnswerSet, Ticket
from antrian.store.skm_seed import default_questions

ANSWERS = [4, 3, 2, 1, 4, 3, 2, 1, 4]
Make = Callable[..., SurveyWindow]


@pytest.fixture
def make(qtbot: QtBot, office: Database) -> Iterator[Make]:
    """Makes survey windows on the office (both databases), shown at a tablet's 1280x800."""
    runner = TaskRunner()

    def make_window(
        counter: int | None = 1, width: int = 1280, height: int = 800, **kwargs: int
    ) -> SurveyWindow:
        window = SurveyWindow(office, lambda w, d: runner.submit(w, d, d), counter=counter, **kwargs)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitUntil(lambda: window.idle_page.office.text() != "", timeout=5000)  # the office read
        return window

    yield make_window
    runner.wait()


def serve(db: Database, counter: int, code: str = "A") -> list:  # type: ignore[type-arg]
    """Issue a ticket of ``code`` and serve it to the end at ``counter``; the events that made."""
    with db.read() as s:
        before = last_event_id(s)
    with db.write() as s:
        queue.issue_ticket(s, code)
        counters.open_counter(s, counter, actor=SYSTEM)
    with db.write() as s:
        queue.call_next(s, counter, actor=SYSTEM)
    with db.write() as s:
        queue.start(s, counter, actor=SYSTEM)
    with db.write() as s:
        queue.finish(s, counter, actor=SYSTEM)
    with db.read() as s:
        return events_after(s, before)


def invited(window: SurveyWindow, qtbot: QtBot, db: Database, counter: int = 1) -> str:
    with qtbot.waitSignal(window.invited, timeout=3000) as signal:
        window.handle_events(serve(db, counter))
    return str(signal.args[0])


def tap(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def answer(window: SurveyWindow, qtbot: QtBot, values: list[int]) -> None:
    """Touch each value's level, then Next."""
    for value in values:
        tap(qtbot, window.step.levels[value - 1])
        assert window.step.next.isEnabled()
        tap(qtbot, window.step.next)


def report(db: Database):  # type: ignore[no-untyped-def]
    with db.read() as s:
        day = today(s)
        return skm_report(s, SYSTEM, day, day)


def test_the_invitation_comes_for_its_own_counters_finish_only(
    make: Make, office: Database, qtbot: QtBot
) -> None:
    window = make(counter=1)
    assert window.pages.currentIndex() == IDLE
    assert "loket 1" in window.idle_page.detail.text()
    shown: list[str] = []
    window.invited.connect(shown.append)
    window.handle_events(serve(office, 2))
    QApplication.processEvents()
    assert shown == [] and window.pages.currentIndex() == IDLE, "counter 2's citizen is not this window's"
    assert invited(window, qtbot, office, 1) == "A002"
    assert window.pages.currentIndex() == INVITE
    assert window.invite.title.text() == "Bagaimana pelayanan kami untuk A002?"
    assert window.invite.skip.text() == "Lewati"
    tap(qtbot, window.invite.skip)
    assert window.pages.currentIndex() == IDLE


def test_nine_unsur_answered_land_as_one_complete_set_of_the_ticket(
    make: Make, office: Database, qtbot: QtBot
) -> None:
    window = make(counter=1, thanks_ms=200)
    label = invited(window, qtbot, office)
    tap(qtbot, window.invite.start)
    assert window.pages.currentIndex() == STEP
    assert window.step.progress.text() == "1 / 9" and not window.step.next.isEnabled()
    answer(window, qtbot, ANSWERS[:2])
    assert window.step.progress.text() == "3 / 9"
    answer(window, qtbot, ANSWERS[2:])
    assert window.survey is not None and window.survey.step.field == "gender"
    assert window.step.next.text() == "Lewati"
    tap(qtbot, window.step.choices["female"])
    assert window.step.next.text() == "Lanjut"
    for _ in range(4):  # gender chosen; age, education and occupation skipped
        tap(qtbot, window.step.next)
    window.step.suggestion.setPlainText("Kursi tunggu ditambah")
    assert window.step.next.text() == "Kirim"
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        tap(qtbot, window.step.next)
    result = saved.args[0]
    assert isinstance(result, Submitted), result
    assert (result.complete, result.channel, result.ticket, result.service) == (True, "touch", label, "A")
    assert window.pages.currentIndex() == THANKS
    qtbot.waitUntil(lambda: window.pages.currentIndex() == IDLE, timeout=3000)
    figures = report(office).figures
    assert (figures.respondents, figures.incomplete) == (1, 0)
    assert figures.sums == tuple(ANSWERS)
    assert report(office).profile["gender"][1] == ("female", 1)
    assert [s.text for s in report(office).suggestions] == ["Kursi tunggu ditambah"]
    with office.read() as s:
        row = s.execute(select(SkmAnswerSet)).scalar_one()
        ticket = s.get_one(Ticket, row.ticket_id)
        counter = s.get_one(Counter, row.counter_id)
        assert (ticket.label, counter.number, row.age_band, row.channel) == (label, 1, None, "touch")


def test_back_keeps_the_earlier_answers(make: Make, office: Database, qtbot: QtBot) -> None:
    window = make()
    invited(window, qtbot, office)
    tap(qtbot, window.invite.start)
    answer(window, qtbot, [2, 4])
    assert window.step.progress.text() == "3 / 9" and not window.step.next.isEnabled()
    tap(qtbot, window.step.back)
    assert window.step.progress.text() == "2 / 9"
    assert [b.isChecked() for b in window.step.levels] == [False, False, False, True]
    tap(qtbot, window.step.back)
    assert [b.isChecked() for b in window.step.levels] == [False, True, False, False]
    tap(qtbot, window.step.levels[0])  # changed on the way back
    tap(qtbot, window.step.next)
    tap(qtbot, window.step.next)
    assert window.step.progress.text() == "3 / 9"
    assert window.survey is not None and window.survey.values()[:3] == [1, 4, None]


def test_left_untouched_the_answers_are_kept_incomplete_and_not_counted(
    make: Make, office: Database, qtbot: QtBot
) -> None:
    window = make(idle_ms=400)
    label = invited(window, qtbot, office)
    tap(qtbot, window.invite.start)
    answer(window, qtbot, [4, 4])
    tap(qtbot, window.step.levels[1])  # U3 answered, Next not touched
    newer: list[str] = []
    window.invited.connect(newer.append)
    window.handle_events(serve(office, 1))  # the next citizen's ticket finished meanwhile
    assert window.pages.currentIndex() == STEP, "the citizen answering is not interrupted"
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        pass
    result = saved.args[0]
    assert isinstance(result, Submitted) and not result.complete and result.ticket == label
    assert newer == ["A002"] and window.pages.currentIndex() == INVITE, "then the waiting one is invited"
    figures = report(office).figures
    assert (figures.respondents, figures.incomplete) == (0, 1)
    with office.read() as s:
        row = s.execute(select(SkmAnswerSet)).scalar_one()
        assert row.complete is False
    qtbot.waitUntil(lambda: window.pages.currentIndex() == IDLE, timeout=3000)  # nobody took it either


def test_a_ticket_answered_before_is_refused_in_its_sentence(
    make: Make, office: Database, qtbot: QtBot
) -> None:
    window = make()
    label = invited(window, qtbot, office)
    with office.write() as s:
        submit_answers(
            s, KIOSK, service="A", day=today(s), answers=[3] * 9, channel="touch", ticket=label, counter=1
        )
    tap(qtbot, window.invite.start)
    answer(window, qtbot, ANSWERS)
    for _ in range(4):
        tap(qtbot, window.step.next)
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        tap(qtbot, window.step.next)
    assert window.pages.currentIndex() == PROBLEM
    error = saved.args[0]
    assert error.code == "skm.ticket_answered"
    assert window.problem.message.text() == words.say(error)
    assert f"Nomor antrean {label}" in window.problem.message.text()
    assert window.problem.retry.isHidden(), "trying again cannot help"
    assert report(office).figures.respondents == 1


def test_the_waiting_room_survey_asks_the_service_and_has_no_ticket(
    make: Make, office: Database, qtbot: QtBot
) -> None:
    window = make(counter=None)
    tap(qtbot, window.idle_page.start)
    assert window.pages.currentIndex() == SERVICES
    assert list(window.services.buttons) == ["A", "B", "C"]
    tap(qtbot, window.services.buttons["B"])
    answer(window, qtbot, [3] * 9)
    for _ in range(4):
        tap(qtbot, window.step.next)
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        tap(qtbot, window.step.next)
    result = saved.args[0]
    assert isinstance(result, Submitted) and (result.service, result.ticket) == ("B", None)
    assert [(s.code, s.figures.respondents) for s in report(office).services] == [("B", 1)]


def test_english_shows_the_questionnaires_english_wording(make: Make, office: Database, qtbot: QtBot) -> None:
    i18n.set_language("en")
    window = make()
    invited(window, qtbot, office)
    assert window.invite.title.text() == "How was our service for A001?"
    tap(qtbot, window.invite.start)
    with office.read() as s:
        first = current_questionnaire(s).questions[0]
    assert window.step.prompt.text() == first.text_en != first.text_id
    assert [b.words.text() for b in window.step.levels] == list(first.levels_en)
    assert window.step.tag.text() == "U1 · Requirements"
    i18n.set_language("id")  # the open window follows
    QApplication.processEvents()
    assert window.step.prompt.text() == first.text_id
    assert [b.words.text() for b in window.step.levels] == list(first.levels_id)
    assert window.step.next.text() == "Lanjut"


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1080, 1920)])
def test_touch_targets_and_text_sizes(
    make: Make, office: Database, qtbot: QtBot, width: int, height: int
) -> None:
    window = make(width=width, height=height)
    invited(window, qtbot, office)
    tap(qtbot, window.invite.start)
    QApplication.processEvents()
    for button in (*window.step.levels, window.step.back, window.step.next):
        box = button.geometry().translated(button.mapTo(window, button.rect().topLeft()) - button.pos())
        assert button.height() >= 60 and window.rect().contains(box), (button.objectName(), box)
    for level in window.step.levels:
        assert level.words.font().pixelSize() >= 24
        words_width = level.words.fontMetrics().horizontalAdvance(max(level.words.text().split(), key=len))
        assert words_width <= level.words.width()
    assert window.step.prompt.font().pixelSize() >= 28
    assert window.invite.start.height() >= 60


def test_the_offices_local_questions_follow_the_nine_and_are_kept_apart(
    make: Make, office: Database, qtbot: QtBot
) -> None:
    questions = [
        QuestionText(q["unsur"], q["text_id"], q["text_en"], tuple(q["levels_id"]), tuple(q["levels_en"]))
        for q in default_questions()
    ]
    local = QuestionText(
        None,
        "Bagaimana kebersihan ruang tunggu?",
        "How clean is the waiting room?",
        ("Kotor", "Kurang bersih", "Bersih", "Sangat bersih"),
        ("Dirty", "Not very clean", "Clean", "Very clean"),
    )
    with office.write() as s:
        edit_questionnaire(s, SYSTEM, [*questions, local])
    window = make(thanks_ms=100)
    invited(window, qtbot, office)
    tap(qtbot, window.invite.start)
    answer(window, qtbot, ANSWERS)
    assert window.step.progress.text() == "10 / 10"
    assert window.step.tag.text() == "Pertanyaan tambahan"
    assert window.step.prompt.text() == local.text_id
    assert [b.words.text() for b in window.step.levels] == list(local.levels_id)
    assert not window.step.next.isEnabled()
    answer(window, qtbot, [2])
    for _ in range(4):
        tap(qtbot, window.step.next)
    with qtbot.waitSignal(window.saved, timeout=5000) as saved:
        tap(qtbot, window.step.next)
    assert isinstance(saved.args[0], Submitted)
    result = report(office)
    assert result.figures.sums == tuple(ANSWERS), "the local answer is not in the index"
    assert [(q.text_id, q.answers, q.sum) for q in result.local] == [(local.text_id, 1, 2)]
