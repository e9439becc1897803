"""The SKM questionnaire: its versions (a version some answer set answered is frozen) and its editing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput, NotFound
from antrian.domain.roles import Actor, Permission
from antrian.domain.skm import (
    HIGHEST,
    LOWEST,
    UNSUR_CODES,
    Unsur,
)
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.office import log_settings_changed
from antrian.store.models import (
    SkmAnswerSet,
    SkmQuestion,
    SkmVersion,
)
from antrian.store.schema import SET_UP_COMMAND

TEXT_LIMIT = 300  # the questions' columns
LEVEL_LIMIT = 100
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
