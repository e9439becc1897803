"""Users, passwords (argon2id) and login with lockout."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message
from antrian.domain.roles import USER_ROLES, Actor, Permission, Role
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.store.models import User
from antrian.store.queue import append_events

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD = 8
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")

log = logging.getLogger(__name__)


def production_hasher() -> PasswordHasher:
    """argon2id at the library's recommended cost (RFC 9106's second choice: 3 passes over 64 MiB)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


# what hashes and verifies passwords (the tests swap in a cheap one; a hash records its own cost, so any
# hasher verifies any hash)
_hasher = production_hasher


def hash_password(password: str) -> str:
    return str(_hasher().hash(password))


def verify_password(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except VerificationError:
        return False
    except (
        InvalidHashError
    ):  # the stored hash itself is damaged: no password can match, and an admin must know
        log.error("a stored password hash is not an argon2 hash; the user cannot log in until it is reset")
        return False


def create_user(
    session: Session, username: str, full_name: str, role: str, password: str, *, actor: Actor
) -> int:
    """Add a user; returns its id."""
    actor.require(Permission.MANAGE)
    username = username.strip().lower()
    if not _USERNAME.fullmatch(username):
        raise InvalidInput("user.name_invalid", username=username)
    try:
        parsed = Role(role)
    except ValueError:
        parsed = None
    if parsed not in USER_ROLES:
        raise InvalidInput("user.role_invalid", role=role)
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("user.password_short", n=MIN_PASSWORD)
    if session.execute(select(User.id).where(User.username == username)).first():
        raise InvalidInput("user.name_taken", username=username)
    user = User(
        username=username,
        full_name=full_name.strip() or username,
        role=role,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return user.id


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    """The result of a login attempt. A failure is returned, not raised, so that it is recorded."""

    actor: Actor | None
    message: Message | None  # why it failed: login.wrong, login.locked (minutes), login.now_locked (minutes)


def authenticate(
    session: Session, username: str, password: str, *, clock: Clock = system_clock
) -> LoginOutcome:
    """Check a password; 5 wrong tries in a row lock the account for 5 minutes. Every attempt is an event."""
    now = require_utc(clock())
    user = session.execute(select(User).where(User.username == username.strip().lower())).scalar_one_or_none()

    def log(kind: str, **data: object) -> None:
        append_events(
            session,
            [
                {
                    "at": now,
                    "kind": kind,
                    "user_id": user.id if user else None,
                    "data": {"username": username, **data},
                }
            ],
        )

    if user is None or not user.active:
        log("login_failed", reason="unknown or inactive user")
        return LoginOutcome(None, Message("login.wrong"))
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, round((user.locked_until - now).total_seconds() / 60))
        log("login_failed", reason="locked")
        return LoginOutcome(None, Message("login.locked", username=user.username, n=minutes))
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            log("login_failed", reason="wrong password; account locked")
            return LoginOutcome(
                None,
                Message("login.now_locked", username=user.username, n=int(LOCKOUT.total_seconds() // 60)),
            )
        log("login_failed", reason="wrong password", failures=user.failed_logins)
        return LoginOutcome(None, Message("login.wrong"))
    user.failed_logins = 0
    user.locked_until = None
    log("login")
    return LoginOutcome(Actor(Role(user.role), user.id, user.username), None)


def actor_for(session: Session, username: str) -> Actor:
    """The actor of an existing user, for trusted local tools (the CLI's --user)."""
    user = session.execute(select(User).where(User.username == username.strip().lower())).scalar_one_or_none()
    if user is None or not user.active:
        raise InvalidInput("user.unknown", username=username)
    return Actor(Role(user.role), user.id, user.username)
