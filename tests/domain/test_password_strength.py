"""The password strength meter's rating (domain.password_strength)."""

import pytest

from antrian.domain.password_strength import MIN_PASSWORD, Reason, Strength, rate_password
from antrian.services import passwords


@pytest.mark.parametrize(
    ("password", "username", "expected"),
    [
        ("", "", Strength(0, Reason.TOO_SHORT)),
        ("Ab1!xyz", "", Strength(0, Reason.TOO_SHORT)),  # 7 characters
        ("kepala01", "kepala01", Strength(0, Reason.SAME_AS_USERNAME)),
        ("Kepala2024", "kepala", Strength(0, Reason.SAME_AS_USERNAME)),
        ("password", "", Strength(1, Reason.COMMON)),
        ("Rahasia123", "", Strength(1, Reason.COMMON)),
        ("admin2026!", "budi", Strength(1, Reason.COMMON)),
        ("20261203", "", Strength(1, Reason.ONLY_DIGITS)),
        ("aaaaaaaaaa", "", Strength(1, Reason.REPEATED)),
        ("abababab", "", Strength(1, Reason.REPEATED)),
        ("abcdefghij", "", Strength(1, Reason.SEQUENCE)),
        ("hgfedcba", "", Strength(1, Reason.SEQUENCE)),
        ("kucinghitam", "", Strength(2, Reason.MORE_KINDS)),  # 11 lower-case letters
        ("kucing7hitam", "", Strength(3, Reason.MORE_KINDS)),  # 12 characters, two kinds
        ("Kucing7hit", "", Strength(3, Reason.MORE_KINDS)),  # 10 characters, three kinds
        ("Kucing7hitam", "", Strength(4, None)),  # 12 characters, three kinds
        ("kucinghitammanis", "", Strength(4, None)),  # 16 characters
    ],
)
def test_rating(password: str, username: str, expected: Strength) -> None:
    assert rate_password(password, username) == expected


def test_only_guessable_and_refused_passwords_are_unacceptable() -> None:
    assert not rate_password("1234567").acceptable
    assert not rate_password("12345678").acceptable
    assert rate_password("kucinghitam").acceptable


def test_the_services_use_the_same_minimum() -> None:
    assert passwords.MIN_PASSWORD == MIN_PASSWORD == 8
