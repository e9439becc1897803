"""Migration 0011 on a database in use at 0009: the zones table appears, services and counters keep their
rows with no zone; a zone can then be set; downgrading drops the zones and keeps the services and counters.
On SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.urls import resolve_url


def test_upgrading_from_0009_keeps_services_and_counters_without_zone_and_downgrade_drops_zones(
    db_url: str,
) -> None:
    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0009_calendar")
            connection.execute(
                text(
                    "INSERT INTO services (id, code, name, open_days, active, display_order) "
                    "VALUES (1, 'A', 'KTP Elektronik', '12345', true, 0), (2, 'P', 'PBB', '12345', true, 1)"
                )
            )
            connection.execute(
                text("INSERT INTO counters (id, number, name, active) VALUES (7, 1, 'Loket 1', true)")
            )
            connection.execute(
                text("INSERT INTO counter_services (counter_id, service_id, position) VALUES (7, 1, 0)")
            )
    finally:
        engine.dispose()

    database = open_database(db_url, create=True)  # what ``antrian db upgrade`` does
    database.dispose()
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            assert current_revision(connection) == HEAD_REVISION
            assert connection.execute(text("SELECT code, zone_id FROM services ORDER BY id")).all() == [
                ("A", None),
                ("P", None),
            ]
            assert connection.execute(text("SELECT number, zone_id FROM counters")).all() == [(1, None)]
            assert connection.execute(text("SELECT counter_id, service_id FROM counter_services")).all() == [
                (7, 1)
            ]
            connection.execute(
                text(
                    "INSERT INTO zones (id, code, name, display_order) VALUES (3, 'DUKCAPIL', 'Dukcapil', 0)"
                )
            )
            connection.execute(text("UPDATE services SET zone_id = 3 WHERE id = 1"))
            connection.execute(text("UPDATE counters SET zone_id = 3"))
    finally:
        engine.dispose()
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":  # as ensure_schema does: copying a table must not cascade
                driver = connection.connection.dbapi_connection
                assert driver is not None
                driver.execute("PRAGMA foreign_keys = OFF")
            command.downgrade(alembic_config(connection), "0009_calendar")
            assert current_revision(connection) == "0009_calendar"
            assert not inspect(connection).has_table("zones")
            columns = {c["name"] for c in inspect(connection).get_columns("services")}
            assert "zone_id" not in columns
            assert connection.execute(text("SELECT code FROM services ORDER BY id")).scalars().all() == [
                "A",
                "P",
            ]
            assert connection.execute(text("SELECT counter_id, service_id FROM counter_services")).all() == [
                (7, 1)
            ]
            connection.commit()
    finally:
        engine.dispose()
