"""How strong a password is, for the strength meter shown while one is typed (the set-up wizard, and any
window that sets a password). Pure: no Qt, no database.

A password is rated 0 to 4 with the main reason it is not stronger. 0 is refused everywhere (shorter than
``MIN_PASSWORD``, or the username itself); 1 is guessable (one of the passwords tried first by anyone
guessing, digits only, one repeated character or a run like ``abcdefgh``); 2 to 4 grow with length and with
the kinds of characters used.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MIN_PASSWORD = 8
# Rated 4 at this length with three kinds of characters, or at LONG with any.
STRONG, LONG = 12, 16

# The passwords guessed first, in Indonesia and everywhere (lower case, without trailing digits or symbols).
COMMON = frozenset(
    {
        "password",
        "passw0rd",
        "rahasia",
        "katasandi",
        "sandi",
        "admin",
        "administrator",
        "qwerty",
        "qwertyuiop",
        "asdfghjkl",
        "iloveyou",
        "indonesia",
        "jakarta",
        "bismillah",
        "sayang",
        "sayangku",
        "cinta",
        "welcome",
        "selamat",
        "letmein",
        "monkey",
        "dragon",
        "football",
        "sepakbola",
        "master",
        "superman",
        "antrian",
        "kantor",
        "pelayanan",
        "loket",
        "petugas",
        "supervisor",
        "operator",
        "merdeka",
        "garuda",
        "pancasila",
    }
)
_RUNS = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm")


class Reason(StrEnum):
    """Why a password is rated no higher (``None`` in a ``Strength`` of 4)."""

    TOO_SHORT = "too_short"
    SAME_AS_USERNAME = "same_as_username"
    COMMON = "common"
    ONLY_DIGITS = "only_digits"
    REPEATED = "repeated"
    SEQUENCE = "sequence"
    MORE_KINDS = "more_kinds"  # longer, or mixing upper and lower case, digits and symbols, would rate higher


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 (refused) .. 4 (strong)
    reason: Reason | None

    @property
    def acceptable(self) -> bool:
        """Whether a form should take it: guessable passwords (score 1) are refused for an admin too."""
        return self.score >= 2


def rate_password(password: str, username: str = "") -> Strength:
    """Rate ``password`` for the user ``username`` (0-4 and the main reason it is not stronger)."""
    lowered = password.lower()
    name = username.strip().lower()
    if len(password) < MIN_PASSWORD:
        return Strength(0, Reason.TOO_SHORT)
    if name and (lowered == name or lowered.rstrip("0123456789!@#$%^&*.") == name):
        return Strength(0, Reason.SAME_AS_USERNAME)
    if lowered.strip("0123456789!@#$%^&*.-_ ") in COMMON or lowered in COMMON:
        return Strength(1, Reason.COMMON)
    if password.isdigit():
        return Strength(1, Reason.ONLY_DIGITS)
    if len(set(lowered)) <= 2:
        return Strength(1, Reason.REPEATED)
    if _is_run(lowered):
        return Strength(1, Reason.SEQUENCE)
    kinds = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    if len(password) >= LONG or (len(password) >= STRONG and kinds >= 3):
        return Strength(4, None)
    if len(password) >= STRONG or kinds >= 3:
        return Strength(3, Reason.MORE_KINDS)
    return Strength(2, Reason.MORE_KINDS)


def _is_run(text: str) -> bool:
    """Whether ``text`` is a stretch of the alphabet, the digits or a keyboard row, forwards or backwards."""
    return any(text in run or text in run[::-1] for run in _RUNS)
