"""CLI benchmark: a command against a PostgreSQL server that is not there, to its error message.

``antrian --db URL tickets --json`` and ``antrian --db URL ticket issue A`` with URL a PostgreSQL server on
port 1 of the loopback (nothing listens, the connection is refused at once; no other network is used),
both URL spellings (``postgresql://`` and ``postgresql+psycopg://``), ``--runs`` times each: the time from
start to exit (code 1, the unreachable server named on stderr), cold start included.

    .venv/bin/python bench/bench_unreachable.py [--runs 5]

Target: max <= 5 s. Each line ends with the 1-minute load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_S = 5.0
URLS = ("postgresql://postgres@127.0.0.1:1/test", "postgresql+psycopg://postgres@127.0.0.1:1/test")
COMMANDS = (("tickets", "--json"), ("ticket", "issue", "A"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    script = Path(sys.executable).parent / "antrian"
    antrian = [str(script)] if script.exists() else [sys.executable, "-m", "antrian"]
    env = {k: v for k, v in os.environ.items() if k not in ("ANTRIAN_DATABASE_URL", "ANTRIAN_LANG")}
    env["ANTRIAN_CONFIG"] = os.devnull
    failed = False
    for url in URLS:
        for command in COMMANDS:
            seconds = []
            for _ in range(args.runs):
                started = time.perf_counter()
                done = subprocess.run(
                    [*antrian, "--db", url, *command], env=env, capture_output=True, text=True, timeout=120
                )
                seconds.append(time.perf_counter() - started)
                if done.returncode != 1 or "127.0.0.1:1/test" not in done.stderr:
                    print(f"unexpected answer ({done.returncode}): {done.stderr.strip()}", file=sys.stderr)
                    failed = True
            ok = max(seconds) <= TARGET_S
            failed |= not ok
            print(
                f"{url.split('://')[0]:<18} antrian {' '.join(command):<16} -> refused: runs={len(seconds)} "
                f"median={statistics.median(seconds):.3f} s max={max(seconds):.3f} s "
                f"(target max <= {TARGET_S:g} s) {'PASS' if ok else 'FAIL'} (load {os.getloadavg()[0]:.2f})",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
