"""This PC's kiosk printer written into its settings file: in place, keeping the rest; refused when bad."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from antrian.config import load_config, save_kiosk_printer
from antrian.domain.errors import InvalidInput, PermissionDenied
from antrian.domain.roles import SYSTEM, Actor, Role
from tests.helpers import raises_code

KEPT = """\
# the kiosk by the door
database = "postgresql://antrian@10.0.0.2/antrian"  # the server
language = "id"

[kiosk]
printer = "tcp:10.0.0.9:9100"  # the old Epson # still here
pin = "4321"

[display]
screen = 1
"""


def test_printer_and_width_changed_in_place(tmp_path: Path) -> None:
    path = tmp_path / "antrian.toml"
    path.write_text(KEPT, encoding="utf-8")
    machine = save_kiosk_printer(SYSTEM, "usb:0416:5011", 58, path)
    shown = (machine.kiosk_printer, machine.kiosk_paper_width, machine.kiosk_pin)
    assert shown == ("usb:0416:5011", 58, "4321")
    assert path.read_text(encoding="utf-8") == KEPT.replace(
        'printer = "tcp:10.0.0.9:9100"  # the old Epson # still here\npin = "4321"\n',
        'printer = "usb:0416:5011"  # the old Epson # still here\npin = "4321"\npaper_width = 58\n',
    )
    assert [p.name for p in tmp_path.iterdir()] == ["antrian.toml"], "no temporary file left behind"


def test_a_new_file_and_a_file_without_a_kiosk_table(tmp_path: Path) -> None:
    fresh = tmp_path / "sub" / "antrian.toml"
    save_kiosk_printer(SYSTEM, 'file:C:\\Printer "1"', 80, fresh)
    assert tomllib.loads(fresh.read_text(encoding="utf-8")) == {
        "kiosk": {"printer": 'file:C:\\Printer "1"', "paper_width": 80}
    }
    other = tmp_path / "display.toml"
    other.write_text("[display]\nscreen = 2\n", encoding="utf-8")
    save_kiosk_printer(SYSTEM, "system", 80, other)
    assert other.read_text(encoding="utf-8") == (
        '[display]\nscreen = 2\n\n[kiosk]\nprinter = "system"\npaper_width = 80\n'
    )


def test_an_empty_printer_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "antrian.toml"
    path.write_text(KEPT, encoding="utf-8")
    assert save_kiosk_printer(SYSTEM, "  ", 80, path).kiosk_printer is None
    assert "printer" not in tomllib.loads(path.read_text(encoding="utf-8"))["kiosk"]
    assert "[display]\nscreen = 1\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("printer", "width", "code"),
    [
        ("lpt:1", 80, "printer.unknown_target"),
        ("usb:zz:5011", 80, "printer.bad_target"),
        ("usb:0416:5011", 76, "config.paper_width"),
    ],
)
def test_a_bad_printer_or_width_is_refused_and_nothing_written(
    tmp_path: Path, printer: str, width: int, code: str
) -> None:
    path = tmp_path / "antrian.toml"
    path.write_text(KEPT, encoding="utf-8")
    with raises_code(InvalidInput, code):
        save_kiosk_printer(SYSTEM, printer, width, path)
    assert path.read_text(encoding="utf-8") == KEPT


def test_a_broken_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "antrian.toml"
    path.write_text("[kiosk\nprinter = 1\n", encoding="utf-8")
    with raises_code(InvalidInput, "config.not_toml"):
        save_kiosk_printer(SYSTEM, "system", 80, path)
    assert path.read_text(encoding="utf-8") == "[kiosk\nprinter = 1\n"
    inline = tmp_path / "inline.toml"
    inline.write_text('kiosk = { printer = "system" }\n', encoding="utf-8")
    with raises_code(InvalidInput, "config.cannot_edit"):
        save_kiosk_printer(SYSTEM, "usb:0416:5011", 80, inline)
    assert load_config(inline).kiosk_printer == "system"


def test_only_an_admin_changes_it(tmp_path: Path) -> None:
    path = tmp_path / "antrian.toml"
    for role in (Role.SUPERVISOR, Role.OPERATOR, Role.KIOSK):
        with pytest.raises(PermissionDenied):
            save_kiosk_printer(Actor(role, 7, "someone"), "system", 80, path)
    assert not path.exists()
    assert save_kiosk_printer(Actor(Role.ADMIN, 1, "admin"), "system", 80, path).kiosk_printer == "system"


def test_an_unwritable_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with raises_code(InvalidInput, "config.write_failed"):
        save_kiosk_printer(SYSTEM, "system", 80, blocker / "antrian.toml")
