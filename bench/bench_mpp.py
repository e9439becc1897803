"""A whole Mal Pelayanan Publik on one PostgreSQL (issue 16): 100 counters, 20 kiosks, 10 real displays.

A busy morning of an MPP compressed into ``--minutes`` (default 10), on a throw-away schema in the
PostgreSQL database ``test`` (dropped at the end), everything through Antrian's real service layer:

- the office: ``--zones`` agencies (DUKCAPIL, SAMSAT, IMIGRASI, ...) of ``--services-per-zone`` services
  each, ``--counters`` counters spread over the zones by the agencies' sizes, each counter serving its zone's
  services (its main service first), one operator per counter (``services.users``), set up with
  ``services.zones`` and ``services.setup`` as an admin would;
- the counters: threads in ``--processes`` processes, each thread a counter PC with its own ``Database``
  (its own connection; ``--pool`` N shares N connections among a process's counters instead). Each
  operator logs in (``services.login.authenticate``) and opens the counter (``services.desk.open_desk``)
  in the first seconds, then works like a person: calls next when free (``queue.call_next`` in
  ``Database.write()``), the citizen walks up (``start``; a late one is recalled first; some never come:
  two recalls then ``no_show``), a service time, ``finish``, a short think time; nobody waiting: tries again
  a few seconds later. The service time is set so that the counters' capacity is about 5 % above the issue
  rate: the queue builds in the first minute and the call rate then follows the issue rate;
- the kiosks: ``--kiosks`` threads in one process, each its own ``Database``, issuing ``--rate`` tickets/s
  in all (Poisson arrivals, services weighted by their agency's size, 5 % priority) through
  ``queue.issue_ticket_in``;
- the displays: ``--displays`` real ``antrian display --windowed --zone Z --log-json FILE`` processes,
  offscreen, one per zone (the first ones), voice off (as bench_display's paint and memory parts).

Printed at the end:

- per display: call -> painted p50 / p95 / max (the counter's wall time right after its commit against the
  display's logged paint time, as bench_display), the calls of its zone it painted, missed and foreign ones;
  the display's resident memory and CPU;
- no missed call (every call of a zone painted by that zone's display) and no doubled call, checked in the
  database: no (service, day, sequence) twice, no ticket called twice by call_next, each ticket's call
  events numbered 1..n at one counter and matching its ``call_count``, no ticket left at a counter;
- issue, call_next (and the other actions') latency p50 / p95 / p99 under this load;
- the database: its server processes' CPU time over the run (``/proc/<pid>/stat`` of every ``postgres:``
  process, and of this bench's own backends), ``pg_stat_database`` commits and blocks (the whole ``test``
  database: other clients' work counts too), connections at peak (``pg_stat_activity``, sampled every
  second; this bench's own, by component, matched by client port);
- the load average (before, the peak during the run, after) and the raw ceiling of ``bench/ceiling.py``
  (1 and 4 writers, measured before the run) with the ratio of this run's commits/s to it.

    .venv/bin/python bench/bench_mpp.py                       # the full morning: 10 minutes, ~12 with set-up
    .venv/bin/python bench/bench_mpp.py --minutes 1 --counters 20 --zones 4 --kiosks 5 --rate 1  # smoke run

The full size needs about 150 connections: the server's ``max_connections`` (100 by default) must be
raised first (``ALTER SYSTEM SET max_connections = 250`` and a restart); the bench checks before it starts.
Exit status 1 when a call was missed or doubled.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_display import display_command, rss_kb  # noqa: E402
from bench.ceiling import Ceiling, load_average, measure  # noqa: E402

# The agencies of an MPP, with their relative size (counters and tickets) and three services each.
AGENCIES: tuple[tuple[str, str, float, tuple[str, ...]], ...] = (
    ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", 3.0, ("KTP-el", "Kartu Keluarga", "Akta")),
    ("SAMSAT", "Samsat", 2.0, ("Pajak Tahunan", "Balik Nama", "Plat Nomor")),
    ("IMIGRASI", "Kantor Imigrasi", 1.5, ("Paspor Baru", "Paspor Ganti", "Wawancara")),
    ("POLRES", "Satpas SIM dan SKCK", 1.5, ("SIM Baru", "SIM Perpanjang", "SKCK")),
    ("BPJSKES", "BPJS Kesehatan", 1.2, ("Peserta Baru", "Ubah Data", "Tunggakan")),
    ("BPJSTK", "BPJS Ketenagakerjaan", 1.0, ("Klaim JHT", "Kepesertaan", "Informasi")),
    ("PAJAK", "Kantor Pajak Pratama", 1.0, ("NPWP", "SPT", "Konsultasi")),
    ("DPMPTSP", "Perizinan Terpadu", 0.8, ("NIB", "PBG", "Izin Usaha")),
    ("BPN", "Badan Pertanahan", 0.6, ("Sertifikat", "Balik Nama Tanah", "Informasi Tanah")),
    ("PDAM", "PDAM", 0.4, ("Sambungan Baru", "Pengaduan", "Tagihan")),
    ("PLN", "PLN", 0.4, ("Pasang Baru", "Tambah Daya", "Pengaduan Listrik")),
    ("KEMENAG", "Kementerian Agama", 0.4, ("Nikah", "Haji", "Wakaf")),
)
PASSWORD = "Loket-bench-2026"
CALL_KINDS = ("ticket_called", "ticket_recalled", "ticket_resumed")
PRIORITY_SHARE = 0.05
LATE_SHARE, NO_SHOW_SHARE = 0.08, 0.06  # citizens recalled once, citizens who never come
RECALL_AFTER_S = 3.5


@dataclass(frozen=True)
class CounterSpec:
    number: int
    zone: str
    services: tuple[str, ...]
    username: str


@dataclass
class Office:
    zones: list[str]
    services: dict[str, tuple[str, float]]  # code -> (zone, weight)
    counters: list[CounterSpec]


@dataclass
class Behaviour:
    """How long things take at a counter, compressed (seconds)."""

    think: tuple[float, float] = (0.5, 2.5)
    walk: tuple[float, float] = (1.0, 3.0)
    idle_retry: tuple[float, float] = (1.5, 3.5)
    service_mean: float = 15.0

    def walk_mean(self) -> float:
        """The mean time from the call to the start or the no-show, as the counter thread behaves."""
        usual = sum(self.walk) / 2
        late = RECALL_AFTER_S + 1.75
        gone = 2 * RECALL_AFTER_S + 3
        return (1 - LATE_SHARE - NO_SHOW_SHARE) * usual + LATE_SHARE * late + NO_SHOW_SHARE * gone


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)] if ordered else float("nan")


def utc_time(epoch: float) -> str:
    return time.strftime("%H:%M:%S UTC", time.gmtime(epoch))


def spread(values: list[float], scale: float = 1000.0) -> str:
    if not values:
        return "n=0"
    v = [x * scale for x in values]
    return (
        f"n={len(v)} p50={statistics.median(v):.1f} p95={percentile(v, 0.95):.1f} "
        f"p99={percentile(v, 0.99):.1f} max={max(v):.1f} ms"
    )


# -- the office -----------------------------------------------------------------------------------------
def plan_office(zones: int, per_zone: int, counters: int) -> Office:
    """Zones of the first ``zones`` agencies, ``per_zone`` services each (codes A, B, ... then AA, AB, ...),
    ``counters`` counters spread by the agencies' sizes (largest remainder, at least one each)."""
    if not 1 <= zones <= len(AGENCIES):
        raise SystemExit(f"--zones must be 1..{len(AGENCIES)}")
    if counters < zones:
        raise SystemExit("--counters must be at least --zones (one counter a zone)")
    agencies = AGENCIES[:zones]
    total = sum(a[2] for a in agencies)
    shares = [counters * a[2] / total for a in agencies]
    sizes = [max(1, int(s)) for s in shares]
    for index in sorted(range(zones), key=lambda i: shares[i] - int(shares[i]), reverse=True):
        if sum(sizes) >= counters:
            break
        sizes[index] += 1
    while sum(sizes) > counters:
        sizes[sizes.index(max(sizes))] -= 1
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = iter([*letters, *(a + b for a in letters for b in letters)])
    office = Office([], {}, [])
    number = 1
    for (zone, _name, weight, _labels), size in zip(agencies, sizes, strict=True):
        office.zones.append(zone)
        mine = [next(codes) for _ in range(per_zone)]
        service_weights = [0.5, 0.3, 0.2] + [0.1] * max(0, per_zone - 3)
        share = sum(service_weights[:per_zone])
        for code, w in zip(mine, service_weights, strict=False):
            office.services[code] = (zone, weight * w / share)
        for k in range(size):
            main = k % per_zone  # the counters of a zone take turns at which service is their main one
            order = tuple(mine[main:] + mine[:main])
            office.counters.append(CounterSpec(number, zone, order, f"loket{number:03d}"))
            number += 1
    return office


def service_names(office: Office) -> dict[str, str]:
    names: dict[str, str] = {}
    for zone, _name, _weight, labels in AGENCIES:
        codes = [code for code, (z, _w) in office.services.items() if z == zone]
        for i, code in enumerate(codes):
            names[code] = labels[i] if i < len(labels) else f"{zone} layanan {i + 1}"
    return names


def office_timezone(seconds: float) -> str:
    """An Indonesian time zone in which the morning (and 10 minutes either side) does not cross midnight: at
    midnight the service day turns, numbers start again at 1 and the first counter opened expires the
    day before's tickets, as in an office, which is not what this bench measures."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    start = datetime.now(UTC) - timedelta(minutes=10)
    end = start + timedelta(seconds=seconds, minutes=20)
    for name in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"):
        zone = ZoneInfo(name)
        if start.astimezone(zone).date() == end.astimezone(zone).date():
            return name
    return "Asia/Jakarta"


def set_up(url: str, office: Office, timezone: str) -> None:
    """The office through the service layer, as an admin sets it up; voice off for the displays."""
    from argon2 import PasswordHasher

    from antrian.domain.roles import SYSTEM
    from antrian.services import passwords
    from antrian.services.display import VoiceSettings, save_voice_settings
    from antrian.services.office import update_office
    from antrian.services.setup import add_counter, save_service
    from antrian.services.users import create_user
    from antrian.services.zones import add_zone
    from antrian.store.database import open_database

    # The accounts' hashes at argon2's lowest cost, as the tests make them (tests/conftest.py): the office's
    # cost would spend a minute of this 2-core machine on 100 hashes before the morning starts. Verifying at
    # login reads the cost from the hash, so the logins are the service layer's own, only cheaper.
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    passwords._hasher = lambda: cheap
    names = service_names(office)
    db = open_database(url, create=True)
    try:
        with db.write() as session:
            update_office(
                session,
                SYSTEM,
                name="Mal Pelayanan Publik (bench)",
                timezone=timezone,
                priority_interleave=2,
            )
            save_voice_settings(session, VoiceSettings(enabled=False), actor=SYSTEM)
            create_user(session, "admin", "Admin MPP", "admin", "Kucing7hitam", actor=SYSTEM)
            for order, zone in enumerate(office.zones):
                agency = next(a for a in AGENCIES if a[0] == zone)
                add_zone(session, SYSTEM, zone, agency[1], order=order)
            for order, (code, (zone, _weight)) in enumerate(office.services.items()):
                save_service(
                    session,
                    code,
                    names[code],
                    actor=SYSTEM,
                    standard_time=15,
                    open_days="1234567",
                    display_order=order,
                    zone=zone,
                )
            for spec in office.counters:
                add_counter(
                    session,
                    spec.number,
                    f"Loket {spec.number}",
                    list(spec.services),
                    actor=SYSTEM,
                    zone=spec.zone,
                )
                create_user(
                    session, spec.username, f"Petugas Loket {spec.number}", "operator", PASSWORD, actor=SYSTEM
                )
    finally:
        db.dispose()


# -- the clients (in worker processes) --------------------------------------------------------------------
@dataclass
class Results:
    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    calls: list[dict[str, Any]] = field(default_factory=list)  # every call and recall, with its commit time
    issued: list[dict[str, Any]] = field(default_factory=list)
    called_ids: list[int] = field(default_factory=list)  # the ticket ids call_next returned
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    commits: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            self.commits += 1

    def waited(self, kind: str, seconds: float) -> None:
        """A transaction that was refused and rolled back (call_next with nobody waiting)."""
        with self.lock:
            self.latency[kind].append(seconds)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] += 1


def _sleep_until(moment: float) -> None:
    while (left := moment - time.time()) > 0:
        time.sleep(min(left, 1.0))


class Desk:
    """One counter PC: its own database, its operator, its actions timed from ``write()`` to commit."""

    def __init__(self, db: Any, spec: CounterSpec, results: Results, rng: random.Random) -> None:
        self.db, self.spec, self.results, self.rng = db, spec, results, rng
        self.actor: Any = None

    def act(self, kind: str, work: Callable[[Any], Any]) -> tuple[Any, float]:
        started = time.perf_counter()
        with self.db.write() as session:
            value = work(session)
        committed = time.time()
        self.results.note(kind, time.perf_counter() - started)
        return value, committed

    def call(self, kind: str, work: Callable[[Any], Any]) -> Any:
        info, committed = self.act(kind, work)
        with self.results.lock:
            self.results.calls.append(
                {
                    "counter": self.spec.number,
                    "zone": self.spec.zone,
                    "number": info.number,
                    "ticket": info.id,
                    "call_count": info.call_count,
                    "kind": kind,
                    "committed": committed,
                }
            )
        return info

    def log_in(self) -> None:
        from antrian.services.desk import open_desk
        from antrian.services.login import authenticate

        outcome, _ = self.act("login", lambda s: authenticate(s, self.spec.username, PASSWORD))
        if outcome.actor is None:
            raise RuntimeError(f"counter {self.spec.number}: login refused: {outcome.message}")
        self.actor = outcome.actor
        self.act("open", lambda s: open_desk(s, self.spec.number, actor=self.actor))

    def serve_one(self, behaviour: Behaviour) -> bool:
        """Call the next citizen and serve them; False when nobody waits."""
        from antrian.domain.errors import NothingWaiting
        from antrian.services import queue

        n, actor, rng = self.spec.number, self.actor, self.rng
        started = time.perf_counter()
        try:
            info = self.call("call_next", lambda s: queue.call_next(s, n, actor=actor))
        except NothingWaiting:
            self.results.waited("call_next (nobody waiting)", time.perf_counter() - started)
            return False
        with self.results.lock:
            self.results.called_ids.append(info.id)
        fate = rng.random()
        if fate < NO_SHOW_SHARE:
            for _ in range(2):
                time.sleep(RECALL_AFTER_S)
                self.call("recall", lambda s: queue.recall(s, n, actor=actor))
            time.sleep(3)
            self.act("no_show", lambda s: queue.no_show(s, n, actor=actor))
            return True
        if fate < NO_SHOW_SHARE + LATE_SHARE:
            time.sleep(RECALL_AFTER_S)
            self.call("recall", lambda s: queue.recall(s, n, actor=actor))
            time.sleep(rng.uniform(0.5, 3.0))
        else:
            time.sleep(rng.uniform(*behaviour.walk))
        confirmed = True if info.priority_group else None
        self.act("start", lambda s: queue.start(s, n, actor=actor, priority_confirmed=confirmed))
        mean = behaviour.service_mean
        time.sleep(min(4 * mean, rng.gammavariate(2.0, mean / 2)))
        self.act("finish", lambda s: queue.finish(s, n, actor=actor))
        return True

    def run(self, t0: float, t_end: float, login_spread: float, behaviour: Behaviour) -> None:
        from antrian.services.counters import close_counter

        rng = self.rng
        _sleep_until(t0 + rng.uniform(0, login_spread))
        try:
            self.log_in()
        except Exception as error:
            self.results.error(f"counter: login: {type(error).__name__}: {error}")
            return
        while time.time() < t_end:
            try:
                served = self.serve_one(behaviour)
            except Exception as error:  # counted and shown; the counter carries on like a person would
                self.results.error(f"counter: {type(error).__name__}: {error}")
                self.clear()
                served = False
            time.sleep(rng.uniform(*(behaviour.think if served else behaviour.idle_retry)))
        try:
            self.act("close", lambda s: close_counter(s, self.spec.number, actor=self.actor))
        except Exception as error:
            self.results.error(f"counter: close: {type(error).__name__}: {error}")

    def clear(self) -> None:
        """After an action failed half-way through a ticket (the database too slow to answer, say), end the
        ticket at the counter as an operator would before going on: no-show if it was called, else finish."""
        from antrian.services import queue

        n, actor = self.spec.number, self.actor
        for kind, action in (("no_show", queue.no_show), ("finish", queue.finish)):
            try:
                self.act(kind, lambda s, action=action: action(s, n, actor=actor))
                return
            except Exception:  # not in that state (or nothing at the counter): the next way, or nothing
                continue


def kiosk_run(
    db: Any,
    rate: float,
    codes: list[str],
    weights: list[float],
    t0: float,
    t_end: float,
    results: Results,
    rng: random.Random,
) -> None:
    from antrian.services.queue import issue_ticket_in

    moment = t0 + rng.expovariate(rate)
    while moment < t_end:
        _sleep_until(moment)
        code = rng.choices(codes, weights)[0]
        priority = "lansia" if rng.random() < PRIORITY_SHARE else None
        started = time.perf_counter()
        try:
            info = issue_ticket_in(db, code, priority=priority)
        except Exception as error:
            results.error(f"kiosk: {type(error).__name__}: {error}")
        else:
            results.note("issue", time.perf_counter() - started)
            with results.lock:
                results.issued.append(
                    {
                        "ticket": info.id,
                        "number": info.number,
                        "day": str(info.service_day),
                        "at": time.time(),
                    }
                )
        moment += rng.expovariate(rate)


def worker(job: dict[str, Any]) -> None:
    """A process of counters or of kiosks: one thread each, each with its own Database (or a shared pool)."""
    import resource

    from antrian.store.database import open_database

    results = Results()
    pool = job["pool"]
    shared = open_database(job["url"], pool_size=pool, max_overflow=0) if pool else None
    behaviour = Behaviour(**job["behaviour"])
    threads: list[threading.Thread] = []
    databases = []

    def database() -> Any:
        if shared is not None:
            return shared
        db = open_database(job["url"])
        databases.append(db)
        return db

    for index, spec in enumerate(job["items"]):
        rng = random.Random(job["seed"] * 10_000 + index)
        if job["role"] == "counters":
            desk = Desk(database(), CounterSpec(**spec), results, rng)
            target = partial(desk.run, job["t0"], job["t_end"], job["login_spread"], behaviour)
        else:
            target = partial(
                kiosk_run,
                database(),
                job["rate"],
                job["codes"],
                job["weights"],
                job["t0"],
                job["t_end"],
                results,
                rng,
            )
        threads.append(threading.Thread(target=target, name=f"{job['role']}-{index}", daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    for db in [*databases, *([shared] if shared else [])]:
        db.dispose()
    out = {
        "latency": dict(results.latency),
        "calls": results.calls,
        "issued": results.issued,
        "called_ids": results.called_ids,
        "errors": dict(results.errors),
        "commits": results.commits,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_max_mb": usage.ru_maxrss / 1024,
    }
    Path(job["out"]).write_text(json.dumps(out))


# -- the displays -----------------------------------------------------------------------------------------
class Display:
    def __init__(self, url: str, workdir: Path, zone: str) -> None:
        self.zone = zone
        self.log = workdir / f"display-{zone}.jsonl"
        self.stderr = workdir / f"display-{zone}.stderr"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": str(workdir / f"state-{zone}"),
            "XDG_CONFIG_HOME": str(workdir / f"config-{zone}"),
        }
        command = display_command(url, self.log, "--zone", zone)
        with self.stderr.open("w") as err:
            self.process = subprocess.Popen(command, env=env, stderr=err, stdout=subprocess.DEVNULL)
        self.cpu_start = 0.0

    def shown(self) -> dict[int, dict[str, Any]]:
        if not self.log.exists():
            return {}
        lines = (json.loads(line) for line in self.log.read_text().splitlines() if line.strip())
        return {r["event_id"]: r for r in lines if r.get("what") == "shown"}

    def alive(self) -> bool:
        return self.process.poll() is None

    def rss_mb(self) -> float:
        try:
            return rss_kb(self.process.pid) / 1024
        except (OSError, RuntimeError):  # the process has exited
            return float("nan")

    def cpu_s(self) -> float:
        return proc_cpu(self.process.pid) or 0.0

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


# -- sampling: /proc and pg_stat_activity ------------------------------------------------------------------
TICKS = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` (None when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "cmdline").read_bytes().startswith(b"postgres:"):
                    pids.append(int(entry.name))
    return pids


def local_ports(pids: list[int]) -> set[int]:
    """The local TCP ports of the sockets these processes hold (their database connections)."""
    inodes = set()
    for pid in pids:
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    target = os.readlink(fd)
                    if target.startswith("socket:["):
                        inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                if parts[9] in inodes:
                    ports.add(int(parts[1].rsplit(":", 1)[1], 16))
    return ports


@dataclass
class Sampler:
    """Every second: connections (all, and this bench's by component), the load, postgres processes' CPU."""

    dsn: str | None
    components: dict[str, list[int]]  # component -> its processes' pids
    peak_total: int = 0
    peak_ours: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    peak_ours_total: int = 0
    peak_load: float = 0.0
    cpu_first: dict[int, float] = field(default_factory=dict)
    cpu_last: dict[int, float] = field(default_factory=dict)
    our_backends: dict[int, str] = field(default_factory=dict)  # backend pid -> component
    samples: int = 0
    first_at: float = 0.0
    last_at: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _run(self) -> None:
        connection = None
        if self.dsn:
            import psycopg

            connection = psycopg.connect(self.dsn, autocommit=True)
        try:
            while not self._stop.is_set():
                self.sample(connection)
                self._stop.wait(1.0)
            self.sample(connection)
        finally:
            if connection is not None:
                connection.close()

    def sample(self, connection: Any) -> None:
        self.samples += 1
        self.last_at = time.time()
        self.first_at = self.first_at or self.last_at
        self.peak_load = max(self.peak_load, os.getloadavg()[0])
        if connection is None:
            return
        rows = connection.execute(
            "SELECT pid, client_port FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
        self.peak_total = max(self.peak_total, len(rows))
        ours_total = 0
        for component, pids in self.components.items():
            ports = local_ports(pids)
            mine = [pid for pid, port in rows if port in ports]
            self.our_backends.update(dict.fromkeys(mine, component))
            self.peak_ours[component] = max(self.peak_ours[component], len(mine))
            ours_total += len(mine)
        self.peak_ours_total = max(self.peak_ours_total, ours_total)
        for pid in postgres_pids():
            cpu = proc_cpu(pid)
            if cpu is not None:
                self.cpu_first.setdefault(pid, cpu)
                self.cpu_last[pid] = cpu

    def cpu(self, pids: set[int] | None = None) -> float:
        chosen = self.cpu_last if pids is None else {p: c for p, c in self.cpu_last.items() if p in pids}
        return sum(c - self.cpu_first[p] for p, c in chosen.items())


def pg_figures(dsn: str, schema: str) -> dict[str, int]:
    """``pg_stat_database``'s counters for the whole database (other clients' work too), and the table
    statistics of this bench's schema alone (scans, rows written, blocks read and found in the cache)."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as connection:
        whole = connection.execute(
            "SELECT xact_commit, xact_rollback, blks_read, blks_hit "
            "FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
        ours = connection.execute(
            "SELECT sum(t.seq_scan), sum(coalesce(t.idx_scan, 0)), sum(t.n_tup_ins), sum(t.n_tup_upd), "
            "sum(io.heap_blks_read + coalesce(io.idx_blks_read, 0)), "
            "sum(io.heap_blks_hit + coalesce(io.idx_blks_hit, 0)) "
            "FROM pg_stat_user_tables t JOIN pg_statio_user_tables io USING (relid) WHERE t.schemaname = %s",
            (schema,),
        ).fetchone()
    assert whole is not None and ours is not None
    keys = ("db xact_commit", "db xact_rollback", "db blks_read", "db blks_hit")
    keys += ("schema seq_scan", "schema idx_scan", "schema rows inserted", "schema rows updated")
    keys += ("schema blks_read", "schema blks_hit")
    return dict(zip(keys, (int(v or 0) for v in (*whole, *ours)), strict=True))


def current_schema(url: str) -> str:
    from sqlalchemy import text

    from antrian.store.database import open_database

    db = open_database(url)
    try:
        with db.read() as session:
            return str(session.execute(text("SELECT current_schema()")).scalar_one())
    finally:
        db.dispose()


def connection_room(dsn: str) -> tuple[int, int]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as connection:
        limit = connection.execute("SHOW max_connections").fetchone()
        used = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
        )
        assert limit is not None
        in_use = used.fetchone()
        assert in_use is not None
    return int(limit[0]), int(in_use[0])


# -- warm-up, checks ---------------------------------------------------------------------------------------
def warm_up(url: str, office: Office, displays: list[Display], timeout: float) -> int:
    """A call in each zone with a display, again every 5 s, until each display has painted one of its
    zone's: the display has read its zone's counters (a zone display shows no call before its first read)
    and listens. Returns the last event id before the morning (these calls are not counted)."""
    from antrian.domain.roles import SYSTEM
    from antrian.services import counters, queue
    from antrian.services.queries import last_event_id
    from antrian.store.database import open_database

    def one_call(spec: CounterSpec) -> int:
        with db.write() as session:
            counters.open_counter(session, spec.number, actor=SYSTEM)
        queue.issue_ticket_in(db, spec.services[0])
        with db.write() as session:
            queue.call_next(session, spec.number, actor=SYSTEM)
        with db.read() as session:
            called = last_event_id(session)
        with db.write() as session:
            queue.start(session, spec.number, actor=SYSTEM)
            queue.finish(session, spec.number, actor=SYSTEM)
            counters.close_counter(session, spec.number, actor=SYSTEM)
        return called

    db = open_database(url)
    try:
        calls: dict[str, set[int]] = defaultdict(set)
        last_try: dict[str, float] = {}
        deadline = time.monotonic() + timeout
        pending = list(displays)
        while pending:
            for display in list(pending):
                if not display.alive():
                    raise SystemExit(f"display {display.zone} exited: {display.stderr.read_text()[-2000:]}")
                if calls[display.zone] & display.shown().keys():
                    pending.remove(display)
                elif time.monotonic() - last_try.get(display.zone, -10.0) > 5:
                    spec = next(c for c in office.counters if c.zone == display.zone)
                    calls[display.zone].add(one_call(spec))
                    last_try[display.zone] = time.monotonic()
            if pending and time.monotonic() > deadline:
                raise SystemExit(f"displays not ready after {timeout:.0f} s: {[d.zone for d in pending]}")
            time.sleep(0.2)
        with db.read() as session:
            return last_event_id(session)
    finally:
        db.dispose()


@dataclass
class DatabaseFacts:
    # the call events after the warm-up: id, kind, ticket, counter, number, call_count
    calls: list[dict[str, Any]]
    tickets: int
    duplicate_numbers: int
    problems: list[str]
    left_waiting: int
    statuses: dict[str, int]


def check_database(url: str, after_event: int, counter_zone: dict[int, str]) -> DatabaseFacts:
    """What the database says about the morning: the call events, and every consistency rule."""
    from sqlalchemy import func, select

    from antrian.store.database import open_database
    from antrian.store.models import Counter, Event, Ticket

    db = open_database(url)
    problems: list[str] = []
    try:
        with db.read() as session:
            numbers = {cid: n for cid, n in session.execute(select(Counter.id, Counter.number))}
            events = (
                session.execute(
                    select(Event).where(Event.id > after_event, Event.kind.in_(CALL_KINDS)).order_by(Event.id)
                )
                .scalars()
                .all()
            )
            calls = [
                {
                    "id": e.id,
                    "kind": e.kind,
                    "ticket": e.ticket_id,
                    "counter": numbers.get(e.counter_id) if e.counter_id else e.data.get("counter"),
                    "number": e.data.get("number"),
                    "call_count": e.data.get("call_count"),
                }
                for e in events
            ]
            duplicates = session.execute(
                select(Ticket.service_id, Ticket.service_day, Ticket.sequence, func.count())
                .where(Ticket.parent_id.is_(None))
                .group_by(Ticket.service_id, Ticket.service_day, Ticket.sequence)
                .having(func.count() > 1)
            ).all()
            tickets = {t.id: t for t in session.execute(select(Ticket)).scalars()}
            statuses: dict[str, int] = defaultdict(int)
            for t in tickets.values():
                statuses[t.status] += 1
    finally:
        db.dispose()
    by_ticket: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for call in calls:
        by_ticket[call["ticket"]].append(call)
    for ticket_id, seen in by_ticket.items():
        ticket = tickets[ticket_id]
        firsts = [c for c in seen if c["kind"] == "ticket_called"]
        if len(firsts) != 1:
            problems.append(f"ticket {ticket.label} (id {ticket_id}) called {len(firsts)} times by call_next")
        if [c["call_count"] for c in seen] != list(range(1, len(seen) + 1)):
            problems.append(f"ticket {ticket.label}: call counts {[c['call_count'] for c in seen]}")
        if len({c["counter"] for c in seen}) != 1:
            problems.append(
                f"ticket {ticket.label}: called at counters {sorted({c['counter'] for c in seen})}"
            )
        if ticket.call_count != len(seen):
            problems.append(f"ticket {ticket.label}: call_count {ticket.call_count}, {len(seen)} call events")
        if ticket.status in ("called", "serving"):
            problems.append(f"ticket {ticket.label} left {ticket.status} at the end")
    for call in calls:
        if call["counter"] not in counter_zone:
            problems.append(f"event {call['id']}: unknown counter {call['counter']}")
    return DatabaseFacts(
        calls=calls,
        tickets=len(tickets),
        duplicate_numbers=len(duplicates),
        problems=problems,
        left_waiting=statuses.get("waiting", 0),
        statuses=dict(statuses),
    )


# -- the run ---------------------------------------------------------------------------------------------
@contextlib.contextmanager
def database_url(backend: str, workdir: Path, keep: bool) -> Iterator[str]:
    if backend == "sqlite":
        yield str(workdir / "mpp.db")
        return
    from tests.databases import PgSchema

    schema = PgSchema()
    try:
        yield schema.url
    finally:
        if keep:
            print(f"schema kept: {schema.name}")
        else:
            schema.drop()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--minutes", type=float, default=10.0, help="the morning, compressed (default 10)")
    parser.add_argument("--zones", type=int, default=10)
    parser.add_argument("--services-per-zone", type=int, default=3)
    parser.add_argument("--counters", type=int, default=100)
    parser.add_argument(
        "--displays", type=int, default=None, help="one per zone, the first ones (default: all)"
    )
    parser.add_argument("--kiosks", type=int, default=20)
    parser.add_argument("--rate", type=float, default=5.0, help="tickets issued per second, all kiosks")
    parser.add_argument("--processes", type=int, default=4, help="processes the counters' threads run in")
    parser.add_argument(
        "--pool",
        type=int,
        default=0,
        help="connections shared by a process's clients (default 0: one Database each)",
    )
    parser.add_argument(
        "--capacity",
        type=float,
        default=1.05,
        help="the counters' serving capacity over the issue rate (sets the service time)",
    )
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--no-ceiling", action="store_true", help="skip bench/ceiling.py")
    parser.add_argument("--keep", action="store_true", help="keep the schema (PostgreSQL) for a look")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()

    office = plan_office(args.zones, args.services_per_zone, args.counters)
    n_displays = args.zones if args.displays is None else min(args.displays, args.zones)
    behaviour = Behaviour()
    cycle = args.counters / args.rate / args.capacity  # each counter's mean seconds a ticket
    think = sum(behaviour.think) / 2
    # a citizen who never comes is not served: the others' mean service time fills the cycle
    behaviour.service_mean = max(1.0, (cycle - think - behaviour.walk_mean()) / (1 - NO_SHOW_SHARE))
    seconds = args.minutes * 60
    postgres = args.backend == "postgres"
    from bench.ceiling import pg_dsn

    dsn = pg_dsn() if postgres else None
    print(
        f"Antrian MPP bench: {args.backend}, {len(office.zones)} zones, {len(office.services)} services, "
        f"{len(office.counters)} counters in {args.processes} processes, {args.kiosks} kiosks at "
        f"{args.rate:g} tickets/s, {n_displays} displays, {args.minutes:g} min; mean service "
        f"{behaviour.service_mean:.1f} s (a ticket every {cycle:.1f} s a counter)",
        flush=True,
    )
    sizes: dict[str, int] = defaultdict(int)
    for spec in office.counters:
        sizes[spec.zone] += 1
    print("zones: " + ", ".join(f"{z} {sizes[z]} counters" for z in office.zones), flush=True)
    if dsn:
        limit, in_use = connection_room(dsn)
        clients = args.pool * (args.processes + 1) if args.pool else args.counters + args.kiosks
        needed = clients + 4 * n_displays + 5  # a display: its feed, its reader pool (measured: 4)
        print(f"connections: max_connections {limit}, {in_use} in use now, about {needed} needed", flush=True)
        if needed > limit - in_use:
            print(
                f"not enough connections: raise max_connections (ALTER SYSTEM SET max_connections = "
                f"{needed + in_use + 50}; restart), or run smaller (--counters), or share (--pool)"
            )
            return 2

    ceilings: list[Ceiling] = []
    if not args.no_ceiling:
        for writers in (1, 4):
            ceilings.append(measure(args.backend, writers))
            print(ceilings[-1].line(), flush=True)

    failed = False
    with (
        tempfile.TemporaryDirectory(prefix="bench-mpp-") as folder,
        database_url(args.backend, Path(folder), args.keep) as url,
    ):
        workdir = Path(folder)
        started = time.monotonic()
        timezone = office_timezone(seconds)
        set_up(url, office, timezone)
        print(f"office ({timezone}) set up in {time.monotonic() - started:.1f} s", flush=True)
        displays = [Display(url, workdir, zone) for zone in office.zones[:n_displays]]
        try:
            started = time.monotonic()
            warm_last = warm_up(url, office, displays, timeout=180)
            print(f"{n_displays} displays ready in {time.monotonic() - started:.1f} s", flush=True)
            result = morning(
                args, url, dsn, workdir, office, behaviour, displays, seconds, warm_last, ceilings
            )
            failed = result
        finally:
            for display in displays:
                display.stop()
    return 1 if failed else 0


def morning(
    args: argparse.Namespace,
    url: str,
    dsn: str | None,
    workdir: Path,
    office: Office,
    behaviour: Behaviour,
    displays: list[Display],
    seconds: float,
    warm_last: int,
    ceilings: list[Ceiling],
) -> bool:
    """The morning itself, then the figures; True when a call was missed or doubled."""
    context = mp.get_context("spawn")
    t0 = time.time() + 8  # every process started and connected before the doors open
    t_end = t0 + seconds
    codes = list(office.services)
    weights = [office.services[c][1] for c in codes]
    base = {
        "url": url,
        "pool": args.pool,
        "t0": t0,
        "t_end": t_end,
        "behaviour": asdict(behaviour),
        "login_spread": min(20.0, seconds / 10),
        "rate": args.rate / max(1, args.kiosks),
        "codes": codes,
        "weights": weights,
    }
    jobs = []
    for p in range(args.processes):
        items = [asdict(spec) for spec in office.counters[p :: args.processes]]
        if items:
            jobs.append(
                {
                    **base,
                    "role": "counters",
                    "items": items,
                    "seed": args.seed * 100 + p,
                    "out": str(workdir / f"counters-{p}.json"),
                }
            )
    if args.kiosks:
        jobs.append(
            {
                **base,
                "role": "kiosks",
                "items": list(range(args.kiosks)),
                "seed": args.seed * 100 + 99,
                "out": str(workdir / "kiosks.json"),
            }
        )
    load_before = load_average()
    schema = current_schema(url) if dsn else ""
    stats_before = pg_figures(dsn, schema) if dsn else {}
    processes = [context.Process(target=worker, args=(job,)) for job in jobs]
    for process in processes:
        process.start()
    components = {
        "counters": [
            p.pid for p, j in zip(processes, jobs, strict=True) if j["role"] == "counters" and p.pid
        ],
        "kiosks": [p.pid for p, j in zip(processes, jobs, strict=True) if j["role"] == "kiosks" and p.pid],
        "displays": [d.process.pid for d in displays],
    }
    sampler = Sampler(dsn, components)
    sampler.start()
    display_start = {d.zone: (d.cpu_s(), d.rss_mb()) for d in displays}
    print(f"the doors open in 8 s; the morning lasts {seconds:.0f} s; load average {load_before}", flush=True)
    for process in processes:
        process.join()
    finished = time.time()
    # Let the displays paint the last calls: every call event of their zone, or 60 s more.
    counter_zone = {spec.number: spec.zone for spec in office.counters}
    facts = check_database(url, warm_last, counter_zone)
    wanted = {
        d.zone: {c["id"] for c in facts.calls if counter_zone.get(c["counter"]) == d.zone} for d in displays
    }
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(
        d.alive() and not wanted[d.zone] <= d.shown().keys() for d in displays
    ):
        time.sleep(0.5)
    sampler.stop()
    stats_after = pg_figures(dsn, schema) if dsn else {}
    observed = Observed(
        facts=facts,
        counter_zone=counter_zone,
        outs=[json.loads(Path(job["out"]).read_text()) for job in jobs if Path(job["out"]).exists()],
        workers=len(jobs),
        warm_last=warm_last,
        seconds=seconds,
        run_s=finished - t0,
        sampler=sampler,
        pg_stat={k: stats_after[k] - stats_before[k] for k in stats_after},
        load_before=load_before,
        load_after=load_average(),
        displays={
            d.zone: DisplayUse(
                d.cpu_s() - display_start[d.zone][0],
                display_start[d.zone][1],
                d.rss_mb(),
                d.alive(),
                d.shown(),
            )
            for d in displays
        },
        ceilings=ceilings,
    )
    return report(args, observed)


@dataclass
class DisplayUse:
    cpu_s: float
    rss_before_mb: float
    rss_after_mb: float
    alive: bool
    shown: dict[int, dict[str, Any]]


@dataclass
class Observed:
    """What a morning left: the database's facts, the clients' results, the samples."""

    facts: DatabaseFacts
    counter_zone: dict[int, str]
    outs: list[dict[str, Any]]  # each worker process's results
    workers: int
    warm_last: int
    seconds: float  # the doors open
    run_s: float  # the doors opening to the last counter closed
    sampler: Sampler
    pg_stat: dict[str, int]
    load_before: str
    load_after: str
    displays: dict[str, DisplayUse]
    ceilings: list[Ceiling]


def report(args: argparse.Namespace, o: Observed) -> bool:
    """Print the figures (and write them to --json); True when a call was missed or doubled."""
    facts, counter_zone, sampler, run_s = o.facts, o.counter_zone, o.sampler, o.run_s
    if len(o.outs) != o.workers:
        print(f"FAIL: {o.workers - len(o.outs)} worker processes left no results")
    latency: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    calls, issued, called_ids = [], [], []
    commits = 0
    for out in o.outs:
        for kind, values in out["latency"].items():
            latency[kind] += values
        for what, n in out["errors"].items():
            errors[what] += n
        calls += out["calls"]
        issued += out["issued"]
        called_ids += out["called_ids"]
        commits += out["commits"]
    first_calls = [c for c in facts.calls if c["kind"] == "ticket_called"]
    print()
    print(
        f"== the morning: doors open {o.seconds:.0f} s, the last counter closed at {run_s:.0f} s; "
        f"{len(issued)} tickets issued ({len(issued) / o.seconds:.2f}/s), {len(first_calls)} called "
        f"({len(first_calls) / o.seconds:.2f}/s), {len(facts.calls)} call events with the recalls; tickets "
        "at the end: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.statuses.items()))
    )
    committed_at = {(c["ticket"], c["call_count"]): c["committed"] for c in calls}  # a call: its commit
    failed = False
    figures: dict[str, Any] = {"run_s": run_s, "issued": len(issued), "call_events": len(facts.calls)}
    # displays
    print("== displays: call committed -> painted (the display's log), per zone")
    all_paint: list[float] = []
    slowest: list[tuple[float, str, dict[str, Any]]] = []
    per_display = {}
    for zone, use in o.displays.items():
        shown = use.shown
        mine = [c for c in facts.calls if counter_zone.get(c["counter"]) == zone]
        missed = [c for c in mine if c["id"] not in shown]
        foreign = [i for i in shown if i > o.warm_last and counter_zone.get(shown[i]["counter"]) != zone]
        painted = [c for c in mine if c["id"] in shown and (c["ticket"], c["call_count"]) in committed_at]
        gaps = [shown[c["id"]]["t"] - committed_at[(c["ticket"], c["call_count"])] for c in painted]
        all_paint += gaps
        slowest += [(gap, zone, c) for gap, c in zip(gaps, painted, strict=True)]
        print(
            f"  {zone:<9} painted {len(mine) - len(missed)}/{len(mine)} calls, missed {len(missed)}, "
            f"foreign {len(foreign)}; {spread(gaps)}; RSS {use.rss_before_mb:.0f} -> {use.rss_after_mb:.0f} "
            f"MB, CPU {use.cpu_s:.1f} s ({100 * use.cpu_s / run_s:.1f} % of a core)"
            + ("" if use.alive else " EXITED")
        )
        per_display[zone] = {
            "calls": len(mine),
            "missed": len(missed),
            "foreign": len(foreign),
            "paint_p50_ms": statistics.median(gaps) * 1000 if gaps else None,
            "paint_p95_ms": percentile(gaps, 0.95) * 1000 if gaps else None,
            "paint_max_ms": max(gaps) * 1000 if gaps else None,
            "rss_mb": use.rss_after_mb,
            "cpu_s": use.cpu_s,
        }
        failed |= bool(missed) or bool(foreign) or not use.alive
    print(f"  all       {spread(all_paint)}")
    worst = sorted(slowest, key=lambda row: row[0], reverse=True)[:3]
    if worst:
        print(
            "  slowest: "
            + "; ".join(
                f"{gap * 1000:,.0f} ms {c['number']} at counter {c['counter']} ({zone}, event {c['id']}, "
                f"committed {utc_time(committed_at[(c['ticket'], c['call_count'])])})"
                for gap, zone, c in worst
            )
        )
    total_rss = sum(use.rss_after_mb for use in o.displays.values())
    total_cpu = sum(use.cpu_s for use in o.displays.values())
    print(
        f"  the {len(o.displays)} displays together: RSS {total_rss:.0f} MB, CPU {total_cpu:.1f} s "
        f"({100 * total_cpu / run_s:.0f} % of a core over the run)"
    )
    figures["displays"] = per_display
    # doubled
    print("== no doubled call, no doubled number (checked in the database)")
    twice = len(called_ids) - len(set(called_ids))
    numbers_twice = len(issued) - len({(i["day"], i["number"]) for i in issued})
    checks = [
        ("(service, day, sequence) issued twice", facts.duplicate_numbers),
        ("ticket numbers the kiosks got twice", numbers_twice),
        ("tickets call_next returned twice", twice),
        ("tickets with inconsistent call events", len(facts.problems)),
        (
            "call events without a counter commit seen",
            sum(1 for c in facts.calls if (c["ticket"], c["call_count"]) not in committed_at),
        ),
    ]
    for what, n in checks:
        print(f"  {what}: {n} {'PASS' if n == 0 else 'FAIL'}")
        failed |= n != 0
    for problem in facts.problems[:20]:
        print(f"    {problem}")
    missed_total = sum(v["missed"] for v in per_display.values())
    print(f"  calls missed by their zone's display: {missed_total} {'PASS' if missed_total == 0 else 'FAIL'}")
    # latency
    print("== latency under this load (Database.write() entry to commit, in the client)")
    for kind in (
        "issue",
        "call_next",
        "call_next (nobody waiting)",
        "recall",
        "start",
        "finish",
        "no_show",
        "login",
        "open",
        "close",
    ):
        if latency.get(kind):
            print(f"  {kind:<27} {spread(latency[kind])}")
    figures["latency_ms"] = {
        k: {
            "p50": statistics.median(v) * 1000,
            "p95": percentile(v, 0.95) * 1000,
            "p99": percentile(v, 0.99) * 1000,
            "n": len(v),
        }
        for k, v in latency.items()
        if v
    }
    if errors:
        print("  errors: " + "; ".join(f"{n} x {what}" for what, n in sorted(errors.items())))
    # the database and the machine
    print("== the database and the machine")
    per_s = commits / run_s
    print(f"  commits by the bench's clients: {commits} ({per_s:.1f}/s)")
    for ceiling in o.ceilings:
        print(f"  {ceiling.line()}\n    this run: {per_s / ceiling.commits_per_s:.3f}x the raw ceiling")
    if o.pg_stat:
        delta = o.pg_stat
        print(
            "  PostgreSQL statistics over the run (db: the whole database `test`, other clients' work "
            "too; schema: this bench's tables alone): " + ", ".join(f"{k} {v}" for k, v in delta.items())
        )
        ours, span = sampler.cpu(set(sampler.our_backends)), max(1.0, sampler.last_at - sampler.first_at)
        by_component = {
            component: sampler.cpu({pid for pid, c in sampler.our_backends.items() if c == component})
            for component in sampler.components
        }
        print(
            f"  postgres CPU over {span:.0f} s (the clients' start to the displays' last paint): all "
            f"server processes {sampler.cpu():.1f} s ({100 * sampler.cpu() / span:.0f} % of a core), "
            f"this bench's {len(sampler.our_backends)} backends {ours:.1f} s ({100 * ours / span:.0f} %: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in by_component.items())
            + ")"
        )
        print(
            f"  connections at peak: {sampler.peak_total} to `test` in all, this bench's "
            f"{sampler.peak_ours_total} (" + ", ".join(f"{k} {v}" for k, v in sampler.peak_ours.items()) + ")"
        )
        figures.update(
            pg_stat=delta,
            pg_cpu_s=sampler.cpu(),
            pg_cpu_ours_s=ours,
            pg_cpu_by_component_s=by_component,
            peak_connections=sampler.peak_total,
            peak_connections_ours=dict(sampler.peak_ours),
        )
    client_cpu = sum(out["cpu_s"] for out in o.outs)
    print(
        f"  client processes' CPU: {client_cpu:.1f} s ({100 * client_cpu / run_s:.0f} % of a core); "
        f"max RSS {max((out['rss_max_mb'] for out in o.outs), default=0):.0f} MB a process"
    )
    print(
        f"  load average: before {o.load_before}; peak 1-min {sampler.peak_load:.2f} during; "
        f"after {o.load_after}"
    )
    if total_rss > 150 * len(o.displays) or total_cpu > 0.5 * run_s:
        print("  NOTE: the displays' memory or CPU is high for a PC each; on this machine they share 2 cores")
    figures.update(
        commits=commits,
        commits_per_s=per_s,
        load_before=o.load_before,
        load_after=o.load_after,
        peak_load=sampler.peak_load,
        ceilings=[asdict(c) for c in o.ceilings],
        missed=missed_total,
        failed=failed,
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    print("== PASS: no missed call, no doubled call" if not failed else "== FAIL (see above)")
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
