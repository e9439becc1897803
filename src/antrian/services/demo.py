"""The sample office of `antrian demo-data` and `antrian demo`."""

from __future__ import annotations

import secrets
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

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
USERS = (
    ("admin", "Administrator", "admin"),
    ("supervisor", "Kepala Bidang Pelayanan", "supervisor"),
    ("petugas1", "Petugas Loket 1", "operator"),
    ("petugas2", "Petugas Loket 2", "operator"),
    ("petugas3", "Petugas Loket 3", "operator"),
    ("petugas4", "Petugas Loket 4", "operator"),
)


def install_demo(session: Session) -> dict[str, str]:
    """Create whatever part of the sample office is missing; never changes what exists.

    The sample services are open around the clock, every day, so the demo works at any hour; a real office
    sets its hours in the admin window.

    Return:
        The passwords of the users created now (shown once; existing users keep theirs).
    """
    if session.get(Office, 1) is None:
        update_office(
            session,
            SYSTEM,
            name="Mal Pelayanan Publik Kota Contoh",
            timezone="Asia/Jakarta",
            running_text="Selamat datang. Siapkan dokumen asli Anda sebelum dipanggil.",
        )
    existing = set(session.execute(select(Service.code)).scalars())
    for order, (code, name, value, unit, target, quota) in enumerate(SERVICES):
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
    counters = set(session.execute(select(Counter.number)).scalars())
    for number in range(1, 5):
        if number not in counters:
            save_counter(session, number, f"Loket {number}", [s[0] for s in SERVICES], actor=SYSTEM)
    users = set(session.execute(select(User.username)).scalars())
    created: dict[str, str] = {}
    for username, full_name, role in USERS:
        if username not in users:
            password = secrets.token_urlsafe(9)
            create_user(session, username, full_name, role, password, actor=SYSTEM)
            created[username] = password
    return created
