"""``antrian counter open|pause|close|call-next|recall|start|finish|no-show|hold|call|resume|transfer N``
and ``antrian counters``: a counter's work from the command line, through ``services.queue`` and
``services.counters`` (the functions the counter panel uses). The panel itself is ``antrian counter [N]``
(``antrian.cli.windows``); a counter's set-up is ``antrian counter add|edit|list`` (``antrian.cli.setup``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import INT32_MAX, REASON_TEXT, SHORT_TEXT, printable, whole
from antrian.cli.output import counter_state_line, show
from antrian.cli.parsing import Command, Commands, SubParsers
from antrian.cli.tickets import ticket_number, ticket_op

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.services.results import CounterInfo, TicketInfo


def _queue_op(name: str) -> Command:
    """The command that runs ``services.queue.NAME(session, counter, actor=...)`` on a ticket."""

    def run(args: argparse.Namespace) -> int:
        from antrian.services import queue

        operation: Callable[..., TicketInfo] = getattr(queue, name)
        return ticket_op(args, lambda s, actor: operation(s, args.counter, actor=actor))

    return run


def cmd_counter_call(args: argparse.Namespace) -> int:
    from antrian.services.queue import call_ticket

    return ticket_op(args, lambda s, actor: call_ticket(s, args.counter, args.number, actor=actor))


def cmd_counter_resume(args: argparse.Namespace) -> int:
    from antrian.services.queue import resume

    return ticket_op(args, lambda s, actor: resume(s, args.counter, args.number, actor=actor))


def cmd_counter_transfer(args: argparse.Namespace) -> int:
    from antrian.services.queue import transfer

    return ticket_op(args, lambda s, actor: transfer(s, args.counter, args.to, actor=actor))


def _state_op(args: argparse.Namespace, operation: Callable[[Session, Actor], CounterInfo]) -> int:
    info = run_in(args, operation)
    show(args, info.to_json(), counter_state_line(info))
    return EXIT_OK


def cmd_counter_open(args: argparse.Namespace) -> int:
    from antrian.services.counters import open_counter

    return _state_op(args, lambda s, actor: open_counter(s, args.counter, actor=actor))


def cmd_counter_pause(args: argparse.Namespace) -> int:
    from antrian.services.counters import pause_counter

    return _state_op(args, lambda s, actor: pause_counter(s, args.counter, args.reason, actor=actor))


def cmd_counter_close(args: argparse.Namespace) -> int:
    from antrian.services.counters import close_counter

    return _state_op(args, lambda s, actor: close_counter(s, args.counter, actor=actor))


def cmd_counters(args: argparse.Namespace) -> int:
    from antrian.services.counters import list_counters

    infos = run_in(args, lambda session, _actor: list_counters(session), write=False)
    lines = [
        f"{c.number:>3}  {c.name:<12} {words.text('counter_state.' + c.state):<10} {c.operator or '-':<12} "
        f"{c.current_ticket or '-'}"
        for c in infos
    ]
    show(args, [c.to_json() for c in infos], "\n".join(lines) or words.text("cli.no_counters"))
    return EXIT_OK


def add_counter_commands(commands: Commands, counter: SubParsers) -> None:
    """The commands of ``counter`` on counter N's state and its tickets."""

    def on_counter(name: str, func: Command, summary: str, about: str) -> argparse.ArgumentParser:
        made = commands.command(counter, name, func, summary, about)
        made.add_argument(
            "counter",
            type=whole("COUNTER", 1, INT32_MAX),
            metavar="COUNTER",
            help=words.text("help.option.counter"),
        )
        return made

    on_counter(
        "open",
        cmd_counter_open,
        words.text("help.counter_open.summary"),
        words.text("help.counter_open.about"),
    )
    on_counter(
        "pause",
        cmd_counter_pause,
        words.text("help.counter_pause.summary"),
        words.text("help.counter_pause.about"),
    ).add_argument(
        "--reason",
        required=True,
        type=printable("--reason", REASON_TEXT),
        help=words.text("help.counter_pause.reason"),
    )
    on_counter(
        "close",
        cmd_counter_close,
        words.text("help.counter_close.summary"),
        words.text("help.counter_close.about"),
    )
    on_counter(
        "call-next",
        _queue_op("call_next"),
        words.text("help.counter_call_next.summary"),
        words.text("help.counter_call_next.about"),
    )
    on_counter(
        "recall",
        _queue_op("recall"),
        words.text("help.counter_recall.summary"),
        words.text("help.counter_recall.about"),
    )
    on_counter(
        "start",
        _queue_op("start"),
        words.text("help.counter_start.summary"),
        words.text("help.counter_start.about"),
    )
    on_counter(
        "finish",
        _queue_op("finish"),
        words.text("help.counter_finish.summary"),
        words.text("help.counter_finish.about"),
    )
    on_counter(
        "no-show",
        _queue_op("no_show"),
        words.text("help.counter_no_show.summary"),
        words.text("help.counter_no_show.about"),
    )
    on_counter(
        "hold",
        _queue_op("hold"),
        words.text("help.counter_hold.summary"),
        words.text("help.counter_hold.about", command="antrian counter resume"),
    )
    ticket_number(
        on_counter(
            "call",
            cmd_counter_call,
            words.text("help.counter_call.summary"),
            words.text("help.counter_call.about"),
        )
    )
    ticket_number(
        on_counter(
            "resume",
            cmd_counter_resume,
            words.text("help.counter_resume.summary"),
            words.text("help.counter_resume.about"),
        )
    )
    on_counter(
        "transfer",
        cmd_counter_transfer,
        words.text("help.counter_transfer.summary"),
        words.text("help.counter_transfer.about"),
    ).add_argument(
        "--to",
        required=True,
        type=printable("--to", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.counter_transfer.to"),
    )


def add_list_command(commands: Commands) -> None:
    commands.command(
        commands.sub,
        "counters",
        cmd_counters,
        words.text("help.counters.summary"),
        words.text("help.counters.about"),
        user=False,
    )
