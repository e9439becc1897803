"""``antrian holiday add/remove/list`` and ``antrian break add/remove/list``: the office calendar from the
command line, through ``services.calendar`` (the functions the windows use), acting as ``--user`` or as the
system. Lists take ``--json``; bad input is exit 2 and saves nothing."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from antrian import words
from antrian.cli.database import run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import INT32_MAX, NAME_TEXT, SHORT_TEXT, clock_time, day, printable, whole
from antrian.cli.output import listed, saved, show
from antrian.cli.parsing import Commands
from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput

if TYPE_CHECKING:
    from antrian.services.calendar import BreakInfo, HolidayInfo

Info = TypeVar("Info")

# WEEKDAY words meaning every day of the week (a daily lunch), besides 1-7 and the days' names
_EVERY_DAY_WORDS = frozenset({"daily", "every-day", "harian", "setiap-hari"})


def _weekdays(text: str) -> list[int]:
    """WEEKDAY: 1-7 (1 = Monday), a day's name in Indonesian or English, a range ("1-5", "senin-jumat"), a
    list ("1,3") or every day ("setiap-hari", "daily"), else InvalidInput (exit 2)."""
    names = {
        name.lower(): number
        for lang in words.LANGUAGES
        for number, name in enumerate(words.catalogue(lang)["calendar.days"], start=1)
    }
    names.update({str(number): number for number in range(1, 8)})
    wanted = text.strip().lower()
    if wanted in _EVERY_DAY_WORDS:
        return list(range(1, 8))
    days: list[int] = []
    for part in wanted.split(","):
        first, _, last = (word.strip() for word in part.partition("-"))
        low, high = names.get(first), names.get(last or first)
        if low is None or high is None or high < low:
            raise InvalidInput("input.weekday", option="WEEKDAY", value=shorten(text))
        days.extend(range(low, high + 1))
    return days


def _holiday_line(info: HolidayInfo) -> str:
    return words.text("setup_cli.holiday", day=info.day, name=info.name)


def _break_line(info: BreakInfo) -> str:
    return words.text(
        "setup_cli.break",
        id=info.id,
        weekday=info.weekday,
        starts=info.starts,
        ends=info.ends,
        name=info.name,
    )


def _removed(line: Callable[[Info], str]) -> Callable[[Info], str]:
    return lambda info: words.text("setup_cli.removed", what=line(info))


def _date(args: argparse.Namespace) -> date:
    return day("DATE", args.date)


def cmd_holiday_add(args: argparse.Namespace) -> int:
    from antrian.services.calendar import add_holiday

    chosen = _date(args)
    return saved(args, lambda s, actor: add_holiday(s, actor, chosen, args.name), _holiday_line)


def cmd_holiday_remove(args: argparse.Namespace) -> int:
    from antrian.services.calendar import remove_holiday

    chosen = _date(args)
    return saved(args, lambda s, actor: remove_holiday(s, actor, chosen), _removed(_holiday_line))


def cmd_holiday_list(args: argparse.Namespace) -> int:
    from antrian.services.calendar import list_holidays

    return listed(args, list_holidays, _holiday_line, words.text("setup_cli.no_holidays"))


def cmd_break_add(args: argparse.Namespace) -> int:
    from antrian.services.calendar import add_breaks

    infos = run_in(args, lambda s, actor: add_breaks(s, actor, args.weekday, args.start, args.end, args.name))
    show(args, [info.to_json() for info in infos], "\n".join(_break_line(info) for info in infos))
    return EXIT_OK


def cmd_break_remove(args: argparse.Namespace) -> int:
    from antrian.services.calendar import remove_break

    return saved(args, lambda s, actor: remove_break(s, actor, args.id), _removed(_break_line))


def cmd_break_list(args: argparse.Namespace) -> int:
    from antrian.services.calendar import list_breaks

    return listed(args, list_breaks, _break_line, words.text("setup_cli.no_breaks"))


def add_commands(commands: Commands) -> None:
    """``holiday`` and ``break``."""
    holiday = commands.group("holiday", words.text("help.holiday.summary"), words.text("help.holiday.about"))
    holiday_add = commands.command(
        holiday,
        "add",
        cmd_holiday_add,
        words.text("help.holiday_add.summary"),
        words.text("help.holiday_add.about"),
    )
    holiday_remove = commands.command(
        holiday,
        "remove",
        cmd_holiday_remove,
        words.text("help.holiday_remove.summary"),
        words.text("help.holiday_remove.about"),
    )
    for made in (holiday_add, holiday_remove):
        made.add_argument(
            "date",
            type=printable("DATE", SHORT_TEXT),
            metavar="YYYY-MM-DD",
            help=words.text("help.holiday_add.date"),
        )
    holiday_add.add_argument(
        "--name", required=True, type=printable("--name", NAME_TEXT), help=words.text("help.holiday_add.name")
    )
    commands.command(
        holiday,
        "list",
        cmd_holiday_list,
        words.text("help.holiday_list.summary"),
        words.text("help.holiday_list.about"),
    )

    pause = commands.group("break", words.text("help.break.summary"), words.text("help.break.about"))
    made = commands.command(
        pause, "add", cmd_break_add, words.text("help.break_add.summary"), words.text("help.break_add.about")
    )
    made.add_argument("weekday", type=_weekdays, metavar="WEEKDAY", help=words.text("help.break_add.weekday"))
    made.add_argument(
        "start", type=clock_time("START"), metavar="HH:MM", help=words.text("help.break_add.start")
    )
    made.add_argument("end", type=clock_time("END"), metavar="HH:MM", help=words.text("help.break_add.end"))
    made.add_argument(
        "--name", required=True, type=printable("--name", NAME_TEXT), help=words.text("help.break_add.name")
    )
    commands.command(
        pause,
        "remove",
        cmd_break_remove,
        words.text("help.break_remove.summary"),
        words.text("help.break_remove.about"),
    ).add_argument(
        "id", type=whole("ID", 1, INT32_MAX), metavar="ID", help=words.text("help.break_remove.id")
    )
    commands.command(
        pause,
        "list",
        cmd_break_list,
        words.text("help.break_list.summary"),
        words.text("help.break_list.about"),
    )
