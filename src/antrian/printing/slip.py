"""The ticket slip: what a printed ticket says, independent of how it is printed.

The slip holds values; ``lines`` says them in the kiosk PC's language (``antrian.words``), so the same
ticket prints in Indonesian or English by that PC's setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from antrian import words
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
    estimate: Message  # estimate.* (domain.estimate.describe_wait)
    standard_time: Message | None  # standard.* ; None when the service is unknown to the kiosk now
    footer: str | None  # the office's own text; None: the catalogue's default
    qr: str  # payload of the QR code: identifies the ticket for the counter's scanner
    priority: PriorityGroup | None = None  # when the citizen claimed priority service

    @property
    def service(self) -> str:
        return f"{self.service_code} - {self.service_name}"

    def lines(self) -> list[tuple[str, str]]:
        """The slip top to bottom as (style, text); style is one of title, normal, label, number, small."""
        rows = [
            ("title", self.office),
            ("normal", self.service),
            ("label", words.text("slip.heading")),
            ("number", self.number),
        ]
        if self.priority:
            rows.append(("normal", words.text("slip.priority", group=self.priority)))
        rows += [
            ("normal", words.show(self.issued)),
            ("normal", words.text("slip.ahead", n=self.people_ahead)),
            ("normal", words.text("slip.estimate", estimate=self.estimate)),
        ]
        if self.standard_time is not None:
            rows.append(("normal", words.text("slip.standard", standard=self.standard_time)))
        rows.append(("small", self.footer or words.text("slip.footer")))
        return rows
