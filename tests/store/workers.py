"""Worker processes for the multi-process tests: each opens its own database connection.

They report through JSON files (never raise into the parent): ``{"errors": [...], ...}``.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import traceback
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

# What every worker imports, once, in the fork server (``processes``).
_PRELOAD = [
    "tests.store.workers",
    "antrian.services.queue",
    "antrian.services.counters",
    "antrian.services.queries",
    "antrian.store.database",
    "antrian.store.schema",
    "psycopg",
]


def processes() -> BaseContext:
    """Where the multi-process tests' workers come from: a fork server, a Python process of its own (not a
    fork of the test process, with its Qt and threads) that imported Antrian once and forks each worker.
    Every worker is still a process of its own, with its own connections, started clean; it only skips
    importing Antrian and SQLAlchemy again (about half a second of CPU each, nine workers a test)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def _report(path: str, payload: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(payload))


def issuer(url: str, count: int, codes: list[str], start: Any, out: str, entry: str = "session") -> None:
    """Issue ``count`` tickets through ``entry``: "session" (``issue_ticket`` in ``db.write()``) or "in"
    (``issue_ticket_in``). Refusals (ServiceUnavailable, e.g. a quota) are reported apart from errors, as
    their code and parameters."""
    from antrian.domain.errors import ServiceUnavailable
    from antrian.services.queue import issue_ticket, issue_ticket_in
    from antrian.store.database import open_database

    issued: list[list[Any]] = []
    refused: list[str] = []
    errors: list[str] = []
    try:
        db = open_database(url)
        start.wait()
        for i in range(count):
            code, priority = codes[i % len(codes)], "lansia" if i % 7 == 3 else None
            try:
                if entry == "in":
                    info = issue_ticket_in(db, code, priority=priority)
                else:
                    with db.write() as session:
                        info = issue_ticket(session, code, priority=priority)
                issued.append([info.id, info.number, info.service])
            except ServiceUnavailable as refusal:
                refused.append([refusal.code, refusal.params])
            except Exception:
                errors.append(traceback.format_exc())
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    _report(out, {"issued": issued, "refused": refused, "errors": errors})


def caller(url: str, counter: int, start: Any, issuers_done: Any, out: str) -> None:
    from antrian.domain.errors import NothingWaiting
    from antrian.domain.roles import SYSTEM
    from antrian.services.queue import call_next, finish
    from antrian.services.queue import start as start_service
    from antrian.store.database import open_database

    claimed: list[int] = []
    errors: list[str] = []
    empty_after_done = 0
    try:
        db = open_database(url)
        start.wait()
        while empty_after_done < 3:
            done_before = issuers_done.is_set()
            try:
                with db.write() as session:
                    ticket = call_next(session, counter, actor=SYSTEM)
            except NothingWaiting:
                if done_before:
                    empty_after_done += 1
                time.sleep(0.005)  # not a wait: a counter asking again, as a busy counter PC would
                continue
            except Exception:
                errors.append(traceback.format_exc())
                continue
            claimed.append(ticket.id)
            try:
                with db.write() as session:
                    start_service(session, counter, actor=SYSTEM)
                with db.write() as session:
                    finish(session, counter, actor=SYSTEM)
            except Exception:
                errors.append(traceback.format_exc())
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    _report(out, {"claimed": claimed, "errors": errors})


def tailer(url: str, start: Any, all_done: Any, out: str) -> None:
    """Follow the event log the way every window will: read ids greater than the last one seen."""
    from antrian.services.queries import events_after
    from antrian.store.database import open_database

    batches: list[list[int]] = []
    errors: list[str] = []
    last = 0
    try:
        db = open_database(url)
        start.wait()
        while True:
            finished = all_done.is_set()
            with db.read() as session:
                ids = [event.id for event in events_after(session, last)]
            if ids:
                batches.append(ids)
                last = ids[-1]
            elif finished:
                break
            else:
                time.sleep(0.002)  # not a wait: a reader polling the events while the writers write
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    _report(out, {"batches": batches, "errors": errors})


def opener(url: str, start: Any, out: str) -> None:
    from antrian.store.database import open_database
    from antrian.store.schema import current_revision

    errors: list[str] = []
    revision = None
    try:
        start.wait()
        db = open_database(url, create=True)
        with db.engine.connect() as connection:
            revision = current_revision(connection)
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    _report(out, {"revision": revision, "errors": errors})
