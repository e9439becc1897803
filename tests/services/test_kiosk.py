"""The kiosk's view of each service, against a real database on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from antrian import words
from antrian.domain.estimate import ServiceTimes
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM
from antrian.domain.timing import FixedClock
from antrian.services import counters, queue
from antrian.services.kiosk import ServiceTile, kiosk_overview
from antrian.services.setup import save_service
from antrian.services.slips import ticket_slip
from antrian.store.database import Database


def tiles(db: Database, clock: FixedClock) -> dict[str, ServiceTile]:
    with db.read() as s:
        return {t.code: t for t in kiosk_overview(s, clock=clock)}


def said(db: Database, clock: FixedClock) -> dict[str, str]:
    """Each service's estimate as the kiosk says it in Indonesian."""
    return {code: words.say(tile.estimate_words, lang="id") for code, tile in tiles(db, clock).items()}


def issue(db: Database, clock: FixedClock, code: str, count: int = 1) -> list[int]:
    with db.write() as s:
        return [queue.issue_ticket(s, code, clock=clock).id for _ in range(count)]


def sittings(db: Database, clock: FixedClock, counter: int, minutes: list[int], code: str = "A") -> None:
    """Serve one new ``code`` ticket at ``counter`` per entry, each ``minutes`` from call to finish."""
    for spent in minutes:
        issue(db, clock, code)
        with db.write() as s:
            queue.call_next(s, counter, actor=SYSTEM, clock=clock)
            queue.start(s, counter, actor=SYSTEM, clock=clock)
        clock.advance(minutes=spent)
        with db.write() as s:
            queue.finish(s, counter, actor=SYSTEM, clock=clock)


def set_counter(db: Database, clock: FixedClock, counter: int, state: str) -> None:
    with db.write() as s:
        {"open": counters.open_counter, "closed": counters.close_counter}[state](
            s, counter, actor=SYSTEM, clock=clock
        )


def test_no_open_counter_says_so_even_with_nobody_ahead(office: Database, clock: FixedClock) -> None:
    issue(office, clock, "A", 4)
    view = tiles(office, clock)
    a = view["A"]
    # nobody open yet: no estimate, but the kiosk still issues (citizens queue before counters open)
    assert (a.waiting, a.line, a.servers, a.estimate_words, a.available) == (
        4,
        4,
        0,
        Message("estimate.no_counter"),
        True,
    )
    assert view["B"].waiting == 0 and view["B"].estimate_words == Message("estimate.no_counter")
    assert said(office, clock) == {code: "belum ada loket buka" for code in "ABC"}
    assert a.standard_time == Message("standard.minutes", n=15)
    assert view["C"].standard_time == Message("standard.hours", n=1)
    assert (words.say(a.standard_time, lang="id"), words.say(view["C"].standard_time, lang="en")) == (
        "15 menit",
        "1 hour",
    )


def test_only_the_standard_before_there_is_data_today(office: Database, clock: FixedClock) -> None:
    set_counter(office, clock, 1, "open")
    assert said(office, clock)["A"] == "segera dilayani"  # nobody ahead, counter 1 idle
    issue(office, clock, "A", 4)
    # counter 1 (A and B) idle, 4 ahead: 4 calls of at most 15 minutes (A) or 20 minutes (B) each
    assert tiles(office, clock)["A"].estimate_words == Message("estimate.at_most", wait=timedelta(minutes=60))
    assert said(office, clock) == {
        "A": "paling lama sekitar 1 jam",
        "B": "paling lama sekitar 1 jam 20 menit",  # no B ticket waits, but B shares counter 1 with A
        "C": "belum ada loket buka",
    }
    set_counter(office, clock, 2, "open")
    with office.write() as s:
        queue.call_next(s, 1, actor=SYSTEM, clock=clock)
    # 3 ahead, counter 2 idle, counter 1 busy: 3 calls over 2 counters, 1.5 rounds -> 2 x 15
    a = tiles(office, clock)["A"]
    assert (a.line, a.servers, a.idle) == (3, 2, 1)
    assert said(office, clock)["A"] == "paling lama sekitar 30 menit"


def test_range_from_todays_sittings_at_the_open_counters(office: Database, clock: FixedClock) -> None:
    set_counter(office, clock, 1, "open")
    # sorted 4 5 5 6 8 10: nearest-rank Q1 = rank 2 = 5, median = rank 3 = 5, Q3 = rank 5 = 8 minutes
    sittings(office, clock, 1, [4, 6, 5, 8, 10, 5])
    a = tiles(office, clock)["A"]
    assert a.times == ServiceTimes(*(timedelta(minutes=m) for m in (5, 5, 8)), measured=True)
    assert a.estimate_words == Message("estimate.now")  # nobody ahead, counter 1 idle
    issue(office, clock, "A", 4)
    # 4 ahead, 1 idle counter: 4 calls, 4 rounds; 4 x 5 = 20 -/+ 1.5 x sqrt(4) = 3 -> 17-23 -> 15-25
    assert tiles(office, clock)["A"].estimate_words == Message("estimate.range", low=15, high=25)
    assert said(office, clock) == {
        "A": "sekitar 15-25 menit",
        "B": "sekitar 15-25 menit",
        "C": "belum ada loket buka",
    }
    with office.read() as s:
        assert words.say(kiosk_overview(s, clock=clock)[0].estimate_words, lang="en") == "about 15-25 minutes"

    set_counter(office, clock, 2, "open")  # no sittings of its own: counter 1's five stand for the line
    # 4 ahead, 2 idle counters: 3 calls, 1.5 rounds; 7.5 -/+ 1.5 x 1.22 = 1.84 -> 5.7-9.3 -> 5-10
    assert said(office, clock)["A"] == "sekitar 5-10 menit"
    for counter in (1, 2):
        with office.write() as s:
            queue.call_next(s, counter, actor=SYSTEM, clock=clock)
    issue(office, clock, "B", 6)
    # 8 ahead, both busy: 9 calls, 4.5 rounds; 22.5 -/+ 1.5 x 2.12 = 3.18 -> 19.3-25.7 -> 15-30
    assert said(office, clock)["B"] == "sekitar 15-30 menit"
    with office.read() as s:
        last = ticket_slip(s, issue(office, clock, "B")[0], clock=clock)
    # the new ticket has the 8 ahead: the same 9 calls, 15-30, and the slip counts A's tickets too
    assert (last.people_ahead, words.say(last.estimate, lang="id")) == (8, "sekitar 15-30 menit")


def test_yesterdays_sittings_and_closed_counters_do_not_count(office: Database, clock: FixedClock) -> None:
    sunday = FixedClock(clock.now - timedelta(days=1))
    set_counter(office, sunday, 1, "open")
    sittings(office, sunday, 1, [30] * 6)  # yesterday's slow day
    sittings(office, clock, 1, [10] * 4)  # four today: not enough
    issue(office, clock, "A", 2)
    a = tiles(office, clock)["A"]
    assert a.times == ServiceTimes(*(timedelta(minutes=15),) * 3, measured=False)
    # 2 ahead, counter 1 idle: 2 calls of at most 15 minutes (Sunday's would have made it 1 hour)
    assert said(office, clock)["A"] == "paling lama sekitar 30 menit"
    with office.write() as s:
        queue.call_next(s, 1, actor=SYSTEM, clock=clock)
        queue.start(s, 1, actor=SYSTEM, clock=clock)
    clock.advance(minutes=10)
    with office.write() as s:
        queue.finish(s, 1, actor=SYSTEM, clock=clock)  # the fifth sitting today
    # every sitting today 10 minutes: 1 ahead, counter 1 idle, 1 round: 10 -/+ 0
    assert tiles(office, clock)["A"].estimate_words == Message("estimate.about", wait=timedelta(minutes=10))
    set_counter(office, clock, 2, "open")
    set_counter(office, clock, 1, "closed")
    # counter 2 has no sittings today and counter 1's no longer count: the standard again
    assert said(office, clock)["A"] == "paling lama sekitar 15 menit"


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
