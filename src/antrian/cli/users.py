"""``antrian user add|edit|disable|enable|unlock|reset-password|password|list`` and ``antrian audit``: users
and the audit from the command line, through ``services.users`` and ``services.audit`` (the functions the
admin window uses), acting as ``--user`` (proven by its password: ``ANTRIAN_PASSWORD`` or typed) or as the
system. Lists take ``--json``; bad input is exit 2 and saves nothing. A password made here (``add``,
``reset-password``) is printed once and never stored in clear."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import NAME_TEXT, PATH_TEXT, SHORT_TEXT, day, printable
from antrian.cli.login import ENV_PASSWORD, password
from antrian.cli.output import show
from antrian.cli.parsing import Command, Commands
from antrian.domain.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.services.users import IssuedPassword, UserInfo

ENV_NEW_PASSWORD = "ANTRIAN_NEW_PASSWORD"


def _user_line(info: UserInfo) -> str:
    now = datetime.now(UTC)
    notes = []
    if not info.active:
        notes.append(words.text("users.note_disabled"))
    if info.locked(now):
        notes.append(words.text("users.note_locked"))
    if info.must_change_password:
        notes.append(words.text("users.note_must_change"))
    line = words.text("users.line", username=info.username, name=info.full_name, role=info.role)
    return f"{line} ({', '.join(notes)})" if notes else line


def _issued(args: argparse.Namespace, issued: IssuedPassword, line: str) -> int:
    """Print a user and the password made for them, once: JSON, or ``line`` (which says the password)."""
    show(args, {**issued.user.to_json(datetime.now(UTC)), "password": issued.password}, line)
    return EXIT_OK


def _user_saved(args: argparse.Namespace, work: Callable[[Session, Actor], UserInfo]) -> int:
    info = run_in(args, work)
    show(args, info.to_json(datetime.now(UTC)), _user_line(info))
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from antrian.services.users import add_user

    issued = run_in(
        args, lambda session, actor: add_user(session, actor, args.username, args.name, args.role)
    )
    return _issued(
        args, issued, words.text("users.added", username=issued.user.username, password=issued.password)
    )


def cmd_user_edit(args: argparse.Namespace) -> int:
    from antrian.services.users import edit_user

    if args.name is None and args.role is None:
        raise InvalidInput("users.nothing_to_change")
    return _user_saved(
        args,
        lambda session, actor: edit_user(session, actor, args.username, full_name=args.name, role=args.role),
    )


def cmd_user_disable(args: argparse.Namespace) -> int:
    from antrian.services.users import disable_user

    return _user_saved(args, lambda session, actor: disable_user(session, actor, args.username))


def cmd_user_enable(args: argparse.Namespace) -> int:
    from antrian.services.users import enable_user

    return _user_saved(args, lambda session, actor: enable_user(session, actor, args.username))


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from antrian.services.users import unlock_user

    return _user_saved(args, lambda session, actor: unlock_user(session, actor, args.username))


def cmd_user_reset_password(args: argparse.Namespace) -> int:
    from antrian.services.users import reset_password

    issued = run_in(args, lambda session, actor: reset_password(session, actor, args.username))
    return _issued(
        args, issued, words.text("users.reset", username=issued.user.username, password=issued.password)
    )


def cmd_user_password(args: argparse.Namespace) -> int:
    """Change one's own password: ``--user`` is required, the old password proves it (``antrian.cli.login``),
    the new one comes from ``ANTRIAN_NEW_PASSWORD`` or is typed twice."""
    from antrian.services.users import change_own_password

    if not args.user:
        raise InvalidInput("users.password_needs_user")
    old = password(words.text("cli.password_prompt", user=args.user), ENV_PASSWORD)
    new = password(words.text("users.new_password_prompt"), ENV_NEW_PASSWORD)
    if ENV_NEW_PASSWORD not in os.environ:
        again = password(words.text("users.new_password_again"), ENV_NEW_PASSWORD)
        if again != new:
            raise InvalidInput("users.passwords_differ")
    return _user_saved(args, lambda session, actor: change_own_password(session, actor, old, new))


def cmd_user_list(args: argparse.Namespace) -> int:
    from antrian.services.users import list_users

    now = datetime.now(UTC)
    infos = run_in(args, lambda session, actor: list_users(session, actor), write=False)
    show(
        args,
        [info.to_json(now) for info in infos],
        "\n".join(_user_line(info) for info in infos) or words.text("users.none"),
    )
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from antrian.reports.audit_csv import audit_line, write_audit_csv
    from antrian.services.audit import audit_rows

    start = day("--from", args.start)
    end = day("--to", args.end)
    rows = run_in(
        args,
        lambda session, actor: audit_rows(session, actor, start, end, user=args.by, action=args.action),
        write=False,
    )
    if args.csv is not None:
        write_audit_csv(rows, Path(args.csv))
        print(words.text("audit.exported", n=len(rows), path=args.csv), file=sys.stderr)
        return EXIT_OK
    show(
        args,
        [row.to_json() for row in rows],
        "\n".join(audit_line(row) for row in rows) or words.text("audit.none"),
    )
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    """``user`` (its commands) and ``audit``."""
    from antrian.services.audit import ACTIONS

    group = commands.group("user", words.text("help.user.summary"), words.text("help.user.about"))
    roles = ["admin", "supervisor", "operator", "viewer"]

    def named(name: str, func: Command, summary: str, about: str) -> argparse.ArgumentParser:
        made = commands.command(group, name, func, summary, about)
        made.add_argument(
            "username",
            type=printable("USERNAME", SHORT_TEXT),
            metavar="USERNAME",
            help=words.text("help.user.username"),
        )
        return made

    add = named(
        "add",
        cmd_user_add,
        words.text("help.user_add.summary"),
        words.text("help.user_add.about"),
    )
    add.add_argument("--role", required=True, choices=roles, help=words.text("help.user.role"))
    add.add_argument(
        "--name", required=True, type=printable("--name", NAME_TEXT), help=words.text("help.user.name")
    )
    edit = named(
        "edit",
        cmd_user_edit,
        words.text("help.user_edit.summary"),
        words.text("help.user_edit.about"),
    )
    edit.add_argument("--role", choices=roles, help=words.text("help.user.role"))
    edit.add_argument("--name", type=printable("--name", NAME_TEXT), help=words.text("help.user.name"))
    named(
        "disable",
        cmd_user_disable,
        words.text("help.user_disable.summary"),
        words.text("help.user_disable.about"),
    )
    named(
        "enable",
        cmd_user_enable,
        words.text("help.user_enable.summary"),
        words.text("help.user_enable.about"),
    )
    named(
        "unlock",
        cmd_user_unlock,
        words.text("help.user_unlock.summary"),
        words.text("help.user_unlock.about"),
    )
    named(
        "reset-password",
        cmd_user_reset_password,
        words.text("help.user_reset_password.summary"),
        words.text("help.user_reset_password.about"),
    )
    commands.command(
        group,
        "password",
        cmd_user_password,
        words.text("help.user_password.summary"),
        words.text("help.user_password.about"),
    ).set_defaults(changing_password=True)
    commands.command(
        group, "list", cmd_user_list, words.text("help.user_list.summary"), words.text("help.user_list.about")
    )

    audit = commands.command(
        commands.sub, "audit", cmd_audit, words.text("help.audit.summary"), words.text("help.audit.about")
    )
    audit.add_argument(
        "--from", dest="start", required=True, metavar="DATE", help=words.text("help.audit.start")
    )
    audit.add_argument("--to", dest="end", required=True, metavar="DATE", help=words.text("help.audit.end"))
    audit.add_argument(
        "--by", type=printable("--by", SHORT_TEXT), metavar="USERNAME", help=words.text("help.audit.by")
    )
    audit.add_argument("--action", choices=ACTIONS, help=words.text("help.audit.action"))
    audit.add_argument(
        "--csv", type=printable("--csv", PATH_TEXT), metavar="FILE", help=words.text("help.audit.csv")
    )
