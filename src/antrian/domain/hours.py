"""Opening hours of a service: the kiosk refuses tickets outside them."""

from datetime import datetime, time

DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def closed_reason(
    opens_at: time | None, closes_at: time | None, open_days: str, local: datetime
) -> str | None:
    """Why a service is closed at the office-local instant ``local``, or None when it is open.

    ``open_days`` holds ISO weekday digits ("12345" = Monday to Friday); ``opens_at``/``closes_at`` bound the
    day (either may be None: no bound). The closing time itself is already closed.
    """
    weekday = local.isoweekday()
    if str(weekday) not in open_days:
        return f"closed on {DAY_NAMES_ID[weekday - 1]}"
    now = local.time().replace(tzinfo=None)
    if opens_at is not None and now < opens_at:
        return f"opens at {opens_at:%H:%M}"
    if closes_at is not None and now >= closes_at:
        return f"closed since {closes_at:%H:%M}"
    return None


MONTH_NAMES_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def long_date_id(local: datetime) -> str:
    """ "Senin, 30 November 2026": the date as the display and the ticket print it."""
    return (
        f"{DAY_NAMES_ID[local.isoweekday() - 1]}, {local.day} {MONTH_NAMES_ID[local.month - 1]} {local.year}"
    )
