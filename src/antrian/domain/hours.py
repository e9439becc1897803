"""Opening hours of a service, public holidays and recurring breaks: no tickets outside them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from antrian.domain.messages import Message


@dataclass(frozen=True, slots=True)
class Break:
    """A recurring break of the whole office on one ISO weekday (1 = Monday), from ``starts`` up to (not
    including) ``ends``: Friday prayers (Jumat 11:30-13:00), lunch."""

    weekday: int
    starts: time
    ends: time
    name: str

    def covers(self, now: time) -> bool:
        return self.starts <= now < self.ends

    def overlaps(self, other: Break) -> bool:
        """Whether the two share a minute on the same weekday (one ending as the other starts does not)."""
        return self.weekday == other.weekday and self.starts < other.ends and other.starts < self.ends


@dataclass(frozen=True, slots=True)
class DayCalendar:
    """One office-local day: its public holiday's name (None on a working day) and its breaks."""

    holiday: str | None = None
    breaks: tuple[Break, ...] = ()

    def break_at(self, now: time) -> Break | None:
        return next((b for b in self.breaks if b.covers(now)), None)


NO_CALENDAR = DayCalendar()


def overlapping(new: Break, existing: Iterable[Break]) -> Break | None:
    """The first of ``existing`` that shares time with ``new``, or None."""
    return next((b for b in existing if new.overlaps(b)), None)


def closed_reason(
    opens_at: time | None,
    closes_at: time | None,
    open_days: str,
    local: datetime,
    calendar: DayCalendar = NO_CALENDAR,
) -> Message | None:
    """Why a service is closed at the office-local instant ``local``, or None when it is open.

    ``open_days`` holds ISO weekday digits ("12345" = Monday to Friday); ``opens_at``/``closes_at`` bound the
    day (either may be None: no bound). The closing time itself is already closed. ``calendar`` is the day's
    holiday and breaks (``local``'s date). The reason is one of ``hours.holiday`` (``name``),
    ``hours.closed_day`` (``weekday``: ISO 1-7), ``hours.not_yet_open`` (``opens``), ``hours.closed_since``
    (``closes``) and ``hours.on_break`` (``name``, ``until``).
    """
    if calendar.holiday is not None:
        return Message("hours.holiday", name=calendar.holiday)
    weekday = local.isoweekday()
    if str(weekday) not in open_days:
        return Message("hours.closed_day", weekday=weekday)
    now = local.time().replace(tzinfo=None)
    if opens_at is not None and now < opens_at:
        return Message("hours.not_yet_open", opens=opens_at)
    if closes_at is not None and now >= closes_at:
        return Message("hours.closed_since", closes=closes_at)
    pause = calendar.break_at(now)
    if pause is not None:
        return Message("hours.on_break", name=pause.name, until=pause.ends)
    return None
