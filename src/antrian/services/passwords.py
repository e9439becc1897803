"""Passwords: hashing and verifying (argon2id), the rules a new password must meet, and the first password
an admin hands over. The accounts are ``services.users``; logging in is ``services.login``."""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

from antrian.domain.errors import InvalidInput
from antrian.domain.password_strength import MIN_PASSWORD

if TYPE_CHECKING:
    from argon2 import PasswordHasher

# A password an admin hands over: 10 letters and digits that cannot be mistaken for one another when read
# aloud or from paper (no 0/o, 1/l/i).
FIRST_PASSWORD_LENGTH = 10
_FIRST_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

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


def check_password(username: str, password: str) -> None:
    """Refuse a password that is too short or is the username itself."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("user.password_short", n=MIN_PASSWORD)
    if password.strip().lower() == username.strip().lower():
        raise InvalidInput("user.password_is_username", username=username)


def first_password() -> str:
    return "".join(secrets.choice(_FIRST_PASSWORD_ALPHABET) for _ in range(FIRST_PASSWORD_LENGTH))
