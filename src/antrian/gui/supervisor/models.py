"""The live monitor's tables as Qt models over the last ``MonitorSnapshot``.

``show(snapshot, now)`` replaces what a model shows (a re-read from the change feed); ``tick(now)`` only moves
the clock: the running times and the flags, which depend on time alone, are recomputed from the same
snapshot and the views repaint, with no database read. A flagged row is tinted and its flagged cell red and
bold; the cell's tooltip says why.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from antrian import words
from antrian.gui import theme
from antrian.services.monitor import CounterLive, ServiceLive, StationLive
from antrian.services.stations import StationKind

Index = QModelIndex | QPersistentModelIndex
FLAG_ROW = theme.colour("flag_soft")
FLAG_TEXT = theme.colour("red")
QUIET_TEXT = theme.colour("slate")
NONE = "—"


def clock_text(span: timedelta) -> str:
    """A running time as a stopwatch shows it: 7:05, 1:02:09 (a negative one, clock skew, counts as none)."""
    total = max(0, int(span.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


class MonitorModel(QAbstractTableModel):
    """Rows of one kind, the instant they are shown at, and the office's time zone for clock times."""

    def __init__(self, zone: tzinfo) -> None:
        super().__init__()
        self._rows: tuple[Any, ...] = ()
        self._now = datetime.min
        self.zone = zone

    def headers(self) -> list[str]:
        raise NotImplementedError

    def show(self, rows: tuple[Any, ...], now: datetime) -> None:
        self.beginResetModel()
        self._rows, self._now = rows, now
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def retranslate(self) -> None:
        """Headers and cells in the interface language (its words are made at each ``data`` call)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.tick(self._now)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flagged(self, row: Any) -> set[int]:
        """The columns of ``row`` that carry a flag now (empty: the row is not flagged)."""
        raise NotImplementedError

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tip(self, row: Any, column: int) -> str | None:
        return None

    def flag_count(self) -> int:
        return sum(1 for row in self._rows if self.flagged(row))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            flags = self.flagged(row)
            if role == Qt.ItemDataRole.BackgroundRole:
                return FLAG_ROW if flags else None
            if column not in flags:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return FLAG_TEXT
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0 and self.numeric(column):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def numeric(self, column: int) -> bool:
        return False

    def local(self, instant: datetime) -> str:
        return words.clock_time(instant.astimezone(self.zone))


class ServiceModel(MonitorModel):
    """Per service: waiting, the longest wait and its ticket, how many over the waiting target, served today
    and the share within today's standard."""

    WAITING, LONGEST, TICKET, OVER, SERVED, WITHIN = range(1, 7)

    def headers(self) -> list[str]:
        return [
            self.tr("Service"),
            self.tr("Waiting"),
            self.tr("Longest wait"),
            self.tr("Ticket"),
            self.tr("Over target"),
            self.tr("Served"),
            self.tr("Within standard"),
        ]

    def numeric(self, column: int) -> bool:
        return column != self.TICKET

    def flagged(self, row: ServiceLive) -> set[int]:
        return {self.LONGEST, self.TICKET, self.OVER} if row.over_target(self._now) else set()

    def text(self, row: ServiceLive, column: int) -> str:
        longest = row.longest(self._now)
        if column == 0:
            return f"{row.code}  {row.name}"
        if column == self.WAITING:
            return str(len(row.waiting))
        if column == self.LONGEST:
            return clock_text(longest[1]) if longest else NONE
        if column == self.TICKET:
            return longest[0].label if longest else NONE
        if column == self.OVER:
            if row.waiting_target is None:
                return NONE
            return self.tr("{n} (target {target})").format(
                n=row.over_target(self._now), target=words.duration(row.waiting_target)
            )
        if column == self.SERVED:
            return str(row.served)
        share = row.within_standard
        if row.standard is None:
            return self.tr("not measurable here")
        if share.shown is None:
            return NONE
        return self.tr("{percent} % ({within} of {of})").format(
            percent=words.number(share.shown, decimals=1), within=share.within, of=share.of
        )

    def tip(self, row: ServiceLive, column: int) -> str | None:
        if column == self.OVER and row.waiting_target is None:
            return self.tr("This service has no waiting target")
        if column == self.WITHIN and row.standard is None:
            return self.tr("The standard is in working days: it measures the whole process, not the counter")
        if column == self.WITHIN and row.standard is not None:
            return self.tr("Standard in force today: {standard}").format(
                standard=words.duration(row.standard)
            )
        if column == self.LONGEST and row.over_target(self._now):
            return self.tr("Waiting longer than the target")
        return None


class CounterModel(MonitorModel):
    """Per counter: its state, operator, current ticket and how long it has been at the counter."""

    STATE, OPERATOR, TICKET, RUNNING, STANDARD = range(1, 6)

    def headers(self) -> list[str]:
        return [
            self.tr("Counter"),
            self.tr("State"),
            self.tr("Operator"),
            self.tr("Ticket"),
            self.tr("Time"),
            self.tr("Standard"),
        ]

    def numeric(self, column: int) -> bool:
        return column in (self.RUNNING, self.STANDARD)

    def flagged(self, row: CounterLive) -> set[int]:
        return {self.TICKET, self.RUNNING} if row.over_standard(self._now) else set()

    def text(self, row: CounterLive, column: int) -> str:
        if column == 0:
            return self.tr("Counter {number}").format(number=row.number)
        if column == self.STATE:
            state = words.text(f"counter_state.{row.state}")
            state = state[:1].upper() + state[1:]  # a cell of its own, not a word inside a sentence
            if row.state == "paused" and row.pause_reason:
                return self.tr("{state}: {reason}").format(state=state, reason=row.pause_reason)
            return state
        if column == self.OPERATOR:
            return row.operator or NONE
        if column == self.TICKET:
            if row.ticket is None:
                return NONE
            step = self.tr("serving") if row.ticket_status == "serving" else self.tr("called")
            return f"{row.ticket} · {step}"
        if column == self.RUNNING:
            running = row.running(self._now)
            return clock_text(running) if running is not None else NONE
        return words.duration(row.standard) if row.standard is not None and row.ticket else NONE

    def tip(self, row: CounterLive, column: int) -> str | None:
        if column == self.STATE and row.state_since is not None and row.state != "closed":
            return self.tr("Since {time}").format(time=self.local(row.state_since))
        if column == self.RUNNING and row.over_standard(self._now):
            return self.tr("Service time is over the standard")
        return None


class StationModel(MonitorModel):
    """Every display and kiosk: what stops it working, and when it last reported."""

    KIND, STATUS, SEEN = 1, 2, 3

    def headers(self) -> list[str]:
        return [self.tr("Station"), self.tr("Kind"), self.tr("Status"), self.tr("Last seen")]

    def flagged(self, row: StationLive) -> set[int]:
        if row.silent(self._now):
            return {self.STATUS, self.SEEN}
        return {self.STATUS} if row.problem is not None else set()

    def text(self, row: StationLive, column: int) -> str:
        if column == 0:
            return row.name
        if column == self.KIND:
            return self.tr("Display") if row.kind is StationKind.DISPLAY else self.tr("Kiosk")
        if column == self.STATUS:
            if row.silent(self._now):
                return self.tr("Not seen for over 3 minutes")
            return words.say(row.problem) if row.problem is not None else self.tr("Works")
        return self.local(row.last_seen)

    def tip(self, row: StationLive, column: int) -> str | None:
        if column == self.STATUS and row.silent(self._now) and row.problem is not None:
            return self.tr("Last problem reported: {problem}").format(problem=words.say(row.problem))
        return self.text(row, column) if column == self.STATUS else None  # a narrow window cuts it short


def table_view(model: MonitorModel, stretch: int) -> QTableView:
    """A read-only monitor table: no selection, no focus, one column stretched."""
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(False)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(27)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view
