"""Daily roll-ups of closed service days, so a month or a year of the report reads a few thousand rows.

A **closed** day is one before the office's today (by the clock) none of whose tickets is open (waiting,
called, serving, held). ``refresh_report_days`` builds the roll-ups of the closed days of a period that have
none, in a write transaction; ``rolled_days`` reads those still fresh. A roll-up is never used stale:

- a ticket changed after its day was built writes an event: every ticket event after the watermark
  (``settings`` key ``report_days.checked_event``) marks its day, which the read skips and the next refresh
  drops and builds again before it moves the watermark;
- a ticket added to or removed from a built day changes the day's ticket count, checked on every read.

A day without a fresh roll-up is read ticket by ticket, as every day was before (``compliance_report``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, text
from sqlalchemy.orm import Session

from antrian.domain.counter_time import counter_intervals
from antrian.domain.rollup import DayBuilder, GroupDay, decode, encode
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.office import get_office
from antrian.services.visits import counter_events_of_days, visits_of_days
from antrian.store.database import Database
from antrian.store.models import (
    OPEN_STATUS_CONDITION,
    Event,
    ReportDay,
    ReportDayState,
    Service,
    Setting,
    Ticket,
)

WATERMARK = "report_days.checked_event"
FORMAT = 1  # of a roll-up's contents: one of another format is dropped and built again
STEP = 5  # days built per write transaction by ``refresh_in_steps`` (about a second each at 6,000 tickets)

RolledDay = tuple[dict[tuple[str, bool], GroupDay], dict[str, Any]]


def refresh_in_steps(database: Database, start: date, end: date, *, clock: Clock = system_clock) -> int:
    """``refresh_report_days`` in write transactions of ``STEP`` days each, so the first report of a long
    period does not hold the write lock (the kiosks' and counters' writes wait behind it) for minutes."""
    total = 0
    while True:
        with database.write() as session:
            built = refresh_report_days(session, start, end, clock=clock, most=STEP)
        total += built
        if built < STEP:
            return total


def refresh_report_days(
    session: Session, start: date, end: date, *, clock: Clock = system_clock, most: int | None = None
) -> int:
    """Drop the roll-ups of days whose tickets changed, then build those of the closed days of ``start`` ..
    ``end`` that have none (``most`` of them at the most). Returns the days built (a day without tickets is
    built too, as empty)."""
    office = get_office(session)
    now = require_utc(clock())
    yesterday = now.astimezone(office.zone).date() - timedelta(days=1)
    watermark = _watermark(session)
    last_event = session.execute(select(func.max(Event.id))).scalar_one() or 0
    if session.execute(select(func.count()).select_from(ReportDayState)).scalar_one():
        _drop(session, _changed_days(session, watermark, date.min, date.max))
    _set_watermark(session, last_event)
    last = min(end, yesterday)
    if start > last:
        return 0
    counts = _ticket_counts(session, start, last)
    rows = session.execute(
        select(ReportDayState.service_day, ReportDayState.tickets, ReportDayState.data).where(
            ReportDayState.service_day.between(start, last)
        )
    ).tuples()
    states = {day: tickets for day, tickets, data in rows if data.get("format") == FORMAT}
    stale = {day for day, tickets in states.items() if counts.get(day, 0) != tickets}
    _drop(session, stale | _days_of_other_formats(session, start, last))
    states = {day: tickets for day, tickets in states.items() if day not in stale}
    still_open = _open_days(session, start, last)
    codes = dict(session.execute(select(Service.code, Service.id)).tuples().all())
    built = 0
    for day in _days(start, last):
        tickets = counts.get(day, 0)
        if day in still_open or (day in states and states[day] == tickets):
            continue
        if most is not None and built >= most:
            break
        _build(session, day, tickets, office.zone, codes, now)
        built += 1
    return built


def rolled_days(
    session: Session, start: date, end: date, service_id: int | None = None
) -> dict[date, RolledDay]:
    """The fresh roll-ups of ``start`` .. ``end`` (of one service's rows with ``service_id``), by day."""
    states = {
        day: (tickets, data)
        for day, tickets, data in session.execute(
            select(ReportDayState.service_day, ReportDayState.tickets, ReportDayState.data).where(
                ReportDayState.service_day.between(start, end)
            )
        ).tuples()
    }
    if not states:
        return {}
    changed = _changed_days(session, _watermark(session), start, end)
    counts = _ticket_counts(session, start, end)
    fresh = {
        day: data
        for day, (tickets, data) in states.items()
        if day not in changed and counts.get(day, 0) == tickets and data.get("format") == FORMAT
    }
    groups: dict[date, dict[tuple[str, bool], GroupDay]] = defaultdict(dict)
    statement = (
        select(
            ReportDay.service_day,
            Service.code,
            ReportDay.priority,
            ReportDay.figures,
            ReportDay.waiting,
            ReportDay.walk,
            ReportDay.service,
            ReportDay.stay,
            ReportDay.hour_waiting,
        )
        .join(Service, Service.id == ReportDay.service_id)
        .where(ReportDay.service_day.between(start, end))
    )
    if service_id is not None:
        statement = statement.where(ReportDay.service_id == service_id)
    for day, code, priority, figures, waiting, walk, service, stay, hours in session.connection().execute(
        statement
    ):
        if day in fresh:
            groups[day][code, priority] = _group(figures, waiting, walk, service, stay, hours)
    return {day: (groups.get(day, {}), data) for day, data in fresh.items()}


def _group(
    figures: dict[str, Any], waiting: bytes, walk: bytes, service: bytes, stay: bytes, hours: bytes
) -> GroupDay:
    return GroupDay(
        status=figures["status"],
        called=figures["called"],
        not_called=figures["not_called"],
        longest_not_called=figures["longest_not_called"],
        first_open=None if figures["first_open"] is None else datetime.fromisoformat(figures["first_open"]),
        firsts=figures["firsts"],
        waiting=decode(waiting),
        walk=decode(walk),
        service=decode(service),
        stay=decode(stay),
        hour_arrivals=figures["hour_arrivals"],
        hour_waiting=decode(hours),
        extra=figures.get("extra", {}),
    )


def _build(
    session: Session, day: date, tickets: int, zone: Any, codes: dict[str, int], now: datetime
) -> None:
    builder = DayBuilder(zone)
    for visit in visits_of_days(session, day, day):
        builder.add(visit)
    # the day is over: every session still open ends with it, whatever ``now`` after it is given
    builder.add_intervals(counter_intervals(counter_events_of_days(session, day, day, zone), zone, now))
    rows = []
    for (code, priority), group in builder.groups_of_day().items():
        figures = {
            "status": group.status,
            "called": group.called,
            "not_called": group.not_called,
            "longest_not_called": group.longest_not_called,
            "first_open": None if group.first_open is None else group.first_open.isoformat(),
            "firsts": group.firsts,
            "hour_arrivals": group.hour_arrivals,
            "extra": group.extra,
        }
        rows.append(
            {
                "service_day": day,
                "service_id": codes[code],
                "priority": priority,
                "figures": figures,
                "waiting": encode(group.waiting),
                "walk": encode(group.walk),
                "service": encode(group.service),
                "stay": encode(group.stay),
                "hour_waiting": encode(group.hour_waiting),
            }
        )
    if rows:
        session.execute(insert(ReportDay), rows)
    session.execute(
        insert(ReportDayState),
        [{"service_day": day, "tickets": tickets, "data": {"format": FORMAT, **builder.day_data()}}],
    )


def _days_of_other_formats(session: Session, start: date, end: date) -> set[date]:
    statement = select(ReportDayState.service_day, ReportDayState.data).where(
        ReportDayState.service_day.between(start, end)
    )
    return {day for day, data in session.execute(statement).tuples() if data.get("format") != FORMAT}


def _drop(session: Session, days: set[date]) -> None:
    if days:
        session.execute(delete(ReportDay).where(ReportDay.service_day.in_(days)))
        session.execute(delete(ReportDayState).where(ReportDayState.service_day.in_(days)))


def _ticket_counts(session: Session, start: date, end: date) -> dict[date, int]:
    """Per service day with tickets, how many (read from the index on the service day alone)."""
    statement = (
        select(Ticket.service_day, func.count())
        .where(Ticket.service_day.between(start, end))
        .group_by(Ticket.service_day)
    )
    return dict(session.execute(statement).tuples().all())


def _open_days(session: Session, start: date, end: date) -> set[date]:
    """The service days with an open ticket, from the partial index of open tickets (the condition is
    spelled as the index's, or SQLite does not use it)."""
    statement = (
        select(Ticket.service_day)
        .distinct()
        .where(and_(text(OPEN_STATUS_CONDITION), Ticket.service_day.between(start, end)))
    )
    return set(session.execute(statement).scalars())


def _changed_days(session: Session, after: int, start: date, end: date) -> set[date]:
    """The service days of the tickets with an event after the event id ``after``."""
    statement = (
        select(Ticket.service_day)
        .distinct()
        .join(Event, Event.ticket_id == Ticket.id)
        .where(and_(Event.id > after, Ticket.service_day.between(start, end)))
    )
    return set(session.execute(statement).scalars())


def _watermark(session: Session) -> int:
    value = session.get(Setting, WATERMARK)
    return 0 if value is None else int(value.value)


def _set_watermark(session: Session, event: int) -> None:
    setting = session.get(Setting, WATERMARK)
    if setting is None:
        session.add(Setting(key=WATERMARK, value=event))
    else:
        setting.value = event
    session.flush()


def _days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)
