"""The office calendar: public holidays and recurring breaks (admin), and what they close.

A holiday closes the kiosk (tickets are refused naming it) and keeps every counter closed; a break on a
weekday closes the kiosk's services from its start up to its end and is shown on the display. Every change
writes a ``settings_changed`` event, so running windows re-read it through the change feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput, NotFound
from antrian.domain.hours import Break, DayCalendar, overlapping
from antrian.domain.messages import Message
from antrian.domain.roles import Actor, Permission
from antrian.domain.timing import Clock, system_clock
from antrian.services.office import log_settings_changed
from antrian.store.models import Holiday, OfficeBreak

NAME_LIMIT = 120  # the columns' width (store.models.Holiday.name, OfficeBreak.name)
EVERY_DAY = (1, 2, 3, 4, 5, 6, 7)


@dataclass(frozen=True, slots=True)
class HolidayInfo:
    day: date
    name: str

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "name": self.name}


@dataclass(frozen=True, slots=True)
class BreakInfo:
    id: int
    weekday: int  # ISO, 1 = Monday
    starts: time
    ends: time
    name: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "weekday": self.weekday,
            "start": self.starts.strftime("%H:%M"),
            "end": self.ends.strftime("%H:%M"),
            "name": self.name,
        }


@dataclass(frozen=True, slots=True)
class CalendarNotice:
    """What the display shows while the office is closed by its calendar: the holiday's or the break's
    name, and when the break ends (None on a holiday: all day)."""

    name: str
    until: time | None

    @property
    def message(self) -> Message:
        if self.until is None:
            return Message("notice.holiday", name=self.name)
        return Message("notice.on_break", name=self.name, until=self.until)


def _fits(name: str) -> bool:
    return len(name) <= NAME_LIMIT and name.isprintable()


def add_holiday(
    session: Session, actor: Actor, day: date, name: str, *, clock: Clock = system_clock
) -> HolidayInfo:
    """Make ``day`` a holiday called ``name``; a day already a holiday is refused naming it."""
    actor.require(Permission.MANAGE)
    name = name.strip()
    if not name:
        raise InvalidInput("holiday.name_missing")
    if not _fits(name):
        raise InvalidInput("holiday.name_invalid", limit=NAME_LIMIT)
    existing = session.get(Holiday, day)
    if existing is not None:
        raise InvalidInput("holiday.exists", day=day, name=existing.name)
    session.add(Holiday(day=day, name=name))
    session.flush()
    log_settings_changed(
        session, actor, clock, action="holiday_added", target=day, new={"name": name}, holiday=day.isoformat()
    )
    return HolidayInfo(day, name)


def remove_holiday(session: Session, actor: Actor, day: date, *, clock: Clock = system_clock) -> HolidayInfo:
    actor.require(Permission.MANAGE)
    existing = session.get(Holiday, day)
    if existing is None:
        raise NotFound("holiday.unknown", day=day)
    removed = HolidayInfo(existing.day, existing.name)
    session.delete(existing)
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="holiday_removed",
        target=day,
        old={"name": removed.name},
        new={},
        holiday=day.isoformat(),
    )
    return removed


def list_holidays(session: Session | Connection) -> list[HolidayInfo]:
    """Every holiday, by date (the calendar is public: the kiosk and display show it)."""
    rows = session.execute(select(Holiday.day, Holiday.name).order_by(Holiday.day))
    return [HolidayInfo(day, name) for day, name in rows]


def add_breaks(
    session: Session,
    actor: Actor,
    weekdays: Sequence[int],
    starts: time,
    ends: time,
    name: str,
    *,
    clock: Clock = system_clock,
) -> list[BreakInfo]:
    """A break from ``starts`` up to ``ends`` on each of ``weekdays`` (ISO 1-7; ``EVERY_DAY`` for a daily
    lunch). All or nothing: one overlapping an existing break refuses the lot, naming that break."""
    actor.require(Permission.MANAGE)
    name = name.strip()
    if not name:
        raise InvalidInput("break.name_missing")
    if not _fits(name):
        raise InvalidInput("break.name_invalid", limit=NAME_LIMIT)
    days = sorted(set(weekdays))
    if not days or not set(days) <= set(EVERY_DAY):
        raise InvalidInput("break.weekday_invalid")
    if starts >= ends:
        raise InvalidInput("break.ends_before_start", starts=starts, ends=ends)
    existing = [_break(row) for row in session.execute(select(OfficeBreak)).scalars()]
    for weekday in days:
        other = overlapping(Break(weekday, starts, ends, name), existing)
        if other is not None:
            raise InvalidInput(
                "break.overlaps", weekday=weekday, name=other.name, starts=other.starts, ends=other.ends
            )
    rows = [OfficeBreak(weekday=d, starts_at=starts, ends_at=ends, name=name) for d in days]
    session.add_all(rows)
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="break_added",
        target=name,
        new={"weekdays": days, "starts": starts, "ends": ends, "name": name},
        breaks=[row.id for row in rows],
    )
    return [_info(row) for row in rows]


def remove_break(session: Session, actor: Actor, break_id: int, *, clock: Clock = system_clock) -> BreakInfo:
    actor.require(Permission.MANAGE)
    row = session.get(OfficeBreak, break_id)
    if row is None:
        raise NotFound("break.unknown", id=break_id)
    removed = _info(row)
    session.execute(delete(OfficeBreak).where(OfficeBreak.id == break_id))
    log_settings_changed(
        session,
        actor,
        clock,
        action="break_removed",
        target=removed.name,
        old={"weekday": removed.weekday, "starts": removed.starts, "ends": removed.ends},
        new={},
        breaks=[break_id],
    )
    return removed


def list_breaks(session: Session | Connection) -> list[BreakInfo]:
    """Every break, by weekday and start."""
    rows = session.execute(
        select(
            OfficeBreak.id, OfficeBreak.weekday, OfficeBreak.starts_at, OfficeBreak.ends_at, OfficeBreak.name
        ).order_by(OfficeBreak.weekday, OfficeBreak.starts_at, OfficeBreak.id)
    )
    return [BreakInfo(*row) for row in rows]


def day_calendar(session: Session | Connection, day: date) -> DayCalendar:
    """The holiday and the breaks of the office-local ``day``."""
    holiday = session.execute(select(Holiday.name).where(Holiday.day == day)).scalar_one_or_none()
    breaks = session.execute(
        select(OfficeBreak.weekday, OfficeBreak.starts_at, OfficeBreak.ends_at, OfficeBreak.name)
        .where(OfficeBreak.weekday == day.isoweekday())
        .order_by(OfficeBreak.starts_at)
    )
    return DayCalendar(holiday, tuple(Break(*row) for row in breaks))


def notice_of(calendar: DayCalendar, now: time) -> CalendarNotice | None:
    """The holiday or the break of ``calendar`` closing the office at the local time ``now``, or None."""
    if calendar.holiday is not None:
        return CalendarNotice(calendar.holiday, None)
    pause = calendar.break_at(now)
    return CalendarNotice(pause.name, pause.ends) if pause is not None else None


def turns(calendar: DayCalendar) -> tuple[time, ...]:
    """The times of day at which ``calendar``'s notice may change: its breaks' starts and ends."""
    return tuple(sorted({moment for b in calendar.breaks for moment in (b.starts, b.ends)}))


def _break(row: OfficeBreak) -> Break:
    return Break(row.weekday, row.starts_at, row.ends_at, row.name)


def _info(row: OfficeBreak) -> BreakInfo:
    return BreakInfo(row.id, row.weekday, row.starts_at, row.ends_at, row.name)
