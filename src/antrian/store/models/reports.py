"""The figures of closed service days, kept for reports of long periods (``services.rollups``)."""

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
)
from sqlalchemy.orm import Mapped, mapped_column

from antrian.store.models.base import Base


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
