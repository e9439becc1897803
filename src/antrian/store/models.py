"""The database schema as SQLAlchemy 2 typed mappings.

Instants are stored as UTC; a service day is the office's local date. Ids of events are assigned by
``store.queue.append_events`` from a locked counter row so that they become visible in commit order.
"""

from datetime import UTC, date, datetime, time
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The open statuses of domain.status.OPEN_STATUSES, as the partial index and the queries that must use it
# spell them: SQLite matches the index only when the query's condition is written the same way.
OPEN_STATUS_CONDITION = "status IN ('waiting', 'called', 'serving', 'held')"

# SQLite only aliases the rowid for a column declared exactly INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both backends (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC instant is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 (read once by SQLAlchemy)


class Office(Base):
    """The office profile and office-wide queue rules: a single row with id 1."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    label_width: Mapped[int] = mapped_column(Integer, default=3)
    priority_interleave: Mapped[int] = mapped_column(Integer, default=0)
    recall_limit: Mapped[int] = mapped_column(Integer, default=3)
    running_text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("label_width BETWEEN 1 AND 6", name="label_width"),
        CheckConstraint("priority_interleave >= 0", name="interleave"),
    )


class Setting(Base):
    """Office-wide options of the windows (display, voice, ...), one JSON value per key."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Zone(Base):
    """An agency or zone of a Mal Pelayanan Publik (DUKCAPIL, PAJAK ...): it groups services and counters, so
    that a kiosk or display PC can be limited to its zones and reports filtered by zone. A counter of a zone
    serves only services of that zone (``services.zones``); a counter without a zone may serve any."""

    __tablename__ = "zones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    display_order: Mapped[int] = mapped_column(Integer, default=0)


class Service(Base):
    __tablename__ = "services"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(3), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    daily_quota: Mapped[int | None] = mapped_column(Integer)
    opens_at: Mapped[time | None] = mapped_column(Time)
    closes_at: Mapped[time | None] = mapped_column(Time)
    # ISO weekdays the service is open, "1" Monday ... "7" Sunday.
    open_days: Mapped[str] = mapped_column(String(7), default="12345")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    display_order: Mapped[int] = mapped_column(Integer, default=0)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"), index=True)

    __table_args__ = (CheckConstraint("daily_quota IS NULL OR daily_quota > 0", name="quota"),)


class ServiceStandard(Base):
    """One entry of a service's published standard: its time (value and unit) and waiting target, in force
    from ``effective_from`` (a service day) until the next entry's; the decree that set it. The history is
    the only place a standard lives: readers ask ``services.standards`` for the entry in force on a day."""

    __tablename__ = "service_standards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    effective_from: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16))
    waiting_target_minutes: Mapped[int | None] = mapped_column(Integer)
    decree: Mapped[str | None] = mapped_column(String(200))
    set_at: Mapped[datetime]
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        # one entry per service and day; its index also serves every lookup by service
        UniqueConstraint("service_id", "effective_from"),
        CheckConstraint("value > 0", name="value"),
        CheckConstraint("unit IN ('minutes', 'hours', 'working_days')", name="unit"),
        CheckConstraint(
            "waiting_target_minutes IS NULL OR waiting_target_minutes > 0", name="waiting_target"
        ),
    )


class Counter(Base):
    __tablename__ = "counters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"), index=True)


class CounterService(Base):
    """Which services a counter serves, in the order the counter lists them."""

    __tablename__ = "counter_services"

    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    # a first or reset password: the windows ask for a new one at the next login
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (CheckConstraint("role IN ('admin', 'supervisor', 'operator', 'viewer')", name="role"),)


class AuditRecord(Base):
    """The audit: who (user id, username and role as they were), when, from which PC, did or tried what.

    Append-only: no service changes or deletes a row (``store.audit`` only inserts). Kept apart from
    ``events`` (the queue's log and the windows' change feed): audit rows wake no window, are read by
    people over months, and carry the old and new values of a change.
    """

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: the record outlives any change
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    pc: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200), default="")
    old: Mapped[Any] = mapped_column(JSON, nullable=True)
    new: Mapped[Any] = mapped_column(JSON, nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (Index("ix_audit_at", "at"),)


class Ticket(Base):
    """One visit of a citizen to one service.

    A transfer closes the ticket and opens a new row for the next service with the same label and
    ``parent_id`` pointing at the first row, so the log keeps one record per service visited.
    ``place_at`` orders the queue: the original issue instant, kept across transfers.
    """

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    service_day: Mapped[date] = mapped_column(Date)
    sequence: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(12))
    priority_group: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    place_at: Mapped[datetime]
    issued_at: Mapped[datetime]
    first_called_at: Mapped[datetime | None]
    last_called_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    parent_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tickets.id"))

    __table_args__ = (
        # The safety net under the numbering counter: a number is issued once per service and day.
        Index(
            "uq_tickets_number",
            "service_id",
            "service_day",
            "sequence",
            unique=True,
            sqlite_where=text("parent_id IS NULL"),
            postgresql_where=text("parent_id IS NULL"),
        ),
        # Call-next reads only the waiting rows of today: a partial index keeps it independent of history.
        Index(
            "ix_tickets_waiting",
            "service_day",
            "service_id",
            "place_at",
            sqlite_where=text("status = 'waiting'"),
            postgresql_where=text("status = 'waiting'"),
        ),
        Index(
            "ix_tickets_open",
            "service_day",
            sqlite_where=text(OPEN_STATUS_CONDITION),
            postgresql_where=text(OPEN_STATUS_CONDITION),
        ),
        Index("ix_tickets_day_label", "service_day", "label"),
        Index("ix_tickets_parent", "parent_id"),
        # The log page's issue order over a long period: walked in order, service_day read from the index.
        Index("ix_tickets_issued_order", "issued_at", "id", "service_day"),
    )


class ReportDay(Base):
    """The figures of a closed service day's visits to one service, of one group (priority or normal), for
    reports of long periods (``services.rollups``). Durations are sorted whole microseconds (int64,
    little-endian), so merged days give exact percentiles; ``figures`` holds the counts (JSON)."""

    __tablename__ = "report_days"

    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    priority: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    waiting: Mapped[bytes] = mapped_column(LargeBinary)
    walk: Mapped[bytes] = mapped_column(LargeBinary)
    service: Mapped[bytes] = mapped_column(LargeBinary)
    stay: Mapped[bytes] = mapped_column(LargeBinary)
    hour_waiting: Mapped[bytes] = mapped_column(LargeBinary)


class ReportDayState(Base):
    """A closed service day whose ``ReportDay`` rows are built: how many tickets it had then (checked on
    every read) and the day's figures that are not per service (JSON)."""

    __tablename__ = "report_day_states"

    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    tickets: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class TicketNumber(Base):
    """The last number issued per service and service day (numbering restarts daily for free)."""

    __tablename__ = "ticket_numbers"

    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class EventSequence(Base):
    """One row holding the last event id; writers lock it last, so ids commit in order."""

    __tablename__ = "event_sequence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class Event(Base):
    """The append-only log: who did what, where and when."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(40))
    ticket_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tickets.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    # the report reads the counters' events of a period by kind and instant
    __table_args__ = (Index("ix_events_ticket", "ticket_id"), Index("ix_events_kind_at", "kind", "at"))


class CounterState(Base):
    """What a counter is doing now."""

    __tablename__ = "counter_states"

    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[str] = mapped_column(String(8), default="closed")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    current_ticket_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tickets.id"))
    pause_reason: Mapped[str | None] = mapped_column(String(200))
    since: Mapped[datetime | None]
    # Normal calls since this counter last called a priority ticket (priority interleave).
    normal_streak: Mapped[int] = mapped_column(Integer, default=0)
    # Counts every operation on the counter; part of the counter panel's token, so that a view made stale by
    # a sequence of actions that ends where it started (call, then no-show) is still seen as stale.
    version: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))

    __table_args__ = (CheckConstraint("state IN ('open', 'paused', 'closed')", name="state"),)


class Station(Base):
    """A display or kiosk PC as it last reported itself: when, and what stops it doing its job (a problem
    ``Message`` as code and parameters; none when it works). ``changed_at`` is when the problem last changed;
    ``last_seen`` moves with every report, heartbeats included."""

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    last_seen: Mapped[datetime]
    problem: Mapped[str | None] = mapped_column(String(80))
    problem_params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    changed_at: Mapped[datetime]

    __table_args__ = (
        UniqueConstraint("kind", "name"),
        CheckConstraint("kind IN ('display', 'kiosk')", name="kind"),
    )


class Holiday(Base):
    """A public holiday (or another day the office is closed): the kiosk issues nothing, no counter opens."""

    __tablename__ = "holidays"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


class OfficeBreak(Base):
    """A recurring break of the whole office on one ISO weekday (1 = Monday), ``starts_at`` up to
    ``ends_at``: the kiosk issues nothing meanwhile and the display shows its notice."""

    __tablename__ = "breaks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, index=True)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    name: Mapped[str] = mapped_column(String(120))

    __table_args__ = (
        CheckConstraint("weekday BETWEEN 1 AND 7", name="weekday"),
        CheckConstraint("starts_at < ends_at", name="span"),
    )


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


__all__ = [
    "EVENTS_TABLE",
    "OFFICE_TABLE",
    "SERVICES_TABLE",
    "STANDARDS_TABLE",
    "TICKETS_TABLE",
    "Base",
    "Counter",
    "CounterService",
    "CounterState",
    "Event",
    "EventSequence",
    "Holiday",
    "Office",
    "OfficeBreak",
    "ReportDay",
    "ReportDayState",
    "Service",
    "ServiceStandard",
    "Setting",
    "SkmAnswer",
    "SkmAnswerSet",
    "SkmQuestion",
    "SkmVersion",
    "Station",
    "Ticket",
    "TicketNumber",
    "UTCDateTime",
    "User",
    "Zone",
]


# The tables themselves, for Core statements on hot paths (typed as Table rather than FromClause).
OFFICE_TABLE = cast(Table, Office.__table__)
SERVICES_TABLE = cast(Table, Service.__table__)
TICKETS_TABLE = cast(Table, Ticket.__table__)
EVENTS_TABLE = cast(Table, Event.__table__)
STANDARDS_TABLE = cast(Table, ServiceStandard.__table__)
AUDIT_TABLE = cast(Table, AuditRecord.__table__)
