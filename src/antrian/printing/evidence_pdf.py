"""What every evidence PDF shares (the compliance report, the SKM report): an A4 portrait document laid out
with ``pdf_layout.Pages`` whose every page says "hal. i dari N" and the SHA-256 of the report's data; the
letterhead (the office's logo, name and address, then the title); the verification block that tells how to
reproduce the hash; and the sign-off block (place, date, the head of the office, name and NIP).

Runs in a worker thread (the supervisor window) or the command line (``ensure_gui`` first, on the main
thread); no widget is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from antrian import assets, words
from antrian.domain.timing import office_zone
from antrian.printing.pdf_layout import Pages, font
from antrian.reports.exports import write_atomically
from antrian.services.office import OfficeInfo

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


def write_pdf(path: Path, rendered: tuple[bytes, int]) -> int:
    """Write a PDF as ``render_document`` gives it (bytes, pages) to ``path``, whole or not at all; its pages.

    Raises:
        InvalidInput: the path cannot be written (``report.unwritable``).
    """
    pdf, pages = rendered
    write_atomically(path, lambda file: file.write(pdf), binary=True)
    return pages


def render_document(title: str, digest: str, lay_out: Callable[[Pages], None]) -> tuple[bytes, int]:
    """An A4 PDF titled ``title`` whose content ``lay_out`` places on the pages, every page's footer with
    ``digest`` (the data's SHA-256) and "page i of N": its bytes and its page count."""
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
    writer.setTitle(title)
    writer.setCreator("Antrian")
    pages = Pages(writer)
    lay_out(pages)

    def footer(p: QPainter, box: QRectF, number: int, count: int) -> None:
        p.setFont(font(6.5))
        p.drawText(box, int(Qt.AlignmentFlag.AlignLeft), words.text("report.pdf.footer_hash", sha256=digest))
        p.drawText(box, int(Qt.AlignmentFlag.AlignRight), words.text("report.pdf.page", i=number, n=count))

    count = pages.paint(footer)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(buffer.data().data()), count


def draw_letterhead(pages: Pages, office: Letterhead, title: str) -> None:
    """The logo at the left, the office's name and address beside it, a rule, then ``title``."""
    size = LOGO_MM * pages.mm
    area = pages.area
    top = pages.y
    logo = logo_image(office.logo)
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
    pages.text(title, 15, bold=True, after_mm=2)


def logo_image(logo: bytes | None) -> QImage | bytes | None:
    """The logo as an image (an SVG as its bytes, drawn as vectors); None when it cannot be read."""
    try:
        raw = logo if logo is not None else assets.read_bytes(assets.LOGO)
    except OSError:
        return None
    if raw.lstrip().startswith(b"<"):
        return raw
    image = QImage.fromData(raw)
    return None if image.isNull() else image


def made_at(period: dict[str, Any]) -> datetime:
    """When the report was made, in the office's time zone (a report JSON's ``period``)."""
    return datetime.fromisoformat(period["made_at"]).astimezone(office_zone(period["timezone"]))


def period_days(period: dict[str, Any]) -> str:
    """The line "Periode: <first day> sampai <last day>" of a report JSON's ``period``."""
    start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
    return f"{words.text('report.pdf.period')}: {words.text('report.pdf.period_days', start=start, end=end)}"


def draw_verification(pages: Pages, said: str, command: str) -> None:
    """The verification block: the sentence ``said`` (with the hash), the ``command`` that reproduces it."""
    width = pages.area.width()
    # heading, sentence and command on one page: the command alone atop a page would lose its meaning
    pages.need(
        16 * pages.mm + pages.height(said, font(8), width) + pages.height(command, font(8, bold=True), width)
    )
    pages.heading(words.text("report.pdf.verify_title"))
    pages.text(said, 8)
    pages.text(command, 8, bold=True, indent_mm=4)


def draw_signature(pages: Pages, made: date, office: Letterhead, signer: Signer) -> None:
    """Place and date, the head of the office, space to sign, the name and the NIP (lines when blank)."""
    blank = "_" * 28
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
