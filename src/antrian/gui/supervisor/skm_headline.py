"""The headline of the supervisor's SKM index: the converted IKM, its grade and meaning, the respondents, the
population with the required sample and the progress towards it, a warning while the sample is not reached,
the weighted NRR and the lowest element (what to improve first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar

from antrian import words
from antrian.gui.i18n import Retranslated
from antrian.gui.supervisor.report_models import count
from antrian.gui.supervisor.skm_models import decimal_text, grade_text, ikm_text, unsur_text
from antrian.gui.theme.metrics import SIZE, TYPE
from antrian.services.skm import SkmFigures


def _sized(name: str, pixels: int) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = label.font()
    font.setPixelSize(pixels)
    label.setFont(font)
    return label


class Headline(Retranslated, QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("headline")
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        self.ikm_caption = QLabel()
        self.ikm = _sized("ikm", TYPE.index)
        self.grade = _sized("grade", TYPE.grade)
        self.meaning = QLabel()
        self.meaning.setObjectName("section")
        grid.addWidget(self.ikm_caption, 0, 0, 1, 3)
        grid.addWidget(self.ikm, 1, 0, 2, 1)
        grid.addWidget(self.grade, 1, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.meaning, 1, 2, 2, 1)
        self.respondents, self.population, self.weighted = QLabel(), QLabel(), QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(SIZE.progress)
        grid.addWidget(self.respondents, 0, 3)
        grid.addWidget(self.population, 1, 3)
        grid.addWidget(self.progress, 2, 3)
        grid.addWidget(self.weighted, 0, 4)
        self.sample_warning = QLabel()
        self.sample_warning.setObjectName("sampleWarning")
        self.sample_warning.setWordWrap(True)
        self.lowest = QLabel()
        self.lowest.setObjectName("lowest")
        self.lowest.setWordWrap(True)
        grid.addWidget(self.sample_warning, 1, 4)
        grid.addWidget(self.lowest, 2, 4)
        grid.setColumnStretch(4, 1)
        self.figures: SkmFigures | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.ikm_caption.setText(words.text("skm.summary.ikm"))
        self.show_figures(self.figures)

    def show_figures(self, figures: SkmFigures | None) -> None:
        """The figures of the index on screen; None: nothing read yet."""
        self.figures = figures
        if figures is None:
            for label in (
                self.ikm,
                self.grade,
                self.meaning,
                self.respondents,
                self.population,
                self.weighted,
            ):
                label.setText("")
            for widget in (self.sample_warning, self.lowest, self.progress):
                widget.hide()
            return
        self.ikm.setText(ikm_text(figures))
        self.grade.setText(figures.grade or "–")
        self.grade.setProperty("grade", figures.grade or "")
        self.grade.style().unpolish(self.grade)
        self.grade.style().polish(self.grade)
        self.meaning.setText(grade_text(figures.grade))
        self.respondents.setText(
            self.tr("{respondents}: {n} (unfinished, not counted: {incomplete})").format(
                respondents=words.text("skm.summary.respondents"),
                n=count(figures.respondents),
                incomplete=count(figures.incomplete),
            )
        )
        self.population.setText(
            self.tr("Population {population} · required sample {sample}").format(
                population=count(figures.population), sample=count(figures.required_sample)
            )
        )
        self.progress.show()
        self.progress.setRange(0, max(figures.required_sample, 1))
        self.progress.setValue(min(figures.respondents, max(figures.required_sample, 1)))
        self.progress.setFormat(f"{count(figures.respondents)} / {count(figures.required_sample)}")
        self.weighted.setText(f"{words.text('skm.summary.weighted')}: {decimal_text(figures.weighted)}")
        self.sample_warning.setText(
            words.text(
                "skm.summary.sample_short", respondents=figures.respondents, required=figures.required_sample
            )
        )
        self.sample_warning.setVisible(not figures.sample_reached)
        self.lowest.setText(
            f"{words.text('skm.summary.lowest')}: {', '.join(unsur_text(u) for u in figures.lowest)}"
        )
        self.lowest.setVisible(bool(figures.lowest))
