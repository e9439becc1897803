"""What a command prints: JSON with ``--json`` (for programs, language-neutral), else lines in the PC's
language (``antrian.words``); and the commands that save one thing or list many, built on that."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol, TypeVar

from antrian import words
from antrian.cli.database import run_in
from antrian.cli.exits import EXIT_OK

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.services.results import CounterInfo, TicketInfo


class Shown(Protocol):
    """What a service returns and a command prints: its JSON is ``to_json()``."""

    def to_json(self) -> Mapping[str, object]: ...


S = TypeVar("S", bound=Shown)


def show(args: argparse.Namespace, payload: object, human: str) -> None:
    """``payload`` as one line of JSON with ``--json``, else ``human``."""
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(human)


def saved(args: argparse.Namespace, work: Callable[[Session, Actor], S], line: Callable[[S], str]) -> int:
    """Run ``work`` in a writing transaction and print what it returns: its JSON, or ``line`` of it."""
    info = run_in(args, work)
    show(args, info.to_json(), line(info))
    return EXIT_OK


def listed(
    args: argparse.Namespace, read: Callable[[Session], list[S]], line: Callable[[S], str], empty: str
) -> int:
    """Print what ``read`` lists: a JSON array, or a line each (``empty`` when there is nothing)."""
    infos = run_in(args, lambda session, _actor: read(session), write=False)
    show(args, [info.to_json() for info in infos], "\n".join(line(info) for info in infos) or empty)
    return EXIT_OK


def ticket_line(info: TicketInfo) -> str:
    from antrian.domain.priority import PriorityGroup
    from antrian.domain.status import Status

    line = f"{info.number}  {info.service_name}  {words.show(Status(info.status))}"
    if info.counter:
        line += "  " + words.text("cli.at_counter", counter=info.counter)
    if info.priority_group:
        line += "  " + words.text("cli.priority", group=PriorityGroup(info.priority_group))
    return line


def counter_state_line(info: CounterInfo) -> str:
    state = words.text("counter_state." + info.state)
    if info.operator:
        return words.text("cli.counter_state_by", counter=info.number, state=state, user=info.operator)
    return words.text("cli.counter_state", counter=info.number, state=state)


def write_canonical(output: str | None, data: bytes) -> None:
    """A report's canonical JSON (the bytes its PDF's SHA-256 is of) to the file ``output`` whole, or to
    stdout as they are (no newline added)."""
    if output:
        from pathlib import Path

        from antrian.reports.exports import write_atomically

        write_atomically(Path(output), lambda file: file.write(data), binary=True)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
