"""The compliance report as an XLSX workbook: a summary, a sheet per table of the JSON, a day-by-day matrix
and the service-time log.

Every number comes from the JSON's dict (``json_report``), the log's rows from ``log_table`` (the CSV's), and
the day matrix from the report's per-day counts (made in the same pass as each service's entry), so the
workbook cannot show other figures than the JSON and the CSV. Times are seconds as numbers, with minutes
beside the means; instants are office-local Excel datetimes; percentages are fractions shown as percent.
The workbook is written in openpyxl's write-only mode, row by row (reports/workbook.py), so a year's log
never sits in memory as cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from itertools import chain, islice
from typing import IO, Any

from openpyxl import Workbook

from antrian import words
from antrian.domain.figures import Visit
from antrian.domain.timing import TimeUnit, office_zone
from antrian.reports.exports import PERCENTILE_METHOD, definitions, json_report, log_table
from antrian.reports.workbook import (
    ONE_DECIMAL,
    Bold,
    Definition,
    Shown,
    Table,
    Value,
    minutes,
    percent,
    write_sheet,
)
from antrian.services.reports import Report

# Excel's last row is 1,048,576: a longer log (a busy office's year) goes on over further sheets.
ROWS_PER_SHEET = 1_048_575
STATS = ("count", "p50", "p90", "p95", "max", "mean")
# the figures of a service's entry that are summaries (a column per statistic)
_SUMMARIES = {"waiting", "walk", "service_time", "stay"}


def write_xlsx(report: Report, file: IO[bytes], *, office: str, log: Iterable[Visit]) -> int:
    """Write ``report`` as a workbook to ``file`` (binary); ``office`` names the office on the summary, and
    ``log`` is the report's ``report_log``, written row by row as it is read. Returns the rows of the log."""
    data = json_report(report)
    book = Workbook(write_only=True)
    write_sheet(book, words.text("report.sheet.summary"), _summary(data, office), header=False)
    write_sheet(book, words.text("report.sheet.services"), _services(data))
    write_sheet(book, words.text("report.sheet.counters"), _times(data["counters"], "number"))
    write_sheet(book, words.text("report.sheet.operators"), _times(data["operators"], "username"))
    write_sheet(book, words.text("report.sheet.hours"), _hours(data))
    write_sheet(book, words.text("report.sheet.days"), _days(report))
    header, rows = log_table(report, log)
    written, part, end = 0, 1, object()
    while True:  # a sheet per ROWS_PER_SHEET rows, read to the end (which closes the log's cursor)
        name = words.text("report.sheet.log") if part == 1 else words.text("report.sheet.log_more", n=part)
        written += write_sheet(book, name, (header, islice(rows, ROWS_PER_SHEET)), filter_=True)
        following = next(rows, end)
        if following is end:
            break
        rows, part = chain([following], rows), part + 1  # type: ignore[list-item]
    book.save(file)
    return written


def _summary(data: dict[str, Any], office: str) -> Table:
    period, totals = data["period"], data["office"]
    zone = office_zone(period["timezone"])
    made_at = datetime.fromisoformat(period["made_at"]).astimezone(zone)
    rows: list[list[Value]] = [
        [words.text("report.summary.office"), office],
        [words.text("report.summary.from"), date.fromisoformat(period["from"])],
        [words.text("report.summary.to"), date.fromisoformat(period["to"])],
        [
            words.text("report.summary.service"),
            period["service"] or words.text("report.summary.every_service"),
        ],
        [words.text("report.summary.timezone"), period["timezone"]],
        [
            words.text("report.summary.percentile_method"),
            words.text("report.summary.nearest_rank")
            if data["percentile_method"] == PERCENTILE_METHOD
            else data["percentile_method"],
        ],
        [words.text("report.summary.made_at"), made_at],
        [],
        [Bold(words.text("report.summary.totals"))],
        [words.text("report.summary.citizens"), totals["citizens"]],
        [words.text("report.summary.visits"), totals["visits"]],
        [words.text("report.summary.transfers"), totals["transfers"]],
        [words.text("report.summary.served"), totals["served"]],
    ]
    stay = words.text("report.figure.stay")
    rows += [
        [name, value] for name, value in zip(_stat_names(stay), _stat_values(totals["stay"]), strict=True)
    ]
    rows += [[], [Bold(words.text("report.summary.standards"))]]
    rows.append(
        [
            Bold(words.text("report.header.code")),
            Bold(words.text("report.header.name")),
            Bold(words.text("report.summary.value")),
            Bold(words.text("report.summary.unit")),
            Bold(words.text("report.summary.waiting_target")),
            Bold(words.text("report.summary.decree")),
        ]
    )
    for entry in data["services"]:
        standards = entry["standard"]
        if standards is None:
            rows.append([entry["code"], entry["name"], words.text("report.summary.no_standard")])
        for standard in [standards] if isinstance(standards, dict) else standards or []:
            rows.append(
                [
                    entry["code"],
                    entry["name"],
                    standard["value"],
                    words.show(TimeUnit(standard["unit"])),
                    standard["waiting_target_minutes"],
                    standard["decree"] or None,
                ]
            )
    rows += [[], [Bold(words.text("report.summary.definitions"))]]
    rows += [[Definition(text)] for text in definitions()]
    return [], rows


def figure_names() -> dict[str, str]:
    """The name of every figure of a service's JSON entry, in the JSON's order (its keys)."""
    return {
        "issued": words.text("report.figure.issued"),
        "served": words.text("report.figure.served"),
        "no_show": words.text("report.figure.no_show"),
        "cancelled": words.text("report.figure.cancelled"),
        "expired": words.text("report.figure.expired"),
        "transferred": words.text("report.figure.transferred"),
        "called": words.text("report.figure.called"),
        "not_called": words.text("report.figure.not_called"),
        "longest_not_called": words.text("report.figure.longest_not_called"),
        "waiting": words.text("report.figure.waiting"),
        "walk": words.text("report.figure.walk"),
        "service_time": words.text("report.figure.service_time"),
        "stay": words.text("report.figure.stay"),
        "within_standard_pct": words.text("report.figure.within_standard_pct"),
        "within_standard": words.text("report.figure.within_standard"),
        "over_standard": words.text("report.figure.over_standard"),
        "not_measurable": words.text("report.figure.not_measurable"),
        "no_standard": words.text("report.figure.no_standard"),
        "within_waiting_target_pct": words.text("report.figure.within_waiting_target_pct"),
        "within_waiting_target": words.text("report.figure.within_waiting_target"),
        "over_waiting_target": words.text("report.figure.over_waiting_target"),
    }


def _stat_names(figure: str) -> list[str]:
    """The columns of a summary (count, p50, p90, p95, max, mean in seconds, then the mean in minutes)."""
    return [
        words.text("report.stat.count", figure=figure),
        words.text("report.stat.p50", figure=figure),
        words.text("report.stat.p90", figure=figure),
        words.text("report.stat.p95", figure=figure),
        words.text("report.stat.max", figure=figure),
        words.text("report.stat.mean", figure=figure),
        words.text("report.stat.mean_minutes", figure=figure),
    ]


def _stat_values(summary: dict[str, Any]) -> list[Value]:
    return [*(summary[stat] for stat in STATS), minutes(summary["mean"])]


def _figure_columns(names: dict[str, str]) -> list[str]:
    columns: list[str] = []
    for key, name in names.items():
        columns += _stat_names(name) if key in _SUMMARIES else [name]
    return columns


def _figure_values(names: dict[str, str], entry: dict[str, Any]) -> list[Value]:
    values: list[Value] = []
    for key in names:
        value = entry[key]
        if isinstance(value, dict):
            values += _stat_values(value)
        elif key.endswith("_pct"):
            values.append(percent(value))
        else:
            values.append(value)
    return values


def _standard_text(standards: dict[str, Any] | list[dict[str, Any]] | None) -> str | None:
    if standards is None:
        return None
    every = [standards] if isinstance(standards, dict) else standards
    return "; ".join(f"{s['value']} {words.show(TimeUnit(s['unit']))}" for s in every)


def _services(data: dict[str, Any]) -> Table:
    """A row per service and ticket group (all, priority, normal), every figure of its JSON entry."""
    names = figure_names()
    columns = [
        words.text("report.header.code"),
        words.text("report.header.name"),
        words.text("report.summary.value"),
        words.text("report.header.group"),
        *_figure_columns(names),
    ]
    groups = (
        (None, words.text("report.group.all")),
        ("priority", words.text("report.group.priority")),
        ("normal", words.text("report.group.normal")),
    )
    rows = [
        [
            entry["code"],
            entry["name"],
            _standard_text(entry["standard"]),
            group_name,
            *_figure_values(names, entry if group is None else entry[group]),
        ]
        for entry in data["services"]
        for group, group_name in groups
    ]
    return columns, rows


def _times(entries: list[dict[str, Any]], key: str) -> Table:
    """Counters or operators: served, mean service time, open, serving, paused (all, by reason), idle."""
    reasons = sorted({reason for entry in entries for reason in entry["paused"]})
    columns = [
        words.text("report.header.number") if key == "number" else words.text("report.header.username"),
        words.text("report.figure.served"),
        words.text("report.header.mean_service"),
        words.text("report.header.mean_service_minutes"),
        words.text("report.header.session"),
        words.text("report.header.session_hours"),
        words.text("report.header.serving"),
        words.text("report.header.paused_total"),
        *(words.text("report.header.paused", reason=reason) for reason in reasons),
        words.text("report.header.idle"),
    ]
    rows = [
        [
            entry[key],
            entry["served"],
            entry["mean_service"],
            minutes(entry["mean_service"]),
            entry["session"],
            Shown(entry["session"] / 3600, ONE_DECIMAL),
            entry["serving"],
            entry["paused_total"],
            *(entry["paused"].get(reason) for reason in reasons),
            entry["idle"],
        ]
        for entry in entries
    ]
    return columns, rows


def _hours(data: dict[str, Any]) -> Table:
    columns = [
        words.text("report.header.hour"),
        words.text("report.figure.arrivals"),
        *_stat_names(words.text("report.figure.waiting")),
    ]
    rows = [[hour["hour"], hour["arrivals"], *_stat_values(hour["waiting"])] for hour in data["hours"]]
    return columns, rows


def _days(report: Report) -> Table:
    """Every day of the period, and for each service its issued and served visits and % within standard."""
    codes = [entry.code for entry in report.services]
    columns = [words.text("report.header.day")]
    for code in codes:
        columns += [
            words.text("report.header.day_issued", service=code),
            words.text("report.header.day_served", service=code),
            words.text("report.header.day_within", service=code),
        ]

    def rows() -> Iterator[list[Value]]:
        for day in _period(report.start, report.end):
            row: list[Value] = [day]
            for code in codes:
                counts = report.days.get((code, day))
                if counts is None:
                    row += [0, 0, None]
                    continue
                row += [counts.issued, counts.served, percent(counts.within.shown)]
            yield row

    return columns, rows()


def _period(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)
