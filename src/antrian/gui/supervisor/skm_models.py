"""Table models of the supervisor's satisfaction (SKM) tab: the nine unsur, the services, the respondents'
profile, the suggestions and the office's own questions, over one ``services.skm.SkmReport``.

Numbers are shown as the exports show them (``reports.skm``): NRR and weighted NRR to 3 decimals and the IKM
to 2, each rounded half up from the exact value; headings and choices are the words catalogue's, so the
tables say what the workbook says, in the interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from antrian import words
from antrian.domain.skm import UNSUR, Grade, Unsur, round_half_up
from antrian.gui import theme
from antrian.gui.supervisor.report_models import Table, count
from antrian.reports.skm import choice_words
from antrian.services.skm import LocalResult, ServiceSkm, SkmFigures, Suggestion

Index = QModelIndex | QPersistentModelIndex
LOWEST_ROW = theme.colour("note_strong")  # the unsur to improve first
NONE = "–"
NRR_PLACES = 3


def decimal_text(value: Fraction | Decimal | None, places: int = NRR_PLACES) -> str:
    """An exact value rounded half up to ``places`` decimals, in the language's format ("3,444")."""
    if value is None:
        return NONE
    shown = value if isinstance(value, Decimal) else round_half_up(value, places)
    return words.number(float(shown), decimals=places)


def ikm_text(figures: SkmFigures) -> str:
    """The converted IKM, 2 decimals ("86,11"), as rounded once by the domain."""
    return decimal_text(figures.ikm, 2)


def grade_text(grade: Grade | None) -> str:
    """The grade's meaning in words ("Baik"), "–" without respondents."""
    return NONE if grade is None else words.text(f"skm.grade.{grade.meaning}")


def unsur_text(unsur: Unsur) -> str:
    """ "U9 Sarana dan Prasarana", the element's name in the interface language."""
    return f"{unsur.code} {words.show(unsur)}"


def _columns(*names: str) -> list[str]:
    return [words.text(f"skm.column.{name}") for name in names]


class _SkmTable(Table):
    """A ``Table`` whose headings are the words catalogue's and that can mark rows (bold, tinted)."""

    left: frozenset[int] = frozenset({0})  # the columns of text, aligned left

    def __init__(self) -> None:
        super().__init__()
        self.marked: frozenset[int] = frozenset()
        self.retranslate()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.left:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if index.row() in self.marked:
            if role == Qt.ItemDataRole.BackgroundRole:
                return LOWEST_ROW
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in self.left:
            return self.text(index.row(), index.column())  # the whole text, where the column elides it
        return super().data(index, role)


class UnsurModel(_SkmTable):
    """U1-U9: the element, the sum of its scores, its NRR and weighted NRR; the lowest marked."""

    left = frozenset({0, 1})

    def headers(self) -> list[str]:
        return _columns("code", "unsur", "sum", "nrr", "weighted")

    def show(self, figures: SkmFigures) -> None:
        nrr = figures.nrr or (None,) * len(UNSUR)
        weighted = figures.weighted_nrr or (None,) * len(UNSUR)
        self.marked = frozenset(UNSUR.index(unsur) for unsur in figures.lowest)
        self._set(
            [
                [
                    (position, unsur.code),
                    (position, words.show(unsur)),
                    (total, count(total)),
                    (value, decimal_text(value)),
                    (part, decimal_text(part)),
                ]
                for position, (unsur, total, value, part) in enumerate(
                    zip(UNSUR, figures.sums, nrr, weighted, strict=True)
                )
            ]
        )


class ServiceSkmModel(_SkmTable):
    """One row per service: respondents, population, required sample, IKM, grade and its meaning; a service
    whose sample is not reached yet is marked."""

    def headers(self) -> list[str]:
        return _columns("name", "respondents", "population", "required_sample", "ikm", "grade", "meaning")

    def show(self, services: Sequence[ServiceSkm]) -> None:
        self.marked = frozenset(i for i, s in enumerate(services) if not s.figures.sample_reached)
        self._set(
            [
                [
                    (s.code, f"{s.code} {s.name}"),
                    (s.figures.respondents, count(s.figures.respondents)),
                    (s.figures.population, count(s.figures.population)),
                    (s.figures.required_sample, count(s.figures.required_sample)),
                    (s.figures.ikm, ikm_text(s.figures)),
                    (s.figures.grade, s.figures.grade or NONE),
                    (s.figures.meaning, grade_text(s.figures.grade)),
                ]
                for s in services
            ]
        )


class ProfileModel(_SkmTable):
    """One profile field (gender, age, education, occupation): each choice's count and share."""

    def __init__(self, field: str) -> None:
        self.field = field
        super().__init__()

    def headers(self) -> list[str]:
        return [words.text(f"skm.profile.{self.field}"), *_columns("count"), "%"]

    def show(self, table: Sequence[tuple[str | None, int]]) -> None:
        total = sum(n for _choice, n in table)
        self._set(
            [
                [
                    (position, choice_words(self.field, choice)),
                    (n, count(n)),
                    (n, NONE if not total else words.number(100 * n / total, decimals=1)),
                ]
                for position, (choice, n) in enumerate(table)
            ]
        )


class SuggestionModel(_SkmTable):
    """The suggestions of the period, by day."""

    left = frozenset({1, 2})

    def headers(self) -> list[str]:
        return _columns("date", "service", "suggestion")

    def show(self, suggestions: Sequence[Suggestion]) -> None:
        self._set(
            [
                [(s.day, s.day.strftime("%d-%m-%Y")), (s.service, s.service), (s.text, s.text)]
                for s in suggestions
            ]
        )


class LocalModel(_SkmTable):
    """The office's own questions (not in the index): their answers and mean."""

    left = frozenset({2})

    def headers(self) -> list[str]:
        return _columns("version", "position", "question", "answers", "mean")

    def show(self, local: Sequence[LocalResult]) -> None:
        english = words.language() == "en"
        self._set(
            [
                [
                    (q.version, str(q.version)),
                    (q.position, str(q.position)),
                    (q.text_id, q.text_en if english else q.text_id),
                    (q.answers, count(q.answers)),
                    (q.mean, decimal_text(q.mean)),
                ]
                for q in local
            ]
        )
