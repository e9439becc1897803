"""The wizard's pages of single fields: welcome and language, the office, the admin's password.

Each page checks what it holds when Next is pressed (``validatePage``) with the checks of
``services.first_run``, and says the first problem in its message line; nothing is written before the
summary page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.password_strength import Reason, rate_password
from antrian.gui import i18n, theme
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.theme.metrics import SIZE
from antrian.services.branding import check_logo
from antrian.services.first_run import ZONES, check_admin, check_office

LOGO_PREVIEW = SIZE.logo  # the logo as high as the display's header line shows it, about


def message_line() -> QLabel:
    """The red line under a page's fields where the first problem is said."""
    line = QLabel("")
    line.setObjectName("wizardError")
    line.setWordWrap(True)
    return line


class CheckedPage(Retranslated, QWizardPage):
    """A page whose fields are checked when Next is pressed: ``check`` raises the first problem."""

    def __init__(self) -> None:
        super().__init__()
        self.message = message_line()

    def check(self) -> None:
        raise NotImplementedError

    def validatePage(self) -> bool:
        try:
            self.check()
        except AntrianError as error:
            self.message.setText(error_text(error))
            return False
        self.message.setText("")
        return True


class WelcomePage(Retranslated, QWizardPage):
    """What the wizard does, and the language of the windows (of this PC, from now on)."""

    def __init__(self) -> None:
        super().__init__()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language = QComboBox()
        for code, name in words.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(words.language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel()
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(16)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def _language_chosen(self) -> None:
        i18n.set_language(str(self.language.currentData()))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Antrian"))
        self.setSubTitle(self.tr("This office has not been set up yet."))
        self.intro.setText(
            self.tr(
                "In a few steps you give the office its name, address, logo and time zone, its first "
                "services and counters, and the administrator's password. Nothing is saved until you "
                "confirm the summary at the end; everything can be changed later in the admin window."
            )
        )
        self.language_label.setText(self.tr("Language"))


class OfficePage(CheckedPage):
    """The office's name, address, logo (with a preview) and time zone, offered by name."""

    def __init__(self, run_in_background: Any) -> None:
        super().__init__()
        self._background = run_in_background
        self.logo: bytes | None = None
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.zone = QComboBox()
        for zone in ZONES.values():
            self.zone.addItem("", zone)
        self.preview = QLabel()
        self.preview.setFixedSize(LOGO_PREVIEW * 2, LOGO_PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("logoPreview")
        self.preview.setWordWrap(True)
        self.choose = QPushButton()
        self.choose.clicked.connect(self._choose_logo)
        self.remove = QPushButton()
        self.remove.clicked.connect(lambda: self._logo_loaded(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.preview)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        logo_row.addLayout(buttons)
        logo_row.addStretch(1)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.name)
        form.addRow(self.labels[1], self.address)
        form.addRow(self.labels[2], logo_row)
        form.addRow(self.labels[3], self.zone)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate()
        self._logo_loaded(None)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The office's logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.load_logo(path)

    def load_logo(self, path: str) -> None:
        """Read and check the file off the GUI thread; the preview shows it, or the line says why not."""

        def read() -> bytes:
            with open(path, "rb") as file:
                data = file.read(2 * 1024 * 1024)
            check_logo(data)
            return data

        self._background(read, self._logo_landed)

    def _logo_landed(self, result: bytes | Exception) -> None:
        if isinstance(result, Exception):
            self.message.setText(
                error_text(result)
                if isinstance(result, AntrianError)
                else self.tr("The file could not be read: {0}").format(result)
            )
            return
        self.message.setText("")
        self._logo_loaded(result)

    def _logo_loaded(self, data: bytes | None) -> None:
        self.logo = data
        self.remove.setEnabled(data is not None)
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo: Antrian's emblem is shown"))

    @property
    def timezone(self) -> str:
        return str(self.zone.currentData())

    def check(self) -> None:
        check_office(self.name.text(), self.address.text(), self.timezone, self.logo)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The office"))
        self.setSubTitle(self.tr("As the kiosk, the display and the tickets will show it."))
        for label, text in zip(
            self.labels,
            (self.tr("Name"), self.tr("Address"), self.tr("Logo"), self.tr("Time zone")),
            strict=True,
        ):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("for example: Disdukcapil Kota Makassar"))
        names = {
            "WIB": self.tr("WIB, Western Indonesia Time (Jakarta, Sumatra, Java, West Kalimantan)"),
            "WITA": self.tr("WITA, Central Indonesia Time (Bali, Nusa Tenggara, Sulawesi, Makassar)"),
            "WIT": self.tr("WIT, Eastern Indonesia Time (Maluku, Papua, Jayapura)"),
        }
        for index, short in enumerate(ZONES):
            self.zone.setItemText(index, names[short])
        self.choose.setText(self.tr("Choose a file…"))
        self.remove.setText(self.tr("No logo"))
        if self.logo is None:
            self.preview.setText(self.tr("No logo: Antrian's emblem is shown"))


class AdminPage(CheckedPage):
    """The administrator: username ("admin"), full name, the password typed twice, its strength shown live."""

    def __init__(self) -> None:
        super().__init__()
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for secret in (self.password, self.repeat):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setObjectName("strength")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(SIZE.meter)
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.labels = [QLabel() for _ in range(5)]
        strength = QWidget()
        column = QVBoxLayout(strength)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.meter)
        column.addWidget(self.strength)
        form = QFormLayout()
        fields: tuple[QWidget, ...] = (self.username, self.full_name, self.password, self.repeat, strength)
        for label, field in zip(self.labels, fields, strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.password.textChanged.connect(self._rate)
        self.username.textChanged.connect(self._rate)
        self.retranslate()

    def _rate(self) -> None:
        rating = rate_password(self.password.text(), self.username.text())
        self.meter.setValue(rating.score)
        theme.mark(self.meter, "score", str(rating.score))
        if not self.password.text():
            self.strength.setText(
                self.tr(
                    "At least 8 characters; longer, mixing upper and lower case, digits and signs, "
                    "is stronger."
                )
            )
            return
        score = (
            self.tr("Refused"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )[rating.score]
        reason = self._reasons().get(rating.reason) if rating.reason is not None else None
        self.strength.setText(f"{score}: {reason}" if reason else score)

    def _reasons(self) -> dict[Reason, str]:
        return {
            Reason.TOO_SHORT: self.tr("shorter than 8 characters"),
            Reason.SAME_AS_USERNAME: self.tr("the same as the username"),
            Reason.COMMON: self.tr("one of the first passwords anyone would guess"),
            Reason.ONLY_DIGITS: self.tr("digits only"),
            Reason.REPEATED: self.tr("one or two characters repeated"),
            Reason.SEQUENCE: self.tr("a run such as abcdefgh or 12345678"),
            Reason.MORE_KINDS: self.tr(
                "longer, or mixing upper and lower case, digits and signs, is stronger"
            ),
        }

    def check(self) -> None:
        check_admin(self.username.text(), self.full_name.text(), self.password.text())

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ: type the same password twice"))
            return False
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("The administrator"))
        self.setSubTitle(
            self.tr("The admin sets up the office, its staff and their roles; keep this password safe.")
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("Username"),
                self.tr("Full name"),
                self.tr("Password"),
                self.tr("Password again"),
                self.tr("Strength"),
            ),
            strict=True,
        ):
            label.setText(text)
        self._rate()
