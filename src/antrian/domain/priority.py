"""Priority groups of Pelayanan Khusus (UU 25/2009 art. 29)."""

from enum import StrEnum

from antrian.domain.errors import InvalidInput


class PriorityGroup(StrEnum):
    DISABILITY = "disabilitas"
    ELDERLY = "lansia"
    PREGNANT = "hamil"
    CHILD = "anak"
    NATURAL_DISASTER = "bencana_alam"
    SOCIAL_DISASTER = "bencana_sosial"


def parse_group(text: str) -> PriorityGroup:
    try:
        return PriorityGroup(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            "priority.unknown_group", group=text, choices=[group.value for group in PriorityGroup]
        ) from None
