"""One look: every colour of the windows is a name of the theme's palette, and every sheet's name is one."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

import antrian.gui
from antrian.gui import theme
from antrian.gui.theme.palette import PALETTE

GUI = Path(antrian.gui.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
SHEETS = sorted(p.name.removesuffix(".qss") for p in files(theme).iterdir() if p.name.endswith(".qss"))


def test_no_gui_module_writes_a_colour_of_its_own() -> None:
    written = {
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in GUI.rglob("*.py")
        if path != GUI / "theme" / "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX.search(line)
    }
    assert not written, "colours belong in gui/theme/palette.py:\n" + "\n".join(sorted(written))


def test_the_hex_pattern_finds_a_colour() -> None:
    assert HEX.search('line.setStyleSheet("color: #b00020;")') and HEX.search("QColor('#fff')")
    assert not HEX.search("# a comment #1 about item #12a3x")


@pytest.mark.parametrize("name", SHEETS)
def test_every_sheet_names_only_colours_of_the_palette(name: str) -> None:
    text = theme.style_sheet(name)
    assert "@" not in text and not HEX.search(
        files(theme).joinpath(f"{name}.qss").read_text(encoding="utf-8")
    )
    assert text.count("{") == text.count("}") > 0


def test_every_colour_of_the_palette_is_used() -> None:
    sheets = " ".join(files(theme).joinpath(f"{name}.qss").read_text(encoding="utf-8") for name in SHEETS)
    code = " ".join(
        path.read_text(encoding="utf-8") for path in GUI.rglob("*.py") if path.name != "palette.py"
    )
    used = set(theme.TOKEN.findall(sheets)) | set(re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", code))
    assert set(PALETTE) - used == set()


def test_a_sheet_naming_a_colour_the_palette_lacks_is_refused() -> None:
    assert theme.fill("QLabel { color: @navy; }") == "QLabel { color: #0b1f3a; }"
    with pytest.raises(KeyError):
        theme.fill("QLabel { color: @no_such_colour; }")
