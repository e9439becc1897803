"""An admin's change reaches a kiosk and a display running in another process, unrestarted.

The windows are the real ``KioskWindow`` and ``DisplayWindow`` in a process of their own
(tests/gui/window_process.py, the same harness as the database fault tests), on a SQLite file and on
PostgreSQL. This test process plays the admin: it changes the office through the same service functions
the admin window and ``antrian service|holiday ...`` call, each change committed in its own transaction,
and waits for each window's record of what it shows. How soon (the promise: within a second) is measured
by ``bench/bench_windows.py --only reach``; here the wait's deadline only keeps a lost change from hanging.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antrian.domain.roles import SYSTEM, Actor, Role
from antrian.store.database import Database, open_database
from tests.conftest import seed_office
from tests.end2end.test_database_faults import Windows

pytestmark = pytest.mark.slow
HANG_S = 15.0  # a guard against a change that never arrives, not a performance claim (see the bench)


@pytest.fixture
def admin_db(db_url: str) -> Iterator[tuple[str, Database]]:
    database = open_database(db_url, create=True)
    seed_office(database)
    try:
        yield db_url, database
    finally:
        database.dispose()


def _admin(database: Database) -> Actor:
    from antrian.services.users import create_user

    with database.write() as session:
        user_id = create_user(session, "kepala", "Kepala Kantor", "admin", "rahasia-kantor-1", actor=SYSTEM)
    return Actor(Role.ADMIN, user_id, "kepala")


def test_an_admins_changes_reach_the_running_kiosk_and_display(
    admin_db: tuple[str, Database], tmp_path: Path
) -> None:
    from antrian.services.calendar import add_holiday, remove_holiday
    from antrian.services.counters import open_counter
    from antrian.services.office import update_office
    from antrian.services.queue import call_next, issue_ticket
    from antrian.services.setup import add_counter, add_service, edit_service

    url, database = admin_db
    admin = _admin(database)
    windows = Windows(url, tmp_path)
    try:
        assert windows.last("kiosk")["services"] == {
            "A": "KTP Elektronik",
            "B": "Kartu Keluarga",
            "C": "Akta Kelahiran",
        }

        def reach(window: str, what: str, match: object, since: float) -> None:
            windows.wait(
                lambda r: r.get("window") == window and match(r),  # type: ignore[operator]
                f"{window}: {what}",
                HANG_S,
                since,
            )

        # a service renamed: the kiosk's button says the new name
        since = time.time()
        with database.write() as session:
            edit_service(session, "A", name="KTP-el (Perekaman)", actor=admin)
        reach("kiosk", "the new name", lambda r: r["services"].get("A") == "KTP-el (Perekaman)", since)
        with database.write() as session:  # the display names the service of a call by its new name
            issue_ticket(session, "A")
            open_counter(session, 1, actor=admin)
            call_next(session, 1, actor=admin)
        reach("display", "the call's service", lambda r: r["call"] == ["A001", "KTP-el (Perekaman)"], since)

        # the service's hours changed: closed since 00:01 today, so the kiosk says so and issues nothing
        since = time.time()
        with database.write() as session:
            edit_service(session, "A", opens_at=dtime(0, 0), closes_at=dtime(0, 1), actor=admin)
        reach("kiosk", "A closed", lambda r: "00:01" in r["details"].get("A", ""), since)
        assert windows.tap("A").get("nothing") == "A"

        # a new service with its counter: a new button
        since = time.time()
        with database.write() as session:
            add_service(session, "D", "Legalisir Dokumen", actor=admin, standard_time=10, open_days="1234567")
            add_counter(session, 4, "Loket 4", ["D"], actor=admin)
        reach("kiosk", "the new service", lambda r: r["services"].get("D") == "Legalisir Dokumen", since)

        # the office's name and running text on the display
        since = time.time()
        with database.write() as session:
            update_office(
                session, admin, name="Mal Pelayanan Publik Kota", running_text="Loket tutup pukul 15.00"
            )
        reach("display", "the office's new name", lambda r: r["office"] == "Mal Pelayanan Publik Kota", since)
        reach("display", "the running text", lambda r: "Loket tutup pukul 15.00" in r["ticker"], since)

        # today made a holiday: the kiosk stops issuing and says why; taken back, it issues again
        today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
        since = time.time()
        with database.write() as session:
            add_holiday(session, admin, today, "Hari Uji Nasional")
        reach("kiosk", "no service on the holiday", lambda r: r["buttons"] is False, since)
        reach("display", "the holiday's notice", lambda r: "Hari Uji Nasional" in r["ticker"], since)
        kiosk = windows.last("kiosk")
        assert all("Hari Uji Nasional" in detail for detail in kiosk["details"].values()), kiosk
        assert windows.tap("B").get("nothing") == "B", "a ticket was issued on the holiday"
        since = time.time()
        with database.write() as session:
            remove_holiday(session, admin, today)
        reach("kiosk", "services again", lambda r: r["buttons"] is True, since)
        reach("display", "no holiday notice", lambda r: "Hari Uji Nasional" not in r["ticker"], since)
        assert windows.tap("D").get("shown") == "D001"
    finally:
        windows.stop()
