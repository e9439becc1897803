"""Opening hours of a service: the kiosk refuses tickets outside them."""

from datetime import datetime, time

from antrian.domain.messages import Message


def closed_reason(
    opens_at: time | None, closes_at: time | None, open_days: str, local: datetime
) -> Message | None:
    """Why a service is closed at the office-local instant ``local``, or None when it is open.

    ``open_days`` holds ISO weekday digits ("12345" = Monday to Friday); ``opens_at``/``closes_at`` bound the
    day (either may be None: no bound). The closing time itself is already closed. The reason is one of
    ``hours.closed_day`` (``weekday``: ISO 1-7), ``hours.not_yet_open`` (``opens``) and
    ``hours.closed_since`` (``closes``).
    """
    weekday = local.isoweekday()
    if str(weekday) not in open_days:
        return Message("hours.closed_day", weekday=weekday)
    now = local.time().replace(tzinfo=None)
    if opens_at is not None and now < opens_at:
        return Message("hours.not_yet_open", opens=opens_at)
    if closes_at is not None and now >= closes_at:
        return Message("hours.closed_since", closes=closes_at)
    return None
