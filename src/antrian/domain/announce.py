"""The spoken call: "Nomor antrean A seratus dua puluh tiga, silakan menuju loket dua."

Letters are spoken with their Indonesian names; the ticket number is read whole or digit by digit (an office
setting); the counter number is always read whole.
"""

import string
from enum import StrEnum

from num2words import num2words

from antrian.domain.errors import InvalidInput
from antrian.domain.labels import parse_label

LETTER_NAMES: dict[str, str] = {
    "A": "a", "B": "be", "C": "ce", "D": "de", "E": "e", "F": "ef", "G": "ge", "H": "ha", "I": "i",
    "J": "je", "K": "ka", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pe", "Q": "ki", "R": "er",
    "S": "es", "T": "te", "U": "u", "V": "fe", "W": "we", "X": "eks", "Y": "ye", "Z": "zet",
}  # fmt: skip
DIGIT_NAMES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")

DEFAULT_TEMPLATE = "Nomor antrean {ticket}, silakan menuju loket {counter}."
SERVICE_TEMPLATE = "Nomor antrean {ticket}, layanan {service}, silakan menuju loket {counter}."
PLACEHOLDERS = frozenset({"ticket", "counter", "service"})


class NumberReading(StrEnum):
    WHOLE = "whole"  # A123 -> "a seratus dua puluh tiga"
    DIGITS = "digits"  # A001 -> "a nol nol satu"


def number_words(number: int) -> str:
    """Indonesian words for a whole number: 123 -> "seratus dua puluh tiga"."""
    return str(num2words(number, lang="id"))


def spell_letters(code: str) -> str:
    """Indonesian letter names: "KK" -> "ka ka"."""
    return " ".join(LETTER_NAMES[letter] for letter in code.upper())


def speak_label(label: str, reading: NumberReading = NumberReading.WHOLE) -> str:
    """Words for a ticket label, e.g. "B045" -> "be empat puluh lima" (whole)."""
    code, number = parse_label(label)
    if reading is NumberReading.DIGITS:
        digits = label.strip()[len(code) :].lstrip("-")
        spoken_number = " ".join(DIGIT_NAMES[int(d)] for d in digits)
    else:
        spoken_number = number_words(number)
    return f"{spell_letters(code)} {spoken_number}"


def validate_template(template: str) -> str:
    """Check that a template uses only plain {ticket}, {counter} and {service} and names the first two."""
    try:
        fields = [
            (name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(template)
        ]
    except ValueError as exc:
        raise InvalidInput("voice.template_malformed", problem=str(exc)) from None
    names = {name for name, _, _ in fields if name is not None}
    unknown = names - PLACEHOLDERS
    if unknown:
        raise InvalidInput("voice.template_unknown", names=[f"{{{name}}}" for name in sorted(unknown)])
    if any(name is not None and (spec or conversion) for name, spec, conversion in fields):
        raise InvalidInput("voice.template_format")
    missing = {"ticket", "counter"} - names
    if missing:
        raise InvalidInput("voice.template_missing", names=[f"{{{name}}}" for name in sorted(missing)])
    return template


def announcement(
    label: str,
    counter_number: int,
    *,
    reading: NumberReading = NumberReading.WHOLE,
    service_name: str | None = None,
    template: str | None = None,
) -> str:
    """The sentence to speak for a call.

    Args:
        label: the ticket label, e.g. "A123".
        counter_number: the counter (loket) to go to.
        reading: whole-number or digit-by-digit reading of the ticket number.
        service_name: fills {service}; when given and no template is set, the service variant is used.
        template: an office's own wording with {ticket}, {counter} and optionally {service}.
    """
    if counter_number < 1:
        raise InvalidInput("counter.number_invalid", number=counter_number)
    if template is None:
        template = SERVICE_TEMPLATE if service_name else DEFAULT_TEMPLATE
    validate_template(template)
    if "{service}" in template and not service_name:
        raise InvalidInput("voice.template_service_unnamed")
    return template.format(
        ticket=speak_label(label, reading),
        counter=number_words(counter_number),
        service=service_name or "",
    )
