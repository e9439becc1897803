"""SKM answers: one respondent's answer set, from the touch screen or a paper form, after a visit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antrian.domain.errors import IllegalAction, InvalidInput, NotFound
from antrian.domain.roles import Actor, Permission
from antrian.domain.skm import (
    HIGHEST,
    LOWEST,
    PROFILE_CHOICES,
    UNSUR,
    check_answers,
)
from antrian.domain.status import Status
from antrian.domain.timing import Clock, require_utc, system_clock
from antrian.services.lookup import counter_by_number, service_by_code
from antrian.services.queries import today
from antrian.services.skm.questions import current_questionnaire
from antrian.store.models import (
    Service,
    SkmAnswer,
    SkmAnswerSet,
    Ticket,
)
from antrian.store.queue import append_events

CHANNELS = ("touch", "paper")
SUGGESTION_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class Profile:
    """The optional respondent profile (codes of ``domain.skm.PROFILE_CHOICES``; None: not given)."""

    gender: str | None = None
    age: str | None = None
    education: str | None = None
    occupation: str | None = None


@dataclass(frozen=True, slots=True)
class Submitted:
    id: int
    version: int
    service: str
    day: date
    complete: bool
    channel: str
    ticket: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "service": self.service,
            "date": self.day.isoformat(),
            "complete": self.complete,
            "channel": self.channel,
            "ticket": self.ticket,
        }


def _check_profile(profile: Profile) -> None:
    for field, choices in PROFILE_CHOICES.items():
        value = getattr(profile, field)
        if value is not None and value not in choices:
            raise InvalidInput("skm.profile_invalid", field=field, value=value, choices=list(choices))


def submit_answers(
    session: Session,
    actor: Actor,
    *,
    service: str,
    day: date,
    answers: Sequence[int | None],
    channel: str = "paper",
    ticket: str | None = None,
    counter: int | None = None,
    profile: Profile = Profile(),  # frozen: one default shared safely
    suggestion: str | None = None,
    local: Mapping[int, int] | None = None,
    complete: bool = True,
    clock: Clock = system_clock,
) -> Submitted:
    """Save one respondent's answers: ``answers`` to the nine unsur in U1-U9 order of the current version
    (``complete=False``, for a touch survey left unfinished: None where not answered; stored, never
    counted), ``local`` answers to its local questions by question id.

    Everything is checked before anything is written: the answers (nine, each 1-4), the service's code, the
    day (not after today), the ticket's label (a finished visit of that service that day, not answered
    before), the counter, the profile's codes, the suggestion's length.

    Raises:
        InvalidInput / NotFound: what is wrong, named (the codes ``skm.*``, ``service.unknown``, ...).
        PermissionDenied: paper forms are entered by a supervisor or admin; touch answers come from the
            kiosk role at the counter.
    """
    if channel not in CHANNELS:
        raise InvalidInput("skm.channel", channel=channel, choices=list(CHANNELS))
    actor.require(Permission.SKM_TOUCH if channel == "touch" else Permission.SKM_ENTRY)
    if not complete and channel != "touch":
        raise InvalidInput("skm.paper_incomplete")
    check_answers(answers, complete=complete)
    _check_profile(profile)
    if suggestion is not None:
        suggestion = suggestion.strip() or None
        if suggestion is not None and len(suggestion) > SUGGESTION_LIMIT:
            raise InvalidInput("skm.suggestion_too_long", length=len(suggestion), limit=SUGGESTION_LIMIT)
    found = service_by_code(session, service.strip().upper())
    now = require_utc(clock())
    if day > today(session, clock):
        raise InvalidInput("skm.day_future", day=day)
    counter_id = counter_by_number(session, counter).id if counter is not None else None
    ticket_row = None
    if ticket is not None:
        ticket_row = _served_ticket(session, found, day, ticket.strip().upper())
        counter_id = counter_id if counter_id is not None else ticket_row.counter_id
    form = current_questionnaire(session)
    extra = dict(local or {})
    local_ids = {q.id for q in form.questions if q.unsur is None}
    for question_id, value in extra.items():
        if question_id not in local_ids:
            raise InvalidInput("skm.local_unknown", question=question_id, version=form.version)
        if not LOWEST <= value <= HIGHEST:
            raise InvalidInput("skm.local_range", question=question_id, value=value, low=LOWEST, high=HIGHEST)
    row = SkmAnswerSet(
        version_id=form.version,
        ticket_id=ticket_row.id if ticket_row is not None else None,
        service_id=found.id,
        counter_id=counter_id,
        service_day=day,
        submitted_at=now,
        complete=complete,
        channel=channel,
        gender=profile.gender,
        age_band=profile.age,
        education=profile.education,
        occupation=profile.occupation,
        suggestion=suggestion,
        entered_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    values = [
        (form.of(unsur).id, value) for unsur, value in zip(UNSUR, answers, strict=True) if value is not None
    ]
    values += list(extra.items())
    session.add_all(SkmAnswer(set_id=row.id, question_id=q, value=v) for q, v in values)
    session.flush()
    # the change feed's doorbell for windows showing the index; not tied to the ticket, so the ticket's
    # history (which the log page shows) says nothing of its citizen's answers
    append_events(
        session,
        [
            {
                "at": now,
                "kind": "survey_answered",
                "service_id": found.id,
                "user_id": actor.user_id,
                "data": {"set": row.id, "complete": complete, "channel": channel},
            }
        ],
    )
    return Submitted(
        row.id, form.version, found.code, day, complete, channel, ticket_row.label if ticket_row else None
    )


def _served_ticket(session: Session, service: Service, day: date, label: str) -> Ticket:
    rows = list(
        session.execute(
            select(Ticket).where(Ticket.service_day == day, Ticket.label == label).order_by(Ticket.id)
        ).scalars()
    )
    if not rows:
        raise NotFound("skm.ticket_unknown", ticket=label, day=day)
    visit = next((t for t in rows if t.service_id == service.id), None)
    if visit is None:
        raise InvalidInput("skm.ticket_other_service", ticket=label, day=day, service=service.code)
    if visit.status != Status.DONE:
        raise IllegalAction("skm.ticket_not_served", ticket=label, day=day, status=Status(visit.status))
    answered = session.execute(
        select(SkmAnswerSet.id).where(SkmAnswerSet.ticket_id == visit.id, SkmAnswerSet.complete)
    ).first()
    if answered is not None:
        raise IllegalAction("skm.ticket_answered", ticket=label, day=day)
    return visit
