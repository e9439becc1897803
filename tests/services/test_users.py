"""Users, password hashes and the login lockout, against a real database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antrian import words
from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM, Role
from antrian.domain.timing import FixedClock
from antrian.services.login import authenticate
from antrian.services.queries import events_after
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import User
from tests.helpers import assert_message, raises_code


def login(db: Database, username: str, password: str, clock: FixedClock):  # type: ignore[no-untyped-def]
    with db.write() as session:
        return authenticate(session, username, password, clock=clock)


@pytest.mark.usefixtures("production_hasher")
def test_password_is_stored_as_slow_hash(office: Database) -> None:
    with office.write() as session:
        create_user(session, "kabid", "Kepala Bidang", "supervisor", "sangat-rahasia", actor=SYSTEM)
    with office.read() as session:
        stored = session.execute(select(User.password_hash).where(User.username == "kabid")).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and "sangat-rahasia" not in stored
    with office.write() as session:
        assert authenticate(session, "kabid", "sangat-rahasia").actor is not None


def test_tests_hash_cheaply_and_the_office_hashes_verify(office: Database) -> None:
    """The tests' cheap hashes are argon2id too, and a hash made at the office's cost verifies under them."""
    from antrian.services.passwords import hash_password, production_hasher, verify_password

    assert hash_password("rahasia123").startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert verify_password(production_hasher().hash("rahasia123"), "rahasia123")


def test_login_and_lockout_after_five_wrong_tries(office: Database, clock: FixedClock) -> None:
    with office.write() as session:
        create_user(session, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    ok = login(office, "Petugas1", "rahasia123", clock)
    assert ok.actor is not None and ok.actor.role is Role.OPERATOR and ok.actor.name == "petugas1"
    assert ok.message is None
    for attempt in range(4):
        outcome = login(office, "petugas1", f"salah{attempt}", clock)
        assert outcome.actor is None and outcome.message == Message("login.wrong")
    fifth = login(office, "petugas1", "salah5", clock)
    assert fifth.actor is None
    assert_message(fifth.message, "login.now_locked", username="petugas1", n=5)
    assert words.say(fifth.message, lang="en") == "Too many wrong passwords: petugas1 is locked for 5 minutes"  # type: ignore[arg-type]
    assert words.say(fifth.message, lang="id") == (  # type: ignore[arg-type]
        "Terlalu banyak kata sandi salah: akun petugas1 terkunci selama 5 menit"
    )
    # even the right password is refused while locked
    clock.advance(minutes=4)
    locked = login(office, "petugas1", "rahasia123", clock)
    assert locked.actor is None
    assert_message(locked.message, "login.locked", username="petugas1", n=1)
    assert words.say(locked.message, lang="en") == "Account petugas1 is locked; try again in 1 minute"  # type: ignore[arg-type]
    assert words.say(locked.message, lang="id") == "Akun petugas1 terkunci; coba lagi dalam 1 menit"  # type: ignore[arg-type]
    clock.advance(minutes=1, seconds=1)
    assert login(office, "petugas1", "rahasia123", clock).actor is not None
    with office.read() as session:
        kinds = [e.kind for e in events_after(session, 0) if e.kind.startswith("login")]
    assert kinds == ["login"] + ["login_failed"] * 6 + ["login"]


def test_unknown_user_is_logged_without_revealing_which_part_was_wrong(
    office: Database, clock: FixedClock
) -> None:
    outcome = login(office, "siapa", "apa-saja", clock)
    assert outcome.actor is None and outcome.message == Message("login.wrong")
    assert words.say(outcome.message, lang="id") == "Nama pengguna atau kata sandi salah"
    assert words.say(outcome.message, lang="en") == "Wrong username or password"
    with office.read() as session:
        (event,) = events_after(session, 0)[-1:]
    assert event.kind == "login_failed" and event.data["username"] == "siapa"


@pytest.mark.parametrize(
    ("username", "role", "password", "code", "params"),
    [
        ("x", "operator", "rahasia123", "user.name_invalid", {"username": "x"}),
        ("Petugas 1", "operator", "rahasia123", "user.name_invalid", {"username": "petugas 1"}),
        ("petugas9", "kiosk", "rahasia123", "user.role_invalid", {"role": "kiosk"}),
        ("petugas9", "operator", "pendek", "user.password_short", {"n": 8}),
    ],
)
def test_bad_user_input_is_refused(
    office: Database, username: str, role: str, password: str, code: str, params: dict[str, object]
) -> None:
    with office.write() as session, raises_code(InvalidInput, code, **params):
        create_user(session, username, "Nama", role, password, actor=SYSTEM)


def test_short_password_words() -> None:
    short = Message("user.password_short", n=8)
    assert words.say(short, lang="en") == "A password needs at least 8 characters"
    assert words.say(short, lang="id") == "Kata sandi minimal 8 karakter"


def test_username_taken(office: Database) -> None:
    with office.write() as session:
        create_user(session, "admin2", "Admin", "admin", "rahasia123", actor=SYSTEM)
    with office.write() as session, raises_code(InvalidInput, "user.name_taken", username="admin2"):
        create_user(session, "ADMIN2", "Admin", "admin", "rahasia123", actor=SYSTEM)
