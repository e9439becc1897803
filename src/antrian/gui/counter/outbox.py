"""The counter panel's action on its way to the database: one at a time, sent through
``services.desk.act`` on the task runner with the token of the view the operator acted on.

If the database cannot be reached the action is kept and sent again, once each ``retry_ms``, until it is
answered or cancelled; if it had in fact been saved, the token no longer matches (``StaleView``) and nothing
more happens, so an action is never done twice.

Signals:
    sending(): the action is being sent (again).
    slow(): its answer has not come within ``SLOW_MS``.
    kept(object): it could not be sent or its answer was lost (the ``StoreError``): it is sent again later.
    answered(object, object): its answer came: the ``Request`` and a ``DeskResult`` or the refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from antrian.domain.desk import DeskAction
from antrian.domain.errors import StoreError
from antrian.domain.roles import Actor
from antrian.domain.status import Status
from antrian.domain.timing import Clock
from antrian.gui.tasks import Urgent
from antrian.services.desk import DeskResult, DeskView, act
from antrian.store.database import Database

RETRY_MS = 2000
SLOW_MS = 3000
AT_THE_COUNTER = (Status.CALLED.value, Status.SERVING.value)


@dataclass
class Request:
    """One operator action on its way to the database (kept until answered, resent after an outage)."""

    action: DeskAction
    expect: str | None
    actor: Actor
    number: int
    params: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0


class Outbox(QObject):
    sending = Signal()
    slow = Signal()
    kept = Signal(object)
    answered = Signal(object, object)

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._background, self._clock = database, run_in_background, clock
        self._request: Request | None = None
        self._in_flight = False
        self._slow = QTimer(self, singleShot=True, interval=SLOW_MS)
        self._slow.timeout.connect(self._answer_is_slow)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.send)

    @property
    def pending(self) -> DeskAction | None:
        """The action waiting for the database's answer, if any."""
        return self._request.action if self._request is not None else None

    @property
    def in_flight(self) -> bool:
        """Sent, and its answer not yet come."""
        return self._in_flight

    @property
    def answer_due(self) -> bool:
        """Sent less than ``SLOW_MS`` ago: the answer may come any moment."""
        return self._slow.isActive()

    @property
    def retry_ms(self) -> int:
        return self._retry.interval()

    @retry_ms.setter
    def retry_ms(self, ms: int) -> None:
        self._retry.setInterval(ms)

    def submit(
        self, action: DeskAction, expect: str | None, actor: Actor, number: int, **params: Any
    ) -> bool:
        """Send ``action`` for ``actor`` at counter ``number``; False when another one is still waiting."""
        if self._request is not None:
            return False
        self._request = Request(action, expect, actor, number, params)
        self.send()
        return True

    def send(self) -> None:
        """Send the waiting action (again), unless it is already on its way."""
        request = self._request
        if request is None or self._in_flight:
            return
        self._in_flight = True
        self.sending.emit()
        self._slow.start()
        request.attempts += 1
        database, clock = self._database, self._clock

        def work() -> DeskResult:
            with database.write() as session:
                return act(
                    session,
                    request.number,
                    request.action,
                    expect=request.expect,
                    actor=request.actor,
                    clock=clock,
                    **request.params,
                )

        self._background(Urgent(work), self._landed)  # never behind the panel's re-reads

    def cancel(self) -> bool:
        """Drop the action waiting to be sent again (not one on its way); False when there is none."""
        if self._request is None or self._in_flight:
            return False
        self._request = None
        self._retry.stop()
        return True

    def _answer_is_slow(self) -> None:
        if self._in_flight and self._request is not None:
            self.slow.emit()

    def _landed(self, result: DeskResult | Exception) -> None:
        self._in_flight = False
        self._slow.stop()
        request = self._request
        if request is None:
            return
        if isinstance(result, StoreError):
            # Not saved, or saved and the answer lost: keep it and send it again with the same token.
            self.kept.emit(result)
            self._retry.start()
            return
        self._request = None
        self._retry.stop()
        self.answered.emit(request, result)


def answered_view(view: DeskView, result: DeskResult, number: int | None) -> DeskView:
    """``view`` as the action's answer ``result`` leaves it at counter ``number``, shown at once until the
    next read: the ticket at the counter, its recalls, the counter's state and token."""
    ticket = result.ticket
    here = ticket is not None and ticket.status in AT_THE_COUNTER and ticket.counter == number
    current = ticket if here else None
    recalls = {
        DeskAction.RECALL: view.recalls + 1,
        DeskAction.CALL_NEXT: 0,
        DeskAction.CALL_NUMBER: 0,
    }.get(result.action, view.recalls)
    after = replace(view, current=current, state=result.state, token=result.token, recalls=recalls)
    if current is not None and current.service != (view.current.service if view.current else None):
        after = replace(after, standard_value=None, standard_unit=None)  # another service's, read next
    return after
