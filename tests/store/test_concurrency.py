"""Concurrency proven with real processes against a real database (SQLite file and PostgreSQL).

4 issuing, 4 calling and 1 tailing process run at once: no number is issued twice, no ticket is claimed
twice, no error surfaces, every issued ticket is served, and the tailer, reading ``id > last_seen`` while
everyone writes, receives every event id exactly once and in order. Two issuers use ``issue_ticket`` in a
Session and two ``issue_ticket_in`` (on SQLite the driver-level path), so both queue in one line.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from antrian.domain.roles import SYSTEM
from antrian.services.counters import open_counter
from antrian.store.database import Database
from antrian.store.models import Event, Ticket
from antrian.store.schema import HEAD_REVISION
from tests.conftest import seed_office
from tests.store import workers

pytestmark = pytest.mark.slow

ISSUERS = 4
CALLERS = 4
PER_ISSUER = 120
JOIN_TIMEOUT_S = 240


def _run(processes: list[Any]) -> None:
    for process in processes:
        process.start()
    for process in processes:
        process.join(JOIN_TIMEOUT_S)
        assert process.exitcode == 0, f"{process.name} exited with {process.exitcode}"


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())  # type: ignore[no-any-return]


def test_issuers_callers_and_tailer_at_once(db: Database, db_url: str, tmp_path: Path) -> None:
    seed_office(db)
    from antrian.services.setup import save_counter

    with db.write() as session:
        save_counter(session, 4, "Loket 4", ["A", "B", "C"], actor=SYSTEM)
        for number in (1, 2, 3, 4):
            open_counter(session, number, actor=SYSTEM)
    ctx = workers.processes()
    start = ctx.Barrier(ISSUERS + CALLERS + 1)
    issuers_done, all_done = ctx.Event(), ctx.Event()
    issuer_out = [tmp_path / f"issuer{i}.json" for i in range(ISSUERS)]
    caller_out = [tmp_path / f"caller{i}.json" for i in range(1, CALLERS + 1)]
    tail_out = tmp_path / "tailer.json"
    issuer_procs = [
        ctx.Process(
            target=workers.issuer,
            args=(db_url, PER_ISSUER, ["A", "B", "C"], start, str(out), "in" if i % 2 else "session"),
            name=f"issuer{i}",
        )
        for i, out in enumerate(issuer_out)
    ]
    caller_procs = [
        ctx.Process(target=workers.caller, args=(db_url, n, start, issuers_done, str(out)), name=f"caller{n}")
        for n, out in zip(range(1, CALLERS + 1), caller_out, strict=True)
    ]
    tail_proc = ctx.Process(
        target=workers.tailer, args=(db_url, start, all_done, str(tail_out)), name="tailer"
    )
    for process in [*issuer_procs, *caller_procs, tail_proc]:
        process.start()
    for process in issuer_procs:
        process.join(JOIN_TIMEOUT_S)
    issuers_done.set()
    for process in caller_procs:
        process.join(JOIN_TIMEOUT_S)
    all_done.set()
    tail_proc.join(JOIN_TIMEOUT_S)
    for process in [*issuer_procs, *caller_procs, tail_proc]:
        assert process.exitcode == 0, f"{process.name} exited with {process.exitcode}"

    issued = [row for out in issuer_out for row in _read(out)["issued"]]
    claimed = [ticket_id for out in caller_out for ticket_id in _read(out)["claimed"]]
    errors = [e for out in [*issuer_out, *caller_out, tail_out] for e in _read(out)["errors"]]
    assert errors == []
    assert [r for out in issuer_out for r in _read(out)["refused"]] == []

    # every number issued once, and the numbers of each service run 1..n without a gap
    assert len(issued) == ISSUERS * PER_ISSUER
    assert len({number for _, number, _ in issued}) == len(issued)
    per_service = Counter(service for _, _, service in issued)
    for service, count in per_service.items():
        numbers = sorted(int(number[1:]) for _, number, s in issued if s == service)
        assert numbers == list(range(1, count + 1))

    # no ticket claimed twice; every issued ticket claimed by some counter
    duplicates = [ticket_id for ticket_id, n in Counter(claimed).items() if n > 1]
    assert duplicates == []
    assert sorted(claimed) == sorted(ticket_id for ticket_id, _, _ in issued)
    assert len({len(_read(out)["claimed"]) > 0 for out in caller_out}) == 1, "every counter served someone"

    with db.read() as session:
        statuses = Counter(session.execute(select(Ticket.status)).scalars())
        call_counts = set(session.execute(select(Ticket.call_count)).scalars())
        event_ids = list(session.execute(select(Event.id).order_by(Event.id)).scalars())
        issued_events = session.execute(
            select(func.count()).select_from(Event).where(Event.kind == "ticket_issued")
        ).scalar_one()
    assert statuses == {"done": len(issued)}
    assert call_counts == {1}
    assert issued_events == len(issued)

    # commit-ordered event ids: the tailer got each id exactly once, in order, with no gap
    batches = _read(tail_out)["batches"]
    received = [event_id for batch in batches for event_id in batch]
    assert received == event_ids
    assert event_ids == list(range(1, len(event_ids) + 1))
    assert len(batches) > 10, "the tailer must have read while the writers were writing"


def test_simultaneous_first_start_creates_one_schema(db_url: str, tmp_path: Path) -> None:
    ctx = workers.processes()
    start = ctx.Barrier(4)
    outs = [tmp_path / f"opener{i}.json" for i in range(4)]
    _run([ctx.Process(target=workers.opener, args=(db_url, start, str(out))) for out in outs])
    results = [_read(out) for out in outs]
    assert [r["errors"] for r in results] == [[]] * 4
    assert {r["revision"] for r in results} == {HEAD_REVISION}


def test_issuers_share_a_quota_exactly(db: Database, db_url: str, tmp_path: Path) -> None:
    """4 processes on ``issue_ticket_in`` race for a quota of 100: 100 numbers, 1..100, the rest refused."""
    from antrian.services.setup import save_service

    seed_office(db)
    with db.write() as session:
        save_service(
            session, "Q", "Kuota", actor=SYSTEM, standard_time=5, daily_quota=100, open_days="1234567"
        )
    ctx = workers.processes()
    start = ctx.Barrier(ISSUERS)
    outs = [tmp_path / f"quota{i}.json" for i in range(ISSUERS)]
    _run(
        [
            ctx.Process(target=workers.issuer, args=(db_url, 40, ["Q"], start, str(out), "in"), name=f"q{i}")
            for i, out in enumerate(outs)
        ]
    )
    results = [_read(out) for out in outs]
    assert [e for r in results for e in r["errors"]] == []
    numbers = sorted(int(number[1:]) for r in results for _, number, _ in r["issued"])
    assert numbers == list(range(1, 101))
    refused = [refusal for r in results for refusal in r["refused"]]
    assert len(refused) == 4 * 40 - 100
    assert all(
        refusal == ["service.quota_used", {"service": "Q", "name": "Kuota", "quota": 100}]
        for refusal in refused
    ), refused[:3]
    with db.read() as session:
        issued_events = session.execute(
            select(func.count()).select_from(Event).where(Event.kind == "ticket_issued")
        ).scalar_one()
        assert session.execute(select(func.count()).select_from(Ticket)).scalar_one() == 100
    assert issued_events == 100
