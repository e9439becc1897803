"""Table models of the supervisor's compliance report: per service, per counter, per operator.

Every number comes from the report's data classes as they are (ServiceFigures, CounterTime), so the tables
show the same figures as the summary line and the exports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from antrian import words
from antrian.domain.counter_time import CounterTime
from antrian.domain.figures import Figures, Share, Summary
from antrian.domain.timing import standard_words
from antrian.services.reports import Report, ServiceReport

Index = QModelIndex | QPersistentModelIndex
SHORT_HEADER = 12  # characters: a longer header of two or more words takes two lines
NAME_CHARACTERS = 26  # the widest the name column gets, in average characters


def duration(seconds: float | None) -> str:
    """``seconds`` as h:mm:ss (m:ss under an hour), "–" when there is none."""
    if seconds is None:
        return "–"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(share: Share) -> str:
    """The share in the language's format, one decimal: "93,3 %" in Indonesian, "93.3 %" in English."""
    shown = share.shown
    return "–" if shown is None else f"{words.number(shown, decimals=1)} %"


def count(value: int) -> str:
    """A whole number with the language's grouping: "1.234" in Indonesian, "1,234" in English."""
    return words.number(value)


def two_lines(header: str, longest: int = SHORT_HEADER) -> str:
    """A header of more than one word and ``longest`` characters on two lines, broken at the space nearest
    its middle, so a column is as wide as its figures rather than its name ("Within waiting target %" is
    "Within waiting" over "target %")."""
    spaces = [i for i, c in enumerate(header) if c == " "]
    if len(header) <= longest or not spaces:
        return header
    cut = min(spaces, key=lambda i: abs(len(header) - 2 * i))
    return f"{header[:cut]}\n{header[cut + 1 :]}"


def sortable_table(model: Any, *, stretch: int | None = None, row_height: int | None = None) -> QTableView:
    """A report table: sortable, alternate rows shaded, columns fit to their contents (``stretch``: the one
    that takes the rest of the width)."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    if row_height is not None:
        view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def fit_first_column(view: QTableView, most: int = NAME_CHARACTERS) -> None:
    """The first column (a service's or a counter's name) as wide as its longest entry, but not wider than
    ``most`` average characters: a longer name is elided, its tooltip has it whole."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    widest = max(view.sizeHintForColumn(0), header.sectionSizeHint(0))
    view.setColumnWidth(0, min(widest, view.fontMetrics().averageCharWidth() * most))


class Table(QAbstractTableModel):
    """Rows of (sort key, shown text) cells; sortable on the key."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[list[tuple[Any, str]]] = []
        self._headers: list[str] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def retranslate(self) -> None:
        self._headers = self.headers()
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.UserRole:
            return key
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return text  # the whole name, where the column elides it
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return two_lines(self._headers[section])
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        present = [row for row in self._rows if row[column][0] is not None]
        missing = [row for row in self._rows if row[column][0] is None]
        present.sort(key=lambda row: row[column][0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = present + missing
        self.layoutChanged.emit()

    def _set(self, rows: list[list[tuple[Any, str]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column][1]


def _count(value: int) -> tuple[Any, str]:
    return value, count(value)


def _span(value: float | None) -> tuple[Any, str]:
    return value, duration(value)


def _summary(summary: Summary) -> list[tuple[Any, str]]:
    return [
        _span(summary.p50),
        _span(summary.p90),
        _span(summary.p95),
        _span(summary.max),
        _span(summary.mean),
    ]


def _share(share: Share) -> list[tuple[Any, str]]:
    return [_count(share.within), _count(share.over), (share.percent, percent(share))]


class ServiceReportModel(Table):
    """One row per service and group (all, priority, normal)."""

    def __init__(self) -> None:
        super().__init__()
        self.retranslate()

    def headers(self) -> list[str]:
        mean = QCoreApplication.translate("ReportModels", "mean")
        names = [
            QCoreApplication.translate("ReportModels", "Service"),
            QCoreApplication.translate("ReportModels", "Group"),
            QCoreApplication.translate("ReportModels", "Issued"),
            QCoreApplication.translate("ReportModels", "Served"),
            QCoreApplication.translate("ReportModels", "No-show"),
            QCoreApplication.translate("ReportModels", "Cancelled"),
            QCoreApplication.translate("ReportModels", "Expired"),
            QCoreApplication.translate("ReportModels", "Transferred"),
        ]
        for what in (
            QCoreApplication.translate("ReportModels", "Waiting"),
            QCoreApplication.translate("ReportModels", "Service time"),
        ):
            names += [f"{what} {p}" for p in ("p50", "p90", "p95", "max")] + [f"{what} {mean}"]
        names += [
            QCoreApplication.translate("ReportModels", "Within standard"),
            QCoreApplication.translate("ReportModels", "Over standard"),
            QCoreApplication.translate("ReportModels", "Within standard %"),
            QCoreApplication.translate("ReportModels", "Within waiting target"),
            QCoreApplication.translate("ReportModels", "Over waiting target"),
            QCoreApplication.translate("ReportModels", "Within waiting target %"),
        ]
        return [*names, QCoreApplication.translate("ReportModels", "Standard")]

    def show(self, services: Sequence[ServiceReport]) -> None:
        rows = []
        for service in services:
            figures = service.figures
            standard = "; ".join(
                words.say(standard_words(s.value, s.unit.value)) + (f" ({s.decree})" if s.decree else "")
                for s in figures.standards
            )
            # the "all" row always; the priority and normal rows only when they have tickets
            groups: list[tuple[str, Figures, bool]] = [
                (QCoreApplication.translate("ReportModels", "all"), figures.all, True),
                (QCoreApplication.translate("ReportModels", "priority"), figures.priority, False),
                (QCoreApplication.translate("ReportModels", "normal"), figures.normal, False),
            ]
            for group, f, always in groups:
                if not always and f.issued == 0:
                    continue
                rows.append(
                    [(service.code, f"{service.code} {service.name}"), (group, group)]
                    + [
                        _count(n)
                        for n in (f.issued, f.served, f.no_show, f.cancelled, f.expired, f.transferred)
                    ]
                    + _summary(f.waiting)
                    + _summary(f.service_time)
                    + _share(f.within_standard)
                    + _share(f.within_waiting_target)
                    + [(standard, standard or "–")]
                )
        self._set(rows)


class TimeModel(Table):
    """One row per counter or operator: served, mean service, time open, serving, paused by reason, idle."""

    def __init__(self, first: Callable[[], str]) -> None:
        super().__init__()
        self._first = first
        self._reasons: list[str] = []
        self.retranslate()

    def headers(self) -> list[str]:
        paused = QCoreApplication.translate("ReportModels", "Paused")
        names = [
            self._first(),
            QCoreApplication.translate("ReportModels", "Served"),
            QCoreApplication.translate("ReportModels", "Mean service time"),
            QCoreApplication.translate("ReportModels", "Time open"),
            QCoreApplication.translate("ReportModels", "Serving"),
        ]
        names += [f"{paused}: {reason}" for reason in self._reasons]
        return [
            *names,
            QCoreApplication.translate("ReportModels", "Paused (total)"),
            QCoreApplication.translate("ReportModels", "Idle"),
        ]

    def show(self, times: dict[Any, CounterTime]) -> None:
        self.beginResetModel()
        self._reasons = sorted({reason for t in times.values() for reason in t.paused})
        self._headers = self.headers()
        self._rows = [
            [(name, str(name)), _count(t.served), _span(t.mean_service), _span(t.session), _span(t.serving)]
            + [_span(t.paused.get(reason, 0.0)) for reason in self._reasons]
            + [_span(t.paused_total), _span(t.idle)]
            for name, t in sorted(times.items(), key=lambda item: str(item[0]))
        ]
        self.endResetModel()


def summary_numbers(report: Report) -> dict[str, Any]:
    """The office totals the summary line shows (the same as the tables' sums)."""
    office = report.office
    within = sum(s.figures.all.within_standard.within for s in report.services)
    of = sum(s.figures.all.within_standard.of for s in report.services)
    return {
        "issued": sum(s.figures.all.issued for s in report.services),
        "citizens": office.citizens,
        "served": office.served,
        "transfers": office.transfers,
        "within": Share(within, of),
        "stay_mean": office.stay.mean,
    }
