"""The service-time log: every ticket visit of a period, filtered and sorted in the database, and a ticket's
events on demand (DESIGN.md, "Service-time log").

A filter and an order are read once as a ``LogSnapshot``: the ordered visit ids alone, one narrow query that
joins only what the filter or the sort needs. Its length is the count; each page is then a slice of it whose
rows ``log_rows`` reads by primary key, so the last page of a year costs what the first does. Tickets issued
after the snapshot appear when it is read again (a new filter or order).

Rows are ``visit_select`` rows turned into ``domain.figures.Visit``; their derived times are the Visit's own.
Sorting and the "over standard" filter need the same times in SQL: ``store.spans`` gives them as exact
microseconds, so equal times tie and ties fall to the ticket id. Rows without a value in the sort column (a
ticket never called has no waiting) come last in both directions.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    case,
    func,
    literal,
    null,
    select,
)
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.figures import StandardFor, Visit
from antrian.domain.roles import Actor, Permission
from antrian.domain.status import Status
from antrian.services.lookup import service_by_code
from antrian.services.standards import histories
from antrian.services.visits import PARENT, visit_from_row, visit_select
from antrian.store.dialect import sort_in_memory
from antrian.store.models import Counter, Event, Service, Ticket, User
from antrian.store.spans import microseconds_between, unindexed

# Ids fetched per round trip while a snapshot is read.
_ID_BATCH = 50_000
# From this many days on, an issue-order snapshot walks the index on (issued_at, id, service_day) rather than
# the service days' index and a sort (SQLite's planner, without statistics, would pick the day index).
_LONG_PERIOD = 62


class LogColumn(StrEnum):
    """The columns of the log, each sortable."""

    LABEL = "label"
    SERVICE = "service"
    DAY = "day"
    ISSUED = "issued"
    CALLED = "called"
    STARTED = "started"
    FINISHED = "finished"
    WAITING = "waiting"
    WALK = "walk"
    SERVICE_TIME = "service_time"
    STAY = "stay"
    COUNTER = "counter"
    OPERATOR = "operator"
    PRIORITY = "priority"
    STATUS = "status"
    OVER_STANDARD = "over_standard"


# Columns every visit has a value in: their order needs no "empty last" term, which keeps the database from
# walking an index in that order.
_NEVER_EMPTY = frozenset(
    {
        LogColumn.LABEL,
        LogColumn.SERVICE,
        LogColumn.DAY,
        LogColumn.ISSUED,
        LogColumn.STATUS,
        LogColumn.OVER_STANDARD,
    }
)


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Which visits the log shows: the service days ``start`` .. ``end`` and, when set, one service code,
    counter number, operator username, status, priority (True) or normal (False) tickets, and tickets over
    (True) or not over (False) their day's standard."""

    start: date
    end: date
    service: str | None = None
    counter: int | None = None
    operator: str | None = None
    status: Status | None = None
    priority: bool | None = None
    over_standard: bool | None = None


@dataclass(frozen=True, slots=True)
class LogSort:
    column: LogColumn = LogColumn.ISSUED
    descending: bool = False


DEFAULT_SORT = LogSort()


@dataclass(frozen=True, slots=True)
class LogRow:
    """One visit of the log. Times are the Visit's (None where DOMAIN.md defines none); ``over_standard`` is
    True for a served visit whose service time passes the standard in force on its service day."""

    visit: Visit
    waiting: timedelta | None
    walk: timedelta | None
    service_time: timedelta | None
    stay: timedelta | None
    over_standard: bool


@dataclass(frozen=True, slots=True, eq=False)
class LogSnapshot:
    """The log of ``where`` in the order ``sort`` as it stood when read: the ordered visit ids, eight bytes
    each (a year of 1.5 million tickets is 12 MB). Its length is the count; a page is a slice of ``ids``."""

    where: LogFilter
    sort: LogSort
    ids: array[int]

    def __len__(self) -> int:
        return len(self.ids)

    def page(self, start: int, size: int) -> array[int]:
        """The ids of the rows ``start`` .. ``start + size - 1`` (fewer at the end)."""
        return self.ids[start : start + size]


@dataclass(frozen=True, slots=True)
class TicketEvent:
    """One event of a ticket: when, what (an event kind such as ``ticket_called``), where and by whom."""

    id: int
    at: datetime
    kind: str
    counter: int | None
    service: str | None
    user: str | None
    data: dict[str, Any]


def _limits(session: Session, standard_for: StandardFor) -> ColumnElement[Any]:
    """The longest service time within the standard in force on each ticket's service day, in microseconds
    (NULL: no standard, or one in working days). The history's entries give the days a standard changes on;
    ``standard_for`` gives the standard of each stretch, as it does for the report."""
    codes = dict(session.execute(select(Service.id, Service.code)).tuples().all())
    whens: list[tuple[ColumnElement[bool], Any]] = []
    for service_id, entries in histories(session).items():
        for entry, following in zip(entries, [*entries[1:], None], strict=True):
            standard = standard_for(codes[service_id], entry.effective_from)
            limit = None if standard is None else standard.limit
            value = null() if limit is None else literal(limit // timedelta(microseconds=1))
            condition = Ticket.service_id == service_id
            if following is not None:
                condition = and_(condition, Ticket.service_day < following.effective_from)
            whens.append((condition, value))
    return case(*whens, else_=null()) if whens else null()


def _service_micro() -> ColumnElement[Any]:
    return case(
        (Ticket.status == Status.DONE.value, microseconds_between(Ticket.started_at, Ticket.finished_at))
    )


def _over(limit: ColumnElement[Any]) -> ColumnElement[Any]:
    service = _service_micro()
    return case((and_(limit.is_not(None), service > limit), 1), else_=0)


def _sort_expression(column: LogColumn, over: ColumnElement[Any]) -> SQLColumnExpression[Any]:
    first_issued = func.coalesce(PARENT.issued_at, Ticket.issued_at)
    expressions: dict[LogColumn, SQLColumnExpression[Any]] = {
        LogColumn.LABEL: Ticket.label,
        LogColumn.SERVICE: Service.code,
        LogColumn.DAY: Ticket.service_day,
        LogColumn.ISSUED: Ticket.issued_at,
        LogColumn.CALLED: Ticket.first_called_at,
        LogColumn.STARTED: Ticket.started_at,
        LogColumn.FINISHED: Ticket.finished_at,
        LogColumn.WAITING: microseconds_between(Ticket.issued_at, Ticket.first_called_at),
        LogColumn.WALK: microseconds_between(Ticket.first_called_at, Ticket.started_at),
        LogColumn.SERVICE_TIME: _service_micro(),
        LogColumn.STAY: case(
            (Ticket.status == Status.DONE.value, microseconds_between(first_issued, Ticket.finished_at))
        ),
        LogColumn.COUNTER: Counter.number,
        LogColumn.OPERATOR: User.username,
        LogColumn.PRIORITY: Ticket.priority_group,
        LogColumn.STATUS: Ticket.status,
        LogColumn.OVER_STANDARD: over,
    }
    return expressions[column]


def _ordered_ids(session: Session, where: LogFilter, sort: LogSort, over: ColumnElement[Any]) -> Select[Any]:
    """The ids of the filter's visits in the log's order, joining only the tables the filter or the sort
    needs."""
    if where.start > where.end:
        raise InvalidInput("report.period_reversed", start=where.start.isoformat(), end=where.end.isoformat())
    column = sort.column
    day: SQLColumnExpression[Any] = Ticket.service_day
    if column is LogColumn.ISSUED and (where.end - where.start).days >= _LONG_PERIOD:
        day = unindexed(Ticket.service_day)  # a long period: walk the issue-order index, no sort at all
    statement = select(Ticket.id).where(day.between(where.start, where.end))
    if column is LogColumn.SERVICE:
        statement = statement.join(Service, Service.id == Ticket.service_id)
    if where.counter is not None or column is LogColumn.COUNTER:
        statement = statement.outerjoin(Counter, Counter.id == Ticket.counter_id)
    if where.operator is not None or column is LogColumn.OPERATOR:
        statement = statement.outerjoin(User, User.id == Ticket.operator_id)
    if column is LogColumn.STAY:
        statement = statement.outerjoin(PARENT, PARENT.id == Ticket.parent_id)
    if where.service is not None:
        statement = statement.where(Ticket.service_id == service_by_code(session, where.service).id)
    if where.counter is not None:
        statement = statement.where(Counter.number == where.counter)
    if where.operator is not None:
        statement = statement.where(User.username == where.operator)
    if where.status is not None:
        statement = statement.where(Ticket.status == where.status.value)
    if where.priority is not None:
        group = Ticket.priority_group
        statement = statement.where(group.is_not(None) if where.priority else group.is_(None))
    if where.over_standard is not None:
        statement = statement.where(over == (1 if where.over_standard else 0))
    expression = _sort_expression(column, over)
    ordered = expression.desc() if sort.descending else expression.asc()
    if column not in _NEVER_EMPTY:
        ordered = ordered.nulls_last()
    return statement.order_by(ordered, Ticket.id)


def log_snapshot(
    session: Session,
    where: LogFilter,
    sort: LogSort = DEFAULT_SORT,
    *,
    actor: Actor,
    standard_for: StandardFor,
) -> LogSnapshot:
    """The ids of the log of ``where`` in the order ``sort``, read at once: its length is the count, and
    ``log_rows`` reads the rows of any slice of it.

    Raises:
        PermissionDenied: ``actor`` may not read reports (operators).
        InvalidInput: the period is reversed.
        NotFound: the filter's service is no service's code.
    """
    actor.require(Permission.REPORTS)
    over = _over(_limits(session, standard_for))
    statement = _ordered_ids(session, where, sort, over)
    connection = session.connection()
    sort_in_memory(connection)  # a year's ids, in this transaction only
    # The ids straight from the DBAPI cursor: they need no conversion, and a Row object for each of 1.5
    # million would cost a second more than the query.
    ids = array("q")
    result = connection.execute(statement)
    try:
        while found := result.cursor.fetchmany(_ID_BATCH):
            ids.extend(ticket_id for (ticket_id,) in found)
    finally:
        result.close()
    return LogSnapshot(where, sort, ids)


def log_rows(
    session: Session, ids: Sequence[int], *, actor: Actor, standard_for: StandardFor
) -> tuple[LogRow, ...]:
    """The rows of the visits ``ids`` (a page of a ``LogSnapshot``), in that order; an id no visit has any
    more is left out.

    Raises:
        PermissionDenied: ``actor`` may not read reports (operators).
    """
    actor.require(Permission.REPORTS)
    if not ids:
        return ()
    statement = visit_select().where(Ticket.id.in_(list(ids)))
    visits = {row[0]: visit_from_row(row) for row in session.execute(statement)}
    return tuple(_row(visits[ticket_id], standard_for) for ticket_id in ids if ticket_id in visits)


def _row(visit: Visit, standard_for: StandardFor) -> LogRow:
    standard = standard_for(visit.service, visit.day)
    limit = None if standard is None else standard.limit
    taken = visit.service_time
    return LogRow(
        visit=visit,
        waiting=visit.waiting,
        walk=visit.walk,
        service_time=taken,
        stay=visit.stay,
        over_standard=limit is not None and taken is not None and taken > limit,
    )


def ticket_events(session: Session, ticket_id: int, *, actor: Actor) -> list[TicketEvent]:
    """The events of one ticket visit, oldest first (none for an unknown id)."""
    actor.require(Permission.REPORTS)
    statement = (
        select(Event.id, Event.at, Event.kind, Counter.number, Service.code, User.username, Event.data)
        .outerjoin(Counter, Counter.id == Event.counter_id)
        .outerjoin(Service, Service.id == Event.service_id)
        .outerjoin(User, User.id == Event.user_id)
        .where(Event.ticket_id == ticket_id)
        .order_by(Event.id)
    )
    return [
        TicketEvent(id_, at, kind, counter, code, user, data if isinstance(data, dict) else {})
        for id_, at, kind, counter, code, user, data in session.execute(statement).tuples()
    ]
