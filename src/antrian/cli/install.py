"""``antrian db upgrade`` and ``antrian demo-data``: a database set up (created, or an older one migrated),
and the sample office with its users and some weeks of history in it. ``antrian demo`` (``antrian.cli
.windows``) installs the same sample first."""

from __future__ import annotations

import argparse
import json

from antrian import words
from antrian.cli.database import open_for
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import whole
from antrian.cli.output import show
from antrian.cli.parsing import Commands


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from antrian.store.schema import upgrade

    db = open_for(args, create=True)
    try:
        revision = upgrade(db)
        show(
            args,
            {"database": db.name, "revision": revision},
            words.text("cli.schema_at", database=db.where, revision=revision),
        )
    finally:
        db.dispose()
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    demo_data(args)
    return EXIT_OK


def demo_data(args: argparse.Namespace) -> dict[str, str]:
    """Install the sample office and report it; returns the users created now with their passwords."""
    from antrian.services.demo import install_demo
    from antrian.services.demo_history import install_history

    db = open_for(args, create=True)
    try:
        with db.write() as session:
            created = install_demo(session, counters=args.counters, services=args.services)
        history = install_history(db, days=args.history_days)
    finally:
        db.dispose()
    tickets = sum(day.issued for day in history)
    if getattr(args, "json", False):
        made = {"days": len(history), "tickets": tickets}
        print(json.dumps({"database": db.name, "created_users": created, "history": made}))
        return created
    print(words.text("cli.demo_ready", database=db.where))
    if history:
        print(words.text("cli.demo_history", days=len(history), tickets=tickets))
    elif args.history_days:
        print(words.text("cli.demo_history_kept"))
    if created:
        print(words.text("cli.demo_new_users"))
        for username, password in created.items():
            print(f"  {username:<12} {password}")
    else:
        print(words.text("cli.demo_users_existed"))
    return created


def sample_options(command: argparse.ArgumentParser) -> None:
    """The size of the sample office (``demo-data`` and ``demo``): counters, services, days of history."""
    command.add_argument(
        "--counters",
        type=whole("--counters", 1, 99),
        default=4,
        help=words.text("help.demo_data.counters"),
    )
    command.add_argument(
        "--services",
        type=whole("--services", 1, 24),
        default=4,
        help=words.text("help.demo_data.services"),
    )
    command.add_argument(
        "--history-days",
        type=whole("--history-days", 0, 60),
        default=20,
        help=words.text("help.demo_data.history_days"),
    )


def add_commands(commands: Commands) -> None:
    """``db upgrade`` and ``demo-data``."""
    db = commands.group("db", words.text("help.db.summary"), words.text("help.db.about"))
    commands.command(
        db,
        "upgrade",
        cmd_db_upgrade,
        words.text("help.db_upgrade.summary"),
        words.text("help.db_upgrade.about"),
        user=False,
    )
    sample_options(
        commands.command(
            commands.sub,
            "demo-data",
            cmd_demo_data,
            words.text("help.demo_data.summary"),
            words.text("help.demo_data.about"),
            user=False,
        )
    )
