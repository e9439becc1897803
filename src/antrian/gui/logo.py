"""The office's logo as windows draw it."""

from __future__ import annotations

from PySide6.QtGui import QPixmap

from antrian import assets


def logo_pixmap(logo: bytes | None) -> QPixmap:
    """The office's logo file (PNG, JPEG or SVG content); None or unreadable: Antrian's emblem."""
    pixmap = QPixmap()
    if logo is None or not pixmap.loadFromData(logo):
        pixmap.loadFromData(assets.read_bytes(assets.LOGO))
    return pixmap
