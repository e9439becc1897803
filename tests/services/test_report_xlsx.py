"""The compliance report as a workbook: a day built through the service functions (``Day`` of
test_reports.py), the workbook written and read back with openpyxl, its figures checked by hand and against
the JSON and the log's rows. On SQLite and PostgreSQL through the ``office`` fixture."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from antrian import words
from antrian.domain.roles import SYSTEM, Actor
from antrian.domain.timing import FixedClock
from antrian.reports import xlsx
from antrian.reports.exports import json_figures, json_report, log_table
from antrian.reports.xlsx import figure_names, write_xlsx
from antrian.services.reports import Report, report_log
from antrian.services.standards import set_standard
from antrian.store.database import Database
from tests.services.test_reports import MONDAY, Day

TUESDAY = MONDAY + timedelta(days=1)
DECREE = "Keputusan Kepala Dinas No. 12/2026"
SHEETS_ID = ["Ringkasan", "Layanan", "Loket", "Petugas", "Jam", "Harian", "Log"]


@pytest.fixture
def day(office: Database, clock: FixedClock, operator: Actor) -> Day:
    return Day(office, clock, operator)


def workbook(day: Day, report: Report) -> Workbook:
    out = io.BytesIO()
    with day.db.read() as s:
        write_xlsx(report, out, office="Kantor Uji", log=report_log(s, report))
    return load_workbook(io.BytesIO(out.getvalue()))


def table(book: Workbook, sheet: str) -> list[dict[str, Any]]:
    """A sheet's rows as dicts by its header."""
    header, *rows = book[sheet].iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def worked_day(day: Day) -> Report:
    """A001 (normal) waits 5 min, is recalled, served 10 min; A002 (lansia) waits 19 min, served 30 min, over
    A's 15; then a 10-minute break. Reported Monday and Tuesday (an empty day)."""
    with day.db.write() as s:
        set_standard(s, SYSTEM, "A", 15, "minutes", 20, MONDAY, DECREE)
    day.at(0).do("open_counter")
    day.issue("A")
    day.at(1).issue("A", priority="lansia")
    day.at(5).do("call_next")
    day.at(7).do("recall")
    day.at(8).do("start")
    day.at(18).do("finish")
    day.at(20).do("call_next")
    day.at(21).do("start")
    day.at(51).do("finish")
    day.at(60).do("pause_counter", "Istirahat")
    day.at(70).do("open_counter")
    day.at(80).do("close_counter")
    return day.report(MONDAY, TUESDAY)


def test_the_workbook_shows_the_json_figures(day: Day) -> None:
    report = worked_day(day)
    data = json_report(report)
    book = workbook(day, report)
    assert book.sheetnames == SHEETS_ID

    summary = {row[0]: row[1:] for row in book["Ringkasan"].iter_rows(values_only=True) if row[0]}
    assert summary["Kantor"][0] == "Kantor Uji"
    assert (summary["Dari"][0], summary["Sampai"][0]) == (datetime(2026, 11, 30), datetime(2026, 12, 1))
    assert summary["Zona waktu"][0] == "Asia/Jakarta"
    assert summary["Kunjungan"][0] == data["office"]["visits"] == 2
    assert summary["A"] == ("KTP Elektronik", 15, "menit", 20, DECREE)
    assert any(str(key).startswith("Menunggu: dari mengambil nomor") for key in summary)

    services = table(book, "Layanan")
    assert [(row["Kode"], row["Tiket"]) for row in services] == [
        ("A", "semua"),
        ("A", "prioritas"),
        ("A", "biasa"),
    ]
    every, priority, normal = services
    entry = data["services"][0]
    assert (every["Diambil"], every["Dilayani"]) == (entry["issued"], entry["served"]) == (2, 2)
    assert (priority["Diambil"], normal["Diambil"]) == (1, 1)
    assert every["Menunggu: p90 (detik)"] == entry["waiting"]["p90"] == 1140.0
    assert every["Menunggu: rata-rata (menit)"] == pytest.approx(720 / 60)
    assert every["Sesuai standar (%)"] * 100 == pytest.approx(entry["within_standard_pct"]) == 50.0
    assert (every["Melebihi standar"], every["Sesuai target tunggu (%)"]) == (1, 1.0)
    assert (priority["Waktu layanan: maks. (detik)"], normal["Sesuai standar (%)"]) == (1800.0, 1.0)
    assert every["Standar"] == "15 menit"

    # session 80 min less a 10-minute break; serving: walk 3 + 10 min and walk 1 + 30 min
    (counter,) = table(book, "Loket")
    assert counter == {
        "Loket": 1,
        "Dilayani": 2,
        "Rata-rata waktu layanan (detik)": 1200.0,
        "Rata-rata waktu layanan (menit)": 20.0,
        "Buka (detik)": 4800.0,
        "Buka (jam)": pytest.approx(4800 / 3600),
        "Melayani (detik)": 2640.0,
        "Jeda (detik)": 600.0,
        "Jeda: Istirahat (detik)": 600.0,
        "Menganggur (detik)": 1560.0,
    }
    assert [row["Petugas"] for row in table(book, "Petugas")] == ["petugas1"]

    hours = table(book, "Jam")
    assert len(hours) == 24 and (hours[9]["Kedatangan"], hours[9]["Menunggu: jumlah"]) == (2, 2)

    days = table(book, "Harian")
    assert [row["Hari layanan"] for row in days] == [datetime(2026, 11, 30), datetime(2026, 12, 1)]
    assert [(row["A: diambil"], row["A: dilayani"], row["A: % sesuai standar"]) for row in days] == [
        (2, 2, 0.5),
        (0, 0, None),
    ]
    assert sum(row["A: diambil"] for row in days) == entry["issued"]

    log = book["Log"]
    with day.db.read() as s:
        header, rows = log_table(report, report_log(s, report))
        rows = list(rows)
    assert [cell.value for cell in log[1]] == header
    assert log.max_row - 1 == data["office"]["visits"] == len(rows)
    assert log["A2"].value == "A001" and log["F2"].value == datetime(2026, 11, 30, 9, 0)
    assert log["F2"].number_format == "yyyy-mm-dd hh:mm:ss" and log["J2"].value == 300.0
    assert log.auto_filter.ref == "A1:O3" and log.freeze_panes == "A2" and log["A1"].font.bold
    assert book["Layanan"]["D2"].number_format == "General"
    pct = next(cell for cell in book["Layanan"][2] if cell.value == 0.5)
    assert pct.number_format == "0.0%"


def test_the_workbook_is_in_the_users_language(day: Day) -> None:
    report = worked_day(day)
    words.set_language("en")
    book = workbook(day, report)
    assert book.sheetnames == ["Summary", "Services", "Counters", "Operators", "Hours", "Days", "Log"]
    assert [cell.value for cell in book["Services"][1]][:5] == [
        "Code",
        "Name",
        "Standard",
        "Tickets",
        "Issued",
    ]
    assert [cell.value for cell in book["Log"][1]][:3] == ["Number", "Service", "Service day"]
    assert book["Services"]["D3"].value == "priority"


def test_every_figure_of_a_service_entry_has_its_columns(day: Day) -> None:
    report = worked_day(day)
    entry = json_report(report)["services"][0]
    figures = json_figures(report.services[0].figures.all)
    assert list(figure_names()) == list(figures)
    assert set(entry) - set(figure_names()) == {"code", "name", "standard", "priority", "normal"}
    header = next(workbook(day, report)["Layanan"].iter_rows(values_only=True))
    # waiting, walk, service time, stay: 7 columns each (count, p50, p90, p95, max, mean, mean in minutes)
    summaries = sum(isinstance(value, dict) for value in figures.values())
    assert summaries == 4
    assert len(header) == 4 + len(figure_names()) - summaries + 7 * summaries


def test_an_empty_period_is_a_workbook_of_headers(day: Day) -> None:
    report = day.report(MONDAY, MONDAY + timedelta(days=2))
    book = workbook(day, report)
    assert book.sheetnames == SHEETS_ID
    assert table(book, "Layanan") == [] and table(book, "Loket") == [] and table(book, "Log") == []
    assert [row["Hari layanan"] for row in table(book, "Harian")] == [
        datetime(2026, 11, 30) + timedelta(days=n) for n in range(3)
    ]
    assert book["Log"]["A1"].value == "Nomor"


def test_a_log_longer_than_a_sheet_goes_on_over_further_sheets(
    day: Day, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "ROWS_PER_SHEET", 1)
    book = workbook(day, worked_day(day))
    assert book.sheetnames[-2:] == ["Log", "Log 2"]
    assert [[row[0] for row in book[name].iter_rows(values_only=True)] for name in ("Log", "Log 2")] == [
        ["Nomor", "A001"],
        ["Nomor", "A002"],
    ]
    assert date(2026, 11, 30) == book["Log 2"]["C2"].value.date()
