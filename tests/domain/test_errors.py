"""The exception family and the CLI exit code each error carries."""

import pytest

from antrian.domain import errors as e


@pytest.mark.parametrize(
    ("error", "parent", "exit_code"),
    [
        (e.AntrianError, Exception, 1),
        (e.InvalidInput, e.AntrianError, 2),
        (e.NotFound, e.InvalidInput, 2),
        (e.IllegalAction, e.AntrianError, 2),
        (e.IllegalTransition, e.IllegalAction, 2),
        (e.ServiceUnavailable, e.IllegalAction, 2),
        (e.CounterUnavailable, e.IllegalAction, 2),
        (e.PermissionDenied, e.IllegalAction, 2),
        (e.AuthenticationFailed, e.IllegalAction, 2),
        (e.NothingWaiting, e.AntrianError, 3),
        (e.StoreError, e.AntrianError, 1),
    ],
)
def test_hierarchy_and_exit_codes(error: type[Exception], parent: type[Exception], exit_code: int) -> None:
    assert issubclass(error, parent)
    assert error("x").exit_code == exit_code  # type: ignore[attr-defined]
    assert str(error("the message")) == "the message"


def test_nothing_waiting_is_not_an_illegal_action() -> None:
    assert not issubclass(e.NothingWaiting, e.IllegalAction)
    assert not issubclass(e.NothingWaiting, e.InvalidInput)
