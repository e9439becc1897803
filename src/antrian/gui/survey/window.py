"""The satisfaction survey's touch window (SKM, Permenpan RB 14/2017): a tablet or second screen at a counter,
or a kiosk in the waiting room.

At a counter (``counter``) the window waits on its idle page until that counter finishes a ticket (the change
feed's ``ticket_finished`` of that counter), then invites that citizen by their number ("How was our service
for A017?") with Start and Skip. Without a counter, a citizen starts it on the idle page and picks the
service they came for; their answers then have no ticket.

One step a page (``flow``): the nine unsur, each with its four worded levels as large buttons, then the
office's local questions, with the progress ("3 / 9" and a bar), Back, and Next once answered; then the
optional profile, one field a page, and the optional suggestion; Send saves the answers (off the GUI thread)
and thanks the citizen, and the window returns to idle after ``thanks_ms``. Nothing touched in the window
for ``idle_ms`` (60 s) mid-survey: back to idle, and what was answered is saved as incomplete (never
counted). A ticket finished while a survey runs does not interrupt it: its invitation waits until the window
is idle again.

Texts are English in the code and go through Qt's translator (``survey_id.ts``); the questionnaire's own
wording comes from the database in the window's language (``text_en`` and ``levels_en`` in English), and
refusals are said in the catalogue's sentence (``gui.errors.error_text``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from antrian import words
from antrian.domain.errors import AntrianError
from antrian.domain.skm import PROFILE_CHOICES
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.i18n import Retranslated
from antrian.gui.kiosk import sizes
from antrian.gui.survey.answering import Answering
from antrian.gui.survey.data import OfficeView, read_office
from antrian.gui.survey.flow import PROFILE, Survey, Visit, levels, wording
from antrian.gui.survey.pages import (
    IDLE,
    INVITE,
    IdlePage,
    InvitePage,
    ProblemPage,
    ServicesPage,
    ThanksPage,
)
from antrian.gui.survey.step import StepPage, set_font
from antrian.gui.tasks import CoalescedRead
from antrian.gui.theme.metrics import SURVEY
from antrian.services.results import EventInfo
from antrian.store.database import Database

log = logging.getLogger(__name__)

IDLE_MS = 60_000  # untouched this long mid-survey: back to idle, the answers kept as incomplete
THANKS_MS = 6_000
TOUCHES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress})


class SurveyWindow(Retranslated, Answering, QWidget):
    """Signals:
    invited(str): the citizen of this ticket label is invited (on screen).
    saved(object): an answer set was saved (``services.skm.Submitted``, complete or left unfinished) or
        refused (the exception), its outcome on screen.

    Args:
        counter: the counter whose finished tickets are invited; None: a waiting-room kiosk.
        idle_ms, thanks_ms: how long untouched mid-survey, and on the thank-you page, before idle.
    """

    invited = Signal(str)
    saved = Signal(object)

    def __init__(
        self,
        database: Database,
        run_in_background: Callable[[Callable[[], Any], Callable[[Any], None]], None],
        *,
        counter: int | None = None,
        idle_ms: int = IDLE_MS,
        thanks_ms: int = THANKS_MS,
    ) -> None:
        super().__init__()
        self.setObjectName("survey")
        theme.apply(self, "survey")
        self._database, self._background, self._counter = database, run_in_background, counter
        self._office: OfficeView | None = None
        self._visit: Visit | None = None  # the citizen invited or surveyed
        self._pending: Visit | None = None  # finished while a survey ran: invited once idle
        self.survey: Survey | None = None
        self._busy = False  # answers on their way to the database
        self._online, self._problem_text = True, ""
        self._failed: Exception | None = None
        self._reader = CoalescedRead(
            run_in_background, self._read_office, self._apply_office, what="survey refresh", parent=self
        )
        self._idle = QTimer(self, singleShot=True, interval=idle_ms)
        self._idle.timeout.connect(self._timed_out)
        self._thanks = QTimer(self, singleShot=True, interval=thanks_ms)
        self._thanks.timeout.connect(self.go_idle)
        self._build()
        app = QApplication.instance()
        if app is not None:  # a touch anywhere in the window restarts the idle clock
            app.installEventFilter(self)
        self._reader.request()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.offline = QLabel()
        self.offline.setObjectName("offline")
        self.offline.setWordWrap(True)
        self.offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.offline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.offline.hide()
        root.addWidget(self.offline)
        self.pages = QStackedWidget()
        self.pages.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        root.addWidget(self.pages, 1)
        self.idle_page, self.invite, self.services = IdlePage(), InvitePage(), ServicesPage()
        self.step, self.thanks, self.problem = StepPage(), ThanksPage(), ProblemPage()
        for page in (self.idle_page, self.invite, self.services, self.step, self.thanks, self.problem):
            self.pages.addWidget(page)
        self.idle_page.start.setVisible(self._counter is None)
        self.idle_page.start.clicked.connect(self._choose_service)
        self.invite.start.clicked.connect(self._start_invited)
        self.invite.skip.clicked.connect(self.go_idle)
        self.services.chosen.connect(lambda code: self._begin(Visit(code)))
        self.services.back.clicked.connect(self.go_idle)
        self.step.answered.connect(self._answered)
        self.step.chose.connect(self._chose)
        self.step.suggestion.textChanged.connect(self._suggested)
        self.step.back.clicked.connect(self.go_back)
        self.step.next.clicked.connect(self.go_next)
        self.problem.retry.clicked.connect(self._send)
        self.problem.close_button.clicked.connect(self.go_idle)
        self.retranslate()

    # -- words ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Say every text in the current language, the changing ones from the window's state."""
        self.setWindowTitle(self.tr("Antrian — Satisfaction Survey"))
        self.offline.setText(self.tr("Answers cannot be saved right now. Please tell the staff."))
        self.offline.setToolTip(self._problem_text)
        idle = self.idle_page
        idle.title.setText(self.tr("How was our service today?"))
        if self._counter is None:
            idle.detail.setText(self.tr("Help us serve you better: a few short questions, about one minute."))
        else:
            idle.detail.setText(
                self.tr("When your service at counter {counter} is finished, you can rate it here.").format(
                    counter=self._counter
                )
            )
        idle.start.setText(self.tr("Rate our service"))
        self.invite.start.setText(self.tr("Start"))
        self.invite.skip.setText(self.tr("Skip"))
        self.invite.detail.setText(
            self.tr(
                "A few short questions, about one minute. The staff who served you never see your answers."
            )
        )
        self._say_invite()
        self.services.title.setText(self.tr("Which service did you come for?"))
        self.services.back.setText(self.tr("Back"))
        self.step.back.setText(self.tr("Back"))
        self.step.suggestion.setPlaceholderText(self.tr("Your suggestion"))
        self.thanks.title.setText(self.tr("Thank you!"))
        self.thanks.detail.setText(self.tr("Your answers help us improve our service."))
        self.problem.retry.setText(self.tr("Try again"))
        self.problem.close_button.setText(self.tr("Close"))
        self._say_problem()
        if self.survey is not None:
            self._show_step()

    def _say_invite(self) -> None:
        ticket = self._visit.ticket if self._visit is not None else None
        self.invite.title.setText(self.tr("How was our service for {ticket}?").format(ticket=ticket or ""))

    def _say_problem(self) -> None:
        if self._failed is not None:
            self.problem.message.setText(error_text(self._failed))

    def _show_step(self) -> None:
        survey = self.survey
        if survey is None:
            return
        step, page, lang = survey.step, self.step, words.language()
        number = survey.question_number
        total = len(survey.steps)
        if number is not None:
            page.set_progress(f"{number} / {survey.questions}", survey.position + 1, total)
        else:
            page.set_progress(self.tr("Optional"), survey.position + 1, total)
        if step.question is not None:
            unsur = step.question.unsur
            page.tag.setText(
                f"{unsur.code} · {words.show(unsur)}" if unsur is not None else self.tr("Additional question")
            )
            page.prompt.setText(wording(step.question, lang))
            chosen = survey.chosen()
            page.show_levels(levels(step.question, lang), chosen if isinstance(chosen, int) else None)
        elif step.field is not None:
            page.tag.setText(self.tr("About you (optional)"))
            page.prompt.setText(self._profile_prompts()[step.field])
            choices = [
                (code, words.text(f"skm.profile.{step.field}_choice.{code}"))
                for code in PROFILE_CHOICES[step.field]
            ]
            chosen = survey.chosen()
            page.show_choices(choices, chosen if isinstance(chosen, str) else None)
        else:
            page.tag.setText(self.tr("Suggestion (optional)"))
            page.prompt.setText(self.tr("What could we do better? Write it here, or touch Send."))
            page.show_suggestion(survey.suggestion)
        self._say_next()

    def _profile_prompts(self) -> dict[str, str]:
        return {
            "gender": self.tr("Your gender"),
            "age": self.tr("Your age"),
            "education": self.tr("Your highest education"),
            "occupation": self.tr("Your occupation"),
        }

    def _say_next(self) -> None:
        survey = self.survey
        if survey is None:
            return
        if survey.last:
            text = self.tr("Send")
        elif survey.step.kind == PROFILE and survey.chosen() is None:
            text = self.tr("Skip")
        else:
            text = self.tr("Next")
        self.step.next.setText(text)
        self.step.next.setEnabled(survey.can_go_on() and not self._busy)
        self.step.back.setEnabled(not self._busy)

    # -- scaling --------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        """Texts as shares of the screen's ``unit`` (as the kiosk's), none below readable at arm's length,
        every button at least a touch target high (``kiosk.sizes``)."""
        height, width = max(self.height(), 1), max(self.width(), 1)
        landscape = width >= height
        unit = min(height, width * 9 / 16) if landscape else min(height * 9 / 16, width)
        pitch = sizes.mm_per_pixel(self)
        least = sizes.pixels(sizes.DETAIL_MM, pitch)
        target = max(sizes.pixels(sizes.TOUCH_MM, pitch), int(unit * SURVEY.target))
        self.idle_page.set_sizes(unit, target, least)
        self.invite.set_sizes(unit, target, least)
        self.services.set_sizes(unit, target, least, landscape)
        self.step.set_sizes(unit, target, least, landscape)
        self.thanks.set_sizes(unit, target, least)
        self.problem.set_sizes(unit, target, least)
        set_font(self.offline, max(least, int(unit * SURVEY.offline)), True)

    # -- the office -----------------------------------------------------------------------------------
    def _read_office(self) -> OfficeView:
        return read_office(self._database)

    def _apply_office(self, office: OfficeView) -> None:
        self._office = office
        self.idle_page.office.setText(office.name)
        self.idle_page.set_logo(office.logo)
        self.services.set_services(office.services)

    def handle_events(self, events: list[EventInfo]) -> None:
        """Settings changed: read the office again; this counter finished a ticket: invite its citizen."""
        for event in events:
            if event.kind == "settings_changed":
                self._reader.request()
            elif (
                self._counter is not None
                and event.kind == "ticket_finished"
                and event.counter == self._counter
                and event.service is not None
                and event.data.get("number")
            ):
                self._finished(Visit(event.service, str(event.data["number"]), event.at, event.counter))

    def _finished(self, visit: Visit) -> None:
        if self.survey is not None or self._busy or self.pages.currentIndex() not in (IDLE, INVITE):
            self._pending = visit  # the citizen answering goes on undisturbed
            return
        self._invite(visit)

    def _invite(self, visit: Visit) -> None:
        self._visit = visit
        self._say_invite()
        self._show(INVITE)
        log.info("survey invites %s", visit.ticket)
        self.invited.emit(visit.ticket or "")

    def set_online(self, online: bool, problem: AntrianError | None = None) -> None:
        """While the database cannot be used a banner says answers cannot be saved (its cause, for staff,
        in the tooltip and the log)."""
        self._online = online
        self._problem_text = "" if online or problem is None else words.say(problem)
        self.offline.setToolTip(self._problem_text)
        self.offline.setVisible(not online)
        if online:
            self._reader.request()

    # -- touches --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in TOUCHES
            and self._idle.isActive()
            and isinstance(watched, QWidget)
            and (watched is self or self.isAncestorOf(watched))
        ):
            self._idle.start()
        return False
