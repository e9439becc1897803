"""The `antrian` command: database set-up, demo data, scripted queue operations, windows.

Exit codes: 0 done; 2 bad input or an illegal action (message on stderr); 3 nothing to do; 1 anything else;
141 the reader of the output went away (``antrian tickets | head``). Every run is logged (``antrian.logs``).
No path here imports Qt: windows are imported only by the commands that open them. What a person reads is in
the PC's language (``--lang``, ``ANTRIAN_LANG`` or the settings file; Indonesian by default), made by
``antrian.words``; ``--json`` output is for programs and stays language-neutral.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from antrian import logs, words
from antrian.domain.echo import shorten
from antrian.domain.errors import AntrianError, InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.store.database import Database

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_NOTHING = 0, 1, 2, 3
EXIT_PIPE = 141  # what a shell reports for a program ended by SIGPIPE, as `seq 100000 | head -1` does

log = logging.getLogger(__name__)
# The widest whole numbers the database holds: counter numbers are INTEGER (32 bits on PostgreSQL), ticket
# and event ids BIGINT (tests/cli check these against the models).
INT32_MAX, INT64_MAX = 2**31 - 1, 2**63 - 1
# The longest text an option takes: names and codes are short (the echo of a longer one is cut), a pause
# reason is stored in 200 characters, a printer target or a file path may be longer.
SHORT_TEXT, REASON_TEXT, TARGET_TEXT, PATH_TEXT = 60, 200, 300, 4096
DECREE_TEXT = 200  # services.standards.DECREE_LIMIT, the column's width (tests/cli checks they agree)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # one short line, whatever was typed: argparse's own words (which repeat the input), cut short,
        # and where the full usage is; not the usage itself
        raise InvalidInput("input.usage", problem=shorten(message, 120), command=self.prog)


# argparse words its own refusals and the headings of its help through gettext; these are its message ids
# (Python 3.11-3.13) and the catalogue entries that say them in the PC's language. An id missing here stays in
# argparse's English. (3.13 also passes each heading through "%(heading)s:", which needs no words.)
_ARGPARSE_WORDS = {
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
    code = _ARGPARSE_WORDS.get(message)
    return words.text(code) if code else message


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
            wanted = _config().language
        except AntrianError:  # a broken settings file: said by the command that needs the file, not here
            wanted = None
    wanted = wanted or os.environ.get(words.ENV_LANGUAGE) or words.DEFAULT_LANGUAGE
    words.set_language(wanted)


def _whole(option: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else InvalidInput naming ``option``.

    Raised directly (argparse passes it on): a number beyond the column's range must be exit 2 with one
    short line, not an overflow deep in the driver.
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:  # also a number of more than 4,300 digits, which int() refuses
            value = None
        if value is None or not low <= value <= high:
            raise InvalidInput("input.number_range", option=option, value=shorten(text), low=low, high=high)
        return value

    return parse


def _counters(text: str) -> frozenset[int]:
    """An argparse type: the counters a display shows ("1-10,12"), else InvalidInput (exit 2)."""
    from antrian.domain.zone import parse_counters

    return parse_counters(text, option="--counters")


def _text(option: str, limit: int) -> Callable[[str], str]:
    """An argparse type: printable text of at most ``limit`` characters, else InvalidInput naming ``option``
    and repeating the input cut short (a NUL byte or a line break never reaches the database or a message).
    """

    def parse(text: str) -> str:
        if not text.isprintable():
            raise InvalidInput("input.not_printable", option=option, value=shorten(text))
        if len(text) > limit:
            raise InvalidInput(
                "input.too_long", option=option, value=shorten(text), length=len(text), limit=limit
            )
        return text

    return parse


def _paper_width(text: str) -> int:
    """--width: 58 or 80 (mm of thermal paper)."""
    if text.strip() not in ("58", "80"):
        raise InvalidInput("input.choice", option="--width", value=shorten(text), choices=["58", "80"])
    return int(text)


def _print(args: argparse.Namespace, payload: Any, human: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(human)


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The database of ``--db``, ``ANTRIAN_DATABASE_URL``, this PC's settings or the default.

    Only the commands that set a database up (``db upgrade``, ``demo-data``, ``demo``) pass ``create``;
    every other one refuses a missing, empty, foreign or older database, naming the command that sets it
    up, so that a typo in ``--db`` never opens an empty office.
    """
    from antrian.store.database import ENV_URL, open_database

    db = open_database(args.db or os.environ.get(ENV_URL) or _config().database, create=create)
    if getattr(args, "user", None) and getattr(args, "acting", None) is None:
        try:
            args.acting = _log_in(db, args)
        except BaseException:
            db.dispose()
            raise
    return db


ENV_PASSWORD = "ANTRIAN_PASSWORD"


def _password(prompt: str, env: str) -> str:
    """A password from the environment variable ``env`` (scripts), else typed without echo at a terminal;
    with neither, InvalidInput naming the variable (a script never hangs on a prompt)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput("cli.password_needed", variable=env)
    import getpass

    return getpass.getpass(f"{prompt}: ")


def _log_in(db: Database, args: argparse.Namespace) -> Actor:
    """``--user NAME`` proves itself with NAME's password, in a transaction of its own, so that a failed
    attempt (and a lockout) is recorded even though the command then stops (exit 2)."""
    from antrian.domain.errors import AuthenticationFailed
    from antrian.services.users import authenticate

    password = _password(words.text("cli.password_prompt", user=args.user), ENV_PASSWORD)
    with db.write() as session:
        outcome = authenticate(session, args.user, password)
    if outcome.actor is None:
        assert outcome.message is not None
        raise AuthenticationFailed(outcome.message.code, **outcome.message.params)
    if outcome.must_change_password and not getattr(args, "changing_password", False):
        raise AuthenticationFailed(
            "login.must_change", username=outcome.actor.name, command="antrian user password --user"
        )
    return outcome.actor


def _open_for_window(args: argparse.Namespace) -> Database:
    """A window starts even when its server is unreachable: it shows the offline banner and keeps trying.

    A missing, corrupted or foreign SQLite file, and a server that answers with no Antrian office, are still
    refused at once: waiting would not mend them.
    """
    from antrian import words
    from antrian.domain.errors import StoreError
    from antrian.store.database import ENV_URL, open_database, resolve_url

    url = resolve_url(args.db or os.environ.get(ENV_URL) or _config().database)
    try:
        return open_database(url)
    except StoreError as error:
        if url.get_backend_name() == "sqlite" or error.code not in _SERVER_AWAY:
            raise
        print(f"antrian: {words.text('store.window.starting_offline', problem=error)}", file=sys.stderr)
        return open_database(url, check=False)


# What a window waits out (the server may come back); anything else is refused at once.
_SERVER_AWAY = frozenset({"store.unreachable", "store.link_lost"})


def _window_database(args: argparse.Namespace, window: str) -> Database | None:
    """The database the window ``window`` (its command: "kiosk", "counter 2") opens, set up first when needed.

    On an office not set up yet (no office profile and no admin) the first-run wizard opens instead, and the
    window after it. With no database named (``--db``, ``ANTRIAN_DATABASE_URL``, this PC's settings) and
    none at the default place, the wizard creates the default one when its summary is confirmed (the only
    window path that creates a database). A database named but missing is refused as by ``_open_for_window``.
    Returns None when the wizard was closed before the office was set up (said on stderr).
    """
    from antrian.store.database import ENV_URL, default_sqlite_path, open_database

    if not (args.db or os.environ.get(ENV_URL) or _config().database) and not default_sqlite_path().exists():
        return _set_up_first(lambda: open_database(create=True), window)
    db = _open_for_window(args)
    try:
        if not _wizard_due(db):
            return db
        if _set_up_first(lambda: db, window) is None:
            db.dispose()
            return None
    except BaseException:
        db.dispose()
        raise
    return db


def _wizard_due(db: Database) -> bool:
    """Whether the office still needs (and may get) the first-run set-up: no admin yet. A server that is
    away cannot tell: the window starts and waits for it, as it would anyway."""
    from antrian.domain.errors import StoreError
    from antrian.services.first_run import admin_exists, needs_setup

    try:
        with db.read() as session:
            return needs_setup(session) and not admin_exists(session)
    except StoreError as error:
        if db.is_sqlite or error.code not in _SERVER_AWAY:
            raise
        return False


def _set_up_first(open_database: Callable[[], Database], window: str | None) -> Database | None:
    """The set-up wizard (then the window ``window``, if given): the database set up, or None if closed."""
    from antrian.gui.app import run_setup

    log.info("the set-up wizard opens%s", f" before the {window} window" if window else "")
    done = run_setup(open_database, then=window)
    if done is None:
        from antrian.services.first_run import SETUP_COMMAND

        print(f"antrian: {words.text('setup.cancelled', command=SETUP_COMMAND)}", file=sys.stderr)
        return None
    db, outcome = done
    print(words.text("setup.finished", office=outcome.office, database=db.where, admin=outcome.admin))
    return db


def _config() -> Any:
    from antrian.config import load_config

    return load_config()


def _actor(session: Session, args: argparse.Namespace) -> Actor:
    """Who the command acts as: the ``--user`` whose password ``_open`` checked, else the system."""
    from antrian.domain.roles import SYSTEM

    if getattr(args, "user", None):
        acting: Actor = args.acting  # set by _open: no command acts as a user unproven
        return acting
    return SYSTEM


def _ticket_line(info: Any) -> str:
    from antrian.domain.priority import PriorityGroup
    from antrian.domain.status import Status

    line = f"{info.number}  {info.service_name}  {words.show(Status(info.status))}"
    if info.counter:
        line += "  " + words.text("cli.at_counter", counter=info.counter)
    if info.priority_group:
        line += "  " + words.text("cli.priority", group=PriorityGroup(info.priority_group))
    return line


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from antrian.store.database import ENV_URL, open_database
    from antrian.store.schema import upgrade

    db = open_database(args.db or os.environ.get(ENV_URL) or _config().database, create=True)
    try:
        revision = upgrade(db)
        _print(
            args,
            {"database": db.name, "revision": revision},
            words.text("cli.schema_at", database=db.where, revision=revision),
        )
    finally:
        db.dispose()
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    _demo_data(args)
    return EXIT_OK


def _demo_data(args: argparse.Namespace) -> dict[str, str]:
    """Install the sample office and report it; returns the users created now with their passwords."""
    from antrian.services.demo import install_demo
    from antrian.services.demo_history import install_history

    db = _open(args, create=True)
    try:
        with db.write() as session:
            created = install_demo(session, counters=args.counters, services=args.services)
        history = install_history(db, days=args.history_days)
    finally:
        db.dispose()
    tickets = sum(day.issued for day in history)
    if getattr(args, "json", False):
        made = {"days": len(history), "tickets": tickets}
        print(json.dumps({"database": db.name, "created_users": created, "history": made}))
        return created
    print(words.text("cli.demo_ready", database=db.where))
    if history:
        print(words.text("cli.demo_history", days=len(history), tickets=tickets))
    elif args.history_days:
        print(words.text("cli.demo_history_kept"))
    if created:
        print(words.text("cli.demo_new_users"))
        for username, password in created.items():
            print(f"  {username:<12} {password}")
    else:
        print(words.text("cli.demo_users_existed"))
    return created


def cmd_demo(args: argparse.Namespace) -> int:
    """The sample office and every window: the kiosk, the waiting-room display and counters 1 and 2."""
    from pathlib import Path

    from platformdirs import user_data_dir

    from antrian.gui.app import run_demo

    created = _demo_data(args)
    tickets = Path(user_data_dir("antrian", appauthor=False)) / "demo-tickets"
    print(words.text("cli.demo_windows", folder=str(tickets)))
    print(words.text("cli.demo_logins_filled" if created else "cli.demo_logins_earlier"))
    if "supervisor" in created:
        print(words.text("cli.demo_supervisor"))
    db = _open(args)
    try:
        logins = {n: (f"petugas{n}", created.get(f"petugas{n}", "")) for n in (1, 2)}
        supervisor = ("supervisor", created.get("supervisor", ""))
        return run_demo(
            db,
            log_json=getattr(args, "log_json", None),
            ticket_folder=str(tickets),
            logins=logins,
            supervisor=supervisor,
        )
    finally:
        db.dispose()


def _zones_of(db: Database, codes: Sequence[str] | None) -> tuple[str, ...] | None:
    """The zones a kiosk or display is limited to (--zone, else its TOML file's ``zones``), each checked
    against the database before the window opens: an unknown one is refused naming the zones there are."""
    if not codes:
        return None
    from antrian.domain.zone import zone_code
    from antrian.services.zones import zone_ids

    wanted = tuple(dict.fromkeys(zone_code(code) for code in codes))
    with db.read() as session:
        zone_ids(session, wanted)
    return wanted


def cmd_kiosk(args: argparse.Namespace) -> int:
    from antrian.gui.app import run_kiosk

    config = _config()
    printer = args.printer or os.environ.get("ANTRIAN_PRINTER") or config.kiosk_printer
    pin = os.environ.get("ANTRIAN_KIOSK_PIN") or config.kiosk_pin
    width = args.width or config.kiosk_paper_width
    db = _window_database(args, "kiosk")
    if db is None:
        return EXIT_NOTHING
    try:
        zones = _zones_of(db, args.zone or config.kiosk_zones)
        return run_kiosk(
            db, windowed=args.windowed, printer=printer, width_mm=width, exit_pin=pin, zones=zones
        )
    finally:
        db.dispose()


def cmd_survey(args: argparse.Namespace) -> int:
    """``antrian survey [--counter N]``: the touch survey of a counter (or, without one, the waiting room)."""
    from antrian.gui.app import run_survey

    db = _window_database(args, "survey" if args.counter is None else f"survey --counter {args.counter}")
    if db is None:
        return EXIT_NOTHING
    try:
        if args.counter is not None:  # an unknown counter is refused before the window opens
            from antrian.services.lookup import counter_by_number

            with db.read() as session:
                counter_by_number(session, args.counter)
        return run_survey(db, counter=args.counter, windowed=args.windowed)
    finally:
        db.dispose()


def cmd_counter_panel(args: argparse.Namespace) -> int:
    """``antrian counter [N]``: the panel of counter N, of this PC's counter, or of one chosen at login."""
    from antrian.gui.app import run_counter

    number = args.counter if args.counter is not None else _config().counter_number
    db = _window_database(args, "counter" if number is None else f"counter {number}")
    if db is None:
        return EXIT_NOTHING
    try:
        return run_counter(db, number=number)
    finally:
        db.dispose()


def cmd_display(args: argparse.Namespace) -> int:
    from antrian.gui.app import run_display

    db = _window_database(args, "display")
    if db is None:
        return EXIT_NOTHING
    try:
        config = _config()
        screen = args.screen if args.screen is not None else config.display_screen
        counters = args.counters if args.counters is not None else config.display_counters
        zones = _zones_of(db, args.zone or config.display_zones)
        return run_display(
            db, screen=screen, windowed=args.windowed, log_json=args.log_json, counters=counters, zones=zones
        )
    finally:
        db.dispose()


def cmd_supervisor(args: argparse.Namespace) -> int:
    """``antrian supervisor``: the live monitor, for a supervisor or admin login."""
    from antrian.gui.app import run_supervisor

    db = _window_database(args, "supervisor")
    if db is None:
        return EXIT_NOTHING
    try:
        return run_supervisor(db, windowed=args.windowed)
    finally:
        db.dispose()


def cmd_admin(args: argparse.Namespace) -> int:
    """``antrian admin``: the office set-up, for an admin (a supervisor may look)."""
    from antrian.gui.app import run_admin

    db = _open_for_window(args)
    try:
        return run_admin(db, windowed=args.windowed)
    finally:
        db.dispose()


def cmd_voice_test(args: argparse.Namespace) -> int:
    """Record a call as the display would announce it with the office's voice settings (chime, sentence,
    repeats), for an admin checking the voice on a PC without a display or speakers."""
    from datetime import UTC, datetime
    from pathlib import Path

    from antrian import words
    from antrian.domain.labels import format_label, parse_label
    from antrian.services.display import Call, get_voice_settings
    from antrian.services.lookup import service_by_code

    code, sequence = parse_label(args.number)
    db = _open(args)
    try:
        with db.read() as session:
            settings = get_voice_settings(session)
            service_name = service_by_code(session, code).name
    finally:
        db.dispose()
    from antrian.voice.calls import render_call_wav
    from antrian.voice.speech import wav_seconds

    number = format_label(code, sequence)
    call = Call(0, datetime.now(UTC), number, args.counter, code, service_name, recall=False)
    path = render_call_wav(call, settings, Path(args.wav))
    seconds = wav_seconds(path)
    _print(
        args,
        {"wav": str(path), "number": number, "counter": args.counter, "seconds": round(seconds, 2)},
        words.text("recording.written", number=number, counter=args.counter, path=str(path), seconds=seconds),
    )
    return EXIT_OK


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    from antrian.domain.roles import KIOSK
    from antrian.services.queue import issue_ticket_in

    db = _open(args)
    try:
        actor = KIOSK
        if args.user:
            with db.read() as session:
                actor = _actor(session, args)
        info = issue_ticket_in(db, args.code, priority=args.priority, actor=actor)
    finally:
        db.dispose()
    _print(args, info.to_json(), _ticket_line(info))
    return EXIT_OK


def cmd_ticket_cancel(args: argparse.Namespace) -> int:
    from antrian.services.queue import cancel

    return _ticket_op(args, lambda s, actor: cancel(s, args.number, actor=actor))


def cmd_ticket_print(args: argparse.Namespace) -> int:
    """Reprint a ticket, for admins testing a printer: ESC/POS to a file, network, USB or serial printer,
    or a PDF / system printer through Qt."""
    from antrian.services.slips import ticket_slip

    db = _open(args)
    try:
        with db.read() as session:
            slip = ticket_slip(session, args.id)
    finally:
        db.dispose()
    from antrian.printing.targets import printer_for

    printer_for(args.printer, args.width, single_file=True)(slip)
    _print(
        args,
        {"id": args.id, "number": slip.number, "printer": args.printer},
        words.text("cli.printed", ticket=slip.number, printer=args.printer),
    )
    return EXIT_OK


def _ticket_op(args: argparse.Namespace, operation: Callable[[Session, Actor], Any]) -> int:
    db = _open(args)
    try:
        with db.write() as session:
            info = operation(session, _actor(session, args))
    finally:
        db.dispose()
    _print(args, info.to_json(), _ticket_line(info))
    return EXIT_OK


def _counter_op(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from antrian.services import queue

        operation = getattr(queue, name)
        return _ticket_op(args, lambda s, actor: operation(s, args.counter, actor=actor))

    return run


def cmd_counter_call(args: argparse.Namespace) -> int:
    from antrian.services.queue import call_ticket

    return _ticket_op(args, lambda s, actor: call_ticket(s, args.counter, args.number, actor=actor))


def cmd_counter_resume(args: argparse.Namespace) -> int:
    from antrian.services.queue import resume

    return _ticket_op(args, lambda s, actor: resume(s, args.counter, args.number, actor=actor))


def cmd_counter_transfer(args: argparse.Namespace) -> int:
    from antrian.services.queue import transfer

    return _ticket_op(args, lambda s, actor: transfer(s, args.counter, args.to, actor=actor))


def _counter_state_op(args: argparse.Namespace, operation: Callable[[Session, Actor], Any]) -> int:
    db = _open(args)
    try:
        with db.write() as session:
            info = operation(session, _actor(session, args))
    finally:
        db.dispose()
    _print(args, info.to_json(), _counter_line(info))
    return EXIT_OK


def _counter_line(info: Any) -> str:
    state = words.text("counter_state." + info.state)
    if info.operator:
        return words.text("cli.counter_state_by", counter=info.number, state=state, user=info.operator)
    return words.text("cli.counter_state", counter=info.number, state=state)


def cmd_counter_open(args: argparse.Namespace) -> int:
    from antrian.services.counters import open_counter

    return _counter_state_op(args, lambda s, actor: open_counter(s, args.counter, actor=actor))


def cmd_counter_pause(args: argparse.Namespace) -> int:
    from antrian.services.counters import pause_counter

    return _counter_state_op(args, lambda s, actor: pause_counter(s, args.counter, args.reason, actor=actor))


def cmd_counter_close(args: argparse.Namespace) -> int:
    from antrian.services.counters import close_counter

    return _counter_state_op(args, lambda s, actor: close_counter(s, args.counter, actor=actor))


def cmd_counters(args: argparse.Namespace) -> int:
    from antrian.services.counters import list_counters

    db = _open(args)
    try:
        with db.read() as session:
            infos = list_counters(session)
    finally:
        db.dispose()
    lines = [
        f"{c.number:>3}  {c.name:<12} {words.text('counter_state.' + c.state):<10} {c.operator or '-':<12} "
        f"{c.current_ticket or '-'}"
        for c in infos
    ]
    _print(args, [c.to_json() for c in infos], "\n".join(lines) or words.text("cli.no_counters"))
    return EXIT_OK


def cmd_tickets(args: argparse.Namespace) -> int:
    from antrian.services.queries import tickets_for_day

    day = _day_option("--date", args.date) if args.date else None
    db = _open(args)
    try:
        with db.read() as session:
            infos = tickets_for_day(session, day)
    finally:
        db.dispose()
    _print(
        args,
        [t.to_json() for t in infos],
        "\n".join(_ticket_line(t) for t in infos) or words.text("cli.no_tickets"),
    )
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from antrian.services.queries import events_after

    db = _open(args)
    try:
        with db.read() as session:
            infos = events_after(session, args.after, args.limit)
    finally:
        db.dispose()
    lines = (f"{e.id:>8}  {e.at:%Y-%m-%d %H:%M:%S}  {e.kind:<20} {json.dumps(e.data)}" for e in infos)
    _print(args, [e.to_json() for e in infos], "\n".join(lines) or words.text("cli.no_events"))
    return EXIT_OK


def cmd_config_path(args: argparse.Namespace) -> int:
    from antrian.config import config_path

    config = _config()
    path = config_path()
    _print(
        args,
        {
            "path": str(path),
            "exists": path.exists(),
            "database": config.database,
            "kiosk_printer": config.kiosk_printer,
        },
        str(path) if path.exists() else words.text("cli.config_not_created", path=str(path)),
    )
    return EXIT_OK


def cmd_log_path(args: argparse.Namespace) -> int:
    described = logs.describe_setup()
    _print(args, described, described["path"])
    return EXIT_OK


def cmd_expire(args: argparse.Namespace) -> int:
    from antrian.services.queue import expire_past_days

    db = _open(args)
    try:
        with db.write() as session:
            count = expire_past_days(session, actor=_actor(session, args))
    finally:
        db.dispose()
    _print(args, {"expired": count}, words.text("cli.expired", n=count))
    return EXIT_OK


# --unit of ``antrian standard set`` as typed, and the unit each one is stored as (domain.timing.TimeUnit)
_UNITS = {"minutes": "minutes", "hours": "hours", "working-days": "working_days"}


def cmd_standard_set(args: argparse.Namespace) -> int:
    from antrian.domain.timing import standard_words
    from antrian.services.standards import StandardEntry, set_standard

    day = _day_option("--from", args.from_)
    db = _open(args)
    try:
        with db.write() as session:
            actor = _actor(session, args)
            entry = set_standard(
                session, actor, args.code, args.time, _UNITS[args.unit], args.waiting_target, day, args.decree
            )
            code = args.code.strip().upper()
    finally:
        db.dispose()
    shown = StandardEntry(code, entry, actor.name if actor.user_id is not None else None)
    _print(
        args,
        shown.to_json(),
        words.text(
            "cli.standard_set",
            service=code,
            standard=standard_words(entry.value, entry.unit),
            day=entry.effective_from.isoformat(),
        ),
    )
    return EXIT_OK


def cmd_standard_list(args: argparse.Namespace) -> int:
    from antrian.services.standards import list_standards

    db = _open(args)
    try:
        with db.read() as session:
            entries = list_standards(session, _actor(session, args), args.code)
    finally:
        db.dispose()
    _print(
        args,
        [entry.to_json() for entry in entries],
        "\n".join(_standard_line(entry) for entry in entries) or words.text("cli.no_standards"),
    )
    return EXIT_OK


def _standard_line(entry: Any) -> str:
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


def _day_option(option: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput("cli.bad_date", option=option, value=value) from None


def cmd_report(args: argparse.Namespace) -> int:
    """``antrian report``: the compliance report of a period as JSON (stdout without -o; ``--canonical`` for
    the bytes the PDF's SHA-256 is of), the log as CSV, or as an XLSX workbook or an evidence PDF (files only:
    their bytes on a terminal help nobody)."""
    from pathlib import Path

    from antrian.domain.roles import Permission
    from antrian.reports.exports import canonical_json, json_report, write_report, write_report_text
    from antrian.services.branding import get_logo
    from antrian.services.office import get_office
    from antrian.services.reports import compliance_report, report_log, standards_in_force
    from antrian.services.rollups import refresh_in_steps

    start, end = _day_option("--from", args.from_), _day_option("--to", args.to)
    if args.format in ("xlsx", "pdf") and not args.output:
        raise InvalidInput("report.xlsx_needs_file" if args.format == "xlsx" else "report.pdf_needs_file")
    if args.canonical and args.format != "json":
        raise InvalidInput("report.canonical_json_only")
    db = _open(args)
    try:
        with db.read() as session:
            _actor(session, args).require(Permission.REPORTS)
        refresh_in_steps(db, start, end)  # the closed days' roll-ups first (services.rollups)
        # one read transaction: the log streams from it while the file is written, and sees the same
        # tickets as the figures
        with db.read() as session:
            office, logo = get_office(session), get_logo(session)
            report = compliance_report(
                session,
                start,
                end,
                actor=_actor(session, args),
                service=args.service.strip().upper() if args.service else None,
                zone=args.zone,
                standard_for=standards_in_force(session),
            )
            if args.format in ("json", "csv", "xlsx") and not args.canonical:
                log = report_log(session, report)
                if args.output:
                    write_report(report, Path(args.output), args.format, office=office.name, log=log)
                else:
                    write_report_text(report, sys.stdout, args.format, log)
    finally:
        db.dispose()
    if args.format == "pdf":
        from antrian.printing.evidence_pdf import Signer, letterhead
        from antrian.printing.page import ensure_gui
        from antrian.printing.report_pdf import write_report_pdf

        ensure_gui()
        signer = Signer(args.signer or "", args.nip or "", args.place or "")
        write_report_pdf(report, Path(args.output), letterhead(office, logo), signer)
    elif args.canonical:
        write_canonical(args.output, canonical_json(json_report(report)))
    return EXIT_OK


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


def build_parser() -> argparse.ArgumentParser:
    """Every command, with its help in the current language (``words.set_language`` first).

    The help texts and argparse's own headings are looked up while the parser is built, so argparse's
    gettext hook (``_argparse_gettext``) is set before any parser exists: a parent parser built without it
    would bring its options under an English heading of their own. Not called at import time: the language
    is chosen first.
    """
    from antrian.domain.priority import PriorityGroup

    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
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
    user.add_argument("--user", type=_text("--user", SHORT_TEXT), help=words.text("help.option.user"))

    parser = _Parser(prog="antrian", description=words.text("help.antrian"), parents=[common])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    db = _command(sub, "db", words.text("help.db.summary"), words.text("help.db.about")).add_subparsers(
        dest="db_command", required=True
    )
    _command(
        db, "upgrade", words.text("help.db_upgrade.summary"), words.text("help.db_upgrade.about"), common
    ).set_defaults(func=cmd_db_upgrade)
    demo_data = _command(
        sub, "demo-data", words.text("help.demo_data.summary"), words.text("help.demo_data.about"), common
    )
    demo_data.set_defaults(func=cmd_demo_data)
    demo = _command(sub, "demo", words.text("help.demo.summary"), words.text("help.demo.about"), common)
    for sample in (demo_data, demo):
        sample.add_argument(
            "--counters",
            type=_whole("--counters", 1, 99),
            default=4,
            help=words.text("help.demo_data.counters"),
        )
        sample.add_argument(
            "--services",
            type=_whole("--services", 1, 24),
            default=4,
            help=words.text("help.demo_data.services"),
        )
        sample.add_argument(
            "--history-days",
            type=_whole("--history-days", 0, 60),
            default=20,
            help=words.text("help.demo_data.history_days"),
        )
    demo.add_argument(
        "--log-json",
        type=_text("--log-json", PATH_TEXT),
        metavar="FILE",
        help=words.text("help.demo.log_json"),
    )
    demo.set_defaults(func=cmd_demo)
    display = _command(
        sub, "display", words.text("help.display.summary"), words.text("help.display.about"), common
    )
    display.add_argument("--screen", type=_whole("--screen", 0, 99), help=words.text("help.display.screen"))
    display.add_argument("--windowed", action="store_true", help=words.text("help.option.windowed"))
    display.add_argument(
        "--counters",
        type=_counters,
        metavar="1-10,12",
        help=words.text("help.display.counters"),
    )
    display.add_argument(
        "--log-json",
        type=_text("--log-json", PATH_TEXT),
        metavar="FILE",
        help=words.text("help.display.log_json"),
    )
    display.set_defaults(func=cmd_display)
    kiosk = _command(sub, "kiosk", words.text("help.kiosk.summary"), words.text("help.kiosk.about"), common)
    kiosk.add_argument("--windowed", action="store_true", help=words.text("help.option.windowed"))
    kiosk.add_argument(
        "--printer", type=_text("--printer", TARGET_TEXT), help=words.text("help.kiosk.printer")
    )
    kiosk.add_argument("--width", type=_paper_width, metavar="{58,80}", help=words.text("help.kiosk.width"))
    kiosk.set_defaults(func=cmd_kiosk)
    survey = _command(
        sub, "survey", words.text("help.survey.summary"), words.text("help.survey.about"), common
    )
    survey.add_argument(
        "--counter", type=_whole("--counter", 1, INT32_MAX), help=words.text("help.survey.counter")
    )
    survey.add_argument("--windowed", action="store_true", help=words.text("help.survey.windowed"))
    survey.set_defaults(func=cmd_survey)
    for window, said in (
        (display, words.text("help.zone_option.display")),
        (kiosk, words.text("help.zone_option.kiosk")),
    ):
        window.add_argument(
            "--zone", action="append", type=_text("--zone", SHORT_TEXT), metavar="CODE", help=said
        )
    supervisor = _command(
        sub, "supervisor", words.text("help.supervisor.summary"), words.text("help.supervisor.about"), common
    )
    supervisor.add_argument("--windowed", action="store_true", help=words.text("help.supervisor.windowed"))
    supervisor.set_defaults(func=cmd_supervisor)
    admin = _command(sub, "admin", words.text("help.admin.summary"), words.text("help.admin.about"), common)
    admin.add_argument("--windowed", action="store_true", help=words.text("help.admin.windowed"))
    admin.set_defaults(func=cmd_admin)

    voice = _command(
        sub, "voice", words.text("help.voice.summary"), words.text("help.voice.about")
    ).add_subparsers(dest="voice_command", required=True)
    voice_test = _command(
        voice, "test", words.text("help.voice_test.summary"), words.text("help.voice_test.about"), common
    )
    voice_test.add_argument(
        "--wav",
        required=True,
        type=_text("--wav", PATH_TEXT),
        metavar="FILE",
        help=words.text("help.voice_test.wav"),
    )
    voice_test.add_argument("--number", default="A001", help=words.text("help.voice_test.number"))
    voice_test.add_argument(
        "--counter",
        type=_whole("--counter", 1, INT32_MAX),
        default=1,
        help=words.text("help.voice_test.counter"),
    )
    voice_test.set_defaults(func=cmd_voice_test)

    ticket = _command(
        sub, "ticket", words.text("help.ticket.summary"), words.text("help.ticket.about")
    ).add_subparsers(dest="ticket_command", required=True)
    issue = _command(
        ticket,
        "issue",
        words.text("help.ticket_issue.summary"),
        words.text("help.ticket_issue.about"),
        common,
    )
    issue.add_argument(
        "code", type=_text("CODE", SHORT_TEXT), metavar="CODE", help=words.text("help.ticket_issue.code")
    )
    # its own --user: without one, a ticket is issued as the kiosk issues it, not by the system
    issue.add_argument("--user", type=_text("--user", SHORT_TEXT), help=words.text("help.ticket_issue.user"))
    issue.add_argument(
        "--priority",
        type=_text("--priority", SHORT_TEXT),
        help=words.text("help.ticket_issue.priority", groups=[group.value for group in PriorityGroup]),
    )
    issue.set_defaults(func=cmd_ticket_issue)

    def ticket_number(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "number",
            type=_text("NUMBER", SHORT_TEXT),
            metavar="NUMBER",
            help=words.text("help.option.number"),
        )

    reprint = _command(
        ticket,
        "print",
        words.text("help.ticket_print.summary"),
        words.text("help.ticket_print.about"),
        common,
    )
    reprint.add_argument(
        "id",
        type=_whole("ID", 1, INT64_MAX),
        metavar="ID",
        help=words.text("help.ticket_print.id", command="antrian ticket issue --json"),
    )
    reprint.add_argument(
        "--printer",
        required=True,
        type=_text("--printer", TARGET_TEXT),
        help=words.text("help.ticket_print.printer"),
    )
    reprint.add_argument(
        "--width",
        type=_paper_width,
        metavar="{58,80}",
        default=80,
        help=words.text("help.ticket_print.width"),
    )
    reprint.set_defaults(func=cmd_ticket_print)
    cancel = _command(
        ticket,
        "cancel",
        words.text("help.ticket_cancel.summary"),
        words.text("help.ticket_cancel.about"),
        common,
        user,
    )
    ticket_number(cancel)
    cancel.set_defaults(func=cmd_ticket_cancel)

    counter = _command(
        sub,
        "counter",
        words.text("help.counter.summary"),
        words.text("help.counter.about", command="antrian counter [N]"),
    ).add_subparsers(dest="counter_command", required=True)

    def counter_command(
        name: str, func: Callable[[argparse.Namespace], int], summary: str, about: str
    ) -> argparse.ArgumentParser:
        command = _command(counter, name, summary, about, common, user)
        command.add_argument(
            "counter",
            type=_whole("COUNTER", 1, INT32_MAX),
            metavar="COUNTER",
            help=words.text("help.option.counter"),
        )
        command.set_defaults(func=func)
        return command

    panel = _command(
        counter,
        "panel",
        words.text("help.counter_panel.summary", command="antrian counter [N]"),
        words.text("help.counter_panel.about"),
        common,
    )
    panel.add_argument(
        "counter",
        type=_whole("COUNTER", 1, INT32_MAX),
        nargs="?",
        metavar="COUNTER",
        help=words.text("help.counter_panel.counter"),
    )
    panel.set_defaults(func=cmd_counter_panel)
    counter_command(
        "open",
        cmd_counter_open,
        words.text("help.counter_open.summary"),
        words.text("help.counter_open.about"),
    )
    counter_command(
        "pause",
        cmd_counter_pause,
        words.text("help.counter_pause.summary"),
        words.text("help.counter_pause.about"),
    ).add_argument(
        "--reason",
        required=True,
        type=_text("--reason", REASON_TEXT),
        help=words.text("help.counter_pause.reason"),
    )
    counter_command(
        "close",
        cmd_counter_close,
        words.text("help.counter_close.summary"),
        words.text("help.counter_close.about"),
    )
    counter_command(
        "call-next",
        _counter_op("call_next"),
        words.text("help.counter_call_next.summary"),
        words.text("help.counter_call_next.about"),
    )
    counter_command(
        "recall",
        _counter_op("recall"),
        words.text("help.counter_recall.summary"),
        words.text("help.counter_recall.about"),
    )
    counter_command(
        "start",
        _counter_op("start"),
        words.text("help.counter_start.summary"),
        words.text("help.counter_start.about"),
    )
    counter_command(
        "finish",
        _counter_op("finish"),
        words.text("help.counter_finish.summary"),
        words.text("help.counter_finish.about"),
    )
    counter_command(
        "no-show",
        _counter_op("no_show"),
        words.text("help.counter_no_show.summary"),
        words.text("help.counter_no_show.about"),
    )
    counter_command(
        "hold",
        _counter_op("hold"),
        words.text("help.counter_hold.summary"),
        words.text("help.counter_hold.about", command="antrian counter resume"),
    )
    ticket_number(
        counter_command(
            "call",
            cmd_counter_call,
            words.text("help.counter_call.summary"),
            words.text("help.counter_call.about"),
        )
    )
    ticket_number(
        counter_command(
            "resume",
            cmd_counter_resume,
            words.text("help.counter_resume.summary"),
            words.text("help.counter_resume.about"),
        )
    )
    counter_command(
        "transfer",
        cmd_counter_transfer,
        words.text("help.counter_transfer.summary"),
        words.text("help.counter_transfer.about"),
    ).add_argument(
        "--to",
        required=True,
        type=_text("--to", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.counter_transfer.to"),
    )

    _command(
        sub, "counters", words.text("help.counters.summary"), words.text("help.counters.about"), common
    ).set_defaults(func=cmd_counters)
    tickets = _command(
        sub, "tickets", words.text("help.tickets.summary"), words.text("help.tickets.about"), common
    )
    tickets.add_argument(
        "--date",
        type=_text("--date", SHORT_TEXT),
        metavar="YYYY-MM-DD",
        help=words.text("help.tickets.date"),
    )
    tickets.set_defaults(func=cmd_tickets)
    events = _command(
        sub, "events", words.text("help.events.summary"), words.text("help.events.about"), common
    )
    events.add_argument(
        "--after",
        type=_whole("--after", 0, INT64_MAX),
        default=0,
        metavar="ID",
        help=words.text("help.events.after"),
    )
    events.add_argument(
        "--limit",
        type=_whole("--limit", 1, INT64_MAX),
        default=1000,
        metavar="N",
        help=words.text("help.events.limit"),
    )
    events.set_defaults(func=cmd_events)
    _command(
        sub,
        "config-path",
        words.text("help.config_path.summary"),
        words.text("help.config_path.about"),
        common,
    ).set_defaults(func=cmd_config_path)
    _command(
        sub, "log-path", words.text("help.log_path.summary"), words.text("help.log_path.about"), common
    ).set_defaults(func=cmd_log_path)
    _command(
        sub, "expire", words.text("help.expire.summary"), words.text("help.expire.about"), common, user
    ).set_defaults(func=cmd_expire)

    standard = _command(
        sub, "standard", words.text("help.standard.summary"), words.text("help.standard.about")
    ).add_subparsers(dest="standard_command", required=True)
    standard_set = _command(
        standard,
        "set",
        words.text("help.standard_set.summary"),
        words.text("help.standard_set.about"),
        common,
        user,
    )
    standard_set.add_argument(
        "code", type=_text("CODE", SHORT_TEXT), metavar="CODE", help=words.text("help.standard_set.code")
    )
    standard_set.add_argument(
        "--time",
        required=True,
        type=_whole("--time", 1, INT32_MAX),
        metavar="N",
        help=words.text("help.standard_set.time"),
    )
    standard_set.add_argument(
        "--unit", required=True, choices=list(_UNITS), help=words.text("help.standard_set.unit")
    )
    standard_set.add_argument(
        "--waiting-target",
        type=_whole("--waiting-target", 1, INT32_MAX),
        metavar="MINUTES",
        help=words.text("help.standard_set.waiting_target"),
    )
    standard_set.add_argument(
        "--from",
        dest="from_",
        required=True,
        type=_text("--from", SHORT_TEXT),
        metavar="YYYY-MM-DD",
        help=words.text("help.standard_set.from"),
    )
    standard_set.add_argument(
        "--decree", type=_text("--decree", DECREE_TEXT), help=words.text("help.standard_set.decree")
    )
    standard_set.set_defaults(func=cmd_standard_set)
    standard_list = _command(
        standard,
        "list",
        words.text("help.standard_list.summary"),
        words.text("help.standard_list.about"),
        common,
        user,
    )
    standard_list.add_argument(
        "code",
        nargs="?",
        type=_text("CODE", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.standard_list.code"),
    )
    standard_list.set_defaults(func=cmd_standard_list)
    report = _command(
        sub, "report", words.text("help.report.summary"), words.text("help.report.about"), common, user
    )
    period_options(
        report,
        words.text("help.report.from"),
        words.text("help.report.to"),
        words.text("help.report.service"),
    )
    report.add_argument(
        "--zone", type=_text("--zone", SHORT_TEXT), metavar="CODE", help=words.text("help.zone_option.report")
    )
    report.add_argument(
        "--format",
        required=True,
        choices=["json", "csv", "xlsx", "pdf"],
        help=words.text("help.report.format"),
    )
    evidence_options(report)
    report.add_argument(
        "-o", "--output", type=_text("-o", PATH_TEXT), metavar="FILE", help=words.text("help.report.output")
    )
    report.set_defaults(func=cmd_report)
    # service, counter; holiday, break; setup; user, audit; zone; skm
    from antrian.cli import (
        calendar as cli_calendar,
    )
    from antrian.cli import (
        first_run as cli_first_run,
    )
    from antrian.cli import (
        setup as cli_setup,
    )
    from antrian.cli import (
        skm as cli_skm,
    )
    from antrian.cli import (
        users as cli_users,
    )
    from antrian.cli import (
        zones as cli_zones,
    )

    cli_setup.add_commands(sub, counter, common, user)
    cli_calendar.add_commands(sub, common, user)
    cli_first_run.add_commands(sub, common)
    cli_users.add_commands(sub, common, user)
    cli_zones.add_commands(sub, common, user)
    cli_skm.add_commands(sub, common, user)
    return parser


def period_options(parser: argparse.ArgumentParser, first: str, last: str, service: str) -> None:
    """A report's ``--from`` and ``--to`` (service days, as ``from_`` and ``to``) and ``--service CODE``,
    with their help texts."""
    for option, dest, said in (("--from", "from_", first), ("--to", "to", last)):
        parser.add_argument(
            option,
            dest=dest,
            required=True,
            type=_text(option, SHORT_TEXT),
            metavar="YYYY-MM-DD",
            help=said,
        )
    parser.add_argument("--service", type=_text("--service", SHORT_TEXT), metavar="CODE", help=service)


def evidence_options(parser: argparse.ArgumentParser) -> None:
    """An evidence report's ``--canonical`` (the JSON whose SHA-256 its PDF prints) and its PDF's signer
    (``--signer``, ``--nip``, ``--place``; ``printing.evidence_pdf.Signer``)."""
    parser.add_argument("--canonical", action="store_true", help=words.text("help.report.canonical"))
    for option, metavar, said in (
        ("--signer", "NAME", words.text("help.report.signer")),
        ("--nip", "NIP", words.text("help.report.nip")),
        ("--place", "PLACE", words.text("help.report.place")),
    ):
        parser.add_argument(option, type=_text(option, SHORT_TEXT), metavar=metavar, help=said)


def _command(
    group: argparse._SubParsersAction[Any],
    name: str,
    summary: str,
    about: str,
    *parents: argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    """A command of ``group``: ``summary`` is its line in the group's list, ``about`` the sentence of its own
    ``--help``."""
    parser: argparse.ArgumentParser = group.add_parser(
        name, parents=list(parents), help=summary, description=about
    )
    return parser


def _panel_shorthand(argv: list[str]) -> list[str]:
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
        args = build_parser().parse_args(_panel_shorthand(arguments))
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


def _command_name(args: argparse.Namespace) -> str:
    """What each log line of this run names: "ticket issue", "counter call-next", "display"."""
    command = str(args.command)
    sub = getattr(args, f"{command.replace('-', '_')}_command", None)
    return f"{command} {sub}" if sub else command


_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@/\s]*@")
_SECRET_OPTION = re.compile(r"--[\w-]*(password|pin|secret|token)[\w-]*", re.IGNORECASE)
_LOGGED_WORD = 200


def _loggable(words: list[str]) -> list[str]:
    """The arguments as the log shows them: passwords masked (in database URLs and after options that
    carry them), very long words shortened."""
    shown: list[str] = []
    hide_next = False
    for word in words:
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
    from antrian import words

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
    from antrian import words

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


if __name__ == "__main__":
    run()
