"""A display's saved feed position: a damaged file is said in the log; the window starts at the present."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from antrian.store.feed import FeedPosition


def test_a_missing_file_is_the_present_without_a_word(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="antrian.store.feed"):
        assert FeedPosition(tmp_path / "none.json").load() is None
    assert caplog.records == []


@pytest.mark.parametrize(
    "content", ["{not json", '{"other": 1}', '{"last_event_id": -4}', '{"last_event_id": "7"}']
)
def test_a_damaged_file_is_logged_and_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str
) -> None:
    path = tmp_path / "position.json"
    path.write_text(content)
    with caplog.at_level(logging.WARNING, logger="antrian.store.feed"):
        assert FeedPosition(path).load() is None
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(path) in caplog.records[0].getMessage()


def test_a_saved_position_is_read_back(tmp_path: Path) -> None:
    position = FeedPosition(tmp_path / "position.json")
    position.save(41)
    assert position.load() == 41
