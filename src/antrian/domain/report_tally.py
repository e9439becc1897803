"""The report's one pass (``ReportTally``): every figure of a period from its visits, added one at a time,
and from rolled-up days (``domain.rollup``), with the day-by-day counts of the workbook's day matrix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from antrian.domain.counter_time import CounterTime, Interval
from antrian.domain.figures import OfficeTotals, ServiceFigures, Share, StandardFor, Visit
from antrian.domain.spans import Micros
from antrian.domain.status import Status
from antrian.domain.tally import (
    HourTally,
    Limits,
    Measured,
    OfficeTally,
    ServiceTally,
    SessionTally,
    WorkTally,
    measure,
    work_times,
)


@dataclass(slots=True)
class DayCounts:
    """One service's visits of one day: issued, served, and served within the standard of those measured."""

    issued: int = 0
    served: int = 0
    within: Share = field(default_factory=Share)


class DayTally:
    """``DayCounts`` per (service code, day), for the day-by-day matrix."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.counts: dict[tuple[str, date], list[int]] = {}

    def add(self, visit: Visit, measured: Measured) -> None:
        counts = self.counts.get((visit.service, visit.day))
        if counts is None:
            counts = self.counts[visit.service, visit.day] = [0, 0, 0, 0]
        counts[0] += 1
        if visit.status is Status.DONE:
            counts[1] += 1
            kind, limit, _ = self.limits.of(visit.service, visit.day)
            if kind == 2 and measured.service is not None:
                counts[3] += 1
                counts[2] += measured.service <= limit

    def result(self) -> dict[tuple[str, date], DayCounts]:
        return {key: DayCounts(c[0], c[1], Share(c[2], c[3])) for key, c in sorted(self.counts.items())}


class ReportTally:
    """Every figure of a report in one pass over the period's visits (in ascending id order).

    With ``service`` chosen, the service, office, hour and day figures cover its visits only, while the
    counters' and operators' work covers every visit (their time is not split by service), reported for
    the counters and operators that called a visit of the service.
    """

    def __init__(
        self,
        standard_for: StandardFor,
        zone: ZoneInfo,
        service: str | None = None,
        only: frozenset[str] | None = None,
    ) -> None:
        """``only``: the services (codes) of a zone of the office; their visits alone are counted, as for
        one ``service`` (days rolled up per service cannot be merged for several: ``domain.rollup``)."""
        self.limits = Limits(standard_for)
        self.service = service
        self.only = only
        self.services: dict[str, ServiceTally] = {}
        self.office = OfficeTally(keep=False)  # its stays are the services' (``results``)
        self.hours = HourTally(zone)
        self.days = DayTally(self.limits)
        self.counters: dict[int, WorkTally] = defaultdict(WorkTally)
        self.operators: dict[str, WorkTally] = defaultdict(WorkTally)
        self.counter_sessions: dict[int, SessionTally] = defaultdict(SessionTally)
        self.operator_sessions: dict[str, SessionTally] = defaultdict(SessionTally)
        self.mine_counters: set[int | None] = set()
        self.mine_operators: set[str | None] = set()

    def add(self, visit: Visit) -> None:
        m = measure(visit)
        if visit.counter is not None:
            self.counters[visit.counter].add(visit, m)
        if visit.operator is not None:
            self.operators[visit.operator].add(visit, m)
        if self.service is not None and visit.service != self.service:
            return
        if self.only is not None and visit.service not in self.only:
            return
        tally = self.services.get(visit.service)
        if tally is None:
            tally = self.services[visit.service] = ServiceTally(visit.service, self.limits)
        tally.add(visit, m)
        self.office.add(visit, m)
        self.hours.add(visit, m)
        self.days.add(visit, m)
        self.mine_counters.add(visit.counter)
        self.mine_operators.add(visit.operator)

    def results(self, now: datetime) -> tuple[dict[str, ServiceFigures], OfficeTotals]:
        """Per service code (sorted) its figures, and the office's totals."""
        stays: list[Micros] = []
        services = {code: self.services[code].result(now, stays) for code in sorted(self.services)}
        return services, self.office.result(stays)

    def work_times(
        self, intervals: Iterable[Interval]
    ) -> tuple[dict[int, CounterTime], dict[str, CounterTime]]:
        sessions = (self.counter_sessions, self.operator_sessions)
        counters, operators = work_times(intervals, self.counters, self.operators, sessions)
        if self.service is not None or self.only is not None:
            counters = {n: t for n, t in counters.items() if n in self.mine_counters}
            operators = {n: t for n, t in operators.items() if n in self.mine_operators}
        return counters, operators
