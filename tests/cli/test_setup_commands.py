"""``antrian service|counter add/edit/list`` and ``antrian holiday|break add/remove/list``: what they save,
their ``--json`` shapes, exit 2 with one line and nothing saved on bad input, the admin only. Run in-process
on both databases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from antrian.cli import main
from antrian.domain.roles import SYSTEM
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import Event, Holiday, OfficeBreak, Service
from tests.conftest import seed_admin


@pytest.fixture
def url(office: Database, db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The test office (services A, B, C; counters 1-3) with a supervisor and an admin (so a window opens
    rather than the first-run wizard); no settings file takes part."""
    with office.write() as s:
        create_user(s, "kabid", "Kepala Bidang", "supervisor", "rahasia123", actor=SYSTEM)
    seed_admin(office)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "antrian.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANTRIAN_PASSWORD", "rahasia123")  # proves --user (every test user has it)
    return db_url


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> Any:
    code, out, err = run(capsys, url, *args, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def saved(office: Database) -> tuple[int, ...]:
    """How many services, holidays, breaks and settings_changed events the database holds."""
    with office.read() as s:
        return tuple(
            int(s.execute(query).scalar_one())
            for query in (
                select(func.count()).select_from(Service),
                select(func.count()).select_from(Holiday),
                select(func.count()).select_from(OfficeBreak),
                select(func.count()).where(Event.kind == "settings_changed"),
            )
        )


def test_service_add_edit_list(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, url, "service", "add", "d", "--name", "Surat Pindah", "--time", "3", "--unit", "working-days",
        "--waiting-target", "30", "--quota", "50", "--opens", "08:00", "--closes", "12:00", "--days", "12345",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "D  Surat Pindah: 3 hari kerja; target tunggu 30 menit; kuota 50 nomor sehari; pukul 08:00-12:00; "
        "hari buka 12345\n"
    )
    edited = as_json(capsys, url, "service", "edit", "D", "--closes", "11:30", "--name", "Surat Pindah WNI")
    assert edited == {
        "code": "D",
        "name": "Surat Pindah WNI",
        "standard_time": 3,
        "standard_unit": "working_days",
        "waiting_target_minutes": 30,
        "daily_quota": 50,
        "opens_at": "08:00",
        "closes_at": "11:30",
        "open_days": "12345",
        "active": True,
        "display_order": 0,
        "zone": None,
    }
    listed = as_json(capsys, url, "service", "list")
    assert [s["code"] for s in listed] == ["A", "B", "C", "D"]
    assert listed[3] == edited
    code, out, _ = run(capsys, url, "--lang", "en", "service", "list")
    assert (
        out.splitlines()[0]
        == "A  KTP Elektronik: 15 minutes; no waiting target; no quota; no set hours; open days 1234567"
    )


def test_counter_add_edit_list(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, url, "counter", "add", "4", "--name", "Loket Prioritas", "--services", "C, A"
    )
    assert (code, out, err) == (0, "  4  Loket Prioritas  C, A\n", "")
    edited = as_json(capsys, url, "counter", "edit", "4", "--services", "B")
    assert (edited["number"], edited["name"], edited["services"], edited["state"]) == (
        4,
        "Loket Prioritas",
        ["B"],
        "closed",
    )
    assert [(c["number"], c["services"]) for c in as_json(capsys, url, "counter", "list")] == [
        (1, ["A", "B"]),
        (2, ["A", "B"]),
        (3, ["C"]),
        (4, ["B"]),
    ]


def test_holidays_and_breaks(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, url, "holiday", "add", "2026-12-25", "--name", "Hari Raya Natal")
    assert (code, out, err) == (0, "Jumat, 25 Desember 2026: Hari Raya Natal\n", "")
    assert as_json(capsys, url, "holiday", "list") == [{"date": "2026-12-25", "name": "Hari Raya Natal"}]
    [prayers] = as_json(capsys, url, "break", "add", "Jumat", "11:30", "13:00", "--name", "Salat Jumat")
    assert prayers == {
        "id": prayers["id"],
        "weekday": 5,
        "start": "11:30",
        "end": "13:00",
        "name": "Salat Jumat",
    }
    lunch = as_json(
        capsys, url, "break", "add", "monday-thursday", "12:00", "13:00", "--name", "Istirahat siang"
    )
    assert [b["weekday"] for b in lunch] == [1, 2, 3, 4]
    code, out, _ = run(capsys, url, "--lang", "en", "break", "list")
    assert out.splitlines()[-1] == f"#{prayers['id']}  Friday 11:30-13:00  Salat Jumat"
    assert len(as_json(capsys, url, "break", "list")) == 5
    assert as_json(capsys, url, "break", "remove", str(prayers["id"])) == prayers
    assert as_json(capsys, url, "holiday", "remove", "2026-12-25") == {
        "date": "2026-12-25",
        "name": "Hari Raya Natal",
    }
    assert as_json(capsys, url, "holiday", "list") == []
    code, out, _ = run(capsys, url, "--lang", "en", "holiday", "list")
    assert (code, out) == (0, "No holidays yet\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["service", "add", "A", "--name", "Lagi", "--time", "5"],
            "Kode layanan A sudah dipakai oleh KTP Elektronik",
        ),
        (["service", "add", "D", "--name", "Surat"], "--time"),
        (
            [
                "service",
                "add",
                "D",
                "--name",
                "Surat",
                "--time",
                "5",
                "--opens",
                "15:00",
                "--closes",
                "08:00",
            ],
            "tutup (08:00) sebelum buka (15:00)",
        ),
        (["service", "edit", "A", "--opens", "8.00"], "--opens harus jam seperti 13:00"),
        (["service", "edit", "A", "--quota", "0"], "--quota"),
        (["service", "edit", "Z", "--quota", "5"], 'Layanan "Z" tidak ada'),
        (
            ["counter", "add", "4", "--name", "Loket 4", "--services", ","],
            "Loket 4 harus melayani paling sedikit satu layanan",
        ),
        (["counter", "add", "1", "--name", "Loket 1", "--services", "A"], "Loket 1 sudah ada"),
        (["counter", "edit", "9", "--name", "x"], "Loket 9 tidak ada"),
        (["holiday", "add", "2026-02-30", "--name", "x"], "bukan tanggal"),
        (["holiday", "add", "2026-12-01", "--name", " "], "Hari libur perlu nama"),
        (["holiday", "remove", "2026-12-01"], "bukan hari libur"),
        (["break", "add", "8", "11:00", "12:00", "--name", "x"], "WEEKDAY harus 1-7"),
        (["break", "add", "jumat-senin", "11:00", "12:00", "--name", "x"], "WEEKDAY harus 1-7"),
        (
            ["break", "add", "1", "12:00", "11:00", "--name", "x"],
            "harus berakhir (11:00) sesudah mulai (12:00)",
        ),
        (["break", "add", "1", "24:00", "25:00", "--name", "x"], "START harus jam"),
        (["break", "remove", "99"], "Tidak ada jam istirahat dengan nomor 99"),
        (
            ["holiday", "add", "2026-12-01", "--name", "x", "--user", "kabid"],
            "tidak berhak mengubah pengaturan kantor",
        ),
        (["service", "edit", "A", "--quota", "9", "--user", "kabid"], "tidak berhak"),
    ],
)
def test_bad_input_is_exit_2_one_line_and_nothing_saved(
    url: str, office: Database, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    before = saved(office)
    code, out, err = run(capsys, url, *args)
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1, err
    assert saved(office) == before


def test_an_overlapping_break_is_refused_and_nothing_is_saved(
    url: str, office: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, url, "break", "add", "5", "11:30", "13:00", "--name", "Salat Jumat")[0] == 0
    before = saved(office)
    code, out, err = run(
        capsys, url, "break", "add", "setiap-hari", "12:00", "13:00", "--name", "Istirahat siang"
    )
    assert (code, out) == (2, "")
    assert err == "antrian: Jam istirahat bertumpang tindih dengan Salat Jumat hari Jumat pukul 11:30-13:00\n"
    assert saved(office) == before


def test_service_edit_clears_quota_hours_and_target(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    set_up = as_json(
        capsys, url, "service", "edit", "A", "--quota", "40", "--opens", "08:00", "--closes", "12:00",
        "--waiting-target", "20",
    )  # fmt: skip
    assert (set_up["daily_quota"], set_up["opens_at"], set_up["waiting_target_minutes"]) == (40, "08:00", 20)
    cleared = as_json(capsys, url, "service", "edit", "A", "--no-quota", "--no-hours", "--no-waiting-target")
    assert (cleared["daily_quota"], cleared["opens_at"], cleared["closes_at"]) == (None, None, None)
    assert cleared["waiting_target_minutes"] is None and cleared["name"] == "KTP Elektronik"


def test_service_edit_refuses_a_value_and_its_clearing_together(
    url: str, office: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    before = saved(office)
    code, out, err = run(capsys, url, "service", "edit", "A", "--no-hours", "--closes", "12:00")
    assert (code, out) == (2, "")
    assert err.strip().endswith("--no-hours dan --closes tidak dapat diberikan bersamaan")
    assert saved(office) == before
