"""Change-feed latency: a service call committed in one process -> the event delivered in another.

The subscriber is a separate process running a Qt event loop with ``gui.feed.ChangeFeed``
(tests/feed/subscriber.py), which logs the wall time at which each event reaches its GUI thread. This
process makes N call-next/finish pairs through the service layer, noting the wall time right after each
commit, and reports p50/p95/max of (delivered - committed) for the call events.

    .venv/bin/python bench/bench_feed.py [--backend sqlite|postgres|both] [--calls 300]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import PgSchema, seed_office  # noqa: E402

from antrian.domain.roles import SYSTEM  # noqa: E402
from antrian.services import counters, queue  # noqa: E402
from antrian.services.queries import last_event_id  # noqa: E402
from antrian.store.database import open_database  # noqa: E402
from ceiling import announce  # noqa: E402 (bench/ceiling.py, beside this script)

TARGET_P95_MS = {"sqlite": 60.0, "postgres": 20.0}


def measure(backend: str, calls: int, workdir: Path) -> dict[str, float]:
    schema = PgSchema() if backend == "postgres" else None
    url = schema.url if schema else str(workdir / "feed.db")
    db = open_database(url, create=True)
    try:
        seed_office(db)
        with db.write() as session:
            counters.open_counter(session, 1, actor=SYSTEM)
            for _ in range(calls):
                queue.issue_ticket(session, "A")
        out, stop = workdir / f"{backend}.jsonl", workdir / f"{backend}.stop"
        subscriber = subprocess.Popen(
            [sys.executable, "-m", "tests.feed.subscriber", url, str(out), str(stop)], cwd=ROOT
        )
        while not out.exists() or '"ready"' not in out.read_text():
            time.sleep(0.05)
        with db.read() as session:
            start = last_event_id(session)
        time.sleep(0.5)
        committed: dict[int, float] = {}
        for _ in range(calls):
            with db.write() as session:
                ticket = queue.call_next(session, 1, actor=SYSTEM)
            committed_at = time.time()
            with db.read() as session:
                event_id = last_event_id(session)
            committed[event_id] = committed_at
            assert ticket.status == "called"
            with db.write() as session:
                queue.start(session, 1, actor=SYSTEM)
                queue.finish(session, 1, actor=SYSTEM)
            time.sleep(0.02)  # calls come one at a time, as at a counter
        with db.read() as session:
            end = last_event_id(session)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            delivered = {r["id"]: r["t"] for r in map(json.loads, out.read_text().splitlines()) if "id" in r}
            if end in delivered:
                break
            time.sleep(0.05)
        stop.touch()
        subscriber.wait(15)
        assert sorted(delivered) == list(range(start + 1, end + 1)), "every event once"
        latencies = sorted((delivered[i] - t) * 1000 for i, t in committed.items())
        return {
            "calls": len(latencies),
            "p50_ms": statistics.median(latencies),
            "p95_ms": latencies[int(len(latencies) * 0.95) - 1],
            "max_ms": latencies[-1],
        }
    finally:
        db.dispose()
        if schema:
            schema.drop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    failed = False
    with tempfile.TemporaryDirectory() as workdir:
        for backend in backends:
            ceiling = announce(backend)
            result = measure(backend, args.calls, Path(workdir))
            target = TARGET_P95_MS[backend]
            verdict = "PASS" if result["p95_ms"] <= target else "FAIL"
            failed |= verdict == "FAIL"
            print(
                f"{backend:<9} calls={result['calls']:<4} p50={result['p50_ms']:6.1f} ms  "
                f"p95={result['p95_ms']:6.1f} ms  max={result['max_ms']:6.1f} ms  "
                f"(target p95 <= {target:.0f} ms) {verdict}"
            )
            print(f"{backend:<9} p95 = {ceiling.latency_ratio(result['p95_ms'])}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
