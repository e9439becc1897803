"""For the tests of the admin's settings pages: real users to act as, and waiting for a page's message."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.gui.admin.settings.base import SettingsPage
from antrian.store.database import Database


def user(db: Database, role: Role) -> Actor:
    """A user of ``role`` in ``db`` (the events a change writes name a real user)."""
    from antrian.services.users import create_user

    name = f"{role.value}1"
    with db.write() as session:
        user_id = create_user(session, name, name.title(), role.value, "rahasia123", actor=SYSTEM)
    return Actor(role, user_id, name)


def said(qtbot: QtBot, page: SettingsPage, text: str, kind: str | None = None, timeout: int = 5000) -> None:
    """Wait until ``page`` says ``text`` in its message line (of ``kind`` when given)."""
    qtbot.waitUntil(lambda: page.message.isVisible() and page.message.text() == text, timeout=timeout)
    if kind is not None:
        assert page.message.property("kind") == kind
