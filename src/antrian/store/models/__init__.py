"""The database schema as SQLAlchemy 2 typed mappings, one module a topic; all of them are imported here, so
that ``Base.metadata`` holds every table.

Instants are stored as UTC; a service day is the office's local date. Ids of events are assigned by
``store.queue.append_events`` from a locked counter row so that they become visible in commit order.
"""

from typing import cast

from sqlalchemy import Table

from antrian.store.models.base import OPEN_STATUS_CONDITION, Base, BigId, UTCDateTime
from antrian.store.models.queue import CounterState, Event, EventSequence, Station, Ticket, TicketNumber
from antrian.store.models.reports import ReportDay, ReportDayState
from antrian.store.models.setup import (
    AuditRecord,
    Counter,
    CounterService,
    Holiday,
    Office,
    OfficeBreak,
    Service,
    ServiceStandard,
    Setting,
    User,
    Zone,
)
from antrian.store.models.skm import SkmAnswer, SkmAnswerSet, SkmQuestion, SkmVersion

# The tables themselves, for Core statements on hot paths (typed as Table rather than FromClause).
OFFICE_TABLE = cast(Table, Office.__table__)
SERVICES_TABLE = cast(Table, Service.__table__)
TICKETS_TABLE = cast(Table, Ticket.__table__)
EVENTS_TABLE = cast(Table, Event.__table__)
STANDARDS_TABLE = cast(Table, ServiceStandard.__table__)
AUDIT_TABLE = cast(Table, AuditRecord.__table__)

__all__ = [
    "AUDIT_TABLE",
    "EVENTS_TABLE",
    "OFFICE_TABLE",
    "OPEN_STATUS_CONDITION",
    "SERVICES_TABLE",
    "STANDARDS_TABLE",
    "TICKETS_TABLE",
    "AuditRecord",
    "Base",
    "BigId",
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
