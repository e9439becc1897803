"""Ticket statuses: the table of legal transitions and the errors for everything else."""

import pytest

from antrian import words
from antrian.domain.errors import AntrianError, IllegalAction, IllegalTransition
from antrian.domain.status import (
    AT_COUNTER_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    Action,
    Status,
    allowed_actions,
    next_status,
)
from tests.helpers import raises_transition

S, A = Status, Action

# The expected table, written out independently of the module.
EXPECTED: dict[tuple[Status, Action], Status] = {
    (S.WAITING, A.CALL): S.CALLED,
    (S.WAITING, A.CANCEL): S.CANCELLED,
    (S.WAITING, A.EXPIRE): S.EXPIRED,
    (S.CALLED, A.RECALL): S.CALLED,
    (S.CALLED, A.START): S.SERVING,
    (S.CALLED, A.NO_SHOW): S.NO_SHOW,
    (S.CALLED, A.HOLD): S.HELD,
    (S.CALLED, A.TRANSFER): S.TRANSFERRED,
    (S.CALLED, A.CANCEL): S.CANCELLED,
    (S.CALLED, A.EXPIRE): S.EXPIRED,
    (S.SERVING, A.FINISH): S.DONE,
    (S.SERVING, A.HOLD): S.HELD,
    (S.SERVING, A.TRANSFER): S.TRANSFERRED,
    (S.SERVING, A.EXPIRE): S.EXPIRED,
    (S.HELD, A.RESUME): S.CALLED,
    (S.HELD, A.CALL): S.CALLED,
    (S.HELD, A.CANCEL): S.CANCELLED,
    (S.HELD, A.EXPIRE): S.EXPIRED,
    (S.NO_SHOW, A.CALL): S.CALLED,
}

ILLEGAL = [(status, action) for status in Status for action in Action if (status, action) not in EXPECTED]

# How the error message describes each status.
TERMINAL = {S.DONE, S.TRANSFERRED, S.CANCELLED, S.EXPIRED}


def test_transition_table_is_exactly_the_expected_one() -> None:
    assert TRANSITIONS == EXPECTED


@pytest.mark.parametrize(("status", "action"), list(EXPECTED), ids=lambda v: str(v))
def test_legal_transition_gives_expected_status(status: Status, action: Action) -> None:
    assert next_status(status, action) is EXPECTED[(status, action)]


@pytest.mark.parametrize(("status", "action"), ILLEGAL, ids=lambda v: str(v))
def test_illegal_transition_raises_naming_action_and_status(status: Status, action: Action) -> None:
    with raises_transition(action, "A001", status):
        next_status(status, action, "A001")


@pytest.mark.parametrize(
    ("status", "action", "indonesian", "english"),
    [
        (
            S.WAITING,
            A.FINISH,
            "A007: tidak bisa menyelesaikan (statusnya menunggu)",
            "A007: cannot finish (it is waiting)",
        ),
        (
            S.DONE,
            A.START,
            "A007: tidak bisa mulai melayani (statusnya selesai)",
            "A007: cannot start serving (it is finished)",
        ),
        (
            S.HELD,
            A.RECALL,
            "A007: tidak bisa memanggil ulang (statusnya ditunda)",
            "A007: cannot recall (it is on hold)",
        ),
        (
            S.WAITING,
            A.NO_SHOW,
            "A007: tidak bisa menandai tidak hadir (statusnya menunggu)",
            "A007: cannot mark as not present (it is waiting)",
        ),
        (
            S.SERVING,
            A.CANCEL,
            "A007: tidak bisa membatalkan (statusnya sedang dilayani)",
            "A007: cannot cancel (it is being served)",
        ),
        (
            S.NO_SHOW,
            A.START,
            "A007: tidak bisa mulai melayani (statusnya tidak hadir)",
            "A007: cannot start serving (it is not present)",
        ),
        (
            S.EXPIRED,
            A.CALL,
            "A007: tidak bisa memanggil (statusnya kedaluwarsa)",
            "A007: cannot call (it is expired)",
        ),
    ],
)
def test_illegal_transition_message(status: Status, action: Action, indonesian: str, english: str) -> None:
    with pytest.raises(IllegalTransition) as caught:
        next_status(status, action, "A007")
    assert words.say(caught.value, lang="id") == indonesian
    assert words.say(caught.value, lang="en") == english


def test_default_label_in_message_is_ticket() -> None:
    with raises_transition(A.FINISH, "ticket", S.WAITING):
        next_status(S.WAITING, A.FINISH)


@pytest.mark.parametrize("member", [*Status, *Action], ids=str)
def test_every_status_and_action_has_words_in_both_languages(member: Status | Action) -> None:
    for lang in words.LANGUAGES:
        assert words.has(f"enum.{type(member).__name__}.{member.name.lower()}", lang), (member, lang)


def test_illegal_transition_is_an_illegal_action_with_exit_code_2() -> None:
    with pytest.raises(IllegalAction) as caught:
        next_status(S.DONE, A.FINISH)
    assert isinstance(caught.value, AntrianError)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (S.WAITING, {A.CALL, A.CANCEL, A.EXPIRE}),
        (S.CALLED, {A.RECALL, A.START, A.NO_SHOW, A.HOLD, A.TRANSFER, A.CANCEL, A.EXPIRE}),
        (S.SERVING, {A.FINISH, A.HOLD, A.TRANSFER, A.EXPIRE}),
        (S.HELD, {A.RESUME, A.CALL, A.CANCEL, A.EXPIRE}),
        (S.NO_SHOW, {A.CALL}),
        (S.DONE, set()),
        (S.TRANSFERRED, set()),
        (S.CANCELLED, set()),
        (S.EXPIRED, set()),
    ],
)
def test_allowed_actions(status: Status, actions: set[Action]) -> None:
    assert allowed_actions(status) == frozenset(actions)


@pytest.mark.parametrize("status", list(Status))
def test_allowed_actions_agree_with_next_status(status: Status) -> None:
    for action in Action:
        if action in allowed_actions(status):
            next_status(status, action)
        else:
            with pytest.raises(IllegalTransition):
                next_status(status, action)


def test_open_and_at_counter_statuses() -> None:
    assert frozenset({S.WAITING, S.CALLED, S.SERVING, S.HELD}) == OPEN_STATUSES
    assert frozenset({S.CALLED, S.SERVING}) == AT_COUNTER_STATUSES
    assert AT_COUNTER_STATUSES <= OPEN_STATUSES


@pytest.mark.parametrize("status", sorted(OPEN_STATUSES))
def test_open_status_can_expire_at_day_end(status: Status) -> None:
    assert next_status(status, A.EXPIRE) is S.EXPIRED


@pytest.mark.parametrize("status", sorted(set(Status) - OPEN_STATUSES))
def test_closed_status_cannot_expire(status: Status) -> None:
    with pytest.raises(IllegalTransition):
        next_status(status, A.EXPIRE)


@pytest.mark.parametrize("status", sorted(TERMINAL))
def test_terminal_status_has_no_way_out(status: Status) -> None:
    assert allowed_actions(status) == frozenset()


def test_no_show_can_only_be_called_back() -> None:
    assert allowed_actions(S.NO_SHOW) == {A.CALL}
    assert next_status(S.NO_SHOW, A.CALL) is S.CALLED


def test_every_status_is_reachable_from_waiting() -> None:
    reached = {S.WAITING}
    frontier = [S.WAITING]
    while frontier:
        current = frontier.pop()
        for action in allowed_actions(current):
            target = next_status(current, action)
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(Status)


def test_a_ticket_life_from_issue_to_done() -> None:
    status = S.WAITING
    for action, expected in [
        (A.CALL, S.CALLED),
        (A.RECALL, S.CALLED),
        (A.HOLD, S.HELD),
        (A.RESUME, S.CALLED),
        (A.START, S.SERVING),
        (A.HOLD, S.HELD),
        (A.CALL, S.CALLED),
        (A.START, S.SERVING),
        (A.FINISH, S.DONE),
    ]:
        status = next_status(status, action)
        assert status is expected
