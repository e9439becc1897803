"""Priority groups of Pelayanan Khusus."""

import pytest

from antrian.domain.errors import InvalidInput
from antrian.domain.priority import LABELS_ID, PriorityGroup, parse_group


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
    with pytest.raises(InvalidInput) as caught:
        parse_group(text)
    message = str(caught.value)
    assert repr(text) in message
    for group in PriorityGroup:
        assert group.value in message


def test_six_groups_of_the_law_each_with_an_indonesian_label() -> None:
    assert len(PriorityGroup) == 6
    assert set(LABELS_ID) == set(PriorityGroup)
    assert LABELS_ID[PriorityGroup.ELDERLY] == "Lanjut usia"
    assert LABELS_ID[PriorityGroup.DISABILITY] == "Penyandang disabilitas"
