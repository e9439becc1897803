"""The one exception family of Antrian.

Every error a user or script can meet is an ``AntrianError``. It carries a stable ``code`` and the
parameters of the case (service code, counter, opening time, ...) as a ``Message``; the words a person reads
are made from them by ``antrian.words``, never by parsing ``str(error)``, which is the code and parameters
for logs. ``exit_code`` is what the CLI returns for it. The codes and their words are listed in the
catalogues ``src/antrian/words/id/`` and ``en/`` (a test checks every code raised is there).
"""

from __future__ import annotations

from typing import Any

from antrian.domain.messages import Message


class AntrianError(Exception):
    """Root of every error Antrian raises on purpose."""

    exit_code = 1

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.message = Message(code, **params)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.message.params)

    def __str__(self) -> str:
        return self.message.describe()

    def __reduce__(self) -> tuple[Any, ...]:
        # errors cross process boundaries in tests and workers: rebuild from the code and parameters
        return (_rebuild, (type(self), self.message.code, dict(self.message.params)))


def _rebuild(kind: type[AntrianError], code: str, params: dict[str, Any]) -> AntrianError:
    return kind(code, **params)


class InvalidInput(AntrianError):
    """The request itself is wrong: an unknown code, a malformed value, a bad option."""

    exit_code = 2


class NotFound(InvalidInput):
    """A named thing (service, counter, ticket, user) does not exist."""


class IllegalAction(AntrianError):
    """The request is well formed but not allowed now (state, hours, quota)."""

    exit_code = 2


class IllegalTransition(IllegalAction):
    """A ticket cannot take this action in its current status."""


class ServiceUnavailable(IllegalAction):
    """A service is inactive, closed at this hour, or out of today's quota."""


class CounterUnavailable(IllegalAction):
    """A counter is closed, paused, busy, or does not serve the requested ticket."""


class PermissionDenied(IllegalAction):
    """The acting user's role or counter does not allow this action.

    ``actor`` (a ``domain.roles.Actor``, when the refusal knows it) is who was refused: the unit of work that
    sees the refusal records it in the audit (``store.database.Database``).
    """

    actor: Any = None


class AuthenticationFailed(IllegalAction):
    """Wrong username or password, or a locked account."""


class NothingWaiting(AntrianError):
    """There is nobody to call: a normal outcome, reported distinctly."""

    exit_code = 3


class StoreError(AntrianError):
    """The database cannot be used: unreachable, missing, corrupted, locked, read-only, full, or of an
    unknown schema. The code says which, so that a window shows the real cause."""

    exit_code = 1


class StaleView(IllegalAction):
    """The counter changed since the operator's screen last showed it (another PC, or an action that was
    already saved before the connection dropped); the action is not applied twice."""
