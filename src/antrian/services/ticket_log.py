"""The service-time log: every ticket visit of a period, filtered and sorted in the database, one keyset page
at a time, and a ticket's events on demand (DESIGN.md, "Service-time log").

Rows are ``visit_select`` rows turned into ``domain.figures.Visit``; their derived times are the Visit's own.
Sorting and the "over standard" filter need the same times in SQL: ``store.spans`` gives them as exact
microseconds, so equal times tie and ties fall to the ticket id. Rows without a value in the sort column (a
ticket never called has no waiting) come last in both directions. Paging never uses OFFSET: a page ends with
a ``LogKey`` (its last row's sort value and id) and the next page starts after it, so scrolling to the end of
a year costs each page the same.
"""

from __future__ import annotations

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
    or_,
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
from antrian.store.models import Counter, Event, Service, Ticket, User
from antrian.store.spans import microseconds_between


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
class LogKey:
    """Where a page ended: the sort value of its last row (as the database gave it) and that row's id."""

    value: Any
    id: int


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


@dataclass(frozen=True, slots=True)
class LogPage:
    """Up to ``limit`` rows, and the key to continue after (None: this was the last page)."""

    rows: tuple[LogRow, ...]
    next: LogKey | None


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


def _filtered(session: Session, where: LogFilter, over: ColumnElement[Any]) -> Select[Any]:
    if where.start > where.end:
        raise InvalidInput("report.period_reversed", start=where.start.isoformat(), end=where.end.isoformat())
    statement = visit_select().where(Ticket.service_day.between(where.start, where.end))
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
    return statement


def _after(expression: SQLColumnExpression[Any], sort: LogSort, key: LogKey) -> ColumnElement[bool]:
    """The rows after ``key`` in the order (value IS NULL, value asc|desc, id)."""
    later_id = Ticket.id > key.id
    if key.value is None:
        return and_(expression.is_(None), later_id)
    beyond = expression < key.value if sort.descending else expression > key.value
    if sort.column in _NEVER_EMPTY:
        return or_(beyond, and_(expression == key.value, later_id))
    return or_(beyond, and_(expression == key.value, later_id), expression.is_(None))


def log_page(
    session: Session,
    where: LogFilter,
    sort: LogSort = DEFAULT_SORT,
    after: LogKey | None = None,
    limit: int = 200,
    *,
    actor: Actor,
    standard_for: StandardFor,
) -> LogPage:
    """The next ``limit`` rows of the log after ``after`` (from the first row with None).

    Raises:
        PermissionDenied: ``actor`` may not read reports (operators).
        InvalidInput: the period is reversed.
        NotFound: the filter's service is no service's code.
    """
    actor.require(Permission.REPORTS)
    if limit < 1:
        raise ValueError("a page holds at least one row")
    over = _over(_limits(session, standard_for))
    expression = _sort_expression(sort.column, over)
    # Two reads: the page's ids and sort values from the filtered tickets alone (PostgreSQL drops the outer
    # joins no filter or sort needs), then the rows of those ids; one joined read was 2-3 times slower.
    statement = _filtered(session, where, over).with_only_columns(Ticket.id, expression)
    if after is not None:
        statement = statement.where(_after(expression, sort, after))
    ordered = expression.desc() if sort.descending else expression.asc()
    if sort.column not in _NEVER_EMPTY:
        statement = statement.order_by(case((expression.is_(None), 1), else_=0))
    statement = statement.order_by(ordered, Ticket.id).limit(limit + 1)
    found = session.execute(statement).all()
    ids = [ticket_id for ticket_id, _ in found[:limit]]
    visits = {
        row[0]: visit_from_row(row) for row in session.execute(visit_select().where(Ticket.id.in_(ids)))
    }
    rows = tuple(_row(visits[ticket_id], standard_for) for ticket_id in ids)
    last = found[limit - 1] if len(found) > limit else None
    return LogPage(rows, None if last is None else LogKey(last[1], last[0]))


def log_count(session: Session, where: LogFilter, *, actor: Actor, standard_for: StandardFor) -> int:
    """How many rows the log of ``where`` has (the same rules as ``log_page``)."""
    actor.require(Permission.REPORTS)
    over = _over(_limits(session, standard_for))
    filtered = _filtered(session, where, over).with_only_columns(Ticket.id).subquery()
    return session.execute(select(func.count()).select_from(filtered)).scalar_one()


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
