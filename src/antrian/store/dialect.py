"""What differs between SQLite and PostgreSQL, behind functions that say what the caller needs.

The layers above name their need (these rows locked for this transaction, one snapshot for a whole read, a
big sort in memory) and never the dialect: SQLite's writers are serialised by BEGIN IMMEDIATE already, and
its reads see one snapshot anyway; PostgreSQL needs row locks, an isolation level, a setting.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Connection, Select, text
from sqlalchemy.orm import Session

_S = TypeVar("_S", bound=Select[Any])
# How much memory a PostgreSQL sort of one transaction may take before it spills into temporary files (the
# default is 4 MB): a year's ids sort in memory.
_SORT_MEMORY = "64MB"
_FOLLOW_TICKET_IDS = text("SELECT setval(pg_get_serial_sequence('tickets', 'id'), :last)")


def is_postgres(session: Session | Connection) -> bool:
    bind = session.get_bind() if isinstance(session, Session) else session
    return bind.dialect.name == "postgresql"


def locked(
    session: Session,
    statement: _S,
    *,
    skip_locked: bool = False,
    of: Any = None,
    fresh: bool = False,
) -> _S:
    """``statement`` locking the rows it reads until the transaction ends, where the database needs it.

    PostgreSQL: ``FOR UPDATE`` (of the table ``of`` only, when given; without the rows others hold, for
    ``skip_locked``); ``fresh`` reads the rows as committed once the lock is had, over what the session
    holds. SQLite: unchanged, since its one writer at a time (BEGIN IMMEDIATE) excludes the others already.
    """
    if not is_postgres(session):
        return statement
    statement = statement.with_for_update(skip_locked=skip_locked, of=of)
    if fresh:
        statement = statement.execution_options(populate_existing=True)
    return statement


def lock_rows(session: Session, statement: Select[Any], *, of: Any = None) -> None:
    """Lock the rows ``statement`` reads (of the table ``of`` only, when given) until the transaction ends,
    where the database needs it: PostgreSQL; on SQLite the one writer holds the whole database already."""
    if is_postgres(session):
        session.execute(statement.with_for_update(of=of)).all()


def one_snapshot(session: Session) -> None:
    """Make every read of ``session``'s transaction (called before its first) see the same moment.

    PostgreSQL: REPEATABLE READ. SQLite: a read transaction sees one snapshot already.
    """
    if is_postgres(session):
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def sort_in_memory(connection: Connection) -> None:
    """Let this transaction's big sorts (a year's ids) run in memory rather than in temporary files."""
    if is_postgres(connection):
        connection.exec_driver_sql(f"SET LOCAL work_mem = '{_SORT_MEMORY}'")


def follow_ticket_ids(session: Session, last: int) -> None:
    """After tickets were inserted with ids of their own, the next ticket id the database gives is
    ``last + 1`` (PostgreSQL's sequence; SQLite takes the largest rowid + 1 by itself)."""
    if is_postgres(session):
        session.execute(_FOLLOW_TICKET_IDS, {"last": last})
