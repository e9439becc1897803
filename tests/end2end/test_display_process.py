"""The real `antrian display` process, driven by the real CLI in other processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.waiting import wait_until

pytestmark = pytest.mark.slow
ANTRIAN = [sys.executable, "-m", "antrian"]


def cli(db: Path, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [*ANTRIAN, "--db", str(db), *args, "--json"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def logged(log: Path) -> str:
    return log.read_text() if log.exists() else "nothing"


def wait_for_lines(log: Path, what: str, count: int, timeout: float = 30) -> list[dict[str, Any]]:
    def lines() -> list[dict[str, Any]] | None:
        read = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
        found = [line for line in read if line["what"] == what]
        return found if len(found) >= count else None

    return wait_until(lines, lambda: f"{count} {what!r} lines; the display logged {logged(log)}", timeout)


def wait_for_log(logs: Path, text: str, timeout: float = 30) -> None:
    """Wait for ``text`` in the process log (``ANTRIAN_LOG_DIR`` = ``logs``)."""
    wait_until(
        lambda: text in logged(logs / "antrian.log"),
        lambda: f"{text!r} in {logged(logs / 'antrian.log')}",
        timeout,
    )


def test_display_shows_and_speaks_calls_made_by_other_processes(tmp_path: Path, audio_sink: str) -> None:
    db, log = tmp_path / "office.db", tmp_path / "display.jsonl"
    cli(db, "demo-data", "--history-days", "0")
    logs = tmp_path / "logs"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "ANTRIAN_LOG_DIR": str(logs),
    }
    errors = (tmp_path / "display.err").open("w")
    display = subprocess.Popen(
        [*ANTRIAN, "--db", str(db), "display", "--windowed", "--log-json", str(log)], env=env, stderr=errors
    )
    try:
        wait_for_log(logs, "following the changes")  # calls before that are history, not news
        cli(db, "ticket", "issue", "B")
        cli(db, "counter", "open", "2")
        called = cli(db, "counter", "call-next", "2")
        (shown,) = wait_for_lines(log, "shown", 1)
        # how soon it is painted and chimed is bench/bench_display.py's to measure; here: that it is, in order
        assert (shown["what"], shown["number"], shown["counter"]) == ("shown", called["number"], 2)
        assert shown["t"] >= shown["event_at"]
        cli(db, "counter", "recall", "2")
        lines = wait_for_lines(log, "shown", 2)
        assert [line["number"] for line in lines] == ["B001", "B001"]
        assert lines[1]["event_id"] > lines[0]["event_id"]
        # both the call and the recall are spoken, one after the other
        chimes = wait_for_lines(log, "chime", 2, timeout=40)
        assert [c["event_id"] for c in chimes] == [line["event_id"] for line in lines]
        assert chimes[0]["t"] >= lines[0]["t"], "painted, then chimed"
        assert display.poll() is None, "the display keeps running"
    finally:
        display.terminate()
        display.wait(10)
        errors.close()


@pytest.mark.postgres
def test_display_started_while_the_server_is_away_comes_online_by_itself(tmp_path: Path, pg_url: str) -> None:
    from tests.feed.test_feed import Proxy

    proxy = Proxy()
    proxy.stop()  # the TV PC boots before the server answers
    proxied = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    cli_pg = lambda *args: subprocess.run(  # noqa: E731
        [*ANTRIAN, "--db", pg_url, *args, "--json"], capture_output=True, text=True, timeout=60
    )
    assert cli_pg("demo-data", "--history-days", "0").returncode == 0
    log = tmp_path / "display.jsonl"
    logs = tmp_path / "logs"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "ANTRIAN_LOG_DIR": str(logs),
    }
    errors = (tmp_path / "display.err").open("w")
    display = subprocess.Popen(
        [*ANTRIAN, "--db", proxied, "display", "--windowed", "--log-json", str(log)], env=env, stderr=errors
    )
    try:
        wait_for_log(logs, "change feed offline")
        assert display.poll() is None, "the display keeps running while the server is away"
        proxy.start()
        wait_for_log(logs, "change feed online again")  # it reconnects on its own and subscribes
        assert cli_pg("counter", "open", "1").returncode == 0
        assert cli_pg("ticket", "issue", "A").returncode == 0
        called = json.loads(cli_pg("counter", "call-next", "1").stdout)
        (shown,) = wait_for_lines(log, "shown", 1)
        assert shown["number"] == called["number"]
    finally:
        display.terminate()
        display.wait(10)
        errors.close()
        proxy.stop()
    from antrian import words
    from antrian.domain.errors import StoreError

    away = StoreError("store.unreachable", server=f"127.0.0.1:{proxy.port}/test", reason="")
    said = (tmp_path / "display.err").read_text()
    assert words.text("store.window.starting_offline", problem=away) in said, said
