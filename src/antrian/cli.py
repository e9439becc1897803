"""The `antrian` command: database set-up, demo data, scripted queue operations, windows.

Exit codes: 0 done; 2 bad input or an illegal action (message on stderr); 3 nothing to do; 1 anything else.
No path here imports Qt: windows are imported only by the commands that open them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from antrian.domain.echo import shorten
from antrian.domain.errors import AntrianError, InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.store.database import Database

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_NOTHING = 0, 1, 2, 3
# The widest whole numbers the database holds: counter numbers are INTEGER (32 bits on PostgreSQL), ticket
# and event ids BIGINT (tests/cli check these against the models).
INT32_MAX, INT64_MAX = 2**31 - 1, 2**63 - 1
# The longest text an option takes: names and codes are short (the echo of a longer one is cut), a pause
# reason is stored in 200 characters, a printer target or a file path may be longer.
SHORT_TEXT, REASON_TEXT, TARGET_TEXT, PATH_TEXT = 60, 200, 300, 4096


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # one short line, whatever was typed: argparse's own words (which repeat the input), cut short,
        # and where the full usage is; not the usage itself
        raise InvalidInput("input.usage", problem=shorten(message, 120), command=self.prog)


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

    return open_database(args.db or os.environ.get(ENV_URL) or _config().database, create=create)


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


def _config() -> Any:
    from antrian.config import load_config

    return load_config()


def _actor(session: Session, args: argparse.Namespace) -> Actor:
    from antrian.domain.roles import SYSTEM
    from antrian.services.users import actor_for

    return actor_for(session, args.user) if getattr(args, "user", None) else SYSTEM


def _ticket_line(info: Any) -> str:
    where = f" at counter {info.counter}" if info.counter else ""
    priority = f" [prioritas: {info.priority_group}]" if info.priority_group else ""
    return f"{info.number}  {info.service_name}  {info.status}{where}{priority}"


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from antrian.store.database import ENV_URL, open_database
    from antrian.store.schema import upgrade

    db = open_database(args.db or os.environ.get(ENV_URL) or _config().database, create=True)
    try:
        revision = upgrade(db)
        _print(args, {"database": db.name, "revision": revision}, f"{db.name} is at schema {revision}")
    finally:
        db.dispose()
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    _demo_data(args)
    return EXIT_OK


def _demo_data(args: argparse.Namespace) -> dict[str, str]:
    """Install the sample office and report it; returns the users created now with their passwords."""
    from antrian.services.demo import install_demo

    db = _open(args, create=True)
    try:
        with db.write() as session:
            created = install_demo(session)
    finally:
        db.dispose()
    if getattr(args, "json", False):
        print(json.dumps({"database": db.name, "created_users": created}))
        return created
    print(f"Sample office ready in {db.name}")
    if created:
        print("New users and their passwords (shown only this once):")
        for username, password in created.items():
            print(f"  {username:<12} {password}")
    else:
        print("All sample users already existed; their passwords are unchanged.")
    return created


def cmd_demo(args: argparse.Namespace) -> int:
    """The sample office and every window: the kiosk, the waiting-room display and counters 1 and 2."""
    from pathlib import Path

    from platformdirs import user_data_dir

    from antrian.gui.app import run_demo

    created = _demo_data(args)
    tickets = Path(user_data_dir("antrian", appauthor=False)) / "demo-tickets"
    print(
        "Kiosk, display and counters 1 and 2 open. Touch a service on the kiosk; "
        f"its ticket is saved as a PDF in {tickets}."
    )
    if created:
        print("The counter windows are filled in for petugas1 and petugas2: press Enter to log in.")
    else:
        print(
            "Log in to the counters as petugas1 and petugas2 with the passwords shown when the sample "
            "office was made."
        )
    db = _open(args)
    try:
        logins = {n: (f"petugas{n}", created.get(f"petugas{n}", "")) for n in (1, 2)}
        return run_demo(
            db, log_json=getattr(args, "log_json", None), ticket_folder=str(tickets), logins=logins
        )
    finally:
        db.dispose()


def cmd_kiosk(args: argparse.Namespace) -> int:
    from antrian.gui.app import run_kiosk

    config = _config()
    printer = args.printer or os.environ.get("ANTRIAN_PRINTER") or config.kiosk_printer
    pin = os.environ.get("ANTRIAN_KIOSK_PIN") or config.kiosk_pin
    width = args.width or config.kiosk_paper_width
    db = _open_for_window(args)
    try:
        return run_kiosk(db, windowed=args.windowed, printer=printer, width_mm=width, exit_pin=pin)
    finally:
        db.dispose()


def cmd_counter_panel(args: argparse.Namespace) -> int:
    """``antrian counter [N]``: the panel of counter N, of this PC's counter, or of one chosen at login."""
    from antrian.gui.app import run_counter

    number = args.counter if args.counter is not None else _config().counter_number
    db = _open_for_window(args)
    try:
        return run_counter(db, number=number)
    finally:
        db.dispose()


def cmd_display(args: argparse.Namespace) -> int:
    from antrian.gui.app import run_display

    db = _open_for_window(args)
    try:
        screen = args.screen if args.screen is not None else _config().display_screen
        return run_display(db, screen=screen, windowed=args.windowed, log_json=args.log_json)
    finally:
        db.dispose()


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
        f"{slip.number} sent to {args.printer}",
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
    operator = f" ({info.operator})" if info.operator else ""
    _print(args, info.to_json(), f"counter {info.number}: {info.state}{operator}")
    return EXIT_OK


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
        f"{c.number:>3}  {c.name:<12} {c.state:<7} {c.operator or '-':<12} {c.current_ticket or '-'}"
        for c in infos
    ]
    _print(args, [c.to_json() for c in infos], "\n".join(lines) or "no counters")
    return EXIT_OK


def cmd_tickets(args: argparse.Namespace) -> int:
    from antrian.services.queries import tickets_for_day

    try:
        day = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise InvalidInput(f"--date {args.date!r} is not a date like 2026-11-30") from None
    db = _open(args)
    try:
        with db.read() as session:
            infos = tickets_for_day(session, day)
    finally:
        db.dispose()
    _print(args, [t.to_json() for t in infos], "\n".join(_ticket_line(t) for t in infos) or "no tickets")
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
    _print(args, [e.to_json() for e in infos], "\n".join(lines) or "no events")
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
        str(path) + ("" if path.exists() else " (not created yet)"),
    )
    return EXIT_OK


def cmd_expire(args: argparse.Namespace) -> int:
    from antrian.services.queue import expire_past_days

    db = _open(args)
    try:
        with db.write() as session:
            count = expire_past_days(session, actor=_actor(session, args))
    finally:
        db.dispose()
    _print(args, {"expired": count}, f"{count} ticket(s) of past days expired")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL or SQLite file path")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    user = argparse.ArgumentParser(add_help=False)
    user.add_argument(
        "--user",
        type=_text("--user", SHORT_TEXT),
        help="act as this user (recorded in the log); default: the system",
    )

    parser = _Parser(prog="antrian", description=__doc__.splitlines()[0], parents=[common])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    db = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", parents=[common], help="create or migrate the schema").set_defaults(
        func=cmd_db_upgrade
    )
    sub.add_parser("demo-data", parents=[common], help="install the sample office").set_defaults(
        func=cmd_demo_data
    )
    demo = sub.add_parser("demo", parents=[common], help="start every window on the sample office")
    demo.add_argument(
        "--log-json",
        type=_text("--log-json", PATH_TEXT),
        help="append one JSON line per call shown to this file",
    )
    demo.set_defaults(func=cmd_demo)
    display = sub.add_parser("display", parents=[common], help="the waiting-room display (full screen)")
    display.add_argument("--screen", type=_whole("--screen", 0, 99), help="monitor number, 0 = the first")
    display.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    display.add_argument(
        "--log-json",
        type=_text("--log-json", PATH_TEXT),
        help="append one JSON line per call shown and spoken to this file",
    )
    display.set_defaults(func=cmd_display)
    kiosk = sub.add_parser("kiosk", parents=[common], help="the self-service kiosk (full screen, touch)")
    kiosk.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    kiosk.add_argument(
        "--printer",
        type=_text("--printer", TARGET_TEXT),
        help="file:PATH | tcp:HOST:PORT | usb:VID:PID | serial:DEV | pdf:FOLDER | system[:NAME]",
    )
    kiosk.add_argument(
        "--width", type=_paper_width, metavar="{58,80}", help="thermal paper width in mm (default 80)"
    )
    kiosk.set_defaults(func=cmd_kiosk)

    ticket = sub.add_parser("ticket", help="tickets").add_subparsers(dest="ticket_command", required=True)
    issue = ticket.add_parser("issue", parents=[common, user], help="issue a ticket")
    issue.add_argument("code", type=_text("CODE", SHORT_TEXT), help="service code, e.g. A")
    issue.add_argument(
        "--priority",
        type=_text("--priority", SHORT_TEXT),
        help="priority group (Pelayanan Khusus), e.g. lansia",
    )
    issue.set_defaults(func=cmd_ticket_issue)
    reprint = ticket.add_parser("print", parents=[common], help="print a ticket again (printer test)")
    reprint.add_argument(
        "id", type=_whole("ID", 1, INT64_MAX), help="ticket id (the 'id' field of ticket issue --json)"
    )
    reprint.add_argument(
        "--printer",
        required=True,
        type=_text("--printer", TARGET_TEXT),
        help="file:PATH | tcp:HOST:PORT | usb:VID:PID | serial:DEV[:BAUD] | pdf:PATH | system[:NAME]",
    )
    reprint.add_argument(
        "--width", type=_paper_width, metavar="{58,80}", default=80, help="paper width in mm (ESC/POS)"
    )
    reprint.set_defaults(func=cmd_ticket_print)
    cancel = ticket.add_parser("cancel", parents=[common, user], help="cancel today's ticket")
    cancel.add_argument("number", type=_text("NUMBER", SHORT_TEXT), help="ticket number, e.g. A007")
    cancel.set_defaults(func=cmd_ticket_cancel)

    counter = sub.add_parser("counter", help="counter operations").add_subparsers(
        dest="counter_command", required=True
    )

    def counter_command(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> Any:
        command = counter.add_parser(name, parents=[common, user], help=help_text)
        command.add_argument("counter", type=_whole("COUNTER", 1, INT32_MAX), help="counter number")
        command.set_defaults(func=func)
        return command

    panel = counter.add_parser(
        "panel", parents=[common], help="the counter panel window (also: antrian counter [N])"
    )
    panel.add_argument(
        "counter",
        type=_whole("COUNTER", 1, INT32_MAX),
        nargs="?",
        help="counter number (default: this PC's, or ask)",
    )
    panel.set_defaults(func=cmd_counter_panel)
    counter_command("open", cmd_counter_open, "open the counter (or end its break)")
    counter_command("pause", cmd_counter_pause, "take a break").add_argument(
        "--reason", required=True, type=_text("--reason", REASON_TEXT)
    )
    counter_command("close", cmd_counter_close, "close the counter")
    counter_command("call-next", _counter_op("call_next"), "call the next citizen")
    for name, function, help_text in (
        ("recall", "recall", "call the current ticket again"),
        ("start", "start", "start serving the current ticket"),
        ("finish", "finish", "finish the current ticket"),
        ("no-show", "no_show", "the called citizen did not come"),
        ("hold", "hold", "set the current ticket aside"),
    ):
        counter_command(name, _counter_op(function), help_text)
    counter_command("call", cmd_counter_call, "call a given number").add_argument(
        "number", type=_text("NUMBER", SHORT_TEXT)
    )
    counter_command("resume", cmd_counter_resume, "bring a held ticket back").add_argument(
        "number", type=_text("NUMBER", SHORT_TEXT)
    )
    counter_command(
        "transfer", cmd_counter_transfer, "send the current ticket to another service"
    ).add_argument("--to", required=True, type=_text("--to", SHORT_TEXT), help="target service code")

    sub.add_parser("counters", parents=[common], help="list counters and their state").set_defaults(
        func=cmd_counters
    )
    tickets = sub.add_parser("tickets", parents=[common], help="a day's tickets with every timestamp")
    tickets.add_argument(
        "--date", type=_text("--date", SHORT_TEXT), help="service day YYYY-MM-DD (default: today)"
    )
    tickets.set_defaults(func=cmd_tickets)
    events = sub.add_parser("events", parents=[common], help="the event log after an id")
    events.add_argument("--after", type=_whole("--after", 0, INT64_MAX), default=0)
    events.add_argument("--limit", type=_whole("--limit", 1, INT64_MAX), default=1000)
    events.set_defaults(func=cmd_events)
    sub.add_parser(
        "config-path", parents=[common], help="where this PC's settings file is read from"
    ).set_defaults(func=cmd_config_path)
    sub.add_parser("expire", parents=[common, user], help="expire open tickets of past days").set_defaults(
        func=cmd_expire
    )
    return parser


def _panel_shorthand(argv: list[str]) -> list[str]:
    """``antrian [options] counter [N] [options]`` is the panel window: ``counter panel [N]``."""
    skip = False
    for index, word in enumerate(argv):
        if skip or word.startswith("-"):
            skip = word == "--db"  # the one option before the command that takes a value
            continue
        if word != "counter":
            return argv
        rest = argv[index + 1 :]
        if not rest or rest[0].isdigit() or (rest[0].startswith("-") and rest[0] not in ("-h", "--help")):
            return [*argv[: index + 1], "panel", *rest]
        return argv
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(_panel_shorthand(list(sys.argv[1:] if argv is None else argv)))
        args.db = getattr(args, "db", None)
        args.json = getattr(args, "json", False)
        return int(args.func(args))
    except AntrianError as error:
        print(f"antrian: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the CLI never shows a traceback unless asked to
        if os.environ.get("ANTRIAN_DEBUG"):
            raise
        print(f"antrian: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


def run() -> None:
    """Console entry point: ``main`` then an immediate exit.

    Every command has committed and closed its database before ``main`` returns, so the interpreter's
    teardown (about 100 ms of garbage collection of SQLAlchemy's objects, a fifth of the CLI's cold-start
    budget) has nothing left to do that matters; the output streams are flushed first.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
