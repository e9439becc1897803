"""The ticket slip in words: what a printed ticket says, independent of how it is printed.

The slip itself is values (``antrian.domain.slip.TicketSlip``); ``slip_lines`` says them in the kiosk PC's
language (``antrian.words``), so the same ticket prints in Indonesian or English by that PC's setting.
"""

from __future__ import annotations

from antrian import words
from antrian.domain.slip import TicketSlip

__all__ = ["TicketSlip", "slip_lines"]


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
