"""The per-machine settings file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from antrian.config import load_config
from antrian.domain.errors import InvalidInput


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
    ("text", "problem"),
    [
        ("database = ", "not valid TOML"),
        ('printer = "usb:1:2"\n', "unknown setting"),
        ("[kiosk]\npaper_width = 76\n", "58 or 80"),
        ("[kiosk]\nprinter = 9100\n", "printer must be str"),
        ('kiosk = "usb"\n', "must be tables"),
        ("counter = 2\n", "must be tables"),
        ("[counter]\nnumber = 0\n", "1 or more"),
        ('[counter]\nnumber = "2"\n', "number must be int"),
    ],
)
def test_a_broken_file_names_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InvalidInput, match=problem) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


@pytest.mark.slow
def test_cli_reads_the_database_from_the_file(tmp_path: Path) -> None:
    db = tmp_path / "from-config.db"
    path = write(tmp_path, f'database = "{db}"\n')
    env = {k: v for k, v in os.environ.items() if k != "ANTRIAN_DATABASE_URL"} | {"ANTRIAN_CONFIG": str(path)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "antrian", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    assert run("demo-data").returncode == 0
    issued = json.loads(run("ticket", "issue", "A", "--json").stdout)
    assert issued["number"] == "A001" and db.exists()
    shown = json.loads(run("config-path", "--json").stdout)
    assert shown["path"] == str(path) and shown["database"] == str(db)
    path.write_text("[kiosk]\npaper_width = 76\n")
    broken = run("tickets", "--json")
    assert broken.returncode == 2 and "paper_width must be 58 or 80" in broken.stderr
