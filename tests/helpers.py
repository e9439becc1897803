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


def known_monday(db: Any, clock: Any) -> None:
    """The hand-computed Monday (2026-11-30, Asia/Jakarta) the report tests check, on a seeded office:
    petugas1 (operator) at counter 1 serves A and B, ``clock`` pinned and left at 11:00.

      09:00 A001 issued, 09:01 B001 issued, 09:02 A001 called (waited 2:00), 09:03 started, 09:08 done (5:00)
      09:10 B001 called (waited 9:00) and started, 09:40 done (30:00, over B's 20-minute standard)
      10:00 A002 issued, 10:01 called (waited 1:00), 10:05 no-show.
    """
    from datetime import timedelta

    from antrian.domain.roles import SYSTEM
    from antrian.services import counters, queue
    from antrian.services.users import actor_for, create_user
    from tests.conftest import MONDAY_9AM

    with db.write() as s:
        create_user(s, "petugas1", "Petugas Satu", "operator", "rahasia123", actor=SYSTEM)
    with db.read() as s:
        operator = actor_for(s, "petugas1")
    for minute, work in (
        (0, lambda s: counters.open_counter(s, 1, actor=operator, clock=clock)),
        (0, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (1, lambda s: queue.issue_ticket(s, "B", clock=clock)),
        (2, lambda s: queue.call_next(s, 1, actor=operator, clock=clock)),
        (3, lambda s: queue.start(s, 1, actor=operator, clock=clock)),
        (8, lambda s: queue.finish(s, 1, actor=operator, clock=clock)),
        (10, lambda s: queue.call_next(s, 1, actor=operator, clock=clock)),
        (10, lambda s: queue.start(s, 1, actor=operator, clock=clock)),
        (40, lambda s: queue.finish(s, 1, actor=operator, clock=clock)),
        (60, lambda s: queue.issue_ticket(s, "A", clock=clock)),
        (61, lambda s: queue.call_next(s, 1, actor=operator, clock=clock)),
        (65, lambda s: queue.no_show(s, 1, actor=operator, clock=clock)),
    ):
        clock.now = MONDAY_9AM + timedelta(minutes=minute)
        with db.write() as s:
            work(s)
    clock.now = MONDAY_9AM + timedelta(hours=2)
