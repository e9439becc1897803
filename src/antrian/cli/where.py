"""``antrian config-path`` and ``antrian log-path``: where this PC keeps its settings file and its log."""

from __future__ import annotations

import argparse

from antrian import logs, words
from antrian.cli.database import machine_config
from antrian.cli.exits import EXIT_OK
from antrian.cli.output import show
from antrian.cli.parsing import Commands


def cmd_config_path(args: argparse.Namespace) -> int:
    from antrian.config import config_path

    config = machine_config()
    path = config_path()
    show(
        args,
        {
            "path": str(path),
            "exists": path.exists(),
            "database": config.database,
            "kiosk_printer": config.kiosk_printer,
        },
        str(path) if path.exists() else words.text("cli.config_not_created", path=str(path)),
    )
    return EXIT_OK


def cmd_log_path(args: argparse.Namespace) -> int:
    described = logs.describe_setup()
    show(args, described, described["path"])
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    commands.command(
        commands.sub,
        "config-path",
        cmd_config_path,
        words.text("help.config_path.summary"),
        words.text("help.config_path.about"),
        user=False,
    )
    commands.command(
        commands.sub,
        "log-path",
        cmd_log_path,
        words.text("help.log_path.summary"),
        words.text("help.log_path.about"),
        user=False,
    )
