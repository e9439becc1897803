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


LABELS_ID: dict[PriorityGroup, str] = {
    PriorityGroup.DISABILITY: "Penyandang disabilitas",
    PriorityGroup.ELDERLY: "Lanjut usia",
    PriorityGroup.PREGNANT: "Wanita hamil",
    PriorityGroup.CHILD: "Anak-anak",
    PriorityGroup.NATURAL_DISASTER: "Korban bencana alam",
    PriorityGroup.SOCIAL_DISASTER: "Korban bencana sosial",
}


def parse_group(text: str) -> PriorityGroup:
    try:
        return PriorityGroup(text.strip().lower())
    except ValueError:
        choices = ", ".join(group.value for group in PriorityGroup)
        raise InvalidInput(f"unknown priority group {text!r}; use one of {choices}") from None
