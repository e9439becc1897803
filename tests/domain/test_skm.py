"""The SKM arithmetic (Permenpan RB 14/2017) against hand-computed answers."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from antrian.domain.errors import InvalidInput
from antrian.domain.skm import (
    GRADE_BANDS,
    UNSUR,
    Grade,
    Unsur,
    check_answers,
    grade_of,
    index_of,
    index_of_answers,
    required_sample,
    round_half_up,
)
from tests.helpers import raises_code


def test_the_nine_unsur_in_the_regulations_order() -> None:
    assert [(u.code, u.value) for u in UNSUR] == [
        ("U1", "Persyaratan"),
        ("U2", "Sistem, Mekanisme dan Prosedur"),
        ("U3", "Waktu Penyelesaian"),
        ("U4", "Biaya/Tarif"),
        ("U5", "Produk Spesifikasi Jenis Pelayanan"),
        ("U6", "Kompetensi Pelaksana"),
        ("U7", "Perilaku Pelaksana"),
        ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
        ("U9", "Sarana dan Prasarana"),
    ]


def test_one_respondent() -> None:
    """4,3,4,4,3,3,4,4,3: each NRR is the answer; weighted = 32/9 = 3.5556; IKM = 32/9 x 25 = 800/9 =
    88.888... -> 88.89, grade A (Sangat Baik); the lowest are U2, U5, U6 and U9 (3 each)."""
    index = index_of_answers([[4, 3, 4, 4, 3, 3, 4, 4, 3]])
    assert index.respondents == 1
    assert index.nrr == tuple(Fraction(v) for v in (4, 3, 4, 4, 3, 3, 4, 4, 3))
    assert index.weighted == Fraction(32, 9)
    assert index.ikm_exact == Fraction(800, 9)
    assert index.ikm == Decimal("88.89")
    assert index.grade is Grade.A and index.grade.meaning == "sangat_baik"
    assert index.lowest == (Unsur.U2, Unsur.U5, Unsur.U6, Unsur.U9)


def test_150_respondents() -> None:
    """90 respondents answer 3 to everything; 60 answer 4 to U1-U8 and 2 to U9.

    NRR U1-U8 = (90x3 + 60x4) / 150 = 510/150 = 3.4; NRR U9 = (90x3 + 60x2) / 150 = 390/150 = 2.6.
    Weighted = (8 x 3.4 + 2.6) / 9 = 29.8/9 = 3.3111...; IKM = 29.8/9 x 25 = 745/9 = 82.777... -> 82.78,
    grade B (Baik); lowest U9.
    """
    index = index_of_answers([[3] * 9] * 90 + [[4] * 8 + [2]] * 60)
    assert index.respondents == 150
    assert index.sums == (510,) * 8 + (390,)
    assert index.nrr == (Fraction(17, 5),) * 8 + (Fraction(13, 5),)
    assert index.weighted == Fraction(149, 45)
    assert index.weighted_nrr is not None and sum(index.weighted_nrr) == index.weighted
    assert index.ikm == Decimal("82.78")
    assert index.grade is Grade.B and index.grade.meaning == "baik"
    assert index.lowest == (Unsur.U9,)


def test_exactly_one_ninth_reaches_100() -> None:
    """All 4s: weighted 4, IKM 100.00 (the printed weight 0.111 would give 99.90)."""
    index = index_of_answers([[4] * 9] * 7)
    assert (index.weighted, index.ikm, index.grade) == (4, Decimal("100.00"), Grade.A)
    assert index_of_answers([[1] * 9]).ikm == Decimal("25.00")


@pytest.mark.parametrize(
    ("ikm", "grade", "meaning"),
    [
        ("25.00", Grade.D, "tidak_baik"),
        ("64.99", Grade.D, "tidak_baik"),
        ("65.00", Grade.C, "kurang_baik"),
        ("76.60", Grade.C, "kurang_baik"),
        ("76.61", Grade.B, "baik"),
        ("88.30", Grade.B, "baik"),
        ("88.31", Grade.A, "sangat_baik"),
        ("100.00", Grade.A, "sangat_baik"),
    ],
)
def test_grade_boundaries(ikm: str, grade: Grade, meaning: str) -> None:
    assert grade_of(Decimal(ikm)) is grade
    assert grade.meaning == meaning


def test_the_grade_bands_printed_are_the_grading() -> None:
    """The table the SKM PDF prints: A 88.31-100.00, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99."""
    assert [(grade, str(low), str(high)) for grade, low, high in GRADE_BANDS] == [
        (Grade.A, "88.31", "100.00"),
        (Grade.B, "76.61", "88.30"),
        (Grade.C, "65.00", "76.60"),
        (Grade.D, "25.00", "64.99"),
    ]
    assert all(grade_of(low) is grade_of(high) is grade for grade, low, high in GRADE_BANDS)


def test_rounding_is_half_up_on_the_exact_value_and_only_then_graded() -> None:
    assert round_half_up(Fraction(17661, 200)) == Decimal("88.31")  # 88.305 exactly: up, grade A
    assert grade_of(round_half_up(Fraction(17661, 200))) is Grade.A
    assert round_half_up(Fraction(17661, 200) - Fraction(1, 10**9)) == Decimal("88.30")  # grade B
    assert round_half_up(Fraction(12997, 200)) == Decimal("64.99")  # 64.985: up to 64.99, still D
    assert round_half_up(Fraction(12999, 200)) == Decimal("65.00")  # 64.995: up to 65.00, C
    assert round_half_up(Fraction(800, 9)) == Decimal("88.89")


def test_answer_sets_on_the_boundaries() -> None:
    """IKM = 25 x (every score added up) / (9 x respondents).

    65.00: 5 respondents, 3 answering 3 to U1-U5 and 2 to U6-U9 (23 each), 2 answering 3 to U1-U6 and 2 to
    U7-U9 (24 each): total 117; 25 x 117 / 45 = 65 exactly -> C.
    76.60: 125 respondents answering 3 to all (27), 72 of them 4 to U1: total 3,375 + 72 = 3,447;
    25 x 3,447 / 1,125 = 76.6 exactly -> C (NRR U1 = 447/125 = 3.576, the others 3).
    88.30: 250 respondents, 133 answering 4 to all (36), 117 answering 3 to all (27): total 7,947;
    25 x 7,947 / 2,250 = 88.3 exactly -> B.
    """
    at_65 = index_of_answers([[3] * 5 + [2] * 4] * 3 + [[3] * 6 + [2] * 3] * 2)
    assert (at_65.ikm_exact, at_65.ikm, at_65.grade) == (65, Decimal("65.00"), Grade.C)
    at_76 = index_of_answers([[4] + [3] * 8] * 72 + [[3] * 9] * 53)
    assert at_76.nrr is not None and at_76.nrr[0] == Fraction("3.576")
    assert (at_76.ikm_exact, at_76.ikm, at_76.grade) == (Fraction("76.6"), Decimal("76.60"), Grade.C)
    at_88 = index_of_answers([[4] * 9] * 133 + [[3] * 9] * 117)
    assert (at_88.ikm_exact, at_88.ikm, at_88.grade) == (Fraction("88.3"), Decimal("88.30"), Grade.B)


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (0, 0),
        (1, 1),
        (10, 10),
        (100, 80),
        (1000, 278),
        (10000, 370),
        (1_000_000, 384),
        (1_471_104, 384),
        (1_471_105, 384),  # the formula gives 384.00000007, which rounded up would ask for 385
        (10**12, 384),
    ],
)
def test_krejcie_morgan(population: int, sample: int) -> None:
    """s = 3.841 x N x 0.25 / (0.0025 (N-1) + 3.841 x 0.25): N = 100 gives 96.025 / 1.20775 = 79.5 -> 80;
    1,000: 960.25 / 3.45775 = 277.7 -> 278; 10,000: 9,602.5 / 25.95775 = 369.9 -> 370; 1,000,000:
    383.95 -> 384; the published table's 384 for anything larger."""
    assert required_sample(population) == sample


def test_no_respondent_no_index() -> None:
    index = index_of(0, [0] * 9)
    assert (index.nrr, index.ikm, index.grade, index.lowest) == (None, None, None, ())


def test_bad_answers_are_named() -> None:
    with raises_code(InvalidInput, "skm.answer_count", given=8, wanted=9):
        check_answers([3] * 8)
    with raises_code(InvalidInput, "skm.answer_range", unsur="U4", value=5):
        check_answers([3, 3, 3, 5, 3, 3, 3, 3, 3])
    with raises_code(InvalidInput, "skm.answer_range", unsur="U1", value=0):
        check_answers([0, 3, 3, 3, 3, 3, 3, 3, 3])
    with raises_code(InvalidInput, "skm.answer_missing", unsur="U2"):
        check_answers([3, None, 3, 3, 3, 3, 3, 3, 3])
    check_answers([3, None, 3, 3, 3, 3, 3, 3, 3], complete=False)
