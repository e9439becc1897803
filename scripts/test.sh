#!/usr/bin/env bash
# Sets everything up on a fresh machine and runs every check: ruff, mypy, then the whole pytest suite
# (which includes the import-linter contracts). Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
cd "$ROOT"

# Service tests need PostgreSQL at 127.0.0.1:5432; start the local cluster if it is installed but down.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_ctlcluster >/dev/null \
        && [ "$(id -u)" -eq 0 ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi

# Python writes its bytecode caches (gitignored): the suite starts hundreds of Python processes, and pytest
# would otherwise rewrite every test module's asserts again in each worker.
unset PYTHONDONTWRITEBYTECODE

ruff check src tests bench
mypy
# One pytest worker more than there are cores: part of the suite waits (real speech plays in real time,
# window and command processes start, PostgreSQL answers), and a third worker on two cores fills those waits
# (on this 2-core machine 240 -> 212 s; docs/PERFORMANCE.md, "The test suite").
exec python -m pytest -n "$(( $(nproc) + 1 ))" --dist worksteal --durations=25 "$@"
