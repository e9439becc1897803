"""A window process ended by the system (a service manager's SIGTERM, a closed session's SIGHUP) closes as if
closed by hand: its log ends with the closing line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import wait_until

pytestmark = pytest.mark.slow


def _wait_for(path: Path, text: str, timeout: float = 30) -> str:
    def content() -> str | None:
        logged = path.read_text(encoding="utf-8") if path.exists() else ""
        return logged if text in logged else None

    return wait_until(
        content, lambda: f"{text!r} in the log:\n{path.read_text() if path.exists() else '(none)'}", timeout
    )


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signalled_window_closes_and_logs_it(tmp_path: Path, number: signal.Signals) -> None:
    db, logs = tmp_path / "office.db", tmp_path / "logs"
    env = {**os.environ, "ANTRIAN_LOG_DIR": str(logs), "QT_QPA_PLATFORM": "offscreen"}
    made = subprocess.run(
        [sys.executable, "-m", "antrian", "--db", str(db), "demo-data", "--history-days", "0"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    window = subprocess.Popen(
        [sys.executable, "-m", "antrian", "--db", str(db), "kiosk", "--windowed"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(logs / "antrian.log", "windows running")  # in the event loop, its signal handlers set
        window.send_signal(number)
        assert window.wait(timeout=20) == 0
    finally:
        if window.poll() is None:
            window.kill()
    content = _wait_for(logs / "antrian.log", "windows closed: exit 0")
    assert f"signal {int(number)}: closing the windows" in content
