"""The supervisor window's "Satisfaction (SKM)" tab: the index of a period and the entry of paper forms.

The index page shows ``services.skm.skm_report`` for the period and service its controls say (by default
this month up to the office's day, every service): the respondents; the population (the citizens served)
with the required sample (Krejcie-Morgan) and the progress towards it, with a warning while it is not
reached; the converted IKM (2 decimals), its grade and meaning; the lowest element, what to improve first;
then tables of the nine elements (NRR, weighted NRR), the services, the respondents' profile, the
suggestions and the office's own questions. It is read on the worker whenever the controls change and when
the change feed brings a survey answered anywhere ("survey_answered"); a result that arrives for other
controls than those on screen is dropped. The report on screen exports as XLSX or JSON (``reports.skm``).

The entry page is ``skm_entry.EntryPage``.

Signals:
    shown(object): an ``SkmReport`` is on screen.
    exported(object): the path written, or the error of an export that failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antrian import words
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, system_clock
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.supervisor.report import say
from antrian.gui.supervisor.report_models import fit_first_column, sortable_table
from antrian.gui.supervisor.skm_entry import EntryPage
from antrian.gui.supervisor.skm_headline import Headline
from antrian.gui.supervisor.skm_models import (
    LocalModel,
    ProfileModel,
    ServiceSkmModel,
    SuggestionModel,
    UnsurModel,
)
from antrian.gui.tasks import Background
from antrian.gui.widgets import day_edit, day_of
from antrian.printing.evidence_pdf import Letterhead
from antrian.printing.skm_pdf import write_skm_pdf
from antrian.services.monitor import MonitorSnapshot
from antrian.services.results import EventInfo
from antrian.services.skm import SkmReport
from antrian.store.database import Database

log = logging.getLogger(__name__)

# The export formats offered, in the format box's order. The evidence PDF (``antrian.printing.skm_pdf``,
# built separately) joins here and in ``write_export``.
FORMATS = ("pdf", "xlsx", "json")


@dataclass(frozen=True)
class Measured:
    """An index read on the worker, with what was asked, so a stale one can be told apart."""

    asked: tuple[date, date, str | None]
    report: SkmReport
    office: str
    address: str = ""
    logo: bytes | None = None  # the office's (services.branding); None: Antrian's emblem


def write_export(measured: Measured, path: Path, fmt: str) -> None:
    """Write the report on screen to ``path`` as ``fmt`` (one of ``FORMATS``), whole or not at all; the PDF
    with blank lines for the signer's name, NIP and place (signed by hand), as the compliance tab's."""
    from antrian.reports.skm import write_skm

    if fmt == "pdf":
        write_skm_pdf(measured.report, path, Letterhead(measured.office, measured.address, measured.logo))
        return
    write_skm(measured.report, path, fmt, office=measured.office)


def _view(model: Any, stretch: int | None) -> QTableView:
    return sortable_table(model, stretch=stretch, row_height=26)


class SkmTab(Retranslated, QWidget):
    shown = Signal(object)
    exported = Signal(object)

    def __init__(
        self,
        database: Database,
        run_in_background: Background,
        actor: Callable[[], Actor | None],
        snapshot: Callable[[], MonitorSnapshot | None],
        *,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__()
        theme.apply(self, "skm")
        self._database, self._background, self._actor, self._snapshot = (
            database,
            run_in_background,
            actor,
            snapshot,
        )
        self._clock = clock
        self.measured: Measured | None = None
        self._ready = self._reading = self._again = False
        self.entry = EntryPage(database, run_in_background, actor, snapshot, clock=clock)
        self._build()
        self.retranslate()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.index_page = QWidget()
        self.pages.addTab(self.index_page, "")
        self.pages.addTab(self.entry, "")
        column.addWidget(self.pages)

        page = QVBoxLayout(self.index_page)
        page.setContentsMargins(10, 6, 10, 10)
        page.setSpacing(6)
        bar = QHBoxLayout()
        self.first, self.last = day_edit(), day_edit()
        self.period_label, self.to_label, self.service_label = QLabel(), QLabel(), QLabel()
        self.service = QComboBox()
        self.service.addItem("", None)
        self.format = QComboBox()
        self.format.addItems([fmt.upper() for fmt in FORMATS])
        self.export_button = QPushButton()
        self.export_button.setEnabled(False)
        for widget in (
            self.period_label,
            self.first,
            self.to_label,
            self.last,
            self.service_label,
            self.service,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.format)
        bar.addWidget(self.export_button)
        page.addLayout(bar)
        self.headline = Headline()
        page.addWidget(self.headline)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        page.addWidget(self.message)

        self.unsur_model = UnsurModel()
        self.services_model = ServiceSkmModel()
        self.profile_models = {
            field: ProfileModel(field) for field in ("gender", "age", "education", "occupation")
        }
        self.suggestions_model = SuggestionModel()
        self.local_model = LocalModel()
        self.unsur_view = _view(self.unsur_model, 1)
        self.services_view = _view(self.services_model, None)
        self.profile_views = {field: _view(model, 0) for field, model in self.profile_models.items()}
        self.suggestions_view = _view(self.suggestions_model, 2)
        self.local_view = _view(self.local_model, 2)
        profile = QWidget()
        side_by_side = QHBoxLayout(profile)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        for view in self.profile_views.values():
            side_by_side.addWidget(view)
        self.tables = QTabWidget()
        for table in (self.unsur_view, self.services_view, profile, self.suggestions_view, self.local_view):
            self.tables.addTab(table, "")
        page.addWidget(self.tables, 1)

        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._asked_changed)
        self.service.currentIndexChanged.connect(self._asked_changed)
        self.export_button.clicked.connect(self._choose_export)

    def retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("Index (IKM)"))
        self.pages.setTabText(1, self.tr("Enter paper forms"))
        self.period_label.setText(self.tr("Period"))
        self.to_label.setText(self.tr("to"))
        self.service_label.setText(self.tr("Service"))
        self.service.setItemText(0, words.text("skm.summary.every_service"))
        self.export_button.setText(self.tr("Export…"))
        for i, text in enumerate(
            (
                words.text("skm.sheet.unsur"),
                words.text("skm.sheet.services"),
                words.text("skm.sheet.profile"),
                words.text("skm.sheet.suggestions"),
                words.text("skm.sheet.local"),
            )
        ):  # the workbook's sheet names: the tables are its sheets
            self.tables.setTabText(i, text)
        for model in (self.unsur_model, self.services_model, self.suggestions_model, self.local_model):
            model.retranslate()
        for profile in self.profile_models.values():
            profile.retranslate()
        self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.prepare()

    def prepare(self) -> None:
        """Once logged in and first shown: this month up to the office's day, its services, the entry page,
        and the first read."""
        snapshot = self._snapshot()
        if self._ready or snapshot is None or self._actor() is None:
            return
        self._ready = True
        for edit in (self.first, self.last):
            edit.blockSignals(True)
        self.first.setDate(QDate(snapshot.day.year, snapshot.day.month, 1))
        self.last.setDate(QDate(snapshot.day.year, snapshot.day.month, snapshot.day.day))
        for edit in (self.first, self.last):
            edit.blockSignals(False)
        self.service.blockSignals(True)
        for service in snapshot.services:
            self.service.addItem(f"{service.code} · {service.name}", service.code)
        self.service.blockSignals(False)
        self.entry.prepare()
        self.refresh()

    # -- reading --------------------------------------------------------------------------------------
    def asked(self) -> tuple[date, date, str | None]:
        """The period and service the controls say now."""
        return day_of(self.first), day_of(self.last), self.service.currentData()

    def _asked_changed(self) -> None:
        if self.measured is not None and self.measured.asked != self.asked():
            self.export_button.setEnabled(False)  # the figures on screen are of another period now
        self.refresh()

    def refresh(self) -> None:
        """Read the index the controls ask for, on the worker: one read at a time, and once more after it
        when asked again while it ran (its answer may predate what prompted the new request)."""
        actor = self._actor()
        if not self._ready or actor is None:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        asked = self.asked()
        database, clock = self._database, self._clock

        def work() -> Measured:
            from antrian.services.branding import get_logo
            from antrian.services.office import get_office
            from antrian.services.skm import skm_report

            with database.read() as session:
                report = skm_report(session, actor, asked[0], asked[1], asked[2], clock=clock)
                office = get_office(session)
                return Measured(asked, report, office.name, office.address, get_logo(session))

        self._background(work, self._measured)

    def _measured(self, result: Measured | Exception) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.refresh()
        if isinstance(result, Exception):
            say(self.message, error_text(result), error=True)
            return
        if result.asked != self.asked():
            log.info("SKM index of %s dropped: the controls changed while it was read", result.asked)
            return
        self.measured = result
        self.message.hide()
        self._fill()
        self.export_button.setEnabled(True)
        self.shown.emit(result.report)

    def _fill(self) -> None:
        if self.measured is None:
            self.headline.show_figures(None)
            return
        report = self.measured.report
        self.headline.show_figures(report.figures)
        self.unsur_model.show(report.figures)
        self.services_model.show(report.services)
        for field, model in self.profile_models.items():
            model.show(report.profile[field])
        self.suggestions_model.show(report.suggestions)
        self.local_model.show(report.local)
        fit_first_column(self.services_view)

    # -- the change feed ------------------------------------------------------------------------------
    def handle_events(self, events: list[EventInfo]) -> None:
        """A survey answered anywhere moves the index; a settings change may be a new questionnaire."""
        kinds = {event.kind for event in events}
        if "survey_answered" in kinds:
            self.refresh()
        if "settings_changed" in kinds and self._ready:
            self.entry.reload_questionnaire()

    # -- exporting ------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        if self.measured is None:
            return
        fmt = FORMATS[self.format.currentIndex()]
        start, end, service = self.measured.asked
        name = f"skm-{start.isoformat()}-{end.isoformat()}{'-' + service if service else ''}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the SKM"), name, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> None:
        """Write the index on screen to ``path`` as ``fmt`` on the worker, then say where or what failed."""
        measured = self.measured
        if measured is None:
            return

        def work() -> Path:
            write_export(measured, path, fmt)
            return path

        self.export_button.setEnabled(False)
        self._background(work, self._exported)

    def _exported(self, result: Path | Exception) -> None:
        self.export_button.setEnabled(self.measured is not None)
        if isinstance(result, Exception):
            say(self.message, error_text(result), error=True)
        else:
            say(self.message, self.tr("Saved to {path}").format(path=str(result)), error=False)
        self.exported.emit(result)
