"""Logging in: a username and password checked against the account, with the lockout (5 wrong tries in a
row lock the account for 5 minutes). Every attempt is an event and a row of the audit. The accounts are
``services.users``; hashing is ``services.passwords``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.messages import Message
from antrian.domain.roles import Actor, Role
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.audit import record
from antrian.services.passwords import verify_password
from antrian.store.audit import append_audit
from antrian.store.models import User
from antrian.store.queue import append_events

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    """The result of a login attempt. A failure is returned, not raised, so that it is recorded."""

    actor: Actor | None
    message: Message | None  # why it failed: login.wrong, login.locked (minutes), login.now_locked (minutes)
    must_change_password: bool = False  # the password was given by an admin: ask for a new one first


def authenticate(
    session: Session, username: str, password: str, *, clock: Clock = system_clock
) -> LoginOutcome:
    """Check a password; 5 wrong tries in a row lock the account for 5 minutes. Every attempt is an event
    and a row of the audit (login, login_failed, lockout)."""
    now = require_utc(clock())
    user = session.execute(select(User).where(User.username == username.strip().lower())).scalar_one_or_none()
    # an unknown username is recorded as typed, with no role (it is nobody's account)
    who = Actor(Role(user.role), user.id, user.username) if user is not None else None

    def log(kind: str, action: str, **data: object) -> None:
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
        if who is not None:
            record(session, who, action, target=who.name, clock=clock, **data)
        else:
            typed = username.strip().lower()
            append_audit(
                session,
                at=now,
                user_id=None,
                username=typed,
                role="",
                action=action,
                target=typed,
                detail=data,
            )

    if user is None or not user.active:
        log("login_failed", "login_failed", reason="unknown or inactive user")
        return LoginOutcome(None, Message("login.wrong"))
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, round((user.locked_until - now).total_seconds() / 60))
        log("login_failed", "login_failed", reason="locked")
        return LoginOutcome(None, Message("login.locked", username=user.username, n=minutes))
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            log("login_failed", "lockout", reason="wrong password; account locked")
            return LoginOutcome(
                None,
                Message("login.now_locked", username=user.username, n=int(LOCKOUT.total_seconds() // 60)),
            )
        log("login_failed", "login_failed", reason="wrong password", failures=user.failed_logins)
        return LoginOutcome(None, Message("login.wrong"))
    user.failed_logins = 0
    user.locked_until = None
    log("login", "login")
    return LoginOutcome(who, None, user.must_change_password)
