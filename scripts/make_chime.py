"""Synthesise the call chime (a two-tone "ding-dong") into src/antrian/assets/sounds/chime.wav.

Each tone is a struck bell: a fundamental with two inharmonic partials, a 5 ms attack and an exponential
decay. Pure Python (wave + math), so anyone can regenerate the exact file:

    .venv/bin/python scripts/make_chime.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "src" / "antrian" / "assets" / "sounds" / "chime.wav"
# (start s, frequency Hz, length s): E5 then C5, the classic public-address "ding-dong"
TONES = ((0.0, 659.25, 1.1), (0.45, 523.25, 1.4))
PARTIALS = ((1.0, 1.0), (2.76, 0.35), (5.40, 0.12))  # ratio to the fundamental, relative amplitude


def render() -> list[float]:
    length = max(start + duration for start, _, duration in TONES)
    samples = [0.0] * int(length * RATE)
    for start, frequency, duration in TONES:
        offset = int(start * RATE)
        for n in range(int(duration * RATE)):
            t = n / RATE
            envelope = min(1.0, t / 0.005) * math.exp(-3.2 * t)
            value = sum(amp * math.sin(2 * math.pi * frequency * ratio * t) for ratio, amp in PARTIALS)
            samples[offset + n] += envelope * value
    peak = max(abs(s) for s in samples)
    return [0.8 * s / peak for s in samples]


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in render())
    with wave.open(str(OUT), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(frames)
    print(f"wrote {OUT} ({len(frames) // 2 / RATE:.2f} s)")


if __name__ == "__main__":
    main()
