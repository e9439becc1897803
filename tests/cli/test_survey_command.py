"""``antrian survey [--counter N]`` opens the survey window on the office's database, of a counter that
exists (an unknown one is refused before any window opens); on both databases, in-process."""

from __future__ import annotations

import pytest

import antrian.gui.app as app
from tests.cli.test_setup_commands import run
from tests.cli.test_setup_commands import url as url  # the fixture: the test office with a supervisor


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    calls: list[dict[str, object]] = []

    def run_survey(database: object, **options: object) -> int:
        calls.append(options)
        return 0

    monkeypatch.setattr(app, "run_survey", run_survey)
    return calls


def test_the_survey_opens_for_a_counter_or_the_waiting_room(
    url: str, capsys: pytest.CaptureFixture[str], opened: list[dict[str, object]]
) -> None:
    assert run(capsys, url, "survey", "--counter", "2", "--windowed")[0] == 0
    assert run(capsys, url, "survey")[0] == 0
    assert opened == [{"counter": 2, "windowed": True}, {"counter": None, "windowed": False}]


def test_an_unknown_counter_is_refused_before_the_window_opens(
    url: str, capsys: pytest.CaptureFixture[str], opened: list[dict[str, object]]
) -> None:
    code, out, err = run(capsys, url, "survey", "--counter", "9")
    assert (code, out, opened) == (2, "", [])
    assert "Loket 9 tidak ada" in err and err.count("\n") == 1, err
