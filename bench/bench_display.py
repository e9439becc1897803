"""Display benchmark: a call made in another process -> painted on the display -> chime started; memory.

Starts the real `antrian display --windowed --log-json FILE` process (offscreen) on a fresh database and
drives calls through the service layer from this process, noting the wall time right after each commit.

- paint: (display's "shown" time, logged right after its synchronous repaint) - commit time; p50/p95/max
  over --calls calls, voice off. Target p95 <= 100 ms, on SQLite and PostgreSQL.
- chime: (display's "chime" time) - ("shown" time) over --voice-calls calls spaced so that the voice queue
  is idle at each call (needs an audio output: a PulseAudio null sink is started if none answers).
  Target <= 150 ms.
- memory: the display's resident set (VmRSS) after a 300-call warm-up and after --memory-calls more calls,
  voice off. Target: grows by at most 10 MB over 5,000 calls.

    .venv/bin/python bench/bench_display.py [--backend sqlite|postgres|both] [--calls 300]
        [--voice-calls 15] [--memory-calls 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import PgSchema, seed_admin, seed_office  # noqa: E402

from antrian.domain.roles import SYSTEM  # noqa: E402
from antrian.services import counters, queue  # noqa: E402
from antrian.services.display import VoiceSettings, save_voice_settings  # noqa: E402
from antrian.services.queries import last_event_id  # noqa: E402
from antrian.store.database import Database, open_database  # noqa: E402
from ceiling import announce  # noqa: E402 (bench/ceiling.py, beside this script)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def display_command(url: str, log: Path, *options: str) -> list[str]:
    """``antrian display --windowed --log-json LOG`` on ``url``, with ``options`` (``--zone Z``)."""
    return [
        sys.executable,
        "-m",
        "antrian",
        "--db",
        url,
        "display",
        "--windowed",
        "--log-json",
        str(log),
        *options,
    ]


class Display:
    def __init__(self, url: str, workdir: Path, name: str) -> None:
        self.log = workdir / f"{name}.jsonl"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(workdir / f"{name}-state")}
        self.process = subprocess.Popen(display_command(url, self.log), env=env, stderr=subprocess.DEVNULL)
        time.sleep(3)

    def lines(self, what: str) -> dict[int, dict[str, float]]:
        if not self.log.exists():
            return {}
        records = (json.loads(line) for line in self.log.read_text().splitlines() if line.strip())
        return {r["event_id"]: r for r in records if r["what"] == what}

    def wait_for(self, what: str, event_id: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while event_id not in self.lines(what):
            if time.monotonic() > deadline:
                raise RuntimeError(f"display did not log {what} for event {event_id}")
            time.sleep(0.01)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def one_call(db: Database, counter: int) -> tuple[int, float]:
    with db.write() as session:
        queue.issue_ticket(session, "A")
    with db.write() as session:
        queue.call_next(session, counter, actor=SYSTEM)
    committed = time.time()
    with db.read() as session:
        event_id = last_event_id(session)
    with db.write() as session:
        queue.start(session, counter, actor=SYSTEM)
        queue.finish(session, counter, actor=SYSTEM)
    return event_id, committed


def prepare(url: str, voice: VoiceSettings) -> Database:
    db = open_database(url, create=True)
    seed_office(db)
    seed_admin(db)  # an office with an admin: the display opens, not the first-run set-up wizard
    with db.write() as session:
        save_voice_settings(session, voice, actor=SYSTEM)
        counters.open_counter(session, 1, actor=SYSTEM)
    return db


def paint_and_memory(url: str, workdir: Path, calls: int, memory_calls: int, name: str) -> dict[str, float]:
    db = prepare(url, VoiceSettings(enabled=False))
    display = Display(url, workdir, name)
    try:
        committed: dict[int, float] = {}
        for _ in range(calls):
            event_id, at = one_call(db, 1)
            committed[event_id] = at
            display.wait_for("shown", event_id)
        shown = display.lines("shown")
        latencies = [(shown[i]["t"] - t) * 1000 for i, t in committed.items()]
        result = {
            "paint_p50_ms": statistics.median(latencies),
            "paint_p95_ms": percentile(latencies, 0.95),
            "paint_max_ms": max(latencies),
        }
        if memory_calls:
            before = rss_kb(display.process.pid)
            last = 0
            for _ in range(memory_calls):
                last, _ = one_call(db, 1)
            display.wait_for("shown", last, timeout=120)
            time.sleep(1)
            after = rss_kb(display.process.pid)
            result.update(
                rss_before_mb=before / 1024, rss_after_mb=after / 1024, rss_growth_mb=(after - before) / 1024
            )
        return result
    finally:
        display.stop()
        db.dispose()


def chime(url: str, workdir: Path, calls: int) -> dict[str, float]:
    if shutil.which("pactl") and subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        subprocess.run(
            [
                "pulseaudio",
                "--daemonize=yes",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-null-sink sink_name=antrian_null",
                "--load=module-native-protocol-unix auth-anonymous=1",
            ],
            capture_output=True,
        )
    db = prepare(url, VoiceSettings(rate=2.0, repeat=1))
    display = Display(url, workdir, "voice")
    try:
        ids = []
        for _ in range(calls):
            event_id, _ = one_call(db, 1)
            ids.append(event_id)
            display.wait_for("chime", event_id, timeout=60)
            display.wait_for("voice_done", event_id, timeout=60)  # the next call finds the voice idle
        shown, chimes = display.lines("shown"), display.lines("chime")
        gaps = [(chimes[i]["t"] - shown[i]["t"]) * 1000 for i in ids]
        return {
            "chime_p50_ms": statistics.median(gaps),
            "chime_p95_ms": percentile(gaps, 0.95),
            "chime_max_ms": max(gaps),
        }
    finally:
        display.stop()
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--voice-calls", type=int, default=15)
    parser.add_argument("--memory-calls", type=int, default=5000)
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        for backend in backends:
            ceiling = announce(backend)
            schema = PgSchema() if backend == "postgres" else None
            url = schema.url if schema else str(workdir / "display.db")
            try:
                memory = args.memory_calls if backend == "sqlite" else 0
                result = paint_and_memory(url, workdir, args.calls, memory, backend)
            finally:
                if schema:
                    schema.drop()
            ok = result["paint_p95_ms"] <= 100
            failed |= not ok
            print(
                f"{backend:<9} paint: calls={args.calls} p50={result['paint_p50_ms']:.1f} ms "
                f"p95={result['paint_p95_ms']:.1f} ms max={result['paint_max_ms']:.1f} ms "
                f"(target p95 <= 100 ms) {'PASS' if ok else 'FAIL'}"
            )
            print(f"{backend:<9} paint p95 = {ceiling.latency_ratio(result['paint_p95_ms'])}", flush=True)
            if "rss_growth_mb" in result:
                ok = result["rss_growth_mb"] <= 10
                failed |= not ok
                print(
                    f"{backend:<9} memory: {result['rss_before_mb']:.1f} MB -> "
                    f"{result['rss_after_mb']:.1f} MB "
                    f"over {args.memory_calls} calls: +{result['rss_growth_mb']:.1f} MB "
                    f"(target <= 10 MB) {'PASS' if ok else 'FAIL'}"
                )
        if args.voice_calls:
            result = chime(str(workdir / "voice.db"), workdir, args.voice_calls)
            ok = result["chime_p95_ms"] <= 150
            failed |= not ok
            print(
                f"sqlite    chime after paint: calls={args.voice_calls} p50={result['chime_p50_ms']:.1f} ms "
                f"p95={result['chime_p95_ms']:.1f} ms max={result['chime_max_ms']:.1f} ms "
                f"(target <= 150 ms) {'PASS' if ok else 'FAIL'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
