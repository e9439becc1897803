"""A year of the sample office's history (261 working days, about 22,000 visits), exported four ways: the
JSON's counts, the CSV's rows, the XLSX's log and services sheets and the PDF's tables agree, service by
service, on SQLite and PostgreSQL (issue 13: "a year of data where JSON = CSV = XLSX = PDF totals")."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from antrian import words
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.printing.evidence_pdf import Letterhead
from antrian.printing.report_pdf import write_report_pdf
from antrian.reports.exports import BOM, json_report, log_csv
from antrian.reports.xlsx import figure_names, write_xlsx
from antrian.services.demo import install_demo
from antrian.services.demo_history import MOST_DAYS, install_history
from antrian.services.reports import compliance_report, report_log, standards_in_force
from antrian.store.database import Database
from tests.printing.pdf_text import pdf_pages

pytestmark = pytest.mark.slow

TODAY = FixedClock(datetime(2026, 12, 1, 1, 0, tzinfo=UTC))  # Tuesday 1 December 2026, 08:00 Jakarta
FIRST, LAST = date(2025, 12, 1), date(2026, 11, 30)


def test_a_years_json_csv_xlsx_and_pdf_agree(db: Database, tmp_path: Path, qapp: object) -> None:
    with db.write() as session:
        install_demo(session)
    made = install_history(db, days=MOST_DAYS, clock=TODAY)
    assert (made[0].day, made[-1].day, len(made)) == (FIRST, LAST, 261)  # every working day of the year
    with db.read() as session:
        standard_for = standards_in_force(session)
        report = compliance_report(session, FIRST, LAST, actor=SYSTEM, standard_for=standard_for, clock=TODAY)
        text = io.StringIO(newline="")
        written = log_csv(report, report_log(session, report), text)
        with (tmp_path / "year.xlsx").open("wb") as file:
            write_xlsx(report, file, office="Kantor Uji", log=report_log(session, report))
    data = json_report(report)
    issued = {entry["code"]: entry["issued"] for entry in data["services"]}
    assert (
        data["office"]["visits"] == sum(issued.values()) == sum(day.issued + day.transferred for day in made)
    )
    assert data["office"]["visits"] > 20_000

    # CSV: one row per visit, each under its service
    rows = list(csv.reader(io.StringIO(text.getvalue().removeprefix(BOM), newline="")))[1:]
    assert written == len(rows) == data["office"]["visits"]
    assert Counter(row[1] for row in rows) == issued

    # XLSX: the log (over as many sheets as it takes) and the services sheet's "all" rows
    book = load_workbook(tmp_path / "year.xlsx", read_only=True)
    logged = Counter(
        row[1]
        for sheet in book.worksheets
        if sheet.title.startswith("Log")
        for row in sheet.iter_rows(min_row=2, values_only=True)
    )
    assert logged == issued
    header, *services = book["Layanan"].iter_rows(values_only=True)
    column = header.index(figure_names()["issued"])
    everyone = words.text("report.group.all")
    assert {row[0]: row[column] for row in services if row[3] == everyone} == issued

    # PDF: each service's "all" row shows its issued, served, no-show, cancelled, expired counts
    path = tmp_path / "year.pdf"
    write_report_pdf(report, path, Letterhead("Kantor Uji", ""))
    every = " ".join(" ".join(page.split()) for page in pdf_pages(path))
    for entry in data["services"]:
        counts = " ".join(
            f"{entry[key]:,}".replace(",", ".")
            for key in ("issued", "served", "no_show", "cancelled", "expired")
        )
        assert f"{entry['code']} semua {counts}" in every, entry["code"]
    visits = f"{data['office']['visits']:,}".replace(",", ".")
    assert f"Kunjungan {visits}" in every
