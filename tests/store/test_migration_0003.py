"""Migration 0003 (stations) on a database in use at 0002: the office's rows stay as they were, and the new
table takes reports at once. On SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from antrian.domain.messages import Message
from antrian.domain.timing import FixedClock
from antrian.services.stations import StationKind, report_station, voice_problems
from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.urls import resolve_url
from tests.conftest import MONDAY_9AM

ROWS = {
    "counters": "SELECT id, number, name FROM counters",
    "counter_states": "SELECT counter_id, state, version FROM counter_states",
    "events": "SELECT id, kind FROM events",
}


def test_upgrading_from_0002_keeps_the_data_and_adds_stations(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0002_counter_version")
            connection.execute(
                text("INSERT INTO counters (id, number, name, active) VALUES (7, 3, 'Loket 3', true)")
            )
            connection.execute(
                text(
                    "INSERT INTO counter_states (counter_id, state, normal_streak, version) "
                    "VALUES (7, 'open', 1, 41)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO events (id, at, kind, counter_id, data) "
                    "VALUES (9, :at, 'counter_opened', 7, '{}')"
                ),
                {"at": MONDAY_9AM},
            )
            before = {table: connection.execute(text(query)).all() for table, query in ROWS.items()}
    finally:
        engine.dispose()
    assert before["counter_states"] == [(7, "open", 41)]

    database = open_database(db_url, create=True)  # what ``antrian db upgrade`` does
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            assert {table: connection.execute(text(query)).all() for table, query in ROWS.items()} == before
        clock = FixedClock(MONDAY_9AM)
        with database.write() as session:
            assert report_station(
                session, StationKind.DISPLAY, "pc-lobby", Message("speech.no_audio_device"), clock=clock
            )
        with database.read() as session:
            [info] = voice_problems(session, clock=clock)
        assert (info.name, info.problem) == ("pc-lobby", Message("speech.no_audio_device"))
    finally:
        database.dispose()
