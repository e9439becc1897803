"""Which database: a URL, a file path, ``ANTRIAN_DATABASE_URL`` or the default file; how messages name it."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import exc
from sqlalchemy.engine import URL, make_url

from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput

ENV_URL = "ANTRIAN_DATABASE_URL"
# How much of a path or URL a message repeats (long input is cut in the middle, see domain.echo).
PATH_ECHO = 120
_NAME_MAX, _PATH_MAX = 255, 4096


def default_sqlite_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("antrian", appauthor=False)) / "antrian.db"


def resolve_url(db: str | None = None) -> URL:
    """Turn ``--db`` (a URL or a file path), ``ANTRIAN_DATABASE_URL`` or the default into a URL.

    Raises:
        InvalidInput: a malformed URL or path, or a database other than SQLite and PostgreSQL.
    """
    text = db or os.environ.get(ENV_URL) or ""
    if not text:
        return URL.create("sqlite+pysqlite", database=str(default_sqlite_path()))
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=_file_path(text))
    try:
        if not text.isprintable():
            raise ValueError("control characters")
        url = make_url(text)
    except (exc.ArgumentError, ValueError):
        raise InvalidInput("store.url_malformed", url=echo_url(text)) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            url = url.set(database=_file_path(url.database))
        return url
    if backend != "postgresql":
        raise InvalidInput("store.url_unsupported", backend=shorten(backend), url=echo_url(text))
    port_ok = url.port is None or 0 < url.port < 65536
    if not url.database or (url.password is not None and not url.username) or not port_ok:
        raise InvalidInput("store.url_malformed", url=echo_url(text))
    return url


def _file_path(text: str) -> str:
    """An absolute file path for ``text``; InvalidInput when no file system could hold such a name."""
    try:
        if not text.isprintable():
            raise ValueError("control characters")
        path = str(Path(text).expanduser().resolve())
    except (OSError, ValueError, RuntimeError):
        raise InvalidInput("store.path_invalid", path=shorten(text)) from None
    too_long = len(path.encode(errors="surrogateescape")) > _PATH_MAX or any(
        len(part.encode(errors="surrogateescape")) > _NAME_MAX for part in Path(path).parts
    )
    if too_long:
        raise InvalidInput("store.path_invalid", path=shorten(text))
    return path


def echo_url(text: str) -> str:
    """``text`` as a message may repeat it: without its password, short, on one line."""
    scheme, sep, rest = text.partition("://")
    if sep:
        credentials, at, place = rest.rpartition("@")
        if at and ":" in credentials:
            rest = f"{credentials.split(':', 1)[0]}:***@{place}"
    return shorten(f"{scheme}{sep}{rest}")


def describe(url: URL) -> str:
    """A human name for the database, without its password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database}"
    return f"PostgreSQL {url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def location(url: URL) -> str:
    """Where the database is, as messages name it: the file's path, or server:port/database (no password)."""
    if url.get_backend_name() == "sqlite":
        return shorten(str(url.database or ":memory:"), PATH_ECHO)
    return shorten(f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}", PATH_ECHO)
