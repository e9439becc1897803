"""The compliance report of a period: the tickets and counter events of its service days, read in two
streamed queries, turned into ``domain.figures`` visits and ``domain.counter_time`` events, and every figure
computed in one pass (``domain.tally``) that keeps no visit.

The standard each visit is measured against comes from a ``StandardFor`` the caller passes;
``standards_in_force`` is the one place that builds it from the database (DESIGN.md, "Compliance report").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.counter_time import CounterTime, counter_intervals
from antrian.domain.errors import InvalidInput
from antrian.domain.figures import HourFigures, OfficeTotals, ServiceFigures, Standard, StandardFor, Visit
from antrian.domain.report_tally import DayCounts, ReportTally
from antrian.domain.roles import Actor, Permission
from antrian.domain.rollup import merge_day
from antrian.domain.timing import Clock, TimeUnit, require_utc, system_clock
from antrian.services.lookup import service_by_code
from antrian.services.office import get_office
from antrian.services.rollups import rolled_days
from antrian.services.standards import histories, in_force
from antrian.services.visits import counter_events_of_days, visits_of_days
from antrian.services.zones import zone_info
from antrian.store.models import Service


@dataclass(frozen=True, slots=True)
class ServiceReport:
    """One service's entry: its code and name beside its figures."""

    code: str
    name: str
    figures: ServiceFigures


@dataclass(frozen=True, slots=True)
class Report:
    """Every figure of a period's compliance report; its visits (the service-time log) are streamed by
    ``report_log``. ``days`` holds each service's counts per day of the period that has visits.

    ``counters`` and ``operators`` cover the counters and operators that called a visit of the report, over
    all their work in the period (with a service chosen, a counter's time is not split by service).
    """

    start: date
    end: date
    service: str | None
    timezone: str
    made_at: datetime
    services: tuple[ServiceReport, ...]
    counters: Mapping[int, CounterTime]
    operators: Mapping[str, CounterTime]
    hours: tuple[HourFigures, ...]
    weekday_hour: tuple[tuple[int, ...], ...]
    office: OfficeTotals
    days: Mapping[tuple[str, date], DayCounts]
    zone: str | None = None  # a zone's report (``services.zones``): the services of ``zone_services`` only
    zone_services: tuple[str, ...] | None = None


def standards_in_force(session: Session) -> StandardFor:
    """``standard_for(code, day)`` over the standards history: the entry in force on each visit's own
    service day, so a period across a change of standard measures each day by its own. The history is read
    once; each (service, day) is looked up once."""
    codes = dict(session.execute(select(Service.id, Service.code)).tuples().all())
    by_code = {codes[service_id]: entries for service_id, entries in histories(session).items()}

    @functools.cache
    def standard_for(code: str, day: date) -> Standard | None:
        entry = in_force(by_code.get(code, []), day)
        if entry is None:
            return None
        return Standard(
            entry.value,
            TimeUnit(entry.unit),
            entry.waiting_target_minutes,
            entry.decree or "",
            entry.effective_from,
        )

    return standard_for


def compliance_report(
    session: Session,
    start: date,
    end: date,
    *,
    actor: Actor,
    service: str | None = None,
    zone: str | None = None,
    standard_for: StandardFor,
    clock: Clock = system_clock,
    use_rollups: bool = True,
) -> Report:
    """The compliance report of the service days ``start`` .. ``end`` (inclusive), of one service or all.

    The closed days with a fresh roll-up (``services.rollups``; ``refresh_report_days`` builds them) are
    read from it, every other day ticket by ticket; ``use_rollups=False`` reads every day's tickets.
    ``zone`` (a code of ``services.zones``) limits it to that zone's services (those in it when the report
    is made), like ``service`` to one; read ticket by ticket (a citizen moved between two of its services
    counts once, which the per-service roll-ups cannot say).

    Raises:
        PermissionDenied: ``actor`` may not read reports (operators).
        InvalidInput: ``start`` is after ``end``.
        NotFound: ``service`` is no service's code.
    """
    actor.require(Permission.REPORTS)
    if start > end:
        raise InvalidInput("report.period_reversed", start=start.isoformat(), end=end.isoformat())
    office = get_office(session)
    tz = office.zone
    service_id = None if service is None else service_by_code(session, service).id
    chosen = None if zone is None else zone_info(session, zone)
    only = None if chosen is None else frozenset(chosen.services)
    use_rollups = use_rollups and chosen is None
    now = require_utc(clock())
    tally = ReportTally(standard_for, tz, service, only)
    rolled = rolled_days(session, start, end, service_id) if use_rollups else {}
    for day, (groups, data) in sorted(rolled.items()):
        merge_day(tally, day, groups, data)
    for first_day, last_day in _gaps(start, end, rolled):
        for visit in visits_of_days(session, first_day, last_day):
            tally.add(visit)
    names = dict(session.execute(select(Service.code, Service.name)).tuples().all())
    intervals = []  # of the days read ticket by ticket: a rolled-up day's sessions are in its roll-up
    for first_day, last_day in _gaps(start, end, rolled):
        intervals += counter_intervals(counter_events_of_days(session, first_day, last_day, tz), tz, now)
    counters, operators = tally.work_times(intervals)
    services, totals = tally.results(now)
    return Report(
        start=start,
        end=end,
        service=service,
        timezone=office.timezone,
        made_at=now,
        services=tuple(ServiceReport(code, names[code], figures) for code, figures in services.items()),
        counters=counters,
        operators=operators,
        hours=tuple(tally.hours.hours()),
        weekday_hour=tuple(tuple(row) for row in tally.hours.matrix),
        office=totals,
        days=tally.days.result(),
        zone=None if chosen is None else chosen.code,
        zone_services=None if chosen is None else chosen.services,
    )


def _gaps(start: date, end: date, rolled: Mapping[date, object]) -> Iterator[tuple[date, date]]:
    """The runs of days of ``start`` .. ``end`` without a roll-up, as (first, last)."""
    first: date | None = None
    day = start
    while day <= end:
        if day in rolled:
            if first is not None:
                yield first, day - timedelta(days=1)
            first = None
        elif first is None:
            first = day
        day += timedelta(days=1)
    if first is not None:
        yield first, end


def report_log(session: Session, report: Report) -> Iterator[Visit]:
    """The service-time log of ``report``: its visits in issue order, streamed ``BATCH`` rows at a time (a
    year's log is never held whole). Read in the session the report was made in, or one that sees the same
    tickets, for the log to match the figures."""
    return visits_of_days(session, report.start, report.end, report.service, report.zone_services)
