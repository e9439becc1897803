"""The ticket slip as values: what a printed ticket says, before it is put in words or printed.

``antrian.printing.slip.slip_lines`` says it in the kiosk PC's language; the services fill it from the
database. Kept here, with no words, so that the services never depend on the language layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup


@dataclass(frozen=True, slots=True)
class TicketSlip:
    office: str
    service_code: str
    service_name: str
    number: str
    issued: datetime  # office-local
    people_ahead: int
    estimate: Message  # estimate.* (domain.estimate.estimate_wait)
    standard_time: Message | None  # standard.* ; None when the service is unknown to the kiosk now
    footer: str | None  # the office's own text; None: the catalogue's default
    qr: str  # payload of the QR code: identifies the ticket for the counter's scanner
    priority: PriorityGroup | None = None  # when the citizen claimed priority service
    header: str | None = None  # the office's own line under its name (its address, a motto); None: none

    @property
    def service(self) -> str:
        return f"{self.service_code} - {self.service_name}"
