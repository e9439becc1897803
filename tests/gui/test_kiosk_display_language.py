"""The kiosk and the display in both languages: every page rendered in Bahasa Indonesia, switched to English
and back while open, and every visible text checked for words of the other language.

The office's own data (its name, service and counter names) is shown as it is written, so the test chooses
data that belongs to neither language and whitelists exactly those values.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.errors import ServiceUnavailable
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.domain.roles import SYSTEM
from antrian.gui import i18n
from antrian.gui.display.window import DisplayWindow
from antrian.gui.errors import show_error
from antrian.gui.kiosk import taking
from antrian.gui.kiosk.window import KioskWindow
from antrian.gui.tasks import TaskRunner, still_there
from antrian.printing.escpos import PrinterError
from antrian.printing.slip import TicketSlip
from antrian.services import counters, queue
from antrian.services.office import update_office
from antrian.services.queries import events_after
from antrian.services.setup import save_counter, save_service
from antrian.store.database import Database, open_database
from tests.gui.taps import take_refused
from tests.helpers import load_script

ROOT = Path(__file__).resolve().parents[2]

# Words that give a language away (whole words, lower case).
INDONESIAN = frozenset(
    re.findall(
        r"\w+",
        """
        loket antrean layanan silakan nomor tidak sudah belum dan yang panggil panggilan tunggu menunggu
        tutup buka istirahat cetak tiket sentuh kembali batal khusus perkiraan anda suara koneksi terputus
        pilih selesai ulang sekitar menit jam hari kuota habis maaf petugas keluar kesalahan terakhir sedang
        mencetak tersedia pelayanan keadaan duduk layar depan segera dilayani bencana hamil lansia
        """,
    )
)
ENGLISH = frozenset(
    re.findall(
        r"\w+",
        """
        the counter counters ticket service services waiting please number print touch back cancel closed
        open opens break estimated your and not sound connection database choose done again about minutes
        hour today quota sorry staff exit error recent calls called queue priority people ahead wait printing
        unavailable available shortly disaster pregnant elderly children
        """,
    )
)
# What this test puts in the database, shown as written in both languages.
DATA = ("MPP", "KTP", "KK", "SIM", "NPWP", "PBB", "K1", "K2", "K3", "K4", "Zuhur")
WHITELIST = frozenset(word for value in DATA for word in re.findall(r"[^\W\d_]+", value.lower()))
AnyWindow = TypeVar("AnyWindow", bound=QWidget)
NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # Monday 10:00 in Jakarta, for the display's date


# -- collecting and judging texts ------------------------------------------------------------------------
def plain(text: str) -> str:
    """A label's text as the reader sees it: rich text without its tags and entities."""
    return QTextDocumentFragment.fromHtml(text).toPlainText() if QtGui.mightBeRichText(text) else text


def visible_texts(window: QWidget) -> list[str]:
    """Every text a person can read or hear in ``window`` now: its title, the text of every visible label
    and button, button tooltips, and accessible names."""
    found = [window.windowTitle(), window.accessibleName()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            found.append(plain(widget.text()))
        if isinstance(widget, QAbstractButton):
            found += [widget.text(), widget.toolTip()]
        found.append(widget.accessibleName())
    return [text for text in found if text.strip()]


def foreign_words(texts: list[str], lang: str) -> dict[str, list[str]]:
    """Each text that holds words of the other language, with those words."""
    other = ENGLISH if lang == "id" else INDONESIAN
    found = {}
    for text in texts:
        wrong = sorted(set(re.findall(r"[^\W\d_]+", text.lower())) - WHITELIST & other)
        if wrong:
            found[text] = wrong
    return found


def cut_texts(window: QWidget) -> list[str]:
    """The visible one-line texts wider than their widget (a label that wraps, and the running text that
    scrolls on purpose, cannot be cut)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName() == "ticker":
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap():
            text, room = plain(widget.text()), widget.contentsRect().width()
        elif isinstance(widget, QAbstractButton):
            text, room = widget.text(), widget.width() - 24  # the stylesheet pads buttons by 12 pixels
        else:
            continue
        metrics = widget.fontMetrics()
        if text and max(metrics.horizontalAdvance(line) for line in text.split("\n")) > room:
            found.append(text)
    return found


def switch(lang: str) -> None:
    i18n.set_language(lang)
    QApplication.processEvents()  # the LanguageChange events are posted to every window
    QApplication.processEvents()  # then the layouts' requests their new texts posted


def read_both(window: QWidget, page: str) -> dict[str, list[str]]:
    """``window`` as it is now in Indonesian, in English, and in Indonesian again after the round trip."""
    assert words.language() == "id"
    indonesian = visible_texts(window)
    assert not foreign_words(indonesian, "id"), f"{page}: English on the Indonesian screen"
    assert not cut_texts(window), f"{page}: Indonesian text cut"
    switch("en")
    english = visible_texts(window)
    assert not foreign_words(english, "en"), f"{page}: Indonesian on the English screen"
    assert not cut_texts(window), f"{page}: English text cut"
    assert set(english) != set(indonesian), f"{page}: nothing changed language"
    switch("id")
    assert visible_texts(window) == indonesian, f"{page}: not the same after English and back"
    return {"id": indonesian, "en": english}


class Background:
    """The windows' task runner, counting the tasks in flight: a page is read once its data has landed."""

    def __init__(self) -> None:
        self.runner = TaskRunner()
        self.in_flight = 0

    def __call__(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def landed(result: Any) -> None:
            self.in_flight -= 1
            if still_there(done):  # as the windows' own runner: nothing for a window closed meanwhile
                done(result)

        self.in_flight += 1
        self.runner.submit(work, landed, landed)


@pytest.fixture
def background(qtbot: QtBot) -> Iterator[Background]:
    tasks = Background()
    yield tasks
    tasks.runner.wait()


@pytest.fixture
def both_languages(qtbot: QtBot, background: Background) -> Callable[..., dict[str, list[str]]]:
    """``both_languages(window, page)``: the page read in both languages once every re-read it started has
    landed (a print runs on a thread of its own, not counted here)."""

    def read(window: QWidget, page: str) -> dict[str, list[str]]:
        # a display re-reads a moment after the changes it is given (``refresh_soon``): that read too
        qtbot.waitUntil(
            lambda: background.in_flight == 0 and not getattr(window, "refresh_due", False), timeout=5000
        )
        return read_both(window, page)

    return read


def test_the_judge_reads_rich_text_buttons_tooltips_and_accessible_names(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle("MPP")
    label = QLabel("<b>A001</b><br><span style='color:#fff'>Loket 2</span>", window)
    label.setAccessibleName("Layanan KTP")
    button = QPushButton("KK", window)
    button.setToolTip("Print again")
    window.show()
    texts = visible_texts(window)
    assert {"MPP", "A001\nLoket 2", "Layanan KTP", "KK", "Print again"} <= set(texts)
    assert foreign_words(texts, "en") == {"A001\nLoket 2": ["loket"], "Layanan KTP": ["layanan"]}
    assert foreign_words(texts, "id") == {"Print again": ["again", "print"]}
    label.hide()
    assert "A001\nLoket 2" not in visible_texts(window), "what is hidden is not read"


# -- the office ---------------------------------------------------------------------------------------------
@pytest.fixture
def office(tmp_path: Path) -> Iterator[Database]:
    """Five services: A and B open, C closed today, D with today's quota used, E served only by a counter on
    a break; counters 1 and 2 open, 3 on a break, 4 closed; a few people waiting."""
    database = open_database(str(tmp_path / "language.db"), create=True)
    today = datetime.now(ZoneInfo("Asia/Jakarta")).isoweekday()
    with database.write() as s:
        update_office(s, SYSTEM, name="MPP", timezone="Asia/Jakarta")
        every_day = "1234567"
        save_service(s, "A", "KTP", actor=SYSTEM, standard_time=15, open_days=every_day)
        save_service(s, "B", "KK", actor=SYSTEM, standard_time=1, standard_unit="hours", open_days=every_day)
        other_days = "".join(str(day) for day in range(1, 8) if day != today)
        save_service(s, "C", "SIM", actor=SYSTEM, standard_time=20, open_days=other_days)
        save_service(s, "D", "NPWP", actor=SYSTEM, standard_time=10, open_days=every_day, daily_quota=1)
        save_service(s, "E", "PBB", actor=SYSTEM, standard_time=10, open_days=every_day)
        save_counter(s, 1, "K1", ["A", "D"], actor=SYSTEM)
        save_counter(s, 2, "K2", ["A", "B"], actor=SYSTEM)
        save_counter(s, 3, "K3", ["E"], actor=SYSTEM)
        save_counter(s, 4, "K4", ["C"], actor=SYSTEM)
    for code in "AABD":
        with database.write() as s:
            queue.issue_ticket(s, code)
    with database.write() as s:
        for number in (1, 2, 3):
            counters.open_counter(s, number, actor=SYSTEM)
        counters.pause_counter(s, 3, "Zuhur", actor=SYSTEM)
    try:
        yield database
    finally:
        database.dispose()


class Printer:
    """A kiosk printer the test steers: it holds each ticket until released, then prints or jams."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.jam = False

    def __call__(self, slip: TicketSlip) -> None:
        assert self.release.wait(10), "the test never released the printer"
        if self.jam:
            raise PrinterError("printer.failed", target="usb:0416:5011", cause="paper out")


def on_screen(
    qtbot: QtBot, window: AnyWindow, size: tuple[int, int], parts: Callable[[], list[QWidget]], count: int
) -> AnyWindow:
    """``window`` shown at ``size`` once the ``count`` services or counters it reads (``parts``) are on
    screen."""
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: len(parts()) == count and all(part.isVisible() for part in parts()), timeout=5000)
    return window


# -- the kiosk ------------------------------------------------------------------------------------------
def make_kiosk(qtbot: QtBot, office: Database, background, printer, size=(1080, 1920)) -> KioskWindow:  # type: ignore[no-untyped-def]
    window = KioskWindow(office, background, print_slip=printer, exit_pin="2468")
    return on_screen(qtbot, window, size, lambda: list(window.grid.buttons.values()), 5)


@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768)])
def test_every_kiosk_page_in_both_languages(
    qtbot: QtBot, office: Database, background, both_languages, monkeypatch, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    printer = Printer()
    window = make_kiosk(qtbot, office, background, printer, size)
    a, c, d, e = (window.grid.buttons[code] for code in "ACDE")
    assert not (c.isEnabled() or d.isEnabled() or e.isEnabled()) and a.isEnabled()

    home = both_languages(window, "home")
    day = words.day_name(datetime.now(ZoneInfo("Asia/Jakarta")).isoweekday(), lang="en")
    assert "Silakan sentuh layanan yang Anda perlukan" in home["id"]
    assert "Please touch the service you need" in home["en"]
    assert {"A", "KTP", "C", "SIM", "D", "NPWP", "E", "PBB"} <= set(home["id"]) & set(home["en"])
    # A's line: everyone waiting for the services of its open counters 1 (A, D) and 2 (A, B): 2 + 1 + 1
    assert any(text.startswith("Menunggu: 4  ·  ") for text in home["id"])
    assert any(text.startswith("Waiting: 4  ·  ") for text in home["en"])
    assert f"Not available: closed on {day}" in home["en"]
    assert "Not available: today's quota is used up" in home["en"]
    assert "Tidak tersedia: loket sedang istirahat" in home["id"]
    assert window.grid.buttons["E"].detail.text() == "Tidak tersedia: loket sedang istirahat"
    assert {"Layanan KTP", "Service KTP"} <= {*home["id"], *home["en"]}

    qtbot.mouseClick(window.priority_button, Qt.MouseButton.LeftButton)
    groups = both_languages(window, "priority groups")
    assert "Pelayanan Khusus: pilih keadaan Anda.\nPetugas akan memastikannya di loket." in groups["id"]
    assert words.show(PriorityGroup.ELDERLY, lang="en") in groups["en"]
    assert "Persons with disabilities" in groups["en"] and "Penyandang disabilitas" in groups["id"]

    elderly = window.group_buttons[list(PriorityGroup).index(PriorityGroup.ELDERLY)]
    qtbot.mouseClick(elderly, Qt.MouseButton.LeftButton)
    chosen = both_languages(window, "home, priority chosen")
    assert "Pelayanan Khusus: Lanjut usia — sekarang pilih layanan" in chosen["id"]
    assert "Priority Service: Elderly — now choose the service" in chosen["en"]
    assert "Batal" in chosen["id"] and "Cancel" in chosen["en"]

    with qtbot.waitSignal(window.ticketShown, timeout=5000) as shown:
        qtbot.mouseClick(a, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.print_status.isVisible, timeout=5000)
    printing = both_languages(window, "printing")
    assert words.catalogue("en")["kiosk.print.busy"] in printing["en"]
    assert "NOMOR ANTREAN ANDA" in printing["id"] and "YOUR QUEUE NUMBER" in printing["en"]
    slip = shown.args[0].slip
    assert slip is not None
    ahead, estimate = slip.people_ahead, {lang: words.say(slip.estimate, lang=lang) for lang in ("id", "en")}
    assert (
        f"People ahead of you: {ahead}  ·  Estimated wait: {estimate['en']}\n"
        "Please take a seat and watch the screen. Your number will be called."
    ) in printing["en"]
    assert (
        f"Antrean di depan Anda: {ahead}  ·  Perkiraan tunggu: {estimate['id']}\n"
        "Silakan duduk dan perhatikan layar. Nomor Anda akan dipanggil."
    ) in printing["id"]

    with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
        printer.release.set()
    assert outcome.args == [True]
    printed = both_languages(window, "printed")
    assert "Selesai" in printed["id"] and "Done" in printed["en"]
    assert "Tiket sudah tercetak. Silakan ambil tiket Anda." in printed["id"]
    assert "Your ticket is printed. Please take it." in printed["en"]

    window.go_home()
    printer.jam = True
    with qtbot.waitSignal(window.printFinished, timeout=5000) as outcome:
        qtbot.mouseClick(window.grid.buttons["B"], Qt.MouseButton.LeftButton)
    assert outcome.args == [False] and window.reprint.isVisible()
    failed = both_languages(window, "print failed")
    assert words.catalogue("en")["kiosk.print.failed"] in failed["en"]
    assert "Cetak Ulang" in failed["id"] and "Print Again" in failed["en"]

    window.go_home()
    take_refused(qtbot, window, "C")  # a tap that reached a service closing meanwhile: the service refuses
    refused = both_languages(window, "take refused")
    said = [text for text in refused["en"] if text.startswith("Sorry, no number could be taken: Service C")]
    assert said and said[0].endswith(f"closed on {day}")

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(taking, "issue_ticket_in", broken)
    take_refused(qtbot, window, "A")
    unexpected = both_languages(window, "take failed")
    assert words.catalogue("en")["kiosk.take.unexpected"] in unexpected["en"]

    window.go_home()
    window.set_online(False)
    offline = both_languages(window, "offline")
    unknown = Message("store.window.offline_unknown")  # no cause reported: the link was lost
    for lang in ("en", "id"):
        # the citizen's sentence on the banner, the cause for staff in its tooltip, both in the language
        assert words.catalogue(lang)["kiosk.take.offline"] in offline[lang]
        assert words.say(unknown, lang=lang) not in offline[lang]
        switch(lang)
        assert window.offline.toolTip() == words.say(unknown, lang=lang)
        assert not foreign_words([window.offline.toolTip()], lang)
    assert "Antrian — Anjungan Antrean Mandiri" in offline["id"]


def test_kiosk_without_printer_in_both_languages(
    qtbot: QtBot, office: Database, background, both_languages
) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(qtbot, office, background, None)
    with qtbot.waitSignal(window.printFinished, timeout=5000):
        qtbot.mouseClick(window.grid.buttons["A"], Qt.MouseButton.LeftButton)
    texts = both_languages(window, "no printer")
    assert words.catalogue("en")["kiosk.print.no_printer"] in texts["en"]
    assert words.catalogue("id")["kiosk.print.no_printer"] in texts["id"]


def box_texts(error: Exception) -> list[str]:
    """The texts of the message box ``show_error`` opens for a window without a message line (it does not
    block: the window behind stays usable); the box is then closed."""
    parent = QWidget()  # kept alive: the box is its child
    show_error(parent, error)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1, "one box came up"
    assert not boxes[0].isModal()
    seen = visible_texts(boxes[0])
    boxes[0].close()
    parent.deleteLater()
    return seen


def modal_texts(open_it: Callable[[], object]) -> list[str]:
    """The texts of the modal dialog ``open_it`` shows; the dialog is then cancelled."""
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog came up"
        seen.extend(visible_texts(dialog))
        dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, read_and_close)
    open_it()
    return seen


def test_pin_prompt_and_error_box_in_both_languages(qtbot: QtBot, office: Database, background) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(qtbot, office, background, None)
    texts = {}
    for lang in ("id", "en", "id"):
        switch(lang)
        pin = modal_texts(lambda: window.ask_to_leave())
        error = box_texts(ServiceUnavailable("kiosk.paused"))
        assert not foreign_words(pin + error, lang), (lang, pin, error)
        texts.setdefault(lang, (pin, error))
    (pin_id, error_id), (pin_en, error_en) = texts["id"], texts["en"]
    assert {"Keluar", "PIN admin:", "OK", "Batal"} <= set(pin_id)
    assert {"Exit", "Admin PIN:", "OK", "Cancel"} <= set(pin_en)
    assert {"Antrian — Kesalahan", "loket sedang istirahat"} <= set(error_id)
    assert {"Antrian — Error", "the counters are on a break"} <= set(error_en)


# -- the display ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920)])
def test_every_display_state_in_both_languages(
    qtbot: QtBot, office: Database, background, both_languages, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = DisplayWindow(office, background, clock=lambda: NOW)
    on_screen(qtbot, window, size, lambda: list(window.tiles.values()), 4)

    idle = both_languages(window, "display idle")
    assert {"NOMOR ANTREAN", "LOKET", "PANGGILAN TERAKHIR", "MENUNGGU"} <= set(idle["id"])
    assert {"QUEUE NUMBER", "COUNTERS", "RECENT CALLS", "WAITING"} <= set(idle["en"])
    assert {"LOKET 3", "ISTIRAHAT", "LOKET 4", "TUTUP"} <= set(idle["id"])
    assert {"COUNTER 3", "ON BREAK", "COUNTER 4", "CLOSED"} <= set(idle["en"])
    assert "Senin, 30 November 2026" in idle["id"] and "Monday, 30 November 2026" in idle["en"]
    assert "Antrian — Layar Antrean" in idle["id"] and "Antrian — Queue Display" in idle["en"]

    with office.write() as s:
        queue.call_next(s, 1, actor=SYSTEM)
    with office.write() as s:
        queue.call_next(s, 2, actor=SYSTEM)
    with office.write() as s:
        queue.recall(s, 2, actor=SYSTEM)
    with office.read() as s:
        calls = window.handle_events(events_after(s, 0))
    assert [call.number for call in calls] == ["A001", "A002", "A002"]
    qtbot.waitUntil(lambda: window.tiles[2].value.text() == "A002", timeout=3000)
    called = both_languages(window, "display, a call")
    assert {"A002", "LOKET 2", "KTP (panggilan ulang)", "A002\nLoket 2", "A001\nLoket 1"} <= set(called["id"])
    assert {"COUNTER 2", "KTP (called again)", "A002\nCounter 2", "A001\nCounter 1"} <= set(called["en"])

    window.set_voice_status(Message("speech.no_audio_device"))
    voice = both_languages(window, "display, no sound")
    assert "Suara tidak tersedia" in voice["id"] and "Sound unavailable" in voice["en"]
    for lang in ("en", "id"):
        switch(lang)
        mark = window.voice_status
        assert mark.contentsRect().width() >= mark.fontMetrics().horizontalAdvance(mark.text()), lang

    window.set_online(False)
    offline = both_languages(window, "display offline")
    for lang in ("id", "en"):
        assert words.say(Message("store.window.offline_unknown"), lang=lang) in offline[lang]


# -- the catalogues -----------------------------------------------------------------------------------------
def test_kiosk_and_display_catalogues_are_complete_and_compiled() -> None:
    mine = ("kiosk_id.", "display_id.", "common_id.")
    problems = [p for p in load_script("translations").problems() if p.startswith(mine)]
    assert problems == []
