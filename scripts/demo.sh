#!/usr/bin/env bash
# Sets everything up on a fresh machine and starts the demo: every window on a local SQLite file with the
# sample office. Extra arguments go to `antrian demo`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec antrian demo "$@"
