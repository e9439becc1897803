"""Schema creation and migrations, on both backends."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from antrian.domain.errors import StoreError
from antrian.store.database import make_engine, open_database, resolve_url
from antrian.store.models import Base
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision


def test_head_constant_is_alembic_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    """Upgrading an empty database to head gives the schema the models declare."""
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        with engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_first_use_creates_and_stamps(db_url: str) -> None:
    database = open_database(db_url)
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            tables = set(inspect(connection).get_table_names())
        assert {"tickets", "events", "services", "counters", "users", "counter_states"} <= tables
        # a second open finds it at head and changes nothing
        open_database(db_url).dispose()
    finally:
        database.dispose()


def test_older_schema_is_upgraded(db_url: str) -> None:
    """A database at an older revision (here: base, after a downgrade) is brought to head on first use."""
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            command.downgrade(alembic_config(connection), "base")
            assert current_revision(connection) is None
            assert inspect(connection).get_table_names() == ["alembic_version"]
    finally:
        engine.dispose()
    database = open_database(db_url)
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            assert inspect(connection).has_table("tickets")
    finally:
        database.dispose()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = _sha(path)
    with pytest.raises(StoreError, match=r"holds other tables .*invoices.*left untouched"):
        open_database(str(path))
    assert _sha(path) == before


def test_newer_schema_is_refused(db_url: str) -> None:
    open_database(db_url).dispose()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer than this program"):
        open_database(db_url)


def test_sqlite_connections_are_durable_and_strict(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "a.db"))
    try:
        with database.engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
        assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10000}
    finally:
        database.dispose()


def test_not_a_database_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is a spreadsheet, not a queue" * 100)
    before = _sha(path)
    with pytest.raises(StoreError, match="not an Antrian database"):
        open_database(str(path))
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.db"]
