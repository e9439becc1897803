"""The supervisor window's "Report" tab: the compliance report of a period (a day, a week, a month, a year
or a range), of all services or one, as a summary line, tables and charts, and its export.

The report is read on a worker (``run_in_background``); a result that arrives after the period or the
service changed is dropped, so the tab never shows figures of another period than its controls say.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antrian.domain.figures import StandardFor
from antrian.domain.roles import Actor
from antrian.domain.timing import Clock, system_clock
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.forms.report_bar_ui import Ui_ReportTab
from antrian.gui.i18n import Retranslated
from antrian.gui.supervisor.charts import Heatmap, HourChart
from antrian.gui.supervisor.report_models import (
    ServiceReportModel,
    TimeModel,
    count,
    duration,
    fit_first_column,
    percent,
    sortable_table,
    summary_numbers,
)
from antrian.gui.tasks import Background
from antrian.gui.widgets import day_of
from antrian.printing.evidence_pdf import Letterhead
from antrian.printing.report_pdf import write_report_pdf
from antrian.services.monitor import MonitorSnapshot
from antrian.services.reports import Report
from antrian.store.database import Database

log = logging.getLogger(__name__)

DAY, WEEK, MONTH, YEAR, RANGE = range(5)
FORMATS = ("json", "csv", "xlsx", "pdf")
ZONE = "zone:"  # the service filter's data for a zone: "zone:DUKCAPIL" (service codes have no colon)


def period(kind: int, first: date, last: date) -> tuple[date, date]:
    """The service days a period of ``kind`` around ``first`` covers (``last`` only for a range)."""
    if kind == DAY:
        return first, first
    if kind == WEEK:
        monday = first - timedelta(days=first.weekday())
        return monday, monday + timedelta(days=6)
    if kind == MONTH:
        return first.replace(day=1), first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if kind == YEAR:
        return date(first.year, 1, 1), date(first.year, 12, 31)
    return first, last


@dataclass(frozen=True)
class Made:
    """A report read on the worker, with what was asked, so a stale one can be told apart."""

    asked: tuple[date, date, str | None]
    report: Report
    office: str
    standard_for: StandardFor
    address: str = ""
    logo: bytes | None = None  # the office's (services.branding); None: Antrian's emblem


def write_pdf_report(made: Made, path: Path) -> None:
    """Write ``made.report`` as the evidence PDF to ``path``, whole or not at all, with blank lines for the
    signer's name, NIP and place (signed by hand). Runs on the worker; its module is imported with this one,
    on the GUI thread (a first import of Qt modules on a worker thread once crashed the tests)."""
    write_report_pdf(made.report, path, Letterhead(made.office, made.address, made.logo))


def say(line: QLabel, text: str, *, error: bool) -> None:
    """A tab's message line shows ``text``, red for an error, green otherwise."""
    theme.mark(line, "said", "error" if error else "ok")
    line.setText(text)
    line.show()


class ReportTab(Retranslated, QWidget):
    """The compliance report of a chosen period; ``shown`` is emitted with each report put on screen,
    ``exported`` with the path (or the error text) of each export."""

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
        self._database, self._background, self._actor, self._snapshot = (
            database,
            run_in_background,
            actor,
            snapshot,
        )
        self._clock = clock
        self.made: Made | None = None
        self._ready = False
        self._build()
        self.retranslate()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 10)
        column.setSpacing(6)
        self.filters = QWidget(self)
        self.form = Ui_ReportTab()  # the period, the service and the export: ui/supervisor/report_bar.ui
        self.form.setupUi(self.filters)
        form = self.form
        self.kind, self.first, self.last, self.service = form.kind, form.first, form.last, form.service
        self.show_button, self.format, self.export_button = form.show_button, form.format, form.export_button
        for edit in (self.first, self.last):
            edit.setDate(QDate.currentDate())
        column.addWidget(self.filters)
        self.summary = QLabel()
        self.summary.setObjectName("section")
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        column.addWidget(self.message)

        self.services_model = ServiceReportModel()
        self.counters_model = TimeModel(lambda: self.tr("Counter"))
        self.operators_model = TimeModel(lambda: self.tr("Operator"))
        self.services_view = sortable_table(self.services_model)
        self.counters_view = sortable_table(self.counters_model)
        self.operators_view = sortable_table(self.operators_model)
        self.tables = QTabWidget()
        self.tables.addTab(self.services_view, "")
        self.tables.addTab(self.counters_view, "")
        self.tables.addTab(self.operators_view, "")
        self.hour_chart = HourChart()
        self.heatmap = Heatmap()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.hour_chart)
        charts.addWidget(self.heatmap)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tables)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        column.addWidget(split, 1)

        self.kind.currentIndexChanged.connect(self._period_changed)
        self.first.dateChanged.connect(self._period_changed)
        self.last.dateChanged.connect(self._period_changed)
        self.service.currentIndexChanged.connect(self._period_changed)
        self.show_button.clicked.connect(self.show_report)
        self.export_button.clicked.connect(self._choose_export)
        self._period_changed()

    def retranslate(self) -> None:
        self.form.retranslateUi(self.filters)
        self.tables.setTabText(0, self.tr("Per service"))
        self.tables.setTabText(1, self.tr("Per counter"))
        self.tables.setTabText(2, self.tr("Per operator"))
        for model in (self.services_model, self.counters_model, self.operators_model):
            model.retranslate()
        self._show_summary()
        if self.made is not None:
            self._fill(self.made.report)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        snapshot = self._snapshot()
        if self._ready or snapshot is None:
            return
        self._ready = True  # the office's day and its services, once: no read of its own
        day = QDate(snapshot.day.year, snapshot.day.month, snapshot.day.day)
        self.first.setDate(day)
        self.last.setDate(day)
        for service in snapshot.services:
            self.service.addItem(f"{service.code} · {service.name}", service.code)
        for code, name in snapshot.zones:  # a zone's services (a Mal Pelayanan Publik's agency)
            self.service.addItem(self.tr("Zone {code} · {name}").format(code=code, name=name), ZONE + code)

    # -- asking ---------------------------------------------------------------------------------------
    def asked(self) -> tuple[date, date, str | None]:
        """The period and service the controls say now."""
        start, end = period(self.kind.currentIndex(), day_of(self.first), day_of(self.last))
        return start, end, self.service.currentData()

    def _period_changed(self) -> None:
        self.last.setEnabled(self.kind.currentIndex() == RANGE)
        if self.kind.currentIndex() != RANGE:
            _, end = period(self.kind.currentIndex(), day_of(self.first), date.today())
            self.last.blockSignals(True)
            self.last.setDate(QDate(end.year, end.month, end.day))
            self.last.blockSignals(False)
        if self.made is not None and self.made.asked != self.asked():
            self.export_button.setEnabled(False)  # the figures on screen are of another period now

    def show_report(self) -> None:
        """Read the report of the period the controls say, off the GUI thread."""
        actor = self._actor()
        if actor is None:
            return
        asked = self.asked()
        database, clock = self._database, self._clock
        chosen = asked[2]  # a service's code, or ZONE and a zone's code

        def work() -> Made:
            from antrian.services.branding import get_logo
            from antrian.services.office import get_office
            from antrian.services.reports import compliance_report, standards_in_force
            from antrian.services.rollups import refresh_in_steps

            refresh_in_steps(database, asked[0], asked[1], clock=clock)  # closed days' roll-ups first
            with database.read() as session:
                standard_for = standards_in_force(session)
                office, logo = get_office(session), get_logo(session)
                report = compliance_report(
                    session,
                    asked[0],
                    asked[1],
                    actor=actor,
                    service=None if chosen is None or chosen.startswith(ZONE) else chosen,
                    zone=chosen.removeprefix(ZONE)
                    if chosen is not None and chosen.startswith(ZONE)
                    else None,
                    standard_for=standard_for,
                    clock=clock,
                )
            return Made(asked, report, office.name, standard_for, office.address, logo)

        self.show_button.setEnabled(False)
        self._background(work, self._made)

    def _made(self, result: Made | Exception) -> None:
        self.show_button.setEnabled(True)
        if isinstance(result, Exception):
            say(self.message, error_text(result), error=True)
            return
        if result.asked != self.asked():
            log.info("report of %s dropped: the period changed while it was read", result.asked)
            return
        self.made = result
        self.message.hide()
        self._fill(result.report)
        self.export_button.setEnabled(True)
        self.shown.emit(result.report)

    def _fill(self, report: Report) -> None:
        self.services_model.show(report.services)
        self.counters_model.show(dict(report.counters))
        self.operators_model.show(dict(report.operators))
        for view in (self.services_view, self.counters_view, self.operators_view):
            fit_first_column(view)
        self.hour_chart.show_hours(report.hours)
        self.heatmap.show_matrix(report.weekday_hour)
        self._show_summary()

    def _show_summary(self) -> None:
        if self.made is None:
            self.summary.setText(self.tr("Choose a period and press Show."))
            return
        report = self.made.report
        n = summary_numbers(report)
        self.summary.setText(
            self.tr(
                "{start} – {end}: {issued} tickets issued ({citizens} citizens, {transfers} transfers), "
                "{served} served, {within} within the standard ({of} measured), mean stay {stay}."
            ).format(
                start=report.start.strftime("%d-%m-%Y"),
                end=report.end.strftime("%d-%m-%Y"),
                issued=count(n["issued"]),
                citizens=count(n["citizens"]),
                transfers=count(n["transfers"]),
                served=count(n["served"]),
                within=percent(n["within"]),
                of=count(n["within"].of),
                stay=duration(n["stay_mean"]),
            )
        )

    # -- exporting ------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        if self.made is None:
            return
        fmt = FORMATS[self.format.currentIndex()]
        start, end, service = self.made.asked
        chosen = "-" + service.replace(ZONE, "zona-") if service else ""
        name = f"laporan-{start.isoformat()}-{end.isoformat()}{chosen}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), name, f"{fmt.upper()} (*.{fmt})"
        )
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str) -> None:
        """Write the report on screen to ``path`` as ``fmt`` on the worker, then say where or what failed."""
        made = self.made
        if made is None:
            return

        database = self._database

        def work() -> Path:
            if fmt == "pdf":
                write_pdf_report(made, path)
            else:
                from antrian.reports.exports import write_report
                from antrian.services.reports import report_log

                with database.read() as session:  # the log streams from the database while it is written
                    log = report_log(session, made.report)
                    write_report(made.report, path, fmt, office=made.office, log=log)
            return path

        self.export_button.setEnabled(False)
        self._background(work, self._exported)

    def _exported(self, result: Path | Exception) -> None:
        self.export_button.setEnabled(self.made is not None)
        if isinstance(result, Exception):
            say(self.message, error_text(result), error=True)
        else:
            say(self.message, self.tr("Report saved to {path}").format(path=str(result)), error=False)
        self.exported.emit(result)
