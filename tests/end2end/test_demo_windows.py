"""`antrian demo` on a new office: the history is made before the windows open, and the supervisor window
opens logged in as the demo's supervisor (its log line), beside the kiosk, the display and the counters."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.end2end.test_window_signals import _wait_for

pytestmark = pytest.mark.slow


def test_the_demo_opens_the_supervisor_window_logged_in(tmp_path: Path) -> None:
    db, logs = tmp_path / "office.db", tmp_path / "logs"
    env = {
        **os.environ,
        "ANTRIAN_LOG_DIR": str(logs),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "ANTRIAN_CONFIG": os.devnull,
        "ANTRIAN_LANG": "en",
    }
    demo = subprocess.Popen(
        [sys.executable, "-m", "antrian", "--db", str(db), "demo", "--history-days", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        _wait_for(logs / "antrian.log", "supervisor monitor opened by supervisor", timeout=60)
        demo.send_signal(signal.SIGTERM)
        out, _ = demo.communicate(timeout=30)
    finally:
        if demo.poll() is None:
            demo.kill()
    assert demo.returncode == 0
    assert "History of 2 past working days made" in out
    assert "The supervisor window is logged in as supervisor" in out
    with sqlite3.connect(db) as connection:
        days = connection.execute("SELECT COUNT(DISTINCT service_day) FROM tickets").fetchone()[0]
    assert days == 2
