"""The window commands: ``antrian demo``, ``display``, ``kiosk``, ``survey``, ``supervisor``, ``admin`` and
``counter [N]`` (the panel). The only module of the command line that opens windows: ``antrian.gui`` (and
with it Qt) is imported by a command when it runs, never by the queue commands.

Each window opens its database with ``open_for(args, window=...)``: it starts while its server is away, and
on an office not set up yet the first-run wizard opens first (the admin window excepted).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.database import machine_config, open_for
from antrian.cli.exits import EXIT_NOTHING
from antrian.cli.inputs import (
    INT32_MAX,
    PATH_TEXT,
    SHORT_TEXT,
    TARGET_TEXT,
    counters,
    paper_width,
    printable,
    whole,
)
from antrian.cli.install import demo_data, sample_options
from antrian.cli.parsing import Command, Commands, SubParsers

if TYPE_CHECKING:
    from antrian.store.database import Database


def cmd_demo(args: argparse.Namespace) -> int:
    """The sample office and every window: the kiosk, the waiting-room display and counters 1 and 2."""
    from pathlib import Path

    from platformdirs import user_data_dir

    from antrian.gui.app import run_demo

    created = demo_data(args)
    tickets = Path(user_data_dir("antrian", appauthor=False)) / "demo-tickets"
    print(words.text("cli.demo_windows", folder=str(tickets)))
    print(words.text("cli.demo_logins_filled" if created else "cli.demo_logins_earlier"))
    if "supervisor" in created:
        print(words.text("cli.demo_supervisor"))
    db = open_for(args)
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

    config = machine_config()
    printer = args.printer or os.environ.get("ANTRIAN_PRINTER") or config.kiosk_printer
    pin = os.environ.get("ANTRIAN_KIOSK_PIN") or config.kiosk_pin
    width = args.width or config.kiosk_paper_width
    db = open_for(args, window="kiosk", first_run=True)
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

    window = "survey" if args.counter is None else f"survey --counter {args.counter}"
    db = open_for(args, window=window, first_run=True)
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

    number = args.counter if args.counter is not None else machine_config().counter_number
    db = open_for(args, window="counter" if number is None else f"counter {number}", first_run=True)
    if db is None:
        return EXIT_NOTHING
    try:
        return run_counter(db, number=number)
    finally:
        db.dispose()


def cmd_display(args: argparse.Namespace) -> int:
    from antrian.gui.app import run_display

    db = open_for(args, window="display", first_run=True)
    if db is None:
        return EXIT_NOTHING
    try:
        config = machine_config()
        screen = args.screen if args.screen is not None else config.display_screen
        shown = args.counters if args.counters is not None else config.display_counters
        zones = _zones_of(db, args.zone or config.display_zones)
        return run_display(
            db, screen=screen, windowed=args.windowed, log_json=args.log_json, counters=shown, zones=zones
        )
    finally:
        db.dispose()


def cmd_supervisor(args: argparse.Namespace) -> int:
    """``antrian supervisor``: the live monitor, for a supervisor or admin login."""
    from antrian.gui.app import run_supervisor

    db = open_for(args, window="supervisor", first_run=True)
    if db is None:
        return EXIT_NOTHING
    try:
        return run_supervisor(db, windowed=args.windowed)
    finally:
        db.dispose()


def cmd_admin(args: argparse.Namespace) -> int:
    """``antrian admin``: the office set-up, for an admin (a supervisor may look)."""
    from antrian.gui.app import run_admin

    db = open_for(args, window="admin", first_run=True)
    if db is None:
        return EXIT_NOTHING
    try:
        return run_admin(db, windowed=args.windowed)
    finally:
        db.dispose()


def _windowed(command: argparse.ArgumentParser, said: str) -> None:
    command.add_argument("--windowed", action="store_true", help=said)


def _log_json(command: argparse.ArgumentParser, said: str) -> None:
    command.add_argument("--log-json", type=printable("--log-json", PATH_TEXT), metavar="FILE", help=said)


def _zone(command: argparse.ArgumentParser, said: str) -> None:
    command.add_argument(
        "--zone", action="append", type=printable("--zone", SHORT_TEXT), metavar="CODE", help=said
    )


def add_commands(commands: Commands) -> None:
    """``demo``, ``display``, ``kiosk``, ``survey``, ``supervisor`` and ``admin``."""

    def window(name: str, func: Command, summary: str, about: str) -> argparse.ArgumentParser:
        return commands.command(commands.sub, name, func, summary, about, user=False)

    demo = window("demo", cmd_demo, words.text("help.demo.summary"), words.text("help.demo.about"))
    sample_options(demo)
    _log_json(demo, words.text("help.demo.log_json"))
    display = window(
        "display", cmd_display, words.text("help.display.summary"), words.text("help.display.about")
    )
    display.add_argument("--screen", type=whole("--screen", 0, 99), help=words.text("help.display.screen"))
    _windowed(display, words.text("help.option.windowed"))
    display.add_argument(
        "--counters", type=counters, metavar="1-10,12", help=words.text("help.display.counters")
    )
    _log_json(display, words.text("help.display.log_json"))
    _zone(display, words.text("help.zone_option.display"))
    kiosk = window("kiosk", cmd_kiosk, words.text("help.kiosk.summary"), words.text("help.kiosk.about"))
    _windowed(kiosk, words.text("help.option.windowed"))
    kiosk.add_argument(
        "--printer", type=printable("--printer", TARGET_TEXT), help=words.text("help.kiosk.printer")
    )
    kiosk.add_argument("--width", type=paper_width, metavar="{58,80}", help=words.text("help.kiosk.width"))
    _zone(kiosk, words.text("help.zone_option.kiosk"))
    survey = window("survey", cmd_survey, words.text("help.survey.summary"), words.text("help.survey.about"))
    survey.add_argument(
        "--counter", type=whole("--counter", 1, INT32_MAX), help=words.text("help.survey.counter")
    )
    _windowed(survey, words.text("help.survey.windowed"))
    supervisor = window(
        "supervisor",
        cmd_supervisor,
        words.text("help.supervisor.summary"),
        words.text("help.supervisor.about"),
    )
    _windowed(supervisor, words.text("help.supervisor.windowed"))
    admin = window("admin", cmd_admin, words.text("help.admin.summary"), words.text("help.admin.about"))
    _windowed(admin, words.text("help.admin.windowed"))


def add_panel_command(commands: Commands, counter: SubParsers) -> None:
    """``counter panel [N]``, which ``antrian counter [N]`` means (``antrian.cli.main``)."""
    panel = commands.command(
        counter,
        "panel",
        cmd_counter_panel,
        words.text("help.counter_panel.summary", command="antrian counter [N]"),
        words.text("help.counter_panel.about"),
        user=False,
    )
    panel.add_argument(
        "counter",
        type=whole("COUNTER", 1, INT32_MAX),
        nargs="?",
        metavar="COUNTER",
        help=words.text("help.counter_panel.counter"),
    )
