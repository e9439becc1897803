"""What the waiting-room display shows, and the office's display and voice settings."""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from antrian.domain.announce import NumberReading, validate_template
from antrian.domain.errors import InvalidInput
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, office_zone, require_utc, service_day, system_clock
from antrian.services.calendar import CalendarNotice, day_calendar, notice_of, turns
from antrian.services.office import get_office, log_settings_changed
from antrian.services.results import EventInfo
from antrian.services.zones import zone_ids
from antrian.store.models import Counter, CounterService, CounterState, Event, Service, Setting, Ticket

CALL_KINDS = frozenset({"ticket_called", "ticket_recalled", "ticket_resumed"})
COUNTER_KINDS = frozenset({"counter_opened", "counter_paused", "counter_closed"})
# The queue's own events: what they change is told by their counter and service. Any other event (set-up,
# settings, zones, the calendar, a transfer between services) may change any display.
QUEUE_KINDS = (
    CALL_KINDS
    | COUNTER_KINDS
    | frozenset(
        {
            "ticket_issued",
            "ticket_started",
            "ticket_held",
            "ticket_no_show",
            "ticket_finished",
            "ticket_cancelled",
            "ticket_expired",
        }
    )
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Call:
    """One call as the display shows and speaks it."""

    event_id: int
    at: datetime
    number: str
    counter: int
    service: str
    service_name: str
    recall: bool
    ticket_id: int | None = None

    @classmethod
    def from_event(cls, event: EventInfo) -> Call | None:
        """The call an event announces, or None for events that are not calls."""
        if event.kind not in CALL_KINDS:
            return None
        data = event.data
        return cls(
            event_id=event.id,
            at=event.at,
            number=str(data.get("number", "")),
            counter=int(data.get("counter") or event.counter or 0),
            service=str(data.get("service", event.service or "")),
            service_name=str(data.get("service_name", "")),
            recall=event.kind == "ticket_recalled",
            ticket_id=event.ticket_id,
        )


@dataclass(frozen=True, slots=True)
class CounterBoard:
    number: int
    name: str
    state: str  # open / paused / closed
    current: str | None
    current_service: str | None
    pause_reason: str | None


@dataclass(frozen=True, slots=True)
class Waiting:
    code: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class DisplaySnapshot:
    office_name: str
    timezone: str
    running_text: str
    counters: tuple[CounterBoard, ...]
    waiting: tuple[Waiting, ...]
    recent_calls: tuple[Call, ...]  # today's, newest first, each ticket once (its newest call)
    last_event_id: int
    current: Call | None = None  # today's newest call whose ticket is still called or being served
    day: date | None = None  # the office's service day the snapshot was read on
    notice: CalendarNotice | None = None  # the holiday or break closing the office when read
    notice_turns: tuple[time, ...] = ()  # the local times today at which ``notice`` may change (re-read then)


def may_change(events: Iterable[EventInfo], counters: Collection[int], services: Collection[str]) -> bool:
    """Whether any of ``events`` may change a display limited to ``counters`` (of a zone of a Mal Pelayanan
    Publik) and to the waiting counts of ``services``: a queue event at another counter, of a service not
    among these, changes nothing it shows."""
    for event in events:
        if event.kind not in QUEUE_KINDS or (event.counter is None and event.service is None):
            return True
        if event.counter in counters or event.service in services:
            return True
    return False


def once_each(calls: Iterable[Call]) -> list[Call]:
    """``calls`` (newest first) with each ticket number once, at its newest call."""
    seen: set[str] = set()
    kept = []
    for call in calls:
        if call.number not in seen:
            seen.add(call.number)
            kept.append(call)
    return kept


def calls_on_board(
    snapshot: DisplaySnapshot | None, live: Sequence[Call], shown: int
) -> tuple[Call | None, tuple[Call, ...]]:
    """The large panel's call and the recent calls row, from the last snapshot and the calls the feed
    delivered since.

    The snapshot is the truth up to its ``last_event_id``: a delivered call it has read too (a restarted
    display catching up from its stored feed position gets calls the snapshot holds) is listed once, and a
    delivered call of another service day (a position stored yesterday) not at all; every call appears once,
    in event order. The panel shows the newest call made after the snapshot, else the snapshot's newest call
    still called or being served: a finished ticket makes the next snapshot (read on its event) drop it, and
    the panel falls back to the call before or goes idle.
    """
    head = snapshot.last_event_id if snapshot is not None else -1
    today = [c for c in live if snapshot is None or _day_of(c, snapshot) == snapshot.day]
    known = {c.event_id: c for c in (*today, *(snapshot.recent_calls if snapshot is not None else ()))}
    newest_first = sorted(known.values(), key=lambda c: c.event_id, reverse=True)
    newer = [c for c in newest_first if c.event_id > head]
    current = newer[0] if newer else (snapshot.current if snapshot is not None else None)
    return current, tuple(once_each(newest_first)[:shown])


def _day_of(call: Call, snapshot: DisplaySnapshot) -> date:
    return service_day(require_utc(call.at), office_zone(snapshot.timezone))


def display_snapshot(
    session: Session,
    *,
    recent: int = 8,
    clock: Clock = system_clock,
    counters: frozenset[int] | None = None,
    zones: Collection[str] | None = None,
) -> DisplaySnapshot:
    """Everything the display shows, read in one transaction.

    ``counters``: a display for one zone shows only these counters, the calls made at them, and the
    waiting counts of the services they serve; None shows the whole office. ``zones``: likewise, the
    counters of these zones (codes of ``services.zones``; an unknown one is ``NotFound``); with both, the
    counters that are in both."""
    office = get_office(session)
    local = require_utc(clock()).astimezone(office.zone)
    day = local.date()
    zone: tuple[ColumnElement[bool], ...] = ()
    if counters is not None:
        zone += (Counter.number.in_(sorted(counters)),)
    if zones is not None:
        zone += (Counter.zone_id.in_(sorted(zone_ids(session, zones))),)
    limited = bool(zone)
    current = (
        select(Ticket.label, Service.code)
        .join(Service, Service.id == Ticket.service_id)
        .where(Ticket.id == CounterState.current_ticket_id, Ticket.status.in_(("called", "serving")))
        .correlate(CounterState)
    )
    rows = session.execute(
        select(
            Counter.number,
            Counter.name,
            CounterState.state,
            current.with_only_columns(Ticket.label).scalar_subquery(),
            current.with_only_columns(Service.code).scalar_subquery(),
            CounterState.pause_reason,
        )
        .outerjoin(CounterState, CounterState.counter_id == Counter.id)
        .where(Counter.active.is_(True), *zone)
        .order_by(Counter.number)
    ).all()
    boards = tuple(
        CounterBoard(number, name, state or "closed", label, code, reason)
        for number, name, state, label, code, reason in rows
    )
    counts = {
        service_id: int(count)
        for service_id, count in session.execute(
            select(Ticket.service_id, func.count())
            .where(Ticket.status == "waiting", Ticket.service_day == day)
            .group_by(Ticket.service_id)
        )
    }
    listed = select(Service.id, Service.code, Service.name).where(Service.active.is_(True))
    if limited:
        served = (
            select(CounterService.service_id)
            .join(Counter, Counter.id == CounterService.counter_id)
            .where(Counter.active.is_(True), *zone)
        )
        listed = listed.where(Service.id.in_(served))
    services = session.execute(listed.order_by(Service.display_order, Service.code)).all()
    waiting = tuple(Waiting(code, name, int(counts.get(sid, 0))) for sid, code, name in services)
    start_of_day = require_utc(datetime.combine(day, time(0), tzinfo=office.zone))
    # the service day's calls only (yesterday's never show); a recalled ticket has several call events,
    # so more are read than are shown
    todays = select(Event).where(Event.kind.in_(CALL_KINDS), Event.at >= start_of_day)
    if limited:
        todays = todays.join(Counter, Counter.id == Event.counter_id).where(*zone)
    events = session.execute(todays.order_by(Event.id.desc()).limit(recent * 4)).scalars().all()
    calls = tuple(once_each(_call(e) for e in events)[:recent])
    active = session.execute(
        todays.join(Ticket, Ticket.id == Event.ticket_id)
        .where(Ticket.status.in_(("called", "serving")), Ticket.service_day == day)
        .order_by(Event.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    last = int(session.execute(select(func.coalesce(func.max(Event.id), 0))).scalar_one())
    calendar = day_calendar(session, day)
    return DisplaySnapshot(
        office.name,
        office.timezone,
        office.running_text,
        boards,
        waiting,
        calls,
        last,
        current=_call(active) if active is not None else None,
        day=day,
        notice=notice_of(calendar, local.time().replace(tzinfo=None)),
        notice_turns=turns(calendar),
    )


def _call(event: Event) -> Call:
    call = Call.from_event(
        EventInfo(event.id, event.at, event.kind, event.ticket_id, None, None, None, dict(event.data or {}))
    )
    assert call is not None, "read among the call kinds"
    return call


@dataclass(frozen=True, slots=True)
class VoiceSettings:
    """How calls are spoken (office-wide; kept in the settings table under "voice")."""

    enabled: bool = True
    reading: str = NumberReading.WHOLE.value
    repeat: int = 1  # times the sentence is spoken after the chime
    rate: float = 0.75  # of the engine's default rate; offices use about 0.7-0.8
    volume: float = 1.0
    voice: str = "id"  # a voice id or language; the engine's Indonesian voice by default
    with_service: bool = False
    template: str | None = None
    max_age_s: int = 60  # after a restart, calls older than this are shown but not spoken
    chime: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def validated(self) -> VoiceSettings:
        if self.reading not in {reading.value for reading in NumberReading}:
            raise InvalidInput("voice.reading_invalid", reading=self.reading)
        if not 1 <= self.repeat <= 3:
            raise InvalidInput("voice.repeat_range")
        if not 0.3 <= self.rate <= 2.0:
            raise InvalidInput("voice.rate_range")
        if not 0.0 <= self.volume <= 1.0:
            raise InvalidInput("voice.volume_range")
        if self.max_age_s < 0:
            raise InvalidInput("voice.max_age_negative")
        if self.template is not None:
            validate_template(self.template)
        return self


def get_voice_settings(session: Session) -> VoiceSettings:
    row = session.get(Setting, "voice")
    if row is None or not isinstance(row.value, dict):
        return VoiceSettings()
    known = {k: v for k, v in row.value.items() if k in VoiceSettings.__dataclass_fields__ and k != "extra"}
    try:
        return VoiceSettings(**known).validated()
    except (InvalidInput, TypeError, ValueError) as error:
        # calls are still spoken, with the defaults; the admin learns why from the log
        log.warning("stored voice settings are not usable (%s); speaking with the defaults", error)
        return VoiceSettings()


def save_voice_settings(
    session: Session, settings: VoiceSettings, *, actor: Actor, clock: Clock = system_clock
) -> VoiceSettings:
    actor.require(Permission.MANAGE)
    settings.validated()
    value = {k: v for k, v in asdict(settings).items() if k != "extra"}
    row = session.get(Setting, "voice")
    old = None if row is None else dict(row.value) if isinstance(row.value, dict) else row.value
    if row is None:
        session.add(Setting(key="voice", value=value))
    else:
        row.value = value
    session.flush()
    log_settings_changed(
        session, actor, clock, action="voice_changed", target="voice", old=old, new=value, settings="voice"
    )
    return settings
