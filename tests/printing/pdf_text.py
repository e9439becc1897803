"""Reading a PDF back for tests: its pages' text and a page as an image, through QtPdf (what a reader's
viewer would show, not the writer's own layout)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument


def pdf_pages(path: Path) -> list[str]:
    """The text of every page of the PDF at ``path``."""
    document = QPdfDocument(None)
    try:
        assert document.load(str(path)) == QPdfDocument.Error.None_, f"{path} does not open as a PDF"
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()


def pdf_page_image(path: Path, page: int, width: int = 1240) -> QImage:
    """Page ``page`` (from 0) of the PDF at ``path`` as an image ``width`` pixels wide (A4 proportions)."""
    document = QPdfDocument(None)
    try:
        assert document.load(str(path)) == QPdfDocument.Error.None_
        return document.render(page, QSize(width, round(width * 297 / 210)))
    finally:
        document.close()
