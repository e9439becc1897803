"""``antrian setup``: the first-run set-up wizard on its own (the windows open it by themselves on an office
not set up yet, ``antrian.cli._window_database``). Refused once the office has an admin; creates the
database (the default one, or the one named) when the wizard's summary is confirmed. Built into
``antrian.cli.build_parser`` by ``add_commands``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from antrian import cli, words
from antrian.cli import EXIT_NOTHING, EXIT_OK, _command


def add_commands(sub: argparse._SubParsersAction[Any], common: argparse.ArgumentParser) -> None:
    _command(
        sub, "setup", words.text("help.setup.summary"), words.text("help.setup.about"), common
    ).set_defaults(func=cmd_setup)


def cmd_setup(args: argparse.Namespace) -> int:
    from antrian.domain.errors import IllegalAction
    from antrian.services.first_run import ADMIN_COMMAND, admin_exists
    from antrian.store.database import ENV_URL, open_database, resolve_url

    url = resolve_url(args.db or os.environ.get(ENV_URL) or cli._config().database)
    if url.get_backend_name() == "sqlite" and url.database and not os.path.exists(url.database):
        # made (migrated to head) only when the wizard's summary is confirmed: closing it leaves nothing
        db = cli._set_up_first(lambda: open_database(url, create=True), None)
        if db is not None:
            db.dispose()
        return EXIT_NOTHING if db is None else EXIT_OK
    existing = open_database(url, create=True)  # an older schema is migrated, as `antrian db upgrade` does
    try:
        with existing.read() as session:
            if admin_exists(session):
                raise IllegalAction("setup.done", command=ADMIN_COMMAND)
        return EXIT_NOTHING if cli._set_up_first(lambda: existing, None) is None else EXIT_OK
    finally:
        existing.dispose()
