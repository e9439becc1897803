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

from antrian.domain.errors import InvalidInput, StoreError
from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.models import Base
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.urls import resolve_url


def test_head_constant_is_alembic_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    """Upgrading an empty database to head gives the schema the models declare."""
    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
        with engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_creating_makes_the_schema_and_stamps_it(db_url: str) -> None:
    database = open_database(db_url, create=True)
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
            tables = set(inspect(connection).get_table_names())
        assert {"tickets", "events", "services", "counters", "users", "counter_states"} <= tables
        # a second open finds it at head and changes nothing
        open_database(db_url).dispose()
    finally:
        database.dispose()


def test_without_create_an_empty_database_is_refused_naming_the_command(db_url: str) -> None:
    """Only ``antrian db upgrade`` / ``demo-data`` / ``demo`` make a database: others say so."""
    if "://" not in db_url:
        Path(db_url).touch()  # an empty file is an empty SQLite database
    with pytest.raises(StoreError) as refused:
        open_database(db_url)
    assert refused.value.code == "store.empty"
    assert refused.value.params["command"] == "antrian db upgrade"
    if "://" not in db_url:
        assert Path(db_url).stat().st_size == 0, "the refusal wrote to the file"
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.connect() as connection:
            assert inspect(connection).get_table_names() == []
    finally:
        engine.dispose()


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    typo = tmp_path / "antrain.db"
    with pytest.raises(InvalidInput) as refused:
        open_database(str(typo))
    assert (refused.value.code, refused.value.params) == (
        "store.missing",
        {"path": str(typo), "command": "antrian db upgrade"},
    )
    assert list(tmp_path.iterdir()) == []
    open_database(str(typo), create=True).dispose()
    assert typo.exists()


def test_a_file_beside_the_log_of_a_deleted_one_is_refused(tmp_path: Path) -> None:
    """SQLite would replay the old ``-wal`` into a new file at the same path (tested here: it does)."""
    path = tmp_path / "office.db"
    database = open_database(str(path), create=True)
    with database.engine.connect() as connection:  # keeps the log: its last connection is still open
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
        connection.exec_driver_sql("UPDATE office SET name = 'old' WHERE 1")
        connection.commit()
        path.unlink()
    database.dispose()
    assert (tmp_path / "office.db-wal").stat().st_size > 0
    with pytest.raises(StoreError, match=r"^store\.stale_journal"):
        open_database(str(path), create=True)
    assert not path.exists()


def test_older_schema_is_upgraded(db_url: str) -> None:
    """A database at an older revision (0001, after a downgrade) is refused until set up, then migrated.

    At base (every migration undone) it holds no table but the empty version table: that is an empty one.
    """
    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
            command.downgrade(alembic_config(connection), "base")
            assert current_revision(connection) is None
            assert inspect(connection).get_table_names() == ["alembic_version"]
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match=r"^store\.empty"):
        open_database(db_url)
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001_initial")
    finally:
        engine.dispose()
    with pytest.raises(StoreError) as refused:
        open_database(db_url)  # only the commands that set a database up migrate it
    assert (refused.value.code, refused.value.params["command"]) == ("store.outdated", "antrian db upgrade")
    database = open_database(db_url, create=True)
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
    for create in (False, True):
        with pytest.raises(StoreError) as refused:
            open_database(str(path), create=create)
        assert (refused.value.code, refused.value.params["tables"]) == ("store.foreign", ["invoices"])
    assert _sha(path) == before


def test_newer_schema_is_refused(db_url: str) -> None:
    open_database(db_url, create=True).dispose()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    for create in (False, True):
        with pytest.raises(StoreError, match=r"^store\.newer_schema.*9999_future"):
            open_database(db_url, create=create)


def test_sqlite_connections_are_durable_and_strict(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "a.db"), create=True)
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
    with pytest.raises(StoreError, match=r"^store\.not_database"):
        open_database(str(path), create=True)
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.db"]
