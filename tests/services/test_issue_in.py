"""``issue_ticket_in``: issuing in a transaction of its own (the kiosk's and the CLI's entry point).

On SQLite it runs on the driver itself (store.issue_sqlite); these tests hold it to what ``issue_ticket`` in a
Session does, on both backends: the same refusals with the same codes and parameters, the same result as
stored, and every change to a service or the office seen by the very next issue.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from antrian import words
from antrian.domain.errors import AntrianError, NotFound, ServiceUnavailable
from antrian.domain.messages import Message
from antrian.domain.roles import KIOSK, SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services import queue
from antrian.services.office import update_office
from antrian.services.queries import events_after, tickets_for_day
from antrian.services.setup import save_service
from antrian.store.database import Database, open_database
from antrian.store.models import TicketNumber
from tests.helpers import raises_code


def _refusal(call: object) -> tuple[type[Exception], Message]:
    """The kind, code and parameters of the error ``call`` raises."""
    assert callable(call)
    with pytest.raises(AntrianError) as caught:
        call()
    return type(caught.value), caught.value.message


def test_refusals_are_those_of_the_session_path(office: Database, clock: FixedClock) -> None:
    with office.write() as s:
        save_service(s, "D", "Pindah Datang", actor=SYSTEM, standard_time=30, active=False)
        save_service(s, "E", "Legalisir", actor=SYSTEM, standard_time=5, opens_at=time(8), closes_at=time(12))
        save_service(s, "F", "Konsultasi", actor=SYSTEM, standard_time=5, daily_quota=1, open_days="1234567")
    queue.issue_ticket_in(office, "F", clock=clock)  # F's quota is used up from here on
    cases: list[tuple[str, dict[str, object], FixedClock]] = [
        ("Z", {}, clock),
        ("A1", {}, clock),
        ("", {}, clock),
        ("A", {"priority": "vip"}, clock),
        ("D", {}, clock),
        ("E", {}, FixedClock(datetime(2026, 11, 30, 6, 0, tzinfo=UTC))),  # 13:00 WIB: closed since 12:00
        ("E", {}, FixedClock(datetime(2026, 11, 30, 0, 30, tzinfo=UTC))),  # 07:30 WIB: opens at 08:00
        ("E", {}, FixedClock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))),  # Sunday
        ("F", {}, clock),
        ("f", {"priority": "lansia"}, clock),
    ]
    refusals: list[str] = []
    for code, options, at in cases:

        def in_session(code: str = code, options: dict[str, object] = options, at: FixedClock = at) -> None:
            with office.write() as s:
                queue.issue_ticket(s, code, clock=at, **options)  # type: ignore[arg-type]

        def on_its_own(code: str = code, options: dict[str, object] = options, at: FixedClock = at) -> None:
            queue.issue_ticket_in(office, code, clock=at, **options)  # type: ignore[arg-type]

        expected = _refusal(in_session)
        assert _refusal(on_its_own) == expected, (code, options)
        refusals.append(expected[1].code)
    assert refusals == [
        "service.unknown",
        "service.code_invalid",
        "service.code_invalid",
        "priority.unknown_group",
        "service.inactive",
        "service.closed",
        "service.closed",
        "service.closed",
        "service.quota_used",
        "service.quota_used",
    ]
    with office.read() as s:
        assert [t.number for t in tickets_for_day(s, clock=clock)] == ["F001"]
        assert [e.kind for e in events_after(s, 0)].count("ticket_issued") == 1


def test_the_result_is_what_was_stored(office: Database, clock: FixedClock, operator: Actor) -> None:
    issued = [
        queue.issue_ticket_in(office, "A", clock=clock),
        queue.issue_ticket_in(office, " b ", priority="Hamil", clock=clock),
        queue.issue_ticket_in(office, "a", priority="lansia", actor=operator, clock=clock),
    ]
    with office.read() as s:
        assert tickets_for_day(s, clock=clock) == issued
        events = [e for e in events_after(s, 0) if e.kind == "ticket_issued"]
    assert [(e.ticket_id, e.data) for e in events] == [
        (issued[0].id, {"number": "A001", "service": "A", "priority": None}),
        (issued[1].id, {"number": "B001", "service": "B", "priority": "hamil"}),
        (issued[2].id, {"number": "A002", "service": "A", "priority": "lansia"}),
    ]
    assert [e.at for e in events] == [clock.now] * 3
    assert [e.service for e in events] == ["A", "B", "A"]
    assert issued[2].priority_group == "lansia" and issued[1].service_name == "Kartu Keluarga"


def test_changes_made_elsewhere_hold_from_the_next_issue(
    office: Database, db_url: str, clock: FixedClock
) -> None:
    """The admin works on another connection (another window or PC) between two issues of the kiosk."""
    admin = open_database(db_url)
    try:

        def change_service(**changes: object) -> None:
            settings: dict[str, object] = {"standard_time": 15, "open_days": "1234567", **changes}
            with admin.write() as s:
                save_service(s, "A", "KTP Elektronik", actor=SYSTEM, **settings)  # type: ignore[arg-type]

        assert queue.issue_ticket_in(office, "A", clock=clock).number == "A001"
        change_service(active=False)
        with raises_code(ServiceUnavailable, "service.inactive", service="A", name="KTP Elektronik"):
            queue.issue_ticket_in(office, "A", clock=clock)
        change_service()
        assert queue.issue_ticket_in(office, "A", clock=clock).number == "A002"
        change_service(daily_quota=2)
        with raises_code(ServiceUnavailable, "service.quota_used", service="A", quota=2):
            queue.issue_ticket_in(office, "A", clock=clock)
        change_service(daily_quota=3, closes_at=time(9))  # 09:00 WIB is the clock's time: closed
        with raises_code(
            ServiceUnavailable, "service.closed", reason=Message("hours.closed_since", closes=time(9))
        ):
            queue.issue_ticket_in(office, "A", clock=clock)
        change_service(daily_quota=3)
        with admin.write() as s:
            update_office(s, SYSTEM, label_width=4)
        assert queue.issue_ticket_in(office, "A", clock=clock).number == "A0003"
        with admin.write() as s:
            update_office(s, SYSTEM, timezone="Asia/Jayapura")  # 11:00 WIT on the same Monday
            save_service(s, "C", "Akta Kelahiran", actor=SYSTEM, standard_time=1, open_days="1")
        late = FixedClock(datetime(2026, 11, 30, 15, 30, tzinfo=UTC))  # 22:30 WIB Monday, 00:30 WIT Tuesday
        with raises_code(ServiceUnavailable, "service.closed", reason=Message("hours.closed_day", weekday=2)):
            queue.issue_ticket_in(office, "C", clock=late)
        ticket = queue.issue_ticket_in(office, "B", clock=late)
        assert (ticket.number, ticket.service_day.isoformat()) == ("B0001", "2026-12-01")
        with admin.write() as s:
            save_service(s, "G", "Baru", actor=SYSTEM, standard_time=5, open_days="1234567")
        assert queue.issue_ticket_in(office, "G", clock=clock).number == "G0001"
    finally:
        admin.dispose()


def test_a_refused_quota_ticket_takes_no_number(office: Database, clock: FixedClock) -> None:
    with office.write() as s:
        save_service(s, "F", "Konsultasi", actor=SYSTEM, standard_time=5, daily_quota=2, open_days="1234567")
    assert [queue.issue_ticket_in(office, "F", clock=clock).number for _ in range(2)] == ["F001", "F002"]
    for _ in range(3):
        with raises_code(ServiceUnavailable, "service.quota_used", service="F", quota=2):
            queue.issue_ticket_in(office, "F", clock=clock)
    with office.read() as s:
        assert s.execute(select(TicketNumber.last)).scalars().all() == [2]
    with office.write() as s:
        save_service(s, "F", "Konsultasi", actor=SYSTEM, standard_time=5, daily_quota=3, open_days="1234567")
    assert queue.issue_ticket_in(office, "F", clock=clock).number == "F003"  # no number was lost


def test_unknown_service_names_the_known_ones(db: Database, clock: FixedClock) -> None:
    with raises_code(NotFound, "service.unknown_none_defined", service="A") as caught:
        queue.issue_ticket_in(db, "A", clock=clock)
    assert "choices" not in caught.value.params
    assert words.say(caught.value, lang="id") == 'Layanan "A" tidak ada; belum ada layanan yang diatur'
    assert words.say(caught.value, lang="en") == 'There is no service "A"; no services are set up yet'
    with db.write() as s:
        save_service(s, "B", "Kartu Keluarga", actor=SYSTEM, standard_time=20, open_days="1234567")
    # before the office is set up its defaults apply (Asia/Jakarta, three digits)
    ticket = queue.issue_ticket_in(db, "B", actor=Actor(Role.KIOSK), clock=clock)
    assert (ticket.number, ticket.service_day.isoformat()) == ("B001", "2026-11-30")
    assert queue.issue_ticket_in(db, "B", actor=KIOSK, clock=clock).number == "B002"
