"""The counter panel's side of the queue: what one counter sees, and its actions guarded against a stale view.

``desk_view`` reads everything the panel shows in one transaction. ``act`` performs one operator action
through the queue and counter services, but only if the counter is still as the operator last saw it
(``DeskView.token``): an action sent again after a lost connection, or pressed on a screen that another PC
has made stale, is refused with ``StaleView`` instead of being done twice.

One module a concern: ``view`` and ``actions``; their names are gathered here, the counter panel's one entry.
"""

from antrian.services.desk.actions import DeskResult, Holder, act, open_desk
from antrian.services.desk.view import (
    MISSED_SHOWN,
    WAITING_SHOWN,
    DeskView,
    QueueEntry,
    desk_view,
    view_token,
)

__all__ = [
    "MISSED_SHOWN",
    "WAITING_SHOWN",
    "DeskResult",
    "DeskView",
    "Holder",
    "QueueEntry",
    "act",
    "desk_view",
    "open_desk",
    "view_token",
]
