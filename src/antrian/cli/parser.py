"""Every command of ``antrian``, with its help in the current language (``words/*/help.toml``): each module
adds its own; the order here is the order of ``antrian --help``."""

from __future__ import annotations

import argparse

from antrian import words
from antrian.cli import (
    calendar,
    counters,
    first_run,
    install,
    recording,
    reports,
    setup,
    skm,
    standards,
    tickets,
    users,
    where,
    windows,
    zones,
)
from antrian.cli.inputs import SHORT_TEXT, printable
from antrian.cli.parsing import Commands, Parser, command, use_our_words


def build_parser() -> argparse.ArgumentParser:
    """The ``antrian`` parser, built when a command runs (after ``words.set_language``), never at import."""
    use_our_words()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="URL|PATH", default=argparse.SUPPRESS, help=words.text("help.option.db")
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=words.text("help.option.json")
    )
    common.add_argument(
        "--lang",
        choices=sorted(words.LANGUAGES),
        default=argparse.SUPPRESS,
        help=words.text("help.option.lang"),
    )
    user = argparse.ArgumentParser(add_help=False)
    user.add_argument("--user", type=printable("--user", SHORT_TEXT), help=words.text("help.option.user"))

    parser = Parser(prog="antrian", description=words.text("help.antrian"), parents=[common])
    commands = Commands(
        parser.add_subparsers(dest="command", required=True, parser_class=Parser), common, user
    )
    install.add_commands(commands)  # db upgrade, demo-data
    windows.add_commands(commands)  # demo, display, kiosk, survey, supervisor, admin
    recording.add_commands(commands)  # voice test
    tickets.add_ticket_commands(commands)
    counter = command(
        commands.sub,
        "counter",
        words.text("help.counter.summary"),
        words.text("help.counter.about", command="antrian counter [N]"),
    ).add_subparsers(dest="counter_command", required=True)
    windows.add_panel_command(commands, counter)
    counters.add_counter_commands(commands, counter)
    counters.add_list_command(commands)
    tickets.add_list_commands(commands)
    where.add_commands(commands)  # config-path, log-path
    tickets.add_expire_command(commands)
    standards.add_commands(commands)
    reports.add_commands(commands)
    setup.add_commands(commands, counter)  # service; counter add, edit, list
    calendar.add_commands(commands)  # holiday, break
    first_run.add_commands(commands)  # setup
    users.add_commands(commands)  # user, audit
    zones.add_commands(commands)
    skm.add_commands(commands)
    return parser
