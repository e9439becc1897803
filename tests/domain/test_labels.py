"""Ticket labels: service code plus zero-padded number."""

import pytest

from antrian import words
from antrian.domain.errors import InvalidInput
from antrian.domain.labels import DEFAULT_WIDTH, format_label, parse_label, validate_code
from tests.helpers import raises_code


@pytest.mark.parametrize(
    ("code", "number", "width", "label"),
    [
        ("A", 7, DEFAULT_WIDTH, "A007"),
        ("A", 1, DEFAULT_WIDTH, "A001"),
        ("B", 45, DEFAULT_WIDTH, "B045"),
        ("A", 123, DEFAULT_WIDTH, "A123"),
        ("KK", 12, DEFAULT_WIDTH, "KK012"),
        ("ABC", 9, DEFAULT_WIDTH, "ABC009"),
        ("A", 7, 4, "A0007"),
        ("A", 7, 1, "A7"),
        ("A", 7, 2, "A07"),
    ],
)
def test_format_label_pads(code: str, number: int, width: int, label: str) -> None:
    assert format_label(code, number, width) == label


def test_default_width_is_three() -> None:
    assert DEFAULT_WIDTH == 3
    assert format_label("A", 7) == "A007"


@pytest.mark.parametrize(
    ("number", "width", "label"),
    [(1000, 3, "A1000"), (12345, 3, "A12345"), (123, 2, "A123"), (100, 1, "A100")],
)
def test_format_label_never_cuts_wide_numbers(number: int, width: int, label: str) -> None:
    assert format_label("A", number, width) == label


@pytest.mark.parametrize("number", [0, -1, -100])
def test_format_label_refuses_non_positive_numbers(number: int) -> None:
    with raises_code(InvalidInput, "ticket.number_not_positive", number=number):
        format_label("A", number)


@pytest.mark.parametrize(("code", "number"), [("A", 1), ("B", 45), ("KK", 12), ("ABC", 999), ("Z", 1000)])
def test_format_then_parse_round_trips(code: str, number: int) -> None:
    assert parse_label(format_label(code, number)) == (code, number)


@pytest.mark.parametrize(
    ("code", "normalised"),
    [
        ("A", "A"),
        ("KK", "KK"),
        ("ABC", "ABC"),
        ("a", "A"),
        ("kk", "KK"),
        ("aBc", "ABC"),
        (" b ", "B"),
        ("\tkk\n", "KK"),
    ],
)
def test_validate_code_accepts_and_normalises(code: str, normalised: str) -> None:
    assert validate_code(code) == normalised


@pytest.mark.parametrize(
    "code", ["", "   ", "1", "A1", "12", "ABCD", "abcd", "A-B", "A B", "A_", "É", "Ä", "-A", "A.", "KK0"]
)
def test_validate_code_refuses_and_names_input(code: str) -> None:
    with raises_code(InvalidInput, "service.code_invalid", code=code):
        validate_code(code)


def test_a_refused_code_is_quoted_in_both_languages() -> None:
    with raises_code(InvalidInput, "service.code_invalid") as caught:
        validate_code("A1")
    assert words.say(caught.value, lang="id") == 'Kode layanan "A1" harus 1 sampai 3 huruf A-Z'
    assert words.say(caught.value, lang="en") == 'Service code "A1" must be 1 to 3 letters A-Z'


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("A007", ("A", 7)),
        ("a7", ("A", 7)),
        ("A-007", ("A", 7)),
        ("a-7", ("A", 7)),
        ("KK012", ("KK", 12)),
        ("kk-12", ("KK", 12)),
        ("ABC999", ("ABC", 999)),
        ("B045", ("B", 45)),
        ("A1000", ("A", 1000)),
        ("A123456", ("A", 123456)),
        ("  A007 ", ("A", 7)),
        ("Z1", ("Z", 1)),
    ],
)
def test_parse_label_variants(text: str, parsed: tuple[str, int]) -> None:
    assert parse_label(text) == parsed


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "A",
        "KK",
        "007",
        "7A",
        "ABCD1",
        "A 7",
        "A--7",
        "A-",
        "-7",
        "A_7",
        "A7B",
        "A1234567",
        "A-0-07",
        "A07.",
        "É7",
    ],
)
def test_parse_label_refuses_bad_input_and_names_it(text: str) -> None:
    with raises_code(InvalidInput, "ticket.label_invalid", text=text):
        parse_label(text)


@pytest.mark.parametrize("code", ["ß", "ﬀ", "ı"])
def test_non_ascii_letters_are_not_codes(code: str) -> None:
    with raises_code(InvalidInput, "service.code_invalid", code=code):
        validate_code(code)


@pytest.mark.parametrize("text", ["A0", "A000", "A١٢٣"])
def test_zero_and_non_latin_digits_are_not_tickets(text: str) -> None:
    with raises_code(InvalidInput, "ticket.label_invalid", text=text):
        parse_label(text)
