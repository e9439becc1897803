"""Databases at head for the tests, made once per test process and handed out clean.

Creating Antrian's schema costs about 150 ms on PostgreSQL (some forty DDL statements, each a round of
catalogue work) and 25 ms on SQLite, and some seven hundred tests ask for a new database. So:

- SQLite: the schema is made once into a template file; each test gets a copy of it.
- PostgreSQL: a schema a test used goes back to a pool emptied, its sequences and seed rows (the SKM
  questionnaire) set back as in a new database, in one transaction of one round trip (a few milliseconds).
  It goes back only if it is still exactly Antrian's schema at head (same revision, same tables and
  columns); otherwise, or if emptying it fails (a process the test left behind still holds a lock), it is
  dropped and the next test gets a new one.

Tests that need an empty or older database (migrations, first start) ask for ``pg_url`` or ``db_url`` alone
and still get a new, empty schema.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import quote

PG_BASE = os.environ.get("ANTRIAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CONNINFO = PG_BASE.replace("postgresql+psycopg://", "postgresql://")


def schema_url(name: str) -> str:
    return f"{PG_BASE}?options={quote(f'-csearch_path={name}')}"


class PgSchema:
    """A throw-away schema in the test database, reachable through its own URL."""

    def __init__(self) -> None:
        import psycopg

        self.name = f"t_{secrets.token_hex(6)}"
        with psycopg.connect(CONNINFO, autocommit=True) as connection:
            connection.execute(f'CREATE SCHEMA "{self.name}"')
        self.url = schema_url(self.name)

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(CONNINFO, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE')


def _at_head(url: str) -> None:
    from antrian.store.database import open_database

    open_database(url, create=True).dispose()


class PgPool:
    """Schemas at head for the tests of this process (see the module's docstring)."""

    def __init__(self) -> None:
        self._template: PgSchema | None = None
        self._shape: tuple[str, list[str], str] | None = None  # (revision, table.column list, reset script)
        self._clean: list[PgSchema] = []
        self._all: list[PgSchema] = []

    def take(self) -> PgSchema:
        if self._clean:
            return self._clean.pop()
        schema = PgSchema()
        self._all.append(schema)
        _at_head(schema.url)
        return schema

    def give_back(self, schema: PgSchema) -> None:
        import psycopg

        try:
            with psycopg.connect(CONNINFO, autocommit=True) as connection:
                revision, columns, script = self._reference(connection)
                if self._shape_of(connection, schema.name) != (revision, columns):
                    raise LookupError(f"{schema.name} is no longer Antrian's schema at head")
                connection.execute("SET lock_timeout = '2s'")
                connection.execute(script.replace("{schema}", schema.name).encode())
        except Exception:  # changed, or still locked by a process the test left behind: not reused
            self._all.remove(schema)
            schema.drop()
            return
        self._clean.append(schema)

    def close(self) -> None:
        for schema in [*self._all, *([self._template] if self._template else [])]:
            # the server may have gone away with the tests that stopped it: nothing left to drop then
            with contextlib.suppress(Exception):
                schema.drop()
        self._all.clear()
        self._clean.clear()

    @staticmethod
    def _shape_of(connection: object, name: str) -> tuple[str, list[str]]:
        cursor = connection.execute(  # type: ignore[attr-defined]
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns "
            "WHERE table_schema = %s ORDER BY 1",
            (name,),
        )
        columns = [row[0] for row in cursor.fetchall()]
        try:
            revision = connection.execute(  # type: ignore[attr-defined]
                f'SELECT string_agg(version_num, \',\') FROM "{name}".alembic_version'
            ).fetchone()[0]
        except Exception:
            revision = None
        return str(revision), columns

    def _reference(self, connection: object) -> tuple[str, list[str], str]:
        if self._shape is None:
            from antrian.store.models import Base

            self._template = PgSchema()
            _at_head(self._template.url)
            tpl = self._template.name
            revision, columns = self._shape_of(connection, tpl)
            tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
            seeded = [name for name in tables if _has_rows(connection, tpl, name)]
            sequences = [
                row[0]
                for row in connection.execute(  # type: ignore[attr-defined]
                    "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = %s",
                    (tpl,),
                ).fetchall()
            ]
            # no foreign-key checks while emptying (the whole schema is emptied in one transaction)
            statements = ["BEGIN", "SET LOCAL session_replication_role = replica"]
            statements += [f'DELETE FROM "{{schema}}"."{name}"' for name in tables]
            statements += [
                f'INSERT INTO "{{schema}}"."{name}" OVERRIDING SYSTEM VALUE SELECT * FROM "{tpl}"."{name}"'
                for name in reversed(seeded)
            ]
            statements += [
                f"SELECT setval('\"{{schema}}\".\"{seq}\"', last_value, is_called) FROM \"{tpl}\".\"{seq}\""
                for seq in sequences
            ]
            statements.append("COMMIT")
            self._shape = (revision, columns, ";\n".join(statements))
        return self._shape


def _has_rows(connection: object, schema: str, table: str) -> bool:
    query = f'SELECT EXISTS (SELECT 1 FROM "{schema}"."{table}")'
    return bool(connection.execute(query).fetchone()[0])  # type: ignore[attr-defined]


class SqliteTemplate:
    """A database file at head, made once; each test gets a copy."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._file: Path | None = None

    def copy_to(self, path: Path) -> None:
        if self._file is None:
            made = self._folder / "template.db"
            _at_head(str(made))
            with sqlite3.connect(made) as connection:  # everything in the main file: the copy is whole
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            self._file = made
        shutil.copyfile(self._file, path)
