"""Does a window speak one language? Every text a person can read on it, and the words of the other language
found there.

A window test renders a page, then::

    switch_language("en")
    assert_language(visible_texts(window), "en", allowed=("KTP", "petugas1"))

``allowed`` lists the data the test itself put on the screen (service, user and office names): they are
shown as written, in whatever language they were typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QTableView,
    QTableWidget,
    QWidget,
)

from antrian.gui import i18n

# Words that give a text away as Bahasa Indonesia; none may show on an English screen.
INDONESIAN = frozenset(
    {
        "loket", "antrean", "layanan", "silakan", "nomor", "tidak", "sudah", "belum", "dan", "yang",
        "panggil", "dipanggil", "selesai", "tunda", "ditunda", "alihkan", "istirahat", "buka", "tutup",
        "masuk", "keluar", "petugas", "pengguna", "menunggu", "batal", "pilih", "kata sandi", "hadir",
        "warga", "tekan", "untuk", "sedang", "ulang", "koneksi", "alasan", "lain", "ini", "di", "ke",
        "pelayanan", "khusus", "waktu", "standar", "hari",
    }
)  # fmt: skip
# Words that give a text away as English; none may show on an Indonesian screen.
ENGLISH = frozenset(
    {
        "the", "counter", "ticket", "service", "waiting", "call", "called", "next", "please", "finish",
        "served", "hold", "transfer", "break", "open", "close", "closed", "cancel", "login", "log in",
        "password", "user", "username", "no", "not", "and", "is", "to", "of", "for", "press", "number",
        "reason", "connection", "present", "leave", "yes", "status", "priority", "time", "standard", "today",
    }
)  # fmt: skip
FOREIGN = {"en": INDONESIAN, "id": ENGLISH}


def switch_language(lang: str) -> None:
    """``gui.i18n.set_language`` and the ``LanguageChange`` it posts delivered, as a user would see it."""
    i18n.set_language(lang)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)
    QCoreApplication.processEvents()


def visible_texts(widget: QWidget) -> list[str]:
    """Every non-empty text a person can read on ``widget`` and its visible descendants: window titles,
    labels, buttons, tooltips and accessible names, placeholders, group box and tab titles, table headers and
    cells (with their tooltips), list and combo box items."""
    found: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if w.isWindow():
            found.append(w.windowTitle())
        found += [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel):
            found.append(re.sub(r"<[^>]+>", " ", w.text()))
        elif isinstance(w, QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QTabBar):
            found += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
            if w.lineEdit() is None:
                found.append(w.currentText())
        elif isinstance(w, QListWidget):
            found += [text for i in range(w.count()) for text in (w.item(i).text(), w.item(i).toolTip())]
        elif isinstance(w, QTableWidget):
            found += _table_texts(w)
        elif isinstance(w, QTableView):
            found += _model_texts(w)
    return [text for text in found if text and text.strip()]


def cut_buttons(widget: QWidget) -> list[str]:
    """The visible buttons on ``widget`` too narrow for their text (a longer language must not cut it)."""
    buttons = [widget, *widget.findChildren(QAbstractButton)]
    return [
        repr(b.text())
        for b in buttons
        if isinstance(b, QAbstractButton) and b.isVisible() and b.width() + 1 < b.sizeHint().width()
    ]


def _table_texts(table: QTableWidget) -> list[str]:
    found = []
    if table.horizontalHeader().isVisible():
        found += [_header(table.horizontalHeaderItem(c)) for c in range(table.columnCount())]
    if table.verticalHeader().isVisible():
        found += [_header(table.verticalHeaderItem(r)) for r in range(table.rowCount())]
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                found += [item.text(), item.toolTip()]
    return found


def _model_texts(table: QTableView) -> list[str]:
    """A table over a model: its column titles, and each cell's words and tooltip."""
    model = table.model()
    found = []
    if table.horizontalHeader().isVisible():
        found += [
            str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())
        ]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            found += [str(index.data() or ""), str(index.data(Qt.ItemDataRole.ToolTipRole) or "")]
    return found


def _header(item: object) -> str:
    return str(item.text()) if item is not None else ""  # type: ignore[attr-defined]


def foreign_words(text: str, lang: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of the other language in ``text`` (meant to be in ``lang``), ignoring ``allowed`` data."""
    for value in sorted(allowed, key=len, reverse=True):
        text = text.replace(value, " ")
    tokens = re.findall(r"[^\W_]+", text.lower())
    joined = f" {' '.join(tokens)} "
    return sorted(word for word in FOREIGN[lang] if f" {word} " in joined)


def assert_language(texts: Iterable[str], lang: str, allowed: Iterable[str] = ()) -> None:
    """Fail, naming each text and word, when a text on a screen in ``lang`` has a word of the other one."""
    texts, allowed = list(texts), list(allowed)
    assert texts, "no text on the screen: nothing was checked"
    wrong = [(text, found) for text in texts if (found := foreign_words(text, lang, allowed))]
    other = "Indonesian" if lang == "en" else "English"
    assert not wrong, f"{other} words on a {lang} screen:\n" + "\n".join(
        f"  {found}: {text!r}" for text, found in wrong
    )


def placeholder_problems(ts: Path) -> list[str]:
    """Entries of a Qt catalogue whose translation does not keep the source's ``{placeholders}``."""
    found = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            if sorted(re.findall(r"\{[^{}]*\}", source)) != sorted(re.findall(r"\{[^{}]*\}", translation)):
                found.append(f"[{context.findtext('name')}] {source!r} -> {translation!r}")
    return found
