"""The admin window on a real office (SQLite and PostgreSQL), offscreen: the login (admin, supervisor
read-only, operator refused with the reason), each page saving through the services and reading the change
back, bad input named with nothing saved, and a page refreshed by the change feed when another session
changes the data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from antrian import words
from antrian.domain.errors import InvalidInput, PermissionDenied
from antrian.domain.roles import SYSTEM, Permission, Role
from antrian.gui.admin.counters_page import CountersPage
from antrian.gui.admin.office_page import OfficePage
from antrian.gui.admin.services_page import ServicesPage
from antrian.gui.admin.window import AdminWindow
from antrian.gui.feed import ChangeFeed
from antrian.gui.tasks import TaskRunner
from antrian.services.branding import get_logo, get_ticket_text
from antrian.services.counters import counter_info
from antrian.services.office import get_office, update_office
from antrian.services.setup import edit_service, list_services, service_info
from antrian.services.standards import list_standards
from antrian.services.users import create_user
from antrian.store.database import Database
from tests.conftest import seed_office

PASSWORD = "rahasia123"


def png() -> bytes:
    """A real 8x8 PNG, made by Qt."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#f2b705"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def office(db: Database) -> Database:
    """The test office (services A-C, counters 1-3) on SQLite and on PostgreSQL, with three users."""
    seed_office(db)
    with db.write() as s:
        create_user(s, "admin", "Admin Kantor", "admin", PASSWORD, actor=SYSTEM)
        create_user(s, "kepala", "Ibu Kepala", "supervisor", PASSWORD, actor=SYSTEM)
        create_user(s, "petugas1", "Petugas Satu", "operator", PASSWORD, actor=SYSTEM)
    return db


@pytest.fixture
def make(qtbot: QtBot, office: Database) -> Iterator[Callable[..., AdminWindow]]:
    runner = TaskRunner()

    def make(username: str = "admin", *, log_in: bool = True) -> AdminWindow:
        window = AdminWindow(office, runner, username=username, password=PASSWORD)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        if log_in:
            with qtbot.waitSignal(window.loggedIn, timeout=10000):
                window.login.submit()
            qtbot.waitUntil(lambda: window.current_page.name.text() != "", timeout=5000)
        return window

    yield make
    runner.wait()


def page(window: AdminWindow, kind: type, qtbot: QtBot):  # type: ignore[no-untyped-def]
    index = next(i for i, p in enumerate(window.page_widgets) if isinstance(p, kind))
    shown = window.page_widgets[index]
    with qtbot.waitSignal(shown.loaded, timeout=5000):
        window.page_list.setCurrentRow(index)
    return shown


def save(shown, qtbot: QtBot, signal: str = "saved") -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(getattr(shown, signal), timeout=5000):
        shown.save.click()


def test_an_operator_is_refused_with_the_reason(make, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make("petugas1", log_in=False)
    window.login.submit()
    refusal = PermissionDenied(
        "permission.denied", who="petugas1", role=Role.OPERATOR, permission=Permission.SETTINGS
    )
    qtbot.waitUntil(lambda: window.login.error.text().startswith(words.say(refusal)), timeout=10000)
    assert "admin" in window.login.error.text()
    assert (window.actor, window.stack.currentIndex(), window.page_widgets) == (None, 0, [])


def test_the_admin_sees_the_pages_and_the_office(make) -> None:  # type: ignore[no-untyped-def]
    window = make()
    assert window.title.text() == "Kantor Uji" and window.stack.currentIndex() == 1
    assert [window.page_list.item(i).text() for i in range(window.page_list.count())] == [
        "Profil kantor",
        "Layanan",
        "Loket",
        "Zona",
        "Pengguna",
        "Jejak audit",
        "Kalender",
        "Layar dan suara",
        "Printer",
    ]
    office_page = window.current_page
    assert office_page.editable and office_page.save.isVisible() and not office_page.read_only.isVisible()
    assert office_page.timezone.currentData() == "Asia/Jakarta"


def test_a_supervisor_sees_everything_disabled(make, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make("kepala")
    office_page = window.current_page
    assert office_page.read_only.isVisible() and office_page.read_only.text().startswith("Hanya baca")
    assert not office_page.save.isVisible() and not office_page.name.isEnabled()
    services = page(window, ServicesPage, qtbot)
    assert (
        not services.save.isVisible() and not services.form.name.isEnabled() and not services.add.isVisible()
    )
    assert not services.dated_box.isHidden()  # the standards are the supervisor's to keep
    counters = page(window, CountersPage, qtbot)
    assert not counters.save.isVisible() and not counters.name.isEnabled()


def test_the_office_profile_is_saved_and_read_back(  # type: ignore[no-untyped-def]
    make, office: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make()
    shown: OfficePage = window.current_page
    shown.name.setText("Disdukcapil Kota Banjarmasin")
    shown.address.setText("Jl. Lambung Mangkurat No. 1")
    shown.timezone.setCurrentIndex(shown.timezone.findData("Asia/Makassar"))
    shown.running_text.setPlainText("Selamat datang")
    shown.header.setText("Melayani dengan hati")
    shown.footer.setText("Terima kasih")
    shown.label_width.setValue(4)
    shown.interleave.setValue(3)
    shown.recall_limit.setValue(2)
    logo, picture = tmp_path / "logo.png", png()
    logo.write_bytes(picture)
    shown.load_logo(logo)
    qtbot.waitUntil(lambda: shown.logo == picture, timeout=5000)
    assert not shown.logo_preview.pixmap().isNull()
    save(shown, qtbot)
    with office.read() as s:
        saved = get_office(s)
        assert (saved.name, saved.address, saved.timezone, saved.running_text) == (
            "Disdukcapil Kota Banjarmasin",
            "Jl. Lambung Mangkurat No. 1",
            "Asia/Makassar",
            "Selamat datang",
        )
        assert (saved.label_width, saved.priority_interleave, saved.recall_limit) == (4, 3, 2)
        assert (get_ticket_text(s).header, get_ticket_text(s).footer) == (
            "Melayani dengan hati",
            "Terima kasih",
        )
        assert get_logo(s) == picture
    assert shown.message.text() == "Tersimpan."


def test_bad_input_is_named_and_nothing_saved(  # type: ignore[no-untyped-def]
    make, office: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make()
    shown: OfficePage = window.current_page
    shown.address.setText("Alamat baru")
    shown.name.setText("  ")
    save(shown, qtbot, "failed")
    assert shown.message.text() == words.say(InvalidInput("office.name_missing"))
    shown.name.setText("Kantor Uji")
    not_image = tmp_path / "logo.png"
    not_image.write_bytes(b"this is text")
    shown.load_logo(not_image)
    qtbot.waitUntil(lambda: shown.logo == b"this is text", timeout=5000)
    save(shown, qtbot, "failed")
    assert shown.message.text() == words.say(InvalidInput("office.logo_not_image"))
    with office.read() as s:
        assert get_office(s).address == "" and get_logo(s) is None


def test_a_service_is_edited_added_and_reordered(  # type: ignore[no-untyped-def]
    make, office: Database, qtbot: QtBot
) -> None:
    window = make()
    shown: ServicesPage = page(window, ServicesPage, qtbot)
    assert shown.form.code.text() == "A" and shown.form.preview_label.text() == "A001"
    assert (
        "A seratus" not in shown.form.preview_call.text() and "loket satu" in shown.form.preview_call.text()
    )
    shown.form.name.setText("KTP-el")
    shown.form.quota.setValue(40)
    shown.form.opens_set.setChecked(True)
    save(shown, qtbot)
    shown.form.quota.setValue(0)  # cleared again: no quota
    save(shown, qtbot)
    shown.new_service()
    shown.form.code.setText("d")
    assert shown.form.preview_label.text() == "D001"
    shown.form.name.setText("Surat Pindah")
    shown.form.standard_time.setValue(3)
    shown.form.standard_unit.setCurrentIndex(shown.form.standard_unit.findData("working_days"))
    save(shown, qtbot)

    def chosen() -> str | None:  # the code in the table's selected row
        rows = shown.table.selectionModel().selectedRows()
        item = shown.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    # the new service is in the list and selected (a re-read the change feed asked for may show the row first)
    qtbot.waitUntil(lambda: shown.table.rowCount() == 4 and chosen() == "D", timeout=5000)
    shown.up.click()  # D moves above C
    qtbot.waitUntil(lambda: [shown.table.item(r, 0).text() for r in range(4)] == ["A", "B", "D", "C"])
    with office.read() as s:
        a = service_info(s, "A")
        assert (a.name, a.daily_quota, a.opens_at is not None) == ("KTP-el", None, True)
        d = service_info(s, "D")
        assert (d.name, d.standard_time, d.standard_unit, d.open_days) == (
            "Surat Pindah",
            3,
            "working_days",
            "12345",
        )
        assert [info.code for info in list_services(s)] == ["A", "B", "D", "C"]


def test_a_duplicate_code_is_refused(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make()
    shown: ServicesPage = page(window, ServicesPage, qtbot)
    shown.new_service()
    shown.form.code.setText("B")
    shown.form.name.setText("Lain")
    save(shown, qtbot, "failed")
    assert shown.message.text() == words.say(
        InvalidInput("service.code_taken", service="B", name="Kartu Keluarga")
    )
    with office.read() as s:
        assert len(list_services(s)) == 3


def test_a_supervisor_adds_a_dated_standard(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make("kepala")
    shown: ServicesPage = page(window, ServicesPage, qtbot)
    shown.dated_value.setValue(12)
    shown.decree.setText("SK 7/2026")
    with qtbot.waitSignal(shown.saved, timeout=5000):
        shown.add_dated.click()
    qtbot.waitUntil(
        lambda: shown.history.item(0, 3) is not None and shown.history.item(0, 3).text() == "SK 7/2026"
    )
    with office.read() as s:
        entries = list_standards(s, SYSTEM, "A")
    assert (entries[-1].standard.value, entries[-1].standard.decree) == (12, "SK 7/2026")


def test_a_counter_serves_services_in_order(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make()
    shown: CountersPage = page(window, CountersPage, qtbot)
    assert shown.served() == ["A", "B"]
    shown.services.setCurrentRow(1)
    shown.up.click()  # B becomes the main service
    shown.services.item(2).setCheckState(Qt.CheckState.Checked)  # and C is served too
    shown.name.setText("Loket Satu")
    save(shown, qtbot)
    shown.new_counter()
    assert shown.number.value() == 4
    save(shown, qtbot, "failed")  # no service ticked
    assert shown.message.text() == words.say(InvalidInput("counter.no_service", counter=4))
    with office.read() as s:
        first = counter_info(s, 1)
        assert (first.name, first.services) == ("Loket Satu", ("B", "A", "C"))


def test_the_page_follows_another_session(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = make()
    feed = ChangeFeed(office)
    with qtbot.waitSignal(feed.subscribed, timeout=5000):
        feed.subscribe(window.handle_events)
    try:
        with office.write() as s:
            update_office(s, SYSTEM, name="Kantor Baru", running_text="Halo")
        qtbot.waitUntil(lambda: window.current_page.name.text() == "Kantor Baru", timeout=5000)
        qtbot.waitUntil(lambda: window.title.text() == "Kantor Baru", timeout=5000)
        services = page(window, ServicesPage, qtbot)  # read once, then hidden behind the office page
        assert services.form.name.text() == "KTP Elektronik"
        window.page_list.setCurrentRow(0)  # the office page, read already
        assert isinstance(window.current_page, OfficePage)
        reads: list[object] = []
        services.loaded.connect(lambda *_: reads.append(True))
        with office.write() as s:  # in one commit: the office page shows when the window has handled it
            edit_service(s, "A", actor=SYSTEM, name="KTP Baru")
            update_office(s, SYSTEM, name="Kantor Lagi")
        qtbot.waitUntil(lambda: window.current_page.name.text() == "Kantor Lagi", timeout=5000)
        assert reads == [] and services.form.name.text() == "KTP Elektronik", "a hidden page read the change"
        page(window, ServicesPage, qtbot)  # read when shown
        assert services.form.name.text() == "KTP Baru"
    finally:
        feed.close()


def test_a_reset_password_is_replaced_before_any_page_opens(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from antrian.gui.password import NewPasswordDialog
    from antrian.services.login import authenticate
    from antrian.services.users import reset_password

    with office.write() as s:
        given = reset_password(s, SYSTEM, "admin").password
    window = make(log_in=False)
    window.login.password.setText(given)
    window.login.submit()
    qtbot.waitUntil(lambda: window.findChild(NewPasswordDialog) is not None, timeout=10000)
    dialog = window.findChild(NewPasswordDialog)
    assert (window.actor, window.stack.currentIndex(), window.page_widgets) == (None, 0, [])
    dialog.first.setText("kata-sandi-admin")
    dialog.again.setText("kata-sandi-admin")
    with qtbot.waitSignal(window.loggedIn, timeout=10000):
        dialog.submit()
    assert window.actor is not None and window.actor.name == "admin" and window.stack.currentIndex() == 1
    with office.write() as s:
        outcome = authenticate(s, "admin", "kata-sandi-admin")
    assert outcome.actor is not None and not outcome.must_change_password


def test_a_viewer_sees_the_set_up_read_only(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        create_user(s, "pemeriksa", "Inspektorat", "viewer", PASSWORD, actor=SYSTEM)
    window = make("pemeriksa")
    assert window.current_page.read_only.isVisible() and not window.current_page.save.isVisible()
    services = page(window, ServicesPage, qtbot)
    assert not services.save.isVisible() and services.dated_box.isHidden()  # standards: not a viewer's
