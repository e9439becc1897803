"""The queue as it runs: tickets, their numbering, the event log, the counters' states, the stations.

Ids of events are assigned by ``store.queue.append_events`` from a locked counter row so that they become
visible in commit order."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from antrian.store.models.base import OPEN_STATUS_CONDITION, Base, BigId


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
