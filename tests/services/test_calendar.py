"""Public holidays and recurring breaks: what they close (kiosk, counters), what the display is told, and
the admin's refusals, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select

from antrian import words
from antrian.domain.errors import (
    CounterUnavailable,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ServiceUnavailable,
)
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.calendar import (
    EVERY_DAY,
    BreakInfo,
    CalendarNotice,
    HolidayInfo,
    add_breaks,
    add_holiday,
    list_breaks,
    list_holidays,
    remove_break,
    remove_holiday,
)
from antrian.services.counters import counter_info, open_counter
from antrian.services.display import display_snapshot
from antrian.services.kiosk import kiosk_overview
from antrian.store.database import Database
from antrian.store.models import Event, Ticket
from tests.conftest import MONDAY_9AM
from tests.helpers import assert_message, raises_code

MONDAY = date(2026, 11, 30)
FRIDAY_PRAYERS = (time(11, 30), time(13, 0))


def jakarta(day: int, hour: int, minute: int = 0) -> FixedClock:
    """A clock at ``day`` December 2026 (or 30 November for day 30), ``hour:minute`` in Jakarta (UTC+7)."""
    month = 11 if day == 30 else 12
    return FixedClock(datetime(2026, month, day, hour - 7, minute, tzinfo=UTC))


def settings_events(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).where(Event.kind == "settings_changed")).scalar_one())


def tickets(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count()).select_from(Ticket)).scalar_one())


def friday_prayers(db: Database) -> list[BreakInfo]:
    with db.write() as s:
        return add_breaks(s, SYSTEM, [5], *FRIDAY_PRAYERS, "Salat Jumat")


def issue_both_ways(db: Database, clock: FixedClock) -> None:
    """Issue A through the Session path and through ``issue_ticket_in`` (SQLite's own path)."""
    with db.write() as s:
        queue.issue_ticket(s, "A", clock=clock)
    queue.issue_ticket_in(db, "A", clock=clock)


@pytest.mark.parametrize("path", ["session", "issue_in"])
def test_a_ticket_is_refused_on_a_holiday_naming_it(office: Database, path: str) -> None:
    with office.write() as s:
        add_holiday(s, SYSTEM, MONDAY, "Hari Guru")
    clock = FixedClock(MONDAY_9AM)
    with raises_code(ServiceUnavailable, "service.closed", service="A") as caught:
        if path == "session":
            with office.write() as s:
                queue.issue_ticket(s, "A", clock=clock)
        else:
            queue.issue_ticket_in(office, "A", clock=clock)
    assert_message(caught.value.params["reason"], "hours.holiday", name="Hari Guru")
    assert (
        words.say(caught.value, lang="en")
        == "Service A (KTP Elektronik) is closed (public holiday: Hari Guru)"
    )
    assert tickets(office) == 0
    issue_both_ways(office, jakarta(1, 9))  # the next day works as usual
    assert tickets(office) == 2


@pytest.mark.parametrize("path", ["session", "issue_in"])
def test_friday_prayers_refuse_tickets_naming_the_break_and_its_end(office: Database, path: str) -> None:
    friday_prayers(office)
    noon = jakarta(4, 12)  # Friday 4 December 2026, 12:00
    with raises_code(ServiceUnavailable, "service.closed", service="B") as caught:
        if path == "session":
            with office.write() as s:
                queue.issue_ticket(s, "B", clock=noon)
        else:
            queue.issue_ticket_in(office, "B", clock=noon)
    assert caught.value.params["reason"] == Message("hours.on_break", name="Salat Jumat", until=time(13))
    assert words.say(caught.value) == "Layanan B (Kartu Keluarga) tutup (Salat Jumat) sampai pukul 13:00"
    assert (
        words.say(caught.value, lang="en") == "Service B (Kartu Keluarga) is closed (Salat Jumat) until 13:00"
    )
    assert tickets(office) == 0
    issue_both_ways(office, jakarta(4, 13, 1))  # a minute after the break
    issue_both_ways(office, jakarta(4, 13, 0))  # the break's end is open again
    issue_both_ways(office, jakarta(4, 11, 29))  # and before it starts
    issue_both_ways(office, jakarta(3, 12))  # Thursday has no break
    assert tickets(office) == 8


def test_a_counter_cannot_open_on_a_holiday(office: Database) -> None:
    with office.write() as s:
        add_holiday(s, SYSTEM, MONDAY, "Hari Guru")
    with (
        raises_code(CounterUnavailable, "counter.holiday", counter=1, day=MONDAY, name="Hari Guru"),
        office.write() as s,
    ):
        open_counter(s, 1, actor=SYSTEM, clock=FixedClock(MONDAY_9AM))
    with office.read() as s:
        assert counter_info(s, 1).state == "closed"
    with office.write() as s:  # the next day it opens
        assert open_counter(s, 1, actor=SYSTEM, clock=jakarta(1, 9)).state == "open"


def test_the_kiosk_and_the_display_show_the_break(office: Database) -> None:
    friday_prayers(office)
    noon, after = jakarta(4, 12), jakarta(4, 13)
    with office.read() as s:
        tiles = kiosk_overview(s, clock=noon)
        assert {t.code: t.available for t in tiles} == {"A": False, "B": False, "C": False}
        assert tiles[0].reason == Message("hours.on_break", name="Salat Jumat", until=time(13))
        assert display_snapshot(s, clock=noon).notice == CalendarNotice("Salat Jumat", time(13))
        assert display_snapshot(s, clock=after).notice is None
        assert all(t.available for t in kiosk_overview(s, clock=after))
    with office.write() as s:
        add_holiday(s, SYSTEM, date(2026, 12, 25), "Hari Raya Natal")
    with office.read() as s:
        assert display_snapshot(s, clock=jakarta(25, 10)).notice == CalendarNotice("Hari Raya Natal", None)


def test_overlapping_breaks_are_refused_and_nothing_is_saved(office: Database) -> None:
    [prayers] = friday_prayers(office)
    before = settings_events(office)
    with (
        raises_code(
            InvalidInput, "break.overlaps", weekday=5, name="Salat Jumat", starts=time(11, 30), ends=time(13)
        ),
        office.write() as s,
    ):
        add_breaks(s, SYSTEM, EVERY_DAY, time(12), time(12, 30), "Istirahat siang")
    with office.read() as s:
        assert list_breaks(s) == [prayers]
    assert settings_events(office) == before
    # touching is not overlapping: a lunch ending as the prayers start, every day
    with office.write() as s:
        lunch = add_breaks(s, SYSTEM, EVERY_DAY, time(11), time(11, 30), "Istirahat siang")
    assert [b.weekday for b in lunch] == [1, 2, 3, 4, 5, 6, 7]
    with office.read() as s:
        listed = list_breaks(s)
    assert [(b.weekday, b.starts, b.name) for b in listed if b.weekday == 5] == [
        (5, time(11), "Istirahat siang"),
        (5, time(11, 30), "Salat Jumat"),
    ]
    assert settings_events(office) == before + 1


def test_holidays_and_breaks_are_added_listed_and_removed_with_events(office: Database) -> None:
    before = settings_events(office)
    with office.write() as s:
        add_holiday(s, SYSTEM, date(2026, 12, 25), " Hari Raya Natal ")
        add_holiday(s, SYSTEM, date(2026, 8, 17), "Hari Kemerdekaan")
    [prayers] = friday_prayers(office)
    with office.read() as s:
        assert list_holidays(s) == [
            HolidayInfo(date(2026, 8, 17), "Hari Kemerdekaan"),
            HolidayInfo(date(2026, 12, 25), "Hari Raya Natal"),
        ]
    assert prayers.to_json() == {
        "id": prayers.id,
        "weekday": 5,
        "start": "11:30",
        "end": "13:00",
        "name": "Salat Jumat",
    }
    with office.write() as s:
        assert remove_holiday(s, SYSTEM, date(2026, 8, 17)).name == "Hari Kemerdekaan"
        assert remove_break(s, SYSTEM, prayers.id) == prayers
    with office.read() as s:
        assert [h.day for h in list_holidays(s)] == [date(2026, 12, 25)]
        assert list_breaks(s) == []
        data = s.execute(select(Event.data).where(Event.kind == "settings_changed").order_by(Event.id)).all()
    assert settings_events(office) == before + 5
    assert data[-5][0] == {"holiday": "2026-12-25"}
    assert data[-1][0] == {"breaks": [prayers.id]}


@pytest.mark.parametrize(
    ("work", "kind", "code", "params"),
    [
        (
            lambda s: add_holiday(s, SYSTEM, MONDAY, "Lagi"),
            InvalidInput,
            "holiday.exists",
            {"name": "Hari Guru"},
        ),
        (lambda s: add_holiday(s, SYSTEM, date(2026, 12, 1), "  "), InvalidInput, "holiday.name_missing", {}),
        (
            lambda s: add_holiday(s, SYSTEM, date(2026, 12, 1), "x" * 121),
            InvalidInput,
            "holiday.name_invalid",
            {},
        ),
        (
            lambda s: add_holiday(s, SYSTEM, date(2026, 12, 1), "a\nb"),
            InvalidInput,
            "holiday.name_invalid",
            {},
        ),
        (lambda s: remove_holiday(s, SYSTEM, date(2026, 12, 1)), NotFound, "holiday.unknown", {}),
        (
            lambda s: add_breaks(s, SYSTEM, [5], time(13), time(11, 30), "Salat"),
            InvalidInput,
            "break.ends_before_start",
            {"starts": time(13), "ends": time(11, 30)},
        ),
        (
            lambda s: add_breaks(s, SYSTEM, [5], time(13), time(13), "Salat"),
            InvalidInput,
            "break.ends_before_start",
            {},
        ),
        (
            lambda s: add_breaks(s, SYSTEM, [8], time(11), time(12), "Salat"),
            InvalidInput,
            "break.weekday_invalid",
            {},
        ),
        (
            lambda s: add_breaks(s, SYSTEM, [], time(11), time(12), "Salat"),
            InvalidInput,
            "break.weekday_invalid",
            {},
        ),
        (
            lambda s: add_breaks(s, SYSTEM, [1], time(11), time(12), ""),
            InvalidInput,
            "break.name_missing",
            {},
        ),
        (lambda s: remove_break(s, SYSTEM, 999), NotFound, "break.unknown", {"id": 999}),
    ],
)
def test_bad_calendar_input_is_refused_and_nothing_is_saved(
    office: Database, work: object, kind: type[Exception], code: str, params: dict[str, object]
) -> None:
    with office.write() as s:
        add_holiday(s, SYSTEM, MONDAY, "Hari Guru")
    before = settings_events(office)
    with raises_code(kind, code, **params), office.write() as s:  # type: ignore[arg-type]
        work(s)  # type: ignore[operator]
    with office.read() as s:
        assert list_holidays(s) == [HolidayInfo(MONDAY, "Hari Guru")]
        assert list_breaks(s) == []
    assert settings_events(office) == before


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.OPERATOR, Role.KIOSK])
def test_only_the_admin_and_the_system_change_the_calendar(office: Database, role: Role) -> None:
    actor = Actor(role, None, role.value)
    for work in (
        lambda s: add_holiday(s, actor, MONDAY, "Hari Guru"),
        lambda s: remove_holiday(s, actor, MONDAY),
        lambda s: add_breaks(s, actor, [5], *FRIDAY_PRAYERS, "Salat Jumat"),
        lambda s: remove_break(s, actor, 1),
    ):
        with pytest.raises(PermissionDenied), office.write() as s:
            work(s)
    admin = Actor(Role.ADMIN, None, "admin")
    with office.write() as s:
        add_holiday(s, admin, MONDAY, "Hari Guru")
        add_breaks(s, admin, [5], *FRIDAY_PRAYERS, "Salat Jumat")
