"""The kiosk's and the ticket's estimated wait: a range from today's measured counter times, or nothing.

Tested in tests/domain/test_estimate.py (the arithmetic) and tests/services/test_kiosk.py (the days).

A new ticket of service S is called when the open counters serving S have dealt with the people ahead of it.

- **People ahead** (``line_ahead``, ``line_services``): a counter calls the oldest ticket across all the
  services it serves, so a new S ticket queues behind everyone waiting for any service of the open counters
  that serve S (priority tickets included: they are served too). With no open counter, behind the S tickets
  waiting. The printed ticket counts the same line as "people ahead of you", so its number and its estimate
  agree.
- **Counters**: the open counters that serve S (paused and closed ones serve nobody), and
  how many of them are idle (open, nobody at the counter).
- **Counter time per citizen**: for each of those counters, the time from first call to finish of its last
  ``RECENT_PER_COUNTER`` sittings that ended today (served, or transferred on), whatever their service, since
  those counters serve the whole shared line. The call, not the start, opens the sitting: waiting for the
  citizen to walk up and the recalls keep the counter from the next citizen too. Gaps from one finish to the
  next would also count the breaks and the idle minutes when nobody waited, which say nothing of how fast the
  line moves once it is long; no-shows are left out because their row records no end, and they cost less
  than a served citizen, so leaving them out errs towards a longer wait. Only today counts (the service day
  in the office's time zone): yesterday's pace is another day's staff and load.
- **Calls before this one**: ``releases = people ahead + 1 - idle counters`` (an idle counter calls at once),
  at least 1. Spread over the counters that is ``rounds = releases / counters``.
- **Range**, with at least ``MIN_SAMPLES`` measured sittings: the median sitting times ``rounds``, plus and
  minus half the interquartile range (nearest-rank quartiles) times ``sqrt(rounds)``, because the spread of a
  sum of independent sittings grows with the square root of their number, not with it. Rounded outward to
  whole ``STEP_MINUTES``: "sekitar 10-20 menit"; a range whose low end rounds to 0 reads "paling lama sekitar
  10 menit"; low and high equal read "sekitar 15 menit".
- **Before there is data today** (fewer than ``MIN_SAMPLES`` sittings): the service's published standard in
  minutes or hours is the longest a sitting should take, so ``ceil(rounds) x standard`` is an upper bound:
  "paling lama sekitar 45 menit". A standard in working days says nothing of the counter: no estimate.
- **Nothing rather than a false number**: no open counter serving S says "belum ada loket buka", even with
  nobody ahead; nobody ahead and an idle open counter is the only "segera dilayani" (people ahead never read
  "segera"); a range wider than ``WIDEST``, or reaching past ``LONGEST`` while its low end does not, or an
  upper bound past ``LONGEST``, says "belum dapat diperkirakan"; a range that starts past ``LONGEST`` says
  "lebih dari 3 jam", which is true and is what a citizen needs to decide to come back another day.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from antrian.domain.messages import Message

_T = TypeVar("_T")

MIN_SAMPLES = 5
RECENT_PER_COUNTER = 30
STEP_MINUTES = 5
LONGEST = timedelta(hours=3)
WIDEST = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class ServiceTimes:
    """Counter time per citizen: nearest-rank quartiles of today's sittings, or the standard alone."""

    q1: timedelta
    median: timedelta
    q3: timedelta
    measured: bool  # False: the published standard, an upper bound (q1 == median == q3)


def line_services(service: str, open_counters: Sequence[frozenset[str]]) -> frozenset[str]:
    """The services whose tickets share a line with ``service``: all those of the open counters serving it,
    or ``service`` alone when no open counter does."""
    shared: set[str] = set()
    for served in open_counters:
        if service in served:
            shared |= served
    return frozenset(shared or {service})


def line_ahead(service: str, open_counters: Sequence[frozenset[str]], waiting: Mapping[str, int]) -> int:
    """People a new ``service`` ticket queues behind: everyone waiting for the services of its counters."""
    return sum(waiting.get(code, 0) for code in line_services(service, open_counters))


def nearest_rank(ordered: Sequence[_T], percent: int) -> _T:
    """The p-th percentile of sorted values: the value at rank ceil(p/100 x n) (the reports' definition)."""
    return ordered[max(1, math.ceil(percent * len(ordered) / 100)) - 1]


def service_times(measured: Sequence[timedelta], standard: timedelta | None) -> ServiceTimes | None:
    """Quartiles of today's sittings when there are ``MIN_SAMPLES``, else the standard, else None."""
    if len(measured) >= MIN_SAMPLES:
        ordered = sorted(measured)
        q1, median, q3 = (nearest_rank(ordered, p) for p in (25, 50, 75))
        return ServiceTimes(q1, median, q3, measured=True)
    if standard is not None:
        return ServiceTimes(standard, standard, standard, measured=False)
    return None


def _minutes_down(span: timedelta) -> int:
    return max(0, STEP_MINUTES * math.floor(span.total_seconds() / 60 / STEP_MINUTES))


def _minutes_up(span: timedelta) -> int:
    return STEP_MINUTES * math.ceil(span.total_seconds() / 60 / STEP_MINUTES)


def estimate_wait(ahead: int, counters: int, idle: int, times: ServiceTimes | None) -> Message:
    """What the kiosk and the ticket say of the wait (see the module's notes for the method).

    Args:
        ahead: people ahead of the ticket (``line_ahead``).
        counters: open counters serving the service.
        idle: how many of those have nobody at the counter.
        times: counter time per citizen (``service_times``).

    Return:
        ``estimate.no_counter``, ``.now``, ``.range`` (``low``, ``high`` in minutes), ``.about``,
        ``.at_most`` or ``.beyond`` (``wait``), or ``.unknown``.
    """
    if ahead < 0 or not 0 <= idle <= counters:
        raise ValueError(f"impossible queue: {ahead} ahead, {idle} of {counters} counters idle")
    if counters == 0:  # even with nobody ahead: "served shortly" would be false
        return Message("estimate.no_counter")
    if ahead == 0 and idle > 0:
        return Message("estimate.now")
    if times is None:
        return Message("estimate.unknown")
    rounds = max(ahead + 1 - idle, 1) / counters
    if not times.measured:
        bound = timedelta(minutes=_minutes_up(math.ceil(rounds) * times.median))
        return Message("estimate.unknown") if bound > LONGEST else Message("estimate.at_most", wait=bound)
    centre = rounds * times.median
    spread = (times.q3 - times.q1) / 2 * math.sqrt(rounds)
    low = timedelta(minutes=_minutes_down(centre - spread))
    high = timedelta(minutes=max(STEP_MINUTES, _minutes_up(centre + spread)))
    if low >= LONGEST:
        return Message("estimate.beyond", wait=LONGEST)
    if high > LONGEST or high - low > WIDEST:
        return Message("estimate.unknown")
    if not low:
        return Message("estimate.at_most", wait=high)
    if low == high:
        return Message("estimate.about", wait=low)
    return Message("estimate.range", low=int(low.total_seconds()) // 60, high=int(high.total_seconds()) // 60)
