"""``antrian zone add/edit/remove/list``: the zones of a Mal Pelayanan Publik from the command line, through
``services.zones`` (the functions the admin window uses), acting as ``--user`` or as the system. ``list``
takes ``--json``; bad input is exit 2 and saves nothing. A service's or counter's zone is set with ``--zone``
on ``antrian service|counter add|edit`` (``antrian.cli.setup``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from antrian import words
from antrian.cli.inputs import INT32_MAX, NAME_TEXT, SHORT_TEXT, printable, whole
from antrian.cli.output import listed, saved
from antrian.cli.parsing import Commands

if TYPE_CHECKING:
    from antrian.services.zones import ZoneInfo


def _zone_line(info: ZoneInfo) -> str:
    return words.text(
        "zone_cli.zone",
        code=info.code,
        name=info.name,
        services=list(info.services) or words.text("zone.none"),
        counters=list(info.counters) or words.text("zone.none"),
    )


def cmd_zone_add(args: argparse.Namespace) -> int:
    from antrian.services.zones import add_zone

    return saved(
        args, lambda s, actor: add_zone(s, actor, args.code, args.name, order=args.order), _zone_line
    )


def cmd_zone_edit(args: argparse.Namespace) -> int:
    from antrian.services.zones import edit_zone

    return saved(
        args, lambda s, actor: edit_zone(s, actor, args.code, name=args.name, order=args.order), _zone_line
    )


def cmd_zone_remove(args: argparse.Namespace) -> int:
    from antrian.services.zones import remove_zone

    return saved(
        args,
        lambda s, actor: remove_zone(s, actor, args.code),
        lambda info: words.text("setup_cli.removed", what=_zone_line(info)),
    )


def cmd_zone_list(args: argparse.Namespace) -> int:
    from antrian.services.zones import list_zones

    return listed(args, list_zones, _zone_line, words.text("zone_cli.no_zones"))


def add_commands(commands: Commands) -> None:
    """``zone``."""
    zone = commands.group("zone", words.text("help.zone.summary"), words.text("help.zone.about"))
    made = {
        "add": commands.command(
            zone, "add", cmd_zone_add, words.text("help.zone_add.summary"), words.text("help.zone_add.about")
        ),
        "edit": commands.command(
            zone,
            "edit",
            cmd_zone_edit,
            words.text("help.zone_edit.summary"),
            words.text("help.zone_edit.about"),
        ),
        "remove": commands.command(
            zone,
            "remove",
            cmd_zone_remove,
            words.text("help.zone_remove.summary"),
            words.text("help.zone_remove.about"),
        ),
        "list": commands.command(
            zone,
            "list",
            cmd_zone_list,
            words.text("help.zone_list.summary"),
            words.text("help.zone_list.about"),
        ),
    }
    for name in ("add", "edit", "remove"):
        made[name].add_argument(
            "code", type=printable("CODE", SHORT_TEXT), metavar="CODE", help=words.text("help.zone_add.code")
        )
    for name in ("add", "edit"):
        made[name].add_argument(
            "--name",
            required=name == "add",
            type=printable("--name", NAME_TEXT),
            help=words.text("help.zone_add.name"),
        )
        made[name].add_argument(
            "--order",
            type=whole("--order", -INT32_MAX, INT32_MAX),
            metavar="N",
            help=words.text("help.zone_add.order"),
        )
