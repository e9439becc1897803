"""Create a new database or migrate an old one, on first use.

The fast path (schema already at head) is one query and imports no Alembic, which keeps the CLI's cold start
short. A fresh database is ``create_all`` + stamp; an older one is upgraded; a database with foreign tables or
a schema newer than this program is refused, never touched.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, inspect, text

from antrian.domain.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

    from antrian.store.database import Database

# The newest migration in store/migrations/versions; tests check it matches Alembic's head.
HEAD_REVISION = "0002_counter_version"
MIGRATIONS = Path(__file__).with_name("migrations")
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


def ensure_schema(database: Database) -> None:
    with database.engine.connect() as probe:
        if current_revision(probe) == HEAD_REVISION:
            return
    with database.engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
        if not database.is_sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SCHEMA_LOCK})
        _create_or_upgrade(connection, database.name)


def _create_or_upgrade(connection: Connection, name: str) -> None:
    from alembic import command

    from antrian.store.models import Base

    revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return  # another process did it while we waited for the lock
    if revision is None:
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        if tables:
            raise StoreError(
                f"{name} holds other tables ({', '.join(sorted(tables)[:3])}) but no Antrian schema; "
                "it was left untouched"
            )
        Base.metadata.create_all(connection)
        command.stamp(alembic_config(connection), "head")
        return
    known = _known_revisions()
    if revision not in known:
        raise StoreError(f"{name} has schema version {revision!r}, newer than this program; update Antrian")
    command.upgrade(alembic_config(connection), "head")


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def upgrade(database: Database) -> str:
    """``antrian db upgrade``: bring the schema to head and return the revision now in force."""
    ensure_schema(database)
    with database.engine.connect() as connection:
        revision: Any = current_revision(connection)
    return str(revision)
