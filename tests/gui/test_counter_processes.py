"""Two counter panels in separate processes, served by real key presses, never get the same ticket.

Each panel is the real ``CounterWindow`` in its own process (tests/gui/panel_process.py): logged in by
Enter in the password field, then F2, F4 (the priority check answered yes), F5 until nothing waits. This
process issues the tickets through the service layer, half before the panels call and half while they do.
At the end each panel closes its counter with F12. Both backends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from antrian.domain.roles import SYSTEM
from antrian.services.queries import last_event_id
from antrian.services.queue import issue_ticket
from antrian.services.users import create_user
from antrian.store.database import Database
from antrian.store.models import Counter as CounterRow
from antrian.store.models import CounterState, Event, Ticket, User
from tests.conftest import seed_office
from tests.waiting import wait_until

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia123"
PANELS = {1: "petugas1", 2: "petugas2"}  # counters 1 and 2 both serve A and B
TICKETS = 60
START_TIMEOUT_S = 30
RUN_TIMEOUT_S = 45


class PanelProcess:
    """``python -m tests.gui.panel_process`` with its stdout read line by line as it comes."""

    def __init__(self, url: str, counter: int, user: str, until: Path) -> None:
        self.counter = counter
        command = [
            sys.executable,
            "-m",
            "tests.gui.panel_process",
            url,
            "--counter",
            str(counter),
            "--user",
            user,
            "--password",
            PASSWORD,
            "--until",
            str(until),
            "--timeout",
            str(RUN_TIMEOUT_S),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.records: list[dict[str, Any]] = []
        self.stderr: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        self._readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, self._record), daemon=True),
            threading.Thread(target=self._read, args=(self.process.stderr, self.stderr.append), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream: Any, sink: Callable[[str], None]) -> None:
        for line in stream:
            sink(line)

    def _record(self, line: str) -> None:
        try:
            self.records.append(json.loads(line))
        except json.JSONDecodeError:
            self.records.append({"garbage": line})

    def why(self) -> str:
        """The panel's own error report, its last lines and its stderr (without Qt's offscreen noise)."""
        errors = [r["error"] + json.dumps(r.get("state")) for r in self.records if "error" in r]
        noise = ("propagateSizeHints", "pipewire")
        tail = "".join(line for line in self.stderr if not any(n in line for n in noise))[-3000:]
        return (
            f"counter {self.counter}: exit {self.process.poll()}\n{''.join(errors)}\n"
            f"last lines: {self.records[-4:]}\nstderr: {tail}"
        )

    def wait_for(self, condition: Callable[[list[dict[str, Any]]], bool], timeout: float, what: str) -> None:
        def met() -> bool:
            if condition(list(self.records)):
                return True
            if self.process.poll() is not None:
                for reader in self._readers:
                    reader.join(5)
                if condition(list(self.records)):
                    return True
                raise AssertionError(f"panel ended before {what}: {self.why()}")
            return False

        wait_until(met, lambda: f"{what}: {self.why()}", timeout)

    def finish(self, timeout: float) -> None:
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"panel still running after {timeout} s: {self.why()}") from None
        for reader in self._readers:
            reader.join(5)
        assert self.process.returncode == 0, self.why()

    def close(self) -> None:
        """Kill the panel if it still runs; close its pipes."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for reader in self._readers:
            reader.join(5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def called(self) -> list[int]:
        return [r["called"] for r in self.records if "called" in r]

    def served(self) -> list[int]:
        return [r["served"] for r in self.records if "served" in r]


def called_count(panels: list[PanelProcess]) -> int:
    return sum(len(panel.called()) for panel in panels)


def issue(db: Database, first: int, count: int) -> list[int]:
    """Tickets ``first`` .. ``first + count - 1``: A and B alternately, every sixth a priority one."""
    ids = []
    for i in range(first, first + count):
        with db.write() as session:
            info = issue_ticket(session, "AB"[i % 2], priority="lansia" if i % 6 == 2 else None)
        ids.append(info.id)
    return ids


def test_two_panels_in_two_processes_never_call_the_same_ticket(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    seed_office(db)
    with db.write() as session:
        for user in PANELS.values():
            create_user(session, user, user.title(), "operator", PASSWORD, actor=SYSTEM)
    until = tmp_path / "issued-up-to-event"
    panels = [PanelProcess(db_url, counter, user, until) for counter, user in PANELS.items()]
    try:
        for panel in panels:
            panel.wait_for(lambda records: any("ready" in r for r in records), START_TIMEOUT_S, "login")
        issued = issue(db, 0, TICKETS // 2)

        def calling() -> bool:  # the rest is issued while both panels are calling
            running = all(panel.process.poll() is None for panel in panels)
            assert running, "\n".join(panel.why() for panel in panels)
            return called_count(panels) >= 10

        wait_until(calling, lambda: "10 calls: " + "\n".join(panel.why() for panel in panels), RUN_TIMEOUT_S)
        issued += issue(db, TICKETS // 2, TICKETS - TICKETS // 2)
        with db.read() as session:
            head = last_event_id(session)
        partial = until.with_suffix(".tmp")
        partial.write_text(str(head))
        partial.replace(until)  # the panels never read half a number
        for panel in panels:
            panel.finish(RUN_TIMEOUT_S)
    finally:
        for panel in panels:
            panel.close()

    by_counter = {panel.counter: panel.called() for panel in panels}
    # no ticket called by both panels, and none twice by one
    assert set(by_counter[1]) & set(by_counter[2]) == set()
    everything = by_counter[1] + by_counter[2]
    assert [t for t, n in Counter(everything).items() if n > 1] == []
    # every issued ticket called exactly once, and served to the end by the panel that called it
    assert sorted(everything) == sorted(issued)
    for panel in panels:
        assert panel.served() == panel.called()
        assert len(panel.called()) >= 5, f"counter {panel.counter} called only {panel.called()}"
        # each panel stopped because F2 said nobody waits, not by a timeout
        last = [r for r in panel.records if "refused" in r][-1]["refused"]
        assert "Tidak ada warga yang menunggu" in last
        assert panel.records[-1] == {"closed": panel.counter}  # F12 closed the counter at the end
        done = panel.records[-2]["done"]
        assert done["called"] == len(panel.called())
        # and the panel shows why F2 does nothing now: disabled, with the reason in its tooltip
        assert not done["f2_enabled"]
        assert done["f2_tooltip"] == "Tidak bisa sekarang: Tidak ada warga yang menunggu layanan loket ini"

    with db.read() as session:
        rows = session.execute(
            select(Ticket.id, Ticket.status, Ticket.call_count, CounterRow.number, User.username)
            .join(CounterRow, CounterRow.id == Ticket.counter_id)
            .join(User, User.id == Ticket.operator_id)
        ).all()
        started = session.execute(
            select(Event.ticket_id, Event.data).where(Event.kind == "ticket_started")
        ).all()
        priority = set(session.execute(select(Ticket.id).where(Ticket.priority_group.is_not(None))).scalars())
        states = dict(
            session.execute(
                select(CounterRow.number, CounterState.state).join(
                    CounterState, CounterState.counter_id == CounterRow.id
                )
            ).all()
        )
    assert len(rows) == TICKETS
    assert states[1] == states[2] == "closed"
    for ticket_id, status, call_count, counter, username in rows:
        assert status == "done", ticket_id
        assert call_count == 1, ticket_id
        assert ticket_id in by_counter[counter], f"ticket {ticket_id} done at counter {counter}"
        assert username == PANELS[counter]
    # every priority claim was checked in the dialog, and confirmed
    assert priority and len(priority) == TICKETS // 6
    assert {
        ticket_id: data.get("priority_confirmed") for ticket_id, data in started if ticket_id in priority
    } == {ticket_id: True for ticket_id in priority}
