"""The satisfaction survey end to end, on SQLite and PostgreSQL: answers in, the index out, hand-computed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from sqlalchemy import func, select

from antrian.domain.errors import IllegalAction, InvalidInput, NotFound, PermissionDenied
from antrian.domain.roles import KIOSK, SYSTEM, Actor, Role
from antrian.domain.skm import Grade, Unsur
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.skm import (
    Profile,
    QuestionText,
    current_questionnaire,
    edit_questionnaire,
    questionnaire,
    skm_report,
    submit_answers,
)
from antrian.store.database import Database
from antrian.store.models import SkmAnswer, SkmAnswerSet
from antrian.store.skm_seed import default_questions
from tests.conftest import MONDAY_9AM
from tests.helpers import raises_code

MONDAY = date(2026, 11, 30)
SUPERVISOR = Actor(Role.SUPERVISOR, None, "kepala")


def _submit(db: Database, clock: FixedClock, answers: list[int | None], **options: object) -> object:
    with db.write() as s:
        kwargs: dict[str, object] = {"service": "A", "day": MONDAY, "answers": answers, "clock": clock}
        kwargs.update(options)
        actor = kwargs.pop("actor", SUPERVISOR)
        return submit_answers(s, actor, **kwargs)  # type: ignore[arg-type]


def _stored(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.execute(select(func.count()).select_from(SkmAnswerSet)).scalar_one(),
            s.execute(select(func.count()).select_from(SkmAnswer)).scalar_one(),
        )


def _report(db: Database, clock: FixedClock, service: str | None = None, actor: Actor = SUPERVISOR):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return skm_report(s, actor, MONDAY, MONDAY, service, clock=clock)


def test_a_new_database_has_the_regulations_questionnaire(office: Database) -> None:
    with office.read() as s:
        form = current_questionnaire(s)
    assert form.version == 1 and not form.frozen
    assert [q.unsur for q in form.questions] == list(Unsur)
    first = form.questions[0]
    assert first.levels_id == ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
    assert first.levels_en == ("Not suitable", "Less suitable", "Suitable", "Very suitable")
    assert form.of(Unsur.U4).levels_id == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert len(default_questions()) == 9


def test_150_respondents_give_the_hand_computed_index(office: Database, clock: FixedClock) -> None:
    """Service A: 40 respondents answer 3 to everything, 60 answer 4 to U1-U8 and 2 to U9; service B: 50
    answer 3 to everything.

    Office (150): NRR U1-U8 = (90x3 + 60x4)/150 = 3.4, U9 = (90x3 + 60x2)/150 = 2.6; weighted =
    (8x3.4 + 2.6)/9 = 29.8/9; IKM = 29.8/9 x 25 = 745/9 = 82.777... -> 82.78, B (Baik); lowest U9.
    A (100): NRR U1-U8 = (40x3 + 60x4)/100 = 3.6, U9 = (120 + 120)/100 = 2.4; IKM = (8x3.6 + 2.4)/9 x 25
    = 780/9 = 86.666... -> 86.67, B. B (50): every NRR 3; IKM 75.00, C (Kurang Baik).
    No visit was finished: population 0, so the required sample is 0 and reached.
    """
    with office.write() as s:
        for service, answers, times in (
            ("A", [3] * 9, 40),
            ("A", [4] * 8 + [2], 60),
            ("B", [3] * 9, 50),
        ):
            for _ in range(times):
                submit_answers(s, SUPERVISOR, service=service, day=MONDAY, answers=answers, clock=clock)
    report = _report(office, clock)
    figures = report.figures
    assert figures.respondents == 150 and figures.incomplete == 0
    assert figures.nrr == (Fraction(17, 5),) * 8 + (Fraction(13, 5),)
    assert figures.weighted == Fraction(149, 45)
    assert figures.ikm_exact == Fraction(745, 9)
    assert (figures.ikm, figures.grade, figures.meaning) == (Decimal("82.78"), Grade.B, "baik")
    assert figures.lowest == (Unsur.U9,)
    assert (figures.population, figures.required_sample, figures.sample_reached) == (0, 0, True)
    by_code = {entry.code: entry.figures for entry in report.services}
    assert set(by_code) == {"A", "B"}
    assert (by_code["A"].respondents, by_code["A"].ikm, by_code["A"].grade) == (
        100,
        Decimal("86.67"),
        Grade.B,
    )
    assert by_code["A"].nrr == (Fraction(18, 5),) * 8 + (Fraction(12, 5),)
    assert (by_code["B"].respondents, by_code["B"].ikm, by_code["B"].grade) == (50, Decimal("75.00"), Grade.C)
    assert by_code["B"].meaning == "kurang_baik"
    only_b = _report(office, clock, "b")
    assert only_b.service == "B" and only_b.figures.ikm == Decimal("75.00")
    assert [entry.code for entry in only_b.services] == ["B"]


def _serve_a_morning(db: Database, clock: FixedClock) -> None:
    """A001 done; B001 done; A002 no-show; A003 started at A, transferred to B and done there (one citizen of
    the office, a visit of B). Population: office 3 (A001, B001, A003), A 1 (A001), B 2 (B001, A003)."""
    operator = Actor(Role.SUPERVISOR, None, "kepala")
    steps = [
        lambda s: counters.open_counter(s, 1, actor=operator, clock=clock),
        lambda s: queue.issue_ticket(s, "A", clock=clock),
        lambda s: queue.issue_ticket(s, "B", clock=clock),
        lambda s: queue.issue_ticket(s, "A", clock=clock),
        lambda s: queue.issue_ticket(s, "A", clock=clock),
    ]
    for _ in range(2):  # A001 and B001, in issue order
        steps += [
            lambda s: queue.call_next(s, 1, actor=operator, clock=clock),
            lambda s: queue.start(s, 1, actor=operator, clock=clock),
            lambda s: queue.finish(s, 1, actor=operator, clock=clock),
        ]
    steps += [
        lambda s: queue.call_next(s, 1, actor=operator, clock=clock),
        lambda s: queue.no_show(s, 1, actor=operator, clock=clock),
        lambda s: queue.call_next(s, 1, actor=operator, clock=clock),
        lambda s: queue.start(s, 1, actor=operator, clock=clock),
        lambda s: queue.transfer(s, 1, "B", actor=operator, clock=clock),
        lambda s: queue.call_next(s, 1, actor=operator, clock=clock),
        lambda s: queue.start(s, 1, actor=operator, clock=clock),
        lambda s: queue.finish(s, 1, actor=operator, clock=clock),
    ]
    for step in steps:
        clock.advance(minutes=1)
        with db.write() as s:
            step(s)


def test_population_and_answers_linked_to_visits(office: Database, clock: FixedClock) -> None:
    _serve_a_morning(office, clock)
    first = _submit(office, clock, [4, 3, 4, 4, 3, 3, 4, 4, 3], ticket="a001")
    assert (first.ticket, first.service, first.complete, first.channel) == ("A001", "A", True, "paper")  # type: ignore[attr-defined]
    _submit(office, clock, [3] * 9, ticket="A003", service="B")
    with raises_code(IllegalAction, "skm.ticket_answered", ticket="A001", day=MONDAY):
        _submit(office, clock, [3] * 9, ticket="A001")
    with raises_code(IllegalAction, "skm.ticket_not_served", ticket="A002", day=MONDAY):
        _submit(office, clock, [3] * 9, ticket="A002")
    with raises_code(InvalidInput, "skm.ticket_other_service", ticket="A001", service="B"):
        _submit(office, clock, [3] * 9, ticket="A001", service="B")
    with raises_code(NotFound, "skm.ticket_unknown", ticket="A009", day=MONDAY):
        _submit(office, clock, [3] * 9, ticket="A009")
    assert _stored(office) == (2, 18)
    report = _report(office, clock)
    # one respondent 32, one 27: IKM = 25 x 59 / 18 = 81.944... -> 81.94, B
    assert (report.figures.respondents, report.figures.ikm) == (2, Decimal("81.94"))
    assert (report.figures.population, report.figures.required_sample) == (3, 3)
    assert not report.figures.sample_reached
    by_code = {entry.code: entry.figures for entry in report.services}
    assert (by_code["A"].population, by_code["A"].respondents, by_code["A"].ikm) == (1, 1, Decimal("88.89"))
    assert (by_code["B"].population, by_code["B"].respondents, by_code["B"].ikm) == (2, 1, Decimal("75.00"))
    with office.read() as s:
        counter_ids = set(s.execute(select(SkmAnswerSet.counter_id)).scalars())
    assert len(counter_ids) == 1 and None not in counter_ids  # the visit's counter, kept but never reported


def _reworded(local: bool = True) -> list[QuestionText]:
    """U9 asked first and reworded, then U1-U8 as they were, and a local question last."""
    questions = [
        QuestionText(q["unsur"], q["text_id"], q["text_en"], tuple(q["levels_id"]), tuple(q["levels_en"]))
        for q in default_questions()
    ]
    u9 = questions.pop()
    questions.insert(
        0,
        QuestionText(
            "U9", "Bagaimana ruang tunggu kami?", "How is our waiting room?", u9.levels_id, u9.levels_en
        ),
    )
    if local:
        levels = ("Tidak", "Kurang", "Ya", "Sangat")
        questions.append(
            QuestionText(None, "Apakah layar antrean jelas?", "Is the queue screen clear?", levels, levels)
        )
    return questions


def test_a_questionnaire_changed_mid_period_counts_both_versions_by_unsur(
    office: Database, clock: FixedClock
) -> None:
    """Version 1: [4,3,4,4,3,3,4,4,3] and all 2s; version 2 (U9 asked first): 1 to U1-U8 and 4 to U9.

    NRR U1 = (4 + 2 + 1)/3 = 7/3; U9 = (3 + 2 + 4)/3 = 3. Every score: 32 + 18 + 12 = 62;
    IKM = 25 x 62 / (9 x 3) = 1550/27 = 57.407... -> 57.41, D (Tidak Baik).
    """
    with office.write() as s:  # not answered yet: changed in place, still version 1
        assert edit_questionnaire(s, SYSTEM, _reworded(local=False), clock=clock).version == 1
    with office.write() as s:
        restored = [
            QuestionText(q["unsur"], q["text_id"], q["text_en"], tuple(q["levels_id"]), tuple(q["levels_en"]))
            for q in default_questions()
        ]
        edit_questionnaire(s, SYSTEM, restored, clock=clock)
    _submit(office, clock, [4, 3, 4, 4, 3, 3, 4, 4, 3])
    _submit(office, clock, [2] * 9)
    with office.write() as s:
        changed = edit_questionnaire(s, SYSTEM, _reworded(), clock=clock)
    assert changed.version == 2 and not changed.frozen
    assert changed.questions[0].unsur is Unsur.U9 and changed.questions[-1].unsur is None
    local = changed.questions[-1].id
    later = _submit(office, clock, [1] * 8 + [4], local={local: 3})
    assert later.version == 2  # type: ignore[attr-defined]
    with office.read() as s:
        old = questionnaire(s, 1)
        assert old.frozen and old.questions[-1].unsur is Unsur.U9  # past answers keep their wording
        assert old.questions[-1].text_id == default_questions()[-1]["text_id"]
    report = _report(office, clock)
    [asked] = report.local  # the local question, apart from the index: one answer, 3
    assert (asked.version, asked.position, asked.text_id, asked.answers, asked.mean) == (
        2,
        10,
        "Apakah layar antrean jelas?",
        1,
        3,
    )
    assert report.versions == (1, 2)  # the questionnaires answered in the period
    figures = report.figures
    assert figures.respondents == 3
    assert figures.nrr is not None
    assert (figures.nrr[0], figures.nrr[8]) == (Fraction(7, 3), Fraction(3))
    assert figures.sums == (7, 6, 7, 7, 6, 6, 7, 7, 9)
    assert (figures.ikm_exact, figures.ikm, figures.grade) == (Fraction(1550, 27), Decimal("57.41"), Grade.D)
    with raises_code(InvalidInput, "skm.local_unknown", question=local + 1000, version=2):
        _submit(office, clock, [3] * 9, local={local + 1000: 3})


def test_an_unfinished_touch_survey_is_kept_and_never_counted(office: Database, clock: FixedClock) -> None:
    _submit(office, clock, [3] * 9)
    unfinished = _submit(
        office,
        clock,
        [4, 4, None, None, None, None, None, None, None],
        actor=KIOSK,
        channel="touch",
        complete=False,
    )
    assert unfinished.complete is False  # type: ignore[attr-defined]
    assert _stored(office) == (2, 11)
    figures = _report(office, clock).figures
    assert (figures.respondents, figures.incomplete, figures.ikm) == (1, 1, Decimal("75.00"))
    with raises_code(InvalidInput, "skm.paper_incomplete"):
        _submit(office, clock, [4, None] + [3] * 7, complete=False)


@pytest.mark.parametrize(
    ("options", "kind", "code", "params"),
    [
        ({"answers": [3] * 8}, InvalidInput, "skm.answer_count", {"given": 8, "wanted": 9}),
        ({"answers": [3] * 10}, InvalidInput, "skm.answer_count", {"given": 10, "wanted": 9}),
        (
            {"answers": [3, 3, 5, 3, 3, 3, 3, 3, 3]},
            InvalidInput,
            "skm.answer_range",
            {"unsur": "U3", "value": 5},
        ),
        (
            {"answers": [3, 3, 3, 3, 3, 3, 3, 3, 0]},
            InvalidInput,
            "skm.answer_range",
            {"unsur": "U9", "value": 0},
        ),
        ({"answers": [3, None] + [3] * 7}, InvalidInput, "skm.answer_missing", {"unsur": "U2"}),
        ({"service": "Z"}, NotFound, "service.unknown", {"service": "Z"}),
        ({"day": date(2026, 12, 1)}, InvalidInput, "skm.day_future", {"day": date(2026, 12, 1)}),
        ({"ticket": "A001"}, NotFound, "skm.ticket_unknown", {"ticket": "A001"}),
        ({"counter": 9}, NotFound, "counter.unknown", {"counter": 9}),
        (
            {"profile": Profile(age="99")},
            InvalidInput,
            "skm.profile_invalid",
            {"field": "age", "value": "99"},
        ),
        ({"channel": "email"}, InvalidInput, "skm.channel", {"channel": "email"}),
        ({"suggestion": "x" * 2001}, InvalidInput, "skm.suggestion_too_long", {"length": 2001}),
        ({"actor": Actor(Role.OPERATOR, None, "petugas1")}, PermissionDenied, "permission.denied", {}),
        ({"actor": KIOSK}, PermissionDenied, "permission.denied_role", {}),
        ({"channel": "touch"}, PermissionDenied, "permission.denied", {"who": "kepala"}),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(
    office: Database,
    clock: FixedClock,
    options: dict[str, object],
    kind: type,
    code: str,
    params: dict[str, object],
) -> None:
    given = dict(options)  # the same dict is each backend's parameter
    with raises_code(kind, code, **params):
        _submit(office, clock, given.pop("answers", [3] * 9), **given)  # type: ignore[arg-type]
    assert _stored(office) == (0, 0)


def test_profile_and_suggestions_are_reported_without_counters(office: Database, clock: FixedClock) -> None:
    _submit(
        office,
        clock,
        [3] * 9,
        profile=Profile("female", "31_40", "d4_s1", "pns"),
        suggestion="  Ruang tunggu perlu kipas angin  ",
    )
    _submit(office, clock, [4] * 9, profile=Profile(gender="male"), counter=2)
    report = _report(office, clock)
    assert dict(report.profile["gender"]) == {"male": 1, "female": 1, None: 0}
    assert dict(report.profile["age"])["31_40"] == 1 and dict(report.profile["age"])[None] == 1
    assert [(s.day, s.service, s.text) for s in report.suggestions] == [
        (MONDAY, "A", "Ruang tunggu perlu kipas angin")
    ]


def test_only_supervisors_and_admins_read_it_and_edit_needs_an_admin(
    office: Database, clock: FixedClock
) -> None:
    with raises_code(PermissionDenied, "permission.denied", who="petugas1"):
        _report(office, clock, actor=Actor(Role.OPERATOR, None, "petugas1"))
    with office.write() as s, raises_code(PermissionDenied, "permission.denied", who="kepala"):
        edit_questionnaire(s, SUPERVISOR, _reworded(), clock=clock)


def test_a_bad_questionnaire_is_refused(office: Database, clock: FixedClock) -> None:
    questions = _reworded(local=False)
    with office.write() as s, raises_code(InvalidInput, "skm.question_unsur_missing", missing=["U9"]):
        edit_questionnaire(s, SYSTEM, questions[1:], clock=clock)
    twice = [*questions, questions[1]]
    with office.write() as s, raises_code(InvalidInput, "skm.question_unsur_twice", unsur="U1"):
        edit_questionnaire(s, SYSTEM, twice, clock=clock)
    short = [QuestionText("U1", "?", "?", ("a", "b", "c"), ("a", "b", "c", "d")), *questions[2:]]
    with office.write() as s, raises_code(InvalidInput, "skm.question_levels", position=1, levels=4):
        edit_questionnaire(s, SYSTEM, short, clock=clock)
    with office.read() as s:
        assert current_questionnaire(s).questions[0].unsur is Unsur.U1  # unchanged


def test_an_empty_period_has_no_index(office: Database) -> None:
    report = _report(office, FixedClock(MONDAY_9AM))
    assert (report.figures.respondents, report.figures.ikm, report.figures.grade) == (0, None, None)
    assert report.services == ()


def test_the_database_refuses_a_second_counted_answer_set_for_one_visit(
    office: Database, clock: FixedClock
) -> None:
    """The safety net under the service's check (two PCs entering the same form at once): a unique index on
    the visit of complete answer sets; unfinished ones may repeat. The store says so (``store.integrity``)."""
    _serve_a_morning(office, clock)
    _submit(office, clock, [3] * 9, ticket="A001")
    with office.read() as s:
        first = s.execute(select(SkmAnswerSet)).scalar_one()
        columns = {
            "version_id": first.version_id,
            "ticket_id": first.ticket_id,
            "service_id": first.service_id,
            "service_day": first.service_day,
            "submitted_at": first.submitted_at,
            "channel": "touch",
        }
    with office.write() as s:
        s.add_all([SkmAnswerSet(complete=False, **columns), SkmAnswerSet(complete=False, **columns)])
    with raises_code(IllegalAction, "store.integrity"), office.write() as s:
        s.add(SkmAnswerSet(complete=True, **columns))
        s.flush()
    assert _stored(office) == (3, 9)
