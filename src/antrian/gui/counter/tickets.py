"""The counter panel's ticket lists as a Qt model: one row a ticket (number, service, and the time it has
waited or its status), kept in step with each new read by ticket id.

A new read changes only what changed: the tickets that left are removed, the new ones inserted, the ones
that moved up moved, the ones whose details changed updated, each with Qt's model signals, so a view keeps
its selection on the ticket (not the row) and redraws only the rows that changed. The clock's tick changes
the waiting times' column alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from antrian import words
from antrian.domain.status import Status
from antrian.gui import theme
from antrian.gui.counter.spans import span_text
from antrian.services.desk import QueueEntry

COLUMNS = 3
LAST = COLUMNS - 1
Index = QModelIndex | QPersistentModelIndex


class Last(Enum):
    """What the last column says: how long the ticket has waited, or its status (held, not present)."""

    WAITED = "waited"
    STATUS = "status"


class TicketModel(QAbstractTableModel):
    """The tickets of one list, in the order read; ``Qt.UserRole`` of any cell is the ticket's number.

    The row of the ticket called next (``next_id``) is bold and marked ▶; a priority ticket's row is green,
    marked ★, with a tooltip.
    """

    def __init__(self, last: Last, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last = last
        self._entries: list[QueueEntry] = []
        self._next_id: int | None = None
        self._now: datetime | None = None
        self._headers: tuple[str, ...] = ("",) * COLUMNS

    # -- the model ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return entry.number
        if role == Qt.ItemDataRole.FontRole and entry.id == self._next_id:
            font = QFont()  # only the weight: the rest comes from the view's font
            font.setBold(True)
            return font
        if entry.priority_group and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(theme.colour("priority_soft"))
        if entry.priority_group and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Priority service")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < COLUMNS else None
        return super().headerData(section, orientation, role)

    def _text(self, entry: QueueEntry, column: int) -> str:
        if column == 0:
            return (
                ("▶ " if entry.id == self._next_id else "")
                + entry.number
                + (" ★" if entry.priority_group else "")
            )
        if column == 1:
            return f"{entry.service} · {entry.service_name}"
        if self.last is Last.STATUS:
            return words.show(Status(entry.status))
        return span_text(self._now - entry.issued_at) if self._now is not None else ""

    # -- changes --------------------------------------------------------------------------------------
    def entries(self) -> tuple[QueueEntry, ...]:
        return tuple(self._entries)

    def set_entries(self, entries: Sequence[QueueEntry], next_id: int | None = None) -> None:
        """Show ``entries`` (ticket ids unique), changing only the rows whose ticket left, came, moved or
        changed."""
        before = self._next_id
        self._next_id = next_id
        marked = {before, next_id} if before != next_id else set()
        self._remove_gone({entry.id for entry in entries})
        kept = {entry.id for entry in self._entries}
        row = 0
        while row < len(entries):
            entry = entries[row]
            if entry.id not in kept:  # new tickets: inserted, a run of them at once
                end = row + 1
                while end < len(entries) and entries[end].id not in kept:
                    end += 1
                self.beginInsertRows(QModelIndex(), row, end - 1)
                self._entries[row:row] = entries[row:end]
                self.endInsertRows()
                row = end
                continue
            if self._entries[row].id != entry.id:  # moved up past the ones that follow it now
                source = next(
                    r for r in range(row + 1, len(self._entries)) if self._entries[r].id == entry.id
                )
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), row)
                self._entries.insert(row, self._entries.pop(source))
                self.endMoveRows()
            if self._entries[row] != entry or entry.id in marked:
                self._entries[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, LAST))
            row += 1

    def _remove_gone(self, wanted: set[int]) -> None:
        """Remove the rows whose ticket is not ``wanted``, a run of rows at once, from the bottom up."""
        row = len(self._entries) - 1
        while row >= 0:
            if self._entries[row].id in wanted:
                row -= 1
                continue
            last = row
            while row > 0 and self._entries[row - 1].id not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._entries[row : last + 1]
            self.endRemoveRows()
            row -= 1

    def set_now(self, now: datetime) -> None:
        """The waiting times as of ``now`` (the status column does not change with time)."""
        self._now = now
        if self.last is Last.WAITED and self._entries:
            self.dataChanged.emit(
                self.index(0, LAST), self.index(len(self._entries) - 1, LAST), [Qt.ItemDataRole.DisplayRole]
            )

    def set_headers(self, headers: tuple[str, str, str]) -> None:
        """The column titles, and every row said again (the interface language changed)."""
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, LAST)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, LAST))

    def widest_last(self) -> list[str]:
        """The longest texts the last column may hold (its width is set from them, not measured per row)."""
        if self.last is Last.STATUS:
            return [words.show(Status.HELD), words.show(Status.NO_SHOW)]
        return [span_text(timedelta(hours=9, minutes=59)), span_text(timedelta())]
