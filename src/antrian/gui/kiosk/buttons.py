"""The kiosk's large buttons: a service (its code, name and queue) and a priority group.

A push button draws its text on the lines it is given and cannot wrap it; these show their words in
word-wrapping labels inside, so a long name in either language keeps its size and takes another line. A
touch on a label is the button's.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from antrian import words
from antrian.gui.theme.metrics import KIOSK
from antrian.services.kiosk import ServiceTile


def _label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return label


def _font(base: QFont, pixels: int, bold: bool) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, pixels))
    font.setBold(bold)
    return font


def wrapped_height(font: QFont, width: int, text: str) -> int:
    """The height ``text`` takes, word-wrapped at ``width`` pixels in ``font``."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 1_000_000), flags, text).height()


def widest_word(font: QFont, text: str) -> int:
    """The advance of the widest word: a wrapped text is cut unless this fits its width."""
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0)


class ServiceButton(QPushButton):
    """One service: its code large on the left, its name (bold, wrapped) and how its queue stands (people
    waiting and the estimate, or why no ticket can be taken now) beside it. Its fonts are the grid's
    (``set_fonts``), which sizes every button alike and asks each how tall it must be (``needed_height``).
    A name that cannot fit the button's height even so (a window too small for any layout) is elided, in
    full in its tooltip. On a kiosk showing several zones of a Mal Pelayanan Publik, the name of the
    service's zone heads its words (``show_zone``): the grid lists the services zone by zone."""

    def __init__(self, tile: ServiceTile) -> None:
        super().__init__()
        self.setObjectName("service")
        self.code = tile.code
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.code_label = _label(self, wrap=False)
        self.code_label.setObjectName("code")
        self.code_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zone = _label(self)
        self.zone.setObjectName("zone")
        self.zone.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.zone.hide()
        self._zone_shown = False
        self.name = _label(self)
        self.detail = _label(self)
        self.name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.margin, self.gap = 14, 6  # around the words; between the code, the name and the queue
        words_column = QVBoxLayout()
        self._words_column = words_column
        words_column.addWidget(self.zone, 0)
        words_column.addWidget(self.name, 1)
        words_column.addWidget(self.detail, 1)
        row = QHBoxLayout(self)
        self._row = row
        row.addWidget(self.code_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words_column, 1)
        self.tile = tile
        self.set_fonts(24, 18)
        self.update_tile(tile)

    def update_tile(self, tile: ServiceTile) -> None:
        self.tile = tile
        self.code_label.setText(tile.code)
        self.detail.setText(
            # the line a new ticket joins (everyone waiting for its counters), the count the estimate and the
            # printed ticket rest on, not this service's tickets alone
            self.tr("Waiting: {waiting}  ·  {estimate}").format(
                waiting=words.number(tile.line), estimate=words.say(tile.estimate_words)
            )
            if tile.available or tile.reason is None
            else self.tr("Not available: {reason}").format(reason=words.say(tile.reason))
        )
        self.zone.setText(tile.zone_name or "")
        self.setAccessibleName(self.tr("Service {name}").format(name=tile.name))
        self.setEnabled(tile.available)
        self._fit_name()

    def show_zone(self, shown: bool) -> None:
        """Head the words with the service's zone's name (when it has one)."""
        self._zone_shown = shown and bool(self.tile.zone_name)
        self.zone.setVisible(self._zone_shown)
        self._fit_name()

    def _zone_height(self, room: int) -> int:
        if not self._zone_shown:
            return 0
        return wrapped_height(self.zone.font(), room, self.zone.text()) + self.gap

    def set_fonts(self, name_pixels: int, detail_pixels: int) -> None:
        """The name's size and the queue's; the code is drawn larger than the name, in a square box."""
        self.name.setFont(_font(self.font(), name_pixels, True))
        self.detail.setFont(_font(self.font(), detail_pixels, False))
        self.zone.setFont(_font(self.font(), detail_pixels, True))
        self.code_label.setFont(_font(self.font(), int(name_pixels * KIOSK.code), True))
        side = int(name_pixels * KIOSK.code_box)
        self.code_label.setFixedSize(side, side)
        # room around the words grows with them: a 4K kiosk's buttons are not a 768-pixel one's, cramped
        self.margin, self.gap = (
            max(KIOSK.margin_floor, int(name_pixels * KIOSK.margin)),
            max(KIOSK.spacing_floor, int(name_pixels * KIOSK.spacing)),
        )
        self._words_column.setSpacing(self.gap)
        row = self._row
        row.setContentsMargins(self.margin, self.margin, self.margin, self.margin)
        row.setSpacing(self.gap * 2)
        self._fit_name()

    def text_width(self, width: int) -> int:
        """The width the name and the queue have in a button ``width`` pixels wide."""
        return width - 2 * self.margin - self.code_label.width() - 2 * self.gap

    def fits_width(self, width: int) -> bool:
        """Whether every word of the name and the queue fits on a line of a button this wide."""
        room = self.text_width(width)
        return all(
            widest_word(label.font(), text) <= room
            for label, text in (
                (self.name, self.tile.name),
                (self.detail, self.detail.text()),
                (self.zone, self.zone.text() if self._zone_shown else ""),
            )
        )

    def needed_height(self, width: int) -> int:
        """The height that shows the whole name and queue, wrapped, in a button ``width`` pixels wide."""
        room = self.text_width(width)
        text = wrapped_height(self.name.font(), room, self.tile.name) + self.gap
        text += wrapped_height(self.detail.font(), room, self.detail.text()) + self._zone_height(room)
        return 2 * self.margin + max(self.code_label.height(), text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_name()

    def _fit_name(self) -> None:
        """The whole name, or as much as the button's height leaves it with "…" and the name in the
        tooltip."""
        name, font = self.tile.name, self.name.font()
        room = self.text_width(self.width())
        height = (
            self.height()
            - 2 * self.margin
            - self.gap
            - wrapped_height(self.detail.font(), room, self.detail.text())
            - self._zone_height(room)
        )
        shown = name
        if room > 0 and wrapped_height(font, room, name) > height:
            metrics = QFontMetrics(font)
            lines = max(1, height // metrics.lineSpacing())
            budget = room * lines
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, budget)
            while budget > room and wrapped_height(font, room, shown) > max(height, metrics.lineSpacing()):
                budget -= max(1, room // 10)  # wrapping loses the ends of lines: try a little less
                shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, budget))
        self.name.setText(shown)
        self.setToolTip(name if shown != name else "")


class GroupButton(QPushButton):
    """A priority group's button, its name in a word-wrapping label so that a long name in either language
    stays as large as the others, on two lines where one is too narrow (the names are the catalogue's:
    their longest word fits every screen the kiosk is tested at)."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.label)

    def set_name(self, name: str) -> None:
        self.label.setText(name)
        self.setAccessibleName(name)
