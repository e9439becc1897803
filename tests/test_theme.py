"""One look: every colour of the windows is a name of the theme's palette, every font size and fixed widget
size a name of its metrics, and every sheet's name is one."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
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
FORMS = Path(__file__).parents[1] / "ui"
# a Designer form's sizes of a widget; 0 and 16777215 (QWIDGETSIZE_MAX) are no size but "no limit"
FORM_SIZES = {"minimumSize", "maximumSize", "baseSize", "sizeIncrement"}
NO_LIMIT = {"0", "16777215"}


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
    written = {
        f"{path.relative_to(FORMS)}:{number}: {line.strip()}"
        for path in FORMS.rglob("*.ui")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"<(?:pointsize|pixelsize|family|weight|bold)>|font-size", line)
    }
    assert list(FORMS.rglob("*.ui")) and not written, "fonts belong in gui/theme:\n" + "\n".join(
        sorted(written)
    )


def pixel_sizes(form: str) -> list[str]:
    """The pixel sizes the widgets of a Designer form (its XML) are given, as "widget: property WxH"."""
    found = []
    for widget in ET.fromstring(form).iter("widget"):
        for size in widget.findall("property"):
            width, height = size.findtext("size/width"), size.findtext("size/height")
            if size.get("name") in FORM_SIZES and {width, height} - NO_LIMIT:
                found.append(f"{widget.get('name')}: {size.get('name')} {width}x{height}")
    return found


def test_no_designer_form_gives_a_pixel_size_of_its_own() -> None:
    written = [
        f"{path.relative_to(FORMS)}: {size}"
        for path in sorted(FORMS.rglob("*.ui"))
        for size in pixel_sizes(path.read_text(encoding="utf-8"))
    ]
    assert list(FORMS.rglob("*.ui")) and not written, (
        "fixed sizes are set in code from theme.metrics.SIZE after setupUi:\n" + "\n".join(written)
    )


def test_the_form_size_check_finds_a_pixel_size() -> None:
    form = """<ui version="4.0"><widget class="QFrame" name="Box">
      <property name="maximumSize"><size><width>520</width><height>16777215</height></size></property>
      <layout class="QHBoxLayout" name="row">
        <item><widget class="QLineEdit" name="field">
          <property name="minimumSize"><size><width>0</width><height>0</height></size></property>
          <property name="baseSize"><size><width>0</width><height>16777215</height></size></property>
          <property name="sizeIncrement"><size><width>0</width><height>4</height></size></property>
        </widget></item>
        <item><spacer name="gap">
          <property name="sizeHint"><size><width>12</width><height>0</height></size></property>
        </spacer></item>
      </layout></widget></ui>"""
    assert pixel_sizes(form) == ["Box: maximumSize 520x16777215", "field: sizeIncrement 0x4"]


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
