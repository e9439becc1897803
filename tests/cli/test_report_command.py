"""``antrian report``: JSON to stdout or a file, the log as CSV, and every bad input exit 2 with one line and
nothing written; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from antrian.cli import main
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.users import create_user
from antrian.store.database import Database, open_database

MONDAY = "2026-11-30"


@pytest.fixture
def url(office: Database, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The office with Monday's A001 served at counter 1 (waited 10 min, served 5) and A002 still waiting,
    and its users: kepala (supervisor) and petugas1 (operator)."""
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "antrian.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANTRIAN_PASSWORD", "rahasia123")  # proves --user (every test user has it)
    clock = FixedClock(datetime(2026, 11, 30, 2, 0, tzinfo=UTC))
    with office.write() as s:
        create_user(s, "kepala", "Kepala UPT", "supervisor", "rahasia123", actor=SYSTEM)
        create_user(s, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
        counters.open_counter(s, 1, actor=SYSTEM, clock=clock)
        queue.issue_ticket(s, "A", clock=clock)
        queue.issue_ticket(s, "A", clock=clock)
    for step, minutes in (("call_next", 10), ("start", 1), ("finish", 5)):
        clock.advance(minutes=minutes)
        with office.write() as s:
            getattr(queue, step)(s, 1, actor=SYSTEM, clock=clock)
    return db_url


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the exports go: a folder of their own (the SQLite file sits in ``tmp_path``)."""
    made = tmp_path / "out"
    made.mkdir()
    return made


def report(url: str, *args: str) -> int:
    return main(["--db", url, "report", "--from", MONDAY, "--to", MONDAY, *args])


def test_json_to_stdout(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(url, "--format", "json", "--user", "kepala") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"period", "services", "counters", "operators", "hours", "office", "weekday_hour"}
    (a,) = data["services"]
    assert (a["code"], a["issued"], a["served"], a["not_called"]) == ("A", 2, 1, 1)
    assert (a["waiting"]["max"], a["service_time"]["p50"], a["within_standard_pct"]) == (600.0, 300.0, 100.0)
    assert data["counters"][0]["number"] == 1 and data["counters"][0]["served"] == 1


def test_csv_to_a_file_has_a_row_per_json_visit(
    url: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "log.csv"
    assert report(url, "--format", "csv", "-o", str(out)) == 0
    assert capsys.readouterr().out == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "Nomor" and [row[0] for row in rows[1:]] == ["A001", "A002"]
    assert report(url, "--format", "json", "-o", str(folder / "r.json")) == 0
    data = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    assert data["office"]["visits"] == len(rows) - 1 == 2
    assert sorted(p.name for p in folder.iterdir()) == ["log.csv", "r.json"]


def test_a_period_without_tickets_is_an_empty_report(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["--db", url, "report", "--from", "2026-12-07", "--to", "2026-12-13", "--format", "json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["services"] == [] and data["office"]["visits"] == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--from", "2026-12-01", "--to", MONDAY, "--format", "json"], "periode dimulai 2026-12-01"),
        (["--from", "2026-11-31", "--to", MONDAY, "--format", "json"], '--from "2026-11-31" bukan tanggal'),
        (["--from", MONDAY, "--to", "senin", "--format", "csv"], '--to "senin" bukan tanggal'),
        (["--from", MONDAY, "--to", MONDAY, "--format", "json", "--service", "Z"], 'Layanan "Z" tidak ada'),
        (["--from", MONDAY, "--to", MONDAY, "--format", "xlsx"], "xlsx"),
        (["--from", MONDAY, "--to", MONDAY, "--format", "json", "--user", "petugas1"], "petugas1"),
    ],
)
def test_bad_input_is_exit_2_with_one_line(
    url: str, capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    assert main(["--db", url, "report", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and code in captured.err


def test_an_unwritable_output_writes_nothing(
    url: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = folder / "nowhere" / "log.csv"
    assert report(url, "--format", "csv", "-o", str(missing)) == 2
    assert "tidak dapat menulis" in capsys.readouterr().err
    assert not missing.parent.exists()
    # a folder in the way: the complete temporary file cannot take its name, and is removed
    taken = folder / "taken"
    taken.mkdir()
    (taken / "inside.txt").write_text("x")
    assert report(url, "--format", "json", "-o", str(taken)) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert [p.name for p in folder.iterdir()] == ["taken"]
    assert [p.name for p in taken.iterdir()] == ["inside.txt"]


def test_an_existing_file_is_replaced_whole(url: str, folder: Path) -> None:
    out = folder / "r.json"
    out.write_text("old", encoding="utf-8")
    assert report(url, "--format", "json", "-o", str(out)) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["period"]["from"] == MONDAY
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)


def test_xlsx_to_a_file_has_the_json_totals(
    url: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "laporan.xlsx"
    assert report(url, "--format", "xlsx", "-o", str(out)) == 0
    assert capsys.readouterr().out == ""
    book = load_workbook(out)
    assert book.sheetnames == ["Ringkasan", "Layanan", "Loket", "Petugas", "Jam", "Harian", "Log"]
    header, every, *_ = book["Layanan"].iter_rows(values_only=True)
    row = dict(zip(header, every, strict=True))
    assert (row["Kode"], row["Diambil"], row["Dilayani"], row["Menunggu: maks. (detik)"]) == (
        "A",
        2,
        1,
        600.0,
    )
    assert [r[0] for r in book["Log"].iter_rows(values_only=True)] == ["Nomor", "A001", "A002"]
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)
    assert [p.name for p in folder.iterdir()] == ["laporan.xlsx"]


def test_xlsx_is_refused_on_the_screen(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(url, "--format", "xlsx") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().endswith(
        "buku kerja (--format xlsx) tidak dapat ditampilkan di layar: sebutkan berkasnya dengan -o FILE"
    )


def test_an_unwritable_xlsx_writes_nothing(
    url: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = folder / "nowhere" / "laporan.xlsx"
    assert report(url, "--format", "xlsx", "-o", str(missing)) == 2
    assert "tidak dapat menulis" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_pdf_has_the_json_csv_and_xlsx_totals_and_a_hash_the_command_reproduces(
    url: str, folder: Path, capsysbinary: pytest.CaptureFixture[bytes], qapp: object
) -> None:
    from tests.printing.pdf_text import pdf_pages

    # A002, still waiting on the day read, would wait longer at every read: the hash is of a period whose
    # tickets have ended (docs/DESIGN.md 'Evidence PDF')
    db = open_database(url)
    try:
        with db.write() as s:
            queue.cancel(s, "A002", actor=SYSTEM, clock=FixedClock(datetime(2026, 11, 30, 3, 0, tzinfo=UTC)))
    finally:
        db.dispose()
    out = folder / "laporan.pdf"
    signer = ["--signer", "Kepala UPT", "--nip", "198001012005011002", "--place", "Jakarta"]
    assert report(url, "--format", "pdf", "-o", str(out), "--user", "kepala", *signer) == 0
    assert capsysbinary.readouterr().out == b""
    pages = pdf_pages(out)
    every = " ".join(" ".join(text.split()) for text in pages)
    assert all(f"hal. {i} dari {len(pages)}" in text for i, text in enumerate(pages, start=1))
    assert "Kantor Uji" in pages[0] and "Kepala UPT" in every and "NIP. 198001012005011002" in every
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)
    # the hash printed is the SHA-256 of what --canonical writes for the same period
    assert report(url, "--format", "json", "--canonical") == 0
    canonical = capsysbinary.readouterr().out
    assert report(url, "--format", "json", "--canonical", "-o", str(folder / "canonical.json")) == 0
    assert (folder / "canonical.json").read_bytes() == canonical  # the same bytes in a file
    (printed,) = {found for text in pages for found in re.findall(r"\b[0-9a-f]{64}\b", text)}
    assert printed == hashlib.sha256(canonical).hexdigest()
    data = json.loads(canonical)
    # JSON = CSV = XLSX = PDF: 2 visits of A, 1 served, 1 cancelled, 2 citizens
    assert report(url, "--format", "csv", "-o", str(folder / "log.csv")) == 0
    assert report(url, "--format", "xlsx", "-o", str(folder / "laporan.xlsx")) == 0
    csv_rows = (folder / "log.csv").read_text(encoding="utf-8-sig").strip().splitlines()[1:]
    book = load_workbook(folder / "laporan.xlsx")
    log_rows = list(book["Log"].iter_rows(values_only=True))[1:]
    (a,) = data["services"]
    assert data["office"]["visits"] == len(csv_rows) == len(log_rows) == a["issued"] == 2
    assert f"Kunjungan {data['office']['visits']}" in every and f"Warga {data['office']['citizens']}" in every
    counts = " ".join(str(a[key]) for key in ("issued", "served", "no_show", "cancelled", "expired"))
    assert counts == "2 1 0 1 0" and f"A semua {counts} 0 1 (100,0 %)" in every


def test_pdf_is_refused_on_the_screen_and_canonical_is_json_only(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report(url, "--format", "pdf") == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.strip().endswith(
        "PDF (--format pdf) tidak dapat ditampilkan di layar: sebutkan berkasnya dengan -o FILE"
    )
    assert report(url, "--format", "csv", "--canonical") == 2
    assert "--canonical hanya untuk --format json" in capsys.readouterr().err


def test_an_unwritable_pdf_writes_nothing(
    url: str, folder: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    missing = folder / "nowhere" / "laporan.pdf"
    assert report(url, "--format", "pdf", "-o", str(missing)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "tidak dapat menulis" in err and str(missing) in err
    assert list(folder.iterdir()) == []


def test_pdf_from_a_fresh_process_without_a_display(url: str, folder: Path, qapp: object) -> None:
    """The command makes its own offscreen Qt application when there is no screen (no QT_QPA_PLATFORM)."""
    import os
    import subprocess
    import sys

    from tests.printing.pdf_text import pdf_pages

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    out = folder / "laporan.pdf"
    args = ["--db", url, "report", "--from", MONDAY, "--to", MONDAY, "--format", "pdf", "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "antrian", *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    pages = pdf_pages(out)
    assert "Kantor Uji" in pages[0] and f"hal. {len(pages)} dari {len(pages)}" in pages[-1]
