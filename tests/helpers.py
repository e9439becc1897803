"""Assertions shared by the tests: errors and messages are codes with parameters, said by the catalogues."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from antrian import words
from antrian.domain.errors import AntrianError, IllegalTransition
from antrian.domain.messages import Message
from antrian.domain.status import Action, Status


def assert_said(what: Message | AntrianError) -> None:
    """``what`` has words in every language, and they fit its parameters: a missing entry or a placeholder
    the parameters do not fill falls back to the bare code and parameters, which is what is refused here."""
    message = what.message if isinstance(what, AntrianError) else what
    for lang in words.LANGUAGES:
        assert words.has(message.code, lang), f"no {lang} words for {message.code}"
        assert words.say(message, lang=lang) != message.describe(), f"{lang} words for {message} do not fit"


def assert_message(actual: Message | None, code: str, /, **params: Any) -> Message:
    """``actual`` is a Message with ``code`` and at least ``params`` (others may be there), said in every
    language."""
    assert isinstance(actual, Message), actual
    assert actual.code == code, actual
    for key, value in params.items():
        assert key in actual.params, f"{actual} has no parameter {key}"
        assert actual.params[key] == value, f"{actual}: {key} is {actual.params[key]!r}, not {value!r}"
    assert_said(actual)
    return actual


@contextmanager
def raises_code(kind: type[AntrianError], code: str, /, **params: Any) -> Iterator[pytest.ExceptionInfo[Any]]:
    """Expect an error of ``kind`` (or a subclass, as pytest.raises) with ``code`` and at least ``params``."""
    with pytest.raises(kind) as caught:
        yield caught
    assert_message(caught.value.message, code, **params)


def raises_transition(
    action: Action, ticket: str, status: Status | None = None
) -> AbstractContextManager[pytest.ExceptionInfo[Any]]:
    """Expect the refusal of ``action`` on ``ticket`` (in ``status``, when given) by the transition table."""
    params: dict[str, Any] = {"action": action, "ticket": ticket}
    if status is not None:
        params["status"] = status
    return raises_code(IllegalTransition, "ticket.illegal_transition", **params)


def load_script(name: str) -> ModuleType:
    """A script of ``scripts/`` (``translations``, ``codes``) as a module, for tests of what it checks."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
