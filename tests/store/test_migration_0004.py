"""Migration 0004 (standards with history) on a database in use at 0003: each service's standard time and
waiting target become the first entry of its history, in force from its first ticket's service day (else
from the day of the migration), and leave the services table. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from sqlalchemy import inspect, text

from antrian.domain.errors import IllegalAction
from antrian.services.standards import standard_for, standards_on
from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.urls import resolve_url
from tests.conftest import MONDAY_9AM


def test_upgrading_from_0003_makes_the_standards_in_force_the_first_entries(db_url: str) -> None:
    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0003_stations")
            connection.execute(
                text(
                    "INSERT INTO office (id, name, address, timezone, label_width, priority_interleave, "
                    "recall_limit, running_text) VALUES (1, 'Kantor', '', 'Asia/Makassar', 3, 0, 3, '')"
                )
            )
            for sid, code, value, unit, target in (
                (1, "A", 15, "minutes", 30),
                (2, "B", 3, "working_days", None),
            ):
                connection.execute(
                    text(
                        "INSERT INTO services (id, code, name, standard_time_value, standard_time_unit, "
                        "waiting_target_minutes, open_days, active, display_order) "
                        "VALUES (:id, :code, 'Layanan', :value, :unit, :target, '12345', true, 0)"
                    ),
                    {"id": sid, "code": code, "value": value, "unit": unit, "target": target},
                )
            connection.execute(
                text("INSERT INTO counters (id, number, name, active) VALUES (7, 3, 'Loket 3', true)")
            )
            connection.execute(
                text(
                    "INSERT INTO counter_services (counter_id, service_id, position) "
                    "VALUES (7, 2, 0), (7, 1, 1)"
                )
            )
            # A has tickets from two days; its first is the earliest day the database knows for it
            for tid, day, seq in ((1, date(2026, 3, 9), 1), (2, date(2025, 11, 3), 1)):
                connection.execute(
                    text(
                        "INSERT INTO tickets (id, service_id, service_day, sequence, label, status, "
                        "place_at, issued_at, call_count) "
                        "VALUES (:id, 1, :day, :seq, 'A001', 'done', :at, :at, 0)"
                    ),
                    {"id": tid, "day": day, "seq": seq, "at": MONDAY_9AM},
                )
    finally:
        engine.dispose()

    before = datetime.now(UTC)
    database = open_database(db_url, create=True)  # what ``antrian db upgrade`` does
    after = datetime.now(UTC)
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            columns = {c["name"] for c in inspect(connection).get_columns("services")}
            assert not columns & {"standard_time_value", "standard_time_unit", "waiting_target_minutes"}
            # copying the services table (SQLite) loses none of what refers to it
            served = connection.execute(
                text("SELECT counter_id, service_id, position FROM counter_services ORDER BY position")
            ).all()
            assert served == [(7, 2, 0), (7, 1, 1)]
            assert connection.execute(text("SELECT id, service_id FROM tickets ORDER BY id")).all() == [
                (1, 1),
                (2, 1),
            ]
            rows = connection.execute(
                text(
                    "SELECT service_id, value, unit, waiting_target_minutes, decree, set_by "
                    "FROM service_standards ORDER BY service_id"
                )
            ).all()
        assert rows == [(1, 15, "minutes", 30, None, None), (2, 3, "working_days", None, None, None)]
        # B has no tickets: the day of the migration in the office's zone (WITA)
        zone = ZoneInfo("Asia/Makassar")
        migration_days = {before.astimezone(zone).date(), after.astimezone(zone).date()}
        with database.read() as session:
            a = standard_for(session, 1, date(2025, 11, 3))
            assert a is not None and a.effective_from == date(2025, 11, 3)
            assert (a.value, a.unit, a.waiting_target_minutes) == (15, "minutes", 30)
            b = standards_on(session, date(2026, 3, 9))[2]
            assert b.effective_from in migration_days
            assert before <= b.set_at <= after
        # the services table keeps its other rule: a quota of zero is still refused
        with pytest.raises(IllegalAction, match=r"^store\.integrity"), database.write() as session:
            session.execute(text("UPDATE services SET daily_quota = 0 WHERE id = 1"))
    finally:
        database.dispose()
