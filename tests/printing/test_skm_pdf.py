"""The SKM report as an evidence PDF, read back with QtPdf, on both databases: the regulation's sections with
the hand-computed figures of a small survey, the warning while the sample is not reached, the SHA-256 of the
figures that a re-run reproduces, and the English PDF.

The survey (service A, Monday 30 November 2026): five visits of A served (population 5: Krejcie-Morgan
s = 3.841 x 5 x 0.25 / (0.0025 x 4 + 3.841 x 0.25) = 4.95 -> 5), three complete paper forms and one touch
survey left unfinished:

    R1  4 3 4 4 3 3 4 4 3   (a woman; "Ruang tunggu panas")
    R2  3 3 3 3 3 3 3 3 3
    R3  2 4 3 4 3 2 4 3 2
    sum 9 10 10 11 9 8 11 10 8  = 86

NRR = sum / 3: U1 3,000; U2 3,333; U3 3,333; U4 3,667; U5 3,000; U6 2,667; U7 3,667; U8 3,333; U9 2,667.
Weighted NRR = NRR / 9: U1 0,333; U2 0,370; U4 0,407; U6 0,296; the index value 86/27 = 3,185.
IKM = 25 x 86 / 27 = 2150/27 = 79,6296... -> 79,63: B (76,61-88,30), Baik. Lowest U6 and U9 (2,667),
highest U4 and U7 (3,667). 3 of 5 respondents: the sample is not reached.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antrian import words
from antrian.domain.roles import KIOSK, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.printing.evidence_pdf import Letterhead, Signer
from antrian.printing.skm_pdf import render_skm, write_skm_pdf
from antrian.reports.exports import data_sha256
from antrian.reports.skm import json_skm
from antrian.services import counters, queue
from antrian.services.skm import Profile, SkmReport, skm_report, submit_answers
from antrian.store.database import Database
from tests.printing.pdf_text import pdf_pages

OFFICE = Letterhead("Kantor Uji", "Jl. Merdeka No. 1, Jakarta")
SIGNER = Signer("Ibu Kepala, S.Sos.", "197001012000032001", "Jakarta")
MONDAY = date(2026, 11, 30)
SUPERVISOR = Actor(Role.SUPERVISOR, None, "kepala")
ANSWERS = ([4, 3, 4, 4, 3, 3, 4, 4, 3], [3] * 9, [2, 4, 3, 4, 3, 2, 4, 3, 2])


def serve(db: Database, clock: FixedClock, visits: int) -> None:
    """``visits`` tickets of A issued, called, started and finished at counter 1."""
    steps: list[Any] = [lambda s: counters.open_counter(s, 1, actor=SUPERVISOR, clock=clock)]
    steps += [lambda s: queue.issue_ticket(s, "A", clock=clock)] * visits
    for _ in range(visits):
        steps += [
            lambda s: queue.call_next(s, 1, actor=SUPERVISOR, clock=clock),
            lambda s: queue.start(s, 1, actor=SUPERVISOR, clock=clock),
            lambda s: queue.finish(s, 1, actor=SUPERVISOR, clock=clock),
        ]
    for step in steps:
        clock.advance(minutes=1)
        with db.write() as s:
            step(s)


def survey(db: Database, clock: FixedClock) -> None:
    """The three forms of the module's notes and one unfinished touch survey."""
    for number, answers in enumerate(ANSWERS):
        with db.write() as s:
            submit_answers(
                s,
                SUPERVISOR,
                service="A",
                day=MONDAY,
                answers=answers,
                profile=Profile(gender="female") if number == 0 else Profile(),
                suggestion="Ruang tunggu panas" if number == 0 else None,
                clock=clock,
            )
    with db.write() as s:
        submit_answers(
            s,
            KIOSK,
            service="A",
            day=MONDAY,
            answers=[4, 4, None, None, None, None, None, None, None],
            channel="touch",
            complete=False,
            clock=clock,
        )


def read(db: Database, clock: FixedClock, service: str | None = None) -> SkmReport:
    with db.read() as s:
        return skm_report(s, SUPERVISOR, MONDAY, MONDAY, service, clock=clock)


@pytest.fixture
def surveyed(office: Database, clock: FixedClock) -> Database:
    serve(office, clock, 5)
    survey(office, clock)
    return office


def flat(text: str) -> str:
    """Text with every run of white space as one space (a table's cells come out a line each)."""
    return " ".join(text.split())


def printed_hash(pages: list[str]) -> set[str]:
    return {found for text in pages for found in re.findall(r"\b[0-9a-f]{64}\b", text)}


def test_the_survey_as_the_regulations_report(
    surveyed: Database, clock: FixedClock, tmp_path: Path, qapp: Any
) -> None:
    report = read(surveyed, clock)
    path = tmp_path / "skm.pdf"
    count = write_skm_pdf(report, path, OFFICE, SIGNER)
    pages = pdf_pages(path)
    assert len(pages) == count >= 2
    assert all(f"hal. {i} dari {count}" in text for i, text in enumerate(pages, start=1))
    first, every = flat(pages[0]), flat(" ".join(pages))
    assert "Kantor Uji" in first and "Jl. Merdeka No. 1, Jakarta" in first
    assert "Laporan Hasil Survei Kepuasan Masyarakat" in first
    assert "Periode: Senin, 30 November 2026 sampai Senin, 30 November 2026" in first
    assert "Layanan: Semua layanan" in first
    # I: population, required sample, respondents, reached, left out, versions
    assert "Populasi (warga yang selesai dilayani) 5" in every
    assert "Sampel minimal (Krejcie-Morgan) 5" in every and "Responden 3" in every
    assert "Sampel tercapai tidak" in every
    assert "Perhatian: sampel belum tercapai (3 dari 5 responden minimal)" in every
    assert "Survei belum lengkap (tidak dihitung) 1" in every
    assert "Versi kuesioner yang dijawab 1" in every
    # II: no, code, unsur, sum, NRR, weighted NRR; the total is the index value
    for row in (
        "1 U1 Persyaratan 9 3,000 0,333",
        "2 U2 Sistem, Mekanisme dan Prosedur 10 3,333 0,370",
        "4 U4 Biaya/Tarif 11 3,667 0,407",
        "6 U6 Kompetensi Pelaksana 8 2,667 0,296",
        "9 U9 Sarana dan Prasarana 8 2,667 0,296",
        "Jumlah (nilai indeks) 86 3,185",
    ):
        assert row in every, row
    # III: the IKM before and after rounding, the grade, its meaning, the band it falls in
    assert "IKM sebelum pembulatan 79,6296 (2150/27)" in every
    assert "IKM (konversi) 79,63" in every
    assert "Mutu pelayanan B" in every and "Kinerja unit pelayanan Baik" in every
    assert "3 76,61 – 88,30 B Baik 79,63" in every and "1 25,00 – 64,99 D Tidak Baik" in every
    # per service: code, name, population, required sample, respondents, reached, IKM, grade, meaning
    assert "A KTP Elektronik 5 5 3 tidak 79,63 B Baik" in every
    assert "A 3,000 3,333 3,333 3,667 3,000 2,667 3,667 3,333 2,667 79,63" in every
    assert "Perempuan 1 33,3" in every and "Tidak diisi 2 66,7" in every  # the profile
    # IV: the lowest and highest unsur; the suggestion
    assert "prioritas perbaikan: U6 Kompetensi Pelaksana; U9 Sarana dan Prasarana (NRR 2,667)" in every
    assert "dipertahankan: U4 Biaya/Tarif; U7 Perilaku Pelaksana (NRR 3,667)" in every
    assert "1. Senin, 30 November 2026, layanan A: Ruang tunggu panas" in every
    # V: the empty follow-up plan
    assert "V. Rencana Tindak Lanjut" in every
    assert "No Prioritas unsur Program/kegiatan Waktu Penanggung jawab 1 2 3 4 5" in every
    # verification and sign-off
    digest = data_sha256(json_skm(report))
    assert printed_hash(pages) == {digest} and all(digest in text for text in pages)
    assert (
        "antrian skm report --from 2026-11-30 --to 2026-11-30 --format json --canonical | sha256sum" in every
    )
    assert "Jakarta, 30 November 2026" in every and "Kepala Kantor Uji" in every
    assert "Ibu Kepala, S.Sos." in every and "NIP. 197001012000032001" in every


def test_the_hash_is_of_the_figures_and_a_rerun_reproduces_it(
    surveyed: Database, clock: FixedClock, tmp_path: Path, qapp: Any
) -> None:
    path = tmp_path / "skm.pdf"
    write_skm_pdf(read(surveyed, clock), path, OFFICE, SIGNER)
    clock.advance(hours=3)  # made later: when it was made is not its data
    again = json_skm(read(surveyed, clock))
    assert printed_hash(pdf_pages(path)) == {data_sha256(again)}
    with surveyed.write() as s:  # a form entered later for that day changes the figures and the hash
        submit_answers(s, SUPERVISOR, service="A", day=MONDAY, answers=[4] * 9, clock=clock)
    assert data_sha256(json_skm(read(surveyed, clock))) != data_sha256(again)


def test_one_service_names_it_and_leaves_out_the_per_service_tables(
    surveyed: Database, clock: FixedClock, tmp_path: Path, qapp: Any
) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(render_skm(json_skm(read(surveyed, clock, "a")), OFFICE, Signer())[0])
    every = flat(" ".join(pdf_pages(path)))
    assert "Layanan: A – KTP Elektronik" in every and "IKM (konversi) 79,63" in every
    assert "Hasil per Layanan" not in every
    assert "--service A --format json --canonical" in every
    blank = "_" * 28
    assert f"{blank}, 30 November 2026" in every and f"NIP. {blank}" in every


def test_an_english_pdf_with_the_sample_reached(
    office: Database, clock: FixedClock, tmp_path: Path, qapp: Any
) -> None:
    """Nobody served by the queue (population 0, sample 0): reached. The same three forms: IKM 79.63, B."""
    survey(office, clock)
    words.set_language("en")
    path = tmp_path / "skm-en.pdf"
    write_skm_pdf(read(office, clock), path, OFFICE, SIGNER)
    pages = pdf_pages(path)
    every = flat(" ".join(pages))
    assert all(f"page {i} of {len(pages)}" in text for i, text in enumerate(pages, start=1))
    assert "Citizen Satisfaction Survey Results Report" in every
    assert "Period: Monday, 30 November 2026 to Monday, 30 November 2026" in every
    assert "Sample reached yes" in every and "Warning" not in every
    assert "1 U1 Requirements 9 3.000 0.333" in every and "Total (index value) 86 3.185" in every
    assert "IKM (converted) 79.63" in every and "Service quality B" in every
    assert "Highest-scoring element, to be kept: U4 Cost/fee; U7 Behaviour of the staff (NRR 3.667)" in every
    assert "V. Follow-up Plan" in every and "Head of Kantor Uji" in every


def test_no_respondents_says_there_is_no_index(
    office: Database, clock: FixedClock, tmp_path: Path, qapp: Any
) -> None:
    serve(office, clock, 2)
    path = tmp_path / "kosong.pdf"
    write_skm_pdf(read(office, clock), path, OFFICE, SIGNER)
    every = flat(" ".join(pdf_pages(path)))
    assert "Belum ada responden yang mengisi survei dengan lengkap" in every
    assert "Perhatian: sampel belum tercapai (0 dari 2 responden minimal)" in every
    assert "1 U1 Persyaratan 0 - -" in every and "IKM (konversi) -" in every
    assert "Tidak ada saran dalam periode ini." in every
