"""Running ``antrian``: the language chosen, the log opened, the command parsed and run, and every way out
turned into an exit code (``antrian.cli.exits``) and at most one line on stderr. No traceback reaches the
person unless ``ANTRIAN_DEBUG`` asks for it; the log keeps it."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence

from antrian import logs, words
from antrian.cli.database import machine_config
from antrian.cli.exits import EXIT_ERROR, EXIT_INVALID, EXIT_NOTHING, EXIT_PIPE
from antrian.cli.parser import build_parser
from antrian.domain.errors import AntrianError

log = logging.getLogger("antrian.cli")  # the whole command logs under one name: "antrian.cli: start: ..."

_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@/\s]*@")
_SECRET_OPTION = re.compile(r"--[\w-]*(password|pin|secret|token)[\w-]*", re.IGNORECASE)
_LOGGED_WORD = 200


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    refused: AntrianError | None = None
    try:  # first, so that even the notice of an unwritable log folder is in the person's language
        _choose_language(arguments)
    except AntrianError as error:  # an unknown --lang: said (and logged) like any refusal below
        refused = error
    logs.setup("antrian")
    log.info("start: antrian %s", " ".join(_loggable(arguments)))
    try:
        if refused is not None:
            raise refused
        args = build_parser().parse_args(panel_shorthand(arguments))
        logs.rename(_command_name(args))
        args.db = getattr(args, "db", None)
        args.json = getattr(args, "json", False)
        code = int(args.func(args))
        sys.stdout.flush()  # a reader that went away is noticed here, not after the outcome is logged
        log.info("done: exit %d", code)
        return code
    except AntrianError as error:
        _log_refusal(error)
        print(f"antrian: {words.say(error)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        log.warning("interrupted: exit 130")
        return 130
    except Exception as error:  # the CLI never shows a traceback unless asked to; the log keeps it
        if isinstance(error, BrokenPipeError) and _output_is_pipe():
            return _reader_gone()
        log.error("unexpected error: exit %d", EXIT_ERROR, exc_info=error)
        if os.environ.get("ANTRIAN_DEBUG"):
            raise
        print(f"antrian: {_unexpected(error)}", file=sys.stderr)
        return EXIT_ERROR


def run() -> None:
    """Console entry point: ``main``, then the log and the output streams flushed, then an immediate exit.

    Every command has committed and closed its database before ``main`` returns, so the interpreter's
    teardown (about 100 ms of garbage collection of SQLAlchemy's objects, a fifth of the CLI's cold-start
    budget) has nothing left to do that matters. The log is closed on every way out, an exception
    included (``ANTRIAN_DEBUG``, ``--help``).
    """
    try:
        code = main()
        try:
            sys.stdout.flush()  # what a command printed before it failed
        except BrokenPipeError:
            code = _reader_gone()
        sys.stderr.flush()
    finally:
        logs.close()
    os._exit(code)


def _choose_language(argv: Sequence[str]) -> None:
    """The language of everything printed: ``--lang``, else ``ANTRIAN_LANG``, else this PC's setting."""
    wanted = None
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            wanted = argv[index + 1]
        elif word.startswith("--lang="):
            wanted = word.partition("=")[2]
    if not wanted and not os.environ.get(words.ENV_LANGUAGE):
        try:
            wanted = machine_config().language
        except AntrianError:  # a broken settings file: said by the command that needs the file, not here
            wanted = None
    wanted = wanted or os.environ.get(words.ENV_LANGUAGE) or words.DEFAULT_LANGUAGE
    words.set_language(wanted)


def panel_shorthand(argv: list[str]) -> list[str]:
    """``antrian [options] counter [N] [options]`` is the panel window: ``counter panel [N]``."""
    skip = False
    for index, word in enumerate(argv):
        if skip or word.startswith("-"):
            skip = word in ("--db", "--lang")  # the options before the command that take a value
            continue
        if word != "counter":
            return argv
        rest = argv[index + 1 :]
        if not rest or rest[0].isdigit() or (rest[0].startswith("-") and rest[0] not in ("-h", "--help")):
            return [*argv[: index + 1], "panel", *rest]
        return argv
    return argv


def _command_name(args: argparse.Namespace) -> str:
    """What each log line of this run names: "ticket issue", "counter call-next", "display"."""
    command = str(args.command)
    sub = getattr(args, f"{command.replace('-', '_')}_command", None)
    return f"{command} {sub}" if sub else command


def _loggable(arguments: list[str]) -> list[str]:
    """The arguments as the log shows them: passwords masked (in database URLs and after options that
    carry them), very long words shortened."""
    shown: list[str] = []
    hide_next = False
    for word in arguments:
        option, equals, _value = word.partition("=")
        if hide_next:
            word = "***"
        elif _SECRET_OPTION.fullmatch(option):
            word = f"{option}=***" if equals else word
        hide_next = not equals and bool(_SECRET_OPTION.fullmatch(word))
        word = _URL_PASSWORD.sub(r"\1***@", word)
        if len(word) > _LOGGED_WORD:
            word = f"{word[:_LOGGED_WORD]}… ({len(word)} characters)"
        shown.append(word)
    return shown


def _log_refusal(error: AntrianError) -> None:
    """A refusal the person is told about: nothing waiting is routine, bad input a warning, the rest an
    error with the cause under it (the driver's words under a StoreError; the whole chain at DEBUG)."""
    described = words.describe(error)
    if error.exit_code == EXIT_NOTHING:
        log.info("nothing to do: exit %d: %s", error.exit_code, described)
    elif error.exit_code == EXIT_INVALID:
        log.warning("refused: exit %d: %s", error.exit_code, described)
    else:
        cause = error.__cause__
        log.error(
            "failed: exit %d: %s%s",
            error.exit_code,
            described,
            f" (cause: {type(cause).__name__}: {cause})" if cause is not None else "",
            exc_info=error if log.isEnabledFor(logging.DEBUG) else None,
        )


def _unexpected(error: BaseException) -> str:
    where = logs.current_file()
    if where is None:
        return words.text("logs.cli_unexpected_unlogged", kind=type(error).__name__)
    return words.text("logs.cli_unexpected", kind=type(error).__name__, log=str(where))


def _output_is_pipe() -> bool:
    """Whether stdout is a pipe or socket, the one place a broken pipe means "the reader has enough"."""
    import stat

    try:
        mode = os.fstat(sys.stdout.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _reader_gone() -> int:
    """`antrian tickets | head -1`: the reader has what it wanted. End quietly, with the status a shell
    gives a program that SIGPIPE ended (as `seq 100000 | head -1`), and point stdout at the null device so
    that no later flush fails again."""
    log.info("output closed by its reader: exit %d", EXIT_PIPE)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    return EXIT_PIPE
