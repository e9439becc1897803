"""The one way a command opens its database: ``open_for``.

The database is ``--db``, else ``ANTRIAN_DATABASE_URL``, else this PC's settings file, else the default
SQLite file in the user data folder. Only the commands that set a database up (``db upgrade``,
``demo-data``, ``demo``) create one or migrate an older one; every other command refuses a missing, empty,
foreign or older database, naming the command that sets it up, so that a typo in ``--db`` never opens an
empty office. The windows start even when their server is away, and on an office not set up yet the
first-run wizard opens first (``antrian.cli.first_run``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from antrian import words
from antrian.cli.login import acting, log_in

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.config import MachineConfig
    from antrian.domain.roles import Actor
    from antrian.store.database import Database

T = TypeVar("T")

# What a window waits out (the server may come back); anything else is refused at once.
SERVER_AWAY = frozenset({"store.unreachable", "store.link_lost"})


def machine_config() -> MachineConfig:
    """This PC's settings file (``antrian.config``), read when a command needs it."""
    from antrian.config import load_config

    return load_config()


def named_database(args: argparse.Namespace) -> str | None:
    """The database the person named: ``--db``, ``ANTRIAN_DATABASE_URL`` or this PC's settings (None: none,
    the default file)."""
    from antrian.store.urls import ENV_URL

    named: str | None = args.db or os.environ.get(ENV_URL) or machine_config().database
    return named


@overload
def open_for(args: argparse.Namespace, *, create: bool = False, window: str | None = None) -> Database: ...


@overload
def open_for(
    args: argparse.Namespace, *, window: str | None = None, first_run: Literal[True]
) -> Database | None: ...


def open_for(
    args: argparse.Namespace, *, create: bool = False, window: str | None = None, first_run: bool = False
) -> Database | None:
    """The database the command ``args`` works on, open; the caller disposes of it.

    A command (no ``window``): the database at head, created or migrated first when ``create``; its
    ``--user`` proves itself here (``antrian.cli.login``). A window (``window``: its command, "kiosk",
    "counter 2"): started even while its server is unreachable (``open_window``). ``first_run``: the
    first-run wizard opens first on an office not set up yet, then the window; without a window it is
    ``antrian setup`` itself. Returns None only when the wizard was closed before the office was set up.
    """
    named = named_database(args)
    if first_run:
        from antrian.cli.first_run import set_up

        return set_up(named, window)
    if window is not None:
        return open_window(named)
    from antrian.store.database import open_database

    db = open_database(named, create=create)
    if getattr(args, "user", None) and getattr(args, "acting", None) is None:
        try:
            args.acting = log_in(db, args)
        except BaseException:
            db.dispose()
            raise
    return db


def open_window(named: str | None) -> Database:
    """A window starts even when its server is unreachable: it shows the offline banner and keeps trying.

    A missing, corrupted or foreign SQLite file, and a server that answers with no Antrian office, are still
    refused at once: waiting would not mend them.
    """
    from antrian.domain.errors import StoreError
    from antrian.store.database import open_database
    from antrian.store.urls import resolve_url

    url = resolve_url(named)
    try:
        return open_database(url)
    except StoreError as error:
        if url.get_backend_name() == "sqlite" or error.code not in SERVER_AWAY:
            raise
        print(f"antrian: {words.text('store.window.starting_offline', problem=error)}", file=sys.stderr)
        return open_database(url, check=False)


def run_in(args: argparse.Namespace, work: Callable[[Session, Actor], T], *, write: bool = True) -> T:
    """``work`` in one transaction of the command's database (reading only unless ``write``), acting as
    ``--user`` or the system; the database closed after."""
    db = open_for(args)
    try:
        with db.write() if write else db.read() as session:
            return work(session, acting(args))
    finally:
        db.dispose()
