"""Standards with history: the entry in force on a service day, replacing an entry, the event every change
writes, who may set and list them, every refusal, and the readers (counter panel, kiosk) taking today's entry
from the history, so that a future entry comes into force the next day without any write."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from antrian.domain.desk import DeskAction as D
from antrian.domain.errors import InvalidInput, NotFound, PermissionDenied
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services.desk import act, desk_view
from antrian.services.kiosk import kiosk_overview
from antrian.services.queries import events_after
from antrian.services.queue import issue_ticket
from antrian.services.setup import save_service
from antrian.services.standards import (
    Standard,
    list_standards,
    set_standard,
    standard_for,
    standards_on,
)
from antrian.services.users import create_user
from antrian.store.database import Database
from tests.conftest import MONDAY_9AM
from tests.helpers import raises_code

# 2026-03-02 09:00 in Jakarta: the day service K is set up
MARCH_2 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def user(db: Database, name: str, role: str) -> Actor:
    with db.write() as s:
        user_id = create_user(s, name, name.title(), role, "rahasia123", actor=SYSTEM)
    return Actor(Role(role), user_id, name)


def set_k(db: Database, actor: Actor, clock: FixedClock, **values: object) -> Standard:
    settings: dict[str, object] = {"waiting_target": None, "decree": None, **values}
    with db.write() as s:
        return set_standard(
            s,
            actor,
            "K",
            settings.pop("value"),  # type: ignore[arg-type]
            settings.pop("unit"),  # type: ignore[arg-type]
            settings.pop("waiting_target"),  # type: ignore[arg-type]
            settings.pop("effective_from"),  # type: ignore[arg-type]
            settings.pop("decree"),  # type: ignore[arg-type]
            clock,
        )


@pytest.fixture
def history(office: Database) -> int:
    """Service K: 15 minutes from 2026-03-02 (set up that day), 2 hours and a 45-minute waiting target from
    2026-06-15, 3 working days from 2027-01-01 (set on 2026-11-30, still in the future then)."""
    with office.write() as s:
        k = save_service(
            s, "K", "Konsultasi", actor=SYSTEM, standard_time=15, open_days="12345", clock=FixedClock(MARCH_2)
        )
    clock = FixedClock(MONDAY_9AM)
    set_k(office, SYSTEM, clock, value=2, unit="hours", waiting_target=45, effective_from=date(2026, 6, 15))
    set_k(
        office,
        SYSTEM,
        clock,
        value=3,
        unit="working_days",
        effective_from="2027-01-01",
        decree="Keputusan Kepala Dinas No. 12/2026",
    )
    return k


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 5), (date(2026, 3, 2), 15, "minutes", None)),  # before the first: the first
        (date(2026, 3, 2), (date(2026, 3, 2), 15, "minutes", None)),  # its first day
        (date(2026, 6, 14), (date(2026, 3, 2), 15, "minutes", None)),  # the day before the second
        (date(2026, 6, 15), (date(2026, 6, 15), 2, "hours", 45)),  # the second's first day
        (date(2026, 12, 31), (date(2026, 6, 15), 2, "hours", 45)),  # between
        (date(2027, 1, 1), (date(2027, 1, 1), 3, "working_days", None)),  # the future one, in force
        (date(2031, 7, 1), (date(2027, 1, 1), 3, "working_days", None)),  # long after the last
    ],
)
def test_the_entry_in_force_on_a_day(
    office: Database, history: int, day: date, expected: tuple[object, ...]
) -> None:
    with office.read() as s:
        one = standard_for(s, history, day)
        every = standards_on(s, day)
    assert one is not None
    assert (one.effective_from, one.value, one.unit, one.waiting_target_minutes) == expected
    assert every[history] == one
    # the seeded services (from 2026-11-30) beside it: A keeps its 15 minutes on every day
    assert (every[1].value, every[1].unit) == (15, "minutes")


def test_setting_the_same_day_again_replaces_that_entry_and_says_so(office: Database, history: int) -> None:
    clock = FixedClock(MONDAY_9AM + timedelta(hours=1))
    supervisor = user(office, "kabid", "supervisor")  # (a new user is a settings change of its own)
    with office.read() as s:
        last = events_after(s, 0, 10_000)[-1].id
    entry = set_k(
        office,
        supervisor,
        clock,
        value=90,
        unit="minutes",
        waiting_target=30,
        effective_from=date(2026, 6, 15),
        decree="  Keputusan Kepala UPT No. 7/2026 ",
    )
    assert (entry.value, entry.unit, entry.waiting_target_minutes, entry.decree) == (
        90,
        "minutes",
        30,
        "Keputusan Kepala UPT No. 7/2026",
    )
    assert (entry.set_at, entry.set_by) == (clock.now, supervisor.user_id)
    with office.read() as s:
        listed = list_standards(s, supervisor, "k")
        [event] = events_after(s, last, 10)
    assert [(e.standard.effective_from, e.standard.value, e.set_by) for e in listed] == [
        (date(2026, 3, 2), 15, None),
        (date(2026, 6, 15), 90, "kabid"),
        (date(2027, 1, 1), 3, None),
    ]
    assert (event.kind, event.at, event.user) == ("settings_changed", clock.now, "kabid")
    assert event.data == {
        "standard": "K",
        "effective_from": "2026-06-15",
        "value": 90,
        "unit": "minutes",
        "waiting_target_minutes": 30,
        "decree": "Keputusan Kepala UPT No. 7/2026",
        "replaced": True,
    }
    assert listed[1].to_json() == {
        "code": "K",
        "effective_from": "2026-06-15",
        "value": 90,
        "unit": "minutes",
        "waiting_target_minutes": 30,
        "decree": "Keputusan Kepala UPT No. 7/2026",
        "set_at": "2026-11-30T03:00:00+00:00",
        "set_by": "kabid",
    }


def test_a_new_day_writes_an_event_that_does_not_replace(office: Database, history: int) -> None:
    clock = FixedClock(MONDAY_9AM)
    set_k(office, SYSTEM, clock, value=20, unit="minutes", effective_from=date(2026, 9, 1))
    with office.read() as s:
        event = events_after(s, 0, 10_000)[-1]
        assert len(list_standards(s, SYSTEM, "K")) == 4
    assert (event.kind, event.data["effective_from"], event.data["replaced"]) == (
        "settings_changed",
        "2026-09-01",
        False,
    )


def test_operators_may_neither_set_nor_list_supervisors_and_admins_may(
    office: Database, history: int
) -> None:
    operator = user(office, "petugas1", "operator")
    clock = FixedClock(MONDAY_9AM)
    with raises_code(PermissionDenied, "permission.denied", who="petugas1", role=Role.OPERATOR):
        set_k(office, operator, clock, value=20, unit="minutes", effective_from=date(2026, 9, 1))
    with raises_code(PermissionDenied, "permission.denied", who="petugas1"), office.read() as s:
        list_standards(s, operator)
    for name, role in (("kabid", "supervisor"), ("admin1", "admin")):
        actor = user(office, name, role)
        set_k(office, actor, clock, value=20, unit="minutes", effective_from=date(2026, 9, 1))
        with office.read() as s:
            assert [e.code for e in list_standards(s, actor)] == ["A", "B", "C", "K", "K", "K", "K"]


@pytest.mark.parametrize(
    ("changes", "kind", "code", "params"),
    [
        ({"code": "Z"}, NotFound, "service.unknown", {"service": "Z"}),
        ({"code": "1"}, InvalidInput, "service.code_invalid", {"code": "1"}),
        ({"value": 0}, InvalidInput, "service.standard_not_positive", {"service": "K"}),
        ({"unit": "weeks"}, InvalidInput, "time_unit.unknown", {"unit": "weeks"}),
        ({"waiting_target": 0}, InvalidInput, "standard.waiting_target_not_positive", {"service": "K"}),
        ({"effective_from": "2026-02-30"}, InvalidInput, "standard.bad_date", {"value": "2026-02-30"}),
        ({"decree": "K" * 201}, InvalidInput, "standard.decree_too_long", {"length": 201, "limit": 200}),
    ],
)
def test_refusals(
    office: Database,
    history: int,
    changes: dict[str, object],
    kind: type[Exception],
    code: str,
    params: dict[str, object],
) -> None:
    settings: dict[str, object] = {
        "code": "K",
        "value": 20,
        "unit": "minutes",
        "waiting_target": 30,
        "effective_from": date(2026, 9, 1),
        "decree": "K" * 200,  # the longest kept
        **changes,
    }
    with raises_code(kind, code, **params), office.write() as s:  # type: ignore[arg-type]
        set_standard(s, SYSTEM, clock=FixedClock(MONDAY_9AM), **settings)  # type: ignore[arg-type]
    with office.read() as s:
        assert len(list_standards(s, SYSTEM, "K")) == 3


def test_save_service_writes_todays_entry_only_when_the_standard_changes(
    office: Database, history: int
) -> None:
    clock = FixedClock(MONDAY_9AM)  # the entry of 2026-06-15 is in force: 2 hours, target 45
    with office.read() as s:
        last = events_after(s, 0, 10_000)[-1].id
    with office.write() as s:
        save_service(
            s, "K", "Konsultasi Izin", actor=SYSTEM, standard_time=2, standard_unit="hours",
            waiting_target_minutes=45, clock=clock,
        )  # fmt: skip
    with office.read() as s:
        assert len(list_standards(s, SYSTEM, "K")) == 3
        assert events_after(s, last, 10) == []
    with office.write() as s:
        save_service(s, "K", "Konsultasi Izin", actor=SYSTEM, standard_time=40, clock=clock)
    with office.read() as s:
        entries = [
            (e.standard.effective_from, e.standard.value, e.standard.unit)
            for e in list_standards(s, SYSTEM, "K")
        ]
        [event] = events_after(s, last, 10)
        tomorrow = standard_for(s, history, date(2026, 12, 1))
    assert entries == [
        (date(2026, 3, 2), 15, "minutes"),
        (date(2026, 6, 15), 2, "hours"),
        (date(2026, 11, 30), 40, "minutes"),  # today's service day
        (date(2027, 1, 1), 3, "working_days"),  # still ahead
    ]
    assert (event.kind, event.data) == ("settings_changed", {"standard": "K", "effective_from": "2026-11-30"})
    assert tomorrow is not None and tomorrow.value == 40


def test_counter_panel_and_kiosk_take_the_entry_in_force_today(office: Database) -> None:
    """A standard set on Monday from Tuesday: Monday's panel and kiosk still show 15 minutes; on Tuesday the
    same database, with no write in between, shows 25."""
    monday = FixedClock(MONDAY_9AM)
    with office.write() as s:
        set_standard(s, SYSTEM, "A", 25, "minutes", 10, date(2026, 12, 1), None, monday)

    def serve_one(clock: FixedClock) -> tuple[int | None, str | None]:
        with office.write() as s:
            issue_ticket(s, "A", clock=clock)
        for action in (D.CALL_NEXT, D.START):
            with office.write() as s:
                token = desk_view(s, 1, clock=clock).token
                act(s, 1, action, expect=token, actor=SYSTEM, clock=clock)
        with office.read() as s:
            view = desk_view(s, 1, clock=clock)
        return view.standard_value, view.standard_unit

    def kiosk_a(clock: FixedClock) -> tuple[Message, timedelta | None]:
        with office.read() as s:
            tile = next(t for t in kiosk_overview(s, clock=clock) if t.code == "A")
        return tile.standard_time, tile.times.median if tile.times else None

    with office.write() as s:
        token = desk_view(s, 1, clock=monday).token
        act(s, 1, D.OPEN, expect=token, actor=SYSTEM, clock=monday)
    assert kiosk_a(monday) == (Message("standard.minutes", n=15), timedelta(minutes=15))
    assert serve_one(monday) == (15, "minutes")

    tuesday = FixedClock(MONDAY_9AM + timedelta(days=1))
    with office.write() as s:
        token = desk_view(s, 1, clock=tuesday).token
        act(s, 1, D.FINISH, expect=token, actor=SYSTEM, clock=tuesday)
    assert kiosk_a(tuesday) == (Message("standard.minutes", n=25), timedelta(minutes=25))
    assert serve_one(tuesday) == (25, "minutes")
