"""The hint a busy counter gives ("finish, hold or transfer it first") names only actions that exist and are
allowed: each is an `antrian counter` command and a panel action the rules allow for the ticket's status,
and together they are every way to move that ticket on (recall keeps it at the counter)."""

from __future__ import annotations

import argparse

import pytest

from antrian import words
from antrian.cli import build_parser
from antrian.domain.desk import DeskAction, DeskState, next_steps, refusals
from antrian.domain.status import Status

D = DeskAction
# Each hint phrase by phrase as the English catalogue says it, with the action the phrase stands for.
HINTS = {
    Status.CALLED: [
        ("start serving", D.START),
        ("mark not present", D.NO_SHOW),
        ("hold", D.HOLD),
        ("transfer", D.TRANSFER),
    ],
    Status.SERVING: [("finish", D.FINISH), ("hold", D.HOLD), ("transfer", D.TRANSFER)],
}
INDONESIAN = {
    Status.CALLED: "mulai layani, tandai tidak hadir, tunda atau alihkan dulu",
    Status.SERVING: "selesaikan, tunda atau alihkan dulu",
}
# The `antrian counter` command of each panel action.
COMMANDS = {
    D.START: "start",
    D.NO_SHOW: "no-show",
    D.HOLD: "hold",
    D.TRANSFER: "transfer",
    D.FINISH: "finish",
}


def counter_commands() -> set[str]:
    parser = build_parser()
    (group,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    (counter_group,) = (
        a for a in group.choices["counter"]._actions if isinstance(a, argparse._SubParsersAction)
    )
    return set(counter_group.choices)


@pytest.mark.parametrize("status", list(HINTS))
def test_the_hint_names_every_allowed_way_on_and_nothing_else(status: Status) -> None:
    phrases = [phrase for phrase, _ in HINTS[status]]
    english = f"{', '.join(phrases[:-1])} or {phrases[-1]} it first"
    hint = next_steps(status)
    assert (words.say(hint, lang="en"), words.say(hint, lang="id")) == (english, INDONESIAN[status])
    allowed = refusals(DeskState("open", current_number="A001", current_status=status))
    named = {action for _, action in HINTS[status]}
    assert all(allowed[action] is None for action in named)  # the panel lets the operator do each
    assert named == {action for action, why in allowed.items() if why is None} - {D.RECALL}
    assert {COMMANDS[action] for action in named} <= counter_commands()


def test_there_is_no_skip_command() -> None:
    """An old hint offered "skip": the command for a citizen who did not come is no-show."""
    assert "skip" not in counter_commands() and "no-show" in counter_commands()
