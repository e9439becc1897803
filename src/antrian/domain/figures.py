"""The arithmetic of the compliance report: every figure from ticket visits, no I/O. The counters' and
operators' time (sessions, pauses, idle) is ``domain.counter_time``.

The definitions are DOMAIN.md's "Ticket timestamps and derived times" and "Reporting definitions". Decisions
where they leave room (DESIGN.md, "Report figures"):

- **Units**: derived times are ``timedelta`` (exact microseconds, from ``domain.timing``); summaries report
  them in seconds as ``float``. Means sum exact microseconds and divide once; percentages are exact
  fractions shown rounded half-up to 1 decimal (``Share.shown``).
- **Called** means the visit has a first-call instant, whatever its status now: waiting applies to it
  (served, no-show, transferred on, and one called then cancelled or expired at the day's end), so
  called + not called = issued. A visit never called has no waiting; its wait so far runs to its end
  (cancelled, expired) or to ``now`` (still waiting).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from antrian.domain.estimate import nearest_rank
from antrian.domain.status import Status
from antrian.domain.timing import TimeUnit, require_utc, service_time, stay_time, waiting_time, walk_time

PERCENTILES = (50, 90, 95)
_MICROSECOND = timedelta(microseconds=1)
_ZERO = timedelta()
_UNIT_SPAN = {TimeUnit.MINUTES: timedelta(minutes=1), TimeUnit.HOURS: timedelta(hours=1)}


def seconds(span: timedelta) -> float:
    """A time span in seconds, the unit of every report."""
    return span.total_seconds()


@dataclass(frozen=True, slots=True)
class Standard:
    """The service standard in force on a day: the published service time and the office's waiting target.

    Args:
        value: the published time (jangka waktu pelayanan), in ``unit``.
        unit: minutes and hours are measured against service time; working days are not measurable here.
        waiting_target_minutes: the office's waiting target, or None when it set none.
        decree: the decision that set it ("Keputusan Kepala Dinas No. 12/2026"), "" when unknown.
        effective_from: the first service day it is in force, None when not known.
    """

    value: int
    unit: TimeUnit
    waiting_target_minutes: int | None
    decree: str = ""
    effective_from: date | None = None

    @property
    def limit(self) -> timedelta | None:
        """The longest service time within the standard, or None for a standard in working days."""
        span = _UNIT_SPAN.get(self.unit)
        return None if span is None else self.value * span

    @property
    def waiting_limit(self) -> timedelta | None:
        return None if self.waiting_target_minutes is None else timedelta(minutes=self.waiting_target_minutes)


StandardFor = Callable[[str, date], Standard | None]


@dataclass(frozen=True, slots=True)
class Visit:
    """One ticket visit to one service, as a report sees it.

    A transfer ends one visit and starts another (``parent`` = the citizen's first visit) whose ``issued`` is
    the transfer instant, so its waiting is counted in its own service from then.

    Args:
        id: the visit's ticket id.
        label: the ticket number ("A-012"), the same on every visit of a citizen.
        service: the code of the service visited.
        day: the service day (office-local date of issue).
        issued: UTC-aware instants; the three after it are None when the visit never reached them.
        status: the visit's status now.
        counter: the number of the counter that called it last, or None.
        operator: the username of the operator who called it last, or None.
        priority: the priority group, None for a normal ticket.
        parent: the citizen's first visit for a transferred-in visit, None for a first visit.
        first_issued: the issue instant of the citizen's first visit (``issued`` for a first visit).
    """

    id: int
    label: str
    service: str
    day: date
    issued: datetime
    first_called: datetime | None
    started: datetime | None
    finished: datetime | None
    status: Status
    counter: int | None
    operator: str | None
    priority: str | None
    parent: int | None
    first_issued: datetime

    @property
    def citizen(self) -> int:
        """The id shared by every visit of one citizen: their first visit's."""
        return self.id if self.parent is None else self.parent

    @property
    def waiting(self) -> timedelta | None:
        """First called - issued, for a called visit (recalls do not move the first call)."""
        return waiting_time(self.issued, self.first_called)

    @property
    def walk(self) -> timedelta | None:
        """Started - first called."""
        return walk_time(self.first_called, self.started)

    @property
    def service_time(self) -> timedelta | None:
        """Finished - started, for a served visit only."""
        return service_time(self.started, self.finished) if self.status is Status.DONE else None

    @property
    def stay(self) -> timedelta | None:
        """Finished - issued of the citizen's first visit, on the served visit (always their last)."""
        return stay_time(self.first_issued, self.finished) if self.status is Status.DONE else None

    @property
    def at_counter(self) -> timedelta:
        """The counter's time on this visit: walk + the time from start to its end there (serving)."""
        walk = self.walk
        if walk is None:
            return _ZERO
        ended = self.status in (Status.DONE, Status.TRANSFERRED)
        stayed = service_time(self.started, self.finished) if ended else None
        return walk + (stayed or _ZERO)

    def wait_so_far(self, now: datetime) -> timedelta:
        """How long a visit never called has waited: to its end (cancelled, expired) or to ``now``."""
        return (self.finished or require_utc(now)) - self.issued


@dataclass(frozen=True, slots=True)
class Summary:
    """Count, nearest-rank percentiles, maximum and exact mean of time spans, in seconds (None when empty)."""

    count: int
    p50: float | None
    p90: float | None
    p95: float | None
    max: float | None
    mean: float | None

    @classmethod
    def of(cls, spans: Iterable[timedelta]) -> "Summary":
        return cls.of_micros(sorted(span // _MICROSECOND for span in spans))

    @classmethod
    def of_micros(cls, ordered: Sequence[int]) -> "Summary":
        """The summary of durations given as sorted whole microseconds: exact, since a ``timedelta``'s
        seconds are its microseconds / 10**6, and the mean sums integers and divides once."""
        count = len(ordered)
        if count == 0:
            return cls(0, None, None, None, None, None)
        p50, p90, p95 = (nearest_rank(ordered, p) / 1_000_000 for p in PERCENTILES)
        return cls(count, p50, p90, p95, ordered[-1] / 1_000_000, sum(ordered) / (count * 1_000_000))


def shown_percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in percent rounded half-up to 1 decimal for display (None when ``whole`` is 0).

    Rounded from the exact fraction, so 1 of 8 shows 12.5 and 1 of 16 shows 6.3.
    """
    if whole == 0:
        return None
    exact = Decimal(100 * part) / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class Share:
    """Tickets within a limit, out of those it applies to; ``over`` = ``of`` - ``within``."""

    within: int = 0
    of: int = 0

    @property
    def over(self) -> int:
        return self.of - self.within

    @property
    def percent(self) -> float | None:
        """The exact percentage within, None when the limit applies to no ticket."""
        return None if self.of == 0 else 100 * self.within / self.of

    @property
    def shown(self) -> float | None:
        """The percentage within as displayed: 1 decimal, half-up."""
        return shown_percent(self.within, self.of)


@dataclass(frozen=True, slots=True)
class Figures:
    """One service's figures for a period (or the priority or normal part of them).

    ``within_standard`` counts served visits whose standard is in minutes or hours; ``not_measurable`` the
    served visits whose standard is in working days, and ``no_standard`` those of a day without one. The
    stay summary covers every served visit, for the services whose standard only stay can approach.
    """

    issued: int
    served: int
    no_show: int
    cancelled: int
    expired: int
    transferred: int
    called: int
    not_called: int
    longest_not_called: float | None
    waiting: Summary
    service_time: Summary
    walk: Summary
    stay: Summary
    within_standard: Share
    not_measurable: int
    no_standard: int
    within_waiting_target: Share


def figures(visits: Sequence[Visit], standard_for: StandardFor, now: datetime) -> Figures:
    """The figures of ``visits`` (all of one service), each measured against its own day's standard.

    Args:
        visits: the visits of one service in the period.
        standard_for: the standard in force for a service code on a service day, or None.
        now: the instant the wait so far of the visits still waiting runs to.
    """
    from antrian.domain.tally import FiguresTally

    tally = FiguresTally(standard_for)
    for visit in visits:
        tally.add(visit)
    return tally.result(now)


@dataclass(frozen=True, slots=True)
class ServiceFigures:
    """A service's figures for a period: all its visits, the priority ones and the normal ones.

    ``standards`` are the distinct standards in force on the days of its visits, in order of first use.
    """

    code: str
    all: Figures
    priority: Figures
    normal: Figures
    standards: tuple[Standard, ...]


def service_figures(
    visits: Iterable[Visit], standard_for: StandardFor, now: datetime
) -> dict[str, ServiceFigures]:
    """Per service code (sorted), the figures of its visits; each visit counts once, in its own service."""
    from antrian.domain.tally import Limits, ServiceTally

    limits = Limits(standard_for)
    tallies: dict[str, ServiceTally] = {}
    for visit in visits:
        tally = tallies.get(visit.service)
        if tally is None:
            tally = tallies[visit.service] = ServiceTally(visit.service, limits)
        tally.add(visit)
    return {code: tallies[code].result(now) for code in sorted(tallies)}


@dataclass(frozen=True, slots=True)
class OfficeTotals:
    """The office's totals: a transferred citizen counts once (``citizens`` = distinct first visits).

    ``served`` counts citizens whose last visit was served; ``stay`` summarises their stays.
    """

    citizens: int
    visits: int
    transfers: int
    served: int
    stay: Summary


def office_totals(visits: Iterable[Visit]) -> OfficeTotals:
    from antrian.domain.tally import OfficeTally

    tally = OfficeTally()
    for visit in visits:
        tally.add(visit)
    return tally.result()


@dataclass(frozen=True, slots=True)
class HourFigures:
    """One office-local hour of the day: citizens arriving, and the waiting of the visits issued in it."""

    hour: int
    arrivals: int
    waiting: Summary


def local_hour(instant: datetime, zone: ZoneInfo) -> int:
    return require_utc(instant).astimezone(zone).hour


def hour_figures(visits: Iterable[Visit], zone: ZoneInfo) -> list[HourFigures]:
    """Hours 0-23 by the office-local hour of issue. An arrival is a citizen's first visit (a transfer is
    not one); waiting covers every called visit, a transferred-in one at the hour of its transfer."""
    from antrian.domain.tally import HourTally

    tally = HourTally(zone)
    for visit in visits:
        tally.add(visit)
    return tally.hours()


def weekday_hour_arrivals(visits: Iterable[Visit], zone: ZoneInfo) -> list[list[int]]:
    """Arrivals (first visits) as 7 rows (Monday first) of 24 office-local hours, by the instant of issue."""
    from antrian.domain.tally import HourTally

    tally = HourTally(zone)
    for visit in visits:
        tally.add(visit)
    return tally.matrix
