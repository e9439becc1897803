"""``antrian user ...`` and ``antrian audit``: what they save and print, ``--user`` proven by its password
(a wrong one is exit 2 and audited), the admin only. Run in-process on both databases."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from antrian.cli import main
from antrian.domain.roles import SYSTEM
from antrian.services.login import authenticate
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import AuditRecord, User


@pytest.fixture
def url(office: Database, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    with office.write() as s:
        create_user(s, "admin1", "Admin Satu", "admin", "rahasia123", actor=SYSTEM)
        create_user(s, "kabid", "Kepala Bidang", "supervisor", "rahasia123", actor=SYSTEM)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "antrian.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANTRIAN_PASSWORD", "rahasia123")
    return db_url


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def today() -> str:
    """Today in the test office's zone (WIB), as ``audit --from/--to`` read their days: from 17:00 UTC on it
    is already tomorrow there."""
    return datetime.now(ZoneInfo("Asia/Jakarta")).date().isoformat()


def test_add_prints_the_first_password_once_and_list_shows_the_user(
    capsys: pytest.CaptureFixture[str], url: str, office: Database
) -> None:
    code, out, err = run(
        capsys,
        url,
        "user",
        "add",
        "petugas2",
        "--role",
        "operator",
        "--name",
        "Petugas Dua",
        "--user",
        "admin1",
        "--json",
    )
    assert (code, err) == (0, "")
    added = json.loads(out)
    assert (added["username"], added["role"], added["must_change_password"]) == ("petugas2", "operator", True)
    with office.write() as s:
        assert authenticate(s, "petugas2", added["password"]).must_change_password
    code, out, err = run(capsys, url, "user", "list", "--json")
    assert [(u["username"], u["role"], u["active"]) for u in json.loads(out)] == [
        ("admin1", "admin", True),
        ("kabid", "supervisor", True),
        ("petugas2", "operator", True),
    ]
    assert added["password"] not in out and all("password" not in u for u in json.loads(out))


def test_a_first_password_must_be_changed_before_acting(
    capsys: pytest.CaptureFixture[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, url, "user", "reset-password", "kabid", "--json")
    password = json.loads(out)["password"]
    monkeypatch.setenv("ANTRIAN_PASSWORD", password)
    code, out, err = run(capsys, url, "user", "list", "--user", "kabid")
    assert (code, out) == (2, "")
    assert err == "antrian: kabid harus memilih kata sandi baru dahulu: antrian user password --user kabid\n"
    monkeypatch.setenv("ANTRIAN_NEW_PASSWORD", "kata-sandi-kabid")
    code, out, err = run(capsys, url, "user", "password", "--user", "kabid")
    assert (code, err) == (0, "")
    monkeypatch.setenv("ANTRIAN_PASSWORD", "kata-sandi-kabid")
    assert run(capsys, url, "user", "list", "--user", "kabid")[0] == 0


def test_a_wrong_password_is_exit_2_and_audited(
    capsys: pytest.CaptureFixture[str], url: str, office: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTRIAN_PASSWORD", "salah")
    code, out, err = run(capsys, url, "user", "disable", "kabid", "--user", "admin1")
    assert (code, out, err) == (2, "", "antrian: Nama pengguna atau kata sandi salah\n")
    monkeypatch.delenv("ANTRIAN_PASSWORD")
    code, out, err = run(capsys, url, "user", "disable", "kabid", "--user", "admin1")
    assert (code, out) == (2, "")  # no terminal to ask at, no variable: refused, not hung
    assert "ANTRIAN_PASSWORD" in err
    with office.read() as s:
        assert s.execute(select(User.active).where(User.username == "kabid")).scalar_one()
        failed = s.execute(
            select(AuditRecord.username, AuditRecord.action).where(AuditRecord.action == "login_failed")
        ).all()
    assert failed == [("admin1", "login_failed")]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["user", "add", "kabid", "--role", "operator", "--name", "X"],
            'Nama pengguna "kabid" sudah dipakai',
        ),
        (["user", "edit", "siapa", "--role", "viewer"], 'Pengguna "siapa" tidak ada'),
        (["user", "disable", "admin1"], "admin1 adalah admin aktif terakhir"),
        (["user", "edit", "admin1", "--role", "viewer"], "admin1 adalah admin aktif terakhir"),
        (
            ["user", "add", "baru", "--role", "operator", "--name", "X", "--user", "kabid"],
            "kabid (supervisor) tidak berhak mengelola pengguna",
        ),
        (["user", "edit", "kabid"], "Tidak ada yang diubah"),
    ],
)
def test_bad_input_is_exit_2_one_line_nothing_saved(
    capsys: pytest.CaptureFixture[str], url: str, office: Database, args: list[str], said: str
) -> None:
    with office.read() as s:
        before = s.execute(select(User.username, User.role, User.active).order_by(User.id)).all()
    code, out, err = run(capsys, url, *args)
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1
    with office.read() as s:
        assert s.execute(select(User.username, User.role, User.active).order_by(User.id)).all() == before


def test_audit_as_json_and_csv(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    assert run(capsys, url, "user", "edit", "kabid", "--role", "viewer", "--user", "admin1")[0] == 0
    code, out, err = run(
        capsys, url, "audit", "--from", today(), "--to", today(), "--action", "role_changed", "--json"
    )
    assert (code, err) == (0, "")
    [row] = json.loads(out)
    assert (row["username"], row["role"], row["target"], row["old"], row["new"]) == (
        "admin1", "admin", "kabid", {"role": "supervisor"}, {"role": "viewer"},
    )  # fmt: skip
    target = tmp_path / "audit.csv"
    code, out, err = run(
        capsys, url, "audit", "--from", today(), "--to", today(), "--by", "admin1", "--csv", str(target)
    )
    assert code == 0
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "Waktu (UTC)",
        "Pengguna",
        "Peran",
        "Komputer",
        "Tindakan",
        "Objek",
        "Nilai lama",
        "Nilai baru",
        "Rincian",
    ]
    assert [(r[1], r[4]) for r in rows[1:]] == [("admin1", "masuk"), ("admin1", "peran diubah")]
    assert rows[2][6:8] == ['{"role": "supervisor"}', '{"role": "viewer"}']
    assert (
        run(capsys, url, "audit", "--from", today(), "--to", today(), "--user", "kabid")[0] == 0
    )  # a viewer
