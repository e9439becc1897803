"""``antrian skm submit`` and ``antrian skm report``: the citizen satisfaction survey from the command line,
through ``services.skm`` (the functions the windows use), acting as ``--user`` or as the system.

``submit`` enters one paper form (bad input is exit 2 and saves nothing); ``report`` writes the index of a
period as JSON (on the screen without -o; ``--canonical`` for the bytes the PDF's SHA-256 is of), as an XLSX
workbook (``reports.skm``) or as the evidence PDF (``printing.skm_pdf``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from antrian import words
from antrian.cli.database import open_for, run_in
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import PATH_TEXT, SHORT_TEXT, day, printable
from antrian.cli.login import acting
from antrian.cli.output import show, write_canonical
from antrian.cli.parsing import Commands
from antrian.cli.reports import evidence_options, period_options
from antrian.domain.echo import shorten
from antrian.domain.errors import InvalidInput
from antrian.domain.skm import PROFILE_CHOICES, UNSUR

SUGGESTION_TEXT = 2000  # services.skm.SUGGESTION_LIMIT


def _answers(text: str) -> list[int]:
    """--answers: nine whole numbers separated by commas (their range is the service's to check, naming
    the unsur), else InvalidInput (exit 2)."""
    parts = [part.strip() for part in text.split(",")]
    if not all(part.isdigit() and len(part) <= 3 for part in parts):
        raise InvalidInput("skm.answers_format", option="--answers", value=shorten(text))
    return [int(part) for part in parts]


def cmd_skm_submit(args: argparse.Namespace) -> int:
    from antrian.services.skm import Profile, submit_answers

    answered = day("--date", args.date)
    profile = Profile(args.gender, args.age, args.education, args.occupation)
    info = run_in(
        args,
        lambda s, actor: submit_answers(
            s,
            actor,
            service=args.service,
            day=answered,
            answers=args.answers,
            channel="paper",
            ticket=args.ticket,
            profile=profile,
            suggestion=args.suggestion,
        ),
    )
    ticket = words.text("skm_cli.ticket", ticket=info.ticket) if info.ticket else ""
    line = words.text(
        "skm_cli.submitted",
        id=info.id,
        service=info.service,
        day=info.day,
        ticket=ticket,
        version=info.version,
    )
    show(args, info.to_json(), line)
    return EXIT_OK


def cmd_skm_report(args: argparse.Namespace) -> int:
    from antrian.reports.exports import canonical_json
    from antrian.reports.skm import json_skm, write_skm, write_skm_json
    from antrian.services.branding import get_logo
    from antrian.services.office import get_office
    from antrian.services.skm import skm_report

    start, end = day("--from", args.from_), day("--to", args.to)
    if args.format in ("xlsx", "pdf") and not args.output:
        raise InvalidInput("skm.xlsx_needs_file" if args.format == "xlsx" else "report.pdf_needs_file")
    if args.canonical and args.format != "json":
        raise InvalidInput("report.canonical_json_only")
    db = open_for(args)
    try:
        with db.read() as session:
            report = skm_report(session, acting(args), start, end, args.service)
            office, logo = get_office(session), get_logo(session)
    finally:
        db.dispose()
    if args.format == "pdf":
        from antrian.printing.evidence_pdf import Signer, letterhead
        from antrian.printing.page import ensure_gui
        from antrian.printing.skm_pdf import write_skm_pdf

        ensure_gui()
        signer = Signer(args.signer or "", args.nip or "", args.place or "")
        write_skm_pdf(report, Path(args.output), letterhead(office, logo), signer)
    elif args.canonical:
        write_canonical(args.output, canonical_json(json_skm(report)))
    elif args.output:
        write_skm(report, Path(args.output), args.format, office=office.name)
    else:
        write_skm_json(report, sys.stdout)
    if args.output:
        print(words.text("skm_cli.written", path=args.output), file=sys.stderr)
    return EXIT_OK


def add_commands(commands: Commands) -> None:
    """``skm submit`` and ``skm report``."""
    skm = commands.group("skm", words.text("help.skm.summary"), words.text("help.skm.about"))
    submit = commands.command(
        skm,
        "submit",
        cmd_skm_submit,
        words.text("help.skm_submit.summary"),
        words.text("help.skm_submit.about"),
    )
    submit.add_argument(
        "--date",
        required=True,
        type=printable("--date", SHORT_TEXT),
        metavar="YYYY-MM-DD",
        help=words.text("help.skm_submit.date"),
    )
    submit.add_argument(
        "--service",
        required=True,
        type=printable("--service", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.skm_submit.service"),
    )
    submit.add_argument(
        "--answers",
        required=True,
        type=_answers,
        metavar=",".join(["N"] * len(UNSUR)),
        help=words.text("help.skm_submit.answers"),
    )
    submit.add_argument(
        "--ticket",
        type=printable("--ticket", SHORT_TEXT),
        metavar="LABEL",
        help=words.text("help.skm_submit.ticket"),
    )
    for field in PROFILE_CHOICES:
        submit.add_argument(
            f"--{field}",
            type=_choice(f"--{field}", field),
            metavar="|".join(PROFILE_CHOICES[field]),
            help=words.text(f"help.skm_submit.{field}"),
        )
    submit.add_argument(
        "--suggestion",
        type=printable("--suggestion", SUGGESTION_TEXT),
        metavar="TEXT",
        help=words.text("help.skm_submit.suggestion"),
    )

    report = commands.command(
        skm,
        "report",
        cmd_skm_report,
        words.text("help.skm_report.summary"),
        words.text("help.skm_report.about"),
    )
    period_options(
        report,
        words.text("help.skm_report.from"),
        words.text("help.skm_report.to"),
        words.text("help.skm_report.service"),
    )
    report.add_argument(
        "--format", required=True, choices=["json", "xlsx", "pdf"], help=words.text("help.skm_report.format")
    )
    evidence_options(report)
    report.add_argument(
        "-o",
        "--output",
        type=printable("-o", PATH_TEXT),
        metavar="FILE",
        help=words.text("help.skm_report.output"),
    )


def _choice(option: str, field: str) -> Callable[[str], str]:
    """A profile option: one of its codes (domain.skm.PROFILE_CHOICES), else InvalidInput naming them."""

    def parse(text: str) -> str:
        value = text.strip().lower()
        if value not in PROFILE_CHOICES[field]:
            raise InvalidInput(
                "input.choice", option=option, value=shorten(text), choices=list(PROFILE_CHOICES[field])
            )
        return value

    return parse
