"""The health of the office's display and kiosk PCs, kept in the database because the windows that need it
run on other PCs.

A station reports itself (``report_station``) when it starts, whenever what stops it working changes (the
display's voice: no audio device, no speech engine) and on a heartbeat. Only a change of the problem writes a
``station_changed`` event, in the same transaction, so every window learns it through the change feed; a
heartbeat only moves ``last_seen``. The counter panels read the displays' voice problems
(``voice_problems``) to tell operators that citizens do not hear their calls.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.messages import Message
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.action_log import note
from antrian.store.dialect import locked
from antrian.store.models import Station
from antrian.store.queue import append_events

log = logging.getLogger(__name__)

CHANGED = "station_changed"
# A station reports at least this often while it runs (a heartbeat when nothing changed).
HEARTBEAT = timedelta(seconds=60)
# A station silent for three heartbeats is switched off or cut off: what it last said no longer holds.
STALE = 3 * HEARTBEAT
# The message codes that mean a display's calls are not spoken.
VOICE_FAMILY = "speech."


class StationKind(StrEnum):
    DISPLAY = "display"
    KIOSK = "kiosk"


@dataclass(frozen=True, slots=True)
class StationInfo:
    kind: StationKind
    name: str
    last_seen: datetime
    problem: Message | None
    changed_at: datetime


def _plain(value: Any) -> Any:
    """A parameter as JSON keeps it: the voice's problems carry text and numbers only."""
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


def _info(row: Station) -> StationInfo:
    problem = Message(row.problem, **row.problem_params) if row.problem else None
    return StationInfo(StationKind(row.kind), row.name, row.last_seen, problem, row.changed_at)


def report_station(
    session: Session,
    kind: StationKind,
    name: str,
    problem: Message | None,
    *,
    clock: Clock = system_clock,
) -> bool:
    """Record that station ``name`` of ``kind`` runs now with ``problem`` (None: it works).

    Returns whether the problem changed (then a ``station_changed`` event was written with it).
    """
    now = require_utc(clock())
    statement = locked(session, select(Station).where(Station.kind == kind.value, Station.name == name))
    row = session.execute(statement).scalar_one_or_none()
    code = problem.code if problem else None
    params = {key: _plain(value) for key, value in problem.params.items()} if problem else {}
    if row is None:
        row = Station(
            kind=kind.value, name=name, problem=None, problem_params={}, changed_at=now, last_seen=now
        )
        session.add(row)
        changed = problem is not None
    else:
        changed = (row.problem, row.problem_params) != (code, params)
    row.last_seen = now
    if not changed:
        session.flush()
        return False
    row.problem, row.problem_params, row.changed_at = code, params, now
    session.flush()
    note(session, log, "%s %s %s: %s", CHANGED, kind.value, name, problem.describe() if problem else "works")
    append_events(
        session,
        [{"at": now, "kind": CHANGED, "data": {"station": kind.value, "name": name, "problem": code}}],
    )
    return True


def voice_problems(session: Session, *, clock: Clock = system_clock) -> tuple[StationInfo, ...]:
    """The displays seen lately whose calls are not spoken, by name."""
    since = require_utc(clock()) - STALE
    rows = session.execute(
        select(Station)
        .where(
            Station.kind == StationKind.DISPLAY.value,
            Station.problem.like(f"{VOICE_FAMILY}%"),
            Station.last_seen >= since,
        )
        .order_by(Station.name)
    ).scalars()
    return tuple(_info(row) for row in rows)


def all_stations(session: Session) -> tuple[StationInfo, ...]:
    """Every station as it last reported itself, displays first, by name."""
    rows = session.execute(select(Station).order_by(Station.kind, Station.name)).scalars()
    return tuple(_info(row) for row in rows)
