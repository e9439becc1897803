"""The paper-form entry page of the supervisor's satisfaction (SKM) tab, for offices that survey on paper.

One form at a time: the service day of the visit, the service, the nine answers (each 1-4, the level words of
each unsur shown as in the current questionnaire), the office's own questions, and optionally the ticket
number, the respondent's profile and a suggestion. Made for typing a pile of forms: a digit 1-4 answers the
unsur that has the focus and moves to the next; Enter saves and clears the form for the next one, keeping its
date and service. The save runs ``services.skm.submit_answers(channel="paper")`` on the worker: it checks
everything before it writes anything, so a refused form (a day not yet come, a missing answer, a ticket not
served or already answered) saves nothing and the page shows the catalogue's sentence naming the problem,
keeping what was typed to be corrected.

The page's fields, their labels and the box of the answer rows are the Designer form
ui/supervisor/skm_entry.ui; the rows (the nine unsur and the office's own questions) and the choices are
built here from the questionnaire and the domain.

Only a supervisor or an admin enters forms (``Permission.SKM_ENTRY``); anyone else who may open the window
(a viewer) sees the page disabled, with the reason.

Signals:
    saved(object): a form was saved (its ``Submitted``).
    refused(str): a form was refused; the sentence shown.
    questionnaireShown(int): the questionnaire of this version is on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from antrian import words
from antrian.domain.roles import Actor, Permission
from antrian.domain.skm import PROFILE_CHOICES, UNSUR
from antrian.domain.timing import Clock, system_clock
from antrian.gui import theme
from antrian.gui.errors import error_text
from antrian.gui.forms.skm_entry_ui import Ui_EntryPage
from antrian.gui.i18n import Retranslated
from antrian.gui.supervisor.skm_answer import AnswerRow
from antrian.gui.tasks import Background
from antrian.gui.theme.metrics import SIZE
from antrian.gui.widgets import day_of
from antrian.reports.skm import choice_words
from antrian.services.monitor import MonitorSnapshot
from antrian.services.skm import SUGGESTION_LIMIT, Profile, Questionnaire, Submitted
from antrian.store.database import Database

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EntryPage(Retranslated, QWidget):
    saved = Signal(object)
    refused = Signal(str)
    questionnaireShown = Signal(int)

    def __init__(
        self,
        database: Database,
        run_in_background: Background,
        actor: Callable[[], Actor | None],
        snapshot: Callable[[], MonitorSnapshot | None],
        *,
        clock: Clock = system_clock,
    ) -> None:
        super().__init__()
        self._database, self._background, self._actor, self._snapshot = (
            database,
            run_in_background,
            actor,
            snapshot,
        )
        self._clock = clock
        self.form: Questionnaire | None = None
        self.entered = 0  # forms saved from this page since the window opened
        self._ready = self._busy = False
        self._said: Callable[[], str] = lambda: ""
        self._build()
        self.retranslate()

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.ui = Ui_EntryPage()  # the fields, their labels and the rows' box: ui/supervisor/skm_entry.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.read_only, self.fields = ui.readOnly, ui.fields
        self.read_only.hide()
        self.day, self.service, self.ticket = ui.day, ui.service, ui.ticket
        self.day.setDate(QDate.currentDate())
        self.ticket.setMinimumWidth(SIZE.ticket_field)
        self.rows = [AnswerRow() for _ in UNSUR]
        self.local_rows: list[AnswerRow] = []
        self.questions = ui.questions
        for row in self.rows:
            self.questions.addWidget(row)
        for first, second in pairwise([ui.scroll, *self.rows]):  # Tab: the nine rows, then the profile
            QWidget.setTabOrder(first, second)
        profile_rows = {  # the form's rows of the respondent, by the field of PROFILE_CHOICES each answers
            "gender": (ui.gender_label, ui.gender),
            "age": (ui.age_label, ui.age),
            "education": (ui.education_label, ui.education),
            "occupation": (ui.occupation_label, ui.occupation),
        }
        self.profile: dict[str, QComboBox] = {}
        self.profile_labels: dict[str, QLabel] = {}
        for field, choices in PROFILE_CHOICES.items():
            self.profile_labels[field], box = profile_rows[field]
            self.profile[field] = box
            box.addItem("", None)
            for choice in choices:
                box.addItem("", choice)
        self.suggestion = ui.suggestion
        self.suggestion.setMaxLength(SUGGESTION_LIMIT)
        self.save_button = ui.save_button  # takes no focus: Enter saves from anywhere on the page
        self.save_button.setMinimumHeight(SIZE.tall_button)
        self.save_button.clicked.connect(self.save)
        self.count, self.message = ui.count, ui.entryMessage
        for row in self.rows:
            row.answered.connect(lambda _level, row=row: self._next(row))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        for field, box in self.profile.items():
            self.profile_labels[field].setText(words.text(f"skm.profile.{field}"))
            box.setItemText(0, words.text("skm.profile.not_given"))
            for i in range(1, box.count()):
                box.setItemText(i, choice_words(field, box.itemData(i)))
        self.count.setText(self.tr("Forms entered this session: {n}").format(n=self.entered))
        self.message.setText(self._said())
        self._show_questions()

    def _show_questions(self) -> None:
        english = words.language() == "en"
        for unsur, row in zip(UNSUR, self.rows, strict=True):
            question = self.form.of(unsur) if self.form else None
            levels = (question.levels_en if english else question.levels_id) if question else ("",) * 4
            tip = (question.text_en if english else question.text_id) if question else ""
            row.show_levels(f"{unsur.code} {words.show(unsur)}", levels, tip)
        for row in self.local_rows:
            question = row.question
            assert question is not None
            text = question.text_en if english else question.text_id
            row.show_levels(text, question.levels_en if english else question.levels_id, text)

    # -- preparing (once logged in and shown) ---------------------------------------------------------
    def prepare(self) -> None:
        """The office's day and services from the monitor, who may enter, and the questionnaire (read once,
        and again by ``reload_questionnaire``)."""
        snapshot, actor = self._snapshot(), self._actor()
        if self._ready or snapshot is None or actor is None:
            return
        self._ready = True
        self.day.setDate(QDate(snapshot.day.year, snapshot.day.month, snapshot.day.day))
        for service in snapshot.services:
            self.service.addItem(f"{service.code} · {service.name}", service.code)
        allowed = actor.may(Permission.SKM_ENTRY)
        self.read_only.setVisible(not allowed)
        self.fields.setEnabled(allowed)
        self.reload_questionnaire()

    def reload_questionnaire(self) -> None:
        database = self._database

        def work() -> Questionnaire:
            from antrian.services.skm import current_questionnaire

            with database.read() as session:
                return current_questionnaire(session)

        self._background(work, self._questionnaire_read)

    def _questionnaire_read(self, result: Questionnaire | Exception) -> None:
        if isinstance(result, Exception):
            self._say(error_text(result), error=True)
            return
        old = [q.id for q in (self.form.questions if self.form else ()) if q.unsur is None]
        self.form = result
        local = [q for q in result.questions if q.unsur is None]
        if [q.id for q in local] != old:  # a new version's own questions: new rows, their answers cleared
            for row in self.local_rows:
                row.deleteLater()
            self.local_rows = [AnswerRow(q) for q in local]
            for row in self.local_rows:
                self.questions.addWidget(row)
                row.answered.connect(lambda _level, row=row: self._next(row))
        self._show_questions()
        self.questionnaireShown.emit(result.version)

    # -- typing ---------------------------------------------------------------------------------------
    def _next(self, row: AnswerRow) -> None:
        """After an answer: the next question, then the ticket's field."""
        order = self.rows + self.local_rows
        position = order.index(row)
        if position + 1 < len(order):
            order[position + 1].setFocus()
        else:
            self.ticket.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER:
            self.save()
            return
        super().keyPressEvent(event)

    def answers(self) -> list[int | None]:
        return [row.value for row in self.rows]

    # -- saving ---------------------------------------------------------------------------------------
    def save(self) -> None:
        """Save the form on the worker; then clear it for the next one, or say why it was refused."""
        actor = self._actor()
        if self._busy or actor is None or not self.fields.isEnabled() or self.form is None:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        database, clock = self._database, self._clock
        service, day = self.service.currentData() or "", day_of(self.day)
        answers, ticket = self.answers(), self.ticket.text().strip() or None
        profile = Profile(**{field: box.currentData() for field, box in self.profile.items()})
        suggestion = self.suggestion.text().strip() or None
        local = {
            row.question.id: row.value for row in self.local_rows if row.question and row.value is not None
        }

        def work() -> Submitted:
            from antrian.services.skm import submit_answers

            with database.write() as session:
                return submit_answers(
                    session,
                    actor,
                    service=service,
                    day=day,
                    answers=answers,
                    channel="paper",
                    ticket=ticket,
                    profile=profile,
                    suggestion=suggestion,
                    local=local,
                    clock=clock,
                )

        self._background(work, self._saved)

    def _saved(self, result: Submitted | Exception) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(result, Exception):
            said = error_text(result)  # an unexpected error is logged once, here
            self._say(said, error=True)
            self.refused.emit(said)
            return
        self.entered += 1
        self.count.setText(self.tr("Forms entered this session: {n}").format(n=self.entered))
        number, day = result.id, result.day
        self._say(
            lambda: self.tr("Form {number} saved ({service}, {day}).").format(
                number=number, service=result.service, day=day.strftime("%d-%m-%Y")
            ),
            error=False,
        )
        self.clear()
        self.saved.emit(result)

    def clear(self) -> None:
        """Ready for the next form: the answers, ticket, profile and suggestion cleared; date and service
        kept; the focus on the first element."""
        for row in self.rows + self.local_rows:
            row.clear()
        self.ticket.clear()
        for box in self.profile.values():
            box.setCurrentIndex(0)
        self.suggestion.clear()
        self.rows[0].setFocus()

    def _say(self, said: str | Callable[[], str], *, error: bool) -> None:
        self._said = said if callable(said) else (lambda: said)
        theme.mark(self.message, "said", "error" if error else "ok")
        self.message.setText(self._said())
