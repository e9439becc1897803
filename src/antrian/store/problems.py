"""What a driver error means: the AntrianError naming its real cause, for SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

from sqlalchemy import exc
from sqlalchemy.engine import URL

from antrian.domain.echo import shorten
from antrian.domain.errors import AntrianError, IllegalAction, InvalidInput, StoreError
from antrian.store.disk import diagnose_path
from antrian.store.urls import location


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return shorten(text.splitlines()[0] if text else type(error).__name__, 200)


def sqlite_problem(error: BaseException, database: str, path: str | None = None) -> StoreError:
    """The StoreError for an error of the sqlite3 driver on ``database`` (the file at ``path``)."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    kind = name.removeprefix("SQLITE_").split("_")[0]
    text = str(error).lower()
    if kind in ("BUSY", "LOCKED") or (not kind and ("database is locked" in text or "busy" in text)):
        return StoreError("store.locked", database=database)
    if kind == "READONLY" or (not kind and "readonly" in text):
        return StoreError("store.readonly", database=database)
    if kind == "FULL" or (not kind and "is full" in text):
        return StoreError("store.full", database=database)
    if kind in ("CORRUPT", "NOTADB") or "malformed" in text or "not a database" in text:
        return StoreError("store.damaged", database=database, detail=first_line(error))
    if kind in ("CANTOPEN", "IOERR", "PERM", "AUTH", "") and path is not None:
        cause = diagnose_path(path)
        if cause is not None:
            return cause
    if kind in ("CANTOPEN", "PERM", "AUTH"):
        return StoreError("store.unreadable", path=database, reason=first_line(error))
    return StoreError("store.failed", database=database, detail=first_line(error))


_UNREACHABLE = (
    "connection refused",
    "timeout expired",
    "could not translate",
    "no route to host",
    "network is unreachable",
    "connection failed",
    "could not connect",
    "no such file or directory",
)


def postgres_problem(error: BaseException, server: str, user: str | None = None) -> StoreError:
    """The StoreError for a psycopg error (or SQLAlchemy's wrapper of one) on ``server``."""
    orig = error.orig if isinstance(error, exc.DBAPIError) and error.orig is not None else error
    state = str(getattr(orig, "sqlstate", None) or "")
    text = str(orig).lower()
    detail = first_line(orig)
    if state in ("40P01", "40001"):
        return StoreError("store.conflict", database=server, detail=detail)
    if state == "25006":
        return StoreError("store.readonly", database=server)
    if state == "53100":
        return StoreError("store.full", database=server)
    if state == "55P03":
        return StoreError("store.locked", database=server)
    if state in ("28P01", "28000") or "password authentication failed" in text:
        return StoreError("store.login_refused", server=server, user=shorten(user or ""))
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return StoreError("store.no_database", server=server)
    invalidated = isinstance(error, exc.DBAPIError) and error.connection_invalidated
    if state.startswith(("08", "57P")) or invalidated or not state:
        if state == "57P03" or (not state and any(reason in text for reason in _UNREACHABLE)):
            return StoreError("store.unreachable", server=server, reason=detail)
        if state or invalidated or "closed" in text or "terminat" in text or "lost" in text or "bad" in text:
            return StoreError("store.link_lost", server=server, reason=detail)
    return StoreError("store.failed", database=server, detail=detail)


def translate_error(error: BaseException, url: URL) -> AntrianError:
    """The AntrianError for any driver error on ``url``: what the request did wrong (a value the database
    rejects, a change breaking a constraint), or a StoreError naming why the database cannot be used."""
    orig = error.orig if isinstance(error, exc.DBAPIError) and error.orig is not None else error
    where = location(url)
    if isinstance(orig, sqlite3.Error):
        if isinstance(orig, sqlite3.IntegrityError):
            return IllegalAction("store.integrity", database=where, detail=first_line(orig))
        if isinstance(orig, sqlite3.DataError):
            return InvalidInput("store.value_rejected", detail=first_line(orig))
        return sqlite_problem(orig, where, url.database)
    if isinstance(error, exc.IntegrityError):
        return IllegalAction("store.integrity", database=where, detail=first_line(orig))
    if isinstance(error, exc.DataError) or str(getattr(orig, "sqlstate", "") or "").startswith("22"):
        return InvalidInput("store.value_rejected", detail=first_line(orig))
    return postgres_problem(error, location(url), url.username)
