"""Users, password hashes and the login lockout, against a real database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import SYSTEM, Role
from antrian.domain.timing import FixedClock
from antrian.services.queries import events_after
from antrian.services.users import authenticate, create_user
from antrian.store.database import Database
from antrian.store.models import User


def login(db: Database, username: str, password: str, clock: FixedClock):  # type: ignore[no-untyped-def]
    with db.write() as session:
        return authenticate(session, username, password, clock=clock)


def test_password_is_stored_as_slow_hash(office: Database) -> None:
    with office.write() as session:
        create_user(session, "kabid", "Kepala Bidang", "supervisor", "sangat-rahasia", actor=SYSTEM)
    with office.read() as session:
        stored = session.execute(select(User.password_hash).where(User.username == "kabid")).scalar_one()
    assert stored.startswith("$argon2id$") and "sangat-rahasia" not in stored


def test_login_and_lockout_after_five_wrong_tries(office: Database, clock: FixedClock) -> None:
    with office.write() as session:
        create_user(session, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    ok = login(office, "Petugas1", "rahasia123", clock)
    assert ok.actor is not None and ok.actor.role is Role.OPERATOR and ok.actor.name == "petugas1"
    for attempt in range(4):
        outcome = login(office, "petugas1", f"salah{attempt}", clock)
        assert outcome.actor is None and outcome.message == "wrong username or password"
    fifth = login(office, "petugas1", "salah5", clock)
    assert "locked for 5 minutes" in fifth.message
    # even the right password is refused while locked
    clock.advance(minutes=4)
    locked = login(office, "petugas1", "rahasia123", clock)
    assert locked.actor is None and "locked" in locked.message and "1 minute" in locked.message
    clock.advance(minutes=1, seconds=1)
    assert login(office, "petugas1", "rahasia123", clock).actor is not None
    with office.read() as session:
        kinds = [e.kind for e in events_after(session, 0) if e.kind.startswith("login")]
    assert kinds == ["login"] + ["login_failed"] * 6 + ["login"]


def test_unknown_user_is_logged_without_revealing_which_part_was_wrong(
    office: Database, clock: FixedClock
) -> None:
    outcome = login(office, "siapa", "apa-saja", clock)
    assert outcome.actor is None and outcome.message == "wrong username or password"
    with office.read() as session:
        (event,) = events_after(session, 0)[-1:]
    assert event.kind == "login_failed" and event.data["username"] == "siapa"


@pytest.mark.parametrize(
    ("username", "role", "password", "problem"),
    [
        ("x", "operator", "rahasia123", "username"),
        ("petugas 1", "operator", "rahasia123", "username"),
        ("petugas9", "kiosk", "rahasia123", "role"),
        ("petugas9", "operator", "pendek", "at least 8"),
    ],
)
def test_bad_user_input_is_refused(
    office: Database, username: str, role: str, password: str, problem: str
) -> None:
    with office.write() as session, pytest.raises(InvalidInput, match=problem):
        create_user(session, username, "Nama", role, password, actor=SYSTEM)


def test_username_taken(office: Database) -> None:
    with office.write() as session:
        create_user(session, "admin2", "Admin", "admin", "rahasia123", actor=SYSTEM)
    with office.write() as session, pytest.raises(InvalidInput, match="taken"):
        create_user(session, "ADMIN2", "Admin", "admin", "rahasia123", actor=SYSTEM)
