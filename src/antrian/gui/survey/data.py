"""The survey window's database work, run off the GUI thread: what it shows between surveys, and saving a
citizen's answers on the service day of their visit."""

from __future__ import annotations

from dataclasses import dataclass

from antrian.domain.roles import KIOSK
from antrian.domain.timing import service_day
from antrian.gui.survey.flow import Survey
from antrian.services.branding import get_logo
from antrian.services.office import get_office
from antrian.services.queries import today
from antrian.services.setup import list_services
from antrian.services.skm import Questionnaire, Submitted, current_questionnaire, submit_answers
from antrian.store.database import Database


@dataclass(frozen=True, slots=True)
class OfficeView:
    """What the window shows between surveys and asks in them."""

    name: str
    logo: bytes | None
    services: tuple[tuple[str, str], ...]  # (code, name) of the active services, kiosk order
    form: Questionnaire


def read_office(database: Database) -> OfficeView:
    with database.read() as session:
        services = tuple((s.code, s.name) for s in list_services(session) if s.active)
        return OfficeView(
            get_office(session).name, get_logo(session), services, current_questionnaire(session)
        )


def save_answers(database: Database, survey: Survey, *, complete: bool) -> Submitted:
    """Save ``survey``'s answers as the kiosk role (the touch channel), on the service day its ticket was
    finished in the office's time zone (a survey without a ticket: today's)."""
    wanted, finished = survey.submission(complete=complete), survey.visit.finished_at
    with database.write() as session:
        day = service_day(finished, get_office(session).zone) if finished is not None else today(session)
        return submit_answers(session, KIOSK, day=day, **wanted)
