"""The kiosk's estimated wait, in plain arithmetic (tested in tests/domain/test_estimate.py).

Method: a new ticket of service S waits for the people ahead of it to be served by the counters serving S.

- people ahead: counters call the oldest ticket across all the services they serve, so a new S ticket
  queues behind every ticket waiting for any service of the open counters that serve S (priority tickets
  included: they are served too). With no open counter, behind the S tickets waiting.
- servers: the open counters that serve S.
- typical service time: the median time from first call to finish of S's tickets finished recently (the
  caller passes today's last ones); with fewer than ``MIN_SAMPLES`` of those, the service's published
  standard time when it is given in minutes or hours; otherwise ``FALLBACK``.
- wait = ceil(people ahead / servers) x typical time, rounded up to whole ``STEP`` minutes (the kiosk says
  "sekitar 15 menit", never a false precision). No open counter serving it: no estimate, even with nobody
  ahead ("belum ada loket buka", never "segera dilayani").
"""

import math
from collections.abc import Mapping, Sequence
from datetime import timedelta
from statistics import median

from antrian.domain.messages import Message

MIN_SAMPLES = 5
FALLBACK = timedelta(minutes=10)
STEP_MINUTES = 5


def line_ahead(service: str, open_counters: Sequence[frozenset[str]], waiting: Mapping[str, int]) -> int:
    """People a new ``service`` ticket queues behind: everyone waiting for the services of its counters."""
    shared: set[str] = set()
    for served in open_counters:
        if service in served:
            shared |= served
    return sum(waiting.get(code, 0) for code in shared or {service})


def servers_for(service: str, open_counters: Sequence[frozenset[str]]) -> int:
    return sum(1 for served in open_counters if service in served)


def typical_service_time(recent: Sequence[timedelta], standard: timedelta | None) -> timedelta:
    """Median of recent service times, else the published standard time, else ``FALLBACK``."""
    if len(recent) >= MIN_SAMPLES:
        return timedelta(seconds=median(t.total_seconds() for t in recent))
    return standard if standard is not None else FALLBACK


def estimated_wait(people_ahead: int, servers: float, typical: timedelta) -> timedelta | None:
    """How long a new ticket will wait, rounded up to ``STEP_MINUTES``; None when no counter serves it."""
    if people_ahead < 0:
        raise ValueError("people ahead cannot be negative")
    if servers <= 0:  # nobody ahead, but no open counter either: "served shortly" would be false
        return None
    if people_ahead == 0:
        return timedelta(0)
    rounds = math.ceil(people_ahead / servers)
    minutes = rounds * typical.total_seconds() / 60
    return timedelta(minutes=STEP_MINUTES * math.ceil(minutes / STEP_MINUTES))


def describe_wait(wait: timedelta | None) -> Message:
    """What the kiosk and the ticket say of an estimate: ``estimate.no_counter`` (no open counter serves
    the service), ``estimate.now`` (nobody ahead) or ``estimate.about`` (``wait``, in whole minutes)."""
    if wait is None:
        return Message("estimate.no_counter")
    if wait < timedelta(minutes=1):
        return Message("estimate.now")
    return Message("estimate.about", wait=wait)
