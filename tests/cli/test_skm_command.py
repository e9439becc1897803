"""``antrian skm submit`` and ``antrian skm report``: a paper form in, the index out as JSON and XLSX; exit 2
with one line naming the problem and nothing saved on bad input. In-process, on both databases."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from antrian.cli import main
from antrian.domain.roles import SYSTEM
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import SkmAnswer, SkmAnswerSet

DAY = "2026-11-30"


@pytest.fixture
def url(office: Database, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The test office (services A, B, C) with a supervisor and an operator; no settings file takes part."""
    with office.write() as s:
        create_user(s, "kabid", "Kepala Bidang", "supervisor", "rahasia123", actor=SYSTEM)
        create_user(s, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "antrian.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANTRIAN_PASSWORD", "rahasia123")  # proves --user (every test user has it)
    return db_url


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def stored(office: Database) -> tuple[int, int]:
    with office.read() as s:
        return (
            s.execute(select(func.count()).select_from(SkmAnswerSet)).scalar_one(),
            s.execute(select(func.count()).select_from(SkmAnswer)).scalar_one(),
        )


def submit(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, url, "skm", "submit", "--user", "kabid", *args)


def test_a_paper_form_in_and_the_index_out(
    url: str, office: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = submit(
        capsys, url, "--date", DAY, "--service", "a", "--answers", "4,3,4,4,3,3,4,4,3",
        "--gender", "female", "--age", "31_40", "--education", "d4_s1", "--occupation", "pns",
        "--suggestion", "Kursi ruang tunggu kurang",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Jawaban SKM tersimpan (nomor 1): layanan A, Senin, 30 November 2026, kuesioner versi 1\n"
    code, out, err = run(capsys, url, "skm", "submit", "--date", DAY, "--service", "B", "--answers",
                         "3,3,3,3,3,3,3,3,3", "--json", "--lang", "en")  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "id": 2, "version": 1, "service": "B", "date": DAY,
        "complete": True, "channel": "paper", "ticket": None,
    }  # fmt: skip
    code, out, err = run(capsys, url, "skm", "report", "--from", DAY, "--to", DAY, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    # 32 + 27 points from 2 respondents: IKM = 25 x 59 / 18 = 81.944... -> 81.94, B
    assert data["respondents"] == 2
    assert data["nrr"] == [3.5, 3.0, 3.5, 3.5, 3.0, 3.0, 3.5, 3.5, 3.0]
    assert (data["ikm"], data["ikm_exact"], data["grade"], data["grade_meaning"]) == (
        81.94,
        "1475/18",
        "B",
        "baik",
    )
    assert (data["population"], data["required_sample"], data["sample_reached"]) == (0, 0, True)
    assert data["lowest"] == ["U2", "U5", "U6", "U9"]
    assert [(s["code"], s["ikm"], s["grade"]) for s in data["services"]] == [
        ("A", 88.89, "A"),
        ("B", 75.0, "C"),
    ]
    assert data["suggestions"] == [{"date": DAY, "service": "A", "text": "Kursi ruang tunggu kurang"}]
    assert {"choice": "female", "count": 1} in data["profile"]["gender"]


def test_the_report_as_a_workbook(
    url: str, office: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for answers in ("4,4,4,4,4,4,4,4,2", "3,3,3,3,3,3,3,3,3"):
        assert submit(capsys, url, "--date", DAY, "--service", "A", "--answers", answers)[0] == 0
    target = tmp_path / "skm.xlsx"
    code, out, err = run(
        capsys, url, "skm", "report", "--from", DAY, "--to", DAY, "--format", "xlsx", "-o", str(target)
    )
    assert (code, out) == (0, "") and str(target) in err
    book = load_workbook(target)
    assert book.sheetnames == [
        "Ringkasan",
        "Unsur",
        "Layanan",
        "Profil responden",
        "Saran",
        "Pertanyaan tambahan",
    ]
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True) if row and row[0]}
    # 34 + 27 = 61 points from 2: IKM = 25 x 61 / 18 = 84.722... -> 84.72, B
    assert summary["IKM (konversi)"] == 84.72
    assert (summary["Mutu pelayanan"], summary["Kinerja unit pelayanan"]) == ("B", "Baik")
    assert summary["Unsur terendah (prioritas perbaikan)"] == "U9 Sarana dan Prasarana"
    unsur = list(book["Unsur"].iter_rows(values_only=True))
    assert unsur[1] == ("U1", "Persyaratan", 7, 3.5, 0.389)
    assert unsur[9] == ("U9", "Sarana dan Prasarana", 5, 2.5, 0.278)
    code, _out, err = run(capsys, url, "skm", "report", "--from", DAY, "--to", DAY, "--format", "xlsx")
    assert code == 2 and "-o" in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--answers", "4,3,4"), "Survei perlu 9 jawaban (U1-U9), bukan 3"),
        (("--answers", "4,3,5,4,3,3,4,4,3"), "Jawaban U3 (Waktu Penyelesaian) harus 1-4, bukan 5"),
        (("--answers", "4,3,x,4,3,3,4,4,3"), "--answers harus sembilan angka 1-4 dipisah koma"),
        (("--service", "Z"), "Z"),
        (("--date", "2026-13-01"), "2026-13-01"),
        (("--date", "2099-01-01"), "belum tiba"),
        (("--ticket", "A999"), "Tidak ada nomor antrean A999 pada Senin, 30 November 2026"),
        (("--age", "99"), "--age"),
        (("--user", "petugas1"), "petugas1 (petugas) tidak berhak memasukkan formulir survei kertas"),
    ],
)
def test_bad_input_is_exit_2_with_one_line_and_nothing_saved(
    url: str, office: Database, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    given: dict[str, Any] = {
        "--date": DAY,
        "--service": "A",
        "--answers": "4,3,4,4,3,3,4,4,3",
        "--user": "kabid",
    }
    given.update(dict(zip(args[::2], args[1::2], strict=True)))
    code, out, err = run(capsys, url, "skm", "submit", *[word for pair in given.items() for word in pair])
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1, err
    assert stored(office) == (0, 0)


def test_operators_do_not_read_the_index(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, url, "skm", "report", "--from", DAY, "--to", DAY, "--format", "json", "--user", "petugas1"
    )
    assert (code, out) == (2, "")
    assert "tidak berhak membaca laporan" in err


def test_the_report_as_a_signed_pdf_whose_hash_the_command_reproduces(
    url: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], qapp: object
) -> None:
    """Two forms of A, 32 + 27 points: IKM = 25 x 59 / 18 = 81.944... -> 81,94, B (Baik); NRR U1 (4 + 3) / 2
    = 3,500, weighted 3,5 / 9 = 0,389."""
    for answers in ("4,3,4,4,3,3,4,4,3", "3,3,3,3,3,3,3,3,3"):
        assert main(["--db", url, "skm", "submit", "--user", "kabid", "--date", DAY, "--service", "A",
                     "--answers", answers]) == 0  # fmt: skip
    capsysbinary.readouterr()
    out = tmp_path / "skm.pdf"
    period = ["skm", "report", "--from", DAY, "--to", DAY, "--user", "kabid"]
    signer = ["--signer", "Kepala UPT", "--nip", "198001012005011002", "--place", "Banjarmasin"]
    assert main(["--db", url, *period, "--format", "pdf", "-o", str(out), *signer]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out == b"" and str(out).encode() in captured.err
    from tests.printing.pdf_text import pdf_pages

    pages = pdf_pages(out)
    every = " ".join(" ".join(text.split()) for text in pages)
    assert "Laporan Hasil Survei Kepuasan Masyarakat" in every and "Kantor Uji" in every
    assert "1 U1 Persyaratan 7 3,500 0,389" in every and "IKM (konversi) 81,94" in every
    assert "Mutu pelayanan B" in every and "Kinerja unit pelayanan Baik" in every
    assert "Banjarmasin, " in every and "Kepala UPT" in every and "NIP. 198001012005011002" in every
    # the hash printed is the SHA-256 of what --canonical writes for the same period
    assert main(["--db", url, *period, "--format", "json", "--canonical"]) == 0
    canonical = capsysbinary.readouterr().out
    (printed,) = {found for text in pages for found in re.findall(r"\b[0-9a-f]{64}\b", text)}
    assert printed == hashlib.sha256(canonical).hexdigest()
    assert json.loads(canonical)["ikm"] == 81.94 and b"made_at" not in canonical


def test_a_pdf_needs_a_file_and_a_bad_path_leaves_nothing(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    period = ["skm", "report", "--from", DAY, "--to", DAY]
    code, out, err = run(capsys, url, *period, "--format", "pdf")
    assert (code, out) == (2, "")
    assert err.strip().endswith(
        "PDF (--format pdf) tidak dapat ditampilkan di layar: sebutkan berkasnya dengan -o FILE"
    )
    code, _out, err = run(capsys, url, *period, "--format", "xlsx", "--canonical", "-o", str(tmp_path / "x"))
    assert code == 2 and "--canonical hanya untuk --format json" in err
    folder = tmp_path / "out"
    folder.mkdir()
    missing = folder / "nowhere" / "skm.pdf"
    code, out, err = run(capsys, url, *period, "--format", "pdf", "-o", str(missing))
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "tidak dapat menulis" in err and str(missing) in err
    assert list(folder.iterdir()) == []
