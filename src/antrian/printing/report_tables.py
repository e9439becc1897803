"""The report's tables for the PDF: the office summary, per service (counts and compliance; waiting and
service times) for all, priority and normal tickets, per counter, per operator and per hour, every number
from the JSON's dict in the current language's format (Indonesian: 1.234 and 1,5)."""

from __future__ import annotations

from typing import Any

from antrian import words
from antrian.printing.pdf_layout import Column, Pages
from antrian.printing.report_charts import used_hours

STATS = ("p50", "p90", "p95", "max", "mean")
COUNTS = ("issued", "served", "no_show", "cancelled", "expired", "transferred")


def _n(value: int | float | None) -> str:
    return "-" if value is None else words.number(value)


def _minutes(seconds: float | None) -> str:
    return "-" if seconds is None else words.number(seconds / 60, decimals=1)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{words.number(value, decimals=1)} %"


def _hm(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def stat_names() -> dict[str, str]:
    return {
        "p50": words.text("report.pdf.stat.p50"),
        "p90": words.text("report.pdf.stat.p90"),
        "p95": words.text("report.pdf.stat.p95"),
        "max": words.text("report.pdf.stat.max"),
        "mean": words.text("report.pdf.stat.mean"),
    }


def _service_rows(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(code, group, figures) for each service: all its tickets, the priority ones, the normal ones."""
    groups = (
        (None, words.text("report.group.all")),
        ("priority", words.text("report.group.priority")),
        ("normal", words.text("report.group.normal")),
    )
    return [
        (entry["code"], name, entry if group is None else entry[group])
        for entry in data["services"]
        for group, name in groups
    ]


def tables(pages: Pages, data: dict[str, Any]) -> None:
    """Every table of the report, each under its heading."""
    stats = stat_names()
    totals = data["office"]
    pages.heading(words.text("report.pdf.summary"))
    pages.table(
        [Column(words.text("report.pdf.figure"), 3, number=False), Column(words.text("report.pdf.value"), 1)],
        [
            [words.text("report.summary.citizens"), _n(totals["citizens"])],
            [words.text("report.summary.visits"), _n(totals["visits"])],
            [words.text("report.summary.transfers"), _n(totals["transfers"])],
            [words.text("report.summary.served"), _n(totals["served"])],
            *(
                [words.text("report.pdf.stay_stat", stat=stats[stat]), _minutes(totals["stay"][stat])]
                for stat in STATS
            ),
        ],
        points=8,
    )
    rows = _service_rows(data)
    code, group = (
        Column(words.text("report.header.code"), 0.8, number=False),
        Column(words.text("report.header.group"), 1.3, number=False),
    )
    pages.heading(words.text("report.pdf.services_counts"))
    pages.table(
        [
            code,
            group,
            Column(words.text("report.figure.issued")),
            Column(words.text("report.figure.served")),
            Column(words.text("report.figure.no_show")),
            Column(words.text("report.figure.cancelled")),
            Column(words.text("report.figure.expired")),
            Column(words.text("report.figure.transferred")),
            Column(words.text("report.pdf.within_standard"), 1.6),
            Column(words.text("report.figure.over_standard")),
            Column(words.text("report.pdf.within_target"), 1.6),
            Column(words.text("report.figure.over_waiting_target")),
        ],
        [
            [
                service,
                name,
                *(_n(f[key]) for key in COUNTS),
                f"{_n(f['within_standard'])} ({_pct(f['within_standard_pct'])})",
                _n(f["over_standard"]),
                f"{_n(f['within_waiting_target'])} ({_pct(f['within_waiting_target_pct'])})",
                _n(f["over_waiting_target"]),
            ]
            for service, name, f in rows
        ],
    )
    stat_columns = [Column(words.text("report.pdf.count")), *(Column(stats[stat]) for stat in STATS)]
    for figure, heading in (
        ("waiting", words.text("report.pdf.services_waiting")),
        ("service_time", words.text("report.pdf.services_service_time")),
    ):
        pages.heading(heading)
        pages.table(
            [code, group, *stat_columns],
            [
                [service, name, _n(f[figure]["count"]), *(_minutes(f[figure][stat]) for stat in STATS)]
                for service, name, f in rows
            ],
        )
    pages.text(words.text("report.pdf.minutes_note"), 7)
    pages.heading(words.text("report.pdf.counters"))
    _times(pages, data["counters"], "number")
    pages.heading(words.text("report.pdf.operators"))
    _times(pages, data["operators"], "username")
    pages.heading(words.text("report.pdf.hours"))
    shown = set(used_hours(data["hours"]))
    pages.table(
        [
            Column(words.text("report.header.hour"), number=False),
            Column(words.text("report.figure.arrivals")),
            Column(words.text("report.pdf.waiting_count")),
            *(Column(stats[stat]) for stat in STATS),
        ],
        [
            [
                f"{hour['hour']:02d}:00–{hour['hour'] + 1:02d}:00",
                _n(hour["arrivals"]),
                _n(hour["waiting"]["count"]),
                *(_minutes(hour["waiting"][stat]) for stat in STATS),
            ]
            for hour in data["hours"]
            if hour["hour"] in shown
        ],
    )


def _times(pages: Pages, entries: list[dict[str, Any]], key: str) -> None:
    pages.table(
        [
            Column(
                words.text("report.header.number" if key == "number" else "report.header.username"),
                1.4,
                number=False,
            ),
            Column(words.text("report.figure.served")),
            Column(words.text("report.pdf.mean_service")),
            Column(words.text("report.pdf.session")),
            Column(words.text("report.pdf.serving")),
            Column(words.text("report.pdf.paused")),
            Column(words.text("report.pdf.idle")),
            Column(words.text("report.pdf.paused_by_reason"), 2.2, number=False),
        ],
        [
            [
                str(entry[key]),
                _n(entry["served"]),
                _minutes(entry["mean_service"]),
                _hm(entry["session"]),
                _hm(entry["serving"]),
                _hm(entry["paused_total"]),
                _hm(entry["idle"]),
                "; ".join(f"{reason}: {_hm(time)}" for reason, time in sorted(entry["paused"].items()))
                or "-",
            ]
            for entry in entries
        ],
    )
