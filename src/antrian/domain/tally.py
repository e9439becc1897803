"""The compliance report's figures in one streaming pass: visits are added one at a time and forgotten, only
compact per-group duration arrays (whole microseconds, int64) and counts are kept, so a year of
tickets never sits in memory as ``Visit`` objects.

Exactness: a duration is kept as its exact whole microseconds, so nearest-rank percentiles, the maximum and
the exact mean (``Summary``) are the same as over the ``timedelta`` values themselves (``seconds`` of a
``timedelta`` and microseconds / 10**6 are the same correctly rounded division); ``domain.spans`` keeps
them and summarises them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import numpy as np

from antrian.domain.counter_time import CounterTime, Interval
from antrian.domain.figures import (
    Figures,
    HourFigures,
    OfficeTotals,
    ServiceFigures,
    Share,
    Standard,
    StandardFor,
    Visit,
    seconds,
)
from antrian.domain.spans import Micros, Spans, joined, summarize
from antrian.domain.status import Status
from antrian.domain.timing import require_utc

_MICROSECOND = timedelta(microseconds=1)
_ZERO = timedelta()


def micros(span: timedelta) -> int:
    return span // _MICROSECOND


class Measured(NamedTuple):
    """A visit's derived times in whole microseconds (None where ``Visit``'s property is None), computed
    once per visit for every tally it goes into."""

    waiting: int | None
    walk: int | None
    service: int | None
    stay: int | None
    at_counter: int


def measure(visit: Visit) -> Measured:
    """``visit.waiting``, ``walk``, ``service_time``, ``stay`` and ``at_counter`` in microseconds."""
    issued, called, started, finished = visit.issued, visit.first_called, visit.started, visit.finished
    waiting = None if called is None else (called - issued) // _MICROSECOND
    walk = None if called is None or started is None else (started - called) // _MICROSECOND
    sat = None if started is None or finished is None else (finished - started) // _MICROSECOND
    done = visit.status is Status.DONE
    stay = (finished - visit.first_issued) // _MICROSECOND if done and finished is not None else None
    ended = done or visit.status is Status.TRANSFERRED
    at_counter = 0 if walk is None else walk + (sat if ended and sat is not None else 0)
    return Measured(waiting, walk, sat if done else None, stay, at_counter)


class Limits:
    """The standard of each (service, day) as microseconds, looked up once: ``(kind, limit, target)`` with
    kind 0 = no standard, 1 = not measurable here (working days), 2 = measured against ``limit``."""

    def __init__(self, standard_for: StandardFor) -> None:
        self.standard_for = standard_for
        self.known: dict[tuple[str, date], tuple[int, int, int | None]] = {}

    def of(self, service: str, day: date) -> tuple[int, int, int | None]:
        found = self.known.get((service, day))
        if found is None:
            standard = self.standard_for(service, day)
            if standard is None:
                found = (0, 0, None)
            else:
                limit, target = standard.limit, standard.waiting_limit
                kind = 1 if limit is None else 2
                wait = None if target is None else micros(target)
                found = (kind, 0 if limit is None else micros(limit), wait)
            self.known[service, day] = found
        return found


SPANS = ("waiting", "service", "walk", "stay")


class FiguresTally:
    """``Figures`` of the visits added (all of one service), each measured against its own day's standard."""

    def __init__(self, limits: Limits | StandardFor, keep: bool = True) -> None:
        self.limits = limits if isinstance(limits, Limits) else Limits(limits)
        self.by_status: dict[Status, int] = defaultdict(int)
        self.called = self.not_called = 0
        self.longest_ended: timedelta | None = None  # the longest wait of a visit never called that ended
        self.first_open: datetime | None = None  # the earliest issue of a visit never called still waiting
        self.waiting, self.service, self.walk, self.stay = (Spans(keep) for _ in range(4))
        self.standard_within = self.standard_of = self.not_measurable = self.no_standard = 0
        self.target_within = self.target_of = 0

    def add(self, visit: Visit, measured: Measured | None = None) -> None:
        m = measure(visit) if measured is None else measured
        self.by_status[visit.status] += 1
        self.walk.add(m.walk)
        if visit.first_called is None:
            self.not_called += 1
            if visit.finished is None:
                if self.first_open is None or visit.issued < self.first_open:
                    self.first_open = visit.issued
            else:
                waited = visit.finished - visit.issued
                if self.longest_ended is None or waited > self.longest_ended:
                    self.longest_ended = waited
        else:
            self.called += 1
            self.waiting.add(m.waiting)
            target = self.limits.of(visit.service, visit.day)[2]
            if target is not None and m.waiting is not None:
                self.target_of += 1
                self.target_within += m.waiting <= target
        if visit.status is Status.DONE:
            self.service.add(m.service)
            self.stay.add(m.stay)
            kind, limit, _ = self.limits.of(visit.service, visit.day)
            if kind == 0:
                self.no_standard += 1
            elif kind == 1:
                self.not_measurable += 1
            elif m.service is not None:
                self.standard_of += 1
                self.standard_within += m.service <= limit

    def durations(self) -> dict[str, Micros]:
        """The values of each kind of duration."""
        return {name: getattr(self, name).all() for name in SPANS}

    def result(self, now: datetime, durations: dict[str, Micros] | None = None) -> Figures:
        """The figures; ``durations`` gives the values (``durations()``, or the parts' joined)."""
        durations = self.durations() if durations is None else durations
        longest = self.longest_ended
        if self.first_open is not None:
            still = require_utc(now) - self.first_open
            longest = still if longest is None else max(longest, still)
        return Figures(
            issued=sum(self.by_status.values()),
            served=self.by_status[Status.DONE],
            no_show=self.by_status[Status.NO_SHOW],
            cancelled=self.by_status[Status.CANCELLED],
            expired=self.by_status[Status.EXPIRED],
            transferred=self.by_status[Status.TRANSFERRED],
            called=self.called,
            not_called=self.not_called,
            longest_not_called=None if longest is None else seconds(longest),
            waiting=summarize(durations["waiting"]),
            service_time=summarize(durations["service"]),
            walk=summarize(durations["walk"]),
            stay=summarize(durations["stay"]),
            within_standard=Share(self.standard_within, self.standard_of),
            not_measurable=self.not_measurable,
            no_standard=self.no_standard,
            within_waiting_target=Share(self.target_within, self.target_of),
        )


class ServiceTally:
    """A service's ``ServiceFigures``: all its visits, the priority ones and the normal ones."""

    def __init__(self, code: str, limits: Limits) -> None:
        self.code = code
        self.standard_for = limits.standard_for
        self.all = FiguresTally(limits, keep=False)  # its durations are merged from the two parts'
        self.priority, self.normal = FiguresTally(limits), FiguresTally(limits)
        self.days: set[date] = set()

    def add(self, visit: Visit, measured: Measured | None = None) -> None:
        m = measure(visit) if measured is None else measured
        self.all.add(visit, m)
        (self.normal if visit.priority is None else self.priority).add(visit, m)
        self.days.add(visit.day)

    def result(self, now: datetime, stays: list[Micros] | None = None) -> ServiceFigures:
        """The figures; the stays of all its visits are added to ``stays`` when given."""
        standards: dict[Standard, None] = {}
        for day in sorted(self.days):
            standard = self.standard_for(self.code, day)
            if standard is not None:
                standards[standard] = None
        priority, normal = self.priority.durations(), self.normal.durations()
        every = {name: joined([priority[name], normal[name]]) for name in SPANS}
        if stays is not None:
            stays.append(every["stay"])
        parts = (
            self.all.result(now, every),
            self.priority.result(now, priority),
            self.normal.result(now, normal),
        )
        return ServiceFigures(self.code, *parts, tuple(standards))


class Distinct:
    """How many distinct citizens among visits added in ascending id order: a first visit is its own
    citizen (ids kept sorted in an array), a transferred-in one is its parent's."""

    def __init__(self) -> None:
        self.firsts = array("q")
        self.parents: set[int] = set()

    def add(self, visit: Visit) -> None:
        if visit.parent is None:
            self.firsts.append(visit.id)
        else:
            self.parents.add(visit.parent)

    def count(self) -> int:
        firsts: Sequence[int] = self.firsts
        if any(firsts[i] >= firsts[i + 1] for i in range(len(firsts) - 1)):
            firsts = sorted(set(firsts))  # not added in id order (a caller's own list of visits)
        unseen = 0
        for parent in self.parents:
            at = bisect_left(firsts, parent)
            unseen += at == len(firsts) or firsts[at] != parent
        return len(firsts) + unseen


class OfficeTally:
    """``OfficeTotals``: a transferred citizen counts once."""

    def __init__(self, keep: bool = True) -> None:
        self.citizens, self.served = Distinct(), Distinct()
        self.visits = self.transfers = 0
        self.stay = Spans(keep)
        self.rolled_citizens = self.rolled_served = 0  # of days added whole (``domain.rollup``)

    def add(self, visit: Visit, measured: Measured | None = None) -> None:
        self.visits += 1
        self.citizens.add(visit)
        self.transfers += visit.status is Status.TRANSFERRED
        if visit.status is Status.DONE:
            self.served.add(visit)
            self.stay.add((measure(visit) if measured is None else measured).stay)

    def result(self, stays: list[Micros] | None = None) -> OfficeTotals:
        """The totals; ``stays``, the services' stays, stand for the kept ones when given."""
        citizens = self.citizens.count() + self.rolled_citizens
        served = self.served.count() + self.rolled_served
        stay = self.stay.summary() if stays is None else summarize(joined(stays))
        return OfficeTotals(citizens, self.visits, self.transfers, served, stay)


class HourTally:
    """Arrivals and waiting by office-local hour of issue, and arrivals by weekday x hour."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.arrivals = [0] * 24
        self.waits = [Spans() for _ in range(24)]
        self.by_hour: list[Micros] = []  # rolled-up waits, each as ``by_hour`` makes them
        self.matrix = [[0] * 24 for _ in range(7)]

    def add(self, visit: Visit, measured: Measured | None = None) -> None:
        local = require_utc(visit.issued).astimezone(self.zone)
        if visit.parent is None:
            self.arrivals[local.hour] += 1
            self.matrix[local.weekday()][local.hour] += 1
        self.waits[local.hour].add((measure(visit) if measured is None else measured).waiting)

    def extend(self, waits: Micros) -> None:
        """Add waits given as ``by_hour`` makes them."""
        self.by_hour.append(waits)

    def hours(self) -> list[HourFigures]:
        waits = [spans.all() for spans in self.waits]
        if self.by_hour:  # each value's hour, to pick each hour's values out of all of them at once
            values = joined(rolled[24:] for rolled in self.by_hour)
            sizes = joined(rolled[:24] for rolled in self.by_hour)
            of_hour = np.repeat(np.tile(np.arange(24), len(self.by_hour)), sizes)
            waits = [joined([waits[hour], values[of_hour == hour]]) for hour in range(24)]
        return [HourFigures(hour, self.arrivals[hour], summarize(waits[hour])) for hour in range(24)]


@dataclass(slots=True)
class WorkTally:
    """A counter's or an operator's visits: served, their service time and the serving time (microseconds)."""

    served: int = 0
    service: int = 0
    serving: int = 0

    def add(self, visit: Visit, measured: Measured | None = None) -> None:
        m = measure(visit) if measured is None else measured
        self.serving += m.at_counter
        if m.service is not None:
            self.served += 1
            self.service += m.service


@dataclass(slots=True)
class SessionTally:
    """A counter's or an operator's session time and pauses by reason, in microseconds."""

    session: int = 0
    paused: dict[str, int] = field(default_factory=dict)

    def add(self, interval: Interval) -> None:
        length = micros(interval.length)
        self.session += length
        if interval.reason is not None:
            self.paused[interval.reason] = self.paused.get(interval.reason, 0) + length


def work_times(
    intervals: Iterable[Interval],
    work: Mapping[int, WorkTally],
    by_operator: Mapping[str, WorkTally],
    sessions: tuple[Mapping[int, SessionTally], Mapping[str, SessionTally]] = ({}, {}),
) -> tuple[dict[int, CounterTime], dict[str, CounterTime]]:
    """Per counter number and per operator username (sorted): served, mean service time, session, serving,
    pauses by reason, from the stretches of their sessions (and ``sessions`` already tallied) and the
    tallies of their visits."""
    counters, operators = session_times(intervals, sessions)
    numbers = sorted(counters.keys() | work.keys())
    names = sorted(operators.keys() | by_operator.keys())
    return (
        {n: _time(counters.get(n), work.get(n)) for n in numbers},
        {n: _time(operators.get(n), by_operator.get(n)) for n in names},
    )


def session_times(
    intervals: Iterable[Interval],
    sessions: tuple[Mapping[int, SessionTally], Mapping[str, SessionTally]] = ({}, {}),
) -> tuple[dict[int, SessionTally], dict[str, SessionTally]]:
    """``sessions`` (copied) with the stretches of ``intervals`` added, per counter and per operator."""
    counters = {n: SessionTally(t.session, dict(t.paused)) for n, t in sessions[0].items()}
    operators = {n: SessionTally(t.session, dict(t.paused)) for n, t in sessions[1].items()}
    for interval in intervals:
        counters.setdefault(interval.counter, SessionTally()).add(interval)
        if interval.operator is not None:
            operators.setdefault(interval.operator, SessionTally()).add(interval)
    return counters, operators


def _time(session: SessionTally | None, work: WorkTally | None) -> CounterTime:
    session = session or SessionTally()
    work = work or WorkTally()
    return CounterTime(
        served=work.served,
        mean_service=None if work.served == 0 else work.service / (work.served * 1_000_000),
        session=session.session / 1_000_000,
        serving=work.serving / 1_000_000,
        paused={reason: span / 1_000_000 for reason, span in sorted(session.paused.items())},
    )
