"""The compliance report's arithmetic, every expected figure worked out by hand in the comments.

Days are in WIB (UTC+7) unless a test says otherwise: 08:00 WIB is 01:00 UTC.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from antrian.domain.counter_time import (
    CounterEvent,
    CounterEventKind,
    CounterTime,
    Interval,
    counter_intervals,
    counter_times,
    operator_times,
)
from antrian.domain.figures import (
    Figures,
    Share,
    Standard,
    Summary,
    Visit,
    figures,
    hour_figures,
    office_totals,
    service_figures,
    shown_percent,
    weekday_hour_arrivals,
)
from antrian.domain.status import Status
from antrian.domain.timing import TimeUnit

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
DAY = date(2026, 3, 2)  # a Monday
MIN = 60.0
FIFTEEN = Standard(15, TimeUnit.MINUTES, 30, "Keputusan Kepala Dinas No. 12/2026")
EMPTY = Summary(0, None, None, None, None, None)


def at(hour: int, minute: int = 0, second: int = 0, day: date = DAY) -> datetime:
    """A WIB wall-clock time of ``day`` as a UTC instant."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=WIB).astimezone(UTC)


def visit(
    id: int,
    issued: datetime,
    called: datetime | None = None,
    started: datetime | None = None,
    finished: datetime | None = None,
    *,
    status: Status = Status.DONE,
    service: str = "A",
    day: date = DAY,
    counter: int | None = 1,
    operator: str | None = "budi",
    priority: str | None = None,
    parent: int | None = None,
    first_issued: datetime | None = None,
) -> Visit:
    return Visit(
        id=id,
        label=f"{service}-{id:03}",
        service=service,
        day=day,
        issued=issued,
        first_called=called,
        started=started,
        finished=finished,
        status=status,
        counter=counter,
        operator=operator,
        priority=priority,
        parent=parent,
        first_issued=first_issued or issued,
    )


def fifteen(code: str, day: date) -> Standard | None:
    return FIFTEEN


NOW = at(17)


def test_an_empty_day_has_counts_of_zero_and_no_times() -> None:
    result = figures([], fifteen, NOW)
    assert result == Figures(
        issued=0,
        served=0,
        no_show=0,
        cancelled=0,
        expired=0,
        transferred=0,
        called=0,
        not_called=0,
        longest_not_called=None,
        waiting=EMPTY,
        service_time=EMPTY,
        walk=EMPTY,
        stay=EMPTY,
        within_standard=Share(0, 0),
        not_measurable=0,
        no_standard=0,
        within_waiting_target=Share(0, 0),
    )
    assert result.within_standard.percent is None and result.within_standard.shown is None
    assert service_figures([], fifteen, NOW) == {}
    assert office_totals([]).citizens == 0
    assert all(hour.arrivals == 0 and hour.waiting == EMPTY for hour in hour_figures([], WIB))


def test_a_day_of_only_no_shows_has_waiting_but_no_service() -> None:
    # waits 10 and 40 minutes; the 30-minute target holds for the first only: 1 of 2 = 50 %
    days = [
        visit(1, at(8), at(8, 10), status=Status.NO_SHOW),
        visit(2, at(8, 5), at(8, 45), status=Status.NO_SHOW),
    ]
    result = figures(days, fifteen, NOW)
    assert (result.issued, result.served, result.no_show, result.called, result.not_called) == (2, 0, 2, 2, 0)
    # sorted 600, 2400: p50 rank ceil(1) = 1 -> 600; p90 rank ceil(1.8) = 2 -> 2400; mean 1500
    assert result.waiting == Summary(2, 600.0, 2400.0, 2400.0, 2400.0, 1500.0)
    assert result.service_time == EMPTY and result.stay == EMPTY
    assert result.within_standard == Share(0, 0)  # applies to served tickets only: none
    assert result.within_waiting_target == Share(1, 2)
    assert result.within_waiting_target.over == 1 and result.within_waiting_target.shown == 50.0


def test_one_served_ticket() -> None:
    # issued 08:00, called 08:12, started 08:13, finished 08:25:30
    one = visit(1, at(8), at(8, 12), at(8, 13), at(8, 25, 30))
    assert one.waiting == timedelta(minutes=12)
    assert one.walk == timedelta(minutes=1)
    assert one.service_time == timedelta(minutes=12, seconds=30)
    assert one.stay == timedelta(minutes=25, seconds=30)
    result = figures([one], fifteen, NOW)
    assert result.waiting == Summary(1, 720.0, 720.0, 720.0, 720.0, 720.0)
    assert result.service_time == Summary(1, 750.0, 750.0, 750.0, 750.0, 750.0)
    assert result.stay.max == 1530.0
    assert result.within_standard == Share(1, 1)  # 12.5 <= 15 minutes
    assert result.within_waiting_target == Share(1, 1)  # 12 <= 30 minutes
    assert result.within_standard.percent == 100.0


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # n = 1: every rank is 1
        ([7], (7.0, 7.0, 7.0)),
        # n = 2, sorted 3 9: p50 rank ceil(1.0) = 1; p90 ceil(1.8) = 2; p95 ceil(1.9) = 2
        ([9, 3], (3.0, 9.0, 9.0)),
        # n = 10, 1..10: p50 rank 5; p90 rank 9; p95 rank ceil(9.5) = 10
        ([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], (5.0, 9.0, 10.0)),
        # n = 20, 10, 20 .. 200: p50 rank 10 -> 100; p90 rank 18 -> 180; p95 rank 19 -> 190
        ([10 * k for k in range(20, 0, -1)], (100.0, 180.0, 190.0)),
    ],
)
def test_nearest_rank_percentiles(values: list[int], expected: tuple[float, float, float]) -> None:
    summary = Summary.of(timedelta(seconds=v) for v in values)
    assert (summary.p50, summary.p90, summary.p95) == expected
    assert summary.count == len(values)
    assert summary.max == float(max(values))
    assert summary.mean == sum(values) / len(values)


def test_the_mean_is_exact_and_percentages_round_half_up_only_for_display() -> None:
    # 1 s, 1 s, 2 s: mean 4/3 s, not a rounded 1.33
    assert Summary.of([timedelta(seconds=1)] * 2 + [timedelta(seconds=2)]).mean == 4 / 3
    # a microsecond is kept: (0 + 1 us) / 2 = 0.5 us
    assert Summary.of([timedelta(), timedelta(microseconds=1)]).mean == 0.5e-6
    assert Share(1, 3).percent == 100 / 3
    assert Share(1, 3).shown == 33.3
    assert shown_percent(1, 16) == 6.3  # exactly 6.25: half-up, where float round() would give 6.2
    assert shown_percent(247, 2000) == 12.4  # exactly 12.35, which no float holds exactly
    assert shown_percent(2, 3) == 66.7
    assert shown_percent(0, 0) is None


def test_a_transfer_counts_once_per_service_and_once_as_a_citizen() -> None:
    # the citizen waits 10 minutes at A, is transferred at 08:20, waits 5 more at B, is served 08:26-08:40
    first = visit(1, at(8), at(8, 10), at(8, 11), at(8, 20), status=Status.TRANSFERRED)
    second = visit(
        2, at(8, 20), at(8, 25), at(8, 26), at(8, 40), service="B", counter=2, parent=1, first_issued=at(8)
    )
    other = visit(3, at(8, 1), at(8, 30), at(8, 31), at(8, 35), service="B", counter=2)
    result = service_figures([first, second, other], fifteen, NOW)
    assert (result["A"].all.issued, result["A"].all.transferred, result["A"].all.served) == (1, 1, 0)
    assert result["A"].all.service_time == EMPTY  # a transferred visit was not served
    assert result["A"].all.waiting.max == 600.0
    assert (result["B"].all.issued, result["B"].all.served) == (2, 2)
    # waiting at B: 5 minutes from the transfer (300 s) and 29 minutes (1740 s)
    assert result["B"].all.waiting == Summary(2, 300.0, 1740.0, 1740.0, 1740.0, 1020.0)
    # stay runs from the first ticket: 08:00 -> 08:40 = 2400 s; the other citizen 08:01 -> 08:35 = 2040 s
    assert second.stay == timedelta(minutes=40)
    totals = office_totals([first, second, other])
    assert (totals.citizens, totals.visits, totals.transfers, totals.served) == (2, 3, 1, 2)
    assert totals.stay == Summary(2, 2040.0, 2400.0, 2400.0, 2400.0, 2220.0)
    # one arrival at 08:00 and one at 08:01; the transfer at 08:20 is not an arrival
    assert hour_figures([first, second, other], WIB)[8].arrivals == 2


def test_recalls_do_not_change_waiting() -> None:
    # first called 08:10, recalled 08:12 and 08:14 (recalls move no recorded instant but the last call),
    # started 08:15: waiting is 10 minutes from the first call, walk 5 from it
    recalled = visit(1, at(8), at(8, 10), at(8, 15), at(8, 20))
    assert recalled.waiting == timedelta(minutes=10)
    assert recalled.walk == timedelta(minutes=5)
    # a no-show called again later the same day keeps its first call: still 10 minutes
    back = visit(2, at(8), at(8, 10), at(11), at(11, 5))
    assert figures([recalled, back], fifteen, NOW).waiting.max == 600.0


def test_expired_and_cancelled_apart_with_the_longest_not_called_wait() -> None:
    days = [
        visit(1, at(8), at(8, 5), at(8, 6), at(8, 10)),
        # cancelled 08:50 after 45 minutes (finished records the cancel)
        visit(2, at(8, 5), finished=at(8, 50), status=Status.CANCELLED, counter=None, operator=None),
        # expired at the day's end (midnight WIB), never called: 16:00 -> 24:00 = 8 hours
        visit(3, at(16), finished=at(0, day=date(2026, 3, 3)), status=Status.EXPIRED, counter=None),
        # still waiting at NOW = 17:00, issued 16:30: 30 minutes so far
        visit(4, at(16, 30), status=Status.WAITING, counter=None, operator=None),
    ]
    result = figures(days, fifteen, NOW)
    assert (result.issued, result.served, result.cancelled, result.expired) == (4, 1, 1, 1)
    assert (result.called, result.not_called) == (1, 3)
    assert result.longest_not_called == 8 * 3600.0
    assert result.waiting.count == 1  # only the called ticket has a waiting time
    assert result.within_waiting_target == Share(1, 1)


def test_priority_beside_normal() -> None:
    days = [
        # priority: waits 2 and 4 minutes, served 10 and 20 minutes (20 > 15: over)
        visit(1, at(9), at(9, 2), at(9, 2), at(9, 12), priority="lansia"),
        visit(2, at(9), at(9, 4), at(9, 4), at(9, 24), priority="disabilitas"),
        # normal: waits 40 minutes (over the 30 target), served 5
        visit(3, at(9), at(9, 40), at(9, 40), at(9, 45)),
    ]
    result = service_figures(days, fifteen, NOW)["A"]
    assert (result.all.issued, result.priority.issued, result.normal.issued) == (3, 2, 1)
    assert result.priority.within_standard == Share(1, 2)
    assert result.priority.within_waiting_target == Share(2, 2)
    assert result.priority.waiting.mean == 180.0  # (120 + 240) / 2
    assert result.normal.within_standard == Share(1, 1)
    assert result.normal.within_waiting_target == Share(0, 1)
    assert result.all.within_standard == Share(2, 3)
    assert result.all.within_waiting_target == Share(2, 3)


def test_a_standard_that_changes_mid_period_applies_per_service_day() -> None:
    tuesday = DAY + timedelta(days=1)
    old = Standard(10, TimeUnit.MINUTES, None, "No. 3/2025")
    new = Standard(15, TimeUnit.MINUTES, 20, "No. 12/2026")

    def standard_for(code: str, day: date) -> Standard | None:
        return old if day < tuesday else new

    days = [
        # Monday: 12 minutes of service, over the old 10
        visit(1, at(8), at(8, 5), at(8, 5), at(8, 17)),
        # Tuesday: 12 minutes 1 second, just over the old 10 but within the new 15
        visit(
            2,
            at(8, day=tuesday),
            at(8, 5, day=tuesday),
            at(8, 5, day=tuesday),
            at(8, 17, 1, day=tuesday),
            day=tuesday,
        ),
    ]
    result = service_figures(days, standard_for, NOW)["A"]
    assert result.all.within_standard == Share(1, 2)
    # the waiting target exists on Tuesday only: 5 <= 20 minutes, 1 of 1
    assert result.all.within_waiting_target == Share(1, 1)
    assert result.standards == (old, new)


def test_a_standard_in_working_days_is_not_measurable_here() -> None:
    three_days = Standard(3, TimeUnit.WORKING_DAYS, None, "No. 7/2026")
    served = visit(1, at(8), at(8, 10), at(8, 12), at(9, 12))
    result = figures([served], lambda code, day: three_days, NOW)
    assert result.within_standard == Share(0, 0) and result.within_standard.percent is None
    assert result.not_measurable == 1
    assert result.stay.max == 4320.0  # what can be shown instead: 08:00 -> 09:12 = 72 minutes
    assert figures([served], lambda code, day: None, NOW).no_standard == 1


def test_a_service_time_equal_to_the_standard_is_within() -> None:
    exactly = visit(1, at(8), at(8, 30), at(8, 30), at(8, 45))  # 15:00 of service, 30:00 of waiting
    over = visit(2, at(8), at(8, 30, 1), at(8, 31), at(8, 46, 0))  # 15:00 again, waiting 30:01
    just_over = visit(3, at(8), at(8, 1), at(8, 1), at(8, 16, 1))  # 15:01
    result = figures([exactly, over, just_over], fifteen, NOW)
    assert result.within_standard == Share(2, 3)
    assert result.within_waiting_target == Share(2, 3)


def event(hour: int, minute: int, kind: CounterEventKind, **kw: str) -> CounterEvent:
    return CounterEvent(at(hour, minute), 1, kind, kw.get("operator", "budi"), kw.get("reason"))


def test_counter_session_across_a_pause() -> None:
    events = [
        event(8, 0, CounterEventKind.OPENED),
        event(10, 0, CounterEventKind.PAUSED, reason="Istirahat"),
        event(10, 30, CounterEventKind.RESUMED),
        event(12, 0, CounterEventKind.PAUSED, reason="Sholat"),
        event(12, 15, CounterEventKind.OPENED),  # reopening a paused counter resumes it
        event(14, 0, CounterEventKind.CLOSED),
    ]
    intervals = counter_intervals(events, WIB, NOW)
    assert [(i.start, i.end, i.reason) for i in intervals] == [
        (at(8), at(10), None),
        (at(10), at(10, 30), "Istirahat"),
        (at(10, 30), at(12), None),
        (at(12), at(12, 15), "Sholat"),
        (at(12, 15), at(14), None),
    ]
    visits = [
        # 10 minutes of walk + service each
        visit(1, at(8), at(8, 10), at(8, 12), at(8, 20)),
        visit(2, at(9), at(9, 50), at(9, 51), at(10, 0)),
        # a no-show: no end recorded, nothing of it in serving
        visit(3, at(11), at(11, 5), status=Status.NO_SHOW),
        # transferred on after 3 minutes of walk and 6 at the counter: 9 minutes of serving
        visit(4, at(11), at(11, 10), at(11, 13), at(11, 19), status=Status.TRANSFERRED),
    ]
    result = counter_times(intervals, visits)[1]
    # session 08:00-14:00 = 6 h = 21600 s; paused 30 + 15 minutes; serving 10 + 10 + 9 = 29 minutes
    # served: 2, service 8 and 9 minutes: mean 510 s
    assert result == CounterTime(
        served=2,
        mean_service=510.0,
        session=21600.0,
        serving=29 * MIN,
        paused={"Istirahat": 30 * MIN, "Sholat": 15 * MIN},
    )
    # idle = 21600 - 2700 - 1740 = 17160
    assert result.idle == 17160.0
    assert operator_times(intervals, visits)["budi"] == result


def test_a_handover_splits_operator_time() -> None:
    events = [
        event(8, 0, CounterEventKind.OPENED, operator="budi"),
        event(12, 0, CounterEventKind.OPENED, operator="sari"),
        event(13, 0, CounterEventKind.CLOSED, operator="sari"),
    ]
    intervals = counter_intervals(events, WIB, NOW)
    served = visit(1, at(12, 10), at(12, 20), at(12, 20), at(12, 30), operator="sari")
    by_operator = operator_times(intervals, [served])
    assert by_operator["budi"].session == 4 * 3600.0 and by_operator["budi"].served == 0
    assert by_operator["sari"].session == 3600.0 and by_operator["sari"].serving == 10 * MIN
    assert counter_times(intervals, [served])[1].session == 5 * 3600.0


def test_a_session_left_open_ends_at_the_service_days_end() -> None:
    # opened 16:00 WIB and never closed: it ends at midnight WIB (17:00 UTC), 8 hours
    events = [event(16, 0, CounterEventKind.OPENED)]
    tomorrow_noon = at(12, day=DAY + timedelta(days=1))
    assert counter_intervals(events, WIB, tomorrow_noon) == [
        Interval(1, "budi", at(16), at(0, day=DAY + timedelta(days=1)), None)
    ]
    # on a day not over yet it runs to now: 16:00 -> 17:00
    assert counter_intervals(events, WIB, NOW)[0].length == timedelta(hours=1)
    # paused at 23:00 and left paused: one paused hour to midnight
    paused = [*events, event(23, 0, CounterEventKind.PAUSED, reason="Istirahat")]
    result = counter_times(counter_intervals(paused, WIB, tomorrow_noon), [])[1]
    assert (result.session, result.paused, result.idle) == (8 * 3600.0, {"Istirahat": 3600.0}, 7 * 3600.0)


def test_hours_of_a_wita_day_that_crosses_utc_midnight() -> None:
    # WITA is UTC+8: 07:30 WITA on 2 March is 23:30 UTC on 1 March, 08:15 WITA is 00:15 UTC on 2 March
    early = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    later = datetime(2026, 3, 2, 0, 15, tzinfo=UTC)
    days = [
        visit(1, early, early + timedelta(minutes=20), status=Status.NO_SHOW),
        visit(2, later, later + timedelta(minutes=6), status=Status.NO_SHOW),
        visit(3, later, later + timedelta(minutes=10), status=Status.NO_SHOW),
    ]
    hours = hour_figures(days, WITA)
    assert (hours[7].arrivals, hours[8].arrivals) == (1, 2)
    assert hours[7].waiting.mean == 1200.0
    assert hours[8].waiting == Summary(2, 360.0, 600.0, 600.0, 600.0, 480.0)
    assert sum(hour.arrivals for hour in hours) == 3  # nothing in UTC's hours 23 and 0
    matrix = weekday_hour_arrivals(days, WITA)
    # all on Monday 2 March local, though the first is Sunday in UTC
    assert (matrix[0][7], matrix[0][8], sum(map(sum, matrix))) == (1, 2, 3)


def test_a_counter_left_open_overnight_restarts_at_its_next_event() -> None:
    tuesday = DAY + timedelta(days=1)
    events = [
        event(16, 0, CounterEventKind.OPENED),
        # no opening on Tuesday (already open): the pause is the day's first event
        CounterEvent(at(10, day=tuesday), 1, CounterEventKind.PAUSED, "budi", "Istirahat"),
        CounterEvent(at(10, 30, day=tuesday), 1, CounterEventKind.RESUMED, "budi"),
        CounterEvent(at(12, day=tuesday), 1, CounterEventKind.CLOSED, "budi"),
    ]
    intervals = counter_intervals(events, WIB, at(17, day=tuesday))
    assert [(i.start, i.end, i.reason) for i in intervals] == [
        (at(16), at(0, day=tuesday), None),  # Monday 16:00 to midnight, not on through the night
        (at(10, day=tuesday), at(10, 30, day=tuesday), "Istirahat"),
        (at(10, 30, day=tuesday), at(12, day=tuesday), None),
    ]


def test_a_ticket_called_then_cancelled_has_a_waiting_time() -> None:
    # called 08:20 after 20 minutes, cancelled at the counter 08:25: called, not "not called"
    gone = visit(1, at(8), at(8, 20), finished=at(8, 25), status=Status.CANCELLED)
    result = figures([gone], fifteen, NOW)
    assert (result.cancelled, result.called, result.not_called) == (1, 1, 0)
    assert result.waiting.max == 1200.0
    assert result.within_waiting_target == Share(1, 1)
    assert result.service_time == EMPTY  # not served
