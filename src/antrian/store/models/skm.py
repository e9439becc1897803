"""The citizen satisfaction survey (SKM): the questionnaire's versions and questions, the answers."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from antrian.store.models.base import Base, BigId


class SkmVersion(Base):
    """A version of the SKM questionnaire. A version some answer set answered is frozen (derived: the answer
    sets refer to it); editing it then makes a new version, so past results never change."""

    __tablename__ = "skm_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SkmQuestion(Base):
    """One question of a version, in ``position`` order: one of the nine unsur (``unsur`` U1-U9, counted in
    the index) or a local question of the office (``unsur`` NULL, reported apart). Its wording and the
    wording of its four answer levels (1-4) in Indonesian and English (JSON lists of four)."""

    __tablename__ = "skm_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("skm_versions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    unsur: Mapped[str | None] = mapped_column(String(2))
    text_id: Mapped[str] = mapped_column(String(300))
    text_en: Mapped[str] = mapped_column(String(300))
    levels_id: Mapped[list[str]] = mapped_column(JSON)
    levels_en: Mapped[list[str]] = mapped_column(JSON)

    __table_args__ = (
        UniqueConstraint("version_id", "position"),
        CheckConstraint(
            "unsur IS NULL OR unsur IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9')", name="unsur"
        ),
    )


class SkmAnswerSet(Base):
    """One respondent's answers: to which version, after which visit (the ticket, when known; its service,
    counter and service day), when, how (``touch`` at the counter or ``paper`` entered later), complete or
    not (an incomplete set is kept but never counted), the optional profile and suggestion."""

    __tablename__ = "skm_answer_sets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("skm_versions.id"))
    ticket_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tickets.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    service_day: Mapped[date] = mapped_column(Date)
    submitted_at: Mapped[datetime]
    complete: Mapped[bool] = mapped_column(Boolean)
    channel: Mapped[str] = mapped_column(String(8))
    gender: Mapped[str | None] = mapped_column(String(16))
    age_band: Mapped[str | None] = mapped_column(String(16))
    education: Mapped[str | None] = mapped_column(String(16))
    occupation: Mapped[str | None] = mapped_column(String(16))
    suggestion: Mapped[str | None] = mapped_column(Text)
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        CheckConstraint("channel IN ('touch', 'paper')", name="channel"),
        Index("ix_skm_answer_sets_day", "service_day", "service_id"),
        # one counted answer set per visit (the service checks first; this is the safety net under it)
        Index(
            "uq_skm_answer_sets_ticket",
            "ticket_id",
            unique=True,
            sqlite_where=text("complete"),
            postgresql_where=text("complete"),
        ),
        Index("ix_skm_answer_sets_version", "version_id"),
    )


class SkmAnswer(Base):
    """One answer (1-4) of an answer set to one question of its version."""

    __tablename__ = "skm_answers"

    set_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("skm_answer_sets.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("skm_questions.id"), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("value BETWEEN 1 AND 4", name="value"),)


@event.listens_for(SkmQuestion.__table__, "after_create")
def _seed_questionnaire(_table: Table, connection: Any, **_kw: Any) -> None:
    """A new database starts with the regulation's questionnaire, as a migrated one does (0012_skm)."""
    from antrian.store.skm_seed import seed_questionnaire

    seed_questionnaire(connection)
