"""The course of a survey: begun for the citizen invited (or the service chosen), one step a page forward
and back, and its answers saved off the GUI thread: sent (thanks, or the problem with a retry when the
database could not be used), or kept as incomplete when the window was left untouched mid-survey; then back
to idle, where a ticket finished meanwhile is invited. Mixed into the survey window, whose state it works
on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from antrian.domain.errors import StoreError
from antrian.gui.errors import log_failure
from antrian.gui.survey.data import OfficeView, save_answers
from antrian.gui.survey.flow import PROFILE, QUESTION, Survey, Visit
from antrian.gui.survey.pages import IDLE, INVITE, PROBLEM, SERVICES, STEP, THANKS
from antrian.services.skm import Submitted
from antrian.store.database import Database

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance
    from PySide6.QtWidgets import QStackedWidget

    from antrian.gui.survey.pages import ProblemPage
    from antrian.gui.survey.step import StepPage

log = logging.getLogger("antrian.gui.survey.window")  # the survey's one log, as before the split


class Answering:
    """The course of a survey in ``SurveyWindow`` (mixed in before the Qt class)."""

    _database: Database
    _background: Callable[[Callable[[], Any], Callable[[Any], None]], None]
    _office: OfficeView | None
    _visit: Visit | None
    _pending: Visit | None
    survey: Survey | None
    _busy: bool
    _failed: Exception | None
    _idle: QTimer
    _thanks: QTimer
    pages: QStackedWidget
    step: StepPage
    problem: ProblemPage
    saved: SignalInstance

    if TYPE_CHECKING:

        def _invite(self, visit: Visit) -> None: ...
        def _show_step(self) -> None: ...
        def _say_next(self) -> None: ...
        def _say_problem(self) -> None: ...

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._thanks.stop()
        if page == THANKS:
            self._idle.stop()
            self._thanks.start()
        elif page == IDLE:
            self._idle.stop()
        else:
            self._idle.start()

    def _choose_service(self) -> None:
        if self._office is None:
            return
        if len(self._office.services) == 1:
            self._begin(Visit(self._office.services[0][0]))
        else:
            self._show(SERVICES)

    def _start_invited(self) -> None:
        if self._visit is not None:
            self._begin(self._visit)

    def _begin(self, visit: Visit) -> None:
        if self._office is None:
            return
        self._visit = visit
        self.survey = Survey(self._office.form, visit)
        self._show_step()
        self._show(STEP)

    def _answered(self, level: int) -> None:
        if self.survey is not None and self.survey.step.kind == QUESTION:
            self.survey.answer(level)
            self._show_step()

    def _chose(self, code: str | None) -> None:
        if self.survey is not None and self.survey.step.kind == PROFILE:
            self.survey.choose(code)
            self._show_step()

    def _suggested(self) -> None:
        if self.survey is not None:
            self.survey.suggestion = self.step.suggestion.toPlainText()

    def go_next(self) -> None:
        survey = self.survey
        if survey is None or self._busy:
            return
        if survey.last:
            self._send()
        elif survey.next():
            self._show_step()

    def go_back(self) -> None:
        """One step back; from the first, back to the invitation (or the choice of service)."""
        survey = self.survey
        if survey is None or self._busy:
            return
        if survey.back():
            self._show_step()
            return
        self.survey = None  # nothing is kept of a survey left at its start: it is begun anew
        self._show(INVITE if survey.visit.ticket is not None else SERVICES)

    def go_idle(self) -> None:
        """Back to the idle page (or the invitation of a ticket finished meanwhile)."""
        if self._busy:
            return
        self.survey, self._failed = None, None
        self._show(IDLE)
        pending, self._pending = self._pending, None
        if pending is not None:
            self._invite(pending)

    def _send(self) -> None:
        if self.survey is not None and not self._busy:
            self._save(self.survey, complete=True)

    def _timed_out(self) -> None:
        """Nobody touched the window for ``idle_ms``: what was answered is kept, as incomplete."""
        if self._busy:  # the answers are on their way: their outcome moves the window on
            return
        survey = self.survey
        if survey is not None and survey.started and self.pages.currentIndex() != PROBLEM:
            log.info("survey left unfinished at step %d of %d", survey.position + 1, len(survey.steps))
            self._save(survey, complete=False)
        self.go_idle()

    def _save(self, survey: Survey, *, complete: bool) -> None:
        database = self._database
        if complete:
            self._busy = True
            self._say_next()
        self._background(
            lambda: save_answers(database, survey, complete=complete), self._sent if complete else self._kept
        )

    def _sent(self, result: Submitted | Exception) -> None:
        self._busy = False
        if isinstance(result, Exception):
            log_failure("survey answers not saved", result)
            self._failed = result
            self._say_problem()
            self.problem.retry.setVisible(isinstance(result, StoreError))
            self._show(PROBLEM)
        else:
            log.info("survey answers saved (set %d, ticket %s)", result.id, result.ticket)
            self.survey = None
            self._show(THANKS)
        self.saved.emit(result)

    def _kept(self, result: Submitted | Exception) -> None:
        if isinstance(result, Exception):
            log_failure("an unfinished survey could not be kept", result)
        self.saved.emit(result)
