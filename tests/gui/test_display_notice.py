"""The display tells the waiting room why the kiosk is closed: a break's name and end, or the holiday, in
front of the running text; it reads again when a break starts or ends, with no event to say so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from antrian.domain.roles import SYSTEM
from antrian.gui.display.window import DisplayWindow
from antrian.gui.tasks import TaskRunner
from antrian.services.calendar import add_breaks, add_holiday, list_breaks, remove_break, remove_holiday
from antrian.services.office import update_office
from antrian.store.database import Database

ALL_DAY = (time(0), time(23, 59, 59))  # the snapshot reads the real clock: a break around any test's "now"
SEPARATOR = "     •     "


@pytest.fixture
def moment() -> list[datetime | None]:
    """The window's clock: the real time until a test sets a moment here."""
    return [None]


@pytest.fixture
def window(qtbot: QtBot, office_db: Database, moment: list[datetime | None]) -> Iterator[DisplayWindow]:
    with office_db.write() as s:
        update_office(s, SYSTEM, running_text="Selamat datang")
    runner = TaskRunner()
    shown = DisplayWindow(
        office_db,
        lambda work, done: runner.submit(work, done, done),
        clock=lambda: moment[0] or datetime.now(UTC),
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: shown.snapshot is not None, timeout=5000)
    yield shown
    runner.wait()


def today() -> datetime:
    return datetime.now(ZoneInfo("Asia/Jakarta"))


def test_the_break_notice_leads_the_running_text(
    qtbot: QtBot, office_db: Database, window: DisplayWindow
) -> None:
    assert window.ticker.text() == "Selamat datang"
    with office_db.write() as s:
        add_breaks(s, SYSTEM, [today().isoweekday()], *ALL_DAY, "Salat Jumat")
    window.refresh()  # what the change feed's settings_changed event does
    notice = "Layanan tutup (Salat Jumat) sampai pukul 23:59"
    qtbot.waitUntil(lambda: window.ticker.text() == f"{notice}{SEPARATOR}Selamat datang", timeout=5000)
    with office_db.write() as s:
        remove_break(s, SYSTEM, list_breaks(s)[0].id)
        add_holiday(s, SYSTEM, today().date(), "Hari Raya Natal")
        update_office(s, SYSTEM, running_text="")
    window.refresh()
    qtbot.waitUntil(lambda: window.ticker.text() == "Hari ini kantor libur: Hari Raya Natal", timeout=5000)
    with office_db.write() as s:
        remove_holiday(s, SYSTEM, today().date())
    window.refresh()
    qtbot.waitUntil(lambda: window.ticker.text() == "", timeout=5000)


def test_a_break_starting_or_ending_reads_again(
    qtbot: QtBot,
    office_db: Database,
    window: DisplayWindow,
    moment: list[datetime | None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with office_db.write() as s:
        add_breaks(s, SYSTEM, [1, 2, 3, 4, 5, 6, 7], time(11, 30), time(13), "Istirahat siang")
    window.refresh()
    qtbot.waitUntil(lambda: window.snapshot.notice_turns == (time(11, 30), time(13)), timeout=5000)  # type: ignore[union-attr]
    moment[0] = datetime(2026, 12, 4, 4, 29, 58, tzinfo=UTC)  # Friday 11:29:58 in Jakarta
    window.tick()  # (another day than the real one: read again as at midnight)
    reads: list[datetime] = []
    monkeypatch.setattr(window, "refresh", lambda: reads.append(moment[0]))
    for now in (  # ticks a second apart; the turn is crossed between 11:29:59 and 11:30:00
        datetime(2026, 12, 4, 4, 29, 59, tzinfo=UTC),
        datetime(2026, 12, 4, 4, 30, 0, tzinfo=UTC),
        datetime(2026, 12, 4, 4, 30, 1, tzinfo=UTC),
        datetime(2026, 12, 4, 5, 59, 59, tzinfo=UTC),
        datetime(2026, 12, 4, 6, 0, 1, tzinfo=UTC),  # a late tick still sees 13:00 pass
        datetime(2026, 12, 4, 6, 0, 2, tzinfo=UTC),
    ):
        moment[0] = now
        window.tick()  # (the window's own timer may tick at the same moment too: no turn passes then)
    assert reads == [datetime(2026, 12, 4, 4, 30, 0, tzinfo=UTC), datetime(2026, 12, 4, 6, 0, 1, tzinfo=UTC)]
