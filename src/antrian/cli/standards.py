"""``antrian standard set|list``: a service's standard time (the service standard the office published,
with its decree) from a day on, through ``services.standards``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import DECREE_TEXT, INT32_MAX, SHORT_TEXT, UNITS, day, printable, whole
from antrian.cli.output import show
from antrian.cli.parsing import Commands

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.services.standards import StandardEntry


def cmd_standard_set(args: argparse.Namespace) -> int:
    from antrian.domain.timing import standard_words
    from antrian.services.standards import StandardEntry, set_standard

    first = day("--from", args.from_)

    def set_it(session: Session, actor: Actor) -> StandardEntry:
        entry = set_standard(
            session, actor, args.code, args.time, UNITS[args.unit], args.waiting_target, first, args.decree
        )
        code = args.code.strip().upper()
        return StandardEntry(code, entry, actor.name if actor.user_id is not None else None)

    shown = run_in(args, set_it)
    show(
        args,
        shown.to_json(),
        words.text(
            "cli.standard_set",
            service=shown.code,
            standard=standard_words(shown.standard.value, shown.standard.unit),
            day=shown.standard.effective_from.isoformat(),
        ),
    )
    return EXIT_OK


def cmd_standard_list(args: argparse.Namespace) -> int:
    from antrian.services.standards import list_standards

    entries = run_in(args, lambda session, actor: list_standards(session, actor, args.code), write=False)
    show(
        args,
        [entry.to_json() for entry in entries],
        "\n".join(_standard_line(entry) for entry in entries) or words.text("cli.no_standards"),
    )
    return EXIT_OK


def _standard_line(entry: StandardEntry) -> str:
    from antrian.domain.timing import standard_words

    s = entry.standard
    target = (
        words.text("cli.waiting_target", n=s.waiting_target_minutes)
        if s.waiting_target_minutes is not None
        else "-"
    )
    return (
        f"{entry.code:<3} {s.effective_from.isoformat()}  {words.say(standard_words(s.value, s.unit)):<14} "
        f"{target:<24} {s.decree or '-'}  ({entry.set_by or '-'}, {s.set_at:%Y-%m-%d %H:%M} UTC)"
    )


def add_commands(commands: Commands) -> None:
    standard = commands.group(
        "standard", words.text("help.standard.summary"), words.text("help.standard.about")
    )
    standard_set = commands.command(
        standard,
        "set",
        cmd_standard_set,
        words.text("help.standard_set.summary"),
        words.text("help.standard_set.about"),
    )
    standard_set.add_argument(
        "code", type=printable("CODE", SHORT_TEXT), metavar="CODE", help=words.text("help.standard_set.code")
    )
    standard_set.add_argument(
        "--time",
        required=True,
        type=whole("--time", 1, INT32_MAX),
        metavar="N",
        help=words.text("help.standard_set.time"),
    )
    standard_set.add_argument(
        "--unit", required=True, choices=list(UNITS), help=words.text("help.standard_set.unit")
    )
    standard_set.add_argument(
        "--waiting-target",
        type=whole("--waiting-target", 1, INT32_MAX),
        metavar="MINUTES",
        help=words.text("help.standard_set.waiting_target"),
    )
    standard_set.add_argument(
        "--from",
        dest="from_",
        required=True,
        type=printable("--from", SHORT_TEXT),
        metavar="YYYY-MM-DD",
        help=words.text("help.standard_set.from"),
    )
    standard_set.add_argument(
        "--decree", type=printable("--decree", DECREE_TEXT), help=words.text("help.standard_set.decree")
    )
    standard_list = commands.command(
        standard,
        "list",
        cmd_standard_list,
        words.text("help.standard_list.summary"),
        words.text("help.standard_list.about"),
    )
    standard_list.add_argument(
        "code",
        nargs="?",
        type=printable("CODE", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.standard_list.code"),
    )
