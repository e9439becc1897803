"""The printed ticket: ESC/POS bytes decoded command by command, the PDF read back, the printers' failures."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antrian import words
from antrian.domain.errors import AntrianError, InvalidInput, NotFound
from antrian.domain.messages import Message
from antrian.domain.priority import PriorityGroup
from antrian.printing.escpos import COLUMNS, PrinterError, parse_target, render, send
from antrian.printing.slip import TicketSlip, slip_lines
from antrian.services import queue
from antrian.services.slips import ticket_slip
from antrian.store.database import Database
from tests.helpers import raises_code
from tests.printing.fake_printer import FakeNetworkPrinter

SLIP = TicketSlip(
    office="Mal Pelayanan Publik Kota Banjarmasin",
    service_code="A",
    service_name="KTP Elektronik",
    number="A123",
    issued=datetime(2026, 11, 30, 9, 2, tzinfo=ZoneInfo("Asia/Makassar")),
    people_ahead=7,
    estimate=Message("estimate.about", wait=timedelta(minutes=25)),
    standard_time=Message("standard.minutes", n=15),
    footer="Terima kasih. Nomor yang terlewat dapat dipanggil ulang di loket.",
    qr="ANTRIAN:42:A123:2026-11-30",
    priority=PriorityGroup.ELDERLY,
)


def with_changes(slip: TicketSlip, **changes: object) -> TicketSlip:
    return TicketSlip(**{**{f: getattr(slip, f) for f in slip.__dataclass_fields__}, **changes})  # type: ignore[arg-type]


def test_slip_lines_in_indonesian() -> None:
    assert slip_lines(SLIP) == [
        ("title", "Mal Pelayanan Publik Kota Banjarmasin"),
        ("normal", "A - KTP Elektronik"),
        ("label", "NOMOR ANTREAN"),
        ("number", "A123"),
        ("normal", "Pelayanan Khusus: Lanjut usia"),
        ("normal", "Senin, 30 November 2026 09:02"),
        ("normal", "Antrean di depan Anda: 7"),
        ("normal", "Perkiraan tunggu: sekitar 25 menit"),
        ("normal", "Standar waktu layanan: 15 menit"),
        ("small", "Terima kasih. Nomor yang terlewat dapat dipanggil ulang di loket."),
    ]


def test_slip_lines_in_english() -> None:
    """The same ticket on a kiosk set to English: the values are said in its language."""
    words.set_language("en")
    slip = with_changes(SLIP, footer=None, people_ahead=1, standard_time=Message("standard.hours", n=1))
    assert slip_lines(slip) == [
        ("title", "Mal Pelayanan Publik Kota Banjarmasin"),
        ("normal", "A - KTP Elektronik"),
        ("label", "TICKET NUMBER"),
        ("number", "A123"),
        ("normal", "Priority service: Elderly"),
        ("normal", "Monday, 30 November 2026 09:02"),
        ("normal", "People ahead of you: 1"),
        ("normal", "Estimated wait: about 25 minutes"),
        ("normal", "Standard service time: 1 hour"),
        (
            "small",
            "Keep this ticket and watch the screen. A missed number can be called again at the counter.",
        ),
    ]


def test_slip_without_priority_standard_or_footer() -> None:
    slip = with_changes(
        SLIP, priority=None, standard_time=None, footer=None, estimate=Message("estimate.now")
    )
    lines = [text for _, text in slip_lines(slip)]
    assert not any(text.startswith(("Pelayanan Khusus", "Standar waktu")) for text in lines)
    assert "Perkiraan tunggu: segera dilayani" in lines
    assert lines[-1] == (
        "Simpan tiket ini dan perhatikan layar. Nomor yang terlewat dapat dipanggil ulang di loket."
    )


def decode(data: bytes) -> tuple[list[tuple[str, bytes]], list[str]]:
    """Split ESC/POS into (command, argument) pairs and the printed text lines."""
    commands: list[tuple[str, bytes]] = []
    lines, current, i = [], bytearray(), 0
    fixed = {b"\x1b@": 0, b"\x1bt": 1, b"\x1ba": 1, b"\x1bE": 1, b"\x1d!": 1, b"\x1bd": 1, b"\x1dV": 2}
    while i < len(data):
        two = data[i : i + 2]
        if two == b"\x1d(":  # GS ( k pL pH ...: length-prefixed
            length = data[i + 3] | data[i + 4] << 8
            commands.append(("GS(k", data[i + 5 : i + 5 + length]))
            i += 5 + length
        elif two in fixed:
            commands.append((two.decode("latin-1"), data[i + 2 : i + 2 + fixed[two]]))
            i += 2 + fixed[two]
        elif data[i : i + 1] == b"\n":
            lines.append(current.decode("cp858"))
            current = bytearray()
            i += 1
        else:
            assert data[i] >= 0x20, f"unknown control byte {data[i]:#x} at {i}"
            current.append(data[i])
            i += 1
    return commands, lines


@pytest.mark.parametrize("width", [58, 80])
def test_escpos_slip_decodes_to_the_ticket(width: int) -> None:
    commands, lines = decode(render(SLIP, width))
    assert commands[0] == ("\x1b@", b"") and ("\x1bt", bytes([19])) in commands  # init, code page PC858
    assert all(len(line) <= COLUMNS[width] for line in lines)
    text = " ".join(lines)
    for part in (
        "KTP Elektronik",
        "NOMOR ANTREAN",
        "A123",
        "Senin, 30 November 2026 09:02",
        "Lanjut usia",
        "Antrean di depan Anda: 7",
        "sekitar 25 menit",
        "Standar waktu layanan: 15 menit",
    ):
        assert part in text
    assert "Banjarmasin" in text
    # the number as large as the paper allows: 4 characters x scale within the line
    number_index = next(
        i
        for i, (name, _) in enumerate(commands)
        if name == "\x1d!" and commands[i][1] != b"\x00" and commands[i][1] != b"\x01"
    )
    scale = (commands[number_index][1][0] >> 4) + 1
    assert scale * len("A123") <= COLUMNS[width] and scale >= 6
    qr = [arg for name, arg in commands if name == "GS(k"]
    assert qr[3] == b"\x31\x50\x30" + SLIP.qr.encode() and qr[4] == b"\x31\x51\x30"  # stored, then printed
    assert commands[-1] == ("\x1dV", b"A\x03")  # feed and cut


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "estimate",
    [
        Message("estimate.range", low=105, high=135),
        Message("estimate.at_most", wait=timedelta(hours=2, minutes=55)),
        Message("estimate.beyond", wait=timedelta(hours=3)),
        Message("estimate.unknown"),
        Message("estimate.no_counter"),
    ],
)
def test_every_estimate_prints_whole_on_58_mm_paper(lang: str, estimate: Message) -> None:
    words.set_language(lang)
    _, lines = decode(render(with_changes(SLIP, estimate=estimate), 58))
    assert all(len(line) <= COLUMNS[58] for line in lines)
    assert words.text("slip.estimate", estimate=estimate) in " ".join(line.strip() for line in lines)


def test_indonesian_text_survives_the_code_page() -> None:
    slip = with_changes(SLIP, footer="Rp 10.000 · café €")
    _, lines = decode(render(slip, 80))
    assert "Rp 10.000 · café €" in " ".join(lines)


def test_bad_width_is_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        render(SLIP, 76)
    assert refused.value.code == "printer.bad_width" and "58" in words.say(refused.value, lang="en")


def test_network_printer_receives_the_bytes() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    received = bytearray()

    def accept() -> None:
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=accept)
    thread.start()
    data = render(SLIP, 80)
    send(data, f"tcp:127.0.0.1:{server.getsockname()[1]}")
    thread.join(5)
    server.close()
    assert bytes(received) == data


def test_a_network_printer_that_never_answers_times_out() -> None:
    printer = FakeNetworkPrinter(stall_s=None)
    started = time.monotonic()
    try:
        with pytest.raises(PrinterError) as failed:
            send(render(SLIP, 80), printer.target, timeout=0.5)
    finally:
        printer.close()
    waited = time.monotonic() - started
    assert waited >= 0.5, "it gave the printer its timeout"
    assert waited < 30, "and gave up then (a generous bound: a send without a timeout would never return)"
    assert failed.value.code == "printer.timeout" and failed.value.params["target"] == printer.target
    assert len(printer.accepted) == 1 and not printer.jobs, "it connected, and the printer never took it"


@pytest.mark.parametrize(
    ("target", "code", "cause"),
    [
        ("tcp:127.0.0.1:9", "printer.unreachable", "Connection refused"),
        ("file:/nonexistent-folder/printer.bin", "printer.unreachable", "No such file"),
        ("usb:04b8:0e15", None, ""),  # no such device here; pyusb says why in its own words
        ("file:/", "printer.failed", "directory"),
    ],
)
def test_printer_failures_have_a_code_and_name_the_printer(target: str, code: str | None, cause: str) -> None:
    with pytest.raises(PrinterError) as failed:
        send(render(SLIP, 58), target)
    error = failed.value
    assert error.code in ((code,) if code else ("printer.unreachable", "printer.failed"))
    assert error.params["target"] == target and cause in error.params["cause"]
    for said in (words.say(error, lang="id"), words.say(error, lang="en")):
        assert target in said and not said.startswith("printer.")


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ("carrier-pigeon:1", "printer.unknown_target"),
        ("tcp:10.0.0.9:printer", "printer.bad_target"),
        ("tcp::9100", "printer.bad_target"),
        ("usb:epson:1", "printer.bad_target"),
        ("serial:/dev/ttyS0:fast", "printer.bad_target"),
        ("file:", "printer.bad_target"),
    ],
)
def test_malformed_printers_are_refused_before_printing(target: str, code: str) -> None:
    from antrian.printing.targets import printer_for

    for attempt in (lambda: printer_for(target), lambda: send(b"", target)):
        with pytest.raises(InvalidInput) as refused:
            attempt()
        assert refused.value.code == code and target in words.say(refused.value)


def test_a_network_printer_without_a_port_is_on_the_raw_printing_port() -> None:
    assert parse_target("tcp:printer.local") == ("tcp", ("printer.local", "9100"))
    assert parse_target("tcp:10.0.0.9:9101") == ("tcp", ("10.0.0.9", "9101"))


def test_every_printing_code_has_words_in_both_languages() -> None:
    """The codes this package raises, said in each language with their parameters (never the code)."""
    samples: list[AntrianError] = [
        InvalidInput("printer.bad_width", width=76),
        InvalidInput("printer.unknown_target", target="x:1"),
        InvalidInput("printer.bad_target", target="tcp::1", form="tcp:HOST[:PORT]"),
        InvalidInput("printer.pdf_needs_path"),
        PrinterError("printer.unreachable", target="tcp:h:1", cause="refused"),
        PrinterError("printer.timeout", target="tcp:h:1", seconds=8),
        PrinterError("printer.gave_up", seconds=20),
        PrinterError("printer.failed", target="tcp:h:1", cause="reset"),
        PrinterError("printer.pdf_folder_missing", folder="/x", path="/x/t.pdf"),
        PrinterError("printer.pdf_not_written", path="/x/t.pdf"),
        PrinterError("printer.cannot_draw"),
        PrinterError("printer.no_system_printer_named", name="Kasir", available=["A", "B"]),
        PrinterError("printer.no_system_printer"),
    ]
    for error in samples:
        said = {lang: words.say(error, lang=lang) for lang in ("id", "en")}
        assert all(words.has(error.code, lang) for lang in said), error.code
        assert said["id"] != said["en"] and not any(text.startswith(error.code) for text in said.values())
        for value in error.params.values():
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            assert all(shown in text for text in said.values()), (error.code, said)


def test_pdf_has_the_ticket_text_drawn_off_the_gui_thread(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """The kiosk draws PDFs (and system printer pages) on its task runner's threads: QPainter on a
    QPdfWriter works there, text included."""
    from PySide6.QtPdf import QPdfDocument

    from antrian.printing.page import render_pdf

    drawn: list[Path | BaseException] = []

    def draw() -> None:
        try:
            drawn.append(render_pdf(SLIP, tmp_path / "tiket.pdf"))
        except BaseException as error:
            drawn.append(error)

    worker = threading.Thread(target=draw)
    worker.start()
    worker.join(30)
    (path,) = drawn
    assert isinstance(path, Path), path
    document = QPdfDocument()
    document.load(str(path))
    assert document.pageCount() == 1
    text = document.getAllText(0).text().replace("\r\n", " ").replace("\n", " ")
    for part in ("A123", "KTP Elektronik", "Antrean di depan Anda: 7", "Standar waktu layanan: 15 menit"):
        assert part in text
    size = document.pagePointSize(0)
    assert round(size.width() / 72 * 25.4) == 80  # receipt width


def test_slip_from_the_database(office: Database, clock) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        first = queue.issue_ticket(s, "A", clock=clock)
        second = queue.issue_ticket(s, "A", priority="hamil", clock=clock)
    with office.read() as s:
        slip = ticket_slip(s, second.id, clock=clock)
        # first in line, but no counter is open: no "served shortly" on the ticket
        assert ticket_slip(s, first.id, clock=clock).estimate == Message("estimate.no_counter")
    assert (slip.number, slip.people_ahead, slip.priority) == ("A002", 1, PriorityGroup.PREGNANT)
    assert (slip.service_code, slip.service_name, slip.service) == (
        "A",
        "KTP Elektronik",
        "A - KTP Elektronik",
    )
    assert slip.issued == clock.now and slip.issued.utcoffset() == timedelta(hours=7)  # office-local: WIB
    assert slip.standard_time == Message("standard.minutes", n=15)
    assert slip.estimate == Message("estimate.no_counter")  # no counter open yet
    assert slip.footer is None  # the office set none: the catalogue's words are printed
    assert slip.qr == f"ANTRIAN:{second.id}:A002:2026-11-30"
    lines = [text for _, text in slip_lines(slip)]
    assert "Senin, 30 November 2026 09:00" in lines and "Pelayanan Khusus: Wanita hamil" in lines


def test_slip_of_an_unknown_ticket(office: Database, clock) -> None:  # type: ignore[no-untyped-def]
    with office.read() as s, raises_code(NotFound, "ticket.unknown_id", id=99999):
        ticket_slip(s, 99999, clock=clock)


@pytest.mark.slow
def test_cli_reprint_to_file_and_pdf(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "antrian", "--db", str(db), *args], capture_output=True, text=True, timeout=60
    )
    assert run("demo-data", "--history-days", "0").returncode == 0
    issued = json.loads(run("ticket", "issue", "B", "--json").stdout)
    out = tmp_path / "printer.bin"
    result = run("ticket", "print", str(issued["id"]), "--printer", f"file:{out}", "--width", "58")
    assert result.returncode == 0, result.stderr
    assert issued["number"] in " ".join(decode(out.read_bytes())[1])
    pdf = tmp_path / "t.pdf"
    assert run("ticket", "print", str(issued["id"]), "--printer", f"pdf:{pdf}").returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    failed = run("ticket", "print", str(issued["id"]), "--printer", "tcp:127.0.0.1:9")
    assert failed.returncode == 1 and "tcp:127.0.0.1:9" in failed.stderr
    missing = run("ticket", "print", "99999", "--printer", f"file:{out}")
    assert missing.returncode == 2 and missing.stderr == "antrian: Tidak ada tiket dengan id 99999\n"
    english = run("--lang", "en", "ticket", "print", "99999", "--printer", f"file:{out}")
    assert english.returncode == 2 and english.stderr == "antrian: There is no ticket with id 99999\n"
