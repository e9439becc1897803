"""One citizen's survey in progress, without Qt: the steps they are taken through and what they answered.

The steps: the nine unsur (U1-U9, the regulation's order), then the office's local questions, each answered
1-4 before the next; then the optional profile, one field a step (a choice or none); then the optional
suggestion. Going back keeps every answer given, and an answer can be changed on the way back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from antrian.domain.skm import PROFILE_CHOICES, UNSUR
from antrian.services.skm import Profile, Question, Questionnaire

QUESTION, PROFILE, SUGGESTION = "question", "profile", "suggestion"


@dataclass(frozen=True, slots=True)
class Visit:
    """Whose survey: the ticket just finished at the counter (its label, service code, the instant it was
    finished, which says its service day, and the counter), or a walk-in at a waiting-room kiosk (no ticket:
    the service is chosen on screen)."""

    service: str
    ticket: str | None = None
    finished_at: datetime | None = None
    counter: int | None = None


@dataclass(frozen=True, slots=True)
class Step:
    kind: str  # QUESTION, PROFILE or SUGGESTION
    question: Question | None = None
    field: str | None = None  # a PROFILE step's field of ``domain.skm.PROFILE_CHOICES``


class Survey:
    """The steps of ``form`` for ``visit``, the one shown (``position``) and the answers so far."""

    def __init__(self, form: Questionnaire, visit: Visit) -> None:
        self.form, self.visit = form, visit
        asked = [form.of(unsur) for unsur in UNSUR] + [q for q in form.questions if q.unsur is None]
        self.steps: tuple[Step, ...] = (
            *(Step(QUESTION, question=q) for q in asked),
            *(Step(PROFILE, field=field) for field in PROFILE_CHOICES),
            Step(SUGGESTION),
        )
        self.questions = len(asked)
        self.position = 0
        self.answers: dict[int, int] = {}  # by question id
        self.profile: dict[str, str] = {}
        self.suggestion = ""

    @property
    def step(self) -> Step:
        return self.steps[self.position]

    @property
    def last(self) -> bool:
        return self.position == len(self.steps) - 1

    def answer(self, value: int) -> None:
        """The level (1-4) chosen for the current question."""
        question = self.step.question
        if question is None:
            raise ValueError(f"step {self.position} is not a question")
        self.answers[question.id] = value

    def chosen(self) -> int | str | None:
        """The current step's answer: its level, its profile code, or None."""
        step = self.step
        if step.question is not None:
            return self.answers.get(step.question.id)
        if step.field is not None:
            return self.profile.get(step.field)
        return None

    def choose(self, code: str | None) -> None:
        """The current profile step's choice (None: not said)."""
        field = self.step.field
        if field is None:
            raise ValueError(f"step {self.position} is not a profile field")
        if code is None:
            self.profile.pop(field, None)
        else:
            self.profile[field] = code

    def can_go_on(self) -> bool:
        """A question needs its answer; the profile and the suggestion may be left empty."""
        return self.step.kind != QUESTION or self.chosen() is not None

    def next(self) -> bool:
        """One step on; False (and no move) at the last step or while the question is unanswered."""
        if self.last or not self.can_go_on():
            return False
        self.position += 1
        return True

    def back(self) -> bool:
        """One step back; False at the first."""
        if self.position == 0:
            return False
        self.position -= 1
        return True

    @property
    def question_number(self) -> int | None:
        """The current question's place among the questions (1 = U1), None past them."""
        return self.position + 1 if self.step.kind == QUESTION else None

    @property
    def started(self) -> bool:
        """Whether anything was answered (an untouched survey leaves nothing to keep)."""
        return bool(self.answers or self.profile or self.suggestion.strip())

    def values(self) -> list[int | None]:
        """The nine unsur answers in U1-U9 order, None where not answered."""
        return [self.answers.get(self.form.of(unsur).id) for unsur in UNSUR]

    def local(self) -> dict[int, int]:
        return {
            q.id: self.answers[q.id] for q in self.form.questions if q.unsur is None and q.id in self.answers
        }

    def submission(self, *, complete: bool) -> dict[str, Any]:
        """The keyword arguments of ``services.skm.submit_answers`` but the session, actor and day."""
        profile = Profile(**{field: self.profile.get(field) for field in PROFILE_CHOICES})
        return {
            "service": self.visit.service,
            "answers": self.values(),
            "channel": "touch",
            "ticket": self.visit.ticket,
            "counter": self.visit.counter,
            "profile": profile,
            "suggestion": self.suggestion.strip() or None,
            "local": self.local(),
            "complete": complete,
        }


def levels(question: Question, lang: str) -> Sequence[str]:
    """The four worded levels of ``question`` in ``lang`` (the office writes both)."""
    return question.levels_en if lang == "en" else question.levels_id


def wording(question: Question, lang: str) -> str:
    return question.text_en if lang == "en" else question.text_id
