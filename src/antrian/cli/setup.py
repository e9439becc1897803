"""``antrian service|counter add/edit/list``: the office set-up from the command line, through the same
service functions as the windows (``services.setup``), acting as ``--user`` or as the system
(``antrian.cli.login``). The calendar's commands are ``antrian.cli.calendar``'s.

Lists take ``--json``; adding and editing print what was saved (as JSON with ``--json``). Bad input is exit 2
and saves nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from antrian import words
from antrian.cli.inputs import INT32_MAX, NAME_TEXT, SHORT_TEXT, UNITS, clock_time, codes, printable, whole
from antrian.cli.output import listed, saved
from antrian.cli.parsing import Commands, SubParsers
from antrian.domain.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from antrian.domain.roles import Actor
    from antrian.services.results import CounterInfo
    from antrian.services.setup import ServiceInfo


# services


def _service_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The service fields given on the command line (None: not given, unchanged)."""
    given = {
        "standard_time": args.time,
        "standard_unit": UNITS[args.unit] if args.unit else None,
        "waiting_target_minutes": args.waiting_target,
        "daily_quota": args.quota,
        "opens_at": args.opens,
        "closes_at": args.closes,
        "open_days": args.days,
    }
    return {key: value for key, value in given.items() if value is not None}


def _service_line(info: ServiceInfo) -> str:
    line = _plain_service_line(info)
    return line if info.zone is None else f"{line}  [{info.zone}]"


def _plain_service_line(info: ServiceInfo) -> str:
    from antrian.domain.timing import standard_words

    target = (
        words.text("cli.waiting_target", n=info.waiting_target_minutes)
        if info.waiting_target_minutes is not None
        else words.text("setup_cli.no_target")
    )
    quota = (
        words.text("setup_cli.quota", n=info.daily_quota)
        if info.daily_quota is not None
        else words.text("setup_cli.no_quota")
    )
    if info.opens_at is None and info.closes_at is None:
        hours = words.text("setup_cli.all_day")
    elif info.closes_at is None:
        hours = words.text("setup_cli.opens_at", opens=info.opens_at)
    elif info.opens_at is None:
        hours = words.text("setup_cli.closes_at", closes=info.closes_at)
    else:
        hours = words.text("setup_cli.hours", opens=info.opens_at, closes=info.closes_at)
    return words.text(
        "setup_cli.service",
        code=info.code,
        name=info.name,
        standard=words.say(standard_words(info.standard_time, info.standard_unit)),
        target=target,
        quota=quota,
        hours=hours,
        days=info.open_days,
    )


def _zone(args: argparse.Namespace) -> dict[str, Any]:
    """--zone CODE / --no-zone as the ``zone`` keyword (nothing when neither is given: unchanged)."""
    if getattr(args, "no_zone", False):
        return {"zone": None}
    return {} if args.zone is None else {"zone": args.zone}


def cmd_service_add(args: argparse.Namespace) -> int:
    from antrian.services.setup import add_service

    fields = _service_fields(args) | _zone(args)
    return saved(
        args, lambda s, actor: add_service(s, args.code, args.name, actor=actor, **fields), _service_line
    )


def cmd_service_edit(args: argparse.Namespace) -> int:
    from antrian.domain.labels import validate_code
    from antrian.services.setup import edit_service, service_info
    from antrian.services.zones import set_service_zone

    fields = _service_fields(args)
    if args.name is not None:
        fields["name"] = args.name
    for clear, given, keys in (
        ("--no-quota", ("--quota",), ("daily_quota",)),
        ("--no-hours", ("--opens", "--closes"), ("opens_at", "closes_at")),
        ("--no-waiting-target", ("--waiting-target",), ("waiting_target_minutes",)),
    ):
        if getattr(args, clear[2:].replace("-", "_")):
            both = [option for option in given if getattr(args, option[2:].replace("-", "_")) is not None]
            if both:
                raise InvalidInput("setup_cli.options_clash", first=clear, second=both[0])
            fields.update(dict.fromkeys(keys))  # None: edit_service clears them
    zone = _zone(args)

    def edit(session: Session, actor: Actor) -> ServiceInfo:
        if fields or not zone:
            edit_service(session, args.code, actor=actor, **fields)
        if zone:  # on its own, so that the event says the old and the new zone
            set_service_zone(session, actor, args.code, zone["zone"])
        return service_info(session, validate_code(args.code))

    return saved(args, edit, _service_line)


def cmd_service_list(args: argparse.Namespace) -> int:
    from antrian.services.setup import list_services

    return listed(args, list_services, _service_line, words.text("setup_cli.no_services"))


# counters


def _counter_line(info: CounterInfo) -> str:
    line = f"{info.number:>3}  {info.name}  {', '.join(info.services)}"
    return line if info.zone is None else f"{line}  [{info.zone}]"


def cmd_counter_add(args: argparse.Namespace) -> int:
    from antrian.services.setup import add_counter

    return saved(
        args,
        lambda s, actor: add_counter(s, args.number, args.name, args.services, actor=actor, **_zone(args)),
        _counter_line,
    )


def cmd_counter_edit(args: argparse.Namespace) -> int:
    from antrian.services.setup import edit_counter

    return saved(
        args,
        lambda s, actor: edit_counter(
            s, args.number, name=args.name, services=args.services, actor=actor, **_zone(args)
        ),
        _counter_line,
    )


def cmd_counter_list(args: argparse.Namespace) -> int:
    from antrian.services.counters import list_counters

    return listed(args, list_counters, _counter_line, words.text("cli.no_counters"))


# the parsers


def _service_options(command: argparse.ArgumentParser, *, adding: bool) -> None:
    """The options of ``service add`` (``adding``: name and time required) and ``service edit``."""
    command.add_argument(
        "code", type=printable("CODE", SHORT_TEXT), metavar="CODE", help=words.text("help.service_add.code")
    )
    command.add_argument(
        "--name",
        required=adding,
        type=printable("--name", NAME_TEXT),
        help=words.text("help.service_add.name"),
    )
    command.add_argument(
        "--time",
        required=adding,
        type=whole("--time", 1, INT32_MAX),
        metavar="N",
        help=words.text("help.service_add.time"),
    )
    command.add_argument(
        "--unit",
        choices=list(UNITS),
        default="minutes" if adding else None,
        help=words.text("help.service_add.unit"),
    )
    command.add_argument(
        "--waiting-target",
        type=whole("--waiting-target", 1, INT32_MAX),
        metavar="MINUTES",
        help=words.text("help.service_add.waiting_target"),
    )
    command.add_argument(
        "--quota",
        type=whole("--quota", 1, INT32_MAX),
        metavar="N",
        help=words.text("help.service_add.quota"),
    )
    command.add_argument(
        "--opens", type=clock_time("--opens"), metavar="HH:MM", help=words.text("help.service_add.opens")
    )
    command.add_argument(
        "--closes", type=clock_time("--closes"), metavar="HH:MM", help=words.text("help.service_add.closes")
    )
    command.add_argument(
        "--days",
        type=printable("--days", SHORT_TEXT),
        metavar="1234567",
        help=words.text("help.service_add.days"),
    )
    if not adding:
        command.add_argument("--no-quota", action="store_true", help=words.text("help.service_edit.no_quota"))
        command.add_argument("--no-hours", action="store_true", help=words.text("help.service_edit.no_hours"))
        command.add_argument(
            "--no-waiting-target", action="store_true", help=words.text("help.service_edit.no_waiting_target")
        )
    _zone_options(command, adding=adding)


def _zone_options(command: argparse.ArgumentParser, *, adding: bool) -> None:
    """--zone CODE (the service's or counter's zone, ``antrian zone``); editing also takes --no-zone."""
    either = command if adding else command.add_mutually_exclusive_group()
    either.add_argument(
        "--zone",
        type=printable("--zone", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.zone_option.zone"),
    )
    if not adding:
        either.add_argument("--no-zone", action="store_true", help=words.text("help.zone_option.no_zone"))


def _counter_options(command: argparse.ArgumentParser, *, adding: bool) -> None:
    """The arguments of ``counter add`` (``adding``: name and services required) and ``counter edit``."""
    command.add_argument(
        "number",
        type=whole("COUNTER", 1, INT32_MAX),
        metavar="COUNTER",
        help=words.text("help.option.counter"),
    )
    command.add_argument(
        "--name",
        required=adding,
        type=printable("--name", NAME_TEXT),
        help=words.text("help.counter_add.name"),
    )
    command.add_argument(
        "--services",
        required=adding,
        type=codes,
        metavar="A,B",
        help=words.text("help.counter_add.services"),
    )
    _zone_options(command, adding=adding)


def add_commands(commands: Commands, counter: SubParsers) -> None:
    """``service`` (its commands); ``add``, ``edit`` and ``list`` under the ``counter`` group."""
    service = commands.group("service", words.text("help.service.summary"), words.text("help.service.about"))
    _service_options(
        commands.command(
            service,
            "add",
            cmd_service_add,
            words.text("help.service_add.summary"),
            words.text("help.service_add.about"),
        ),
        adding=True,
    )
    _service_options(
        commands.command(
            service,
            "edit",
            cmd_service_edit,
            words.text("help.service_edit.summary"),
            words.text("help.service_edit.about"),
        ),
        adding=False,
    )
    commands.command(
        service,
        "list",
        cmd_service_list,
        words.text("help.service_list.summary"),
        words.text("help.service_list.about"),
    )

    _counter_options(
        commands.command(
            counter,
            "add",
            cmd_counter_add,
            words.text("help.counter_add.summary"),
            words.text("help.counter_add.about"),
        ),
        adding=True,
    )
    _counter_options(
        commands.command(
            counter,
            "edit",
            cmd_counter_edit,
            words.text("help.counter_edit.summary"),
            words.text("help.counter_edit.about"),
        ),
        adding=False,
    )
    commands.command(
        counter,
        "list",
        cmd_counter_list,
        words.text("help.counter_list.summary"),
        words.text("help.counter_list.about"),
    )
