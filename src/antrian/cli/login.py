"""Who a command acts as: ``--user NAME`` proven by NAME's password, else the system."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from antrian import words
from antrian.domain.errors import InvalidInput

if TYPE_CHECKING:
    from antrian.domain.roles import Actor
    from antrian.store.database import Database

ENV_PASSWORD = "ANTRIAN_PASSWORD"


def password(prompt: str, env: str) -> str:
    """A password from the environment variable ``env`` (scripts), else typed without echo at a terminal;
    with neither, InvalidInput naming the variable (a script never hangs on a prompt)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput("cli.password_needed", variable=env)
    import getpass

    return getpass.getpass(f"{prompt}: ")


def log_in(db: Database, args: argparse.Namespace) -> Actor:
    """``--user NAME`` proves itself with NAME's password, in a transaction of its own, so that a failed
    attempt (and a lockout) is recorded even though the command then stops (exit 2)."""
    from antrian.domain.errors import AuthenticationFailed
    from antrian.services.login import authenticate

    given = password(words.text("cli.password_prompt", user=args.user), ENV_PASSWORD)
    with db.write() as session:
        outcome = authenticate(session, args.user, given)
    if outcome.actor is None:
        assert outcome.message is not None
        raise AuthenticationFailed(outcome.message.code, **outcome.message.params)
    if outcome.must_change_password and not getattr(args, "changing_password", False):
        raise AuthenticationFailed(
            "login.must_change", username=outcome.actor.name, command="antrian user password --user"
        )
    return outcome.actor


def acting(args: argparse.Namespace) -> Actor:
    """Who the command acts as: the ``--user`` whose password ``log_in`` checked, else the system."""
    from antrian.domain.roles import SYSTEM

    if getattr(args, "user", None):
        proven: Actor = args.acting  # set when the database was opened: no command acts as a user unproven
        return proven
    return SYSTEM
