"""The ticket slip: what a printed ticket says, independent of how it is printed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TicketSlip:
    office: str
    service: str  # "A - KTP Elektronik"
    number: str
    issued: str  # "Senin, 30 November 2026 09:02"
    people_ahead: int
    estimate: str  # "sekitar 15 menit"
    standard_time: str  # "15 menit"
    footer: str
    qr: str  # payload of the QR code: identifies the ticket for the counter's scanner
    priority: str | None = None  # "Lanjut usia" when the citizen claimed priority service

    def lines(self) -> list[tuple[str, str]]:
        """The slip top to bottom as (style, text); style is one of title, normal, number, small."""
        rows = [
            ("title", self.office),
            ("normal", self.service),
            ("label", "NOMOR ANTREAN"),
            ("number", self.number),
        ]
        if self.priority:
            rows.append(("normal", f"Pelayanan Khusus: {self.priority}"))
        rows += [
            ("normal", self.issued),
            ("normal", f"Antrean di depan Anda: {self.people_ahead}"),
            ("normal", f"Perkiraan tunggu: {self.estimate}"),
            ("normal", f"Standar waktu layanan: {self.standard_time}"),
            ("small", self.footer),
        ]
        return rows
