"""The survey window's pages for ``screenshots.py --only survey``: at a counter (idle, the invitation, an
unsur with an answer chosen, a profile field, the suggestion, thank you, a refusal) and in the waiting room
(idle, the choice of service), each at 1280x800 (a tablet, landscape) and 1080x1920 (portrait)."""

from __future__ import annotations

from pathlib import Path

SIZES = ((1280, 800), (1080, 1920))


def survey_screens(app, runner, db, events, out: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from screenshots import _helpers  # type: ignore[import-not-found]

    from antrian.domain.errors import IllegalAction
    from antrian.gui.survey.pages import THANKS
    from antrian.gui.survey.window import SurveyWindow

    settle, save = _helpers(app, runner, out)
    background = lambda work, done: runner.submit(work, done, done)  # noqa: E731
    finished = [e for e in events if e.kind == "ticket_finished" and e.counter == 1][-1:]
    for width, height in SIZES:
        size = f"{width}x{height}"
        window = SurveyWindow(db, background, counter=1)
        window.resize(width, height)
        window.show()
        settle()
        save(window, f"survey-idle-{size}")
        window.handle_events(finished)
        settle()
        save(window, f"survey-invite-{size}")
        window.invite.start.click()
        settle()
        window.step.levels[2].click()
        settle()
        save(window, f"survey-unsur-{size}")
        for level in (4, 3, 4, 3, 4, 3, 4, 2):
            window.go_next()
            window.step.levels[level - 1].click()
        window.go_next()
        settle()
        save(window, f"survey-profile-{size}")
        window.step.choices["female"].click()
        settle()
        save(window, f"survey-profile-chosen-{size}")
        for _ in range(4):
            window.go_next()
        window.step.suggestion.setPlainText("Ruang tunggu perlu kipas angin tambahan.")
        settle()
        save(window, f"survey-suggestion-{size}")
        window._sent(IllegalAction("skm.ticket_answered", ticket="A004", day=date(2026, 11, 30)))
        settle()
        save(window, f"survey-refused-{size}")
        window.go_idle()
        window.survey = None
        window.handle_events(finished)
        window.invite.start.click()
        window.step.levels[3].click()
        window._show(THANKS)  # as after Send
        settle()
        save(window, f"survey-thanks-{size}")
        window.close()
        room = SurveyWindow(db, background)
        room.resize(width, height)
        room.show()
        settle()
        save(room, f"survey-room-idle-{size}")
        room.idle_page.start.click()
        settle()
        save(room, f"survey-room-services-{size}")
        room.close()
