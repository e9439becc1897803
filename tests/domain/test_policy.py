"""Call order: oldest first, priority tickets interleaved every N normal calls."""

from datetime import UTC, datetime, timedelta

import pytest

from antrian.domain.policy import Candidate, call_order, choose_next, priority_first, streak_after

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


def ticket(ticket_id: int, minutes: int, priority: bool = False) -> Candidate:
    return Candidate(ticket_id, T0 + timedelta(minutes=minutes), priority)


def run(
    normals: list[Candidate],
    priorities: list[Candidate],
    interleave: int,
    streak: int = 0,
    use_priority_first: bool = False,
) -> list[Candidate]:
    """Call everyone: each step offers the oldest waiting ticket of each kind, like the store does.

    With ``use_priority_first`` the step asks for the preferred kind and falls back to the other, which is
    how the store uses ``priority_first``; it must give the same order as ``choose_next``.
    """
    normal_queue = sorted(normals, key=lambda c: c.place_at)
    priority_queue = sorted(priorities, key=lambda c: c.place_at)
    called: list[Candidate] = []
    while True:
        normal_head = normal_queue[0] if normal_queue else None
        priority_head = priority_queue[0] if priority_queue else None
        if use_priority_first:
            preferred, other = (
                (priority_head, normal_head)
                if priority_first(streak, interleave)
                else (normal_head, priority_head)
            )
            chosen = preferred if preferred is not None else other
        else:
            chosen = choose_next(normal_head, priority_head, streak, interleave)
        if chosen is None:
            return called
        (priority_queue if chosen.priority else normal_queue).remove(chosen)
        called.append(chosen)
        streak = streak_after(chosen, streak)


def kinds(called: list[Candidate]) -> str:
    return "".join("P" if c.priority else "N" for c in called)


# Six normal and three priority tickets; the priority ones are the oldest, listed out of order on purpose.
NORMALS = [ticket(i, 10 + i) for i in (6, 2, 4, 1, 5, 3)]
PRIORITIES = [ticket(100 + i, i, priority=True) for i in (3, 1, 2)]


def test_interleave_two_gives_normal_normal_priority_while_both_wait() -> None:
    called = run(NORMALS, PRIORITIES, interleave=2)
    assert kinds(called) == "NNPNNPNNP"
    assert [c.ticket_id for c in called] == [1, 2, 101, 3, 4, 102, 5, 6, 103]


def test_interleave_two_first_six_calls() -> None:
    called = run(NORMALS, PRIORITIES, interleave=2)
    assert kinds(called)[:6] == "NNPNNP"


@pytest.mark.parametrize(
    ("interleave", "pattern"),
    [
        (0, "PPPNNNNNN"),
        (1, "NPNPNPNNN"),
        (2, "NNPNNPNNP"),
        (3, "NNNPNNNPP"),
        (6, "NNNNNNPPP"),
        (10, "NNNNNNPPP"),
    ],
)
def test_interleave_patterns(interleave: int, pattern: str) -> None:
    assert kinds(run(NORMALS, PRIORITIES, interleave)) == pattern


@pytest.mark.parametrize("interleave", [0, 1, 2, 3, 6])
def test_priority_first_path_matches_choose_next(interleave: int) -> None:
    for streak in range(5):
        expected = run(NORMALS, PRIORITIES, interleave, streak)
        assert run(NORMALS, PRIORITIES, interleave, streak, use_priority_first=True) == expected


@pytest.mark.parametrize("interleave", [0, 1, 2])
def test_oldest_first_within_each_kind(interleave: int) -> None:
    called = run(NORMALS, PRIORITIES, interleave)
    normal_times = [c.place_at for c in called if not c.priority]
    priority_times = [c.place_at for c in called if c.priority]
    assert normal_times == sorted(normal_times)
    assert priority_times == sorted(priority_times)
    assert len(called) == len(NORMALS) + len(PRIORITIES)


def test_interleave_zero_priority_always_first_even_when_younger() -> None:
    old_normal = ticket(1, 0)
    young_priority = ticket(2, 30, priority=True)
    for streak in (0, 1, 5):
        assert choose_next(old_normal, young_priority, streak, 0) is young_priority


def test_normal_first_before_streak_reaches_interleave_even_if_priority_older() -> None:
    young_normal = ticket(1, 30)
    old_priority = ticket(2, 0, priority=True)
    assert choose_next(young_normal, old_priority, 0, 2) is young_normal
    assert choose_next(young_normal, old_priority, 1, 2) is young_normal
    assert choose_next(young_normal, old_priority, 2, 2) is old_priority


@pytest.mark.parametrize(("streak", "interleave"), [(0, 0), (0, 2), (1, 2), (2, 2), (7, 2), (0, 5)])
def test_no_priority_waiting_calls_normal(streak: int, interleave: int) -> None:
    normal = ticket(1, 0)
    assert choose_next(normal, None, streak, interleave) is normal


@pytest.mark.parametrize(("streak", "interleave"), [(0, 0), (0, 2), (1, 2), (2, 2), (0, 5)])
def test_no_normal_waiting_calls_priority(streak: int, interleave: int) -> None:
    priority = ticket(1, 0, priority=True)
    assert choose_next(None, priority, streak, interleave) is priority


@pytest.mark.parametrize(("streak", "interleave"), [(0, 0), (0, 2), (3, 2)])
def test_nothing_waiting_gives_none(streak: int, interleave: int) -> None:
    assert choose_next(None, None, streak, interleave) is None


def test_only_priority_tickets_are_all_called_in_order() -> None:
    called = run([], PRIORITIES, interleave=2)
    assert [c.ticket_id for c in called] == [101, 102, 103]


def test_only_normal_tickets_are_all_called_in_order() -> None:
    called = run(NORMALS, [], interleave=0)
    assert [c.ticket_id for c in called] == [1, 2, 3, 4, 5, 6]


def test_priority_arriving_after_long_normal_run_is_called_next() -> None:
    normal = ticket(1, 0)
    priority = ticket(2, 60, priority=True)
    assert choose_next(normal, priority, 5, 2) is priority


@pytest.mark.parametrize(
    ("streak", "interleave", "expected"),
    [
        (0, 0, True),
        (3, 0, True),
        (0, 1, False),
        (1, 1, True),
        (0, 2, False),
        (1, 2, False),
        (2, 2, True),
        (3, 2, True),
        (4, 5, False),
    ],
)
def test_priority_first(streak: int, interleave: int, expected: bool) -> None:
    assert priority_first(streak, interleave) is expected


def test_streak_after_priority_resets_and_normal_counts() -> None:
    assert streak_after(ticket(1, 0, priority=True), 0) == 0
    assert streak_after(ticket(1, 0, priority=True), 4) == 0
    assert streak_after(ticket(1, 0), 0) == 1
    assert streak_after(ticket(1, 0), 4) == 5


@pytest.mark.parametrize("interleave", [-1, -5])
def test_negative_interleave_raises(interleave: int) -> None:
    with pytest.raises(ValueError, match="interleave"):
        priority_first(0, interleave)
    with pytest.raises(ValueError, match="interleave"):
        choose_next(ticket(1, 0), ticket(2, 0, priority=True), 0, interleave)
    with pytest.raises(ValueError, match="interleave"):
        choose_next(None, None, 0, interleave)


def test_candidate_is_immutable() -> None:
    candidate = ticket(1, 0)
    with pytest.raises(AttributeError):
        candidate.priority = True  # type: ignore[misc]


@pytest.mark.parametrize("interleave", [0, 1, 2, 3, 6])
@pytest.mark.parametrize("streak", [0, 1, 2, 4])
def test_call_order_is_choose_next_repeated(interleave: int, streak: int) -> None:
    normals = sorted(NORMALS, key=lambda c: c.place_at)
    priorities = sorted(PRIORITIES, key=lambda c: c.place_at)
    everyone = run(NORMALS, PRIORITIES, interleave, streak)
    assert call_order(normals, priorities, streak, interleave, limit=20) == everyone
    for limit in range(len(everyone)):
        assert call_order(normals, priorities, streak, interleave, limit) == everyone[:limit]


@pytest.mark.parametrize(
    ("interleave", "streak", "expected"),
    [
        (0, 0, [101, 102, 103, 1, 2]),
        (2, 0, [1, 2, 101, 3, 4]),
        (2, 1, [1, 101, 2, 3, 102]),
        (2, 5, [101, 1, 2, 102, 3]),
    ],
)
def test_call_order_by_hand(interleave: int, streak: int, expected: list[int]) -> None:
    normals = sorted(NORMALS, key=lambda c: c.place_at)
    priorities = sorted(PRIORITIES, key=lambda c: c.place_at)
    assert [c.ticket_id for c in call_order(normals, priorities, streak, interleave, 5)] == expected
    assert [c.ticket_id for c in call_order(normals, [], streak, interleave, 3)] == [1, 2, 3]
    assert call_order([], [], streak, interleave, 5) == []
