"""The SKM report as an evidence PDF, in the structure of the regulation's report (Laporan Hasil Survei
Kepuasan Masyarakat, Permenpan RB 14/2017): the letterhead, title, period and service; I Pendahuluan (the
population, the required sample and the respondents, the surveys left out, the questionnaire versions);
II the results per unsur; III the IKM and the service quality with the grade bands; the results per service
and the respondents' profile; IV Analisis (the lowest and highest unsur, the suggestions); V an empty
follow-up plan for the office to fill; the verification block and the sign-off.

Every figure comes from the JSON's dict (``reports.skm.json_skm``), so the PDF shows exactly the JSON's
numbers; the hash is ``data_sha256`` of that dict, which ``antrian skm report ... --format json --canonical
| sha256sum`` reproduces. The shared pieces (document, letterhead, verification, sign-off) are
``printing.evidence_pdf``'s, as the compliance report's are. Runs in a worker thread or the command line
(``ensure_gui`` first, on the main thread); no widget is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from antrian import words
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
from antrian.printing.pdf_layout import Column, Pages
from antrian.printing.skm_pdf_sections import analysis, ikm_and_quality, per_service, plan, profile, unsur
from antrian.reports.exports import data_sha256
from antrian.reports.skm import json_skm
from antrian.services.skm import SkmReport


def write_skm_pdf(report: SkmReport, path: Path, office: Letterhead, signer: Signer = Signer()) -> int:
    """Write ``report`` to ``path`` as the evidence PDF, whole or not at all; returns its pages.

    Raises:
        InvalidInput: the path cannot be written (``report.unwritable``).
    """
    return write_pdf(path, render_skm(json_skm(report), office, signer))


def render_skm(data: dict[str, Any], office: Letterhead, signer: Signer) -> tuple[bytes, int]:
    """The PDF of the SKM report's JSON dict ``data`` as bytes, and its page count."""
    digest = data_sha256(data)
    title = words.text("skm.pdf.title")

    def lay_out(pages: Pages) -> None:
        draw_letterhead(pages, office, title)
        _period(pages, data)
        _introduction(pages, data)
        unsur(pages, data)
        ikm_and_quality(pages, data)
        if data["period"]["service"] is None and data["services"]:
            per_service(pages, data)
        profile(pages, data)
        analysis(pages, data)
        plan(pages)
        _verification(pages, data, digest)
        draw_signature(pages, made_at(data["period"]).date(), office, signer)

    return render_document(title, digest, lay_out)


def _service(data: dict[str, Any]) -> str:
    code = data["period"]["service"]
    if code is None:
        return words.text("skm.summary.every_service")
    name = next((entry["name"] for entry in data["services"] if entry["code"] == code), None)
    return code if name is None else f"{code} – {name}"


def _period(pages: Pages, data: dict[str, Any]) -> None:
    period = data["period"]
    pages.text(period_days(period), 9, after_mm=0.8)
    pages.text(f"{words.text('skm.summary.service')}: {_service(data)}", 9, after_mm=0.8)
    pages.text(f"{words.text('skm.summary.made_at')}: {words.show(made_at(period))}", 9, after_mm=0.8)
    pages.text(words.text("skm.pdf.basis"), 8)


def _introduction(pages: Pages, data: dict[str, Any]) -> None:
    pages.heading(words.text("skm.pdf.intro_heading"))
    pages.text(words.text("skm.pdf.intro"), 9, after_mm=2)
    versions = ", ".join(str(version) for version in data["versions"]) or "-"
    pages.table(
        [Column(words.text("report.pdf.figure"), 3, number=False), Column(words.text("report.pdf.value"), 1)],
        [
            [words.text("skm.summary.population"), words.number(data["population"])],
            [words.text("skm.summary.required_sample"), words.number(data["required_sample"])],
            [words.text("skm.summary.respondents"), words.number(data["respondents"])],
            [words.text("skm.summary.sample_reached"), words.show(data["sample_reached"])],
            [words.text("skm.summary.incomplete"), words.number(data["incomplete"])],
            [words.text("skm.pdf.versions"), versions],
        ],
        points=8,
    )
    if not data["sample_reached"]:
        said = words.text(
            "skm.pdf.sample_short", respondents=data["respondents"], required=data["required_sample"]
        )
        pages.text(said, 9, bold=True, after_mm=2)
    if not data["respondents"]:
        pages.text(words.text("skm.pdf.no_respondents"), 9, bold=True, after_mm=2)


def _verification(pages: Pages, data: dict[str, Any], digest: str) -> None:
    period = data["period"]
    service = f" --service {period['service']}" if period["service"] else ""
    command = (
        f"antrian skm report --from {period['from']} --to {period['to']}{service} "
        "--format json --canonical | sha256sum"
    )
    draw_verification(pages, words.text("skm.pdf.verify", sha256=digest), command)
