"""``antrian zone add/edit/remove/list`` and ``--zone`` on ``antrian service|counter add|edit``: what they
save, their ``--json`` shapes, exit 2 with one line and nothing saved on bad input, the admin only. Run
in-process on both databases."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from antrian.store.database import Database
from antrian.store.models import Event, Zone
from tests.cli.test_setup_commands import as_json, run
from tests.cli.test_setup_commands import url as url  # the fixture: the test office with a supervisor


def saved(office: Database) -> tuple[object, ...]:
    with office.read() as s:
        return (
            s.execute(select(Zone.code, Zone.name, Zone.display_order).order_by(Zone.id)).all(),
            s.execute(select(func.count()).where(Event.kind == "settings_changed")).scalar_one(),
        )


def test_zone_add_edit_list_remove_and_zones_of_services_and_counters(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, url, "zone", "add", "dukcapil", "--name", "Dinas Kependudukan")
    assert (code, out, err) == (0, "DUKCAPIL  Dinas Kependudukan: layanan tidak ada; loket tidak ada\n", "")
    assert as_json(capsys, url, "zone", "add", "PAJAK", "--name", "Bapenda") == {
        "code": "PAJAK",
        "name": "Bapenda",
        "order": 1,
        "services": [],
        "counters": [],
    }
    assert as_json(capsys, url, "service", "edit", "C", "--zone", "pajak")["zone"] == "PAJAK"
    assert (
        as_json(capsys, url, "service", "edit", "A", "--zone", "DUKCAPIL", "--quota", "40")["zone"]
        == "DUKCAPIL"
    )
    added = as_json(
        capsys, url, "service", "add", "D", "--name", "Akta Kematian", "--time", "1", "--zone", "DUKCAPIL"
    )
    assert added["zone"] == "DUKCAPIL"
    counter = as_json(
        capsys, url, "counter", "add", "4", "--name", "Loket Pajak", "--services", "C", "--zone", "PAJAK"
    )
    assert (counter["services"], counter["zone"]) == (["C"], "PAJAK")
    code, out, _ = run(capsys, url, "counter", "edit", "4", "--name", "Loket Bapenda")
    assert out == "  4  Loket Bapenda  C  [PAJAK]\n"
    edited = as_json(
        capsys, url, "zone", "edit", "PAJAK", "--name", "Badan Pendapatan Daerah", "--order", "-1"
    )
    assert edited == {
        "code": "PAJAK",
        "name": "Badan Pendapatan Daerah",
        "order": -1,
        "services": ["C"],
        "counters": [4],
    }
    assert [(z["code"], z["services"], z["counters"]) for z in as_json(capsys, url, "zone", "list")] == [
        ("PAJAK", ["C"], [4]),
        ("DUKCAPIL", ["A", "D"], []),
    ]
    code, out, _ = run(capsys, url, "--lang", "en", "zone", "list")
    assert out.splitlines() == [
        "PAJAK  Badan Pendapatan Daerah: services C; counters 4",
        "DUKCAPIL  Dinas Kependudukan: services A, D; counters none",
    ]
    assert [s["zone"] for s in as_json(capsys, url, "service", "list")] == [
        "DUKCAPIL",
        None,
        "PAJAK",
        "DUKCAPIL",
    ]
    assert [c["zone"] for c in as_json(capsys, url, "counter", "list")] == [None, None, None, "PAJAK"]
    # out of the zone, then the zone can go
    assert as_json(capsys, url, "counter", "edit", "4", "--no-zone")["zone"] is None
    assert as_json(capsys, url, "service", "edit", "C", "--no-zone")["zone"] is None
    code, out, err = run(capsys, url, "zone", "remove", "PAJAK")
    assert (code, err) == (0, "")
    assert out.startswith("Dihapus: PAJAK")
    assert [z["code"] for z in as_json(capsys, url, "zone", "list")] == ["DUKCAPIL"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["zone", "add", "DUK CAPIL", "--name", "x"], "Kode zona harus 1-16 huruf"),
        (["zone", "add", "PAJAK", "--name", "Lagi"], "Kode zona PAJAK sudah dipakai oleh Bapenda"),
        (["zone", "add", "BPJS"], "--name"),
        (["zone", "edit", "BPJS", "--name", "x"], "Zona BPJS tidak ada; zona yang ada: PAJAK"),
        (["zone", "remove", "PAJAK"], "Zona PAJAK masih dipakai: layanan C, loket 3"),
        (["service", "edit", "A", "--zone", "BPJS"], "Zona BPJS tidak ada"),
        (["service", "edit", "A", "--zone", "PAJAK", "--no-zone"], "not allowed with"),
        (["counter", "edit", "3", "--services", "A"], "Loket 3 (zona PAJAK) tidak dapat melayani layanan A"),
        (
            ["counter", "add", "5", "--name", "x", "--services", "A", "--zone", "PAJAK"],
            "Loket 5 (zona PAJAK)",
        ),
        (["zone", "add", "BPJS", "--name", "x", "--user", "kabid"], "tidak berhak"),
        (["service", "edit", "A", "--zone", "PAJAK", "--user", "kabid"], "tidak berhak"),
    ],
)
def test_bad_zone_input_is_exit_2_one_line_and_nothing_saved(
    url: str, office: Database, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert run(capsys, url, "zone", "add", "PAJAK", "--name", "Bapenda")[0] == 0
    assert run(capsys, url, "service", "edit", "C", "--zone", "PAJAK")[0] == 0
    assert run(capsys, url, "counter", "edit", "3", "--zone", "PAJAK")[0] == 0
    assert run(capsys, url, "counter", "edit", "1", "--zone", "PAJAK")[0] == 2  # serves A and B
    capsys.readouterr()
    before = saved(office)
    code, out, err = run(capsys, url, *args)
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1, err
    assert saved(office) == before


@pytest.mark.parametrize("window", ["kiosk", "display"])
def test_a_window_for_an_unknown_zone_is_refused_at_start(
    url: str, capsys: pytest.CaptureFixture[str], window: str, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, url, "zone", "add", "PAJAK", "--name", "Bapenda")[0] == 0
    code, out, err = run(capsys, url, window, "--zone", "PAJAK", "--zone", "samsat")
    assert (code, out) == (2, "")
    assert "Zona SAMSAT tidak ada; zona yang ada: PAJAK" in err and err.count("\n") == 1, err
    config = tmp_path / "antrian.toml"  # the url fixture's settings file
    config.write_text(f'[{window}]\nzones = ["BPJS"]\n', encoding="utf-8")
    code, out, err = run(capsys, url, window)
    assert (code, out) == (2, "")
    assert "Zona BPJS tidak ada" in err, err


def test_report_of_a_zone(url: str, office: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """Monday: A001 served at counter 1 (DUKCAPIL: A, B) and C001 waiting (PAJAK: C)."""
    from datetime import UTC, datetime

    from antrian.domain.roles import SYSTEM
    from antrian.domain.timing import FixedClock
    from antrian.services import counters, queue

    for args in (
        ("zone", "add", "DUKCAPIL", "--name", "Dukcapil"),
        ("zone", "add", "PAJAK", "--name", "Bapenda"),
    ):
        assert run(capsys, url, *args)[0] == 0
    for code, zone in (("A", "DUKCAPIL"), ("B", "DUKCAPIL"), ("C", "PAJAK")):
        assert run(capsys, url, "service", "edit", code, "--zone", zone)[0] == 0
    clock = FixedClock(datetime(2026, 11, 30, 2, 0, tzinfo=UTC))
    with office.write() as s:
        counters.open_counter(s, 1, actor=SYSTEM, clock=clock)
        queue.issue_ticket(s, "A", clock=clock)
        queue.issue_ticket(s, "C", clock=clock)
    for step in ("call_next", "start", "finish"):
        clock.advance(minutes=5)
        with office.write() as s:
            getattr(queue, step)(s, 1, actor=SYSTEM, clock=clock)
    capsys.readouterr()
    monday = ("report", "--from", "2026-11-30", "--to", "2026-11-30", "--format", "json")
    data = json.loads(run(capsys, url, *monday, "--zone", "pajak")[1])
    assert data["period"]["zone"] == "PAJAK"
    assert [(s["code"], s["issued"], s["served"]) for s in data["services"]] == [("C", 1, 0)]
    assert data["counters"] == []
    data = json.loads(run(capsys, url, *monday, "--zone", "DUKCAPIL")[1])
    assert [(s["code"], s["issued"], s["served"]) for s in data["services"]] == [("A", 1, 1)]
    assert [c["number"] for c in data["counters"]] == [1]
    code, out, err = run(capsys, url, *monday, "--zone", "SAMSAT")
    assert (code, out) == (2, "") and "Zona SAMSAT tidak ada" in err
