"""The sample office of `antrian demo-data` and `antrian demo`."""

from __future__ import annotations

import secrets
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import InvalidInput
from antrian.domain.roles import SYSTEM
from antrian.services.office import update_office
from antrian.services.setup import save_counter, save_service
from antrian.services.users import create_user
from antrian.store.models import Counter, Office, Service, User

# code, name, standard time (value, unit), waiting target (minutes), daily quota
SERVICES = (
    ("A", "KTP Elektronik", 15, "minutes", 30, 200),
    ("B", "Kartu Keluarga", 20, "minutes", 30, 150),
    ("C", "Akta Kelahiran", 1, "hours", 45, 100),
    ("D", "Pindah Datang", 30, "minutes", 45, 80),
)
# The services a Mal Pelayanan Publik adds (``install_demo(services=...)`` up to 24): the agencies that sit
# side by side there, with the long names an office really uses.
MORE_SERVICES = (
    ("E", "Akta Kematian", 20, "minutes", 30, 80),
    ("F", "Kartu Identitas Anak", 15, "minutes", 30, 100),
    ("G", "Paspor Republik Indonesia", 1, "hours", 60, 120),
    ("H", "Perpanjangan Surat Izin Mengemudi", 30, "minutes", 45, 150),
    ("I", "Surat Keterangan Catatan Kepolisian (SKCK)", 30, "minutes", 45, 150),
    ("J", "Pajak Kendaraan Bermotor (Samsat)", 20, "minutes", 30, 300),
    ("K", "BPJS Kesehatan", 20, "minutes", 30, 120),
    ("L", "BPJS Ketenagakerjaan", 20, "minutes", 30, 100),
    ("M", "Perizinan Berusaha Berbasis Risiko (OSS)", 1, "hours", 60, 60),
    ("N", "Persetujuan Bangunan Gedung dan Sertifikat Laik Fungsi (PBG/SLF)", 14, "working_days", 60, 40),
    ("O", "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan", 20, "minutes", 30, 100),
    ("P", "Pendaftaran Tanah Pertama Kali (BPN)", 1, "hours", 60, 40),
    ("Q", "Nomor Pokok Wajib Pajak", 15, "minutes", 30, 80),
    ("R", "Layanan Pos dan Meterai", 10, "minutes", 20, 200),
    ("S", "Izin Usaha Mikro dan Kecil", 30, "minutes", 45, 60),
    ("T", "Pengaduan dan Informasi Pelayanan Publik", 15, "minutes", 30, 100),
    ("U", "Kartu Pencari Kerja (AK-1)", 15, "minutes", 30, 100),
    ("V", "Legalisasi Dokumen Kependudukan", 10, "minutes", 20, 150),
    ("W", "Konsultasi Hukum (Kejaksaan Negeri)", 30, "minutes", 45, 40),
    ("X", "Pembayaran Retribusi Daerah", 10, "minutes", 20, 200),
)
SAMPLE_COUNTERS = 4
MOST_COUNTERS = 99
USERS = (
    ("admin", "Administrator", "admin"),
    ("supervisor", "Kepala Bidang Pelayanan", "supervisor"),
    ("petugas1", "Petugas Loket 1", "operator"),
    ("petugas2", "Petugas Loket 2", "operator"),
    ("petugas3", "Petugas Loket 3", "operator"),
    ("petugas4", "Petugas Loket 4", "operator"),
)


def install_demo(
    session: Session, *, counters: int = SAMPLE_COUNTERS, services: int = len(SERVICES)
) -> dict[str, str]:
    """Create whatever part of the sample office is missing; never changes what exists.

    The sample services are open around the clock, every day, so the demo works at any hour; a real office
    sets its hours in the admin window. ``counters`` (1 to 99) and ``services`` (1 to 24) size it like a
    bigger office: counters 1 to 4 serve the first four services, and the services are dealt out to the
    counters in turn, so every service has a counter.

    Return:
        The passwords of the users created now (shown once; existing users keep theirs).
    """
    catalogue = (*SERVICES, *MORE_SERVICES)
    if not 1 <= services <= len(catalogue):
        raise InvalidInput("demo.services_range", given=services, most=len(catalogue))
    if not 1 <= counters <= MOST_COUNTERS:
        raise InvalidInput("demo.counters_range", given=counters, most=MOST_COUNTERS)
    chosen = catalogue[:services]
    if session.get(Office, 1) is None:
        update_office(
            session,
            SYSTEM,
            name="Mal Pelayanan Publik Kota Contoh",
            timezone="Asia/Jakarta",
            running_text="Selamat datang. Siapkan dokumen asli Anda sebelum dipanggil.",
        )
    existing = set(session.execute(select(Service.code)).scalars())
    for order, (code, name, value, unit, target, quota) in enumerate(chosen):
        if code not in existing:
            save_service(
                session,
                code,
                name,
                actor=SYSTEM,
                standard_time=value,
                standard_unit=unit,
                waiting_target_minutes=target,
                daily_quota=quota,
                opens_at=time(0, 0),
                closes_at=None,
                open_days="1234567",
                display_order=order,
            )
    existing_counters = set(session.execute(select(Counter.number)).scalars())
    for number in range(1, counters + 1):
        if number not in existing_counters:
            save_counter(
                session, number, f"Loket {number}", counter_services(number, counters, chosen), actor=SYSTEM
            )
    users = set(session.execute(select(User.username)).scalars())
    created: dict[str, str] = {}
    for username, full_name, role in USERS:
        if username not in users:
            password = secrets.token_urlsafe(9)
            create_user(session, username, full_name, role, password, actor=SYSTEM)
            created[username] = password
    return created


def counter_services(number: int, counters: int, chosen: tuple[tuple[object, ...], ...]) -> list[str]:
    """The codes counter ``number`` of ``counters`` serves: the first four services for counters 1-4 (the
    sample office), and every service whose place in ``chosen`` falls to this counter in turn (with more
    counters than services, one service for each counter left over)."""
    codes = [str(row[0]) for row in chosen]
    served = codes[:SAMPLE_COUNTERS] if number <= SAMPLE_COUNTERS else []
    served += [
        code for index, code in enumerate(codes) if index % counters == number - 1 and code not in served
    ]
    # more counters than services: a counter no service fell to helps with one (none would be refused)
    return served or [codes[(number - 1) % len(codes)]]
