"""The office as set up: its profile and settings, zones, services and their standards, counters, users,
the audit of their changes, holidays and breaks."""

from datetime import date, datetime, time
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
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from antrian.store.models.base import Base, BigId


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
