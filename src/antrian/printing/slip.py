"""The ticket slip in words: what a printed ticket says, independent of how it is printed.

The slip itself is values (``antrian.domain.slip.TicketSlip``); ``slip_lines`` says them in the kiosk PC's
language (``antrian.words``), so the same ticket prints in Indonesian or English by that PC's setting.
"""

from __future__ import annotations

from datetime import datetime

from antrian import words
from antrian.domain.messages import Message
from antrian.domain.slip import TicketSlip

__all__ = ["TicketSlip", "printer_test_slip", "slip_lines"]


def slip_lines(slip: TicketSlip) -> list[tuple[str, str]]:
    """The slip top to bottom as (style, text); style is one of title, normal, label, number, small."""
    rows = [("title", slip.office)]
    if slip.header:
        rows.append(("small", slip.header))
    rows += [
        ("normal", slip.service),
        ("label", words.text("slip.heading")),
        ("number", slip.number),
    ]
    if slip.priority:
        rows.append(("normal", words.text("slip.priority", group=slip.priority)))
    rows += [
        ("normal", words.show(slip.issued)),
        ("normal", words.text("slip.ahead", n=slip.people_ahead)),
        ("normal", words.text("slip.estimate", estimate=slip.estimate)),
    ]
    if slip.standard_time is not None:
        rows.append(("normal", words.text("slip.standard", standard=slip.standard_time)))
    rows.append(("small", slip.footer or words.text("slip.footer")))
    return rows


def printer_test_slip(office: str, issued: datetime) -> TicketSlip:
    """A slip for "Tes cetak": laid out like a ticket (the office's name, a large number, the QR code), and
    saying plainly that it is not one. Its number, A000, is one no ticket ever has."""
    return TicketSlip(
        office=office,
        service_code="A",
        service_name=words.text("printer.test.service"),
        number="A000",
        issued=issued,
        people_ahead=0,
        estimate=Message("estimate.now"),
        standard_time=None,
        footer=words.text("printer.test.footer"),
        qr="ANTRIAN-TEST",
    )
