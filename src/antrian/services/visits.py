"""The ticket visits of the service-time log as Core rows: one statement shape and one row mapping, shared by
the compliance report (every visit of a period) and the log page (a filtered, sorted page at a time).

No ORM objects are built: a year of tickets streams through as tuples, ``BATCH`` rows per round trip.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Select, and_, select
from sqlalchemy.orm import Session, aliased

from antrian.domain.counter_time import CounterEvent, CounterEventKind
from antrian.domain.figures import Visit
from antrian.domain.status import Status
from antrian.store.models import Counter, Event, Service, Ticket, User

# Rows fetched from the database per round trip: a year of tickets streams through without a full buffer.
BATCH = 10_000

# The citizen's first visit of a transferred-in visit, joined by ``visit_select`` (its stay starts there).
PARENT = aliased(Ticket, name="parent")


def visit_select() -> Select[Any]:
    """The columns ``visit_from_row`` reads, with their joins; callers add their own filter and order."""
    parent = PARENT
    return (
        select(
            Ticket.id,
            Ticket.label,
            Service.code,
            Ticket.service_day,
            Ticket.issued_at,
            Ticket.first_called_at,
            Ticket.started_at,
            Ticket.finished_at,
            Ticket.status,
            Counter.number,
            User.username,
            Ticket.priority_group,
            Ticket.parent_id,
            parent.issued_at,
        )
        .join(Service, Service.id == Ticket.service_id)
        .outerjoin(Counter, Counter.id == Ticket.counter_id)
        .outerjoin(User, User.id == Ticket.operator_id)
        .outerjoin(parent, parent.id == Ticket.parent_id)
    )


def visits_of_days(
    session: Session,
    start: date,
    end: date,
    service: str | None = None,
    services: Collection[str] | None = None,
) -> Iterator[Visit]:
    """The ticket visits of the service days ``start`` .. ``end`` (of the service ``service``, of the
    ``services`` (codes), when given), in issue order, one Core row at a time."""
    statement = visit_select().where(Ticket.service_day.between(start, end))
    if service is not None:
        statement = statement.where(Service.code == service)
    if services is not None:
        statement = statement.where(Service.code.in_(sorted(services)))
    statement = statement.order_by(Ticket.id).execution_options(yield_per=BATCH)
    with session.execute(statement) as result:  # closed (its server-side cursor too) when left early
        for row in result:
            yield visit_from_row(row)


def visit_from_row(row: Row[Any]) -> Visit:
    """The ``Visit`` of one row of ``visit_select``."""
    (id_, label, code, day, issued, called, started, finished, status, counter, operator, group, parent,
     parent_issued) = row  # fmt: skip
    return Visit(
        id=id_,
        label=label,
        service=code,
        day=day,
        issued=issued,
        first_called=called,
        started=started,
        finished=finished,
        status=Status(status),
        counter=counter,
        operator=operator,
        priority=group,
        parent=parent,
        first_issued=issued if parent_issued is None else parent_issued,
    )


# The events of a counter's session, as counters.py records them (reopening after a pause is an opening).
_COUNTER_KINDS = {
    "counter_opened": CounterEventKind.OPENED,
    "counter_paused": CounterEventKind.PAUSED,
    "counter_closed": CounterEventKind.CLOSED,
}


def counter_events_of_days(
    session: Session, start: date, end: date, zone: ZoneInfo
) -> Iterator[CounterEvent]:
    """The openings, pauses and closings of every counter on the service days ``start`` .. ``end`` (from the
    first day's office-local midnight up to the one after the last day)."""
    first = datetime.combine(start, time(), zone).astimezone(UTC)
    after = datetime.combine(end + timedelta(days=1), time(), zone).astimezone(UTC)
    statement = (
        select(Event.at, Counter.number, Event.kind, User.username, Event.data)
        .join(Counter, Counter.id == Event.counter_id)
        .outerjoin(User, User.id == Event.user_id)
        .where(and_(Event.at >= first, Event.at < after, Event.kind.in_(_COUNTER_KINDS)))
        .order_by(Event.id)
        .execution_options(yield_per=BATCH)
    )
    for at, number, kind, username, data in session.execute(statement).tuples():
        reason = data.get("reason") if isinstance(data, dict) else None
        yield CounterEvent(at, number, _COUNTER_KINDS[kind], username, reason)
