"""ESC/POS bytes for 58 mm and 80 mm thermal printers, and the ways to send them.

The encoder is small and explicit so that tests can decode exactly what is sent: initialise, select code
page PC858 (Latin-1 letters plus the euro sign; Indonesian needs no more), centre, the office in bold, the
number as large as the paper allows, the QR code with the printer's own QR command (GS ( k), feed, cut.

Sending never waits without end: every target has one deadline (``TIMEOUT_S``) for connecting, writing and
the printer's acknowledgement, and a printer that misses it fails with ``printer.timeout``. Callers run
``send`` off the GUI thread all the same (a deadline of seconds is still a frozen window).
"""

from __future__ import annotations

import errno
import os
import select
import socket
import textwrap
import time
from pathlib import Path

from antrian.domain.errors import AntrianError, InvalidInput
from antrian.domain.messages import Message
from antrian.printing.slip import TicketSlip, slip_lines

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
CODEPAGE_PC858 = 19
ENCODING = "cp858"
COLUMNS = {58: 32, 80: 48}  # font A characters per line at 384 and 576 dots
CUT = GS + b"VA\x03"  # feed 3 lines and cut (partial)
TIMEOUT_S = 8  # a printer that has not taken the whole ticket by then has failed
TCP_PORT = 9100
# The ESC/POS target kinds; how each is written is said by the catalogue (``printer.form.<kind>``).
FORMS = ("file", "tcp", "usb", "serial")


class PrinterError(AntrianError):
    """The ticket could not be printed; it stays valid and can be printed again. The code says why
    (``printer.unreachable``, ``printer.timeout``, ``printer.failed``, ...); the parameters name the printer
    and the cause, for staff and the log: a citizen is told only what they can do."""


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
        raise InvalidInput("printer.bad_width", width=width_mm)
    columns = COLUMNS[width_mm]
    out = [INIT, ESC + b"t" + bytes([CODEPAGE_PC858]), ESC + b"a\x01"]
    for style, value in slip_lines(slip):
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


def parse_target(target: str) -> tuple[str, tuple[str, ...]]:
    """An ESC/POS target split into its kind and parts; a malformed one is refused before any printing."""
    kind, _, rest = target.partition(":")
    if kind not in FORMS:
        raise InvalidInput("printer.unknown_target", target=target)
    try:
        if kind == "tcp":
            host, colon, port = rest.rpartition(":")
            if not colon:  # no port: the raw printing port every network thermal printer listens on
                host, port = rest, str(TCP_PORT)
            if not host or not 0 < int(port) < 65536:
                raise ValueError
            return kind, (host, port)
        if kind == "usb":
            vendor, _, product = rest.partition(":")
            for part in (vendor, product):
                int(part, 16)
            return kind, (vendor, product)
        if kind == "serial":
            device, _, baud = rest.partition(":")
            if not device or (baud and int(baud) <= 0):
                raise ValueError
            return kind, (device, baud or "9600")
        if not rest:
            raise ValueError
        return kind, (rest,)
    except ValueError:
        forms = {
            "file": Message("printer.form.file"),
            "tcp": Message("printer.form.tcp"),
            "usb": Message("printer.form.usb"),
            "serial": Message("printer.form.serial"),
        }
        raise InvalidInput("printer.bad_target", target=target, form=forms[kind]) from None


def send(data: bytes, target: str, *, timeout: float = TIMEOUT_S) -> None:
    """Send ESC/POS bytes to ``file:PATH``, ``tcp:HOST[:PORT]``, ``usb:VID:PID`` or ``serial:DEVICE[:BAUD]``,
    within ``timeout`` seconds."""
    kind, parts = parse_target(target)
    try:
        if kind == "file":
            _to_file(Path(parts[0]), data, timeout)
        elif kind == "tcp":
            _to_socket(parts[0], int(parts[1]), data, timeout)
        elif kind == "usb":
            from escpos.printer import Usb

            printer = Usb(int(parts[0], 16), int(parts[1], 16), timeout=int(timeout * 1000))
            try:
                printer._raw(data)
            finally:
                printer.close()
        else:
            _to_serial(parts[0], int(parts[1]), data, timeout)
    except AntrianError:
        raise
    except Exception as error:  # OSError, and python-escpos and pyusb raise their own families
        raise _printer_error(target, error, timeout) from None


def _printer_error(target: str, error: Exception, timeout: float) -> PrinterError:
    if isinstance(error, TimeoutError) or getattr(error, "errno", None) == errno.ETIMEDOUT:
        return PrinterError("printer.timeout", target=target, seconds=round(timeout))
    if type(error).__name__ == "SerialTimeoutException":  # pyserial's write timeout
        return PrinterError("printer.timeout", target=target, seconds=round(timeout))
    cause = str(error) if isinstance(error, OSError) else f"{type(error).__name__}: {error}"
    if (
        isinstance(error, ConnectionRefusedError | FileNotFoundError | socket.gaierror)
        or getattr(error, "errno", None) in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENODEV, errno.ENXIO)
        or type(error).__name__ in ("USBNotFoundError", "DeviceNotFoundError")
    ):
        return PrinterError("printer.unreachable", target=target, cause=cause)
    return PrinterError("printer.failed", target=target, cause=cause)


def _to_socket(host: str, port: int, data: bytes, timeout: float) -> None:
    """Send the job and wait until the printer closes its end: only then has it taken the whole ticket
    (CUPS's AppSocket backend waits for the same, its "waiteof"). A printer that accepts and never reads
    or never closes runs into the deadline instead of holding the kiosk."""
    deadline = time.monotonic() + timeout

    def remaining() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left

    with socket.create_connection((host, port), timeout=timeout) as connection:
        connection.settimeout(remaining())
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        while True:
            connection.settimeout(remaining())
            if not connection.recv(256):  # status bytes a printer may send back are not needed here
                return


def _to_file(path: Path, data: bytes, timeout: float) -> None:
    """Append to a file or a device such as /dev/usb/lp0. A device opened non-blocking (POSIX) is written
    as it takes the bytes, until the deadline: a printer out of paper makes usblp wait for ever otherwise."""
    deadline = time.monotonic() + timeout
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags, 0o644)
    try:
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(handle, view) :]
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [handle], [], left)[1]:
                    raise TimeoutError from None
    finally:
        os.close(handle)


def _to_serial(device: str, baud: int, data: bytes, timeout: float) -> None:
    import serial  # pyserial, installed with python-escpos[serial]

    # DSR/DTR flow control as python-escpos sets it; write_timeout stops a printer that is off or jammed
    # (flow control holding the write) from holding the kiosk
    with serial.Serial(
        port=device, baudrate=baud, timeout=timeout, write_timeout=timeout, dsrdtr=True
    ) as port:
        port.write(data)
