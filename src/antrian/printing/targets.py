"""Where a kiosk prints: a printer target string turned into a function that prints a slip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from antrian.domain.errors import InvalidInput
from antrian.printing.escpos import COLUMNS, FORMS, PrinterError, parse_target, render, send
from antrian.printing.slip import TicketSlip


def printer_for(
    target: str, width_mm: int = 80, *, single_file: bool = False
) -> Callable[[TicketSlip], None]:
    """``file:``/``tcp:``/``usb:``/``serial:`` print ESC/POS; ``pdf:FOLDER`` writes one PDF per ticket
    (``pdf:FILE`` with ``single_file``, for a one-off reprint); ``system[:NAME]`` prints through Qt.
    A malformed target is refused here, before anything is printed. The function it returns blocks until
    the ticket is printed or has failed (within seconds): windows call it off the GUI thread."""
    kind, _, rest = target.partition(":")
    if kind in FORMS:  # the ESC/POS printers
        parse_target(target)
        if width_mm not in COLUMNS:
            raise InvalidInput("printer.bad_width", width=width_mm)
        return lambda slip: send(render(slip, width_mm), target)
    if kind == "pdf":
        if not rest:
            raise InvalidInput("printer.pdf_needs_path")
        location = Path(rest)

        def to_pdf(slip: TicketSlip) -> None:
            from antrian.printing.page import render_pdf

            if single_file:
                render_pdf(slip, location)
            else:
                try:
                    location.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise PrinterError(
                        "printer.pdf_folder_unusable",
                        folder=str(location),
                        reason=error.strerror or str(error),
                    ) from None
                render_pdf(slip, location / f"tiket-{slip.number}.pdf")

        return to_pdf
    if kind == "system":

        def to_system(slip: TicketSlip) -> None:
            from antrian.printing.page import print_system

            print_system(slip, rest or None)

        return to_system
    raise InvalidInput("printer.unknown_target", target=target)
