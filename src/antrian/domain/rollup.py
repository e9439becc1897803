"""Exact daily roll-ups of the report: a closed service day's visits reduced to counts and sorted duration
arrays per service and group (priority or normal), and merged into a ``ReportTally`` as if its visits had
been added one by one.

What keeps it exact: durations are whole microseconds, so the percentiles of joined days are those of all
their visits (a day's are stored sorted); the standard and the waiting target are applied when the report is
made, by the standard in force on each day (a count within a limit is a binary search in the day's sorted
array); citizens are counted from first visits plus the transferred-in visits whose first visit lies
outside the service (or the day). A citizen has at most one served visit (a transfer ends a visit, serving
it ends the chain), so citizens served = served visits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from antrian.domain.counter_time import Interval
from antrian.domain.figures import Visit
from antrian.domain.report_tally import ReportTally
from antrian.domain.spans import Micros, by_hour
from antrian.domain.status import Status
from antrian.domain.tally import (
    FiguresTally,
    HourTally,
    Limits,
    ServiceTally,
    SessionTally,
    WorkTally,
    measure,
    session_times,
)

HOURS = 24
_STATUS = {status.value: status for status in Status}


def encode(values: Micros) -> bytes:
    """Int64 values as little-endian bytes."""
    return values.astype("<i8", copy=False).tobytes()


def decode(blob: bytes) -> Micros:
    """The values of ``encode``'s bytes, read in place (read-only)."""
    return np.frombuffer(blob, dtype="<i8")


@dataclass
class GroupDay:
    """One service's visits of one group on one closed day."""

    status: dict[str, int]
    called: int
    not_called: int
    longest_not_called: int | None  # microseconds, of the visits never called that ended
    first_open: (
        datetime | None
    )  # the earliest issue of a visit never called without an end (its wait runs on)
    firsts: int  # visits that are a citizen's first (arrivals)
    waiting: Micros  # sorted
    walk: Micros  # sorted
    service: Micros  # sorted
    stay: Micros  # sorted
    hour_arrivals: list[int]
    hour_waiting: Micros  # ``tally.by_hour`` of the 24 hours' sorted waits
    extra: dict[str, Any] = field(default_factory=dict)  # service-level, on the normal group only

    @property
    def issued(self) -> int:
        return sum(self.status.values())

    @property
    def served(self) -> int:
        return self.status.get(Status.DONE.value, 0)


def _nothing(code: str, day: date) -> None:
    return None


class DayBuilder:
    """The roll-up of one closed day from its visits (added in ascending id order)."""

    def __init__(self, zone: Any) -> None:
        self.limits = Limits(_nothing)
        self.zone = zone
        self.groups: dict[tuple[str, bool], tuple[FiguresTally, HourTally]] = {}
        self.firsts: dict[str, set[int]] = defaultdict(set)
        self.parents: dict[str, set[int]] = defaultdict(set)
        self.seen: dict[str, tuple[set[int], set[str]]] = defaultdict(lambda: (set(), set()))
        self.counters: dict[int, WorkTally] = defaultdict(WorkTally)
        self.operators: dict[str, WorkTally] = defaultdict(WorkTally)
        self.sessions: tuple[dict[int, SessionTally], dict[str, SessionTally]] = ({}, {})

    def add(self, visit: Visit) -> None:
        m = measure(visit)
        key = (visit.service, visit.priority is not None)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = (FiguresTally(self.limits), HourTally(self.zone))
            self.groups.setdefault(
                (visit.service, not key[1]), (FiguresTally(self.limits), HourTally(self.zone))
            )
        group[0].add(visit, m)
        group[1].add(visit, m)
        (self.firsts if visit.parent is None else self.parents)[visit.service].add(
            visit.id if visit.parent is None else visit.parent
        )
        counters, operators = self.seen[visit.service]
        if visit.counter is not None:
            counters.add(visit.counter)
            self.counters[visit.counter].add(visit, m)
        if visit.operator is not None:
            operators.add(visit.operator)
            self.operators[visit.operator].add(visit, m)

    def groups_of_day(self) -> dict[tuple[str, bool], GroupDay]:
        result = {}
        for (code, priority), (figures, hours) in self.groups.items():
            longest = figures.longest_ended
            group = GroupDay(
                status={status.value: n for status, n in figures.by_status.items() if n},
                called=figures.called,
                not_called=figures.not_called,
                longest_not_called=None if longest is None else longest // timedelta(microseconds=1),
                first_open=figures.first_open,
                firsts=sum(hours.arrivals),
                waiting=np.sort(figures.waiting.all()),
                walk=np.sort(figures.walk.all()),
                service=np.sort(figures.service.all()),
                stay=np.sort(figures.stay.all()),
                hour_arrivals=list(hours.arrivals),
                hour_waiting=by_hour([np.sort(spans.all()) for spans in hours.waits]),
            )
            if not priority:
                counters, operators = self.seen[code]
                group.extra = {
                    "citizens_extra": len(self.parents[code] - self.firsts[code]),
                    "counters": sorted(counters),
                    "operators": sorted(operators),
                }
            result[code, priority] = group
        return result

    def add_intervals(self, intervals: Iterable[Interval]) -> None:
        """The day's counter sessions (``counter_intervals`` of its events: a stretch ends with its day)."""
        self.sessions = session_times(intervals)

    def day_data(self) -> dict[str, Any]:
        """The day's figures that are not per service: citizens whose first visit is not of the day, and the
        work of every counter and operator (served, service and serving microseconds)."""
        firsts = set().union(*self.firsts.values()) if self.firsts else set()
        parents = set().union(*self.parents.values()) if self.parents else set()
        return {
            "citizens_extra": len(parents - firsts),
            "counters": [[n, w.served, w.service, w.serving] for n, w in sorted(self.counters.items())],
            "operators": [[n, w.served, w.service, w.serving] for n, w in sorted(self.operators.items())],
            "counter_sessions": [[n, t.session, t.paused] for n, t in sorted(self.sessions[0].items())],
            "operator_sessions": [[n, t.session, t.paused] for n, t in sorted(self.sessions[1].items())],
        }


def merge_day(
    tally: ReportTally, day: date, groups: dict[tuple[str, bool], GroupDay], data: dict[str, Any]
) -> None:
    """Add a rolled-up day to ``tally`` as its visits would have been added."""
    for number, served, service, serving in data["counters"]:
        _work(tally.counters[number], served, service, serving)
    for name, served, service, serving in data["operators"]:
        _work(tally.operators[name], served, service, serving)
    for number, session, paused in data["counter_sessions"]:
        _session(tally.counter_sessions[number], session, paused)
    for name, session, paused in data["operator_sessions"]:
        _session(tally.operator_sessions[name], session, paused)
    mine = [(key, group) for key, group in groups.items() if tally.service in (None, key[0])]
    if tally.service is None and mine:
        tally.office.rolled_citizens += data["citizens_extra"]
    for (code, priority), group in mine:
        service = tally.services.get(code)
        if service is None:
            service = tally.services[code] = ServiceTally(code, tally.limits)
        service.days.add(day)
        kind, limit, target = tally.limits.of(code, day)
        within = _within(group.service, limit) if kind == 2 else 0
        on_time = None if target is None else _within(group.waiting, target)
        _figures(service.all, group, kind, within, on_time)
        _figures(service.priority if priority else service.normal, group, kind, within, on_time)
        office = tally.office
        office.visits += group.issued
        office.transfers += group.status.get(Status.TRANSFERRED.value, 0)
        office.rolled_citizens += group.firsts
        office.rolled_served += group.served
        office.stay.extend(group.stay)
        if tally.service is not None and not priority:
            office.rolled_citizens += group.extra["citizens_extra"]
        hours, weekday = tally.hours, day.weekday()
        for hour, arrivals in enumerate(group.hour_arrivals):
            if arrivals:
                hours.arrivals[hour] += arrivals
                hours.matrix[weekday][hour] += arrivals
        hours.extend(group.hour_waiting)
        counts = tally.days.counts.setdefault((code, day), [0, 0, 0, 0])
        counts[0] += group.issued
        counts[1] += group.served
        if kind == 2:
            counts[3] += len(group.service)
            counts[2] += within
        if not priority:
            tally.mine_counters.update(group.extra["counters"])
            tally.mine_operators.update(group.extra["operators"])


def _session(tally: SessionTally, session: int, paused: dict[str, int]) -> None:
    tally.session += session
    for reason, span in paused.items():
        tally.paused[reason] = tally.paused.get(reason, 0) + span


def _work(work: WorkTally, served: int, service: int, serving: int) -> None:
    work.served += served
    work.service += service
    work.serving += serving


def _figures(figures: FiguresTally, group: GroupDay, kind: int, within: int, on_time: int | None) -> None:
    """Add ``group``'s figures, of which ``within`` served within the standard (of ``kind``) and ``on_time``
    (None: no waiting target) called within the waiting target."""
    for status, count in group.status.items():
        figures.by_status[_STATUS[status]] += count
    figures.called += group.called
    figures.not_called += group.not_called
    if group.first_open is not None and (figures.first_open is None or group.first_open < figures.first_open):
        figures.first_open = group.first_open
    if group.longest_not_called is not None:
        longest = timedelta(microseconds=group.longest_not_called)
        if figures.longest_ended is None or longest > figures.longest_ended:
            figures.longest_ended = longest
    for spans, values in (
        (figures.waiting, group.waiting),
        (figures.walk, group.walk),
        (figures.service, group.service),
        (figures.stay, group.stay),
    ):
        spans.extend(values)
    if on_time is not None:
        figures.target_of += len(group.waiting)
        figures.target_within += on_time
    if group.served:
        if kind == 0:
            figures.no_standard += group.served
        elif kind == 1:
            figures.not_measurable += group.served
        else:
            figures.standard_of += len(group.service)
            figures.standard_within += within


def _within(ordered: Micros, limit: int) -> int:
    """How many of the sorted values are at most ``limit``."""
    return int(ordered.searchsorted(limit, side="right"))
