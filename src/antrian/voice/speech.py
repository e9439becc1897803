"""Text to speech with pyttsx3 (espeak-ng on Linux, SAPI5 on Windows), rendered to WAV files.

pyttsx3's engine is not thread-safe and its runAndWait blocks, so a ``SpeechRenderer`` lives in one worker
thread and renders each sentence to a file; playback is the announcer's job.
"""

from __future__ import annotations

import contextlib
import io
import wave
from pathlib import Path
from typing import Any

from antrian.domain.errors import AntrianError

_DEFAULT_RATE: dict[str, int] = {}


class SpeechUnavailable(AntrianError):
    """No speech engine, or it produced no sound."""


class SpeechRenderer:
    """Renders sentences to WAV with the office's voice settings."""

    def __init__(self, *, voice: str = "id", rate: float = 0.75, volume: float = 1.0) -> None:
        try:
            import pyttsx3

            self._engine: Any = pyttsx3.init()
        except Exception as error:  # any engine failure means "no speech here"
            raise SpeechUnavailable(f"speech engine unavailable: {error}") from None
        self._engine.setProperty("voice", self._pick_voice(voice))
        # pyttsx3 hands every caller the same engine, so its current rate may be another renderer's: scale
        # the engine's own default, read once.
        base_rate = _DEFAULT_RATE.setdefault("rate", int(self._engine.getProperty("rate") or 200))
        self._engine.setProperty("rate", max(60, int(base_rate * rate)))
        self._engine.setProperty("volume", volume)

    def _pick_voice(self, wanted: str) -> str:
        """A voice whose id or language matches ``wanted`` (e.g. "id" finds espeak's Indonesian)."""
        voices = self._engine.getProperty("voices") or []
        wanted_lower = wanted.lower()
        for voice in voices:
            languages = [str(lang).lower() for lang in (voice.languages or [])]
            if voice.id.lower() == wanted_lower or wanted_lower in languages:
                return str(voice.id)
        for voice in voices:
            if "indones" in (voice.name or "").lower() or voice.id.lower().endswith("/id"):
                return str(voice.id)
        raise SpeechUnavailable(f"no {wanted!r} voice installed (install espeak-ng, which has Indonesian)")

    def render(self, text: str, path: Path) -> Path:
        """Speak ``text`` into the WAV file ``path``; raises SpeechUnavailable if nothing came out."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        with contextlib.redirect_stdout(io.StringIO()):  # the espeak driver prints "Audio saved to ..."
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()
        if not path.exists() or wav_seconds(path) < 0.3:
            raise SpeechUnavailable(f"the speech engine produced no audio for {text!r}")
        return path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / float(handle.getframerate() or 1)
