"""The SQLite file: looked at read-only before anything may write to it, and watched while windows run."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput, StoreError
from antrian.store.disk import FULL_BELOW_BYTES, free_bytes, writable
from antrian.store.problems import sqlite_problem
from antrian.store.urls import PATH_ECHO
from antrian.store.writer_turn import BUSY_TIMEOUT_MS

SQLITE_MAGIC = b"SQLite format 3\x00"
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def _identity(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def inspect_file(path: str) -> tuple[str | None, set[str]]:
    """The schema revision and the tables of the SQLite file ``path``, read without changing a byte.

    A read-only look at a WAL-mode file leaves an index (-shm) and an empty log behind: they are removed.
    A file in the old rollback-journal mode gets a full ``quick_check`` too, since opening it for Antrian
    switches it to WAL, which rewrites its header: damage must be found before that.

    Raises:
        StoreError: not an SQLite file (``store.not_database``), corrupted (``store.corrupted``; the file is
            left as it was), or what SQLite says otherwise (locked, unreadable).
    """
    shown = shorten(path, PATH_ECHO)
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StoreError("store.unreadable", path=shown, reason=error.strerror or str(error)) from None
    if not header:
        return None, set()
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise StoreError("store.not_database", path=shown)
    legacy = len(header) > 18 and header[18] == 1
    side_files = [path + suffix for suffix in ("-wal", "-shm")]
    existed = [os.path.exists(side) for side in side_files]
    try:
        connection = sqlite3.connect(
            f"{Path(path).as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
            if legacy and connection.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("database disk image is malformed")
        finally:
            connection.close()
    except sqlite3.Error as error:
        problem = sqlite_problem(error, shown, path)
        if problem.code == "store.damaged":
            problem = StoreError("store.corrupted", path=shown)
        raise problem from None
    finally:
        for side, was_there in zip(side_files, existed, strict=True):
            with suppress(OSError):
                if not was_there and (side.endswith("-shm") or os.path.getsize(side) == 0):
                    os.unlink(side)
    return revision, tables


class SqliteFile:
    """The SQLite file a Database opened, watched for what can happen to it under running windows.

    SQLite keeps a deleted or renamed-over file open: its connections would go on reading, and committing,
    to a file nobody will see again, while the next program creates an empty office at the path. So every
    transaction first compares the path's identity (device, inode) with the file's as opened (``check``,
    about a microsecond), and a write also checks that the file can still be written. The first time a
    different file is seen, every connection to the old one is dropped (``on_lost``) and ``store.replaced``
    is raised; from then on the new file is used once a read-only look finds it sound and at head. A file
    that comes back after being deleted is looked at the same way.
    """

    def __init__(self, path: str, on_lost: Callable[[], None] | None = None) -> None:
        self.path = path
        self.location = shorten(path, PATH_ECHO)
        self.identity = _identity(path)
        self.on_lost = on_lost
        self.generation = 0  # counts the files adopted, so that watchers reopen their own connections
        self._lost = False
        self._lock = threading.Lock()

    def check(self, *, writing: bool = False) -> None:
        """Raise StoreError when the file is gone, replaced, or (``writing``) cannot be written."""
        with self._lock:
            self._check_identity()
        # the file itself: its -wal and -shm exist while it is open, so the folder no longer matters
        if writing and not os.access(self.path, os.W_OK):
            raise StoreError("store.readonly", database=self.location)

    def health(self) -> None:
        """Raise StoreError for anything that would make a write fail now: ``check`` and a full disk."""
        self.check(writing=True)
        free = free_bytes(self.path)
        if free is not None and free < FULL_BELOW_BYTES:
            raise StoreError("store.full", database=self.location)

    def _check_identity(self) -> None:
        try:
            identity = _identity(self.path)
        except FileNotFoundError:
            self._drop()
            raise StoreError("store.deleted", path=self.location) from None
        except OSError as error:
            raise StoreError("store.unreadable", path=self.location, reason=error.strerror) from None
        if identity == self.identity and not self._lost:
            return
        if not self._lost:
            self._drop()
            raise StoreError("store.replaced", path=self.location)
        if identity != self.identity:
            _refuse_stale_journal(self.path)
        from antrian.store.schema import schema_problem

        revision, tables = inspect_file(self.path)
        problem = schema_problem(self.location, revision, tables, create=False)
        if problem is not None:
            raise problem
        self.identity, self._lost = identity, False
        self.generation += 1

    def _drop(self) -> None:
        if not self._lost:
            self._lost = True
            if self.on_lost is not None:
                self.on_lost()


def _refuse_stale_journal(path: str) -> None:
    """Refuse a file beside the write-ahead log of another: SQLite would replay that log into it.

    Deleting or replacing a database file while programs use it leaves its ``-wal`` (and ``-shm``) behind,
    and SQLite reads whatever ``-wal`` stands beside a file: a restored backup, or a new empty database,
    would show, and then keep, pages of the old one (tested). Only a person can tell whose log it is.
    """
    journal = path + "-wal"
    with suppress(OSError):
        if os.path.getsize(journal) > 0:
            raise StoreError(
                "store.stale_journal", path=shorten(path, PATH_ECHO), journal=shorten(journal, PATH_ECHO)
            )


def open_sqlite_file(database: str, *, create: bool) -> tuple[SqliteFile, bool]:
    """Look at the SQLite file ``database`` before anything may write to it; returns it and whether its
    schema is at head already. With ``create`` a missing file is made (empty) and an empty or older one
    is accepted, for the caller to create or migrate.

    Raises:
        InvalidInput: the folder or the file does not exist (without ``create``), or the path is a folder.
        StoreError: not an SQLite file, corrupted, read-only, unreadable, empty / older (without ``create``),
            foreign or newer. Nothing has been written to the file.
    """
    from antrian.store.schema import HEAD_REVISION, SET_UP_COMMAND, schema_problem

    path = Path(database)
    shown = shorten(database, PATH_ECHO)
    try:
        if not path.parent.is_dir():
            raise InvalidInput("store.no_folder", folder=shorten(str(path.parent), PATH_ECHO), path=shown)
        if path.is_dir():
            raise InvalidInput("store.is_folder", path=shown)
        exists = path.exists()
    except OSError:
        raise InvalidInput("store.path_invalid", path=shown) from None
    if not exists or not os.path.getsize(database):
        _refuse_stale_journal(database)
    if not exists:
        if not create:
            raise InvalidInput("store.missing", path=shown, command=SET_UP_COMMAND)
        create_empty(database)
    if not os.access(database, os.R_OK):
        raise StoreError("store.unreadable", path=shown, reason=os.strerror(13))
    if not writable(database):
        raise StoreError("store.readonly", database=shown)
    revision, tables = inspect_file(database)
    problem = schema_problem(shown, revision, tables, create=create)
    if problem is not None:
        raise problem
    return SqliteFile(database), revision == HEAD_REVISION


def create_empty(database: str) -> None:
    """An empty file is an empty SQLite database; made here so that no connection ever needs to create one."""
    import errno

    shown = shorten(database, PATH_ECHO)
    try:
        os.close(os.open(database, _CREATE_FLAGS, 0o666))
    except FileExistsError:
        pass  # another process made it first
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreError("store.readonly", database=shown) from None
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StoreError("store.full", database=shown) from None
        raise StoreError("store.unreadable", path=shown, reason=error.strerror) from None
