"""Create a new database or migrate an old one, only when asked to; otherwise say why it cannot be used.

Only ``antrian db upgrade``, ``antrian demo-data``, ``antrian demo`` (and the first-run set-up) create or
migrate (``create=True``); every other command and window refuses a database that is empty, foreign, older
or newer than this program, and names the command that sets it up. A typo in ``--db`` must not open an
empty office.

The fast path (schema already at head) is one query and imports no Alembic, which keeps the CLI's cold start
short. A fresh database is ``create_all`` + stamp; an older one is upgraded; a database with foreign tables or
a schema newer than this program is refused, never touched.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, inspect, text

from antrian.domain.errors import IllegalAction, StoreError

if TYPE_CHECKING:
    from alembic.config import Config

    from antrian.store.database import Database

# The newest migration in store/migrations/versions; tests check it matches Alembic's head.
HEAD_REVISION = "0012_skm"
MIGRATIONS = Path(__file__).with_name("migrations")
# What a person runs to create the database or bring it up to date (named in every refusal).
SET_UP_COMMAND = "antrian db upgrade"
_PG_SCHEMA_LOCK = 0x616E7472  # "antr": serialises concurrent first starts on PostgreSQL


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_problem(
    database: str, revision: str | None, tables: Collection[str], *, create: bool
) -> StoreError | None:
    """Why a database at ``revision`` holding ``tables`` cannot be used (None: it can, or will be made so).

    ``database`` names it in the message (a path, or server/database). With ``create`` an empty or older
    database is fine: the caller creates or migrates it. Foreign tables and newer schemas are never touched.
    """
    if revision == HEAD_REVISION:
        return None
    if revision is None:
        others = sorted(set(tables) - {"alembic_version"})
        if others:
            return StoreError("store.foreign", database=database, tables=others[:3])
        return None if create else StoreError("store.empty", database=database, command=SET_UP_COMMAND)
    if revision not in _known_revisions():
        return StoreError("store.newer_schema", database=database, revision=revision)
    return (
        None
        if create
        else StoreError("store.outdated", database=database, revision=revision, command=SET_UP_COMMAND)
    )


def ensure_schema(database: Database, *, create: bool = False) -> None:
    """Check that ``database`` is an Antrian database at head; with ``create``, make it one.

    Raises:
        StoreError: empty, older (without ``create``), foreign, or newer than this program.
    """
    with database.engine.connect() as probe:
        revision = current_revision(probe)
        if revision == HEAD_REVISION:
            return
        if not create:
            problem = schema_problem(
                database.location, revision, inspect(probe).get_table_names(), create=False
            )
            assert problem is not None
            raise problem
    if not database.is_sqlite:
        with database.engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SCHEMA_LOCK})
            _create_or_upgrade(connection, database.location)
        return
    # SQLite alters a table by copying it and dropping the old copy, which with foreign keys on deletes (and
    # cascades) the old rows first: migrations run with them off, as SQLite's procedure for altering a table
    # asks, and every reference is checked before the commit. The pragma only takes effect outside a
    # transaction, so it is set on the driver's connection before the BEGIN.
    with database.engine.connect() as connection:
        driver = connection.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.execution_options(sqlite_begin="IMMEDIATE").begin():
                _create_or_upgrade(connection, database.location)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise IllegalAction(
                        "store.integrity", database=database.location, detail=f"{broken[0]} -> {broken[2]}"
                    )
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def _create_or_upgrade(connection: Connection, database: str) -> None:
    from alembic import command

    from antrian.store.models import Base

    revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return  # another process did it while we waited for the lock
    problem = schema_problem(database, revision, inspect(connection).get_table_names(), create=True)
    if problem is not None:
        raise problem
    if revision is None:
        Base.metadata.create_all(connection)
        command.stamp(alembic_config(connection), "head")
        return
    command.upgrade(alembic_config(connection), "head")


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(database: Database) -> str:
    """``antrian db upgrade``: bring the schema to head and return the revision now in force."""
    ensure_schema(database, create=True)
    with database.engine.connect() as connection:
        revision: Any = current_revision(connection)
    return str(revision)
