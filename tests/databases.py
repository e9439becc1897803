"""Databases at head for the tests, made once per test process and handed out clean.

Creating Antrian's schema costs about 150 ms on PostgreSQL (some forty DDL statements, each a round of
catalogue work) and 25 ms on SQLite, and seeding the tests' small office (``tests.conftest.seed_office``)
another 40-60 ms; some two thousand tests ask for a new database, most of them with that office. So each
kind of database (at head, or at head with a seed) is made once, as a template, and:

- SQLite: each test gets a copy of the template's file.
- PostgreSQL: a test takes a schema from a pool of used ones, set to the template's rows and sequences in
  one transaction of one round trip (a few milliseconds): every table emptied, the template's rows copied
  in. A used schema goes back to the pool only if it is still exactly Antrian's schema at head (same
  revision, same tables and columns); otherwise it is dropped, as is one whose emptying fails (a process
  the test left behind still holds a lock), and the test gets a new one.

Tests that need an empty or older database (migrations, first start) ask for ``pg_url`` or ``db_url`` alone
and still get a new, empty schema.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from antrian.store.database import Database

# Rows a template holds beyond the schema's own (the SKM questionnaire): None, or a function that writes them.
Seed = Callable[["Database"], None] | None

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


def _at_head(url: str, seed: Seed = None) -> None:
    from antrian.store.database import open_database

    database = open_database(url, create=True)
    try:
        if seed is not None:
            seed(database)
    finally:
        database.dispose()


def _key(seed: Seed) -> str:
    return "head" if seed is None else seed.__qualname__


class PgPool:
    """Schemas at head for the tests of this process, set to a template's rows (see the module's notes)."""

    def __init__(self) -> None:
        self._templates: dict[str, tuple[PgSchema, str]] = {}  # seed -> (template schema, reset script)
        self._shape: tuple[str, list[str]] | None = None  # (revision, table.column list) of a schema at head
        self._used: list[PgSchema] = []
        self._all: list[PgSchema] = []
        self._connection: Any = None

    def take(self, seed: Seed = None) -> PgSchema:
        """A schema holding exactly what a new database at head holds, and what ``seed`` writes."""
        script = self._template(seed)
        while self._used:
            schema = self._used.pop()
            try:
                self._run(script.replace("{schema}", schema.name))
            except Exception:  # still locked by a process its last test left behind: not reused
                self._discard(schema)
                continue
            return schema
        schema = PgSchema()
        self._all.append(schema)
        _at_head(schema.url)
        if seed is not None:
            self._run(script.replace("{schema}", schema.name))
        return schema

    def give_back(self, schema: PgSchema) -> None:
        try:
            connection = self._admin()
            if self._shape_of(connection, schema.name) != self._shape:
                raise LookupError(f"{schema.name} is no longer Antrian's schema at head")
        except Exception:  # changed by its test, or the server went away with it: not reused
            self._discard(schema)
            return
        self._used.append(schema)

    def close(self) -> None:
        templates = [schema for schema, _ in self._templates.values()]
        for schema in [*self._all, *templates]:
            # the server may have gone away with the tests that stopped it: nothing left to drop then
            with contextlib.suppress(Exception):
                schema.drop()
        self._all.clear()
        self._used.clear()
        self._templates.clear()
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.close()

    def _discard(self, schema: PgSchema) -> None:
        self._all.remove(schema)
        with contextlib.suppress(Exception):
            schema.drop()

    def _admin(self) -> Any:
        """This pool's own autocommit connection (a new one after the server went away)."""
        import psycopg

        if self._connection is None or self._connection.closed or self._connection.broken:
            self._connection = psycopg.connect(CONNINFO, autocommit=True)
            self._connection.execute("SET lock_timeout = '2s'")
        return self._connection

    def _run(self, script: str) -> None:
        try:
            self._admin().execute(script.encode())
        except Exception:
            with contextlib.suppress(Exception):
                self._admin().execute("ROLLBACK")
            raise

    @staticmethod
    def _shape_of(connection: Any, name: str) -> tuple[str, list[str]]:
        cursor = connection.execute(
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns "
            "WHERE table_schema = %s ORDER BY 1",
            (name,),
        )
        columns = [row[0] for row in cursor.fetchall()]
        try:
            revision = connection.execute(
                f"SELECT string_agg(version_num, ',') FROM \"{name}\".alembic_version"
            ).fetchone()[0]
        except Exception:
            revision = None
        return str(revision), columns

    def _template(self, seed: Seed) -> str:
        """The script that sets a schema (``{schema}``) to the template of ``seed`` (made on first use)."""
        key = _key(seed)
        if key not in self._templates:
            from antrian.store.models import Base

            connection = self._admin()
            template = PgSchema()
            _at_head(template.url, seed)
            tpl = template.name
            if self._shape is None:
                self._shape = self._shape_of(connection, tpl)
            tables = [table.name for table in reversed(Base.metadata.sorted_tables)]
            seeded = [name for name in tables if _has_rows(connection, tpl, name)]
            sequences = [
                row[0]
                for row in connection.execute(
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
                f'SELECT setval(\'"{{schema}}"."{seq}"\', last_value, is_called) FROM "{tpl}"."{seq}"'
                for seq in sequences
            ]
            statements.append("COMMIT")
            self._templates[key] = (template, ";\n".join(statements))
        return self._templates[key][1]


def _has_rows(connection: object, schema: str, table: str) -> bool:
    query = f'SELECT EXISTS (SELECT 1 FROM "{schema}"."{table}")'
    return bool(connection.execute(query).fetchone()[0])  # type: ignore[attr-defined]


class SqliteTemplate:
    """Database files at head (with a seed's rows), each made once; each test gets a copy of one."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._files: dict[str, Path] = {}

    def copy_to(self, path: Path, seed: Seed = None) -> None:
        key = _key(seed)
        if key not in self._files:
            made = self._folder / f"{key}.db"
            _at_head(str(made), seed)
            with sqlite3.connect(made) as connection:  # everything in the main file: the copy is whole
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            self._files[key] = made
        shutil.copyfile(self._files[key], path)
