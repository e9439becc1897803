"""One look: every colour of the windows is a name of the theme's palette, every font size and fixed widget
size a name of its metrics, and every sheet's name is one."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

import antrian.gui
from antrian.gui import theme
from antrian.gui.theme.metrics import SIZE, TYPE
from antrian.gui.theme.palette import PALETTE

GUI = Path(antrian.gui.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
# a size written as a number where a font or a widget gets it (0 and 1, no size but a guard, aside):
# setPixelSize(20), setPointSize(max(12, ...)),
# "font-size: 18px", fit_font(..., smallest=12), setFixedWidth(220), setMinimumSize(QSize(420, 200))
LITERAL_SIZE = re.compile(
    r"set(?:Pixel|Point)SizeF?\((?:max\()?\s*(?:[2-9]|1\d)"
    r"|font-size:\s*\d"
    r"|smallest=\d"
    r"|set(?:Fixed|Minimum|Maximum)(?:Width|Height|Size)\((?:QSize\()?\s*(?:[2-9]|1\d)"
)
# a share of a screen's measure written in place: int(unit * 0.035), max(target, int(unit * 0.09)), ...
SHARE = re.compile(
    r"\b(?:unit|target|height|name_pixels|disc|floors\.text|font\.pixelSize\(\)) \* \(?\d*\.\d"
    r"|\bsize\([^,()]+, (?:unit, )?\d*\.\d"
)
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


def test_no_gui_module_writes_a_size_of_its_own() -> None:
    written = {
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in GUI.rglob("*")
        if path.suffix in {".py", ".qss"} and path.parent != GUI / "forms" and path.name != "metrics.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LITERAL_SIZE.search(line)
    }
    assert not written, "sizes belong in gui/theme/metrics.py:\n" + "\n".join(sorted(written))


def test_no_screen_writes_a_share_of_its_own() -> None:
    written = {
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in GUI.rglob("*.py")
        if path.parent not in {GUI / "forms", GUI / "theme"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SHARE.search(line)
    }
    assert not written, "shares of the screen belong in gui/theme/metrics.py:\n" + "\n".join(sorted(written))
    assert SHARE.search("set_font(self.title, max(least, int(unit * 0.035)), True)")
    assert SHARE.search(
        "font.setPixelSize(max(least.pixelSize(), int(height * (0.15 if portrait else 0.18))))"
    )
    assert SHARE.search("size(self.number_label, unit, 0.12, True)")
    assert SHARE.search("size(label, 0.032, True)")
    assert not SHARE.search("set_font(self.title, max(least, int(unit * KIOSK.title)), True)")
    assert not SHARE.search("size(self.number_label, unit, PANEL.number, True)")


def test_no_designer_form_gives_a_font_of_its_own() -> None:
    forms = Path(__file__).parents[1] / "ui"
    written = {
        f"{path.relative_to(forms)}:{number}: {line.strip()}"
        for path in forms.rglob("*.ui")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"<(?:pointsize|pixelsize|family|weight|bold)>|font-size", line)
    }
    assert list(forms.rglob("*.ui")) and not written, "fonts belong in gui/theme:\n" + "\n".join(
        sorted(written)
    )


def test_the_size_pattern_finds_a_literal_size() -> None:
    for line in (
        "font.setPixelSize(22)",
        "font.setPointSizeF(max(12.5, unit))",
        'label.setStyleSheet("font-size: 18px;")',
        "QLabel#title { font-size: 20px; }",
        "fit_font(label, 30, 200, text, smallest=12)",
        "self.page_list.setFixedWidth(220)",
        "self.setMinimumSize(QSize(420, 200))",
    ):
        assert LITERAL_SIZE.search(line), line
    for line in (
        "font.setPixelSize(TYPE.title)",
        "font.setPixelSize(max(TYPE.least, int(unit * share)))",
        "QLabel#title { font-size: @type_title; }",
        "self.page_list.setFixedWidth(SIZE.sidebar)",
        "widget.setFixedHeight(target)",
        "font.setPixelSize(max(1, pixels))",
        "self.counter.setMinimumWidth(0)",
    ):
        assert not LITERAL_SIZE.search(line), line


def test_a_sheet_names_a_size_of_the_metrics() -> None:
    assert theme.fill("QLabel { font-size: @type_title; color: @navy; }") == (
        f"QLabel {{ font-size: {TYPE.title}px; color: {PALETTE['navy']}; }}"
    )
    assert (
        theme.fill("QListWidget { min-width: @size_sidebar; }")
        == f"QListWidget {{ min-width: {SIZE.sidebar}px; }}"
    )
    assert not set(PALETTE) & {f"type_{name}" for name in TYPE.__dataclass_fields__}


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
