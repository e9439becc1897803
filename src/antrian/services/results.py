"""What services return: frozen dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class TicketInfo:
    """One ticket (one service visit) as every window and script sees it."""

    id: int
    number: str
    service: str
    service_name: str
    service_day: date
    sequence: int
    status: str
    priority_group: str | None
    place_at: datetime
    issued_at: datetime
    first_called_at: datetime | None
    last_called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    counter: int | None
    operator: str | None
    call_count: int
    parent_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {key: _jsonable(value) for key, value in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class CounterInfo:
    number: int
    name: str
    state: str
    operator: str | None
    current_ticket: str | None
    pause_reason: str | None
    since: datetime | None
    services: tuple[str, ...]
    zone: str | None = None  # the code of its zone (services.zones)

    def to_json(self) -> dict[str, Any]:
        return {key: _jsonable(value) for key, value in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: int
    at: datetime
    kind: str
    ticket_id: int | None
    counter: int | None
    service: str | None
    user: str | None
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {key: _jsonable(value) for key, value in asdict(self).items()}
