"""How large a pixel is on the kiosk's panel, and so how many pixels a touch target and a readable text need.

A finger needs a target of at least 15 mm. Qt gives pixels, and what a pixel measures depends on the panel:
kiosks use 15.6 to 32 inch panels, and the same resolution is densest on the smallest of them. Unless the
screen reports its real size, the kiosk assumes the densest panel plausible for its resolution, so 15 mm
holds on every panel it may be shown on (docs/DESIGN.md, "Kiosk: touch targets"); a screen that reports a
denser pitch (a small high-resolution panel) is taken at its word:

- up to full HD (1366x768, 1920x1080, portrait 1080x1920): a 21.5-inch full-HD panel, 0.248 mm per pixel
  (denser than a 15.6-inch 1366x768 panel's 0.252 mm);
- above: a 27-inch panel at that resolution, 597.7 mm across its long side (0.156 mm per pixel at 3840x2160).
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import QWidget

from antrian.gui.theme.metrics import FLOOR

TOUCH_MM = FLOOR.touch_mm  # the smallest target a finger hits reliably
NAME_MM = FLOOR.name_mm  # the smallest a service's name is drawn (its em), readable at arm's length
DETAIL_MM = FLOOR.detail_mm  # the smallest of any other text a citizen reads
FULL_HD_PITCH_MM = 0.248  # a 21.5-inch 1920x1080 panel
LARGE_PANEL_MM = 597.7  # the long side of a 27-inch 16:9 panel


def assumed_mm_per_pixel(width: int, height: int) -> float:
    """The pixel pitch of the densest panel plausible for a kiosk of ``width`` x ``height`` pixels."""
    return min(FULL_HD_PITCH_MM, LARGE_PANEL_MM / max(width, height, 1))


def reported_mm_per_pixel(width_mm: float, height_mm: float, width: int, height: int) -> float | None:
    """The pitch of a screen that reports its physical size, when that size is believable: a 10 to 110 inch
    diagonal with the same pitch both ways (drivers that know nothing report 0)."""
    if min(width_mm, height_mm, width, height) <= 0:
        return None
    across, down = width_mm / width, height_mm / height
    diagonal_inch = math.hypot(width_mm, height_mm) / 25.4
    if not 10 <= diagonal_inch <= 110 or abs(across - down) > 0.1 * max(across, down):
        return None
    return (across + down) / 2


def mm_per_pixel(window: QWidget) -> float:
    """The pitch the kiosk sizes itself for: the densest plausible panel for the window's size, or the
    screen's own when the kiosk fills that screen and it reports a believable, denser one. A reported
    coarser pitch is not trusted: many drivers make one up from 96 dpi, and a target too large is only
    less economical, one too small is missed."""
    assumed = assumed_mm_per_pixel(window.width(), window.height())
    screen = window.screen()
    if screen is not None and window.isFullScreen():
        physical, geometry = screen.physicalSize(), screen.geometry()
        reported = reported_mm_per_pixel(
            physical.width(), physical.height(), geometry.width(), geometry.height()
        )
        if reported is not None:
            return min(assumed, reported)
    return assumed


def pixels(mm: float, pitch: float) -> int:
    """The pixels that measure at least ``mm`` at ``pitch`` millimetres per pixel."""
    return math.ceil(mm / pitch - 1e-9)
