"""A call as the display speaks it: its sentence, and the whole announcement recorded to one WAV file.

The recording is what the announcer plays, in the same order: the chime (unless the office switched it off),
then the sentence ``repeat`` times. It lets an admin hear the office's voice settings without a display and
an audio device (``antrian voice test --wav FILE``). The sentence comes out of the speech engine at its own
sample rate (espeak-ng: 22,050 Hz) and is brought to the chime's by linear interpolation, which is plenty
for speech; only 16-bit PCM is taken, which is what espeak-ng and SAPI5 write.
"""

from __future__ import annotations

import io
import sys
import tempfile
import wave
from array import array
from pathlib import Path

from antrian import assets
from antrian.domain.announce import NumberReading, announcement
from antrian.domain.errors import InvalidInput
from antrian.services.display import Call, VoiceSettings
from antrian.voice.speech import SpeechRenderer, SpeechUnavailable


def sentence(call: Call, settings: VoiceSettings) -> str:
    """The words spoken for ``call`` with the office's voice ``settings``."""
    return announcement(
        call.number,
        call.counter,
        reading=NumberReading(settings.reading),
        service_name=call.service_name if (settings.with_service or settings.template) else None,
        template=settings.template,
    )


def render_call_wav(call: Call, settings: VoiceSettings, path: Path) -> Path:
    """Record ``call`` as the display announces it into the WAV file ``path`` (16-bit mono); returns it.

    Raises SpeechUnavailable when there is no speech engine or its output cannot be read.
    """
    renderer = SpeechRenderer(voice=settings.voice, rate=settings.rate, volume=settings.volume)
    with tempfile.TemporaryDirectory(prefix="antrian-call-") as folder:
        speech, speech_rate = _mono(renderer.render(sentence(call, settings), Path(folder) / "sentence.wav"))
    rate, samples = speech_rate, array("h")
    if settings.chime:
        samples, rate = _mono(io.BytesIO(assets.read_bytes(assets.CHIME)))
    samples.extend(_resampled(speech, speech_rate, rate) * settings.repeat)
    if sys.byteorder == "big":
        samples.byteswap()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as file, wave.open(file, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(samples.tobytes())
    except OSError as error:  # no such folder, no permission, a folder given as the file
        raise InvalidInput(
            "input.file_unwritable", option="--wav", path=str(path), reason=error.strerror or str(error)
        ) from None
    return path


def _mono(source: Path | io.BytesIO) -> tuple[array[int], int]:
    """The samples of a 16-bit PCM WAV, channels averaged into one, and its sample rate."""
    with wave.open(str(source) if isinstance(source, Path) else source, "rb") as handle:
        width, channels, rate = handle.getsampwidth(), handle.getnchannels(), handle.getframerate()
        frames = handle.readframes(handle.getnframes())
    if width != 2:
        raise SpeechUnavailable("recording.unsupported_format", bits=width * 8)
    samples = array("h", frames)
    if sys.byteorder == "big":  # WAV is little-endian
        samples.byteswap()
    if channels > 1:
        samples = array(
            "h", (sum(samples[i : i + channels]) // channels for i in range(0, len(samples), channels))
        )
    return samples, rate


def _resampled(samples: array[int], rate: int, target: int) -> array[int]:
    if rate == target or len(samples) < 2:
        return samples
    step, last = rate / target, len(samples) - 1
    out = array("h")
    for i in range(int(len(samples) * target / rate)):
        position = i * step
        j = int(position)
        k = min(j + 1, last)
        out.append(round(samples[j] + (samples[k] - samples[j]) * (position - j)))
    return out
