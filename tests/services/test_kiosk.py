"""The kiosk's view of each service, against a real database on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from antrian import words
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.kiosk import kiosk_overview
from antrian.services.setup import save_service
from antrian.store.database import Database


def tiles(db: Database, clock: FixedClock) -> dict[str, object]:
    with db.read() as s:
        return {t.code: t for t in kiosk_overview(s, clock=clock)}


def test_waiting_and_estimate_from_counters_and_recent_service_times(
    office: Database, clock: FixedClock
) -> None:
    for _ in range(4):
        with office.write() as s:
            queue.issue_ticket(s, "A", clock=clock)
    view = tiles(office, clock)
    a = view["A"]
    # nobody open yet: no estimate, but the kiosk still issues (citizens queue before counters open)
    assert (a.waiting, a.estimate, a.estimate_words, a.available) == (
        4,
        None,
        Message("estimate.no_counter"),
        True,
    )
    assert a.standard_time == Message("standard.minutes", n=15)
    assert view["C"].standard_time == Message("standard.hours", n=1)
    assert (words.say(a.standard_time, lang="id"), words.say(view["C"].standard_time, lang="en")) == (
        "15 menit",
        "1 hour",
    )
    with office.write() as s:
        counters.open_counter(s, 1, actor=SYSTEM, clock=clock)
    # one counter serving A and B, 4 waiting for A and none for B: a whole server, standard time 15 min
    assert tiles(office, clock)["A"].estimate == timedelta(minutes=60)
    # serve five citizens in 4 minutes each: the recent median replaces the standard time
    for _ in range(5):
        with office.write() as s:
            queue.issue_ticket(s, "A", clock=clock)
        with office.write() as s:
            queue.call_next(s, 1, actor=SYSTEM, clock=clock)
            queue.start(s, 1, actor=SYSTEM, clock=clock)
        clock.advance(minutes=4)
        with office.write() as s:
            queue.finish(s, 1, actor=SYSTEM, clock=clock)
    a = tiles(office, clock)["A"]
    assert a.waiting == 4
    assert a.estimate == timedelta(minutes=20)
    assert a.estimate_words == Message("estimate.about", wait=timedelta(minutes=20))
    assert words.say(a.estimate_words, lang="id") == "sekitar 20 menit"
    assert words.say(a.estimate_words, lang="en") == "about 20 minutes"


def test_unavailable_services_say_why(office: Database, clock: FixedClock) -> None:
    with office.write() as s:
        save_service(
            s,
            "E",
            "Legalisir",
            actor=SYSTEM,
            standard_time=5,
            opens_at=time(8),
            closes_at=time(12),
            open_days="12345",
        )
        save_service(s, "F", "Konsultasi", actor=SYSTEM, standard_time=5, daily_quota=1, open_days="1234567")
    with office.write() as s:
        queue.issue_ticket(s, "F", clock=clock)
    with office.write() as s:
        counters.open_counter(s, 3, actor=SYSTEM, clock=clock)
        counters.pause_counter(s, 3, "Istirahat siang", actor=SYSTEM, clock=clock)
    view = tiles(office, clock)  # Monday 09:00 in Jakarta
    assert (view["E"].available, view["E"].reason) == (True, None)
    assert (view["F"].available, view["F"].reason) == (False, Message("kiosk.quota_used"))
    assert (view["C"].available, view["C"].reason) == (False, Message("kiosk.paused"))
    assert [words.say(view[code].reason, lang="id") for code in "FC"] == [  # type: ignore[arg-type]
        "kuota hari ini habis",
        "loket sedang istirahat",
    ]
    assert [words.say(view[code].reason, lang="en") for code in "FC"] == [  # type: ignore[arg-type]
        "today's quota is used up",
        "the counters are on a break",
    ]
    assert view["A"].available  # counters 1 and 2 are closed, not on a break
    evening = FixedClock(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))  # 16:00
    assert tiles(office, evening)["E"].reason == Message("hours.closed_since", closes=time(12))
    sunday = FixedClock(datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
    assert tiles(office, sunday)["E"].reason == Message("hours.closed_day", weekday=7)
    early = FixedClock(datetime(2026, 11, 30, 0, 30, tzinfo=UTC))
    reason = tiles(office, early)["E"].reason
    assert reason == Message("hours.not_yet_open", opens=time(8))
    assert words.say(reason, lang="id") == "buka pukul 08:00"  # type: ignore[arg-type]
    assert words.say(reason, lang="en") == "opens at 08:00"  # type: ignore[arg-type]
