#!/usr/bin/env bash
# Sourced by scripts/demo.sh and scripts/test.sh: prepares a fresh Debian/Ubuntu machine and the project's
# virtual environment, doing only what is missing, so that running it again costs a second or two.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Libraries Qt's xcb/EGL platform, QtMultimedia (PulseAudio client) and pyttsx3 (espeak-ng) load at run time,
# plus sox, which the voice tests use to measure rendered speech, and PulseAudio, whose null sink gives
# machines without a sound card (CI) a real audio output to play calls into.
SYSTEM_PACKAGES=(
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1
    libpulse0 espeak-ng libespeak-ng1 sox fonts-dejavu-core
    pulseaudio pulseaudio-utils
)

install_system_packages() {
    local missing=()
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "antrian setup: missing system packages (${missing[*]}); run as root to install them" >&2
        return 0
    fi
    echo "antrian setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_ok() { "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

# The distribution's interpreter is built with PGO and runs our hot paths about twice as fast as a
# source-built one (measured: docs/PERFORMANCE.md), so it is preferred when it is new enough.
pick_python() {
    if [ -n "${ANTRIAN_PYTHON:-}" ]; then echo "$ANTRIAN_PYTHON"; return; fi
    for candidate in /usr/bin/python3 python3; do
        if python_ok "$candidate"; then command -v "$candidate"; return; fi
    done
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null && [ -x /usr/bin/python3 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python_ok /usr/bin/python3 && { echo /usr/bin/python3; return; }
    fi
    echo "antrian setup: Python 3.11 or newer with venv is required" >&2
    exit 1
}

setup_venv() {
    local stamp="$VENV/.antrian-installed" want
    want="$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        "$(pick_python)" -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v '^WARNING' || true
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[test]" 2>&1 | grep -v '^WARNING' || true
    "$VENV/bin/python" -c 'import antrian, sqlalchemy, PySide6' || { echo "antrian setup: install failed" >&2; exit 1; }
    # Byte-compile once: with PYTHONDONTWRITEBYTECODE set, every start would otherwise recompile everything.
    "$VENV/bin/python" -m compileall -q -j 0 "$VENV/lib" >/dev/null 2>&1 || true
    echo "$want" > "$stamp"
}

install_system_packages
setup_venv
"$VENV/bin/python" -m compileall -q "$ROOT/src" >/dev/null 2>&1 || true
export PATH="$VENV/bin:$PATH"
