"""The compliance report as an evidence PDF (A4 portrait, QPdfWriter): letterhead, period, the standards in
force, the definitions of every figure, the tables and the charts, a signature block, and on every page
"hal. i dari N" with the SHA-256 of the report's data.

Every figure comes from the JSON's dict (``json_report``), so the PDF shows exactly the JSON's numbers; the
hash is ``data_sha256`` of that dict, which ``antrian report ... --format json --canonical | sha256sum``
reproduces for the same period. Runs in a worker thread (the supervisor window) or the command line
(``ensure_gui`` first, on the main thread); no widget is made.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from antrian import words
from antrian.domain.timing import standard_words
from antrian.printing.evidence_pdf import (
    Letterhead,
    Signer,
    draw_letterhead,
    draw_signature,
    draw_verification,
    made_at,
    period_days,
    render_document,
    write_pdf,
)
from antrian.printing.pdf_layout import Pages
from antrian.printing.report_charts import paint_heatmap, paint_hours, used_hours
from antrian.printing.report_tables import tables
from antrian.reports.exports import PERCENTILE_METHOD, data_sha256, definitions, json_report
from antrian.services.reports import Report


def write_report_pdf(report: Report, path: Path, office: Letterhead, signer: Signer = Signer()) -> int:
    """Write ``report`` to ``path`` as the evidence PDF, whole or not at all; returns its pages.

    Raises:
        InvalidInput: the path cannot be written (``report.unwritable``).
    """
    return write_pdf(path, render(json_report(report), office, signer))


def render(data: dict[str, Any], office: Letterhead, signer: Signer) -> tuple[bytes, int]:
    """The PDF of the report's JSON dict ``data`` as bytes, and its page count."""
    digest = data_sha256(data)

    def lay_out(pages: Pages) -> None:
        draw_letterhead(pages, office, words.text("report.pdf.title"))
        _period(pages, data)
        _standards(pages, data)
        tables(pages, data)
        _charts(pages, data)
        _definitions(pages, data)
        _verification(pages, data, digest)
        draw_signature(pages, made_at(data["period"]).date(), office, signer)

    return render_document(words.text("report.pdf.title"), digest, lay_out)


def _period(pages: Pages, data: dict[str, Any]) -> None:
    period = data["period"]
    pages.text(period_days(period), 9, after_mm=0.8)
    rows = [
        (
            words.text("report.summary.service"),
            period["service"] or words.text("report.summary.every_service"),
        ),
        (words.text("report.summary.timezone"), period["timezone"]),
        (
            words.text("report.summary.percentile_method"),
            words.text("report.summary.nearest_rank")
            if data["percentile_method"] == PERCENTILE_METHOD
            else data["percentile_method"],
        ),
        (words.text("report.summary.made_at"), words.show(made_at(period))),
    ]
    for name, value in rows:
        pages.text(f"{name}: {value}", 9, after_mm=0.8)


def _standard_line(standard: dict[str, Any]) -> str:
    target = standard["waiting_target_minutes"]
    since = standard.get("effective_from")
    said = _standard_words(standard, target)
    return (
        said
        if since is None
        else words.text("report.pdf.since", day=date.fromisoformat(since), standard=said)
    )


def _standard_words(standard: dict[str, Any], target: int | None) -> str:
    return words.text(
        "report.pdf.standard",
        time=words.say(standard_words(standard["value"], standard["unit"])),
        target=words.text("report.pdf.target", time=words.duration(timedelta(minutes=target)))
        if target is not None
        else words.text("report.pdf.no_target"),
        decree=standard["decree"] or words.text("report.pdf.no_decree"),
    )


def _standards(pages: Pages, data: dict[str, Any]) -> None:
    pages.heading(words.text("report.summary.standards"))
    if not data["services"]:
        pages.text(words.text("report.pdf.no_tickets"))
    for entry in data["services"]:
        standards = entry["standard"]
        title = f"{entry['code']} – {entry['name']}"
        if standards is None:
            pages.text(f"{title}: {words.text('report.summary.no_standard')}")
        elif isinstance(standards, dict):
            pages.text(f"{title}: {_standard_line(standards)}")
        else:
            pages.text(f"{title}: {words.text('report.pdf.standard_changed')}")
            for index, standard in enumerate(standards, start=1):
                pages.text(f"{index}. {_standard_line(standard)}", indent_mm=5, after_mm=0.8)


def _charts(pages: Pages, data: dict[str, Any]) -> None:
    pages.heading(words.text("report.pdf.chart_hours"))
    pages.block(60, lambda p, box: paint_hours(p, box, data["hours"]))
    pages.heading(words.text("report.pdf.chart_heatmap"))
    hours = used_hours(data["hours"])
    pages.block(45, lambda p, box: paint_heatmap(p, box, data["weekday_hour"], hours))


def _definitions(pages: Pages, data: dict[str, Any]) -> None:
    pages.heading(words.text("report.summary.definitions"))
    for sentence in definitions(days=False):  # the PDF has no day-by-day matrix (the workbook has)
        pages.text(f"• {sentence}", 8, indent_mm=2, after_mm=1)


def _verification(pages: Pages, data: dict[str, Any], digest: str) -> None:
    period = data["period"]
    service = f" --service {period['service']}" if period["service"] else ""
    command = (
        f"antrian report --from {period['from']} --to {period['to']}{service} "
        "--format json --canonical | sha256sum"
    )
    draw_verification(pages, words.text("report.pdf.verify", sha256=digest), command)
