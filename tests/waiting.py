"""Waiting in tests that have no Qt event loop: for a condition, with a deadline, never for a fixed time.

Window tests use ``qtbot.waitUntil``; this is its counterpart for other processes, threads and files.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

from antrian.store.database import Database

T = TypeVar("T")

POLL_S = 0.02


def wait_until(condition: Callable[[], T], what: str | Callable[[], str], timeout: float = 10.0) -> T:
    """Ask ``condition`` until it answers something true, and return that answer.

    Args:
        condition: asked at once, then every POLL_S seconds.
        what: what is awaited, for the failure; a callable is asked only then (for a log's tail, say).
        timeout: seconds before giving up with an AssertionError naming ``what``.

    Return:
        The first true answer of ``condition``.
    """
    deadline = time.monotonic() + timeout
    while True:
        answer = condition()
        if answer:
            return answer
        if time.monotonic() >= deadline:
            said = what() if callable(what) else what
            raise AssertionError(f"no {said} within {timeout:g} s")
        time.sleep(POLL_S)  # the interval between two looks; the deadline above bounds the wait


def backend_pid(session: Session) -> int:
    """PostgreSQL: the server process serving ``session``'s connection, for ``waits_for_a_lock``."""
    return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def waits_for_a_lock(database: Database, pid: int | None) -> bool:
    """PostgreSQL: the server process ``pid`` is blocked by another's lock (None: not known yet)."""
    if pid is None:
        return False
    with database.read() as session:
        blockers = session.execute(text("SELECT cardinality(pg_blocking_pids(:pid))"), {"pid": pid})
        return int(blockers.scalar_one()) > 0
