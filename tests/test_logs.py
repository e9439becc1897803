"""The log file: where it is, what a line holds, the level, rotation (also with several processes writing),
and a folder that cannot be written."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from antrian import logs, words

LINE = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d{4}) \[(?P<pid>\d+) (?P<name>[^\]]+)\] "
    r"(?P<level>[A-Z]+) (?P<logger>[\w.]+): (?P<message>.*)$"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "log"
    monkeypatch.setenv(logs.ENV_DIR, str(where))
    monkeypatch.delenv(logs.ENV_LEVEL, raising=False)
    return where


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_the_file_is_made_in_the_folder_with_one_line_per_record(folder: Path) -> None:
    assert logs.setup("counter 2") == folder / "antrian.log"
    logging.getLogger("antrian.test").info("called %s at counter %d", "A017", 2)
    logs.rename("counter 3")
    logging.getLogger("antrian.test").warning("later")
    logs.close()

    first, second = (LINE.match(line) for line in lines(folder / "antrian.log"))
    assert first is not None and second is not None
    assert (first["pid"], first["name"], first["level"]) == (str(os.getpid()), "counter 2", "INFO")
    assert (first["logger"], first["message"]) == ("antrian.test", "called A017 at counter 2")
    assert (second["name"], second["level"], second["message"]) == ("counter 3", "WARNING", "later")
    assert logs.current_file() is None  # closed


def test_a_traceback_follows_its_line(folder: Path) -> None:
    logs.setup("cli")
    try:
        {}["missing"]
    except KeyError:
        logging.getLogger("antrian.test").exception("it failed")
    logs.close()
    text = (folder / "antrian.log").read_text(encoding="utf-8")
    assert "ERROR antrian.test: it failed\nTraceback (most recent call last):" in text
    assert "KeyError: 'missing'" in text


@pytest.mark.parametrize(
    ("asked", "kept", "dropped"),
    [("", "INFO", "DEBUG"), ("debug", "DEBUG", None), ("WARNING", "WARNING", "INFO")],
)
def test_the_level_comes_from_antrian_log(
    folder: Path, monkeypatch: pytest.MonkeyPatch, asked: str, kept: str, dropped: str | None
) -> None:
    monkeypatch.setenv(logs.ENV_LEVEL, asked)
    logs.setup("kiosk")
    test = logging.getLogger("antrian.test")
    for level in ("DEBUG", "INFO", "WARNING"):
        test.log(logging.getLevelName(level), "at %s", level)
    logs.close()
    text = (folder / "antrian.log").read_text(encoding="utf-8")
    assert f"at {kept}" in text
    if dropped:
        assert f"at {dropped}" not in text


def test_an_unknown_level_logs_at_info_and_says_so(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.ENV_LEVEL, "loud")
    logs.setup("kiosk")
    logging.getLogger("antrian.test").info("still here")
    logs.close()
    text = (folder / "antrian.log").read_text(encoding="utf-8")
    assert "ANTRIAN_LOG='loud' is not a level; logging at INFO" in text and "still here" in text


def test_without_the_variable_the_file_is_in_the_users_log_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_log_dir

    monkeypatch.delenv(logs.ENV_DIR)
    assert logs.log_path() == Path(user_log_dir("antrian", appauthor=False)) / "antrian.log"


def test_the_file_rotates_and_keeps_five_older_ones(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 4_000)
    logs.setup("display")
    test = logging.getLogger("antrian.test")
    for number in range(600):  # about 60 KB: fifteen files' worth
        test.info("line %04d %s", number, "x" * 30)
    logs.close()

    kept = sorted(p.name for p in folder.iterdir())
    assert kept == ["antrian.log", *(f"antrian.log.{n}" for n in range(1, 6)), "antrian.log.lock"]
    assert all(p.stat().st_size <= 4_000 for p in folder.iterdir())
    newest_first = [
        lines(folder / name) for name in ("antrian.log", *(f"antrian.log.{n}" for n in range(1, 6)))
    ]
    numbers = [int(line.split("line ")[1][:4]) for block in reversed(newest_first) for line in block]
    assert numbers == list(range(numbers[0], 600))  # the newest lines, none missing, none twice


def test_a_deleted_or_moved_file_is_followed(folder: Path) -> None:
    """Someone clears the log folder while the display runs: its next lines go to a new file, not into the
    deleted one."""
    logs.setup("display")
    test = logging.getLogger("antrian.test")
    test.info("before")
    (folder / "antrian.log").unlink()
    test.info("after")
    logs.close()
    assert [line.rsplit(": ", 1)[1] for line in lines(folder / "antrian.log")] == ["after"]


# Each writer says it is ready, waits for the word, then writes a line every millisecond, so that the three
# interleave in the file the way a display, a kiosk and a command do.
WRITER = """
import logging, sys, time
from antrian import logs
logs.MAX_BYTES = 5_000
logs.setup(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for number in range(int(sys.argv[2])):
    logging.getLogger("antrian.test").info("%s line %04d %s", sys.argv[1], number, "y" * 40)
    time.sleep(0.001)  # not a wait: spaces the lines so the processes' writes interleave
logs.close()
"""


@pytest.mark.slow
def test_processes_writing_the_same_file_lose_no_line_when_it_rotates(folder: Path) -> None:
    """Three processes write 240 lines of ~115 bytes through 5 KB files: the six files have room for every
    line, but only if one process rotates and the others follow it. Each rotating by its own count (what
    logging's RotatingFileHandler does: measured, it lost 14-19 lines of 80 per writer here) pushes lines
    out of ``.5``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    count = 80
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, f"w{n}", str(count)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.close()
    assert [w.wait(timeout=60) for w in writers] == [0, 0, 0]
    for writer in writers:
        assert writer.stdout is not None
        writer.stdout.close()

    assert (folder / "antrian.log.4").exists()  # it did rotate, several times
    found = [line for path in folder.iterdir() for line in lines(path)]
    for n in range(3):
        numbers = sorted(int(m[1]) for line in found if (m := re.search(rf"w{n} line (\d+)", line)))
        assert numbers == list(range(count)), f"w{n}"


def test_a_folder_that_cannot_be_written_is_said_once_and_the_program_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv(logs.ENV_DIR, str(blocker / "log"))

    assert logs.setup("kiosk") is None
    assert logs.setup("kiosk") is None  # a window opened by the command: not said twice
    logging.getLogger("antrian.test").info("routine")
    logging.getLogger("antrian.test").warning("worth seeing")
    assert logs.describe_setup()["writing"] is False
    logs.close()

    err = capsys.readouterr().err.splitlines()
    told = [line for line in err if line.startswith("antrian: ")]
    assert told == [
        f"antrian: {words.text('logs.unwritable', folder=str(blocker / 'log'), reason='Not a directory')}"
    ]
    assert any(line.endswith("WARNING antrian.test: worth seeing") for line in err)  # the terminal keeps them
    assert not any("routine" in line for line in err)


@pytest.mark.parametrize("code", ["logs.unwritable", "logs.cli_unexpected", "logs.cli_unexpected_unlogged"])
def test_the_words_exist_in_both_languages_with_the_same_placeholders(code: str) -> None:
    import string

    def fields(lang: str) -> set[str]:
        entry = words.catalogue(lang)[code]
        return {name for _, name, _, _ in string.Formatter().parse(entry) if name}

    assert fields("id") == fields("en") and fields("id")
    assert words.has("logs.window_unexpected", "id") and words.has("logs.window_unexpected", "en")


def test_a_crash_leaves_its_stacks_in_the_log_file(folder: Path) -> None:
    script = (
        "import faulthandler\n"
        "from antrian import logs\n"
        "logs.setup('display')\n"
        "logs.record_crashes()\n"
        "faulthandler._sigsegv()\n"
    )
    env = {**os.environ, "ANTRIAN_LOG_DIR": str(folder), "PYTHONFAULTHANDLER": ""}
    crashed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=60)
    assert crashed.returncode != 0
    text = (folder / "antrian.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text and "File \"<string>\", line 5" in text
