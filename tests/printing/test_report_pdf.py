"""The compliance report as an evidence PDF, read back with QtPdf: page numbers on every page, the office, the
decree, hand-computed figures of a known day, the signature block, and the SHA-256 of the report's data; a
report too long for a page splits its tables with the header repeated; rendering works off the GUI thread.

The day is ``tests.helpers.known_monday`` with A's standard set again (15 minutes, waiting target 10
minutes) by "Keputusan Kepala Dinas No. 12/2026". So A: 2 issued, 1 served, 1 no-show, waiting mean 1,5 min,
max 2,0; service 5,0 min, 1 within (100,0 %); B: 1 issued, 1 served, service 30,0 min, 0 within, 1 over.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.printing.evidence_pdf import Letterhead, Signer
from antrian.printing.report_pdf import render, write_report_pdf
from antrian.reports.exports import canonical_json, data_sha256, json_report
from antrian.services.reports import Report, compliance_report, standards_in_force
from antrian.services.standards import set_standard
from antrian.store.database import Database
from tests.helpers import known_monday
from tests.printing.pdf_text import pdf_pages

DECREE = "Keputusan Kepala Dinas No. 12/2026"
OFFICE = Letterhead("Kantor Uji", "Jl. Merdeka No. 1, Jakarta")
SIGNER = Signer("Ibu Kepala, S.Sos.", "197001012000032001", "Jakarta")
MONDAY = date(2026, 11, 30)


@pytest.fixture
def day_report(office: Database, clock: FixedClock) -> Report:
    with office.write() as s:
        set_standard(s, SYSTEM, "A", 15, "minutes", 10, MONDAY, decree=DECREE, clock=clock)
    known_monday(office, clock)
    with office.read() as s:
        return compliance_report(
            s, MONDAY, MONDAY, actor=SYSTEM, standard_for=standards_in_force(s), clock=clock
        )


def page_numbers_ok(pages: list[str]) -> bool:
    return all(f"hal. {i} dari {len(pages)}" in text for i, text in enumerate(pages, start=1))


def printed_hash(pages: list[str]) -> set[str]:
    return {found for text in pages for found in re.findall(r"\b[0-9a-f]{64}\b", text)}


def flat(text: str) -> str:
    """Text with every run of white space as one space (a table's cells come out a line each)."""
    return " ".join(text.split())


def test_the_day_as_a_pdf(day_report: Report, tmp_path: Path, qapp: Any) -> None:
    path = tmp_path / "laporan.pdf"
    count = write_report_pdf(day_report, path, OFFICE, SIGNER)
    pages = pdf_pages(path)
    assert len(pages) == count >= 2 and page_numbers_ok(pages)
    first, every = flat(pages[0]), flat(" ".join(pages))
    assert "Kantor Uji" in first and "Jl. Merdeka No. 1, Jakarta" in first
    assert "Laporan Kepatuhan Standar Pelayanan" in first
    assert "Senin, 30 November 2026 sampai Senin, 30 November 2026" in first and "Asia/Jakarta" in first
    assert (
        f"A – KTP Elektronik: sejak Senin, 30 November 2026: 15 menit, target tunggu 10 menit; {DECREE}"
        in every
    )
    assert (
        "B – Kartu Keluarga: sejak Senin, 30 November 2026: 20 menit, tanpa target tunggu; "
        "keputusan tidak dicatat" in every
    )
    # per service, all tickets: code, group, issued, served, no-show, cancelled, expired, transferred,
    # within standard (%), over, within waiting target (%), over
    assert "A semua 2 1 1 0 0 0 1 (100,0 %) 0 2 (100,0 %) 0" in every
    assert "B semua 1 1 0 0 0 0 0 (0,0 %) 1 0 (-) 0" in every
    # waiting, then service time: count, p50, p90, p95, max, mean in minutes
    assert "A semua 2 1,0 2,0 2,0 2,0 1,5" in every and "B semua 1 9,0 9,0 9,0 9,0 9,0" in every
    assert "A semua 1 5,0 5,0 5,0 5,0 5,0" in every and "B semua 1 30,0 30,0 30,0 30,0 30,0" in every
    assert "09:00–10:00 2 2 2,0 9,0 9,0 9,0 5,5" in every  # arrivals and waiting by hour: (2 + 9) / 2
    # counter 1: 2 served, mean service 17,5 min, open 09:00-11:00
    assert "1 2 17,5 2:00" in every
    assert "Ibu Kepala, S.Sos." in every and "NIP. 197001012000032001" in every
    assert "Jakarta, 30 November 2026" in every and "Kepala Kantor Uji" in every
    digest = data_sha256(json_report(day_report))
    assert printed_hash(pages) == {digest}
    assert all(digest in text for text in pages)  # in every page's footer
    assert digest == hashlib.sha256(canonical_json(json_report(day_report))).hexdigest()
    assert "--format json --canonical | sha256sum" in every


def test_without_a_signer_leaves_lines_to_sign(day_report: Report, tmp_path: Path, qapp: Any) -> None:
    pdf, _ = render(json_report(day_report), OFFICE, Signer())
    path = tmp_path / "blank.pdf"
    path.write_bytes(pdf)
    last = flat(pdf_pages(path)[-1])
    blank = "_" * 28
    assert f"{blank}, 30 November 2026" in last and f"NIP. {blank}" in last
    assert "Ibu Kepala" not in last


def test_canonical_json_is_sorted_compact_and_leaves_out_when_it_was_made(day_report: Report) -> None:
    data = json_report(day_report)
    raw = canonical_json(data)
    assert raw.startswith(b'{"counters":[') and b": " not in raw and b"\n" not in raw
    assert b"made_at" not in raw
    later = copy.deepcopy(data)
    later["period"]["made_at"] = "2027-01-01T00:00:00+00:00"
    assert data_sha256(later) == data_sha256(data)
    later["services"][0]["served"] += 1  # an edited figure changes the hash
    assert data_sha256(later) != data_sha256(data)


def test_a_long_report_splits_its_tables_with_the_header_repeated(
    day_report: Report, tmp_path: Path, qapp: Any
) -> None:
    data = json_report(day_report)
    template = data["services"][0]
    data["services"] = [{**copy.deepcopy(template), "code": f"S{i:02d}"} for i in range(40)]
    operator = data["operators"][0]
    data["operators"] = [{**operator, "username": f"petugas{i:02d}"} for i in range(60)]
    pdf, count = render(data, OFFICE, SIGNER)
    path = tmp_path / "panjang.pdf"
    path.write_bytes(pdf)
    pages = pdf_pages(path)
    assert len(pages) == count >= 5 and page_numbers_ok(pages)
    with_services = [text for text in pages if re.search(r"\bS\d\d semua\b", flat(text))]
    with_operators = [text for text in pages if re.search(r"\bpetugas\d\d\b", text)]
    assert len(with_services) >= 3 and len(with_operators) >= 2
    # each page with service rows has the header of its table: counts, or times (p50 ... rata-rata)
    assert all("Tidak hadir" in flat(text) or "rata-rata" in text for text in with_services)
    assert sum("Tidak hadir" in flat(text) for text in pages) >= 2  # the counts table spans pages
    assert all("Menganggur" in text for text in with_operators)  # the operators table's header
    every = flat(" ".join(pages))
    assert all(f"S{i:02d} semua" in every for i in range(40))
    assert all(f"petugas{i:02d}" in every for i in range(60))


def test_rendering_works_off_the_gui_thread(day_report: Report, tmp_path: Path, qapp: Any) -> None:
    path = tmp_path / "worker.pdf"
    failures: list[BaseException] = []

    def work() -> None:
        try:
            write_report_pdf(day_report, path, OFFICE, SIGNER)
        except BaseException as error:  # reported below, on the test's thread
            failures.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and failures == []
    assert "Kantor Uji" in pdf_pages(path)[0]


def test_english_pages_say_page_i_of_n(day_report: Report, tmp_path: Path, qapp: Any) -> None:
    from antrian import words

    words.set_language("en")
    path = tmp_path / "report.pdf"
    write_report_pdf(day_report, path, OFFICE, SIGNER)
    pages = pdf_pages(path)
    assert all(f"page {i} of {len(pages)}" in text for i, text in enumerate(pages, start=1))
    assert "Service Standard Compliance Report" in pages[0]
    assert "1.5" in flat(" ".join(pages))  # A's mean waiting, with a decimal point


def test_a_standard_changed_in_the_period_shows_each_with_its_day(
    day_report: Report, tmp_path: Path, qapp: Any
) -> None:
    data = json_report(day_report)
    first = data["services"][0]["standard"]
    assert first["effective_from"] == "2026-11-30" and first["decree"] == DECREE
    later = {**first, "value": 10, "decree": "Keputusan No. 7/2026", "effective_from": "2026-12-01"}
    data["services"][0]["standard"] = [first, later]  # as the JSON gives a change within the period
    path = tmp_path / "berubah.pdf"
    path.write_bytes(render(data, OFFICE, SIGNER)[0])
    every = flat(" ".join(pdf_pages(path)))
    assert "A – KTP Elektronik: standar berubah dalam periode ini; berlaku berurutan:" in every
    assert f"1. sejak Senin, 30 November 2026: 15 menit, target tunggu 10 menit; {DECREE}" in every
    assert "2. sejak Selasa, 1 Desember 2026: 10 menit, target tunggu 10 menit; Keputusan No. 7/2026" in every


def test_the_letterhead_draws_the_office_logo_from_the_database(office: Database) -> None:
    """The logo saved by the admin window (services.branding) is the letterhead's; without one, Antrian's
    emblem (an SVG) is drawn."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from antrian.printing.evidence_pdf import letterhead, logo_image
    from antrian.services.branding import get_logo, set_logo
    from antrian.services.office import get_office

    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("#0b1f3a"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(buffer.data().data())
    with office.read() as s:
        assert letterhead(get_office(s), get_logo(s)).logo is None
    assert isinstance(logo_image(None), bytes)  # the emblem, drawn as vectors
    with office.write() as s:
        set_logo(s, png, actor=SYSTEM)
    with office.read() as s:
        head = letterhead(get_office(s), get_logo(s))
    drawn = logo_image(head.logo)
    assert head.logo == png and isinstance(drawn, QImage) and (drawn.width(), drawn.height()) == (6, 4)
