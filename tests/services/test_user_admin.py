"""The admin's user operations, the forced password change and the audit they write, on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from antrian.domain.errors import IllegalAction, InvalidInput, NotFound, PermissionDenied
from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.domain.timing import FixedClock
from antrian.services.audit import ACTIONS, audit_rows
from antrian.services.login import authenticate
from antrian.services.passwords import FIRST_PASSWORD_LENGTH
from antrian.services.users import (
    add_user,
    change_own_password,
    create_user,
    disable_user,
    edit_user,
    enable_user,
    list_users,
    reset_password,
    unlock_user,
)
from antrian.store.database import Database
from antrian.store.models import AuditRecord, User
from tests.conftest import MONDAY_9AM
from tests.helpers import raises_code

MONDAY = date(2026, 11, 30)


@pytest.fixture
def admin(office: Database) -> Actor:
    with office.write() as s:
        user_id = create_user(s, "admin1", "Admin Satu", "admin", "rahasia123", actor=SYSTEM)
    return Actor(Role.ADMIN, user_id, "admin1")


def audit(db: Database, **filters: object) -> list[tuple[str, str, str, object, object]]:
    with db.read() as s:
        rows = audit_rows(s, SYSTEM, MONDAY, MONDAY + timedelta(days=1), **filters)  # type: ignore[arg-type]
    return [(r.username, r.action, r.target, r.old, r.new) for r in rows]


def test_added_user_gets_a_first_password_to_change_at_first_login(
    office: Database, admin: Actor, clock: FixedClock
) -> None:
    with office.write() as s:
        issued = add_user(s, admin, "Petugas2", "  Petugas Dua ", "operator", clock=clock)
    assert (issued.user.username, issued.user.full_name, issued.user.role) == (
        "petugas2",
        "Petugas Dua",
        "operator",
    )
    assert issued.user.must_change_password and len(issued.password) == FIRST_PASSWORD_LENGTH
    with office.write() as s:
        first = authenticate(s, "petugas2", issued.password, clock=clock)
    assert first.actor is not None and first.must_change_password
    with office.write() as s:
        changed = change_own_password(s, first.actor, issued.password, "kata-sandi-baru", clock=clock)
    assert not changed.must_change_password
    with office.write() as s:
        again = authenticate(s, "petugas2", "kata-sandi-baru", clock=clock)
    assert again.actor is not None and not again.must_change_password
    assert [row[:3] for row in audit(office, user="petugas2")] == [
        ("petugas2", "login", "petugas2"),
        ("petugas2", "password_changed", "petugas2"),
        ("petugas2", "login", "petugas2"),
    ]
    assert (
        "admin1",
        "user_added",
        "petugas2",
        None,
        {"full_name": "Petugas Dua", "role": "operator"},
    ) in audit(office)


@pytest.mark.parametrize(
    ("old", "new", "error", "code", "params"),
    [
        ("salah-sekali", "kata-sandi-baru", InvalidInput, "user.old_password_wrong", {}),
        ("rahasia123", "pendek", InvalidInput, "user.password_short", {"n": 8}),
        ("rahasia123", "PETUGAS1", InvalidInput, "user.password_is_username", {"username": "petugas1"}),
        ("rahasia123", "rahasia123", InvalidInput, "user.password_unchanged", {}),
    ],
)
def test_weak_or_unproven_new_password_is_refused_and_nothing_saved(
    office: Database, operator: Actor, old: str, new: str, error: type, code: str, params: dict[str, object]
) -> None:
    with office.read() as s:
        before = s.execute(select(User.password_hash).where(User.username == "petugas1")).scalar_one()
    with office.write() as s, raises_code(error, code, **params):
        change_own_password(s, operator, old, new)
    with office.read() as s:
        assert s.execute(select(User.password_hash).where(User.username == "petugas1")).scalar_one() == before


def test_edit_disable_enable_unlock_reset_with_old_and_new_in_the_audit(
    office: Database, admin: Actor, operator: Actor, clock: FixedClock
) -> None:
    for attempt in range(5):
        with office.write() as s:
            authenticate(s, "petugas1", f"salah{attempt}", clock=clock)
    with office.write() as s:
        info = edit_user(s, admin, "petugas1", full_name="Petugas Satu Baru", role="supervisor", clock=clock)
        assert (info.full_name, info.role) == ("Petugas Satu Baru", Role.SUPERVISOR)
        assert info.locked(clock.now)
        assert not unlock_user(s, admin, "petugas1", clock=clock).locked(clock.now)
        assert not disable_user(s, admin, "petugas1", clock=clock).active
        assert enable_user(s, admin, "petugas1", clock=clock).active
        issued = reset_password(s, admin, "petugas1", clock=clock)
    assert issued.user.must_change_password
    with office.write() as s:
        assert authenticate(s, "petugas1", "rahasia123", clock=clock).actor is None
        assert authenticate(s, "petugas1", issued.password, clock=clock).must_change_password
    locked_until = (clock.now + timedelta(minutes=5)).isoformat()
    assert [row for row in audit(office) if row[2] == "petugas1"] == [
        *[("petugas1", "login_failed", "petugas1", None, None)] * 4,
        ("petugas1", "lockout", "petugas1", None, None),
        (
            "admin1",
            "role_changed",
            "petugas1",
            {"full_name": "Petugas Satu", "role": "operator"},
            {"full_name": "Petugas Satu Baru", "role": "supervisor"},
        ),
        (
            "admin1",
            "user_unlocked",
            "petugas1",
            {"locked_until": locked_until, "failed_logins": 0},
            {"locked_until": None, "failed_logins": 0},
        ),
        ("admin1", "user_disabled", "petugas1", {"active": True}, {"active": False}),
        ("admin1", "user_enabled", "petugas1", {"active": False}, {"active": True}),
        ("admin1", "password_reset", "petugas1", None, {"must_change_password": True}),
        ("petugas1", "login_failed", "petugas1", None, None),
        ("petugas1", "login", "petugas1", None, None),
    ]
    with office.read() as s:
        lockout = audit_rows(s, SYSTEM, MONDAY, MONDAY, action="lockout")
    assert [(r.role, r.detail) for r in lockout] == [
        ("operator", {"reason": "wrong password; account locked"})
    ]


def test_the_last_active_admin_can_be_neither_disabled_nor_demoted(office: Database, admin: Actor) -> None:
    with office.write() as s, raises_code(IllegalAction, "user.last_admin", username="admin1"):
        disable_user(s, admin, "admin1")
    with office.write() as s, raises_code(IllegalAction, "user.last_admin", username="admin1"):
        edit_user(s, SYSTEM, "admin1", role="viewer")
    with office.write() as s:
        create_user(s, "admin2", "Admin Dua", "admin", "rahasia123", actor=SYSTEM)
    with office.write() as s:
        assert not disable_user(s, admin, "admin1").active
    with office.write() as s, raises_code(IllegalAction, "user.last_admin", username="admin2"):
        edit_user(s, SYSTEM, "admin2", role="operator")
    with office.read() as s:
        roles = {u.username: (u.role, u.active) for u in list_users(s, SYSTEM)}
    assert roles == {"admin1": (Role.ADMIN, False), "admin2": (Role.ADMIN, True)}


@pytest.mark.parametrize(
    ("call", "error", "code", "params"),
    [
        (
            lambda s, a: add_user(s, a, "petugas1", "X", "operator"),
            InvalidInput,
            "user.name_taken",
            {"username": "petugas1"},
        ),
        (
            lambda s, a: add_user(s, a, "baru", "X", "kiosk"),
            InvalidInput,
            "user.role_invalid",
            {"role": "kiosk"},
        ),
        (
            lambda s, a: edit_user(s, a, "siapa", role="viewer"),
            NotFound,
            "user.not_found",
            {"username": "siapa"},
        ),
        (
            lambda s, a: edit_user(s, a, "petugas1", full_name="  "),
            InvalidInput,
            "user.full_name_missing",
            {"username": "petugas1"},
        ),
        (lambda s, a: reset_password(s, a, "siapa"), NotFound, "user.not_found", {"username": "siapa"}),
    ],
)
def test_bad_input_is_refused_by_name_and_nothing_saved(
    office: Database,
    admin: Actor,
    operator: Actor,
    call,
    error,
    code,
    params,  # type: ignore[no-untyped-def]
) -> None:
    with office.read() as s:
        users = s.execute(select(func.count()).select_from(User)).scalar_one()
        audited = s.execute(select(func.count()).select_from(AuditRecord)).scalar_one()
    with office.write() as s, raises_code(error, code, **params):
        call(s, admin)
    with office.read() as s:
        assert s.execute(select(func.count()).select_from(User)).scalar_one() == users
        assert s.execute(select(func.count()).select_from(AuditRecord)).scalar_one() == audited
        assert (
            s.execute(select(User.full_name).where(User.username == "petugas1")).scalar_one()
            == "Petugas Satu"
        )


def test_a_refused_attempt_is_audited_in_its_own_transaction(office: Database, operator: Actor) -> None:
    """The unit of work rolls the attempt back and records the refusal (who, role, what) by itself."""
    with pytest.raises(PermissionDenied), office.write() as s:
        add_user(s, operator, "penyusup", "Penyusup", "admin")
    with office.read() as s:
        assert s.execute(select(User.id).where(User.username == "penyusup")).first() is None
        (row,) = audit_rows(
            s, SYSTEM, date.today() - timedelta(days=1), date.today() + timedelta(days=1), action="refused"
        )
    assert (row.user_id, row.username, row.role, row.target) == (
        operator.user_id,
        "petugas1",
        "operator",
        "permission.denied",
    )
    assert row.detail["permission"] == "manage users" and row.pc


def test_settings_changes_carry_old_and_new_values(office: Database, admin: Actor) -> None:
    from antrian.services.office import update_office
    from antrian.services.setup import edit_service

    clock = FixedClock(MONDAY_9AM)
    with office.write() as s:
        update_office(s, admin, clock, running_text="Selamat datang")
        edit_service(s, "A", actor=admin, clock=clock, name="KTP-el", daily_quota=50)
    changes = [row for row in audit(office) if row[0] == "admin1" and row[1] != "user_added"]
    assert changes == [
        ("admin1", "office_changed", "", {"running_text": ""}, {"running_text": "Selamat datang"}),
        (
            "admin1",
            "service_changed",
            "A",
            {"daily_quota": None, "name": "KTP Elektronik"},
            {"daily_quota": 50, "name": "KTP-el"},
        ),
    ]


def test_audit_filters_and_who_may_read_it(
    office: Database, admin: Actor, operator: Actor, clock: FixedClock
) -> None:
    with office.write() as s:
        authenticate(s, "admin1", "salah", clock=clock)
    assert [row[1] for row in audit(office, action="login_failed")] == ["login_failed"]
    assert audit(office, user="ADMIN1", action="login_failed")[0][0] == "admin1"
    with office.read() as s:
        for role in (Role.SUPERVISOR, Role.VIEWER, Role.ADMIN):
            audit_rows(s, Actor(role, None, "x"), MONDAY, MONDAY)
        with raises_code(
            PermissionDenied,
            "permission.denied",
            who="petugas1",
            role=Role.OPERATOR,
            permission="read the audit",
        ):
            audit_rows(s, operator, MONDAY, MONDAY)
        with raises_code(InvalidInput, "audit.range_reversed", start=MONDAY, end=MONDAY - timedelta(days=1)):
            audit_rows(s, SYSTEM, MONDAY, MONDAY - timedelta(days=1))
        with raises_code(InvalidInput, "audit.action_unknown", action="hapus", choices=list(ACTIONS)):
            audit_rows(s, SYSTEM, MONDAY, MONDAY, action="hapus")


def test_an_unknown_username_is_audited_as_typed_with_no_role(office: Database, clock: FixedClock) -> None:
    with office.write() as s:
        assert authenticate(s, " Siapa ", "apa-saja", clock=clock).actor is None
    with office.read() as s:
        (row,) = audit_rows(s, SYSTEM, MONDAY, MONDAY, action="login_failed")
    assert (row.user_id, row.username, row.role, row.target, row.detail) == (
        None,
        "siapa",
        "",
        "siapa",
        {"reason": "unknown or inactive user"},
    )
