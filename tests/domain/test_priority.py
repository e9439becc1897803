"""Priority groups of Pelayanan Khusus."""

import pytest

from antrian import words
from antrian.domain.errors import InvalidInput
from antrian.domain.priority import PriorityGroup, parse_group
from tests.helpers import raises_code


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("disabilitas", PriorityGroup.DISABILITY),
        ("lansia", PriorityGroup.ELDERLY),
        ("hamil", PriorityGroup.PREGNANT),
        ("anak", PriorityGroup.CHILD),
        ("bencana_alam", PriorityGroup.NATURAL_DISASTER),
        ("bencana_sosial", PriorityGroup.SOCIAL_DISASTER),
        ("  Lansia ", PriorityGroup.ELDERLY),
        ("HAMIL", PriorityGroup.PREGNANT),
        ("Bencana_Alam\n", PriorityGroup.NATURAL_DISASTER),
    ],
)
def test_parse_group_valid(text: str, group: PriorityGroup) -> None:
    assert parse_group(text) is group


@pytest.mark.parametrize(
    "text", ["", "  ", "elderly", "lanjut usia", "bencana alam", "bencana", "lansia2", "x"]
)
def test_parse_group_invalid_names_input_and_choices(text: str) -> None:
    with raises_code(InvalidInput, "priority.unknown_group", group=text) as caught:
        parse_group(text)
    assert caught.value.params["choices"] == [group.value for group in PriorityGroup]


def test_unknown_group_lists_the_choices_in_both_languages() -> None:
    with raises_code(InvalidInput, "priority.unknown_group") as caught:
        parse_group("elderly")
    choices = "disabilitas, lansia, hamil, anak, bencana_alam, bencana_sosial"
    assert words.say(caught.value, lang="id") == (
        f'Kelompok pelayanan khusus "elderly" tidak dikenal; pilih salah satu: {choices}'
    )
    assert words.say(caught.value, lang="en") == f'Unknown priority group "elderly"; use one of: {choices}'


def test_six_groups_of_the_law_each_with_a_label_in_both_languages() -> None:
    assert len(PriorityGroup) == 6
    for group in PriorityGroup:
        for lang in words.LANGUAGES:
            assert words.has(f"enum.PriorityGroup.{group.name.lower()}", lang), (group, lang)
    assert words.show(PriorityGroup.ELDERLY, lang="id") == "Lanjut usia"
    assert words.show(PriorityGroup.DISABILITY, lang="id") == "Penyandang disabilitas"
    assert words.show(PriorityGroup.ELDERLY, lang="en") == "Elderly"
    assert words.show(PriorityGroup.DISABILITY, lang="en") == "Persons with disabilities"
