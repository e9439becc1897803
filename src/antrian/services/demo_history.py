"""Past service days for the sample office (``antrian demo-data --history-days N``), so the supervisor's
report has weeks of content: made through the real service functions on a pinned clock, so every ticket,
counter state and event is exactly what the office would have recorded.

A day is a small discrete-event simulation, run in time order: citizens arrive (more in the morning, most
around 09:00-10:00) and take a ticket; counters open at eight, call the next citizen, serve, pause for lunch
(and for Friday prayers) with a reason, and close once the queue is empty after the last issue. Some
citizens are priority groups, some do not come when called (recalled once, then skipped), some are sent on
to another service, some give up and leave (cancelled). Seeded: the same call makes the same history.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import Clock, FixedClock, TimeUnit, require_utc, service_day, system_clock
from antrian.services.demo_record import Operations, Recorder, ServiceOperations, hold_loaded
from antrian.services.office import get_office
from antrian.services.standards import Standard, histories, in_force
from antrian.store.database import Database
from antrian.store.models import Counter, CounterService, Service, ServiceStandard, Ticket, User

MOST_DAYS = 261  # a year of working days (the command line offers up to 60)
DEFAULT_DAYS = 20
SEED = 2026
OPENS, LAST_ISSUE = time(8, 0), time(15, 0)
# Arrivals per hour of the day (office-local), before the weekday's factor: the morning peak.
HOURLY = {8: 12, 9: 20, 10: 18, 11: 12, 12: 6, 13: 10, 14: 7}
WEEKDAY = {0: 1.2, 1: 1.05, 2: 1.0, 3: 0.95, 4: 0.8}  # Monday busiest, Friday shortest
# The share of arrivals per service (the first four services; others of a bigger office share the rest).
MIX = {"A": 0.42, "B": 0.25, "C": 0.13, "D": 0.2}
OTHER_SHARE = 0.1
SAMPLE_MINUTES = 11.6  # a sample counter's mean service time: MIX over A-D's medians
# A service's median service time as a share of its standard; a spread that puts some over it.
MEDIAN_SHARE, SPREAD = 0.5, 0.45
NO_SHOW, RETURNS_ON_RECALL, TRANSFER, PRIORITY, GIVES_UP = 0.05, 0.3, 0.03, 0.08, 0.02
LUNCH = "Istirahat siang"
PRAYER = "Sholat Jumat"
SHORT_BREAKS = ("Koordinasi dengan atasan", "Gangguan printer", "Mengambil blanko")


@dataclass(frozen=True, slots=True)
class HistoryDay:
    """What the generator made on one service day (for the caller's summary and the tests)."""

    day: date
    issued: int = 0
    served: int = 0
    no_show: int = 0
    transferred: int = 0
    cancelled: int = 0
    priority: int = 0
    pauses: int = 0


@dataclass
class _Desk:
    number: int
    actor: Actor
    codes: tuple[str, ...]
    opens: datetime
    closes_after: datetime
    late: bool
    pauses: list[tuple[datetime, timedelta, str]] = field(default_factory=list)
    open: bool = False
    busy: bool = False


def install_history(
    db: Database,
    *,
    days: int = DEFAULT_DAYS,
    clock: Clock = system_clock,
    seed: int = SEED,
    through_services: bool = False,
) -> list[HistoryDay]:
    """Make ``days`` past working days (Monday to Friday, before today) of the sample office, oldest first,
    one transaction per day. Nothing is made when the office has any ticket already: history goes only
    into a new office, so today's queue and the counters' states are never touched.

    Each day is simulated in time order; its operations are recorded in memory and written in bulk
    (``demo_record.Recorder``: the rows and events the service functions would have made, a few seconds
    for 20 days), or with ``through_services`` by the service functions themselves on a pinned clock (the
    reference the tests compare the bulk rows with; about ten times slower).

    Return:
        One ``HistoryDay`` per day made (empty when nothing was made).
    """
    if not 0 <= days <= MOST_DAYS:
        raise InvalidInput("demo.history_range", given=days, most=MOST_DAYS)
    with db.read() as session:
        if days == 0 or session.execute(select(func.count(Ticket.id))).scalar_one() > 0:
            return []
        zone = get_office(session).zone
        today = service_day(require_utc(clock()), zone)
        codes = list(session.execute(select(Service.code).order_by(Service.display_order)).scalars())
        served_by = _served_by(session)
        operators = list(
            session.execute(
                select(User.id, User.username).where(User.role == "operator").order_by(User.username)
            ).tuples()
        )
        names = dict(session.execute(select(Service.id, Service.code)).tuples().all())
        standards = {names[service_id]: entries for service_id, entries in histories(session).items()}
    rng = random.Random(seed)
    past: list[date] = []
    day = today
    while len(past) < days:
        day -= timedelta(days=1)
        if day.isoweekday() <= 5:
            past.append(day)
    _standards_from(db, min(past))
    made = []
    for day in reversed(past):
        minutes = {c: _median_minutes(standards.get(c), day) for c in codes}
        with db.write() as session:
            clock_of_day = FixedClock(datetime.combine(day, OPENS, zone).astimezone(UTC))
            ops: Operations
            if through_services:
                hold_loaded(session)
                ops = ServiceOperations(session, clock_of_day)
            else:
                ops = Recorder(session, clock_of_day, day)
            made.append(_Day(ops, clock_of_day, day, zone, rng, codes, served_by, operators, minutes).run())
            ops.write()
    return made


def _standards_from(db: Database, first: date) -> None:
    """The sample standards, set today by ``demo-data``, in force from the history's first day instead: the
    history is measured by them and the reports say so ("since" that day), as in an office whose decree
    predates its records."""
    with db.write() as session:
        session.execute(
            update(ServiceStandard).where(ServiceStandard.effective_from > first).values(effective_from=first)
        )


def _served_by(session: Session) -> dict[int, tuple[str, ...]]:
    """The services of each active counter, by number, in the counter's order."""
    rows = session.execute(
        select(Counter.number, Service.code)
        .join(CounterService, CounterService.counter_id == Counter.id)
        .join(Service, Service.id == CounterService.service_id)
        .where(Counter.active.is_(True), Service.active.is_(True))
        .order_by(Counter.number, CounterService.position)
    ).tuples()
    out: dict[int, tuple[str, ...]] = {}
    for number, code in rows:
        out[number] = (*out.get(number, ()), code)
    return out


def _median_minutes(entries: list[Standard] | None, day: date) -> float:
    """The median service time to draw around: half the standard in force (a standard in working days, which
    the queue does not measure, counts as a 20-minute desk visit)."""
    entry = in_force(entries or [], day)
    if entry is None or entry.unit == TimeUnit.WORKING_DAYS:
        return 10.0
    standard = entry.value * (60 if entry.unit == TimeUnit.HOURS else 1)
    return MEDIAN_SHARE * min(standard, 45)


class _Day:
    """One service day, simulated in time order through the service functions."""

    def __init__(
        self,
        ops: Operations,
        clock: FixedClock,
        day: date,
        zone: ZoneInfo,
        rng: random.Random,
        codes: list[str],
        served_by: dict[int, tuple[str, ...]],
        operators: list[tuple[int, str]],
        minutes: dict[str, float],
    ) -> None:
        self.ops, self.clock, self.day, self.zone, self.rng = ops, clock, day, zone, rng
        self.minutes = minutes
        self.heap: list[tuple[datetime, int, Callable[[], None]]] = []
        self.order = itertools.count()
        self.waiting: set[str] = set()  # labels issued and not yet called
        self.arrivals: list[datetime] = []
        self.made = {"issued": 0, "served": 0, "no_show": 0, "transferred": 0, "cancelled": 0}
        self.made |= {"priority": 0, "pauses": 0}
        self.desks = self._desks(served_by, operators)
        # only the services a counter working all day calls: nothing is left waiting at the end of the day
        self.codes = [c for c in codes if any(c in desk.codes and not desk.late for desk in self.desks)]
        self.weights, self.size = self._weights()

    def at(self, when: time, minutes: float = 0) -> datetime:
        local = datetime.combine(self.day, when, self.zone) + timedelta(minutes=minutes)
        return local.astimezone(UTC)

    def _desks(self, served_by: dict[int, tuple[str, ...]], operators: list[tuple[int, str]]) -> list[_Desk]:
        """The counters that work today, each with an operator (on Thursdays two operators swap), its opening,
        its breaks and the hour after which it closes once nobody waits."""
        friday, rng = self.day.isoweekday() == 5, self.rng
        numbers = sorted(served_by)[: max(1, len(operators))]
        people = list(operators)
        if self.day.isoweekday() == 4 and len(people) > 1:
            people[0], people[1] = people[1], people[0]
        desks = []
        for index, number in enumerate(numbers):
            user_id, username = people[index % len(people)] if people else (None, "system")
            actor = Actor(Role.OPERATOR, user_id, username) if user_id else SYSTEM
            late = index == 3  # the fourth counter helps with the morning peak only
            opens = self.at(time(9, 0) if late else OPENS, rng.uniform(-5, 10))
            closes = self.at(time(13, 0) if late else LAST_ISSUE, rng.uniform(0, 20))
            desk = _Desk(number, actor, served_by[number], opens, closes, late)
            # breaks in turn, so a counter always calls; on Fridays the first two go to the mosque
            if friday and index < 2:
                desk.pauses.append((self.at(time(11, 30), rng.uniform(0, 10)), timedelta(minutes=75), PRAYER))
            elif not late:
                lunch = self.at(time(11, 30), 45 * (index % 3) + rng.uniform(0, 10))
                desk.pauses.append((lunch, timedelta(minutes=rng.uniform(30, 45)), LUNCH))
            if rng.random() < 0.3:
                start = self.at(time(10, 0), rng.uniform(0, 240))
                desk.pauses.append((start, timedelta(minutes=rng.uniform(5, 15)), rng.choice(SHORT_BREAKS)))
            desk.pauses.sort()
            desks.append(desk)
        return desks

    def _weights(self) -> tuple[list[float], float]:
        """How likely a citizen comes for each service, and how many come compared with the sample office.

        Every counter working all day brings as many citizens as it can serve in a sample counter's time
        (``SAMPLE_MINUTES`` a citizen), divided among its services by ``MIX``: the sample office's counters
        serve A-D alike, so there the weights are ``MIX`` itself; in a Mal Pelayanan Publik a counter of
        its own agency gets its own citizens, fewer where each takes longer.
        """
        weights = dict.fromkeys(self.codes, 0.0)
        capacity = float(sum(desk.late for desk in self.desks))  # the helper at the fourth counter
        for desk in self.desks:
            mine = [c for c in desk.codes if c in weights]
            if desk.late or not mine:
                continue
            total = sum(MIX.get(c, OTHER_SHARE) for c in mine)
            minutes = sum(MIX.get(c, OTHER_SHARE) / total * self.minutes[c] for c in mine)
            citizens = round(min(1.5, SAMPLE_MINUTES / minutes), 2)
            capacity += citizens
            for code in mine:
                weights[code] += citizens * MIX.get(code, OTHER_SHARE) / total
        return list(weights.values()), capacity / 4

    def later(self, when: datetime, step: Callable[[], None]) -> None:
        heapq.heappush(self.heap, (when, next(self.order), step))

    def run(self) -> HistoryDay:
        factor = WEEKDAY[self.day.weekday()] * self.size
        for hour, count in HOURLY.items():
            for _ in range(round(count * factor * self.rng.uniform(0.85, 1.15))):
                self.arrivals.append(self.at(time(hour), self.rng.uniform(0, 60)))
        self.arrivals.sort()
        for when in self.arrivals:
            self.later(when, functools.partial(self.arrive, when))
        for desk in self.desks:
            self.later(desk.opens, functools.partial(self.ready, desk))
        while self.heap:
            when, _, step = heapq.heappop(self.heap)
            self.clock.now = when
            step()
        return HistoryDay(self.day, **self.made)

    def arrive(self, when: datetime) -> None:
        code = self.rng.choices(self.codes, self.weights)[0]
        group = None
        if self.rng.random() < PRIORITY:
            group = self.rng.choice((PriorityGroup.ELDERLY, PriorityGroup.DISABILITY, PriorityGroup.PREGNANT))
            self.made["priority"] += 1
        label = self.ops.issue(code, group)
        self.made["issued"] += 1
        self.waiting.add(label)
        if self.rng.random() < GIVES_UP:
            self.later(when + timedelta(minutes=self.rng.uniform(20, 50)), lambda: self.give_up(label))

    def give_up(self, label: str) -> None:
        if label in self.waiting:
            self.waiting.discard(label)
            self.ops.cancel(label)
            self.made["cancelled"] += 1

    def ready(self, desk: _Desk) -> None:
        """The counter is free: open it, take its break, call the next citizen, or close for the day."""
        now, n, actor = self.clock.now, desk.number, desk.actor
        desk.busy = False
        if not desk.open:
            self.ops.open(n, actor)
            desk.open = True
        if desk.pauses and desk.pauses[0][0] <= now:
            _, length, reason = desk.pauses.pop(0)
            self.ops.pause(n, reason, actor)
            self.made["pauses"] += 1
            desk.open = False
            self.later(now + length, lambda: self.ready(desk))
            return
        if desk.late and now >= desk.closes_after:  # the helper leaves whoever waits to the others
            self.ops.close(n, actor)
            return
        called = self.ops.call_next(n, actor)
        if called is None:
            if now >= desk.closes_after and not any(other.busy for other in self.desks):
                self.ops.close(n, actor)
                return
            coming = next((t for t in self.arrivals if t > now), now + timedelta(minutes=5))
            wake = min(max(coming, now + timedelta(seconds=30)), now + timedelta(minutes=5))
            self.later(wake, lambda: self.ready(desk))
            return
        desk.busy = True
        self.waiting.discard(called[0])
        self.serve(desk, called[1])

    def serve(self, desk: _Desk, code: str) -> None:
        now, n, actor, rng = self.clock.now, desk.number, desk.actor, self.rng

        def then(minutes: float, action: str, to: str = "") -> datetime:
            when = now + timedelta(minutes=minutes)
            self.later(when, lambda: self.ops.act(action, n, actor, to))
            return when

        absent = rng.random() < NO_SHOW
        if absent:
            then(1.5, "recall")
            if rng.random() >= RETURNS_ON_RECALL:
                done = then(3.5, "no_show")
                self.made["no_show"] += 1
                self.later(done + timedelta(seconds=20), lambda: self.ready(desk))
                return
        walk = (2.5 if absent else 0) + rng.uniform(0.3, 1.5)
        then(walk, "start")
        service = walk + self.minutes[code] * rng.lognormvariate(0, SPREAD)
        others = [c for c in self.codes if c != code]
        if others and rng.random() < TRANSFER:
            done = then(walk + rng.uniform(2, 6), "transfer", rng.choice(others))
            self.made["transferred"] += 1
        else:
            done = then(service, "finish")
            self.made["served"] += 1
        self.later(done + timedelta(minutes=rng.uniform(0.2, 1.0)), lambda: self.ready(desk))
