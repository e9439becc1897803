"""Worker processes for the multi-process tests: each opens its own database connection.

They report through JSON files (never raise into the parent): ``{"errors": [...], ...}``.
"""

from __future__ import annotations

import json
import time
import traceback
from pathlib import Path
from typing import Any


def _report(path: str, payload: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(payload))


def issuer(url: str, count: int, codes: list[str], start: Any, out: str) -> None:
    from antrian.services.queue import issue_ticket
    from antrian.store.database import open_database

    issued: list[list[Any]] = []
    errors: list[str] = []
    try:
        db = open_database(url)
        start.wait()
        for i in range(count):
            try:
                with db.write() as session:
                    info = issue_ticket(
                        session, codes[i % len(codes)], priority="lansia" if i % 7 == 3 else None
                    )
                issued.append([info.id, info.number, info.service])
            except Exception:
                errors.append(traceback.format_exc())
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    _report(out, {"issued": issued, "errors": errors})


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
                time.sleep(0.005)
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
                time.sleep(0.002)
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
        db = open_database(url)
        with db.engine.connect() as connection:
            revision = current_revision(connection)
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    _report(out, {"revision": revision, "errors": errors})
