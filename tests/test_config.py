"""The per-machine settings file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from antrian import words
from antrian.config import load_config
from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message
from tests.helpers import raises_code


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "antrian.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_kiosk_pc(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'database = "postgresql://antrian@10.0.0.2/antrian"\n[kiosk]\nprinter = "usb:0416:5011"\n'
        "paper_width = 58\npin = 4321\n[display]\nscreen = 1\n",
    )
    config = load_config(path)
    assert (config.database, config.kiosk_printer, config.kiosk_paper_width) == (
        "postgresql://antrian@10.0.0.2/antrian",
        "usb:0416:5011",
        58,
    )
    assert (config.kiosk_pin, config.display_screen, config.source) == ("4321", 1, path)


def test_a_counter_pc(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "[counter]\nnumber = 3\n")).counter_number == 3
    assert load_config(write(tmp_path, "[kiosk]\n")).counter_number is None


def test_missing_file_is_an_empty_configuration(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml").kiosk_printer is None


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("database = ", "config.not_toml", {}),
        (
            'printer = "usb:1:2"\n',
            "config.unknown",
            {"names": ["printer"], "known": ["counter", "database", "display", "kiosk", "language"]},
        ),
        ("[kiosk]\npaper_width = 76\n", "config.paper_width", {"width": 76}),
        (
            "[kiosk]\nprinter = 9100\n",
            "config.wrong_type",
            {"key": "printer", "kind": Message("config.kind_text"), "value": 9100},
        ),
        ('kiosk = "usb"\n', "config.not_tables", {}),
        ("counter = 2\n", "config.not_tables", {}),
        ("[counter]\nnumber = 0\n", "config.counter_number", {"number": 0}),
        (
            '[counter]\nnumber = "2"\n',
            "config.wrong_type",
            {"key": "number", "kind": Message("config.kind_number"), "value": "2"},
        ),
        ('language = "fr"\n', "config.language", {"language": "fr", "choices": ["id", "en"]}),
        (
            "language = 1\n",
            "config.wrong_type",
            {"key": "language", "kind": Message("config.kind_text"), "value": 1},
        ),
    ],
)
def test_a_broken_file_names_the_problem(
    tmp_path: Path, text: str, code: str, params: dict[str, object]
) -> None:
    path = write(tmp_path, text)
    with raises_code(InvalidInput, code, path=str(path), **params):
        load_config(path)


def test_a_broken_file_in_both_languages(tmp_path: Path) -> None:
    path = write(tmp_path, "[kiosk]\npaper_width = 76\n")
    with raises_code(InvalidInput, "config.paper_width") as caught:
        load_config(path)
    assert words.say(caught.value, lang="id") == f"{path}: kiosk.paper_width harus 58 atau 80, bukan 76"
    assert words.say(caught.value, lang="en") == f"{path}: kiosk.paper_width must be 58 or 80, not 76"
    with raises_code(InvalidInput, "config.not_toml") as caught:
        load_config(write(tmp_path, "database = "))
    assert caught.value.params["problem"]  # the TOML reader's account of where the file is broken


@pytest.mark.parametrize(
    ("text", "language"), [("", None), ('language = "en"\n', "en"), ('language = " ID "\n', "id")]
)
def test_the_language_of_this_pc(tmp_path: Path, text: str, language: str | None) -> None:
    assert load_config(write(tmp_path, text)).language == language


@pytest.mark.slow
def test_cli_reads_the_database_from_the_file(tmp_path: Path) -> None:
    db = tmp_path / "from-config.db"
    path = write(tmp_path, f'database = "{db}"\n')
    inherited = ("ANTRIAN_DATABASE_URL", "ANTRIAN_LANG")
    env = {k: v for k, v in os.environ.items() if k not in inherited} | {"ANTRIAN_CONFIG": str(path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "antrian", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    assert run("demo-data", "--history-days", "0").returncode == 0
    issued = json.loads(run("ticket", "issue", "A", "--json").stdout)
    assert issued["number"] == "A001" and db.exists()
    shown = json.loads(run("config-path", "--json").stdout)
    assert shown["path"] == str(path) and shown["database"] == str(db)
    path.write_text("[kiosk]\npaper_width = 76\n")
    broken = run("tickets", "--json")
    assert broken.returncode == 2
    assert broken.stderr == f"antrian: {path}: kiosk.paper_width harus 58 atau 80, bukan 76\n"


def test_a_pc_limited_to_zones(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path, '[kiosk]\nzones = ["dukcapil", "PAJAK", "DUKCAPIL"]\n[display]\nzones = ["BPJS-KES"]\n'
        )
    )
    assert (config.kiosk_zones, config.display_zones) == (("DUKCAPIL", "PAJAK"), ("BPJS-KES",))
    assert load_config(write(tmp_path, "[kiosk]\n")).kiosk_zones is None


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ('[kiosk]\nzones = "DUKCAPIL"\n', "config.zones", {"key": "kiosk.zones", "value": "DUKCAPIL"}),
        ("[display]\nzones = []\n", "config.zones", {"key": "display.zones", "value": []}),
        ("[display]\nzones = [1]\n", "config.zones", {"key": "display.zones", "value": [1]}),
        ('[kiosk]\nzones = ["DUK CAPIL"]\n', "config.zone_code", {"key": "kiosk.zones"}),
    ],
)
def test_bad_zones_are_named(tmp_path: Path, text: str, code: str, params: dict[str, object]) -> None:
    path = write(tmp_path, text)
    with raises_code(InvalidInput, code, path=str(path), **params) as caught:
        load_config(path)
    said = words.say(caught.value, lang="en")
    assert said.startswith(f"{path}: {params['key']}")
    if code == "config.zone_code":
        assert said.endswith("not «DUK CAPIL»")
