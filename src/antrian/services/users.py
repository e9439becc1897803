"""The office's user accounts: adding, listing, editing, disabling, unlocking them, and their passwords as
an admin resets them or a user changes their own. Hashing and the password rules are ``services.passwords``;
logging in, with its lockout, is ``services.login``.

Every change of a user is the admin's (``Permission.USERS``), is written to the audit with what it was and
what it became, and writes a ``settings_changed`` event so that open users pages re-read. The office always
keeps an active admin: disabling or demoting the last one is refused by name. A password given out by an
admin (the first one, or a reset) must be changed at the next login (``must_change_password``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import IllegalAction, InvalidInput, NotFound, PermissionDenied
from antrian.domain.roles import USER_ROLES, Actor, Permission, Role
from antrian.domain.timing import Clock, system_clock
from antrian.services.audit import record
from antrian.services.office import log_settings_changed
from antrian.services.passwords import check_password, first_password, hash_password, verify_password
from antrian.store.models import User

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


def check_username(username: str) -> str:
    """``username`` as stored (trimmed, lower case); InvalidInput when it is not a valid username."""
    username = username.strip().lower()
    if not _USERNAME.fullmatch(username):
        raise InvalidInput("user.name_invalid", username=username)
    return username


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as the admin sees it (never the password hash)."""

    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None  # set while the account is locked (see ``locked``)
    must_change_password: bool

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    def to_json(self, now: datetime) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role.value,
            "active": self.active,
            "locked": self.locked(now),
            "locked_until": self.locked_until.isoformat() if self.locked(now) and self.locked_until else None,
            "must_change_password": self.must_change_password,
        }


@dataclass(frozen=True, slots=True)
class IssuedPassword:
    """A user and the password given to them, shown once and never stored in clear."""

    user: UserInfo
    password: str


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        Role(user.role),
        user.active,
        user.locked_until,
        user.must_change_password,
    )


def _role(role: str | Role) -> Role:
    try:
        parsed = Role(str(role).strip().lower())
    except ValueError:
        parsed = None
    if parsed not in USER_ROLES:
        raise InvalidInput("user.role_invalid", role=str(role))
    assert parsed is not None
    return parsed


def _find(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == username.strip().lower())).scalar_one_or_none()
    if user is None:
        raise NotFound("user.not_found", username=username)
    return user


def _new_user(
    session: Session,
    actor: Actor,
    username: str,
    full_name: str,
    role: str | Role,
    password: str,
    *,
    must_change: bool,
    clock: Clock,
) -> User:
    actor.require(Permission.USERS)
    username = check_username(username)
    parsed = _role(role)
    check_password(username, password)
    if session.execute(select(User.id).where(User.username == username)).first():
        raise InvalidInput("user.name_taken", username=username)
    user = User(
        username=username,
        full_name=full_name.strip() or username,
        role=parsed.value,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
        must_change_password=must_change,
    )
    session.add(user)
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="user_added",
        target=username,
        new={"full_name": user.full_name, "role": parsed.value},
        user=username,
    )
    return user


def create_user(
    session: Session,
    username: str,
    full_name: str,
    role: str,
    password: str,
    *,
    actor: Actor,
    clock: Clock = system_clock,
) -> int:
    """Add a user with the password given (the set-up's own admin, demo data); returns its id."""
    return _new_user(session, actor, username, full_name, role, password, must_change=False, clock=clock).id


def add_user(
    session: Session,
    actor: Actor,
    username: str,
    full_name: str,
    role: str | Role,
    *,
    clock: Clock = system_clock,
) -> IssuedPassword:
    """Add a user with a first password made here, returned once; it must be changed at the first login.

    Raises:
        InvalidInput: a malformed or taken username, a role a person cannot have.
        PermissionDenied: ``actor`` is not an admin.
    """
    password = first_password()
    user = _new_user(session, actor, username, full_name, role, password, must_change=True, clock=clock)
    return IssuedPassword(_info(user), password)


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    """Every user, active ones first, by username (admins, supervisors and viewers read it)."""
    actor.require(Permission.SETTINGS)
    users = session.execute(select(User).order_by(User.active.desc(), User.username)).scalars()
    return [_info(user) for user in users]


def _other_active_admins(session: Session, user: User) -> int:
    return len(
        session.execute(
            select(User.id).where(User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id)
        ).all()
    )


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse taking ``user`` out of the active admins when no other is left."""
    if user.role == Role.ADMIN.value and user.active and _other_active_admins(session, user) == 0:
        raise IllegalAction("user.last_admin", username=user.username)


def edit_user(
    session: Session,
    actor: Actor,
    username: str,
    *,
    full_name: str | None = None,
    role: str | Role | None = None,
    clock: Clock = system_clock,
) -> UserInfo:
    """Change the full name and/or the role of ``username``.

    Raises:
        NotFound: no such user. InvalidInput: a role a person cannot have, an empty name.
        IllegalAction: the change would leave the office without an active admin.
    """
    actor.require(Permission.USERS)
    user = _find(session, username)
    old: dict[str, object] = {}
    new: dict[str, object] = {}
    if full_name is not None:
        name = full_name.strip()
        if not name:
            raise InvalidInput("user.full_name_missing", username=user.username)
        if name != user.full_name:
            old["full_name"], new["full_name"] = user.full_name, name
    if role is not None:
        parsed = _role(role)
        if parsed.value != user.role:
            if parsed is not Role.ADMIN:
                _keep_an_admin(session, user)
            old["role"], new["role"] = user.role, parsed.value
    if not new:
        return _info(user)
    for key, value in new.items():
        setattr(user, key, value)
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="role_changed" if "role" in new else "user_changed",
        target=user.username,
        old=old,
        new=new,
        user=user.username,
    )
    return _info(user)


def set_user_active(
    session: Session, actor: Actor, username: str, active: bool, *, clock: Clock = system_clock
) -> UserInfo:
    """Disable (``active`` False: the user can no longer log in) or enable ``username`` again.

    Raises:
        NotFound: no such user. IllegalAction: disabling the last active admin.
    """
    actor.require(Permission.USERS)
    user = _find(session, username)
    if user.active == active:
        return _info(user)
    if not active:
        _keep_an_admin(session, user)
    user.active = active
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="user_enabled" if active else "user_disabled",
        target=user.username,
        old={"active": not active},
        new={"active": active},
        user=user.username,
    )
    return _info(user)


def disable_user(session: Session, actor: Actor, username: str, *, clock: Clock = system_clock) -> UserInfo:
    return set_user_active(session, actor, username, False, clock=clock)


def enable_user(session: Session, actor: Actor, username: str, *, clock: Clock = system_clock) -> UserInfo:
    return set_user_active(session, actor, username, True, clock=clock)


def unlock_user(session: Session, actor: Actor, username: str, *, clock: Clock = system_clock) -> UserInfo:
    """End a lockout now (and forget the wrong tries counted so far)."""
    actor.require(Permission.USERS)
    user = _find(session, username)
    old = {"locked_until": user.locked_until, "failed_logins": user.failed_logins}
    user.locked_until = None
    user.failed_logins = 0
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="user_unlocked",
        target=user.username,
        old=old,
        new={"locked_until": None, "failed_logins": 0},
        user=user.username,
    )
    return _info(user)


def reset_password(
    session: Session, actor: Actor, username: str, *, clock: Clock = system_clock
) -> IssuedPassword:
    """Give ``username`` a new first password (returned once), to be changed at the next login; a lockout
    ends with it."""
    actor.require(Permission.USERS)
    user = _find(session, username)
    password = first_password()
    user.password_hash = hash_password(password)
    user.must_change_password = True
    user.locked_until = None
    user.failed_logins = 0
    session.flush()
    log_settings_changed(
        session,
        actor,
        clock,
        action="password_reset",
        target=user.username,
        new={"must_change_password": True},
        user=user.username,
    )
    return IssuedPassword(_info(user), password)


def change_own_password(
    session: Session, actor: Actor, old_password: str, new_password: str, *, clock: Clock = system_clock
) -> UserInfo:
    """The logged-in ``actor`` replaces their own password, proving the old one; the must-change flag ends.

    Raises:
        PermissionDenied: ``actor`` is not a user (the kiosk, the system).
        InvalidInput: the old password is wrong (``user.old_password_wrong``); the new one is too short,
            the username, or the old one again.
    """
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        refusal = PermissionDenied("user.not_a_user", role=actor.role)
        refusal.actor = actor
        raise refusal
    if not verify_password(user.password_hash, old_password):
        raise InvalidInput("user.old_password_wrong")
    check_password(user.username, new_password)
    if new_password == old_password:
        raise InvalidInput("user.password_unchanged")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    session.flush()
    record(session, actor, "password_changed", target=user.username, clock=clock)
    return _info(user)


def actor_for(session: Session, username: str) -> Actor:
    """The actor of an existing, active user, without a password: for code that has proven who it is by
    other means (tests, the demo). The command line's ``--user`` goes through ``authenticate``."""
    user = _find(session, username)
    if not user.active:
        raise NotFound("user.not_found", username=username)
    return Actor(Role(user.role), user.id, user.username)
