"""Issuing a ticket: the next number of a service, in one definition for every caller.

``issue_ticket`` runs in the caller's Session; ``issue_ticket_in`` in a transaction of its own, which on
SQLite runs on the driver itself (``store.issue``). Both go through ``_issue`` on a ``store.issue``
writer, so the checks, the numbering rule and the statements are the same.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Session

from antrian.domain.errors import ServiceUnavailable
from antrian.domain.hours import DayCalendar, closed_reason
from antrian.domain.labels import format_label, validate_code
from antrian.domain.priority import parse_group
from antrian.domain.roles import KIOSK, Actor, Permission
from antrian.domain.status import Status
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.lookup import service_by_code
from antrian.services.office import DEFAULT_OFFICE, OfficeInfo
from antrian.services.results import TicketInfo
from antrian.store.database import Database
from antrian.store.issue import IssueWriter, issue_writer, session_issue
from antrian.store.issue_statements import IssuedTicket


def issue_ticket(
    session: Session,
    service_code: str,
    *,
    priority: str | None = None,
    actor: Actor = KIOSK,
    clock: Clock = system_clock,
) -> TicketInfo:
    """Give a citizen the next number of a service, in the caller's transaction.

    Plain statements compiled once per process, no ORM unit of work. Callers that issue a ticket in a
    transaction of its own (the kiosk, ``antrian ticket issue``) should call ``issue_ticket_in``, which on
    SQLite skips SQLAlchemy's execution layer too.

    Raises:
        NotFound: unknown service code.
        ServiceUnavailable: inactive service, closed at this hour, or today's quota used up.
        InvalidInput: malformed code or unknown priority group.
        PermissionDenied: ``actor`` may not issue tickets.
    """
    code, group = _request(service_code, priority, actor)
    with session_issue(session) as writer:
        return _issue(writer, code, group, actor, clock)


def issue_ticket_in(
    db: Database,
    service_code: str,
    *,
    priority: str | None = None,
    actor: Actor = KIOSK,
    clock: Clock = system_clock,
) -> TicketInfo:
    """``issue_ticket`` in a transaction of its own on ``db``, committed before it returns.

    The kiosk's and the CLI's entry point. On SQLite it runs on the driver itself (store.issue_sqlite): the
    same checks, statements, writer turn and durable commit, without SQLAlchemy's Session and execution layer,
    whose Python ran inside the write lock and capped four kiosks at ~700 tickets/s (docs/PERFORMANCE.md).
    The service and office are read just before the write lock, so a change to them (active, hours, quota)
    holds from the next issue on. On PostgreSQL it runs on psycopg itself in two round trips
    (store.issue_postgres), for the same reason.

    Raises:
        NotFound, ServiceUnavailable, InvalidInput, PermissionDenied: as ``issue_ticket``.
        StoreError: the database cannot be written (e.g. locked by another program for too long).
    """
    with db.audited():
        code, group = _request(service_code, priority, actor)
    with issue_writer(db) as writer:
        return _issue(writer, code, group, actor, clock)


def _request(service_code: str, priority: str | None, actor: Actor) -> tuple[str, str | None]:
    """The service code and priority group asked for, once ``actor`` may issue."""
    actor.require(Permission.ISSUE)
    code = validate_code(service_code)
    return code, parse_group(priority) if priority else None


def _issue(writer: IssueWriter, code: str, group: str | None, actor: Actor, clock: Clock) -> TicketInfo:
    """The issue: the reference read outside the write lock, then the number, the ticket and its event."""
    service = writer.reference(code)
    if service is None:
        with writer.reading() as session:
            service_by_code(session, code)  # raises NotFound naming the known codes
        raise AssertionError("unreachable")
    name = service.name
    office = DEFAULT_OFFICE if service.office is None else OfficeInfo(*service.office)
    now = require_utc(clock())
    local = now.astimezone(office.zone)
    day = local.date()
    calendar = writer.calendar(day)
    _open_now(
        code, name, service.active, service.opens_at, service.closes_at, service.open_days, local, calendar
    )
    with writer.transaction():
        number = writer.next_number(service.service_id, day)
        _within_quota(number, service.daily_quota, code, name)
        label = format_label(code, number, office.label_width)
        data = {"number": label, "service": code, "priority": group}
        issued = IssuedTicket(service.service_id, day, number, label, group, now, actor.user_id, data)
        ticket_id = writer.record_issue(issued)
    return _issued(ticket_id, label, code, name, day, number, group, now)


def _open_now(
    code: str,
    name: str,
    active: bool,
    opens_at: time | None,
    closes_at: time | None,
    open_days: str,
    local: datetime,
    calendar: DayCalendar,
) -> None:
    """Refuse a ticket of service ``code`` at the office-local instant ``local`` unless it takes tickets
    then: active, within its hours, not on a holiday or in a break of ``calendar`` (``local``'s day)."""
    if not active:
        raise ServiceUnavailable("service.inactive", service=code, name=name)
    reason = closed_reason(opens_at, closes_at, open_days, local, calendar)
    if reason:
        raise ServiceUnavailable("service.closed", service=code, name=name, reason=reason)


def _within_quota(number: int, quota: int | None, code: str, name: str) -> None:
    """Refuse number ``number`` beyond the daily quota (the caller's transaction then rolls back)."""
    if quota is not None and number > quota:
        raise ServiceUnavailable("service.quota_used", service=code, name=name, quota=quota)


def _issued(
    ticket_id: int, label: str, code: str, name: str, day: date, number: int, group: str | None, now: datetime
) -> TicketInfo:
    return TicketInfo(
        id=ticket_id,
        number=label,
        service=code,
        service_name=name,
        service_day=day,
        sequence=number,
        status=Status.WAITING.value,
        priority_group=group,
        place_at=now,
        issued_at=now,
        first_called_at=None,
        last_called_at=None,
        started_at=None,
        finished_at=None,
        counter=None,
        operator=None,
        call_count=0,
        parent_id=None,
    )
