"""Citizen satisfaction (SKM) arithmetic of Permenpan RB 14/2017, exactly.

Nine elements (unsur) U1-U9, each answered 1-4 by every respondent of a complete answer set. For each unsur,
NRR = the sum of its scores / the respondents. The unit's index is the weighted sum of the nine NRR with
weight exactly 1/9 (the regulation's printed 0.111 would cap a perfect score at 99.9), and the converted
IKM is that x 25 (25-100). Everything is a ``Fraction`` until the converted IKM, which is rounded once, to
2 decimals, half up on the exact value (88.305 exactly is 88.31), and graded on that rounded value:
25.00-64.99 D, 65.00-76.60 C, 76.61-88.30 B, 88.31-100.00 A.

The required sample is Krejcie-Morgan's (X^2 = 3.841, P = 0.5, d = 0.05), rounded up:
s = X^2 N P(1-P) / (d^2 (N-1) + X^2 P(1-P)); N = 100 -> 80, 1,000 -> 278, 10,000 -> 370, very large -> 384.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from antrian.domain.errors import InvalidInput

LOWEST, HIGHEST = 1, 4
WEIGHT = Fraction(1, 9)
CONVERSION = 25
LARGEST_SAMPLE = 384  # Krejcie-Morgan's table for a very large population


class Unsur(StrEnum):
    """The nine elements, in the regulation's order (its Indonesian names)."""

    U1 = "Persyaratan"
    U2 = "Sistem, Mekanisme dan Prosedur"
    U3 = "Waktu Penyelesaian"
    U4 = "Biaya/Tarif"
    U5 = "Produk Spesifikasi Jenis Pelayanan"
    U6 = "Kompetensi Pelaksana"
    U7 = "Perilaku Pelaksana"
    U8 = "Penanganan Pengaduan, Saran dan Masukan"
    U9 = "Sarana dan Prasarana"

    @property
    def code(self) -> str:
        return self.name


UNSUR: tuple[Unsur, ...] = tuple(Unsur)
UNSUR_CODES: tuple[str, ...] = tuple(u.code for u in UNSUR)


class Grade(StrEnum):
    """The service quality (mutu pelayanan); its meaning (kinerja unit) is ``meaning``."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def meaning(self) -> str:
        """The code of the grade's meaning: sangat_baik, baik, kurang_baik, tidak_baik."""
        return _MEANINGS[self]


_MEANINGS = {Grade.A: "sangat_baik", Grade.B: "baik", Grade.C: "kurang_baik", Grade.D: "tidak_baik"}
# the lowest rounded IKM of each grade, best first
_GRADE_FLOORS = ((Decimal("88.31"), Grade.A), (Decimal("76.61"), Grade.B), (Decimal("65.00"), Grade.C))
# each grade's range of the rounded IKM, best first: (grade, lowest, highest), as the regulation prints it
GRADE_BANDS: tuple[tuple[Grade, Decimal, Decimal], ...] = tuple(
    (grade, floor, ceiling)
    for (floor, grade), ceiling in zip(
        (*_GRADE_FLOORS, (Decimal("25.00"), Grade.D)),
        (Decimal("100.00"), *(floor - Decimal("0.01") for floor, _grade in _GRADE_FLOORS)),
        strict=True,
    )
)

# The optional respondent profile: the codes stored and reported (their words are in the catalogues).
GENDERS = ("male", "female")
AGE_BANDS = ("up_to_20", "21_30", "31_40", "41_50", "51_60", "over_60")
EDUCATIONS = ("sd", "smp", "sma", "d1_d3", "d4_s1", "s2", "s3")
OCCUPATIONS = ("pns", "tni", "polri", "private", "entrepreneur", "student", "other")
PROFILE_CHOICES: dict[str, tuple[str, ...]] = {
    "gender": GENDERS,
    "age": AGE_BANDS,
    "education": EDUCATIONS,
    "occupation": OCCUPATIONS,
}


def check_answers(values: Sequence[int | None], *, complete: bool = True) -> None:
    """Refuse answers that cannot be one respondent's: nine values (``complete``: none missing), each 1-4.

    Raises:
        InvalidInput: ``skm.answer_count`` (how many were given), ``skm.answer_missing`` (which unsur),
            ``skm.answer_range`` (which unsur and the value).
    """
    if len(values) != len(UNSUR):
        raise InvalidInput("skm.answer_count", given=len(values), wanted=len(UNSUR))
    for unsur, value in zip(UNSUR, values, strict=True):
        if value is None:
            if complete:
                raise InvalidInput("skm.answer_missing", unsur=unsur.code, name=unsur.value)
            continue
        if isinstance(value, bool) or not LOWEST <= value <= HIGHEST:
            raise InvalidInput(
                "skm.answer_range", unsur=unsur.code, name=unsur.value, value=value, low=LOWEST, high=HIGHEST
            )


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """``value`` rounded to ``places`` decimals, a half away from zero for positive values (88.305 -> 88.31),
    computed on the exact fraction (no binary floating point on the way)."""
    scaled = value * 10**places
    whole = math.floor(scaled + Fraction(1, 2)) if value >= 0 else -math.floor(-scaled + Fraction(1, 2))
    return Decimal(whole).scaleb(-places)


def grade_of(ikm: Decimal) -> Grade:
    """The grade of a converted IKM already rounded to 2 decimals (``round_half_up``)."""
    if not Decimal(25) <= ikm <= Decimal(100):
        raise ValueError(f"an IKM is 25-100, not {ikm}")
    for floor, grade in _GRADE_FLOORS:
        if ikm >= floor:
            return grade
    return Grade.D


def required_sample(population: int) -> int:
    """Krejcie-Morgan's sample for a population of ``population`` citizens, rounded up (never above it).

    The formula tends to 384.1 as the population grows, and rounded up it gives 385 from 1,471,105 citizens
    on; Krejcie and Morgan's published table, which the regulation's users read, ends at 384 for any larger
    population, so that is the largest sample asked for.
    """
    if population < 0:
        raise ValueError("a population is not negative")
    if population == 0:
        return 0
    chi2, p, d = Fraction("3.841"), Fraction(1, 2), Fraction(1, 20)
    s = chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p))
    return min(math.ceil(s), LARGEST_SAMPLE)


@dataclass(frozen=True, slots=True)
class Index:
    """The SKM figures of a set of complete respondents.

    ``sums`` and ``nrr`` are per unsur in U1-U9 order; ``nrr`` and ``weighted`` (the unit's index, 1-4) are
    exact; ``ikm`` is the converted index rounded to 2 decimals half up, ``ikm_exact`` before rounding. With
    no respondent there is no index (``nrr`` and the rest None).
    """

    respondents: int
    sums: tuple[int, ...]
    nrr: tuple[Fraction, ...] | None
    weighted: Fraction | None
    ikm_exact: Fraction | None
    ikm: Decimal | None
    grade: Grade | None
    lowest: tuple[Unsur, ...]

    @property
    def weighted_nrr(self) -> tuple[Fraction, ...] | None:
        """Each unsur's NRR x 1/9 (their sum is ``weighted``)."""
        return None if self.nrr is None else tuple(value * WEIGHT for value in self.nrr)


def index_of(respondents: int, sums: Sequence[int]) -> Index:
    """The index of ``respondents`` complete answer sets whose scores add up to ``sums`` per unsur (U1-U9).

    ``lowest`` is the unsur with the lowest NRR (all of them when tied), what to improve first.
    """
    if len(sums) != len(UNSUR):
        raise ValueError("nine sums, one per unsur")
    if respondents < 0 or any(not respondents * LOWEST <= s <= respondents * HIGHEST for s in sums):
        raise ValueError(f"sums {list(sums)} cannot come from {respondents} respondents")
    if respondents == 0:
        return Index(0, tuple(sums), None, None, None, None, None, ())
    nrr = tuple(Fraction(s, respondents) for s in sums)
    weighted = sum((value * WEIGHT for value in nrr), Fraction(0))
    ikm_exact = weighted * CONVERSION
    ikm = round_half_up(ikm_exact)
    low = min(nrr)
    lowest = tuple(unsur for unsur, value in zip(UNSUR, nrr, strict=True) if value == low)
    return Index(respondents, tuple(sums), nrr, weighted, ikm_exact, ikm, grade_of(ikm), lowest)


def index_of_answers(answer_sets: Iterable[Sequence[int]]) -> Index:
    """The index of complete answer sets, each nine values 1-4 in U1-U9 order (checked)."""
    sums = [0] * len(UNSUR)
    count = 0
    for values in answer_sets:
        check_answers(values)
        count += 1
        for position, value in enumerate(values):
            sums[position] += value
    return index_of(count, sums)
