"""The two ways a day of the demo history is recorded (``Operations``): through the service functions
(``ServiceOperations``, the reference), or, the fast path, by the ``Recorder``: the operations applied in
memory by the rules of ``services.queue`` and ``services.counters`` (numbering, call order with the priority
interleave, status changes, counter states and the events with their data), then written in bulk at the end
of the day. The tests run the same days both ways and compare every row and event, so the two cannot drift
apart unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session

from antrian.domain.errors import NothingWaiting
from antrian.domain.labels import format_label
from antrian.domain.policy import priority_first
from antrian.domain.roles import SYSTEM, Actor
from antrian.domain.status import Action, Status, next_status
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.office import get_office
from antrian.store.dialect import follow_ticket_ids
from antrian.store.models import (
    TICKETS_TABLE,
    Counter,
    CounterService,
    CounterState,
    Service,
    Ticket,
    TicketNumber,
)
from antrian.store.queue import append_events


def hold_loaded(session: Session) -> None:
    """Keep every row the day's session loads: the identity map holds rows weakly, so the services' many
    ``session.get`` of the same counter, service, user and ticket would each read the database again."""
    held: list[object] = []
    session.info["demo_history_rows"] = held

    @event.listens_for(session, "loaded_as_persistent")
    @event.listens_for(session, "pending_to_persistent")
    def hold(_session: Session, instance: object) -> None:
        held.append(instance)


class Operations(Protocol):
    """What a simulated day does, at the instant of the day's clock."""

    def issue(self, code: str, group: str | None) -> str:
        """Issue a ticket; its label."""

    def cancel(self, label: str) -> None: ...
    def open(self, counter: int, actor: Actor) -> None: ...
    def pause(self, counter: int, reason: str, actor: Actor) -> None: ...
    def close(self, counter: int, actor: Actor) -> None: ...

    def call_next(self, counter: int, actor: Actor) -> tuple[str, str] | None:
        """The label and service code called, or None when nobody waits for the counter."""

    def act(self, action: str, counter: int, actor: Actor, to: str) -> None:
        """``recall``, ``start``, ``finish``, ``no_show`` or ``transfer`` (to service ``to``)."""

    def write(self) -> None:
        """Store what is still held in memory (at the end of the day)."""


class ServiceOperations:
    """The operations through the service functions, in the day's transaction."""

    def __init__(self, session: Session, clock: FixedClock) -> None:
        self.session, self.clock = session, clock

    def issue(self, code: str, group: str | None) -> str:
        return queue.issue_ticket(self.session, code, priority=group, clock=self.clock).number

    def cancel(self, label: str) -> None:
        queue.cancel(self.session, label, actor=SYSTEM, clock=self.clock)

    def open(self, counter: int, actor: Actor) -> None:
        counters.open_counter(self.session, counter, actor=actor, clock=self.clock)

    def pause(self, counter: int, reason: str, actor: Actor) -> None:
        counters.pause_counter(self.session, counter, reason, actor=actor, clock=self.clock)

    def close(self, counter: int, actor: Actor) -> None:
        counters.close_counter(self.session, counter, actor=actor, clock=self.clock)

    def call_next(self, counter: int, actor: Actor) -> tuple[str, str] | None:
        try:
            called = queue.call_next(self.session, counter, actor=actor, clock=self.clock)
        except NothingWaiting:
            return None
        return called.number, called.service

    def act(self, action: str, counter: int, actor: Actor, to: str) -> None:
        if action == "transfer":
            queue.transfer(self.session, counter, to, actor=actor, clock=self.clock)
        else:
            getattr(queue, action)(self.session, counter, actor=actor, clock=self.clock)

    def write(self) -> None:
        """Nothing: every operation is in the session already."""


@dataclass
class _Counter:
    id: int
    services: list[int]
    state: CounterState


class Recorder:
    """The ``demo_history.Operations`` of one past service day, held in memory until ``write``."""

    def __init__(self, session: Session, clock: FixedClock, day: date) -> None:
        self.session, self.clock, self.day = session, clock, day
        office = get_office(session)
        self.width, self.interleave = office.label_width, office.priority_interleave
        self.services = {
            code: (service_id, name)
            for service_id, code, name in session.execute(select(Service.id, Service.code, Service.name))
        }
        self.codes = {service_id: code for code, (service_id, _) in self.services.items()}
        self.counters: dict[int, _Counter] = {}
        rows = session.execute(
            select(Counter.number, Counter.id, CounterService.service_id)
            .join(CounterService, CounterService.counter_id == Counter.id)
            .join(Service, Service.id == CounterService.service_id)
            .where(Service.active.is_(True))
            .order_by(Counter.number, CounterService.position)
        ).tuples()
        for number, counter_id, service_id in rows:
            if number not in self.counters:
                state = session.get(CounterState, counter_id)
                if state is None:
                    state = CounterState(counter_id=counter_id, state="closed", normal_streak=0, version=0)
                    session.add(state)
                self.counters[number] = _Counter(counter_id, [], state)
            self.counters[number].services.append(service_id)
        self.next_id = session.execute(select(func.coalesce(func.max(Ticket.id), 0))).scalar_one() + 1
        self.tickets: list[dict[str, Any]] = []
        self.live: dict[str, dict[str, Any]] = {}  # label -> its newest visit (find_today)
        self.numbers: dict[int, int] = {}
        self.events: list[dict[str, Any]] = []

    def _event(self, kind: str, ticket: dict[str, Any], actor: Actor, **data: Any) -> None:
        """An event of ``ticket`` as ``services.queue.events.ticket_event`` makes it."""
        self.events.append(
            {
                "at": self.clock.now,
                "kind": kind,
                "ticket_id": ticket["id"],
                "service_id": ticket["service_id"],
                "counter_id": ticket["counter_id"],
                "user_id": actor.user_id,
                "data": data,
            }
        )

    def _counter_event(self, number: int, kind: str, actor: Actor, **data: Any) -> None:
        counter = self.counters[number]
        counter.state.version = (counter.state.version or 0) + 1
        counter.state.since = self.clock.now
        self.events.append(
            {
                "at": self.clock.now,
                "kind": kind,
                "counter_id": counter.id,
                "user_id": actor.user_id,
                "data": {"counter": number, **data},
            }
        )

    def _visit(self, service_id: int, sequence: int, group: str | None, **more: Any) -> dict[str, Any]:
        """A new waiting visit (``more``: what a transfer keeps of the first one)."""
        ticket: dict[str, Any] = {
            "id": self.next_id,
            "service_id": service_id,
            "service_day": self.day,
            "sequence": sequence,
            "label": format_label(self.codes[service_id], sequence, self.width),
            "priority_group": group,
            "status": Status.WAITING.value,
            "place_at": self.clock.now,
            "issued_at": self.clock.now,
            "first_called_at": None,
            "last_called_at": None,
            "started_at": None,
            "finished_at": None,
            "counter_id": None,
            "operator_id": None,
            "call_count": 0,
            "parent_id": None,
        } | more
        self.next_id += 1
        self.tickets.append(ticket)
        self.live[ticket["label"]] = ticket
        return ticket

    def _move(self, ticket: dict[str, Any], action: Action) -> None:
        ticket["status"] = next_status(Status(ticket["status"]), action, ticket["label"]).value

    def issue(self, code: str, group: str | None) -> str:
        service_id, _ = self.services[code]
        number = self.numbers[service_id] = self.numbers.get(service_id, 0) + 1
        ticket = self._visit(service_id, number, group)
        self.events.append(
            {
                "at": self.clock.now,
                "kind": "ticket_issued",
                "ticket_id": ticket["id"],
                "service_id": service_id,
                "user_id": None,  # the kiosk
                "data": {"number": ticket["label"], "service": code, "priority": group},
            }
        )
        return str(ticket["label"])

    def cancel(self, label: str) -> None:
        ticket = self.live[label]
        self._move(ticket, Action.CANCEL)
        ticket["finished_at"] = self.clock.now
        for counter in self.counters.values():
            if counter.state.current_ticket_id == ticket["id"]:
                counter.state.current_ticket_id = None
        self._event("ticket_cancelled", ticket, SYSTEM, number=label)

    def open(self, counter: int, actor: Actor) -> None:
        state = self.counters[counter].state
        if actor.user_id is not None:
            state.operator_id = actor.user_id
        state.state, state.pause_reason = "open", None
        self._counter_event(counter, "counter_opened", actor)

    def pause(self, counter: int, reason: str, actor: Actor) -> None:
        state = self.counters[counter].state
        state.state, state.pause_reason = "paused", reason
        self._counter_event(counter, "counter_paused", actor, reason=reason)

    def close(self, counter: int, actor: Actor) -> None:
        state = self.counters[counter].state
        state.state, state.operator_id, state.pause_reason, state.normal_streak = "closed", None, None, 0
        self._counter_event(counter, "counter_closed", actor)

    def _current(self, counter: int) -> dict[str, Any]:
        current = self.counters[counter].state.current_ticket_id
        return next(t for t in reversed(self.tickets) if t["id"] == current)

    def _called(self, kind: str, ticket: dict[str, Any], counter: int, actor: Actor) -> None:
        code = self.codes[ticket["service_id"]]
        self._event(
            kind,
            ticket,
            actor,
            number=ticket["label"],
            service=code,
            service_name=self.services[code][1],
            counter=counter,
            call_count=ticket["call_count"],
            priority=ticket["priority_group"],
        )

    def call_next(self, counter: int, actor: Actor) -> tuple[str, str] | None:
        desk = self.counters[counter]
        state = desk.state
        state.version = (state.version or 0) + 1
        first = priority_first(state.normal_streak, self.interleave)
        waiting = [t for t in self.tickets if t["status"] == "waiting" and t["service_id"] in desk.services]
        for priority in (first, not first):
            kind = [t for t in waiting if (t["priority_group"] is not None) == priority]
            if kind:
                break
        if not kind:
            return None
        ticket = min(kind, key=lambda t: (t["place_at"], t["id"]))
        state.normal_streak = 0 if ticket["priority_group"] else state.normal_streak + 1
        self._move(ticket, Action.CALL)
        ticket["first_called_at"] = ticket["first_called_at"] or self.clock.now
        ticket["last_called_at"] = self.clock.now
        ticket["counter_id"] = desk.id
        ticket["operator_id"] = state.operator_id or actor.user_id
        ticket["call_count"] += 1
        state.current_ticket_id = ticket["id"]
        self._called("ticket_called", ticket, counter, actor)
        return str(ticket["label"]), self.codes[ticket["service_id"]]

    def act(self, action: str, counter: int, actor: Actor, to: str) -> None:
        state = self.counters[counter].state
        state.version = (state.version or 0) + 1
        ticket = self._current(counter)
        now = self.clock.now
        if action == "recall":
            self._move(ticket, Action.RECALL)
            ticket["last_called_at"] = now
            ticket["call_count"] += 1
            self._called("ticket_recalled", ticket, counter, actor)
        elif action == "start":
            self._move(ticket, Action.START)
            ticket["started_at"] = now
            self._event("ticket_started", ticket, actor, number=ticket["label"], counter=counter)
        elif action in ("finish", "no_show"):
            self._move(ticket, Action.FINISH if action == "finish" else Action.NO_SHOW)
            state.current_ticket_id = None
            if action == "finish":
                ticket["finished_at"] = now
                self._event("ticket_finished", ticket, actor, number=ticket["label"], counter=counter)
            else:
                data = {"number": ticket["label"], "counter": counter, "call_count": ticket["call_count"]}
                self._event("ticket_no_show", ticket, actor, **data)
        else:
            self._move(ticket, Action.TRANSFER)
            ticket["finished_at"] = now
            state.current_ticket_id = None
            visit = self._visit(
                self.services[to][0],
                ticket["sequence"],
                ticket["priority_group"],
                label=ticket["label"],
                place_at=ticket["place_at"],
                parent_id=ticket["parent_id"] or ticket["id"],
            )
            data = {"number": ticket["label"], "counter": counter, "to_service": to}
            self._event("ticket_transferred", ticket, actor, **data, new_ticket_id=visit["id"])

    def write(self) -> None:
        """The day's tickets, numbers, events and counter states, in the day's transaction."""
        session = self.session
        if self.tickets:
            session.execute(insert(TICKETS_TABLE), self.tickets)
            follow_ticket_ids(session, self.next_id - 1)
        session.add_all(
            TicketNumber(service_id=service_id, service_day=self.day, last=last)
            for service_id, last in self.numbers.items()
        )
        session.flush()
        append_events(session, self.events)
