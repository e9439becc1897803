"""Text to speech rendered to WAV files: espeak-ng on Linux, pyttsx3 (SAPI5, NSSpeech) elsewhere.

On Linux pyttsx3 drives the same espeak-ng library, but its 2.99 driver sometimes produced no audio for the
first sentence after start and sometimes applied a new rate one sentence late (both seen in CI runs), and
its engine is one per process, shared by every caller. So on Linux the sentence goes to the ``espeak-ng``
program itself, which takes voice, rate and volume with each call and writes the WAV; pyttsx3 remains the
engine where espeak-ng is absent. Rendering blocks, so the announcer does it in a worker thread; playback is
the announcer's job.
"""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import subprocess
import threading
import wave
from pathlib import Path
from typing import Any

from antrian.domain.errors import AntrianError

log = logging.getLogger(__name__)

ESPEAK_NORMAL_WPM = 175  # espeak-ng's default speed; settings give rates relative to it
_PYTTSX3_LOCK = threading.Lock()  # pyttsx3 hands every caller the same engine


class SpeechUnavailable(AntrianError):
    """No speech engine, or it produced no sound."""


class SpeechRenderer:
    """Renders sentences to WAV with the office's voice settings."""

    def __init__(self, *, voice: str = "id", rate: float = 0.75, volume: float = 1.0) -> None:
        self._voice, self._rate, self._volume = voice, rate, volume
        self._espeak = shutil.which("espeak-ng")
        self._engine: Any = None
        if self._espeak is None:
            self._init_pyttsx3()
        elif not self._espeak_has_voice(voice):
            raise SpeechUnavailable("speech.no_voice", voice=voice)

    def render(self, text: str, path: Path) -> Path:
        """Speak ``text`` into the WAV file ``path``; raises SpeechUnavailable if nothing came out."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        if self._espeak is not None:
            words_per_minute = max(80, int(ESPEAK_NORMAL_WPM * self._rate))
            amplitude = max(0, min(200, int(100 * self._volume)))
            result = subprocess.run(
                [
                    self._espeak,
                    "-v",
                    self._voice,
                    "-s",
                    str(words_per_minute),
                    "-a",
                    str(amplitude),
                    "-w",
                    str(path),
                    "--",
                    text,
                ],
                capture_output=True,
                text=True,
                timeout=30,
            )
            if result.returncode != 0:
                detail = result.stderr.strip() or str(result.returncode)
                raise SpeechUnavailable("speech.engine_failed", detail=detail)
        else:
            with _PYTTSX3_LOCK, contextlib.redirect_stdout(io.StringIO()):  # its espeak driver prints paths
                for name, value in self._pyttsx3_properties.items():
                    self._engine.setProperty(name, value)
                self._engine.save_to_file(text, str(path))
                self._engine.runAndWait()
        if not path.exists() or wav_seconds(path) < 0.3:
            raise SpeechUnavailable("speech.no_audio", text=text)
        return path

    def _espeak_has_voice(self, voice: str) -> bool:
        assert self._espeak is not None
        listed = subprocess.run(
            [self._espeak, f"--voices={voice}"], capture_output=True, text=True, timeout=10
        )
        return listed.returncode == 0 and len(listed.stdout.strip().splitlines()) > 1

    def _init_pyttsx3(self) -> None:
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
        except Exception as error:  # any engine failure means "no speech here"; its cause goes to the log
            log.warning("pyttsx3 cannot start", exc_info=True)
            raise SpeechUnavailable("speech.engine_unavailable", detail=str(error)) from None
        with _PYTTSX3_LOCK:
            base_rate = int(self._engine.getProperty("rate") or 200)
            self._pyttsx3_properties = {
                "voice": self._pick_voice(self._voice),
                "rate": max(60, int(base_rate * self._rate)),
                "volume": self._volume,
            }

    def _pick_voice(self, wanted: str) -> str:
        """A voice whose id or language matches ``wanted`` (e.g. "id" finds an Indonesian voice)."""
        voices = self._engine.getProperty("voices") or []
        wanted_lower = wanted.lower()
        for voice in voices:
            languages = [str(lang).lower() for lang in (voice.languages or [])]
            if voice.id.lower() == wanted_lower or wanted_lower in languages:
                return str(voice.id)
        for voice in voices:
            if "indones" in (voice.name or "").lower() or voice.id.lower().endswith("/id"):
                return str(voice.id)
        raise SpeechUnavailable("speech.voice_not_installed", voice=wanted)


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / float(handle.getframerate() or 1)
