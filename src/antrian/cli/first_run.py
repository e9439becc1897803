"""The first-run set-up wizard: ``antrian setup`` on its own, and before a window on an office not set up
yet (``open_for(args, window=..., first_run=True)``). The wizard is a window (``antrian.gui.app.run_setup``,
imported only when it opens).

``antrian setup`` is refused once the office has an admin; it creates the database (the default one, or
the one named) when the wizard's summary is confirmed. A window creates the database only when none is named
and none is at the default place; a database named but missing is refused as by ``open_window``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import SERVER_AWAY, open_for, open_window
from antrian.cli.exits import EXIT_NOTHING, EXIT_OK
from antrian.cli.parsing import Commands

if TYPE_CHECKING:
    from antrian.store.database import Database

log = logging.getLogger("antrian.cli")


def add_commands(commands: Commands) -> None:
    commands.command(
        commands.sub,
        "setup",
        cmd_setup,
        words.text("help.setup.summary"),
        words.text("help.setup.about"),
        user=False,
    )


def cmd_setup(args: argparse.Namespace) -> int:
    db = open_for(args, first_run=True)
    if db is None:
        return EXIT_NOTHING
    db.dispose()
    return EXIT_OK


def set_up(named: str | None, window: str | None) -> Database | None:
    """The database ``named`` set up by the wizard, then open for the window ``window`` (its command), or
    for nothing (``antrian setup``); None when the wizard was closed before the office was set up."""
    return _before_window(named, window) if window is not None else _setup_command(named)


def _setup_command(named: str | None) -> Database | None:
    from antrian.domain.errors import IllegalAction
    from antrian.services.first_run import ADMIN_COMMAND, admin_exists
    from antrian.store.database import open_database
    from antrian.store.urls import resolve_url

    url = resolve_url(named)
    if url.get_backend_name() == "sqlite" and url.database and not os.path.exists(url.database):
        # made (migrated to head) only when the wizard's summary is confirmed: closing it leaves nothing
        return _wizard(lambda: open_database(url, create=True), None)
    existing = open_database(url, create=True)  # an older schema is migrated, as `antrian db upgrade` does
    try:
        with existing.read() as session:
            if admin_exists(session):
                raise IllegalAction("setup.done", command=ADMIN_COMMAND)
        done = _wizard(lambda: existing, None)
    except BaseException:
        existing.dispose()
        raise
    if done is None:
        existing.dispose()
    return done


def _before_window(named: str | None, window: str) -> Database | None:
    """On an office not set up yet (no office profile and no admin) the wizard opens, and the window after
    it. With no database named and none at the default place, the wizard creates the default one when its
    summary is confirmed (the only window path that creates a database)."""
    from antrian.store.database import open_database
    from antrian.store.urls import default_sqlite_path

    if not named and not default_sqlite_path().exists():
        return _wizard(lambda: open_database(create=True), window)
    db = open_window(named)
    try:
        if not _wizard_due(db):
            return db
        if _wizard(lambda: db, window) is None:
            db.dispose()
            return None
    except BaseException:
        db.dispose()
        raise
    return db


def _wizard_due(db: Database) -> bool:
    """Whether the office still needs (and may get) the first-run set-up: no admin yet. A server that is
    away cannot tell: the window starts and waits for it, as it would anyway."""
    from antrian.domain.errors import StoreError
    from antrian.services.first_run import admin_exists, needs_setup

    try:
        with db.read() as session:
            return needs_setup(session) and not admin_exists(session)
    except StoreError as error:
        if db.is_sqlite or error.code not in SERVER_AWAY:
            raise
        return False


def _wizard(open_database: Callable[[], Database], window: str | None) -> Database | None:
    """The set-up wizard (then the window ``window``, if given): the database set up, or None if closed."""
    from antrian.gui.app import run_setup

    log.info("the set-up wizard opens%s", f" before the {window} window" if window else "")
    done = run_setup(open_database, then=window)
    if done is None:
        from antrian.services.first_run import SETUP_COMMAND

        print(f"antrian: {words.text('setup.cancelled', command=SETUP_COMMAND)}", file=sys.stderr)
        return None
    db, outcome = done
    print(words.text("setup.finished", office=outcome.office, database=db.where, admin=outcome.admin))
    return db
