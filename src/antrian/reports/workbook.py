"""Writing a workbook's sheets: openpyxl's write-only mode, row by row, each value in its format (seconds,
minutes, percent, days, instants), bold where marked, columns fitted to the header and the first rows.

The compliance report's workbook (reports/xlsx.py) and the SKM's (reports/skm.py) are both written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from antrian.reports.exports import Cell

# A sheet streams (a year's log); its column widths are fitted to the header and its first rows.
WIDTH_SAMPLE = 1_000
WIDEST = 60
_BOLD = Font(bold=True)
_SECONDS = "0.0"
ONE_DECIMAL = "0.0"  # minutes, hours
_PERCENT = "0.0%"
_DAY = "yyyy-mm-dd"
_INSTANT = "yyyy-mm-dd hh:mm:ss"


@dataclass(frozen=True, slots=True)
class Shown:
    """A number with its own format: a percentage (as a fraction) or minutes."""

    value: float
    format: str


Value = Cell | Shown


def percent(shown: float | None) -> Shown | None:
    """A JSON percentage (50.0) as the fraction a spreadsheet formats as 50.0%."""
    return None if shown is None else Shown(shown / 100, _PERCENT)


def minutes(seconds: float | None) -> Shown | None:
    return None if seconds is None else Shown(seconds / 60, ONE_DECIMAL)


Table = tuple[list[str], Iterable[Sequence[Value]]]


def write_sheet(
    book: Workbook, title: str, table: Table, *, header: bool = True, filter_: bool = False
) -> int:
    """One sheet of ``table``: a bold, frozen header row, columns fitted to the header and the first rows.
    Returns the rows below the header."""
    columns, rows = table
    sheet = book.create_sheet(title)
    iterator = iter(rows)
    first = list(islice(iterator, WIDTH_SAMPLE))
    widths = [_width(name) for name in columns]
    for row in first:
        for index, value in enumerate(row):
            if index == len(widths):
                widths.append(0)
            widths[index] = max(widths[index], _width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, WIDEST)
    if header:
        sheet.freeze_panes = "A2"
        sheet.append([_cell(sheet, name, bold=True) for name in columns])
    count = 0
    for row in chain(first, iterator):
        sheet.append([_cell(sheet, value) for value in row])
        count += 1
    if filter_:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return count


def _cell(sheet: Any, value: Value, *, bold: bool = False) -> WriteOnlyCell | Cell:
    """``value`` as the sheet shows it: a styled cell where it has a format or is bold; a plain text, number
    or blank as it is (openpyxl then writes it through one reused cell, and a blank not at all: a year's
    log is some 300,000 such values)."""
    if not bold and (value is None or type(value) in (str, int)):
        return value
    if isinstance(value, Shown):
        cell = WriteOnlyCell(sheet, value.value)
        cell.number_format = value.format
    elif isinstance(value, datetime):  # office-local already; Excel has no time zones
        cell = WriteOnlyCell(sheet, value.replace(tzinfo=None))
        cell.number_format = _INSTANT
    elif isinstance(value, date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = _DAY
    elif isinstance(value, float):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = _SECONDS
    else:
        cell = WriteOnlyCell(sheet, value)
    if bold or isinstance(value, Bold):
        cell.font = _BOLD
    return cell


def _width(value: Value) -> int:
    if value is None or isinstance(value, Definition):
        return 0
    if isinstance(value, Shown):
        return len(f"{value.value * 100:.1f}%") if value.format == _PERCENT else len(f"{value.value:.1f}")
    if isinstance(value, datetime):
        return 19
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:.1f}")
    return len(str(value))


class Bold(str):
    """A summary label shown bold (a section title, or a table's header)."""

    __slots__ = ()


class Definition(str):
    """A sentence of the definitions: left out of the column widths, it runs on over the empty cells."""

    __slots__ = ()
