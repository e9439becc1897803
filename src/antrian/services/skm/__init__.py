"""The citizen satisfaction survey (SKM, Permenpan RB 14/2017): the questionnaire, the answers, the index.

The questionnaire is versioned. A version some answer set answered is frozen: editing it makes a new
version, and every answer set keeps the version it answered, so the results of the past never change. The
index counts each answer by the unsur of its question, so a period spanning two versions adds up both.

An answer set is one respondent: the nine unsur answered 1-4 (a complete set), after a visit (the ticket,
when known: its service, counter and service day), on the touch screen at the counter (``touch``, by the
kiosk role) or from a paper form (``paper``, by a supervisor or admin). A touch survey left unfinished is
stored as incomplete and never counted. Answers are never reported per counter or operator.

**Population** (the citizens served in the period, for the required sample): the finished visits, counted
once per ticket label and service day, so a citizen transferred and served at two services counts once in
the office's population and once in each service's. **Respondents**: the complete answer sets of the
period's service days (of the service, for a service).

One module a concern: ``questions`` (the questionnaire), ``answers`` and ``report``; their names are
gathered here.
"""

from antrian.services.skm.answers import CHANNELS, SUGGESTION_LIMIT, Profile, Submitted, submit_answers
from antrian.services.skm.questions import (
    LEVEL_LIMIT,
    LEVELS,
    TEXT_LIMIT,
    Question,
    Questionnaire,
    QuestionText,
    current_questionnaire,
    edit_questionnaire,
    questionnaire,
)
from antrian.services.skm.report import LocalResult, ServiceSkm, SkmFigures, SkmReport, Suggestion, skm_report

__all__ = [
    "CHANNELS",
    "LEVELS",
    "LEVEL_LIMIT",
    "SUGGESTION_LIMIT",
    "TEXT_LIMIT",
    "LocalResult",
    "Profile",
    "Question",
    "QuestionText",
    "Questionnaire",
    "ServiceSkm",
    "SkmFigures",
    "SkmReport",
    "Submitted",
    "Suggestion",
    "current_questionnaire",
    "edit_questionnaire",
    "questionnaire",
    "skm_report",
    "submit_answers",
]
