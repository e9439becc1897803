"""A synthetic year of an office's tickets, bulk-loaded once per database and cached (reused by every bench
that needs a year: the compliance report, the log page).

The year: the 365 service days ending ``LAST_DAY``, office zone Asia/Makassar (WITA, UTC+8, so the morning
is the previous UTC day), 20 services, 30 counters, 60 operators (two per counter, alternating by day),
Monday-Friday 08:00-16:00 with a morning peak, about ``TICKETS`` ticket visits: 8 % priority, 87 % served,
6 % no-show, 2 % cancelled, 1 % expired, 4 % transferred on to another service (the new visit is served).
Counters open, pause for a prayer and a lunch break (two reasons) and close every working day.
Standards: 15 minutes (five services in hours, one in working days); half the services change their standard
on ``CHANGE_DAY``. Rows are made with a seeded random generator, so every run loads the same year.

The services (``save_service``, ``save_counter``, ``set_standard``) set the office up; tickets, counter
events and operators are inserted in bulk (executemany on SQLite, COPY on PostgreSQL).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from antrian.domain.labels import format_label
from antrian.domain.roles import SYSTEM
from antrian.store.database import open_database

VERSION = 1  # bump when the generated year changes: a cached database of another version is rebuilt
TICKETS = 1_500_000
LAST_DAY = date(2026, 11, 30)
FIRST_DAY = LAST_DAY - timedelta(days=364)
CHANGE_DAY = date(2026, 6, 1)
ZONE_NAME = "Asia/Makassar"
ZONE = ZoneInfo(ZONE_NAME)
SERVICES = tuple(chr(ord("A") + i) for i in range(20))
COUNTERS = tuple(range(1, 31))
OPERATORS = tuple(f"op{n:02d}" for n in range(1, 61))
PG_SCHEMA = f"bench_year_v{VERSION}"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DEFAULT_SQLITE = Path("/tmp/antrian-bench-year") / f"year-v{VERSION}.db"

TICKET_COLUMNS = (
    "id", "service_id", "service_day", "sequence", "label", "priority_group", "status", "place_at",
    "issued_at", "first_called_at", "last_called_at", "started_at", "finished_at", "counter_id",
    "operator_id", "call_count", "parent_id",
)  # fmt: skip
EVENT_COLUMNS = ("id", "at", "kind", "ticket_id", "counter_id", "service_id", "user_id", "data")


@dataclass(frozen=True)
class Year:
    """A loaded year: its database URL and its period."""

    url: str
    first: date = FIRST_DAY
    last: date = LAST_DAY


def working_days() -> list[date]:
    day, days = FIRST_DAY, []
    while day <= LAST_DAY:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def sqlite_year(path: Path = DEFAULT_SQLITE, *, rebuild: bool = False) -> Year:
    """The year in the SQLite file ``path``, generated first when it is missing (or ``rebuild``)."""
    done = path.with_suffix(".complete")
    if rebuild or not done.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (path, done, Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
        _generate(str(path), postgres=False)
        done.write_text(str(VERSION))
    _upgrade(str(path))
    return Year(str(path))


def postgres_year(base_url: str = DEFAULT_PG_URL, *, rebuild: bool = False) -> Year:
    """The year in the schema ``PG_SCHEMA`` of ``base_url``'s database, generated first when missing."""
    from urllib.parse import quote

    import psycopg

    conninfo = base_url.replace("postgresql+psycopg://", "postgresql://")
    separator = "&" if "?" in base_url else "?"
    url = f"{base_url}{separator}options={quote(f'-csearch_path={PG_SCHEMA}')}"
    with psycopg.connect(conninfo, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = %s",
            (PG_SCHEMA, "bench_complete"),
        ).fetchone()
        if found and not rebuild:
            _upgrade(url)
            return Year(url)
        connection.execute(f'DROP SCHEMA IF EXISTS "{PG_SCHEMA}" CASCADE')
        connection.execute(f'CREATE SCHEMA "{PG_SCHEMA}"')
    _generate(url, postgres=True)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE TABLE "{PG_SCHEMA}".bench_complete (version integer)')
    return Year(url)


def _upgrade(url: str) -> None:
    """A cached year made by an older version of the schema, migrated to this one's."""
    open_database(url, create=True).dispose()


# ------------------------------------------------------------------------------------------------ set-up


def _set_up(url: str) -> tuple[dict[str, int], dict[int, int]]:
    """The office, its services with their standards and its counters, through the services."""
    from sqlalchemy import select

    from antrian.services.office import update_office
    from antrian.services.setup import save_counter, save_service
    from antrian.services.standards import set_standard
    from antrian.store.models import Counter, Service

    db = open_database(url, create=True)
    try:
        with db.write() as session:
            update_office(session, SYSTEM, name="Kantor Tahun", timezone=ZONE_NAME)
            for order, code in enumerate(SERVICES):
                unit = "working_days" if order == 19 else "hours" if order >= 15 else "minutes"
                value = 3 if unit == "working_days" else 1 if unit == "hours" else 15
                save_service(
                    session, code, f"Layanan {code}", actor=SYSTEM, standard_time=value,
                    standard_unit=unit, waiting_target_minutes=30, display_order=order,
                )  # fmt: skip
            for number in COUNTERS:
                # each counter serves four services; every service has six counters
                mine = [SERVICES[(number - 1 + k * 5) % 20] for k in range(4)]
                save_counter(session, number, f"Loket {number}", mine, actor=SYSTEM)
        with db.write() as session:
            for order, code in enumerate(SERVICES[:10]):
                set_standard(
                    session, SYSTEM, code, 10 + order % 3 * 5, "minutes", 20 + order % 2 * 10,
                    CHANGE_DAY, f"Keputusan Kepala Dinas No. {order + 1}/2026",
                )  # fmt: skip
        with db.read() as session:
            services = {code: sid for sid, code in session.execute(select(Service.id, Service.code))}
            counters = {n: cid for cid, n in session.execute(select(Counter.id, Counter.number))}
    finally:
        db.dispose()
    return services, counters


# ---------------------------------------------------------------------------------------------- the rows


def _instant(value: datetime, postgres: bool) -> str:
    text = value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return text + "+00" if postgres else text


def _arrival_seconds(rng: random.Random) -> int:
    """Seconds after 08:00 local: a morning peak (most before 11:00), none after 15:30."""
    while True:
        value = rng.gammavariate(2.2, 4_000.0)
        if value < 27_000:
            return int(value)


def _rows(
    services: dict[str, int], counters: dict[int, int], users: dict[str, int], last_event: int, postgres: bool
) -> tuple[Iterator[tuple[Any, ...]], Iterator[tuple[Any, ...]]]:
    """The ticket rows and the counter event rows of the year (lazily, tickets first)."""
    days = working_days()
    per_day = TICKETS // len(days)
    by_service = {code: [n for n in COUNTERS if code in _serves(n)] for code in SERVICES}
    weights = [1.0 + (19 - i) * 0.15 for i in range(20)]
    mean_service = {code: 240 + 40 * i for i, code in enumerate(SERVICES)}  # 4 .. 16.7 minutes
    events: list[tuple[Any, ...]] = []

    def tickets() -> Iterator[tuple[Any, ...]]:
        rng = random.Random(VERSION)
        ticket_id = 0
        event_id = last_event
        for index, day in enumerate(days):
            count = per_day + (1 if index < TICKETS % len(days) else 0)
            opening = datetime(day.year, day.month, day.day, 8, tzinfo=ZONE)
            shift = index % 2
            sequence = dict.fromkeys(SERVICES, 0)
            made = 0
            arrivals = iter(sorted(_arrival_seconds(rng) for _ in range(count)))
            while made < count:
                code = rng.choices(SERVICES, weights)[0]
                sequence[code] += 1
                label = format_label(code, sequence[code])
                issued = opening + timedelta(seconds=next(arrivals), microseconds=rng.randrange(10**6))
                group = "lansia" if rng.random() < 0.08 else None
                ticket_id += 1
                first_id = ticket_id
                first_issued = issued
                outcome = rng.random()
                transfer = outcome >= 0.96 and made + 2 <= count
                visits: list[tuple[str, datetime | None, int | None]] = [(code, issued, None)]
                if transfer:
                    other = SERVICES[(SERVICES.index(code) + 1 + rng.randrange(19)) % 20]
                    visits.append((other, None, first_id))
                previous_end = issued
                for step, (service, at, parent) in enumerate(visits):
                    at = previous_end if at is None else at
                    number = rng.choice(by_service[service])
                    operator = users[OPERATORS[(number - 1) * 2 + shift]]
                    wait = timedelta(
                        seconds=min(rng.expovariate(1 / 900), 14_400), microseconds=rng.randrange(10**6)
                    )
                    called = at + wait
                    walk = timedelta(seconds=rng.uniform(15, 120))
                    started = called + walk
                    taken = timedelta(seconds=min(rng.lognormvariate(0, 0.5) * mean_service[service], 10_800))
                    finished = started + taken
                    status, call_at, start_at, end_at = "done", called, started, finished
                    if step == 0 and transfer:
                        status = "transferred"
                    elif step == 0 and outcome < 0.06:
                        status, start_at, end_at = "no_show", None, None
                    elif step == 0 and outcome < 0.08:
                        status, call_at, start_at = "cancelled", None, None
                        end_at = at + timedelta(seconds=rng.uniform(60, 1_800))
                    elif step == 0 and outcome < 0.09:
                        status, call_at, start_at = "expired", None, None
                        end_at = datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=ZONE)
                    previous_end = end_at if end_at is not None else at
                    if step == 1:
                        ticket_id += 1
                    called_here = call_at is not None
                    yield (
                        ticket_id, services[service], day.isoformat(), sequence[code], label, group, status,
                        _instant(first_issued, postgres), _instant(at, postgres),
                        None if call_at is None else _instant(call_at, postgres),
                        None if call_at is None else _instant(call_at, postgres),
                        None if start_at is None else _instant(start_at, postgres),
                        None if end_at is None else _instant(end_at, postgres),
                        counters[number] if called_here else None, operator if called_here else None,
                        1 if called_here else 0, parent,
                    )  # fmt: skip
                    made += 1
            for number in COUNTERS:
                operator = users[OPERATORS[(number - 1) * 2 + shift]]
                for hour, minute, kind, reason in (
                    (7, 55, "counter_opened", None), (11, 50, "counter_paused", "sholat"),
                    (12, 10, "counter_opened", None), (12, 30, "counter_paused", "istirahat"),
                    (13, 0, "counter_opened", None), (16, 5, "counter_closed", None),
                ):  # fmt: skip
                    event_id += 1
                    at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
                    data = json.dumps({"reason": reason} if reason else {})
                    events.append(
                        (event_id, _instant(at, postgres), kind, None, counters[number], None, operator, data)
                    )

    return tickets(), iter(events)


def _serves(number: int) -> list[str]:
    return [SERVICES[(number - 1 + k * 5) % 20] for k in range(4)]


# ---------------------------------------------------------------------------------------------- loading


def _generate(url: str, *, postgres: bool) -> None:
    started = time.perf_counter()
    services, counters = _set_up(url)
    users, last_event = _insert_users(url)
    tickets, events = _rows(services, counters, users, last_event, postgres)
    if postgres:
        _load_postgres(url, tickets, events)
    else:
        _load_sqlite(url, tickets, events)
    print(f"generated the year in {time.perf_counter() - started:.0f} s", flush=True)


def _insert_users(url: str) -> tuple[dict[str, int], int]:
    """The operators, inserted; returns their ids by username and the last event id of the set-up."""
    from sqlalchemy import func, insert, select

    from antrian.store.models import Event, User

    db = open_database(url)
    try:
        with db.write() as session:
            session.execute(
                insert(User),
                [{"username": n, "full_name": f"Petugas {n}", "role": "operator", "password_hash": "!"}
                 for n in OPERATORS],
            )  # fmt: skip
        with db.read() as session:
            users = {name: uid for uid, name in session.execute(select(User.id, User.username))}
            return users, session.execute(select(func.max(Event.id))).scalar_one() or 0
    finally:
        db.dispose()


def _load_sqlite(path: str, tickets: Iterator[tuple[Any, ...]], events: Iterator[tuple[Any, ...]]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -262144")
        connection.execute("BEGIN IMMEDIATE")
        marks = ", ".join("?" * len(TICKET_COLUMNS))
        connection.executemany(f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)}) VALUES ({marks})", tickets)
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        connection.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})", events)
        connection.execute(
            "INSERT INTO event_sequence (id, last) VALUES (1, (SELECT max(id) FROM events)) "
            "ON CONFLICT (id) DO UPDATE SET last = excluded.last"
        )
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    os.sync()


def _load_postgres(url: str, tickets: Iterator[tuple[Any, ...]], events: Iterator[tuple[Any, ...]]) -> None:
    import psycopg

    from bench_queue import copy_rows  # the sibling benchmark's COPY writer

    conninfo = url.split("?", 1)[0].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as connection:
        connection.execute(f'SET search_path = "{PG_SCHEMA}"')
        connection.execute("SET synchronous_commit = off")
        with connection.cursor() as cursor:
            copy_rows(cursor, "tickets", TICKET_COLUMNS, tickets)
            copy_rows(cursor, "events", EVENT_COLUMNS, events)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM tickets))"
            )
            cursor.execute(
                "INSERT INTO event_sequence (id, last) VALUES (1, (SELECT max(id) FROM events)) "
                "ON CONFLICT (id) DO UPDATE SET last = excluded.last"
            )
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE tickets")
        connection.execute("VACUUM ANALYZE events")
        connection.execute("CHECKPOINT")
