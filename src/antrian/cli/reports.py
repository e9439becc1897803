"""``antrian report``: the compliance report of a period as JSON (stdout without -o; ``--canonical`` for the
bytes the PDF's SHA-256 is of), the log as CSV, or as an XLSX workbook or an evidence PDF (files only: their
bytes on a terminal help nobody). The period and signer options are shared with ``antrian skm report``."""

from __future__ import annotations

import argparse
import sys

from antrian import words
from antrian.cli.database import open_for
from antrian.cli.exits import EXIT_OK
from antrian.cli.inputs import PATH_TEXT, SHORT_TEXT, day, printable
from antrian.cli.login import acting
from antrian.cli.output import write_canonical
from antrian.cli.parsing import Commands
from antrian.domain.errors import InvalidInput


def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from antrian.domain.roles import Permission
    from antrian.reports.exports import canonical_json, json_report, write_report, write_report_text
    from antrian.services.branding import get_logo
    from antrian.services.office import get_office
    from antrian.services.reports import compliance_report, report_log, standards_in_force
    from antrian.services.rollups import refresh_in_steps

    start, end = day("--from", args.from_), day("--to", args.to)
    if args.format in ("xlsx", "pdf") and not args.output:
        raise InvalidInput("report.xlsx_needs_file" if args.format == "xlsx" else "report.pdf_needs_file")
    if args.canonical and args.format != "json":
        raise InvalidInput("report.canonical_json_only")
    db = open_for(args)
    try:
        acting(args).require(Permission.REPORTS)
        refresh_in_steps(db, start, end)  # the closed days' roll-ups first (services.rollups)
        # one read transaction: the log streams from it while the file is written, and sees the same
        # tickets as the figures
        with db.read() as session:
            office, logo = get_office(session), get_logo(session)
            report = compliance_report(
                session,
                start,
                end,
                actor=acting(args),
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


def period_options(parser: argparse.ArgumentParser, first: str, last: str, service: str) -> None:
    """A report's ``--from`` and ``--to`` (service days, as ``from_`` and ``to``) and ``--service CODE``,
    with their help texts."""
    for option, dest, said in (("--from", "from_", first), ("--to", "to", last)):
        parser.add_argument(
            option,
            dest=dest,
            required=True,
            type=printable(option, SHORT_TEXT),
            metavar="YYYY-MM-DD",
            help=said,
        )
    parser.add_argument("--service", type=printable("--service", SHORT_TEXT), metavar="CODE", help=service)


def evidence_options(parser: argparse.ArgumentParser) -> None:
    """An evidence report's ``--canonical`` (the JSON whose SHA-256 its PDF prints) and its PDF's signer
    (``--signer``, ``--nip``, ``--place``; ``printing.evidence_pdf.Signer``)."""
    parser.add_argument("--canonical", action="store_true", help=words.text("help.report.canonical"))
    for option, metavar, said in (
        ("--signer", "NAME", words.text("help.report.signer")),
        ("--nip", "NIP", words.text("help.report.nip")),
        ("--place", "PLACE", words.text("help.report.place")),
    ):
        parser.add_argument(option, type=printable(option, SHORT_TEXT), metavar=metavar, help=said)


def add_commands(commands: Commands) -> None:
    report = commands.command(
        commands.sub, "report", cmd_report, words.text("help.report.summary"), words.text("help.report.about")
    )
    period_options(
        report,
        words.text("help.report.from"),
        words.text("help.report.to"),
        words.text("help.report.service"),
    )
    report.add_argument(
        "--zone",
        type=printable("--zone", SHORT_TEXT),
        metavar="CODE",
        help=words.text("help.zone_option.report"),
    )
    report.add_argument(
        "--format",
        required=True,
        choices=["json", "csv", "xlsx", "pdf"],
        help=words.text("help.report.format"),
    )
    evidence_options(report)
    report.add_argument(
        "-o",
        "--output",
        type=printable("-o", PATH_TEXT),
        metavar="FILE",
        help=words.text("help.report.output"),
    )
