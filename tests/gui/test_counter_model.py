"""The counter panel's ticket lists as a Qt model (``gui.counter.tickets``): a new read changes the rows
whose ticket came, left, moved or changed, with the model signals Qt's views rely on, and nothing else; Qt's
own ``QAbstractItemModelTester`` watches every change."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from antrian.gui.counter.lists import TicketTable
from antrian.gui.counter.tickets import Last, TicketModel
from antrian.services.desk import QueueEntry
from tests.conftest import MONDAY_9AM


def entry(id: int, number: str, *, priority: str | None = None, status: str = "waiting") -> QueueEntry:
    issued = MONDAY_9AM - timedelta(minutes=id)
    return QueueEntry(id, number, number[0], "KTP", priority, status, issued, issued, 0)


A1, A2, A3, B1, B2 = (
    entry(1, "A001"),
    entry(2, "A002"),
    entry(3, "A003"),
    entry(4, "B001"),
    entry(5, "B002"),
)


@dataclass
class Seen:
    """The model's signals, in order: (name, first row, last row), moves as (name, source, destination)."""

    signals: list[tuple[str, int, int]] = field(default_factory=list)

    def of(self, name: str) -> list[tuple[int, int]]:
        return [(first, last) for kind, first, last in self.signals if kind == name]


@pytest.fixture
def model(qtbot: QtBot, qtlog) -> Iterator[tuple[TicketModel, Seen]]:  # type: ignore[no-untyped-def]
    tickets = TicketModel(Last.WAITED)
    tickets.set_now(MONDAY_9AM)
    tester = QAbstractItemModelTester(tickets, QAbstractItemModelTester.FailureReportingMode.Warning)
    seen = Seen()
    tickets.rowsInserted.connect(lambda _p, first, last: seen.signals.append(("inserted", first, last)))
    tickets.rowsRemoved.connect(lambda _p, first, last: seen.signals.append(("removed", first, last)))
    tickets.rowsMoved.connect(lambda _p, start, _end, _d, row: seen.signals.append(("moved", start, row)))
    tickets.dataChanged.connect(
        lambda top, bottom, _roles=(): seen.signals.append(("changed", top.row(), bottom.row()))
    )
    tickets.modelReset.connect(lambda: seen.signals.append(("reset", -1, -1)))
    yield tickets, seen
    complaints = [r.message for r in qtlog.records if r.message.startswith("FAIL!")]  # the tester's words
    assert complaints == [], complaints
    del tester


def numbers(tickets: TicketModel) -> list[str]:
    return [tickets.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(tickets.rowCount())]


def test_the_first_read_inserts_its_rows_at_once(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    tickets.set_entries([A1, A2, A3], next_id=1)
    assert seen.signals == [("inserted", 0, 2)]
    assert [tickets.index(r, 0).data() for r in range(3)] == ["▶ A001", "A002", "A003"]
    assert tickets.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert tickets.index(1, 0).data(Qt.ItemDataRole.FontRole) is None


def test_an_update_of_one_ticket_changes_its_row_alone(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    tickets.set_entries([A1, A2, A3], next_id=1)
    seen.signals.clear()
    tickets.set_entries([A1, replace(A2, priority_group="lansia"), A3], next_id=1)
    assert seen.signals == [("changed", 1, 1)]
    assert tickets.index(1, 0).data() == "A002 ★"
    assert tickets.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "Pelayanan Khusus"
    seen.signals.clear()
    tickets.set_entries([A1, replace(A2, priority_group="lansia"), A3], next_id=1)
    assert seen.signals == []  # the same read again: nothing to redraw


def test_a_called_ticket_leaves_and_the_next_mark_moves(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    tickets.set_entries([A1, A2, A3], next_id=1)
    seen.signals.clear()
    tickets.set_entries([A2, A3], next_id=2)
    assert seen.signals == [("removed", 0, 0), ("changed", 0, 0)]  # A002 is marked ▶ now
    assert [tickets.index(r, 0).data() for r in range(2)] == ["▶ A002", "A003"]


def test_removed_runs_and_inserts_come_as_one_signal_each(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    tickets.set_entries([A1, A2, A3, B1, B2])
    seen.signals.clear()
    tickets.set_entries([A1, B2])
    assert seen.of("removed") == [(1, 3)] and len(seen.signals) == 1
    seen.signals.clear()
    tickets.set_entries([A1, A2, A3, B2])
    assert seen.signals == [("inserted", 1, 2)]
    assert numbers(tickets) == ["A001", "A002", "A003", "B002"]


def test_a_priority_ticket_moving_up_is_a_move(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    tickets.set_entries([A1, A2, B1])
    seen.signals.clear()
    tickets.set_entries([B1, A1, A2])
    assert seen.signals == [("moved", 2, 0)]
    assert numbers(tickets) == ["B001", "A001", "A002"]


def test_the_tick_changes_the_waiting_times_alone(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    tickets.set_entries([A1, A2])
    seen.signals.clear()
    tickets.set_now(MONDAY_9AM + timedelta(minutes=10))
    assert seen.signals == [("changed", 0, 1)]
    assert tickets.index(0, 2).data() == "11 menit" and tickets.index(1, 2).data() == "12 menit"


def test_any_sequence_of_reads_ends_in_the_order_read(model) -> None:  # type: ignore[no-untyped-def]
    tickets, seen = model
    pool = [entry(i, f"A{i:03}", priority="lansia" if i % 4 == 0 else None) for i in range(1, 25)]
    draw = random.Random(17)
    for _ in range(60):
        shown = draw.sample(pool, draw.randint(0, len(pool)))
        shown = [replace(e, call_count=draw.randint(0, 2)) for e in shown]
        tickets.set_entries(shown, next_id=shown[0].id if shown else None)
        assert numbers(tickets) == [e.number for e in shown]
        assert tickets.entries() == tuple(shown)
    assert "reset" not in {kind for kind, _, _ in seen.signals}


def test_the_selection_stays_on_its_ticket(qtbot: QtBot) -> None:
    table = TicketTable(TicketModel(Last.STATUS))
    qtbot.addWidget(table)
    held = [entry(i, f"A{i:03}", status="held") for i in (1, 2, 3)]
    table.show_entries(held)
    table.setCurrentIndex(table.model().index(1, 0))
    assert table.chosen() == "A002"
    table.show_entries([held[2], held[0], held[1]])  # rows move: the choice follows A002
    assert table.chosen() == "A002" and table.currentIndex().row() == 2
    table.show_entries([held[2], held[0]])  # A002 has gone (called elsewhere): nothing is chosen
    assert table.chosen() is None and not table.selectionModel().hasSelection()
    assert table.model().index(0, 2).data() == "ditunda"
    assert table.currentIndex() == QModelIndex()
