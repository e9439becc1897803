"""The one exception family of Antrian.

Every error a user or script can meet is an ``AntrianError``; its message names the problem in words an
operator understands, and ``exit_code`` is what the CLI returns for it.
"""


class AntrianError(Exception):
    """Root of every error Antrian raises on purpose."""

    exit_code = 1


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
    """The acting user's role or counter does not allow this action."""


class AuthenticationFailed(IllegalAction):
    """Wrong username or password, or a locked account."""


class NothingWaiting(AntrianError):
    """There is nobody to call: a normal outcome, reported distinctly."""

    exit_code = 3


class StoreError(AntrianError):
    """The database cannot be used: unreachable, corrupted, or of an unknown schema."""

    exit_code = 1


class StaleView(IllegalAction):
    """The counter changed since the operator's screen last showed it (another PC, or an action that was
    already saved before the connection dropped); the action is not applied twice."""
