"""The SKM report (``services.skm.SkmReport``) as JSON and as an XLSX workbook.

The JSON is language-neutral: codes, numbers and the exact fractions behind them (``"745/9"``), so a
reader can check every figure by hand. NRR and weighted NRR are shown to 3 decimals (the regulation's
tables), rounded half up from the exact value; the IKM to 2 decimals, rounded once, from the exact value.
The workbook takes every number from the JSON (as ``reports.xlsx`` does for the compliance report).
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

from antrian import words
from antrian.domain.skm import PROFILE_CHOICES, UNSUR, Unsur, round_half_up
from antrian.domain.timing import office_zone
from antrian.reports.exports import write_atomically
from antrian.services.skm import SkmFigures, SkmReport

SHOWN_PLACES = 3  # NRR and weighted NRR as the regulation's tables show them
# the workbook's column headings (words "skm.column.<name>")
COLUMNS = (
    "code",
    "unsur",
    "sum",
    "nrr",
    "weighted",
    "name",
    "respondents",
    "population",
    "required_sample",
    "ikm",
    "grade",
    "meaning",
    "field",
    "choice",
    "count",
    "date",
    "service",
    "suggestion",
    "version",
    "position",
    "question",
    "answers",
    "mean",
)


def _shown(value: Fraction | None, places: int = SHOWN_PLACES) -> float | None:
    return None if value is None else float(round_half_up(value, places))


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else f"{value.numerator}/{value.denominator}"


def json_figures(figures: SkmFigures) -> dict[str, Any]:
    """One set of figures: the keys every SKM export shares (office and per service)."""
    nrr = figures.nrr
    return {
        "respondents": figures.respondents,
        "incomplete": figures.incomplete,
        "nrr": None if nrr is None else [_shown(value) for value in nrr],
        "ikm": None if figures.ikm is None else float(figures.ikm),
        "grade": None if figures.grade is None else figures.grade.value,
        "grade_meaning": figures.meaning,
        "population": figures.population,
        "required_sample": figures.required_sample,
        "sample_reached": figures.sample_reached,
        "weighted": _shown(figures.weighted),
        "ikm_exact": _exact(figures.ikm_exact),
        "lowest": [unsur.code for unsur in figures.lowest],
        "unsur": [
            {
                "code": unsur.code,
                "name": unsur.value,
                "sum": total,
                "nrr": None if nrr is None else _shown(nrr[position]),
                "nrr_exact": None if nrr is None else _exact(nrr[position]),
                "weighted": None if nrr is None else _shown(nrr[position] / 9),
            }
            for position, (unsur, total) in enumerate(zip(UNSUR, figures.sums, strict=True))
        ],
    }


def json_skm(report: SkmReport) -> dict[str, Any]:
    """The whole report: the period, the office's figures at the top level, each service's, the profile
    (per field, each code's count; ``null`` for not given), the suggestions and the questionnaire versions
    answered."""
    return {
        "period": {
            "from": report.start.isoformat(),
            "to": report.end.isoformat(),
            "service": report.service,
            "timezone": report.timezone,
            "made_at": report.made_at.isoformat(),
        },
        "method": {
            "weight": "1/9",
            "conversion": 25,
            "ikm_rounding": "2 decimals, half up, on the exact value, only at the end",
            "sample": "Krejcie-Morgan, X2 = 3.841, P = 0.5, d = 0.05, rounded up",
            "population": "finished visits, one per ticket number and service day",
        },
        **json_figures(report.figures),
        "services": [
            {"code": entry.code, "name": entry.name, **json_figures(entry.figures)}
            for entry in report.services
        ],
        "profile": {
            field: [{"choice": choice, "count": count} for choice, count in table]
            for field, table in report.profile.items()
        },
        "suggestions": [
            {"date": s.day.isoformat(), "service": s.service, "text": s.text} for s in report.suggestions
        ],
        "versions": list(report.versions),
        "local_questions": [
            {
                "version": q.version,
                "position": q.position,
                "text_id": q.text_id,
                "text_en": q.text_en,
                "answers": q.answers,
                "mean": _shown(q.mean),
                "mean_exact": _exact(q.mean),
            }
            for q in report.local
        ],
    }


def write_skm(report: SkmReport, path: Path, format: str, *, office: str) -> None:
    """Write ``report`` to ``path`` whole or not at all, as "json" or "xlsx".

    Raises:
        InvalidInput: the path cannot be written (``report.unwritable``).
    """
    if format == "xlsx":
        write_atomically(path, lambda file: write_skm_xlsx(report, file, office=office), binary=True)
        return
    write_atomically(path, lambda file: write_skm_json(report, file))


def write_skm_json(report: SkmReport, file: Any) -> None:
    import json

    json.dump(json_skm(report), file, ensure_ascii=False, indent=2)
    file.write("\n")


def grade_words(data: dict[str, Any]) -> str | None:
    """The words of the grade's meaning of one set of figures (``json_figures``); None without an index."""
    return None if data["grade_meaning"] is None else words.text(f"skm.grade.{data['grade_meaning']}")


def choice_words(field: str, choice: str | None) -> str:
    """The words of a profile choice (its code as stored when this version does not know it)."""
    if choice is None:
        return words.text("skm.profile.not_given")
    if choice not in PROFILE_CHOICES[field]:
        return choice  # stored by a newer version of Antrian: shown as stored
    return words.text(f"skm.profile.{field}_choice.{choice}")


def _columns(*names: str) -> list[str]:
    return [words.text(f"skm.column.{name}") for name in names]


def write_skm_xlsx(report: SkmReport, file: IO[bytes], *, office: str) -> None:
    """The workbook: a summary, the nine unsur, the services, the respondents' profile, the suggestions,
    the office's own questions."""
    from openpyxl import Workbook

    from antrian.reports.workbook import Bold, Shown, write_sheet

    data = json_skm(report)
    period = data["period"]
    made_at = datetime.fromisoformat(period["made_at"]).astimezone(office_zone(period["timezone"]))
    three = "0.000"
    summary: list[list[Any]] = [
        [Bold(words.text("skm.summary.title"))],
        [words.text("skm.summary.office"), office],
        [words.text("skm.summary.from"), date.fromisoformat(period["from"])],
        [words.text("skm.summary.to"), date.fromisoformat(period["to"])],
        [words.text("skm.summary.service"), period["service"] or words.text("skm.summary.every_service")],
        [words.text("skm.summary.made_at"), made_at],
        [],
        [words.text("skm.summary.respondents"), data["respondents"]],
        [words.text("skm.summary.incomplete"), data["incomplete"]],
        [words.text("skm.summary.population"), data["population"]],
        [words.text("skm.summary.required_sample"), data["required_sample"]],
        [
            words.text("skm.summary.sample_reached"),
            words.show(data["sample_reached"])
            if data["sample_reached"]
            else words.text(
                "skm.summary.sample_short", respondents=data["respondents"], required=data["required_sample"]
            ),
        ],
        [
            words.text("skm.summary.weighted"),
            None if data["weighted"] is None else Shown(data["weighted"], three),
        ],
        [words.text("skm.summary.ikm"), None if data["ikm"] is None else Shown(data["ikm"], "0.00")],
        [words.text("skm.summary.grade"), data["grade"]],
        [words.text("skm.summary.meaning"), grade_words(data)],
        [
            words.text("skm.summary.lowest"),
            ", ".join(f"{code} {words.show(Unsur[code])}" for code in data["lowest"]) or None,
        ],
        [],
        [words.text("skm.summary.method"), words.text("skm.summary.method_text")],
    ]
    unsur = [
        [
            entry["code"],
            words.show(Unsur[entry["code"]]),
            entry["sum"],
            None if entry["nrr"] is None else Shown(entry["nrr"], three),
            None if entry["weighted"] is None else Shown(entry["weighted"], three),
        ]
        for entry in data["unsur"]
    ]
    services = [
        [
            entry["code"],
            entry["name"],
            entry["respondents"],
            entry["population"],
            entry["required_sample"],
            *[None if value is None else Shown(value, three) for value in (entry["nrr"] or [None] * 9)],
            None if entry["ikm"] is None else Shown(entry["ikm"], "0.00"),
            entry["grade"],
            grade_words(entry),
        ]
        for entry in data["services"]
    ]
    profile = [
        [words.text(f"skm.profile.{field}"), choice_words(field, row["choice"]), row["count"]]
        for field, rows in data["profile"].items()
        for row in rows
    ]
    suggestions = [[date.fromisoformat(s["date"]), s["service"], s["text"]] for s in data["suggestions"]]
    text = "text_en" if words.language() == "en" else "text_id"
    local = [
        [q["version"], q["position"], q[text], q["answers"], Shown(q["mean"], three)]
        for q in data["local_questions"]
    ]
    book = Workbook(write_only=True)
    write_sheet(book, words.text("skm.sheet.summary"), ([], summary), header=False)
    write_sheet(
        book,
        words.text("skm.sheet.unsur"),
        (_columns("code", "unsur", "sum", "nrr", "weighted"), unsur),
    )
    write_sheet(
        book,
        words.text("skm.sheet.services"),
        (
            _columns("code", "name", "respondents", "population", "required_sample")
            + [f"NRR {u.code}" for u in UNSUR]
            + _columns("ikm", "grade", "meaning"),
            services,
        ),
    )
    write_sheet(
        book,
        words.text("skm.sheet.profile"),
        (_columns("field", "choice", "count"), profile),
    )
    write_sheet(
        book,
        words.text("skm.sheet.suggestions"),
        (_columns("date", "service", "suggestion"), suggestions),
    )
    write_sheet(
        book,
        words.text("skm.sheet.local"),
        (_columns("version", "position", "question", "answers", "mean"), local),
    )
    book.save(file)
