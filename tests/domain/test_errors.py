"""The exception family and the CLI exit code each error carries."""

import pickle
from datetime import timedelta

import pytest

from antrian.domain import errors as e
from antrian.domain.messages import Message
from antrian.domain.status import Status


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


def test_an_error_is_a_code_with_parameters_and_its_str_is_for_logs() -> None:
    error = e.NotFound("service.unknown", service="Z", choices=["A", "B"])
    assert error.code == "service.unknown"
    assert error.params == {"service": "Z", "choices": ["A", "B"]}
    assert error.message == Message("service.unknown", service="Z", choices=["A", "B"])
    assert str(error) == "service.unknown (service='Z', choices=['A', 'B'])"
    error.params["service"] = "changed"  # a copy: the error itself does not change
    assert error.params["service"] == "Z"


def test_a_long_parameter_is_cut_in_the_log_line() -> None:
    logged = str(e.InvalidInput("ticket.label_invalid", text="x" * 10_000))
    assert logged == "ticket.label_invalid (text='" + "x" * 78 + "…)"


def test_an_error_crosses_a_process_boundary_whole() -> None:
    error = e.CounterUnavailable("counter.busy", counter=2, ticket="A001", status=Status.CALLED)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is e.CounterUnavailable
    assert (copy.code, copy.params) == (
        "counter.busy",
        {"counter": 2, "ticket": "A001", "status": Status.CALLED},
    )


def test_a_message_is_an_immutable_value() -> None:
    one = Message("estimate.about", wait=timedelta(minutes=15))
    assert one == Message("estimate.about", wait=timedelta(minutes=15))
    assert one != Message("estimate.about", wait=timedelta(minutes=20))
    assert one != Message("estimate.now")
    assert len({one, Message("estimate.about", wait=timedelta(minutes=15))}) == 1
    with pytest.raises(AttributeError):
        one.code = "estimate.now"  # type: ignore[misc]
