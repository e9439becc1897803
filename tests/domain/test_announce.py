"""The spoken call: letter names, whole or digit reading, templates."""

import string

import pytest

from antrian import words
from antrian.domain.announce import (
    DEFAULT_TEMPLATE,
    LETTER_NAMES,
    SERVICE_TEMPLATE,
    NumberReading,
    announcement,
    number_words,
    speak_label,
    spell_letters,
    validate_template,
)
from antrian.domain.errors import InvalidInput
from tests.helpers import raises_code

# Indonesian letter names, copied from the domain notes (Voice call conventions).
DOMAIN_LETTER_NAMES = {
    "A": "a", "B": "be", "C": "ce", "D": "de", "E": "e", "F": "ef", "G": "ge", "H": "ha", "I": "i",
    "J": "je", "K": "ka", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pe", "Q": "ki", "R": "er",
    "S": "es", "T": "te", "U": "u", "V": "fe", "W": "we", "X": "eks", "Y": "ye", "Z": "zet",
}  # fmt: skip


def test_the_typical_sentence() -> None:
    assert announcement("A123", 2) == "Nomor antrean a seratus dua puluh tiga, silakan menuju loket dua."


def test_whole_reading_is_the_default() -> None:
    assert announcement("A123", 2, reading=NumberReading.WHOLE) == announcement("A123", 2)


def test_digit_reading_sentence_keeps_counter_whole() -> None:
    assert (
        announcement("A001", 12, reading=NumberReading.DIGITS)
        == "Nomor antrean a nol nol satu, silakan menuju loket dua belas."
    )


@pytest.mark.parametrize(
    ("label", "reading", "words"),
    [
        ("A001", NumberReading.DIGITS, "a nol nol satu"),
        ("A001", NumberReading.WHOLE, "a satu"),
        ("A123", NumberReading.WHOLE, "a seratus dua puluh tiga"),
        ("A123", NumberReading.DIGITS, "a satu dua tiga"),
        ("B045", NumberReading.WHOLE, "be empat puluh lima"),
        ("B045", NumberReading.DIGITS, "be nol empat lima"),
        ("A7", NumberReading.DIGITS, "a tujuh"),
        ("a-007", NumberReading.DIGITS, "a nol nol tujuh"),
        (" a-007 ", NumberReading.WHOLE, "a tujuh"),
        ("KK012", NumberReading.WHOLE, "ka ka dua belas"),
        ("KK012", NumberReading.DIGITS, "ka ka nol satu dua"),
        ("QXZ1000", NumberReading.WHOLE, "ki eks zet seribu"),
        ("C1234", NumberReading.DIGITS, "ce satu dua tiga empat"),
        ("D567890", NumberReading.DIGITS, "de lima enam tujuh delapan sembilan nol"),
    ],
)
def test_speak_label(label: str, reading: NumberReading, words: str) -> None:
    assert speak_label(label, reading) == words


def test_letter_table_matches_domain_notes() -> None:
    assert LETTER_NAMES == DOMAIN_LETTER_NAMES
    assert set(LETTER_NAMES) == set(string.ascii_uppercase)


@pytest.mark.parametrize(("letter", "name"), sorted(DOMAIN_LETTER_NAMES.items()))
def test_each_letter_is_spoken_by_its_indonesian_name(letter: str, name: str) -> None:
    assert spell_letters(letter) == name
    assert spell_letters(letter.lower()) == name
    assert speak_label(f"{letter}001", NumberReading.DIGITS) == f"{name} nol nol satu"


@pytest.mark.parametrize(
    ("code", "spoken"),
    [("KK", "ka ka"), ("kk", "ka ka"), ("QXZ", "ki eks zet"), ("BPJ", "be pe je"), ("Wv", "we fe")],
)
def test_multi_letter_prefix(code: str, spoken: str) -> None:
    assert spell_letters(code) == spoken


def test_multi_letter_prefix_in_sentence() -> None:
    assert announcement("KK012", 3) == "Nomor antrean ka ka dua belas, silakan menuju loket tiga."


def test_service_name_variant() -> None:
    assert (
        announcement("A123", 2, service_name="KTP")
        == "Nomor antrean a seratus dua puluh tiga, layanan KTP, silakan menuju loket dua."
    )


def test_service_variant_with_digit_reading() -> None:
    assert (
        announcement("B007", 4, reading=NumberReading.DIGITS, service_name="Kartu Keluarga")
        == "Nomor antrean be nol nol tujuh, layanan Kartu Keluarga, silakan menuju loket empat."
    )


@pytest.mark.parametrize("service_name", [None, ""])
def test_no_service_name_uses_default_sentence(service_name: str | None) -> None:
    assert announcement("A1", 1, service_name=service_name) == (
        "Nomor antrean a satu, silakan menuju loket satu."
    )


def test_builtin_templates_are_valid_and_use_kbbi_spelling() -> None:
    for template in (DEFAULT_TEMPLATE, SERVICE_TEMPLATE):
        assert validate_template(template) == template
        assert "antrean" in template
        assert "silakan" in template
        assert "antrian" not in template
        assert "silahkan" not in template


def test_custom_template() -> None:
    template = "Antrean {ticket} dipersilakan ke loket {counter}."
    assert validate_template(template) == template
    assert announcement("A5", 7, template=template) == "Antrean a lima dipersilakan ke loket tujuh."


def test_custom_template_with_service_and_repeated_placeholders() -> None:
    template = "{ticket}, {service}, loket {counter}. Sekali lagi: {ticket}, loket {counter}."
    assert announcement("A5", 1, template=template, service_name="KTP") == (
        "a lima, KTP, loket satu. Sekali lagi: a lima, loket satu."
    )


def test_custom_template_wins_over_service_variant() -> None:
    assert announcement("A5", 1, template="{ticket} ke {counter}", service_name="KTP") == "a lima ke satu"


def test_values_are_not_formatted_again() -> None:
    assert announcement("A5", 1, service_name="{counter}") == (
        "Nomor antrean a lima, layanan {counter}, silakan menuju loket satu."
    )


@pytest.mark.parametrize(
    ("template", "named"),
    [
        ("Nomor {nomor}, loket {counter}, {ticket}", "nomor"),
        ("{ticket} ke {loket} {counter}", "loket"),
        ("{ticket} {counter} {0}", "0"),
        ("{ticket} {counter} {ticket.upper}", "ticket.upper"),
        ("{ticket} {counter[0]}", "counter[0]"),
    ],
)
def test_unknown_placeholder_is_refused(template: str, named: str) -> None:
    with raises_code(InvalidInput, "voice.template_unknown", names=[f"{{{named}}}"]):
        validate_template(template)
    with raises_code(InvalidInput, "voice.template_unknown", names=[f"{{{named}}}"]):
        announcement("A1", 1, template=template)


def test_unknown_placeholders_are_named_in_both_languages() -> None:
    with raises_code(InvalidInput, "voice.template_unknown") as caught:
        validate_template("{nomor} {ticket} {loket} {counter}")
    assert caught.value.params["names"] == ["{loket}", "{nomor}"]
    assert (
        words.say(caught.value, lang="id")
        == "Kalimat panggilan memakai isian yang tidak dikenal: {loket}, {nomor}"
    )
    assert (
        words.say(caught.value, lang="en") == "The call sentence uses unknown placeholders: {loket}, {nomor}"
    )


def test_positional_placeholder_is_refused() -> None:
    with raises_code(InvalidInput, "voice.template_unknown", names=["{}"]):
        validate_template("{ticket} {counter} {}")


@pytest.mark.parametrize(
    ("template", "missing"),
    [
        ("Nomor antrean {ticket}, silakan menunggu.", ["counter"]),
        ("Silakan ke loket {counter}.", ["ticket"]),
        ("Layanan {service}.", ["counter", "ticket"]),
        ("Tanpa isian.", ["counter", "ticket"]),
        ("", ["counter", "ticket"]),
        ("{{ticket}} {{counter}}", ["counter", "ticket"]),
    ],
)
def test_template_missing_ticket_or_counter_is_refused(template: str, missing: list[str]) -> None:
    with raises_code(InvalidInput, "voice.template_missing", names=[f"{{{name}}}" for name in missing]):
        validate_template(template)


@pytest.mark.parametrize(
    "template",
    [
        "{ticket} {counter",
        "{ticket} counter}",
        "{ticket {counter}",
        "}{ticket} {counter}",
        "{ticket}} {counter}",
    ],
)
def test_malformed_braces_are_refused(template: str) -> None:
    with raises_code(InvalidInput, "voice.template_malformed") as caught:
        validate_template(template)
    assert caught.value.params["problem"]  # Python's own account of the braces, for the admin
    with raises_code(InvalidInput, "voice.template_malformed"):
        announcement("A1", 1, template=template)


def test_escaped_braces_are_kept_literally() -> None:
    assert announcement("A1", 2, template="{{ding-dong}} {ticket} {counter}") == "{ding-dong} a satu dua"


@pytest.mark.parametrize(
    "template",
    ["{ticket:d} ke loket {counter}", "{ticket} ke loket {counter!r}", "{ticket} {counter:{service}}"],
)
def test_format_spec_or_conversion_is_refused(template: str) -> None:
    with raises_code(InvalidInput, "voice.template_format") as caught:
        validate_template(template)
    # the doubled braces of the catalogue entry come out single: the admin is shown what to type
    assert "{ticket}" in words.say(caught.value, lang="id")
    assert "{ticket}" in words.say(caught.value, lang="en")


def test_bad_label_in_announcement_is_invalid_input() -> None:
    with raises_code(InvalidInput, "ticket.label_invalid", text="A-"):
        announcement("A-", 1)


@pytest.mark.parametrize(
    ("number", "spoken"),
    [
        (1, "satu"),
        (2, "dua"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (45, "empat puluh lima"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (123, "seratus dua puluh tiga"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2005, "dua ribu lima"),
        (11000, "sebelas ribu"),
    ],
)
def test_number_words(number: int, spoken: str) -> None:
    assert number_words(number) == spoken


@pytest.mark.parametrize(("counter", "spoken"), [(1, "satu"), (11, "sebelas"), (100, "seratus")])
def test_counter_number_read_whole(counter: int, spoken: str) -> None:
    sentence = announcement("A001", counter, reading=NumberReading.DIGITS)
    assert sentence.endswith(f"silakan menuju loket {spoken}.")


@pytest.mark.parametrize("counter", [0, -1])
def test_counter_number_must_be_positive(counter: int) -> None:
    with raises_code(InvalidInput, "counter.number_invalid", number=counter):
        announcement("A1", counter)


def test_service_placeholder_needs_a_service_name() -> None:
    with raises_code(InvalidInput, "voice.template_service_unnamed") as caught:
        announcement("A1", 2, template="{ticket} layanan {service} loket {counter}")
    assert "{service}" in words.say(caught.value, lang="id")
