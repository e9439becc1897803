"""``antrian display --counters 1-10,12`` and ``counters`` in the PC's [display] settings: a display for one
zone; what is not a list of counters is exit 2 with one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from antrian.cli import main
from antrian.store.database import open_database
from tests.conftest import seed_admin, seed_office


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """The office's file, and what ``run_display`` was asked for (no window opens)."""
    import antrian.gui.app as app

    path = str(tmp_path / "office.db")
    db = open_database(path, create=True)
    seed_office(db)
    seed_admin(db)
    db.dispose()
    asked: dict[str, Any] = {"db": path}

    def run_display(_db: object, **options: object) -> int:
        asked.update(options)
        return 0

    monkeypatch.setattr(app, "run_display", run_display)
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "antrian.toml"))
    monkeypatch.delenv("ANTRIAN_DATABASE_URL", raising=False)
    return asked


def test_the_counters_option_chooses_the_zone(opened: dict[str, Any]) -> None:
    assert main(["--db", opened["db"], "display", "--counters", "1-3,12"]) == 0
    assert opened["counters"] == frozenset({1, 2, 3, 12})


def test_the_pc_setting_chooses_the_zone_and_the_option_overrides_it(
    opened: dict[str, Any], tmp_path: Path
) -> None:
    (tmp_path / "antrian.toml").write_text('[display]\ncounters = "4-5"\n', encoding="utf-8")
    assert main(["--db", opened["db"], "display"]) == 0
    assert opened["counters"] == frozenset({4, 5})
    assert main(["--db", opened["db"], "display", "--counters", "7"]) == 0
    assert opened["counters"] == frozenset({7})


def test_no_zone_shows_every_counter(opened: dict[str, Any]) -> None:
    assert main(["--db", opened["db"], "display"]) == 0
    assert opened["counters"] is None


@pytest.mark.parametrize("wrong", ["0", "3-1", "1-1000", "satu", "1,,2"])
def test_a_wrong_list_is_exit_2_with_one_line(
    opened: dict[str, Any], wrong: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", opened["db"], "display", "--counters", wrong]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "counters" not in opened
    said = f"{wrong} bukan daftar loket; tulis nomor 1 sampai 999 dan rentang, misalnya 1-10,12"
    assert err == f"antrian: --counters: {said}\n"


def test_a_wrong_setting_is_exit_2_naming_the_file(
    opened: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "antrian.toml").write_text('[display]\ncounters = "1-"\n', encoding="utf-8")
    assert main(["--db", opened["db"], "display"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"antrian: {tmp_path / 'antrian.toml'}: display.counters: 1- bukan daftar loket")
