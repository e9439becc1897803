"""The SKM report of a period: the index (IKM) of the office and of each service, the population and the
required sample, the respondents' profile, the suggestions, the local questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import Actor, Permission
from antrian.domain.skm import (
    PROFILE_CHOICES,
    UNSUR_CODES,
    Index,
    index_of,
    required_sample,
)
from antrian.domain.status import Status
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.lookup import service_by_code
from antrian.services.office import get_office
from antrian.store.models import (
    Service,
    SkmAnswer,
    SkmAnswerSet,
    SkmQuestion,
    Ticket,
)


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
