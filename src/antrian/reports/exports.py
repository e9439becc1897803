"""The report as JSON (every figure, times in seconds) and the service-time log as CSV.

The JSON reads one ``Report``; the CSV writes one row per visit of its log (``services.reports.report_log``,
streamed from the database while the file is written, never held whole), read in the same transaction as
the report, so the JSON's ``office.visits`` counts the CSV's rows.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Literal, TextIO, overload

from antrian import words
from antrian.domain.counter_time import CounterTime
from antrian.domain.errors import InvalidInput
from antrian.domain.figures import Figures, Share, Standard, Summary, Visit, seconds
from antrian.domain.priority import PriorityGroup
from antrian.domain.timing import office_zone
from antrian.services.reports import Report

PERCENTILE_METHOD = "nearest-rank"
# Excel and LibreOffice read a CSV as UTF-8 only when it starts with a byte order mark.
BOM = "\ufeff"
# mkstemp makes a file only its owner can read; an exported report is for others in the office to open.
_MODE = 0o644


def json_report(report: Report) -> dict[str, Any]:
    """Every figure of ``report`` as plain JSON: times in seconds, percentages to 1 decimal (half-up)."""
    period: dict[str, Any] = {
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "service": report.service,
        "timezone": report.timezone,
        "made_at": report.made_at.isoformat(),
    }
    if report.zone is not None:  # (a whole office's report keeps the shape it had before zones)
        period["zone"] = report.zone
        period["zone_services"] = list(report.zone_services or ())
    return {
        "period": period,
        "percentile_method": PERCENTILE_METHOD,
        "services": [
            {
                "code": entry.code,
                "name": entry.name,
                **json_figures(entry.figures.all),
                "standard": _standards(entry.figures.standards),
                "priority": json_figures(entry.figures.priority),
                "normal": json_figures(entry.figures.normal),
            }
            for entry in report.services
        ],
        "counters": [{"number": number, **_time(time)} for number, time in report.counters.items()],
        "operators": [{"username": name, **_time(time)} for name, time in report.operators.items()],
        "hours": [
            {"hour": hour.hour, "arrivals": hour.arrivals, "waiting": _summary(hour.waiting)}
            for hour in report.hours
        ],
        "weekday_hour": [list(row) for row in report.weekday_hour],
        "office": {
            "citizens": report.office.citizens,
            "visits": report.office.visits,
            "transfers": report.office.transfers,
            "served": report.office.served,
            "stay": _summary(report.office.stay),
        },
    }


def definitions(*, days: bool = True) -> list[str]:
    """The meaning of every figure in words, one sentence each (the workbook's summary and the PDF); with
    ``days`` the sentence on the day-by-day matrix too."""
    said = [
        words.text("report.definition.visits"),
        words.text("report.definition.called"),
        words.text("report.definition.waiting"),
        words.text("report.definition.walk"),
        words.text("report.definition.service_time"),
        words.text("report.definition.stay"),
        words.text("report.definition.percentiles"),
        words.text("report.definition.within_standard"),
        words.text("report.definition.within_waiting_target"),
        words.text("report.definition.priority"),
        words.text("report.definition.counters"),
        words.text("report.definition.hours"),
    ]
    return [*said, words.text("report.definition.days")] if days else said


def canonical_json(data: dict[str, Any]) -> bytes:
    """The canonical bytes of a report's JSON dict (``json_report``): keys sorted, no spaces, UTF-8, no
    trailing newline, and without ``period.made_at`` (when it was made is not its data), so the same period
    read again gives the same bytes as long as its tickets did not change."""
    import json

    period = {key: value for key, value in data["period"].items() if key != "made_at"}
    shown = {**data, "period": period}
    return json.dumps(shown, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def data_sha256(data: dict[str, Any]) -> str:
    """The SHA-256 (hex) of ``canonical_json(data)``: what the PDF prints, and what
    ``antrian report ... --format json --canonical | sha256sum`` shows for the same period."""
    import hashlib

    return hashlib.sha256(canonical_json(data)).hexdigest()


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "count": summary.count,
        "p50": summary.p50,
        "p90": summary.p90,
        "p95": summary.p95,
        "max": summary.max,
        "mean": summary.mean,
    }


def _share(name: str, share: Share) -> dict[str, Any]:
    return {
        f"{name}_pct": share.shown,
        name: share.within,
        f"over_{name.removeprefix('within_')}": share.over,
    }


def json_figures(figures: Figures) -> dict[str, Any]:
    """One service's figures (or their priority or normal part) as the JSON gives them."""
    return {
        "issued": figures.issued,
        "served": figures.served,
        "no_show": figures.no_show,
        "cancelled": figures.cancelled,
        "expired": figures.expired,
        "transferred": figures.transferred,
        "called": figures.called,
        "not_called": figures.not_called,
        "longest_not_called": figures.longest_not_called,
        "waiting": _summary(figures.waiting),
        "walk": _summary(figures.walk),
        "service_time": _summary(figures.service_time),
        "stay": _summary(figures.stay),
        **_share("within_standard", figures.within_standard),
        "not_measurable": figures.not_measurable,
        "no_standard": figures.no_standard,
        **_share("within_waiting_target", figures.within_waiting_target),
    }


def _standard(standard: Standard) -> dict[str, Any]:
    return {
        "value": standard.value,
        "unit": standard.unit.value,
        "waiting_target_minutes": standard.waiting_target_minutes,
        "decree": standard.decree,
        "effective_from": None if standard.effective_from is None else standard.effective_from.isoformat(),
    }


def _standards(standards: tuple[Standard, ...]) -> dict[str, Any] | list[dict[str, Any]] | None:
    """The standard in force in the period; a list, in order of first use, when it changed within it."""
    shown = [_standard(standard) for standard in standards]
    if not shown:
        return None
    return shown[0] if len(shown) == 1 else shown


def _time(time: CounterTime) -> dict[str, Any]:
    return {
        "served": time.served,
        "mean_service": time.mean_service,
        "session": time.session,
        "serving": time.serving,
        "paused": dict(time.paused),
        "paused_total": time.paused_total,
        "idle": time.idle,
    }


# One cell of the log: text, a count, seconds, a service day, an office-local instant, or nothing.
Cell = str | int | float | date | datetime | None


def log_table(report: Report, log: Iterable[Visit]) -> tuple[list[str], Iterator[list[Cell]]]:
    """The service-time log of ``report``: its column names in the current language, and one row per visit
    of ``log`` (``report_log``; instants office-local and aware, times in seconds, None where a visit has no
    value), made as they are read. The CSV and the workbook both write these rows, so their columns cannot
    drift apart."""
    header = [
        words.text("report.column.ticket"),
        words.text("report.column.service"),
        words.text("report.column.day"),
        words.text("report.column.status"),
        words.text("report.column.priority"),
        words.text("report.column.issued"),
        words.text("report.column.called"),
        words.text("report.column.started"),
        words.text("report.column.finished"),
        words.text("report.column.waiting"),
        words.text("report.column.walk"),
        words.text("report.column.service_time"),
        words.text("report.column.stay"),
        words.text("report.column.counter"),
        words.text("report.column.operator"),
    ]
    zone = office_zone(report.timezone)

    def instant(value: datetime | None) -> datetime | None:
        return None if value is None else value.astimezone(zone)

    def span(value: timedelta | None) -> float | None:
        return None if value is None else seconds(value)

    def rows() -> Iterator[list[Cell]]:
        for visit in log:
            yield [
                visit.label,
                visit.service,
                visit.day,
                words.show(visit.status),
                None if visit.priority is None else words.show(_group(visit.priority)),
                instant(visit.issued),
                instant(visit.first_called),
                instant(visit.started),
                instant(visit.finished),
                span(visit.waiting),
                span(visit.walk),
                span(visit.service_time),
                span(visit.stay),
                visit.counter,
                visit.operator,
            ]

    return header, rows()


def log_csv(report: Report, log: Iterable[Visit], file: TextIO) -> int:
    """Write the service-time log of ``report`` to ``file`` (opened with ``newline=""``): a byte order mark,
    the header, then one row per visit of ``log``, instants office-local ISO 8601, times in seconds. Returns
    the rows."""
    header, rows = log_table(report, log)
    file.write(BOM)
    writer = csv.writer(file)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
        count += 1
    return count


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):  # a datetime is a date too
        return cell.isoformat()
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)


def _group(value: str) -> PriorityGroup | str:
    """A priority group as its words; a value this version does not know stays as stored."""
    try:
        return PriorityGroup(value)
    except ValueError:
        return value


@overload
def write_atomically(
    path: Path, write: Callable[[TextIO], object], *, binary: Literal[False] = ...
) -> None: ...
@overload
def write_atomically(path: Path, write: Callable[[IO[bytes]], object], *, binary: Literal[True]) -> None: ...
def write_atomically(path: Path, write: Callable[[Any], object], *, binary: bool = False) -> None:
    """Write a file whole or not at all: into a temporary file beside ``path``, renamed over it once complete.
    ``write`` gets the file open for UTF-8 text without newline translation, or for bytes when ``binary``.

    Raises:
        InvalidInput: the folder does not exist or cannot be written (``report.unwritable``).
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise InvalidInput(
            "report.unwritable", path=str(path), problem=error.strerror or str(error)
        ) from None
    try:
        with (
            os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")
        ) as file:
            write(file)
        os.chmod(temporary, _MODE)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(
            "report.unwritable", path=str(path), problem=error.strerror or str(error)
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(report: Report, path: Path, format: str, *, office: str, log: Iterable[Visit]) -> None:
    """Write ``report`` to ``path`` whole or not at all as ``format``: "json" (every figure), "csv" (the log)
    or "xlsx" (the workbook; ``office`` and ``log`` as for ``write_xlsx``). ``log`` is the report's
    ``report_log``, read while the file is written (JSON does not read it). The CLI and the supervisor window
    both export through here, so their files are the same.

    Raises:
        InvalidInput: the path cannot be written (``report.unwritable``).
    """
    if format == "xlsx":
        from antrian.reports.xlsx import write_xlsx

        write_atomically(path, lambda file: write_xlsx(report, file, office=office, log=log), binary=True)
        return
    write_atomically(path, lambda file: write_report_text(report, file, format, log))


def write_report_text(report: Report, file: TextIO, format: str, log: Iterable[Visit]) -> None:
    """``report`` as JSON, or its ``log`` as CSV when ``format`` is "csv", into an open text file."""
    import json

    if format == "csv":
        log_csv(report, log, file)
    else:
        json.dump(json_report(report), file, ensure_ascii=False, indent=2)
        file.write("\n")
