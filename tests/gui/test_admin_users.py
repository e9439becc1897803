"""The admin window's users page and audit page, each built alone on a real database (SQLite and
PostgreSQL): what they save reaches the database, the first password is shown once, bad input is said and
saves nothing, a supervisor reads only; the audit filters and exports CSV on the worker thread."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian import words
from antrian.domain.roles import SYSTEM, Actor, Permission, Role
from antrian.gui.admin.users.audit_page import AuditPage
from antrian.gui.admin.users.users_page import UsersPage
from antrian.gui.tasks import TaskRunner
from antrian.services.login import authenticate
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import User


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait()


@pytest.fixture
def admin(office: Database) -> Actor:
    with office.write() as s:
        user_id = create_user(s, "admin1", "Admin Satu", "admin", "rahasia123", actor=SYSTEM)
        create_user(s, "kabid", "Kepala Bidang", "supervisor", "rahasia123", actor=SYSTEM)
    return Actor(Role.ADMIN, user_id, "admin1")


def page(qtbot: QtBot, office: Database, runner: TaskRunner, actor: Actor) -> UsersPage:
    made = UsersPage(office, runner, actor)
    qtbot.addWidget(made)
    made.resize(1366, 700)
    made.show()
    made.refresh()
    qtbot.waitUntil(lambda: made.table.rowCount() == len(made.users) > 0, timeout=10000)
    return made


def row_of(made: UsersPage, username: str) -> int:
    return [u.username for u in made.users].index(username)


def test_add_edit_disable_reset_unlock_through_the_page(
    qtbot: QtBot, office: Database, runner: TaskRunner, admin: Actor
) -> None:
    made = page(qtbot, office, runner, admin)
    assert [u.username for u in made.users] == ["admin1", "kabid"]
    made.table.clearSelection()
    made.username.setText("petugas5")
    made.full_name.setText("Petugas Lima")
    made.role.setCurrentIndex(2)  # operator
    made.add()
    qtbot.waitUntil(lambda: "petugas5" in [u.username for u in made.users], timeout=10000)
    shown = made.message.text()
    password = shown.rsplit(": ", 1)[1]
    assert shown == f"Kata sandi petugas5, hanya ditampilkan sekarang: {password}"
    with office.write() as s:
        assert authenticate(s, "petugas5", password).must_change_password
    made.table.selectRow(row_of(made, "kabid"))
    made.role.setCurrentIndex(3)  # viewer
    made.save()
    qtbot.waitUntil(lambda: made.users[row_of(made, "kabid")].role is Role.VIEWER, timeout=10000)
    assert made.table.item(row_of(made, "kabid"), 2).text() == "pemantau"
    made.table.selectRow(row_of(made, "kabid"))
    made.toggle_active()
    qtbot.waitUntil(lambda: not made.users[row_of(made, "kabid")].active, timeout=10000)
    assert made.table.item(row_of(made, "kabid"), 3).text() == "nonaktif"
    made.table.selectRow(row_of(made, "petugas5"))
    made.reset()
    qtbot.waitUntil(
        lambda: made.message.text().startswith("Kata sandi petugas5") and password not in made.message.text(),
        timeout=10000,
    )
    with office.read() as s:
        rows = dict(s.execute(select(User.username, User.active)).tuples().all())
    assert rows == {"admin1": True, "kabid": False, "petugas5": True}


def test_bad_input_is_said_and_nothing_saved(
    qtbot: QtBot, office: Database, runner: TaskRunner, admin: Actor
) -> None:
    made = page(qtbot, office, runner, admin)
    made.table.clearSelection()
    made.username.setText("kabid")
    made.full_name.setText("Lagi")
    made.add()
    qtbot.waitUntil(
        lambda: made.message.text() == words.text("user.name_taken", username="kabid"), timeout=10000
    )
    made.table.selectRow(row_of(made, "admin1"))
    made.toggle_active()  # the last active admin
    qtbot.waitUntil(
        lambda: made.message.text() == words.text("user.last_admin", username="admin1"), timeout=10000
    )
    with office.read() as s:
        assert s.execute(select(User.username, User.full_name, User.active).order_by(User.id)).all() == [
            ("admin1", "Admin Satu", True),
            ("kabid", "Kepala Bidang", True),
        ]


def test_a_supervisor_reads_only(qtbot: QtBot, office: Database, runner: TaskRunner, admin: Actor) -> None:
    made = page(qtbot, office, runner, Actor(Role.SUPERVISOR, None, "kabid"))
    assert (
        made.note.isVisible()
        and made.note.text() == "Hanya admin yang dapat mengubah pengguna; Anda dapat membaca halaman ini."
    )
    assert not any(
        b.isVisible() for b in (made.add_button, made.save_button, made.reset_button, made.unlock_button)
    )
    assert not made.username.isEnabled() and not made.role.isEnabled()


def test_audit_page_filters_and_exports(
    qtbot: QtBot, office: Database, runner: TaskRunner, admin: Actor, tmp_path: Path
) -> None:
    from antrian.services.users import edit_user

    with office.write() as s:
        edit_user(s, admin, "kabid", role="viewer")
        authenticate(s, "kabid", "salah")
    made = AuditPage(office, runner, Actor(Role.VIEWER, None, "kabid"))
    qtbot.addWidget(made)
    made.resize(1366, 700)
    made.show()
    # The page's days are the PC's (an office PC runs on the office's zone); this machine runs on UTC, where
    # from 17:00 on it is already tomorrow in WIB, the zone the audit reads its days in: take tomorrow too.
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    made.end.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    made.user.setText("admin1")
    made.refresh()
    qtbot.waitUntil(lambda: made.table.rowCount() > 0, timeout=10000)
    actions = [made.table.item(r, 4).text() for r in range(made.table.rowCount())]
    assert actions == ["peran diubah"]
    assert made.table.item(0, 6).text() == '{"role": "supervisor"} → {"role": "viewer"}'
    made.user.setText("")
    made.action.setCurrentIndex(made.action.findData("login_failed"))
    target = tmp_path / "audit.csv"
    made.export_to(target)
    qtbot.waitUntil(lambda: made.message.text().startswith("Ditulis ke"), timeout=10000)
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r[1], r[4]) for r in rows[1:]] == [("kabid", "gagal masuk")]
    assert rows[1][0].startswith(datetime.now(UTC).date().isoformat())


def test_a_refused_attempt_reads_as_the_refusals_sentence() -> None:
    from antrian.reports.audit_csv import target_words

    detail = {"who": "petugas1", "role": "operator", "permission": "read the office set-up"}
    assert target_words("refused", "permission.denied", detail) == words.text(
        "permission.denied", who="petugas1", role=Role.OPERATOR, permission=Permission.SETTINGS
    )
    assert "permission.denied" not in target_words("refused", "permission.denied", detail)
    assert target_words("refused", "no.such_code", {}) == "no.such_code"  # kept as recorded
    assert target_words("user_added", "siti", {}) == "siti"
