"""ESC/POS bytes for 58 mm and 80 mm thermal printers, and the ways to send them.

The encoder is small and explicit so that tests can decode exactly what is sent: initialise, select code
page PC858 (Latin-1 letters plus the euro sign; Indonesian needs no more), centre, the office in bold, the
number as large as the paper allows, the QR code with the printer's own QR command (GS ( k), feed, cut.
"""

from __future__ import annotations

import socket
import textwrap
from pathlib import Path

from antrian.domain.errors import AntrianError, InvalidInput
from antrian.printing.slip import TicketSlip

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
CODEPAGE_PC858 = 19
ENCODING = "cp858"
COLUMNS = {58: 32, 80: 48}  # font A characters per line at 384 and 576 dots
CUT = GS + b"VA\x03"  # feed 3 lines and cut (partial)


class PrinterError(AntrianError):
    """The ticket could not be printed; it stays valid and can be printed again."""


def _text(value: str) -> bytes:
    return value.encode(ENCODING, errors="replace")


def _size(width: int, height: int) -> bytes:
    return GS + b"!" + bytes([((width - 1) << 4) | (height - 1)])


def _qr(payload: str, module: int) -> bytes:
    data = payload.encode("ascii")
    store = len(data) + 3
    return b"".join(
        [
            GS + b"(k\x04\x00\x31\x41\x32\x00",  # model 2
            GS + b"(k\x03\x00\x31\x43" + bytes([module]),  # module size in dots
            GS + b"(k\x03\x00\x31\x45\x31",  # error correction M
            GS + b"(k" + bytes([store & 0xFF, store >> 8]) + b"\x31\x50\x30" + data,  # store
            GS + b"(k\x03\x00\x31\x51\x30",  # print
        ]
    )


def render(slip: TicketSlip, width_mm: int = 80) -> bytes:
    """The slip as ESC/POS bytes for paper of ``width_mm`` (58 or 80)."""
    if width_mm not in COLUMNS:
        raise InvalidInput(f"paper width must be 58 or 80 mm, not {width_mm}")
    columns = COLUMNS[width_mm]
    out = [INIT, ESC + b"t" + bytes([CODEPAGE_PC858]), ESC + b"a\x01"]
    for style, value in slip.lines():
        if style == "number":
            scale = max(1, min(8, columns // max(1, len(value))))
            out += [ESC + b"E\x01", _size(scale, scale), _text(value), b"\n", _size(1, 1), ESC + b"E\x00"]
            continue
        if style == "title":
            out += [ESC + b"E\x01", _size(1, 2)]
        for line in textwrap.wrap(value, columns) or [""]:
            out += [_text(line), b"\n"]
        if style == "title":
            out += [_size(1, 1), ESC + b"E\x00"]
    out += [b"\n", _qr(slip.qr, 6 if width_mm == 80 else 4), b"\n", ESC + b"d\x02", CUT]
    return b"".join(out)


def send(data: bytes, target: str, *, timeout: float = 5.0) -> None:
    """Send ESC/POS bytes to ``file:PATH``, ``tcp:HOST:PORT``, ``usb:VID:PID`` or ``serial:DEVICE[:BAUD]``."""
    kind, _, rest = target.partition(":")
    try:
        if kind == "file":
            with Path(rest).open("ab") as handle:  # a file, or a device such as /dev/usb/lp0
                handle.write(data)
        elif kind == "tcp":
            host, _, port = rest.rpartition(":")
            with socket.create_connection((host, int(port or 9100)), timeout=timeout) as connection:
                connection.sendall(data)
        elif kind == "usb":
            vendor, _, product = rest.partition(":")
            from escpos.printer import Usb

            printer = Usb(int(vendor, 16), int(product, 16), timeout=int(timeout * 1000))
            printer._raw(data)
            printer.close()
        elif kind == "serial":
            device, _, baud = rest.partition(":")
            from escpos.printer import Serial

            printer = Serial(devfile=device, baudrate=int(baud or 9600), timeout=timeout)
            printer._raw(data)
            printer.close()
        else:
            raise InvalidInput(
                f"unknown printer {target!r}; use file:PATH, tcp:HOST:PORT, usb:VID:PID or serial:DEV"
            )
    except (OSError, ValueError) as error:
        raise PrinterError(f"printer {target} failed: {error}") from None
    except Exception as error:  # python-escpos raises its own families (USBNotFoundError, ...)
        if isinstance(error, AntrianError):
            raise
        raise PrinterError(f"printer {target} failed: {type(error).__name__}: {error}") from None
