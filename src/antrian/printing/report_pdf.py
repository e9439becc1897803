"""The compliance report as an evidence PDF (A4 portrait, QPdfWriter): letterhead, period, the standards in
force, the definitions of every figure, the tables and the charts, a signature block, and on every page
"hal. i dari N" with the SHA-256 of the report's data.

Every figure comes from the JSON's dict (``json_report``), so the PDF shows exactly the JSON's numbers; the
hash is ``data_sha256`` of that dict, which ``antrian report ... --format json --canonical | sha256sum``
reproduces for the same period. Runs in a worker thread (the supervisor window) or the command line
(``ensure_gui`` first, on the main thread); no widget is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from antrian import assets, words
from antrian.domain.timing import office_zone, standard_words
from antrian.printing.pdf_layout import Pages, font
from antrian.printing.report_charts import paint_heatmap, paint_hours, used_hours
from antrian.printing.report_tables import tables
from antrian.reports.exports import PERCENTILE_METHOD, data_sha256, definitions, json_report, write_atomically
from antrian.services.office import OfficeInfo
from antrian.services.reports import Report

LOGO_MM = 18.0


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The office at the top of the first page; ``logo`` a PNG/JPEG/SVG file's content (the office's, from
    ``services.branding.get_logo``), Antrian's emblem when None."""

    name: str
    address: str = ""
    logo: bytes | None = None


@dataclass(frozen=True, slots=True)
class Signer:
    """Who signs: blank fields leave lines to fill in by hand."""

    name: str = ""
    nip: str = ""
    place: str = ""


def letterhead(office: OfficeInfo, logo: bytes | None = None) -> Letterhead:
    """The letterhead of the office profile with its logo (None: Antrian's emblem is drawn)."""
    return Letterhead(office.name, office.address, logo)


def write_report_pdf(report: Report, path: Path, office: Letterhead, signer: Signer = Signer()) -> int:
    """Write ``report`` to ``path`` as the evidence PDF, whole or not at all; returns its pages.

    Raises:
        InvalidInput: the path cannot be written (``report.unwritable``).
    """
    data = json_report(report)
    pdf, pages = render(data, office, signer)
    write_atomically(path, lambda file: file.write(pdf), binary=True)
    return pages


def render(data: dict[str, Any], office: Letterhead, signer: Signer) -> tuple[bytes, int]:
    """The PDF of the report's JSON dict ``data`` as bytes, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 15, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(words.text("report.pdf.title"))
    writer.setCreator("Antrian")
    pages = Pages(writer)
    digest = data_sha256(data)
    _letterhead(pages, office)
    _period(pages, data)
    _standards(pages, data)
    tables(pages, data)
    _charts(pages, data)
    _definitions(pages, data)
    _verification(pages, data, digest)
    _signature(pages, data, office, signer)

    def footer(p: QPainter, box: QRectF, number: int, count: int) -> None:
        p.setFont(font(6.5))
        p.drawText(box, int(Qt.AlignmentFlag.AlignLeft), words.text("report.pdf.footer_hash", sha256=digest))
        p.drawText(box, int(Qt.AlignmentFlag.AlignRight), words.text("report.pdf.page", i=number, n=count))

    count = pages.paint(footer)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data().data()), count


def _letterhead(pages: Pages, office: Letterhead) -> None:
    size = LOGO_MM * pages.mm
    area = pages.area
    top = pages.y
    logo = _logo(office.logo)
    text_left = area.left() + size + 4 * pages.mm

    def draw(p: QPainter) -> None:
        target = QRectF(area.left(), top, size, size)
        if isinstance(logo, QImage):
            p.drawImage(target, logo)
        elif logo is not None:
            from PySide6.QtSvg import QSvgRenderer

            QSvgRenderer(QByteArray(logo)).render(p, target)

    pages.add(draw)
    name_face, address_face = font(14, bold=True), font(9)
    width = area.right() - text_left
    name_height = pages.height(office.name, name_face, width)
    name_box = QRectF(text_left, top + 1 * pages.mm, width, name_height)
    address_box = QRectF(text_left, name_box.bottom() + pages.mm, width, size)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)

    def names(p: QPainter) -> None:
        p.setFont(name_face)
        p.drawText(name_box, flags, office.name)
        p.setFont(address_face)
        p.drawText(address_box, flags, office.address)

    pages.add(names)
    address_height = pages.height(office.address, address_face, width) if office.address else 0
    pages.y = max(top + size, address_box.top() + address_height) + 2 * pages.mm
    pages.rule(0.6)
    pages.text(words.text("report.pdf.title"), 15, bold=True, after_mm=2)


def _logo(logo: bytes | None) -> QImage | bytes | None:
    """The logo as an image (an SVG as its bytes, drawn as vectors); None when it cannot be read."""
    try:
        raw = logo if logo is not None else assets.read_bytes(assets.LOGO)
    except OSError:
        return None
    if raw.lstrip().startswith(b"<"):
        return raw
    image = QImage.fromData(raw)
    return None if image.isNull() else image


def _made_at(data: dict[str, Any]) -> datetime:
    period = data["period"]
    return datetime.fromisoformat(period["made_at"]).astimezone(office_zone(period["timezone"]))


def _period(pages: Pages, data: dict[str, Any]) -> None:
    period = data["period"]
    start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    rows = [
        (words.text("report.pdf.period"), words.text("report.pdf.period_days", start=start, end=end)),
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
        (words.text("report.summary.made_at"), words.show(_made_at(data))),
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
    said = words.text("report.pdf.verify", sha256=digest)
    width = pages.area.width()
    # heading, sentence and command on one page: the command alone atop a page would lose its meaning
    pages.need(
        16 * pages.mm + pages.height(said, font(8), width) + pages.height(command, font(8, bold=True), width)
    )
    pages.heading(words.text("report.pdf.verify_title"))
    pages.text(said, 8)
    pages.text(command, 8, bold=True, indent_mm=4)


def _signature(pages: Pages, data: dict[str, Any], office: Letterhead, signer: Signer) -> None:
    blank = "_" * 28
    made = _made_at(data).date()
    lines = [
        words.text(
            "report.pdf.place_date",
            place=signer.place or blank,
            date=f"{made.day} {words.month_name(made.month)} {made.year}",
        ),
        words.text("report.pdf.signer_title", office=office.name),
    ]
    pages.space(6)
    pages.need(50 * pages.mm)
    indent = 105.0
    for line in lines:
        pages.text(line, 9, indent_mm=indent, after_mm=1)
    pages.space(18)
    pages.text(signer.name or blank, 9, bold=bool(signer.name), indent_mm=indent, after_mm=1)
    pages.text(words.text("report.pdf.nip", nip=signer.nip or blank), 9, indent_mm=indent)
