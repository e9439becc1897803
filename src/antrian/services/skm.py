"""The citizen satisfaction survey (SKM, Permenpan RB 14/2017): the questionnaire, the answers, the index.

The questionnaire is versioned. A version some answer set answered is frozen: editing it makes a new
version, and every answer set keeps the version it answered, so the results of the past never change. The
index counts each answer by the unsur of its question, so a period spanning two versions adds up both.

An answer set is one respondent: the nine unsur answered 1-4 (a complete set), after a visit (the ticket,
when known: its service, counter and service day), on the touch screen at the counter (``touch``, by the
kiosk role) or from a paper form (``paper``, by a supervisor or admin). A touch survey left unfinished is
stored as incomplete and never counted. Answers are never reported per counter or operator.

**Population** (the citizens served in the period, for the required sample): the finished visits, counted
once per ticket label and service day, so a citizen transferred and served at two services counts once in
the office's population and once in each service's. **Respondents**: the complete answer sets of the
period's service days (of the service, for a service).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import Session

from antrian.domain.errors import IllegalAction, InvalidInput, NotFound
from antrian.domain.roles import Actor, Permission
from antrian.domain.skm import (
    HIGHEST,
    LOWEST,
    PROFILE_CHOICES,
    UNSUR,
    UNSUR_CODES,
    Index,
    Unsur,
    check_answers,
    index_of,
    required_sample,
)
from antrian.domain.status import Status
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.lookup import counter_by_number, service_by_code
from antrian.services.office import get_office, log_settings_changed
from antrian.services.queries import today
from antrian.store.models import (
    Service,
    SkmAnswer,
    SkmAnswerSet,
    SkmQuestion,
    SkmVersion,
    Ticket,
)
from antrian.store.queue import append_events
from antrian.store.schema import SET_UP_COMMAND

CHANNELS = ("touch", "paper")
TEXT_LIMIT = 300  # the questions' columns
LEVEL_LIMIT = 100
SUGGESTION_LIMIT = 2000
LEVELS = HIGHEST - LOWEST + 1


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    position: int
    unsur: Unsur | None  # None: a local question of the office, not counted in the index
    text_id: str
    text_en: str
    levels_id: tuple[str, ...]
    levels_en: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "unsur": self.unsur.code if self.unsur else None,
            "text_id": self.text_id,
            "text_en": self.text_en,
            "levels_id": list(self.levels_id),
            "levels_en": list(self.levels_en),
        }


@dataclass(frozen=True, slots=True)
class Questionnaire:
    version: int
    created_at: datetime
    frozen: bool  # answered by some answer set: an edit makes a new version
    questions: tuple[Question, ...]

    def of(self, unsur: Unsur) -> Question:
        return next(q for q in self.questions if q.unsur is unsur)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "created_at": self.created_at.isoformat(),
            "frozen": self.frozen,
            "questions": [q.to_json() for q in self.questions],
        }


@dataclass(frozen=True, slots=True)
class QuestionText:
    """A question as an admin writes it: ``unsur`` "U1"-"U9", or None for a local question."""

    unsur: str | None
    text_id: str
    text_en: str
    levels_id: tuple[str, ...]
    levels_en: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    """The optional respondent profile (codes of ``domain.skm.PROFILE_CHOICES``; None: not given)."""

    gender: str | None = None
    age: str | None = None
    education: str | None = None
    occupation: str | None = None


@dataclass(frozen=True, slots=True)
class Submitted:
    id: int
    version: int
    service: str
    day: date
    complete: bool
    channel: str
    ticket: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "service": self.service,
            "date": self.day.isoformat(),
            "complete": self.complete,
            "channel": self.channel,
            "ticket": self.ticket,
        }


@dataclass(frozen=True, slots=True)
class SkmFigures(Index):
    """The index of one set of respondents (the office's, or one service's; ``domain.skm.Index``: exact NRR
    and weighted NRR, the IKM rounded once, its grade, the lowest unsur), with what it was measured on: the
    unfinished surveys left out, the population and its required sample."""

    incomplete: int
    population: int
    required_sample: int

    @property
    def meaning(self) -> str | None:
        return None if self.grade is None else self.grade.meaning

    @property
    def sample_reached(self) -> bool:
        return self.respondents >= self.required_sample


@dataclass(frozen=True, slots=True)
class ServiceSkm:
    code: str
    name: str
    figures: SkmFigures


@dataclass(frozen=True, slots=True)
class Suggestion:
    day: date
    service: str
    text: str


@dataclass(frozen=True, slots=True)
class LocalResult:
    """A local question of the office (not in the index): its version and place, wording, the answers it
    had in the period and their sum (their mean is exact)."""

    version: int
    position: int
    text_id: str
    text_en: str
    answers: int
    sum: int

    @property
    def mean(self) -> Fraction:
        return Fraction(self.sum, self.answers)


@dataclass(frozen=True, slots=True)
class SkmReport:
    """The SKM of the service days ``start``-``end`` (of ``service`` only, when given): the office's figures,
    each service's, the profile of the respondents (per field, each code's count in the choices' order, then
    those who did not say, as None), the suggestions, and the questionnaire versions the counted answer sets
    answered."""

    start: date
    end: date
    service: str | None
    made_at: datetime
    timezone: str
    figures: SkmFigures
    services: tuple[ServiceSkm, ...]
    profile: Mapping[str, tuple[tuple[str | None, int], ...]]
    suggestions: tuple[Suggestion, ...]
    local: tuple[LocalResult, ...] = ()
    versions: tuple[int, ...] = ()


def current_questionnaire(session: Session) -> Questionnaire:
    """The version new answers go to (the newest)."""
    version = session.execute(select(func.max(SkmVersion.id))).scalar_one()
    if version is None:
        raise NotFound("skm.no_questionnaire", command=SET_UP_COMMAND)
    return questionnaire(session, version)


def questionnaire(session: Session, version: int) -> Questionnaire:
    row = session.get(SkmVersion, version)
    if row is None:
        raise NotFound("skm.version_unknown", version=version)
    questions = session.execute(
        select(SkmQuestion).where(SkmQuestion.version_id == version).order_by(SkmQuestion.position)
    ).scalars()
    answered = session.execute(
        select(SkmAnswerSet.id).where(SkmAnswerSet.version_id == version).limit(1)
    ).first()
    return Questionnaire(
        row.id,
        row.created_at,
        answered is not None,
        tuple(
            Question(
                q.id,
                q.position,
                Unsur[q.unsur] if q.unsur else None,
                q.text_id,
                q.text_en,
                tuple(q.levels_id),
                tuple(q.levels_en),
            )
            for q in questions
        ),
    )


def _check_questions(questions: Sequence[QuestionText]) -> None:
    seen: set[str] = set()
    for position, question in enumerate(questions, start=1):
        if question.unsur is not None:
            if question.unsur not in UNSUR_CODES:
                raise InvalidInput("skm.question_unsur", position=position, unsur=question.unsur)
            if question.unsur in seen:
                raise InvalidInput("skm.question_unsur_twice", unsur=question.unsur)
            seen.add(question.unsur)
        for text, limit in [(question.text_id, TEXT_LIMIT), (question.text_en, TEXT_LIMIT)] + [
            (level, LEVEL_LIMIT) for level in (*question.levels_id, *question.levels_en)
        ]:
            if not text.strip() or len(text) > limit or not text.isprintable():
                raise InvalidInput("skm.question_text", position=position, limit=limit)
        if len(question.levels_id) != LEVELS or len(question.levels_en) != LEVELS:
            raise InvalidInput("skm.question_levels", position=position, levels=LEVELS)
    missing = [code for code in UNSUR_CODES if code not in seen]
    if missing:
        raise InvalidInput("skm.question_unsur_missing", missing=missing)


def edit_questionnaire(
    session: Session, actor: Actor, questions: Sequence[QuestionText], *, clock: Clock = system_clock
) -> Questionnaire:
    """Replace the questions (the nine unsur once each, in any order, and local questions).

    The current version is changed in place while nobody answered it; once answered it is frozen and the
    edit makes a new version (past answer sets keep theirs).
    """
    actor.require(Permission.MANAGE)
    _check_questions(questions)
    current = current_questionnaire(session)
    if current.frozen:
        row = SkmVersion(created_at=require_utc(clock()), created_by=actor.user_id)
        session.add(row)
        session.flush()
        version = row.id
    else:
        version = current.version
        session.execute(delete(SkmQuestion).where(SkmQuestion.version_id == version))
    session.add_all(
        SkmQuestion(
            version_id=version,
            position=position,
            unsur=q.unsur,
            text_id=q.text_id.strip(),
            text_en=q.text_en.strip(),
            levels_id=[level.strip() for level in q.levels_id],
            levels_en=[level.strip() for level in q.levels_en],
        )
        for position, q in enumerate(questions, start=1)
    )
    session.flush()
    log_settings_changed(session, actor, clock, skm_version=version)
    return questionnaire(session, version)


def _check_profile(profile: Profile) -> None:
    for field, choices in PROFILE_CHOICES.items():
        value = getattr(profile, field)
        if value is not None and value not in choices:
            raise InvalidInput("skm.profile_invalid", field=field, value=value, choices=list(choices))


def submit_answers(
    session: Session,
    actor: Actor,
    *,
    service: str,
    day: date,
    answers: Sequence[int | None],
    channel: str = "paper",
    ticket: str | None = None,
    counter: int | None = None,
    profile: Profile = Profile(),  # frozen: one default shared safely
    suggestion: str | None = None,
    local: Mapping[int, int] | None = None,
    complete: bool = True,
    clock: Clock = system_clock,
) -> Submitted:
    """Save one respondent's answers: ``answers`` to the nine unsur in U1-U9 order of the current version
    (``complete=False``, for a touch survey left unfinished: None where not answered; stored, never
    counted), ``local`` answers to its local questions by question id.

    Everything is checked before anything is written: the answers (nine, each 1-4), the service's code, the
    day (not after today), the ticket's label (a finished visit of that service that day, not answered
    before), the counter, the profile's codes, the suggestion's length.

    Raises:
        InvalidInput / NotFound: what is wrong, named (the codes ``skm.*``, ``service.unknown``, ...).
        PermissionDenied: paper forms are entered by a supervisor or admin; touch answers come from the
            kiosk role at the counter.
    """
    if channel not in CHANNELS:
        raise InvalidInput("skm.channel", channel=channel, choices=list(CHANNELS))
    actor.require(Permission.SKM_TOUCH if channel == "touch" else Permission.SKM_ENTRY)
    if not complete and channel != "touch":
        raise InvalidInput("skm.paper_incomplete")
    check_answers(answers, complete=complete)
    _check_profile(profile)
    if suggestion is not None:
        suggestion = suggestion.strip() or None
        if suggestion is not None and len(suggestion) > SUGGESTION_LIMIT:
            raise InvalidInput("skm.suggestion_too_long", length=len(suggestion), limit=SUGGESTION_LIMIT)
    found = service_by_code(session, service.strip().upper())
    now = require_utc(clock())
    if day > today(session, clock):
        raise InvalidInput("skm.day_future", day=day)
    counter_id = counter_by_number(session, counter).id if counter is not None else None
    ticket_row = None
    if ticket is not None:
        ticket_row = _served_ticket(session, found, day, ticket.strip().upper())
        counter_id = counter_id if counter_id is not None else ticket_row.counter_id
    form = current_questionnaire(session)
    extra = dict(local or {})
    local_ids = {q.id for q in form.questions if q.unsur is None}
    for question_id, value in extra.items():
        if question_id not in local_ids:
            raise InvalidInput("skm.local_unknown", question=question_id, version=form.version)
        if not LOWEST <= value <= HIGHEST:
            raise InvalidInput("skm.local_range", question=question_id, value=value, low=LOWEST, high=HIGHEST)
    row = SkmAnswerSet(
        version_id=form.version,
        ticket_id=ticket_row.id if ticket_row is not None else None,
        service_id=found.id,
        counter_id=counter_id,
        service_day=day,
        submitted_at=now,
        complete=complete,
        channel=channel,
        gender=profile.gender,
        age_band=profile.age,
        education=profile.education,
        occupation=profile.occupation,
        suggestion=suggestion,
        entered_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    values = [
        (form.of(unsur).id, value) for unsur, value in zip(UNSUR, answers, strict=True) if value is not None
    ]
    values += list(extra.items())
    session.add_all(SkmAnswer(set_id=row.id, question_id=q, value=v) for q, v in values)
    session.flush()
    # the change feed's doorbell for windows showing the index; not tied to the ticket, so the ticket's
    # history (which the log page shows) says nothing of its citizen's answers
    append_events(
        session,
        [
            {
                "at": now,
                "kind": "survey_answered",
                "service_id": found.id,
                "user_id": actor.user_id,
                "data": {"set": row.id, "complete": complete, "channel": channel},
            }
        ],
    )
    return Submitted(
        row.id, form.version, found.code, day, complete, channel, ticket_row.label if ticket_row else None
    )


def _served_ticket(session: Session, service: Service, day: date, label: str) -> Ticket:
    rows = list(
        session.execute(
            select(Ticket).where(Ticket.service_day == day, Ticket.label == label).order_by(Ticket.id)
        ).scalars()
    )
    if not rows:
        raise NotFound("skm.ticket_unknown", ticket=label, day=day)
    visit = next((t for t in rows if t.service_id == service.id), None)
    if visit is None:
        raise InvalidInput("skm.ticket_other_service", ticket=label, day=day, service=service.code)
    if visit.status != Status.DONE:
        raise IllegalAction("skm.ticket_not_served", ticket=label, day=day, status=Status(visit.status))
    answered = session.execute(
        select(SkmAnswerSet.id).where(SkmAnswerSet.ticket_id == visit.id, SkmAnswerSet.complete)
    ).first()
    if answered is not None:
        raise IllegalAction("skm.ticket_answered", ticket=label, day=day)
    return visit


def skm_report(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    service: str | None = None,
    *,
    clock: Clock = system_clock,
) -> SkmReport:
    """The SKM of the service days ``start``-``end`` (see the module's notes for what is counted)."""
    actor.require(Permission.REPORTS)
    if end < start:
        raise InvalidInput("skm.period_reversed", start=start, end=end)
    only = service_by_code(session, service.strip().upper()) if service else None
    in_period = and_(
        SkmAnswerSet.service_day >= start,
        SkmAnswerSet.service_day <= end,
        *([SkmAnswerSet.service_id == only.id] if only else []),
    )
    sums: dict[int, dict[str, int]] = {}
    for service_id, unsur, total in session.execute(
        select(SkmAnswerSet.service_id, SkmQuestion.unsur, func.sum(SkmAnswer.value))
        .join(SkmAnswer, SkmAnswer.set_id == SkmAnswerSet.id)
        .join(SkmQuestion, SkmQuestion.id == SkmAnswer.question_id)
        .where(in_period, SkmAnswerSet.complete, SkmQuestion.unsur.is_not(None))
        .group_by(SkmAnswerSet.service_id, SkmQuestion.unsur)
    ):
        sums.setdefault(service_id, {})[unsur] = int(total)
    counts: dict[tuple[int, bool], int] = {
        (service_id, bool(complete)): int(n)
        for service_id, complete, n in session.execute(
            select(SkmAnswerSet.service_id, SkmAnswerSet.complete, func.count())
            .where(in_period)
            .group_by(SkmAnswerSet.service_id, SkmAnswerSet.complete)
        )
    }
    visits = (
        select(Ticket.service_id, Ticket.service_day, Ticket.label)
        .where(
            Ticket.status == Status.DONE.value,
            Ticket.service_day >= start,
            Ticket.service_day <= end,
            *([Ticket.service_id == only.id] if only else []),
        )
        .distinct()
        .subquery()
    )
    served = {
        service_id: int(n)
        for service_id, n in session.execute(
            select(visits.c.service_id, func.count()).group_by(visits.c.service_id)
        )
    }
    citizens = (
        select(visits.c.service_day, visits.c.label).distinct().subquery()
    )  # a citizen served at two services is one citizen of the office
    office_population = int(session.execute(select(func.count()).select_from(citizens)).scalar_one())

    ids = set(served) | {service_id for service_id, _complete in counts}
    services = session.execute(
        select(Service.id, Service.code, Service.name)
        .where(Service.id.in_(ids))
        .order_by(Service.display_order, Service.code)
    ).all()
    per_service = tuple(
        ServiceSkm(
            code,
            name,
            _figures(
                counts.get((service_id, True), 0),
                counts.get((service_id, False), 0),
                sums.get(service_id, {}),
                served.get(service_id, 0),
            ),
        )
        for service_id, code, name in services
    )
    office_sums: dict[str, int] = {}
    for by_unsur in sums.values():
        for unsur, total in by_unsur.items():
            office_sums[unsur] = office_sums.get(unsur, 0) + total
    figures = _figures(
        sum(n for (_s, complete), n in counts.items() if complete),
        sum(n for (_s, complete), n in counts.items() if not complete),
        office_sums,
        office_population,
    )
    office = get_office(session)
    return SkmReport(
        start,
        end,
        only.code if only else None,
        require_utc(clock()),
        office.timezone,
        figures,
        per_service,
        _profile(session, in_period),
        _suggestions(session, in_period),
        _local(session, in_period),
        _versions(session, in_period),
    )


def _figures(respondents: int, incomplete: int, sums: Mapping[str, int], population: int) -> SkmFigures:
    index = index_of(respondents, [sums.get(code, 0) for code in UNSUR_CODES])
    return SkmFigures(
        **{field.name: getattr(index, field.name) for field in fields(index)},
        incomplete=incomplete,
        population=population,
        required_sample=required_sample(population),
    )


_PROFILE_COLUMNS = {
    "gender": SkmAnswerSet.gender,
    "age": SkmAnswerSet.age_band,
    "education": SkmAnswerSet.education,
    "occupation": SkmAnswerSet.occupation,
}


def _profile(session: Session, in_period: Any) -> dict[str, tuple[tuple[str | None, int], ...]]:
    tables: dict[str, tuple[tuple[str | None, int], ...]] = {}
    for field, column in _PROFILE_COLUMNS.items():
        counted = {
            value: int(n)
            for value, n in session.execute(
                select(column, func.count()).where(in_period, SkmAnswerSet.complete).group_by(column)
            )
        }
        order: list[str | None] = [*PROFILE_CHOICES[field], None]
        # a code this version does not know (stored by a newer one) is still counted, after the known ones
        order[-1:-1] = sorted(str(v) for v in counted if v is not None and v not in PROFILE_CHOICES[field])
        tables[field] = tuple((value, counted.get(value, 0)) for value in order)
    return tables


def _suggestions(session: Session, in_period: Any) -> tuple[Suggestion, ...]:
    rows = session.execute(
        select(SkmAnswerSet.service_day, Service.code, SkmAnswerSet.suggestion)
        .join(Service, Service.id == SkmAnswerSet.service_id)
        .where(in_period, SkmAnswerSet.complete, SkmAnswerSet.suggestion.is_not(None))
        .order_by(SkmAnswerSet.service_day, SkmAnswerSet.id)
    )
    return tuple(Suggestion(day, code, text) for day, code, text in rows)


def _versions(session: Session, in_period: Any) -> tuple[int, ...]:
    rows = session.execute(
        select(SkmAnswerSet.version_id)
        .where(in_period, SkmAnswerSet.complete)
        .distinct()
        .order_by(SkmAnswerSet.version_id)
    )
    return tuple(int(version) for version in rows.scalars())


def _local(session: Session, in_period: Any) -> tuple[LocalResult, ...]:
    rows = session.execute(
        select(
            SkmQuestion.version_id,
            SkmQuestion.position,
            SkmQuestion.text_id,
            SkmQuestion.text_en,
            func.count(),
            func.sum(SkmAnswer.value),
        )
        .join(SkmAnswer, SkmAnswer.question_id == SkmQuestion.id)
        .join(SkmAnswerSet, SkmAnswerSet.id == SkmAnswer.set_id)
        .where(in_period, SkmAnswerSet.complete, SkmQuestion.unsur.is_(None))
        .group_by(
            SkmQuestion.id,
            SkmQuestion.version_id,
            SkmQuestion.position,
            SkmQuestion.text_id,
            SkmQuestion.text_en,
        )
        .order_by(SkmQuestion.version_id, SkmQuestion.position)
    )
    return tuple(
        LocalResult(version, position, text_id, text_en, int(n), int(total))
        for version, position, text_id, text_en, n, total in rows
    )
