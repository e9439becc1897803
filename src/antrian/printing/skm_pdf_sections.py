"""The SKM PDF's sections II-V (``printing.skm_pdf``): the results per unsur, the IKM and the grade bands, the
results per service, the respondents' profile, the analysis with the suggestions, and the empty follow-up
plan. Every number comes from the JSON's dict (``reports.skm.json_skm``), written the current language's
way (Indonesian: 1.234 and 3,500): NRR to 3 decimals, the IKM to 2, as the regulation's tables show them.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from antrian import words
from antrian.domain.skm import GRADE_BANDS, UNSUR, Grade, Unsur
from antrian.printing.pdf_layout import Column, Pages, font
from antrian.reports.skm import choice_words, grade_words

PLAN_ROWS = 5
_NO_NRR = [None] * len(UNSUR)  # a service without respondents


def _three(value: float | None) -> str:
    return "-" if value is None else words.number(value, decimals=3)


def _two(value: float | None) -> str:
    return "-" if value is None else words.number(value, decimals=2)


def _unsur_names(codes: list[str]) -> str:
    return "; ".join(f"{code} {words.show(Unsur[code])}" for code in codes)


def _subheading(pages: Pages, text: str) -> None:
    pages.need(12 * pages.mm)
    pages.space(1.5)
    pages.text(text, 9.5, bold=True, after_mm=1.5)


def _titled_table(
    pages: Pages,
    title: str | None,
    columns: list[Column],
    rows: list[list[str]],
    points: float = 7,
    *,
    heading: bool = False,
) -> None:
    """A table under its title (a section's heading, or a sub-heading), both on one page when the table
    fits on one."""
    pages.need(14 * pages.mm + pages.table_height(columns, rows, points))
    if title is not None:
        (pages.heading if heading else lambda text: _subheading(pages, text))(title)
    pages.table(columns, rows, points)


def _column(name: str, weight: float = 1.0, *, number: bool = True) -> Column:
    return Column(words.text(f"skm.column.{name}"), weight, number=number)


def unsur(pages: Pages, data: dict[str, Any]) -> None:
    """II: per unsur its sum of scores, NRR and weighted NRR (x 1/9), and the total (the index value)."""
    rows = [
        [
            str(number),
            entry["code"],
            words.show(Unsur[entry["code"]]),
            words.number(entry["sum"]),
            _three(entry["nrr"]),
            _three(entry["weighted"]),
        ]
        for number, entry in enumerate(data["unsur"], start=1)
    ]
    rows.append(
        [
            "",
            "",
            words.text("skm.pdf.total"),
            words.number(sum(entry["sum"] for entry in data["unsur"])),
            "",
            _three(data["weighted"]),
        ]
    )
    _titled_table(
        pages,
        words.text("skm.pdf.unsur_heading"),
        [
            Column(words.text("skm.pdf.number"), 0.5, number=False),
            _column("code", 0.6, number=False),
            _column("unsur", 4, number=False),
            _column("sum"),
            _column("nrr"),
            _column("weighted"),
        ],
        rows,
        8,
        heading=True,
    )
    pages.text(words.text("skm.pdf.unsur_note"), 7.5)


def ikm_and_quality(pages: Pages, data: dict[str, Any]) -> None:
    """III: the index value, the IKM before and after rounding, the grade and its meaning; the bands."""
    exact = data["ikm_exact"]
    before = "-" if exact is None else f"{words.number(float(Fraction(exact)), decimals=4)} ({exact})"
    _titled_table(
        pages,
        words.text("skm.pdf.ikm_heading"),
        [Column(words.text("report.pdf.figure"), 3, number=False), Column(words.text("report.pdf.value"), 1)],
        [
            [words.text("skm.summary.weighted"), _three(data["weighted"])],
            [words.text("skm.pdf.ikm_exact"), before],
            [words.text("skm.summary.ikm"), _two(data["ikm"])],
            [words.text("skm.summary.grade"), data["grade"] or "-"],
            [words.text("skm.summary.meaning"), grade_words(data) or "-"],
        ],
        8,
        heading=True,
    )
    pages.text(words.text("skm.pdf.ikm_note"), 7.5)
    perception = {Grade.D: 1, Grade.C: 2, Grade.B: 3, Grade.A: 4}
    _titled_table(
        pages,
        words.text("skm.pdf.bands_heading"),
        [
            Column(words.text("skm.pdf.band_perception"), number=False),
            Column(words.text("skm.pdf.band_range"), 1.6, number=False),
            _column("grade", 0.8, number=False),
            _column("meaning", 1.4, number=False),
            Column(words.text("skm.pdf.band_result")),
        ],
        [
            [
                str(perception[grade]),
                f"{_two(float(low))} – {_two(float(high))}",
                grade.value,
                words.text(f"skm.grade.{grade.meaning}"),
                _two(data["ikm"]) if data["grade"] == grade.value else "",
            ]
            for grade, low, high in reversed(GRADE_BANDS)
        ],
        8,
    )


def per_service(pages: Pages, data: dict[str, Any]) -> None:
    """Each service's population, sample, respondents, IKM and grade; then its NRR per unsur."""
    _titled_table(
        pages,
        words.text("skm.pdf.services_heading"),
        [
            _column("code", 0.6, number=False),
            _column("service", 2.2, number=False),
            _column("population"),
            _column("required_sample"),
            _column("respondents"),
            Column(words.text("skm.summary.sample_reached")),
            _column("ikm"),
            _column("grade", 0.6, number=False),
            _column("meaning", 1.2, number=False),
        ],
        [
            [
                entry["code"],
                entry["name"],
                words.number(entry["population"]),
                words.number(entry["required_sample"]),
                words.number(entry["respondents"]),
                words.show(entry["sample_reached"]),
                _two(entry["ikm"]),
                entry["grade"] or "-",
                grade_words(entry) or "-",
            ]
            for entry in data["services"]
        ],
        heading=True,
    )
    _titled_table(
        pages,
        words.text("skm.pdf.services_nrr_heading"),
        [
            _column("code", number=False),
            *(Column(u.code) for u in UNSUR),
            _column("ikm"),
        ],
        [
            [entry["code"], *(_three(value) for value in entry["nrr"] or _NO_NRR), _two(entry["ikm"])]
            for entry in data["services"]
        ],
    )


def profile(pages: Pages, data: dict[str, Any]) -> None:
    """Per profile field, each choice's respondents and their share of all respondents."""
    respondents = data["respondents"]
    for index, (field, rows) in enumerate(data["profile"].items()):
        _titled_table(
            pages,
            None if index else words.text("skm.pdf.profile_heading"),
            [
                Column(words.text(f"skm.profile.{field}"), 3, number=False),
                _column("count"),
                Column(words.text("skm.pdf.share")),
            ],
            [
                [
                    choice_words(field, row["choice"]),
                    words.number(row["count"]),
                    words.number(100 * row["count"] / respondents, decimals=1) if respondents else "-",
                ]
                for row in rows
            ],
            heading=True,
        )


def _nrr_of(data: dict[str, Any], code: str) -> str:
    return _three(next(entry["nrr"] for entry in data["unsur"] if entry["code"] == code))


def analysis(pages: Pages, data: dict[str, Any]) -> None:
    """IV: the lowest unsur (what to improve), the highest (what to keep), the suggestions, the office's own
    questions."""
    pages.heading(words.text("skm.pdf.analysis_heading"))
    if data["respondents"]:
        exact = {entry["code"]: Fraction(entry["nrr_exact"]) for entry in data["unsur"]}
        top = max(exact.values())
        highest = [code for code, value in exact.items() if value == top]
        lowest = data["lowest"]
        for said in (
            words.text("skm.pdf.lowest", unsur=_unsur_names(lowest), nrr=_nrr_of(data, lowest[0])),
            words.text("skm.pdf.highest", unsur=_unsur_names(highest), nrr=_nrr_of(data, highest[0])),
        ):
            pages.text(f"• {said}", 9, indent_mm=2)
    else:
        pages.text(words.text("skm.pdf.no_respondents"), 9)
    _subheading(pages, words.text("skm.pdf.suggestions"))
    if not data["suggestions"]:
        pages.text(words.text("skm.pdf.no_suggestions"), 9)
    for number, entry in enumerate(data["suggestions"], start=1):
        said = words.text(
            "skm.pdf.suggestion_from", day=date.fromisoformat(entry["date"]), service=entry["service"]
        )
        # the citizen's words as written, never through a format string nor cut short
        pages.text(f"{number}. {said} {entry['text']}", 8.5, indent_mm=2, after_mm=1)
    if data["local_questions"]:
        text = "text_en" if words.language() == "en" else "text_id"
        _titled_table(
            pages,
            words.text("skm.pdf.local_heading"),
            [
                _column("version", number=False),
                _column("position"),
                _column("question", 4, number=False),
                _column("answers"),
                _column("mean", 1.2),
            ],
            [
                [
                    str(q["version"]),
                    str(q["position"]),
                    q[text],
                    words.number(q["answers"]),
                    _three(q["mean"]),
                ]
                for q in data["local_questions"]
            ],
        )


def plan(pages: Pages) -> None:
    """V: the follow-up plan, a table with numbered empty rows tall enough to write in by hand, on one page
    with its heading and introduction."""
    columns = [
        Column(words.text("skm.pdf.number"), 0.4, number=False),
        Column(words.text("skm.pdf.plan_unsur"), 2, number=False),
        Column(words.text("skm.pdf.plan_program"), 3, number=False),
        Column(words.text("skm.pdf.plan_time"), 1.2, number=False),
        Column(words.text("skm.pdf.plan_owner"), 1.8, number=False),
    ]
    rows = [[f"{number}\n\n\n", "", "", "", ""] for number in range(1, PLAN_ROWS + 1)]
    intro = words.text("skm.pdf.plan_intro")
    pages.need(
        16 * pages.mm
        + pages.height(intro, font(9), pages.area.width())
        + pages.table_height(columns, rows, 8)
    )
    pages.heading(words.text("skm.pdf.plan_heading"))
    pages.text(intro, 9, after_mm=2)
    pages.table(columns, rows, 8, grid=True)
