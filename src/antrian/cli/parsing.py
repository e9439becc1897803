"""How the commands are declared: the parser that refuses in one short line, argparse's own words in the
PC's language, and the helpers every command module builds its commands with.

The help texts are looked up while the parser is built (``words/*/help.toml``), so the language is chosen
first (``antrian.cli.main``) and ``use_our_words`` is called before any parser exists: a parent parser built
without it would bring its options under an English heading of their own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn, TypeAlias

from antrian import words
from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # a group of commands
Command: TypeAlias = Callable[[argparse.Namespace], int]

# argparse words its own refusals and the headings of its help through gettext; these are its message ids
# (Python 3.11-3.13) and the catalogue entries that say them in the PC's language. An id missing here stays in
# argparse's English. (3.13 also passes each heading through "%(heading)s:", which needs no words.)
ARGPARSE_WORDS = {
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
}


def _argparse_gettext(message: str) -> str:
    code = ARGPARSE_WORDS.get(message)
    return words.text(code) if code else message


def use_our_words() -> None:
    """argparse's refusals and headings from now on in the current language (``ARGPARSE_WORDS``)."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]  # argparse's module-level gettext alias


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # one short line, whatever was typed: argparse's own words (which repeat the input), cut short,
        # and where the full usage is; not the usage itself
        raise InvalidInput("input.usage", problem=shorten(message, 120), command=self.prog)


def command(
    group: SubParsers, name: str, summary: str, about: str, *parents: argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """A command of ``group``: ``summary`` is its line in the group's list, ``about`` the sentence of its own
    ``--help``."""
    return group.add_parser(name, parents=list(parents), help=summary, description=about)


@dataclass(frozen=True)
class Commands:
    """Where a module adds its commands: the top-level group ``sub`` and the parents every command takes,
    ``common`` (``--db``, ``--json``, ``--lang``) and ``user`` (``--user``)."""

    sub: SubParsers
    common: argparse.ArgumentParser
    user: argparse.ArgumentParser

    def group(self, name: str, summary: str, about: str) -> SubParsers:
        """A command group of ``sub`` (``antrian NAME ...``); the command given is ``args.NAME_command``."""
        return command(self.sub, name, summary, about).add_subparsers(dest=f"{name}_command", required=True)

    def command(
        self, within: SubParsers, name: str, func: Command, summary: str, about: str, *, user: bool = True
    ) -> argparse.ArgumentParser:
        """A command of ``within`` that runs ``func``, with the common options and (``user``) --user."""
        made = command(within, name, summary, about, self.common, *([self.user] if user else []))
        made.set_defaults(func=func)
        return made
