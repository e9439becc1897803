"""``antrian ticket issue|print|cancel``, ``antrian tickets``, ``antrian events`` and ``antrian expire``:
the queue's tickets from the command line (scripts, tests, a printer check), through ``services.queue``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import open_for, run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import INT64_MAX, SHORT_TEXT, TARGET_TEXT, day, paper_width, printable, whole
from antrian.cli.login import acting
from antrian.cli.output import show, ticket_line
from antrian.cli.parsing import Commands

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.services.results import TicketInfo


def ticket_op(args: argparse.Namespace, operation: Callable[[Session, Actor], TicketInfo]) -> int:
    """Run ``operation`` on a ticket in a writing transaction and print the ticket after it."""
    info = run_in(args, operation)
    show(args, info.to_json(), ticket_line(info))
    return EXIT_OK


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    from antrian.domain.roles import KIOSK
    from antrian.services.queue import issue_ticket_in

    db = open_for(args)
    try:
        info = issue_ticket_in(
            db, args.code, priority=args.priority, actor=acting(args) if args.user else KIOSK
        )
    finally:
        db.dispose()
    show(args, info.to_json(), ticket_line(info))
    return EXIT_OK


def cmd_ticket_cancel(args: argparse.Namespace) -> int:
    from antrian.services.queue import cancel

    return ticket_op(args, lambda s, actor: cancel(s, args.number, actor=actor))


def cmd_ticket_print(args: argparse.Namespace) -> int:
    """Reprint a ticket, for admins testing a printer: ESC/POS to a file, network, USB or serial printer,
    or a PDF / system printer through Qt."""
    from antrian.services.slips import ticket_slip

    slip = run_in(args, lambda session, _actor: ticket_slip(session, args.id), write=False)
    from antrian.printing.targets import printer_for

    printer_for(args.printer, args.width, single_file=True)(slip)
    show(
        args,
        {"id": args.id, "number": slip.number, "printer": args.printer},
        words.text("cli.printed", ticket=slip.number, printer=args.printer),
    )
    return EXIT_OK


def cmd_tickets(args: argparse.Namespace) -> int:
    from antrian.services.queries import tickets_for_day

    chosen = day("--date", args.date) if args.date else None
    infos = run_in(args, lambda session, _actor: tickets_for_day(session, chosen), write=False)
    show(
        args,
        [t.to_json() for t in infos],
        "\n".join(ticket_line(t) for t in infos) or words.text("cli.no_tickets"),
    )
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from antrian.services.queries import events_after

    infos = run_in(args, lambda session, _actor: events_after(session, args.after, args.limit), write=False)
    lines = (f"{e.id:>8}  {e.at:%Y-%m-%d %H:%M:%S}  {e.kind:<20} {json.dumps(e.data)}" for e in infos)
    show(args, [e.to_json() for e in infos], "\n".join(lines) or words.text("cli.no_events"))
    return EXIT_OK


def cmd_expire(args: argparse.Namespace) -> int:
    from antrian.services.queue import expire_past_days

    count = run_in(args, lambda session, actor: expire_past_days(session, actor=actor))
    show(args, {"expired": count}, words.text("cli.expired", n=count))
    return EXIT_OK


def ticket_number(command: argparse.ArgumentParser) -> None:
    """The NUMBER argument of a command on one ticket (its label, "A001")."""
    command.add_argument(
        "number",
        type=printable("NUMBER", SHORT_TEXT),
        metavar="NUMBER",
        help=words.text("help.option.number"),
    )


def add_ticket_commands(commands: Commands) -> None:
    """``ticket issue``, ``ticket print`` and ``ticket cancel``."""
    from antrian.domain.priority import PriorityGroup

    ticket = commands.group("ticket", words.text("help.ticket.summary"), words.text("help.ticket.about"))
    issue = commands.command(
        ticket,
        "issue",
        cmd_ticket_issue,
        words.text("help.ticket_issue.summary"),
        words.text("help.ticket_issue.about"),
        user=False,
    )
    issue.add_argument(
        "code", type=printable("CODE", SHORT_TEXT), metavar="CODE", help=words.text("help.ticket_issue.code")
    )
    # its own --user: without one, a ticket is issued as the kiosk issues it, not by the system
    issue.add_argument(
        "--user", type=printable("--user", SHORT_TEXT), help=words.text("help.ticket_issue.user")
    )
    issue.add_argument(
        "--priority",
        type=printable("--priority", SHORT_TEXT),
        help=words.text("help.ticket_issue.priority", groups=[group.value for group in PriorityGroup]),
    )
    reprint = commands.command(
        ticket,
        "print",
        cmd_ticket_print,
        words.text("help.ticket_print.summary"),
        words.text("help.ticket_print.about"),
        user=False,
    )
    reprint.add_argument(
        "id",
        type=whole("ID", 1, INT64_MAX),
        metavar="ID",
        help=words.text("help.ticket_print.id", command="antrian ticket issue --json"),
    )
    reprint.add_argument(
        "--printer",
        required=True,
        type=printable("--printer", TARGET_TEXT),
        help=words.text("help.ticket_print.printer"),
    )
    reprint.add_argument(
        "--width",
        type=paper_width,
        metavar="{58,80}",
        default=80,
        help=words.text("help.ticket_print.width"),
    )
    ticket_number(
        commands.command(
            ticket,
            "cancel",
            cmd_ticket_cancel,
            words.text("help.ticket_cancel.summary"),
            words.text("help.ticket_cancel.about"),
        )
    )


def add_list_commands(commands: Commands) -> None:
    """``tickets`` (a day's) and ``events`` (the log after an id)."""
    tickets = commands.command(
        commands.sub,
        "tickets",
        cmd_tickets,
        words.text("help.tickets.summary"),
        words.text("help.tickets.about"),
        user=False,
    )
    tickets.add_argument(
        "--date",
        type=printable("--date", SHORT_TEXT),
        metavar="YYYY-MM-DD",
        help=words.text("help.tickets.date"),
    )
    events = commands.command(
        commands.sub,
        "events",
        cmd_events,
        words.text("help.events.summary"),
        words.text("help.events.about"),
        user=False,
    )
    events.add_argument(
        "--after",
        type=whole("--after", 0, INT64_MAX),
        default=0,
        metavar="ID",
        help=words.text("help.events.after"),
    )
    events.add_argument(
        "--limit",
        type=whole("--limit", 1, INT64_MAX),
        default=1000,
        metavar="N",
        help=words.text("help.events.limit"),
    )


def add_expire_command(commands: Commands) -> None:
    commands.command(
        commands.sub, "expire", cmd_expire, words.text("help.expire.summary"), words.text("help.expire.about")
    )
