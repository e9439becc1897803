"""The announcer: chime, then the sentence, call after call, never overlapping or cutting each other off.

Sentences are rendered to WAV by ``SpeechRenderer`` in a worker thread (pyttsx3 blocks); playback is
QtMultimedia on the GUI thread (QSoundEffect, PulseAudio on Linux). When there is no audio output or no
speech engine the announcer says so through ``problemChanged`` and skips calls; the display keeps working.

Signals:
    chimeStarted(int): the chime of the call with this event id started playing.
    speechStarted(int): its sentence started.
    finished(int): the call was announced completely.
    skipped(int, str): the call was not spoken, and why (English, for the display's JSON log).
    problemChanged(object): why calls cannot be spoken now, a ``Message`` (None when they can); windows say
        it in their language, the log in English with its code.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from antrian import assets, words
from antrian.domain.errors import AntrianError
from antrian.domain.messages import Message
from antrian.services.display import Call, VoiceSettings
from antrian.voice.calls import sentence
from antrian.voice.speech import SpeechRenderer, SpeechUnavailable, wav_seconds

log = logging.getLogger(__name__)
CHIME_SECONDS_MAX = 4.0


@dataclass
class _Item:
    call: Call
    wav: Path | None
    repeats_left: int


class Announcer(QObject):
    chimeStarted = Signal(int)
    speechStarted = Signal(int)
    finished = Signal(int)
    skipped = Signal(int, str)
    problemChanged = Signal(object)  # Message | None
    _rendered = Signal(int, str, object)  # event id, wav path ("" if none), problem (Message | None)

    def __init__(
        self, settings: VoiceSettings, parent: QObject | None = None, chime: Path | None = None
    ) -> None:
        super().__init__(parent)
        chime = assets.path(assets.CHIME) if chime is None else chime
        self.settings = settings
        self.problem: Message | None = None
        self._closed = False
        self._calls: dict[int, Call] = {}
        self._ready: deque[_Item] = deque()
        self._current: _Item | None = None
        self._folder = Path(tempfile.mkdtemp(prefix="antrian-voice-"))
        self._jobs: queue.Queue[tuple[int, str, VoiceSettings] | None] = queue.Queue()
        self._speech_problem: Message | None = None
        self._rendered.connect(self._on_rendered)
        self._chime = QSoundEffect(self)
        self._chime.setSource(QUrl.fromLocalFile(str(chime)))
        self._chime.setVolume(settings.volume)
        self._chime.playingChanged.connect(self._after_chime)
        self._voice = QSoundEffect(self)
        self._voice.setVolume(settings.volume)
        self._voice.playingChanged.connect(self._after_sentence)
        self._chime.statusChanged.connect(self._sound_status)
        self._voice.statusChanged.connect(self._sound_status)
        # A sound that never starts or never ends (bad file, device lost) must not stop the queue for good.
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._step_timed_out)
        self._chime_ok = chime.is_file()
        if not self._chime_ok:
            log.warning("chime %s is missing; calls are spoken without it", chime)
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._check_audio)
        self._worker = threading.Thread(target=self._render_loop, name="antrian-speech", daemon=True)
        self._worker.start()
        self._check_audio()

    # -- public -----------------------------------------------------------------------------------------
    def announce(self, call: Call) -> None:
        """Queue a call; it is spoken after every call queued before it."""
        if not self.settings.enabled:
            self.skipped.emit(call.event_id, "voice is switched off")
            return
        self._calls[call.event_id] = call
        self._jobs.put((call.event_id, sentence(call, self.settings), self.settings))

    def update_settings(self, settings: VoiceSettings) -> None:
        """New office voice settings: calls announced from now on use them."""
        self.settings = settings
        self._chime.setVolume(settings.volume)
        self._voice.setVolume(settings.volume)

    def close(self) -> None:
        """Stop speaking for good: nothing queued is played and no signal is emitted afterwards."""
        self._closed = True
        self._ready.clear()
        self._current = None
        self._jobs.put(None)
        self._worker.join(5)
        self._watchdog.stop()
        for effect in (self._chime, self._voice):
            effect.stop()
        shutil.rmtree(self._folder, ignore_errors=True)

    # -- rendering (worker thread) -----------------------------------------------------------------------
    def _render_loop(self) -> None:
        renderer: SpeechRenderer | None = None
        voice: tuple[str, float, float] | None = None
        problem: Message | None = None
        while (job := self._jobs.get()) is not None:
            event_id, text, settings = job
            if (settings.voice, settings.rate, settings.volume) != voice:  # first call, or settings changed
                voice = (settings.voice, settings.rate, settings.volume)
                try:
                    renderer, problem = SpeechRenderer(voice=voice[0], rate=voice[1], volume=voice[2]), None
                except SpeechUnavailable as error:
                    renderer, problem = None, error.message
            path, job_problem = "", problem
            if renderer is not None:
                try:
                    path = str(renderer.render(text, self._folder / f"call-{event_id}.wav"))
                except Exception as error:  # a failing engine must not stop the display
                    log.warning("speech for event %s failed", event_id, exc_info=True)
                    job_problem = (
                        error.message
                        if isinstance(error, AntrianError)
                        else Message("speech.failed", kind=type(error).__name__)
                    )
            self._rendered.emit(event_id, path, job_problem)

    # -- playback (GUI thread) ---------------------------------------------------------------------------
    @Slot(int, str, object)
    def _on_rendered(self, event_id: int, path: str, problem: Message | None) -> None:
        if self._closed:
            if path:
                Path(path).unlink(missing_ok=True)
            return
        self._speech_problem = problem
        self._update_problem()
        call = self._calls.pop(event_id, None)
        if call is None:
            return
        self._ready.append(_Item(call, Path(path) if path else None, self.settings.repeat))
        self._next()

    def _next(self) -> None:
        if self._closed or self._current is not None or not self._ready:
            return
        item = self._ready.popleft()
        if self.problem and (item.wav is None or self._audio_problem()):
            self.skipped.emit(item.call.event_id, words.describe(self.problem))
            if item.wav is not None:
                item.wav.unlink(missing_ok=True)
            self._next()
            return
        self._current = item
        if self.settings.chime and self._chime_ok and self._chime.status() != QSoundEffect.Status.Error:
            self._chime.play()
            self._watchdog.start(int(CHIME_SECONDS_MAX * 1000))
            self.chimeStarted.emit(item.call.event_id)
        else:
            self._speak()

    @Slot()
    def _after_chime(self) -> None:
        if not self._closed and not self._chime.isPlaying() and self._current is not None:
            self._speak()

    def _speak(self) -> None:
        item = self._current
        assert item is not None
        if item.wav is None:
            self._done()
            return
        self._voice.setSource(QUrl.fromLocalFile(str(item.wav)))
        self._voice.play()
        self._watchdog.start(int((wav_seconds(item.wav) * item.repeats_left + 3) * 1000))
        self.speechStarted.emit(item.call.event_id)

    @Slot()
    def _after_sentence(self) -> None:
        item = self._current
        if self._voice.isPlaying() or item is None:
            return
        item.repeats_left -= 1
        if item.repeats_left > 0:
            self._voice.play()
            return
        self._done()

    @Slot()
    def _sound_status(self) -> None:
        """A sound that cannot be loaded or played: skip that step instead of waiting for it forever."""
        if self._closed:
            return
        if self.sender() is self._chime and self._chime.status() == QSoundEffect.Status.Error:
            self._chime_ok = False
        item = self._current
        if item is None:
            return
        if self.sender() is self._chime and self._chime.status() == QSoundEffect.Status.Error:
            log.warning("the chime cannot be played; speaking without it")
            self._chime_ok = False
            if self._watchdog.isActive() and not self._voice.isPlaying():
                self._speak()
        elif self.sender() is self._voice and self._voice.status() == QSoundEffect.Status.Error:
            self.skipped.emit(item.call.event_id, "the sentence could not be played")
            self._done(spoken=False)

    @Slot()
    def _step_timed_out(self) -> None:
        item = self._current
        if item is None:
            return
        log.warning("announcement of %s did not finish in time; moving on", item.call.number)
        self._chime.stop()
        self._voice.stop()
        self.skipped.emit(item.call.event_id, "playback did not finish")
        self._done(spoken=False)

    def _done(self, spoken: bool = True) -> None:
        self._watchdog.stop()
        item, self._current = self._current, None
        if item is not None:
            if spoken:
                self.finished.emit(item.call.event_id)
            if item.wav is not None:
                item.wav.unlink(missing_ok=True)
        self._next()

    def _audio_problem(self) -> Message | None:
        return None if QMediaDevices.audioOutputs() else Message("speech.no_audio_device")

    @Slot()
    def _check_audio(self) -> None:
        self._update_problem()
        self._next()

    def _update_problem(self) -> None:
        problem = self._audio_problem() or self._speech_problem
        if problem != self.problem:
            self.problem = problem
            if problem:
                log.warning("calls will not be spoken: %s", words.describe(problem))
            self.problemChanged.emit(problem)
