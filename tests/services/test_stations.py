"""The stations' health record, on SQLite and PostgreSQL: a report writes the row, and a ``station_changed``
event only when the problem changes; the counter panels read the displays' voice problems."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from antrian.domain.messages import Message
from antrian.domain.timing import FixedClock
from antrian.services.queries import events_after
from antrian.services.results import EventInfo
from antrian.services.stations import StationKind, report_station, voice_problems
from antrian.store.database import Database
from antrian.store.models import Station
from tests.conftest import MONDAY_9AM

DISPLAY = StationKind.DISPLAY
NO_DEVICE = Message("speech.no_audio_device")
NO_ENGINE = Message("speech.engine_unavailable", detail="espeak-ng not found")


def report(
    db: Database, name: str, problem: Message | None, clock: FixedClock, kind: StationKind = DISPLAY
) -> bool:
    with db.write() as s:
        return report_station(s, kind, name, problem, clock=clock)


def changes(db: Database) -> list[EventInfo]:
    with db.read() as s:
        return [e for e in events_after(s, 0) if e.kind == "station_changed"]


def rows(db: Database) -> list[tuple[str, str, str | None, dict[str, object], object, object]]:
    with db.read() as s:
        found = s.execute(select(Station).order_by(Station.kind, Station.name)).scalars()
        return [(r.kind, r.name, r.problem, r.problem_params, r.last_seen, r.changed_at) for r in found]


def problems(db: Database, clock: FixedClock) -> list[tuple[str, Message | None]]:
    with db.read() as s:
        return [(info.name, info.problem) for info in voice_problems(s, clock=clock)]


def test_a_problem_is_recorded_with_one_event_and_a_repeat_writes_none(db: Database) -> None:
    clock = FixedClock(MONDAY_9AM)
    assert report(db, "pc-lobby", NO_ENGINE, clock) is True
    assert rows(db) == [
        (
            "display",
            "pc-lobby",
            "speech.engine_unavailable",
            {"detail": "espeak-ng not found"},
            MONDAY_9AM,
            MONDAY_9AM,
        )
    ]
    [event] = changes(db)
    assert (event.at, event.data) == (
        MONDAY_9AM,
        {"station": "display", "name": "pc-lobby", "problem": "speech.engine_unavailable"},
    )
    clock.advance(seconds=60)  # the heartbeat: seen again, same problem
    assert report(db, "pc-lobby", NO_ENGINE, clock) is False
    later = MONDAY_9AM + timedelta(seconds=60)
    assert rows(db)[0][4:] == (later, MONDAY_9AM)
    assert len(changes(db)) == 1
    assert problems(db, clock) == [("pc-lobby", NO_ENGINE)]


def test_a_changed_problem_and_its_clearing_each_write_one_event(db: Database) -> None:
    clock = FixedClock(MONDAY_9AM)
    report(db, "pc-lobby", NO_ENGINE, clock)
    clock.advance(seconds=5)
    assert report(db, "pc-lobby", NO_DEVICE, clock) is True
    clock.advance(seconds=5)
    assert report(db, "pc-lobby", None, clock) is True
    assert [e.data["problem"] for e in changes(db)] == [
        "speech.engine_unavailable",
        "speech.no_audio_device",
        None,
    ]
    assert rows(db) == [
        (
            "display",
            "pc-lobby",
            None,
            {},
            MONDAY_9AM + timedelta(seconds=10),
            MONDAY_9AM + timedelta(seconds=10),
        )
    ]
    assert problems(db, clock) == []


def test_a_station_that_starts_well_writes_no_event(db: Database) -> None:
    clock = FixedClock(MONDAY_9AM)
    assert report(db, "pc-lobby", None, clock) is False
    assert changes(db) == []
    assert rows(db) == [("display", "pc-lobby", None, {}, MONDAY_9AM, MONDAY_9AM)]


def test_the_panel_reads_fresh_voice_problems_of_displays_only(db: Database) -> None:
    """Each display its own row; a kiosk's problem is not the voice's; a display silent for three heartbeats
    (switched off) says nothing about the room any more."""
    clock = FixedClock(MONDAY_9AM)
    report(db, "pc-hall", NO_DEVICE, clock)
    report(db, "pc-lobby", NO_ENGINE, clock)
    report(db, "pc-kiosk", Message("speech.no_audio_device"), clock, kind=StationKind.KIOSK)
    report(db, "pc-annex", None, clock)
    assert problems(db, clock) == [("pc-hall", NO_DEVICE), ("pc-lobby", NO_ENGINE)]
    clock.advance(seconds=150)
    report(db, "pc-lobby", NO_ENGINE, clock)  # pc-hall's heartbeats stopped at 09:00:00
    clock.advance(seconds=31)  # 181 s after pc-hall's last report: past three heartbeats
    assert problems(db, clock) == [("pc-lobby", NO_ENGINE)]
