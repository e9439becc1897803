"""How the supervisor's report page writes its figures: percentages and counts in the language's format,
headers on two lines, a name column no wider than its cap, and chart axes with even steps."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.figures import Share
from antrian.gui.supervisor.charts import minute_steps, scale, shared_scale, whole_steps
from antrian.gui.supervisor.report_models import NAME_CHARACTERS, count, fit_first_column, percent, two_lines


@pytest.mark.parametrize(
    ("lang", "shares", "counts"),
    [
        ("id", ["93,3 %", "100,0 %", "0,0 %", "66,7 %", "–"], ["3.162", "999", "1.234.567"]),
        ("en", ["93.3 %", "100.0 %", "0.0 %", "66.7 %", "–"], ["3,162", "999", "1,234,567"]),
    ],
)
def test_percentages_and_counts_in_the_language_format(
    lang: str, shares: list[str], counts: list[str]
) -> None:
    words.set_language(lang)
    try:
        # 14 of 15 = 93.33..., 2 of 3 = 66.66... (rounded half-up to one decimal), none of none: no share
        given = [Share(14, 15), Share(4, 4), Share(0, 7), Share(2, 3), Share(0, 0)]
        assert [percent(share) for share in given] == shares
        assert [count(n) for n in (3162, 999, 1234567)] == counts
    finally:
        words.set_language("id")


def test_long_headers_take_two_lines_at_the_middle_space() -> None:
    assert two_lines("Within waiting target %") == "Within waiting\ntarget %"
    assert two_lines("Sesuai target tunggu %") == "Sesuai target\ntunggu %"
    assert two_lines("Paused: Istirahat siang") == "Paused:\nIstirahat siang"
    assert [two_lines(h) for h in ("Served", "Tunggu p50", "Kedaluwarsa")] == [
        "Served",
        "Tunggu p50",
        "Kedaluwarsa",
    ]


def test_a_long_name_is_elided_at_the_cap_and_a_short_one_shown_whole(qtbot: QtBot) -> None:
    model = QStandardItemModel(0, 2)
    model.appendRow(
        [
            QStandardItem("N Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi (PBG/SLF)"),
            QStandardItem("1"),
        ]
    )
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    cap = view.fontMetrics().averageCharWidth() * NAME_CHARACTERS
    assert view.sizeHintForColumn(0) > cap
    fit_first_column(view)
    assert view.columnWidth(0) == cap
    model.item(0, 0).setText("A KTP")
    fit_first_column(view)
    assert view.columnWidth(0) == max(view.sizeHintForColumn(0), view.horizontalHeader().sectionSizeHint(0))
    assert view.columnWidth(0) < cap


def test_axis_steps_are_even() -> None:
    assert scale(806, whole_steps()) == (200, 5)  # 0, 200, ... 1000
    assert scale(7, whole_steps()) == (2, 4)
    assert scale(5, whole_steps()) == (1, 5)
    assert scale(0, whole_steps()) == (1, 1)
    assert scale(127, minute_steps()) == (30, 5)  # 0, 30, ... 150 minutes
    assert scale(44, minute_steps()) == (10, 5)
    assert scale(0.4, minute_steps()) == (1, 1)
    assert scale(300, minute_steps()) == (60, 5)  # whole hours past half an hour's step
    assert scale(1000, minute_steps()) == (240, 5)
    # both axes share the larger number of intervals, so their ticks meet the same grid lines
    assert shared_scale(806, 44) == (200, 10, 5)
    assert shared_scale(2, 5.5) == (1, 2, 3)
