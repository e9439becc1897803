"""Migration 0010 on a database in use at 0009: users keep their accounts (no password to change), the viewer
role becomes possible, and the audit table exists, empty. On SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from antrian.domain.roles import SYSTEM
from antrian.services.login import authenticate
from antrian.services.users import create_user
from antrian.store.database import open_database
from antrian.store.engines import make_engine
from antrian.store.models import AuditRecord, User
from antrian.store.schema import HEAD_REVISION, alembic_config, current_revision
from antrian.store.urls import resolve_url


def test_upgrading_from_0009_keeps_users_and_allows_viewers(db_url: str) -> None:
    from antrian.services.passwords import hash_password

    engine = make_engine(resolve_url(db_url), create=True)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0009_calendar")
            connection.execute(
                text(
                    "INSERT INTO users (username, full_name, role, password_hash, active, failed_logins) "
                    "VALUES ('kabid', 'Kepala Bidang', 'supervisor', :hash, true, 0)"
                ),
                {"hash": hash_password("rahasia123")},
            )
    finally:
        engine.dispose()

    database = open_database(db_url, create=True)  # what ``antrian db upgrade`` does
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
        with database.read() as s:
            assert s.execute(select(User.username, User.must_change_password)).all() == [("kabid", False)]
            assert s.execute(select(AuditRecord)).all() == []
        with database.write() as s:
            create_user(s, "pemantau", "Inspektorat", "viewer", "rahasia123", actor=SYSTEM)
            outcome = authenticate(s, "kabid", "rahasia123")
        assert outcome.actor is not None and not outcome.must_change_password
        with database.read() as s:
            assert [r.action for r in s.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars()] == [
                "user_added",
                "login",
            ]
    finally:
        database.dispose()
