"""The ticket drawn with Qt: a PDF file, or a page on a system printer (QPrinter).

Both run off the GUI thread in the kiosk (its task runner): Qt supports QPainter on a QPrinter or a
QPdfWriter in any thread (one painter per device at a time; Qt's "Thread-Support in Qt Modules", painting in
threads), and text renders outside the GUI thread since Qt 5. No dialog is used (QPrintDialog would need the
GUI thread). Only ``ensure_gui`` must run on the main thread, and only where no application exists yet: the
command line, never a window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from antrian import words
from antrian.printing.escpos import PrinterError
from antrian.printing.slip import TicketSlip, slip_lines

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

SLIP_SIZE_MM = QSizeF(80, 125)


def _qr_matrix(payload: str) -> list[list[bool]]:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def ensure_gui() -> None:
    """Qt draws text only with a GUI application: a command-line reprint makes one (offscreen if headless)."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(["antrian"]))


_keep: list[object] = []


def draw(slip: TicketSlip, device: QPdfWriter | QPrinter) -> None:
    """Lay the slip out on ``device`` (top to bottom, centred, the number very large)."""
    painter = QPainter(device)
    if not painter.isActive():
        raise PrinterError("printer.cannot_draw")
    try:
        page = QRectF(device.pageLayout().paintRectPixels(device.resolution()))
        dpmm = device.resolution() / 25.4
        y = page.top()

        def block(text: str, size_mm: float, bold: bool = False) -> None:
            nonlocal y
            font = QFont("DejaVu Sans")
            font.setPixelSize(max(1, int(size_mm * dpmm)))
            font.setBold(bold)
            painter.setFont(font)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
            box = painter.boundingRect(QRectF(page.left(), y, page.width(), page.height()), flags, text)
            painter.drawText(QRectF(page.left(), y, page.width(), box.height()), flags, text)
            y += box.height() + 1.5 * dpmm

        sizes = {"title": (4.2, True), "normal": (3.2, False), "label": (3.2, True), "small": (2.6, False)}
        for style, text in slip_lines(slip):
            if style == "number":
                block(text, min(22.0, 60.0 / max(1, len(text))), True)
            else:
                block(text, *sizes[style])
        matrix = _qr_matrix(slip.qr)
        module = 24 * dpmm / len(matrix)
        left = page.center().x() - module * len(matrix) / 2
        black = QColor("black")
        for row_index, row in enumerate(matrix):
            for col_index, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRectF(left + col_index * module, y + row_index * module, module, module), black
                    )
    finally:
        painter.end()


def render_pdf(slip: TicketSlip, path: Path) -> Path:
    """The slip as a one-page PDF of receipt size (80 x 125 mm)."""
    ensure_gui()
    if not path.parent.is_dir():
        raise PrinterError("printer.pdf_folder_missing", folder=str(path.parent), path=str(path))
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(SLIP_SIZE_MM, QPageSize.Unit.Millimeter, words.text("slip.page_name")),
            QPageLayout.Orientation.Portrait,
            QMarginsF(4, 4, 4, 4),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(words.text("slip.document_title", ticket=slip.number))
    draw(slip, writer)
    del writer  # the file is complete once the writer is gone
    if not path.exists() or path.stat().st_size == 0:
        raise PrinterError("printer.pdf_not_written", path=str(path))
    return path


def print_system(slip: TicketSlip, printer_name: str | None = None) -> None:
    """Print on a system printer (the default one without a name) through Qt's print support."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    ensure_gui()
    if printer_name and printer_name not in QPrinterInfo.availablePrinterNames():
        names = QPrinterInfo.availablePrinterNames()
        raise PrinterError("printer.no_system_printer_named", name=printer_name, available=names or None)
    printer = QPrinter(
        QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    )
    if not printer.isValid():
        raise PrinterError("printer.no_system_printer")
    printer.setPageSize(QPageSize(SLIP_SIZE_MM, QPageSize.Unit.Millimeter, words.text("slip.page_name")))
    draw(slip, printer)
