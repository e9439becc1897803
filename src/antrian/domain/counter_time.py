"""A counter's time in the compliance report: its sessions as open and paused stretches, from the counter
events (opened, paused, resumed, closed), and each counter's and operator's session, serving, pauses and idle
time, no I/O. The visits' own figures are ``domain.figures``.

**Counter serving** = walk + the time at the counter after the start of each visit that ended there (served,
or transferred on after its start). A no-show records no end on its visit, so its minutes count as idle.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from antrian.domain.figures import Visit
from antrian.domain.timing import day_end, require_utc


class CounterEventKind(StrEnum):
    OPENED = "opened"
    PAUSED = "paused"
    RESUMED = "resumed"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class CounterEvent:
    """An opening, pause (with its reason), resumption or closing of a counter, by an operator."""

    at: datetime
    counter: int
    kind: CounterEventKind
    operator: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of a counter's session under one operator: open (``reason`` None) or paused (why)."""

    counter: int
    operator: str | None
    start: datetime
    end: datetime
    reason: str | None

    @property
    def length(self) -> timedelta:
        return self.end - self.start


def counter_intervals(events: Iterable[CounterEvent], zone: ZoneInfo, now: datetime) -> list[Interval]:
    """The sessions of the counters as open and paused stretches, from their events.

    Reopening a paused counter is a resumption; an opening by another operator hands the session over. Any
    event of a closed counter other than closing starts a session, since the counter is in use. A session
    still open at its service day's end ends there (and at ``now`` on a day not over yet).
    """
    intervals: list[Interval] = []
    by_counter: dict[int, list[CounterEvent]] = defaultdict(list)
    for event in events:
        by_counter[event.counter].append(event)
    now = require_utc(now)
    for counter, mine in sorted(by_counter.items()):
        current: CounterEvent | None = None  # the event that began the stretch running now
        for event in sorted(mine, key=lambda e: e.at):
            if current is not None:
                end = min(event.at, day_end(current.at.astimezone(zone).date(), zone))
                intervals.append(_stretch(counter, current, end))
            current = None if event.kind is CounterEventKind.CLOSED else event
        if current is not None:
            end = min(now, day_end(current.at.astimezone(zone).date(), zone))
            if end > current.at:
                intervals.append(_stretch(counter, current, end))
    return [interval for interval in intervals if interval.end > interval.start]


def _stretch(counter: int, began: CounterEvent, end: datetime) -> Interval:
    reason = (began.reason or "") if began.kind is CounterEventKind.PAUSED else None
    return Interval(counter, began.operator, require_utc(began.at), require_utc(end), reason)


@dataclass(frozen=True, slots=True)
class CounterTime:
    """A counter's (or an operator's) time, in seconds: idle = session - paused - serving."""

    served: int
    mean_service: float | None
    session: float
    serving: float
    paused: dict[str, float] = field(default_factory=dict)

    @property
    def paused_total(self) -> float:
        return math.fsum(self.paused.values())

    @property
    def idle(self) -> float:
        return self.session - self.paused_total - self.serving


def counter_times(intervals: Sequence[Interval], visits: Iterable[Visit]) -> dict[int, CounterTime]:
    """Per counter number (sorted), its served tickets, mean service time, session, serving, pauses, idle."""
    return _times(intervals, visits)[0]


def operator_times(intervals: Sequence[Interval], visits: Iterable[Visit]) -> dict[str, CounterTime]:
    """Per operator username (sorted), the same figures as ``counter_times`` over the stretches they held."""
    return _times(intervals, visits)[1]


def _times(
    intervals: Sequence[Interval], visits: Iterable[Visit]
) -> tuple[dict[int, CounterTime], dict[str, CounterTime]]:
    from antrian.domain.tally import WorkTally, work_times

    counters: dict[int, WorkTally] = defaultdict(WorkTally)
    operators: dict[str, WorkTally] = defaultdict(WorkTally)
    for visit in visits:
        if visit.counter is not None:
            counters[visit.counter].add(visit)
        if visit.operator is not None:
            operators[visit.operator].add(visit)
    return work_times(intervals, counters, operators)
