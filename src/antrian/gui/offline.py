"""What a window's offline banner says: why its database cannot be used, in the person's words.

The change feed reports the cause (``ChangeFeed.problemChanged``: a ``StoreError`` such as
``store.readonly``, ``store.locked`` or ``store.deleted``, or None once the database can be used again); a
window's ``set_online(online, problem)`` shows this text while offline and hides it, with no trace left,
when the cause has gone.
"""

from __future__ import annotations

from antrian import words
from antrian.domain.errors import AntrianError


def offline_text(problem: AntrianError | None) -> str:
    """The cause, or, when none is known, that the connection was lost and is being retried."""
    return words.say(problem) if problem is not None else words.text("store.window.offline_unknown")
