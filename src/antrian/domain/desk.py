"""What a counter operator may do now, and why not: the rules the counter panel shows instead of hiding.

Ticket actions follow the one transition table (``status.TRANSITIONS``); counter actions follow the
counter's state. Every refusal carries a reason in the interface language (Bahasa Indonesia), which the
panel puts in the disabled button's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from antrian.domain.status import Action, Status, allowed_actions
from antrian.domain.timing import TimeUnit

# Service time against the published standard: amber past WARN_RATIO of it, red past it.
WARN_RATIO = 0.8


class DeskAction(StrEnum):
    CALL_NEXT = "call_next"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    HOLD = "hold"
    CALL_NUMBER = "call_number"
    TRANSFER = "transfer"
    PAUSE = "pause"  # Istirahat; while paused the same key opens the counter again
    OPEN = "open"
    CLOSE = "close"


# Ticket actions and the transition each one needs from the counter's current ticket.
_TICKET_ACTIONS: dict[DeskAction, Action] = {
    DeskAction.RECALL: Action.RECALL,
    DeskAction.START: Action.START,
    DeskAction.FINISH: Action.FINISH,
    DeskAction.NO_SHOW: Action.NO_SHOW,
    DeskAction.HOLD: Action.HOLD,
    DeskAction.TRANSFER: Action.TRANSFER,
}

_WHY_NOT: dict[tuple[DeskAction, Status], str] = {
    (DeskAction.RECALL, Status.SERVING): "{n} sudah hadir dan sedang dilayani",
    (DeskAction.START, Status.SERVING): "{n} sudah mulai dilayani",
    (DeskAction.FINISH, Status.CALLED): "{n} belum mulai dilayani: tekan Mulai Layani dulu",
    (DeskAction.NO_SHOW, Status.SERVING): "{n} sudah hadir dan sedang dilayani",
}


@dataclass(frozen=True, slots=True)
class DeskState:
    """What the rules look at: the counter, its current ticket and the queue."""

    counter_state: str  # open / paused / closed
    pause_reason: str | None = None
    current_number: str | None = None
    current_status: Status | None = None
    waiting: int = 0
    online: bool = True
    holder: str | None = None  # another operator who has this counter open now
    active: bool = True  # the admin has not taken the counter out of use
    transfer_targets: int = 1  # services a citizen could be sent on to


def refusals(state: DeskState) -> dict[DeskAction, str | None]:
    """For every action, None when it is allowed now, else the reason it is not."""
    result: dict[DeskAction, str | None] = {}
    for action in DeskAction:
        result[action] = _refusal(action, state)
    return result


def _refusal(action: DeskAction, s: DeskState) -> str | None:
    if not s.online:
        return "Koneksi ke basis data terputus; menunggu tersambung kembali"
    if not s.active:
        return "Loket ini tidak dipakai lagi (diatur admin)"
    if s.holder:
        return f"Loket ini sedang dibuka oleh {s.holder}"
    if action is DeskAction.OPEN:
        return "Loket sudah buka" if s.counter_state == "open" else None
    at_counter = s.current_status in (Status.CALLED, Status.SERVING)
    busy = f"{s.current_number} masih di loket: selesaikan, tandai tidak hadir, tunda atau alihkan dulu"
    if action is DeskAction.CLOSE:
        if s.counter_state == "closed":
            return "Loket sudah tutup"
        return busy if at_counter else None
    if s.counter_state == "closed":
        return "Loket tutup: buka loket dulu"
    if action is DeskAction.PAUSE:
        if s.counter_state == "paused":
            return "Loket sudah istirahat"
        return busy if at_counter else None
    if s.counter_state == "paused" and action in (DeskAction.CALL_NEXT, DeskAction.CALL_NUMBER):
        why = f" ({s.pause_reason})" if s.pause_reason else ""
        return f"Loket sedang istirahat{why}: buka loket dulu"
    if action in (DeskAction.CALL_NEXT, DeskAction.CALL_NUMBER):
        if at_counter:
            return busy
        if action is DeskAction.CALL_NEXT and s.waiting == 0:
            return "Tidak ada warga yang menunggu layanan loket ini"
        return None
    if s.current_status is None or s.current_number is None or not at_counter:
        return "Belum ada nomor yang dipanggil ke loket ini"
    transition = _TICKET_ACTIONS[action]
    if transition in allowed_actions(s.current_status):
        if action is DeskAction.TRANSFER and s.transfer_targets < 1:
            return "Tidak ada layanan lain untuk tujuan pengalihan"
        return None
    return _WHY_NOT.get((action, s.current_status), "Tidak bisa untuk {n} sekarang").format(
        n=s.current_number
    )


def offer_no_show(recalls: int, recall_limit: int) -> bool:
    """After ``recall_limit`` recalls since the ticket was last called to the counter (a citizen called back
    by number starts again at 0), the panel offers to mark them not present."""
    return recall_limit > 0 and recalls >= recall_limit


def standard_duration(value: int, unit: str) -> timedelta | None:
    """The published standard as a counter-time duration; None for working days (a whole process, not
    one sitting at the counter, so a counter's clock cannot be held against it)."""
    if unit == TimeUnit.MINUTES:
        return timedelta(minutes=value)
    if unit == TimeUnit.HOURS:
        return timedelta(hours=value)
    return None


def standard_text(value: int, unit: str) -> str:
    words = {
        TimeUnit.MINUTES.value: "menit",
        TimeUnit.HOURS.value: "jam",
        TimeUnit.WORKING_DAYS.value: "hari kerja",
    }
    return f"{value} {words.get(unit, unit)}"


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"  # past 80 % of the standard: amber
    OVER = "over"  # past the standard: red


def service_level(elapsed: timedelta, standard: timedelta | None) -> Level:
    if standard is None or standard <= timedelta(0):
        return Level.OK
    ratio = elapsed / standard
    if ratio > 1:
        return Level.OVER
    if ratio > WARN_RATIO:
        return Level.WARNING
    return Level.OK


def clock_text(elapsed: timedelta) -> str:
    """mm:ss, or h:mm:ss from an hour; negative spans (clock skew between PCs) show as 00:00."""
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
