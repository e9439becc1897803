"""``antrian standard set`` and ``antrian standard list [CODE] [--json]``: admins and supervisors record and
read the standards with their history; operators are refused; bad input is exit 2 with one line. Run
in-process on both databases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antrian.cli import DECREE_TEXT, main
from antrian.domain.roles import SYSTEM
from antrian.services.standards import DECREE_LIMIT, list_standards
from antrian.services.users import create_user
from antrian.store.database import Database

DECREE = "Keputusan Kepala Dinas No. 12/2026"


@pytest.fixture
def url(office: Database, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The test office, with a supervisor and an operator; no settings file of this PC takes part."""
    with office.write() as s:
        create_user(s, "kabid", "Kepala Bidang", "supervisor", "rahasia123", actor=SYSTEM)
        create_user(s, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "antrian.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANTRIAN_PASSWORD", "rahasia123")  # proves --user (every test user has it)
    return db_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> Any:
    code, out, err = run(capsys, "--db", url, "standard", "list", *args, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def test_set_then_list_as_a_supervisor(
    url: str, office: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "--db", url, "standard", "set", "a", "--time", "3", "--unit", "working-days",
        "--from", "2027-01-01", "--decree", DECREE, "--user", "kabid",
    )  # fmt: skip
    assert (code, out.strip(), err) == (0, "Standar layanan A: 3 hari kerja mulai 2027-01-01", "")
    code, out, _ = run(
        capsys,
        "--db", url, "--lang", "en", "standard", "set", "A", "--time", "20", "--unit", "minutes",
        "--waiting-target", "30", "--from", "2026-12-15", "--json",
    )  # fmt: skip
    entry = json.loads(out)
    assert code == 0 and entry.pop("set_at")
    assert entry == {
        "code": "A",
        "effective_from": "2026-12-15",
        "value": 20,
        "unit": "minutes",
        "waiting_target_minutes": 30,
        "decree": None,
        "set_by": None,  # the local command line without --user: the system
    }
    entries = listed(capsys, url, "A", "--user", "kabid")
    assert [
        (e["effective_from"], e["value"], e["unit"], e["waiting_target_minutes"], e["decree"], e["set_by"])
        for e in entries
    ] == [
        ("2026-11-30", 15, "minutes", None, None, None),  # the test office's first entry
        ("2026-12-15", 20, "minutes", 30, None, None),
        ("2027-01-01", 3, "working_days", None, DECREE, "kabid"),
    ]
    assert sorted(entries[0]) == [
        "code", "decree", "effective_from", "set_at", "set_by", "unit", "value", "waiting_target_minutes",
    ]  # fmt: skip
    assert [e["code"] for e in listed(capsys, url)] == ["A", "A", "A", "B", "C"]
    code, out, _ = run(capsys, "--db", url, "standard", "list", "A")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[2].startswith("A   2027-01-01  3 hari kerja")
    assert DECREE in lines[2] and "kabid" in lines[2]
    assert "target tunggu 30 menit" in lines[1]
    with office.read() as s:
        assert [e.standard.effective_from for e in list_standards(s, SYSTEM, "A")][-1] == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--time", "0"], "--time"),
        (["--time", "x"], "--time"),
        (["--unit", "weeks"], "weeks"),
        (["--from", "2026-02-30"], '--from "2026-02-30" bukan tanggal'),
        (["--from", "besok"], '--from "besok" bukan tanggal'),
        (["--waiting-target", "0"], "--waiting-target"),
        (["--decree", "K" * (DECREE_TEXT + 1)], "--decree"),
        (["--decree", "baris\nbaru"], "--decree"),
        (["--code", "Z"], 'Layanan "Z" tidak ada'),
        (["--code", "123"], "123"),
    ],
)
def test_bad_input_is_exit_2_with_one_line_and_nothing_written(
    url: str, office: Database, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    options = {"--code": "A", "--time": "20", "--unit": "minutes", "--from": "2026-12-15"}
    options.update(zip(args[::2], args[1::2], strict=True))
    argv = ["--db", url, "standard", "set", options.pop("--code")]
    for option, value in options.items():
        argv += [option, value]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("antrian: ") and said in err and err.count("\n") == 1, err
    with office.read() as s:
        assert len(list_standards(s, SYSTEM, "A")) == 1


def test_operators_are_refused_both_commands(
    url: str, office: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "--db", url, "standard", "set", "A", "--time", "20", "--unit", "minutes", "--from", "2026-12-15",
        "--user", "petugas1",
    )  # fmt: skip
    assert (code, out) == (2, "")
    refused = "antrian: petugas1 (petugas) tidak berhak mengatur standar pelayanan\n"
    assert err == refused
    code, out, err = run(capsys, "--db", url, "standard", "list", "--user", "petugas1")
    assert (code, out, err) == (2, "", "antrian: petugas1 (petugas) tidak berhak membaca pengaturan kantor\n")
    with office.read() as s:
        assert len(list_standards(s, SYSTEM, "A")) == 1


def test_the_decree_limit_is_the_columns_width() -> None:
    assert DECREE_TEXT == DECREE_LIMIT
