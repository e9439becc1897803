"""The spoken call: rendered speech checked with sox, and the announcer's queue on a real audio output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import wave
from array import array
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from antrian.domain.announce import NumberReading, announcement
from antrian.services.display import Call, VoiceSettings
from antrian.voice.speech import SpeechRenderer, wav_seconds

pytestmark = pytest.mark.slow  # real speech, rendered and played


def sox_stats(*inputs: str | Path, effects: tuple[str, ...] = ()) -> dict[str, float]:
    """sox's statistics of one file after ``effects`` (or of a mix: ``-m -v 1 A -v -1 B`` is A minus B)."""
    result = subprocess.run(
        ["sox", *map(str, inputs), "-n", *effects, "stat"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    stats = {}
    for line in result.stderr.splitlines():
        name, _, value = line.partition(":")
        try:
            stats[name.strip()] = float(value)
        except ValueError:
            continue
    return stats


def voiced_seconds(path: Path) -> float:
    """Length after cutting silence from both ends (sox), i.e. how long someone is actually speaking."""
    trimmed = path.with_suffix(".trimmed.wav")
    subprocess.run(
        [
            "sox",
            str(path),
            str(trimmed),
            "silence",
            "1",
            "0.05",
            "1%",
            "reverse",
            "silence",
            "1",
            "0.05",
            "1%",
            "reverse",
        ],
        check=True,
        timeout=30,
    )
    return wav_seconds(trimmed)


def test_announcement_renders_to_speech_of_plausible_length(tmp_path: Path) -> None:
    renderer = SpeechRenderer(voice="id", rate=0.75)
    text = announcement("A123", 2)
    assert text == "Nomor antrean a seratus dua puluh tiga, silakan menuju loket dua."
    wav = renderer.render(text, tmp_path / "call.wav")
    stats = sox_stats(wav)
    # 11 words at 0.75 of espeak's normal rate: a few seconds of real speech, not silence or a click
    assert 3.0 <= stats["Length (seconds)"] <= 10.0
    assert stats["RMS     amplitude"] > 0.02
    assert 2.5 <= voiced_seconds(wav) <= 9.0


def test_slower_rate_and_digit_reading_take_longer(tmp_path: Path) -> None:
    normal = SpeechRenderer(rate=1.0).render(announcement("A001", 1), tmp_path / "normal.wav")
    slow = SpeechRenderer(rate=0.7).render(announcement("A001", 1), tmp_path / "slow.wav")
    digits = SpeechRenderer(rate=1.0).render(
        announcement("A001", 1, reading=NumberReading.DIGITS), tmp_path / "digits.wav"
    )
    assert voiced_seconds(slow) > voiced_seconds(normal) * 1.2
    assert voiced_seconds(digits) > voiced_seconds(normal)  # "nol nol satu" is longer than "satu"


def test_chime_asset_is_a_real_sound() -> None:
    from antrian import assets

    stats = sox_stats(assets.path(assets.CHIME))
    assert 1.0 <= stats["Length (seconds)"] <= 3.0 and stats["Maximum amplitude"] > 0.5


def _call(event_id: int, number: str, counter: int, recall: bool = False) -> Call:
    return Call(event_id, datetime.now(UTC), number, counter, number[0], "KTP Elektronik", recall)


def test_calls_are_queued_never_overlapping_and_a_recall_is_spoken_again(
    qtbot: QtBot, audio_sink: str
) -> None:
    from antrian.voice.announcer import Announcer

    announcer = Announcer(VoiceSettings(rate=1.5))
    timeline: list[tuple[str, int, float]] = []
    for name in ("chimeStarted", "speechStarted", "finished"):
        getattr(announcer, name).connect(
            lambda event_id, n=name: timeline.append((n, event_id, time.monotonic()))
        )
    try:
        assert announcer.problem is None, announcer.problem
        announcer.announce(_call(1, "A001", 1))
        announcer.announce(_call(2, "B001", 2))
        announcer.announce(_call(3, "A001", 1, recall=True))
        qtbot.waitUntil(
            lambda: (
                (
                    "finished",
                    3,
                )
                in [(n, i) for n, i, _ in timeline]
            ),
            timeout=40_000,
        )
    finally:
        announcer.close()
    order = [(name, event_id) for name, event_id, _ in timeline]
    assert order == [(n, e) for e in (1, 2, 3) for n in ("chimeStarted", "speechStarted", "finished")]
    times = {(name, event_id): t for name, event_id, t in timeline}
    for earlier, later in ((1, 2), (2, 3)):
        assert times[("chimeStarted", later)] >= times[("finished", earlier)], "no call cuts another off"
    # each call lasts at least its chime and its sentence
    assert times[("finished", 1)] - times[("chimeStarted", 1)] > 2.0


def test_without_audio_the_announcer_says_so_and_skips(tmp_path: Path) -> None:
    """Run where no PulseAudio server can be reached: calls are skipped with a reason, nothing crashes."""
    script = (
        "import sys; from datetime import datetime, UTC\n"
        "from PySide6.QtCore import QCoreApplication, QTimer\n"
        "app = QCoreApplication([])\n"
        "from antrian.voice.announcer import Announcer\n"
        "from antrian.services.display import Call, VoiceSettings\n"
        "a = Announcer(VoiceSettings())\n"
        "a.skipped.connect(lambda i, why: (print('skipped', i, why), app.quit()))\n"
        "a.announce(Call(7, datetime.now(UTC), 'A007', 1, 'A', 'KTP', False))\n"
        "QTimer.singleShot(10000, app.quit)\n"
        "app.exec(); a.close(); print('problem', a.problem.code)\n"
    )
    env = {
        "PULSE_SERVER": f"unix:{tmp_path}/no-such-server",
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "skipped 7 no audio device [speech.no_audio_device]" in result.stdout
    assert "problem speech.no_audio_device" in result.stdout


def test_display_speaks_only_recent_calls_after_a_restart(
    qtbot: QtBot, tmp_path: Path, audio_sink: str
) -> None:
    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.services.results import EventInfo
    from antrian.store.database import open_database
    from antrian.voice.announcer import Announcer
    from tests.conftest import seed_office

    db = open_database(str(tmp_path / "v.db"), create=True)
    seed_office(db)
    runner = TaskRunner()
    announcer = Announcer(VoiceSettings(rate=1.5, max_age_s=60))
    log = (tmp_path / "display.jsonl").open("w")
    window = DisplayWindow(
        db, lambda work, done: runner.submit(work, done, done), announcer=announcer, log_json=log
    )
    qtbot.addWidget(window)
    spoken: list[int] = []
    announcer.chimeStarted.connect(spoken.append)
    now = datetime.now(UTC)
    # The ten-minute-old calls must be of today in the office's zone (WIB), or the display drops them as
    # yesterday's: just after midnight there, they are made younger (still older than max_age_s), and in the
    # first minute after midnight the test waits it out.
    local = now.astimezone(ZoneInfo("Asia/Jakarta"))
    since_midnight = local.hour * 3600 + local.minute * 60 + local.second
    if since_midnight < 70:
        time.sleep(70 - since_midnight)  # not a wait for a condition: the clock must pass 00:01:10 WIB
        now, since_midnight = datetime.now(UTC), 70
    slow = min(600, since_midnight - 5)

    def event(event_id: int, age_s: int, number: str) -> EventInfo:
        data = {"number": number, "counter": 1, "service": "A", "service_name": "KTP Elektronik"}
        return EventInfo(event_id, now - timedelta(seconds=age_s), "ticket_called", None, 1, "A", None, data)

    try:
        qtbot.waitUntil(lambda: window.snapshot is not None, timeout=5000)
        assert window.snapshot is not None
        head = window.snapshot.last_event_id  # events after the first read's last one are live calls
        # the backlog a restarted display catches up on (old), then a live call whose counter PC's clock is
        # ten minutes slow: it is spoken all the same
        window.handle_events([event(head, slow, "A001"), event(head + 1, slow, "A002")])
        qtbot.waitUntil(lambda: spoken == [head + 1], timeout=20_000)
        assert window.call_number.text() == "A002"
        assert "A001" in window.recent_labels[1].text()  # shown, though not spoken
    finally:
        announcer.close()
        runner.wait()
        db.dispose()
        log.close()
    lines = (tmp_path / "display.jsonl").read_text().splitlines()
    assert any(f'"not_spoken", "event_id": {head},' in line and "older than 60 s" in line for line in lines)
    assert any(f'"chime", "event_id": {head + 1},' in line for line in lines)


@pytest.mark.parametrize("chime_kind", ["missing", "corrupt"])
@pytest.mark.qt_log_ignore("QSoundEffect: Error decoding source")  # the bad chime is the test's own doing
def test_a_bad_chime_never_stops_the_calls(
    qtbot: QtBot, tmp_path: Path, audio_sink: str, chime_kind: str
) -> None:
    from antrian.voice.announcer import Announcer

    chime = tmp_path / "chime.wav"
    if chime_kind == "corrupt":
        chime.write_bytes(b"RIFF\x00\x00\x00\x00WAVEnot really a wave file" * 10)
    announcer = Announcer(VoiceSettings(rate=2.0), chime=chime)
    events: list[tuple[str, int]] = []
    announcer.chimeStarted.connect(lambda i: events.append(("chime", i)))
    announcer.finished.connect(lambda i: events.append(("finished", i)))
    announcer.skipped.connect(lambda i, why: events.append(("skipped", i)))
    try:
        announcer.announce(_call(1, "A001", 1))
        announcer.announce(_call(2, "A002", 2))
        qtbot.waitUntil(lambda: ("finished", 2) in events or ("skipped", 2) in events, timeout=30_000)
    finally:
        announcer.close()
    assert ("finished", 1) in events and ("finished", 2) in events, events


def test_display_takes_new_voice_settings_without_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    from antrian.domain.roles import SYSTEM
    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.services.display import save_voice_settings
    from antrian.services.queries import events_after
    from antrian.store.database import open_database
    from antrian.voice.announcer import Announcer
    from tests.conftest import seed_office

    db = open_database(str(tmp_path / "s.db"), create=True)
    seed_office(db)
    runner = TaskRunner()
    announcer = Announcer(VoiceSettings())
    window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done), announcer=announcer)
    qtbot.addWidget(window)
    try:
        with db.write() as s:
            save_voice_settings(s, VoiceSettings(repeat=2, rate=0.9, with_service=True), actor=SYSTEM)
        with db.read() as s:
            window.handle_events(events_after(s, 0))
        qtbot.waitUntil(lambda: announcer.settings.repeat == 2, timeout=5000)
        assert announcer.settings.with_service and announcer.settings.rate == 0.9
    finally:
        announcer.close()
        runner.wait()
        db.dispose()


def _samples(path: Path) -> tuple[array[int], int]:
    with wave.open(str(path), "rb") as handle:
        assert (handle.getnchannels(), handle.getsampwidth()) == (1, 2)
        return array("h", handle.readframes(handle.getnframes())), handle.getframerate()


def test_a_recorded_call_is_the_chime_then_the_sentence_repeat_times(tmp_path: Path) -> None:
    from antrian import assets
    from antrian.voice.calls import render_call_wav, sentence

    settings = VoiceSettings(rate=1.2, repeat=2, with_service=True)
    call = _call(5, "B007", 3)
    recorded, rate = _samples(render_call_wav(call, settings, tmp_path / "call.wav"))
    chime, chime_rate = _samples(assets.path(assets.CHIME))
    assert rate == chime_rate and recorded[: len(chime)] == chime, "the chime first, unaltered"
    spoken = recorded[len(chime) :]
    once = spoken[: len(spoken) // 2]
    assert spoken == once * 2, "the sentence twice, nothing between"
    # espeak-ng gives the same samples for the same sentence: the recording holds the engine's 22,050 Hz
    # speech at the chime's 44,100 Hz, every other sample being the engine's own and the rest in between
    alone, alone_rate = _samples(
        SpeechRenderer(rate=1.2).render(sentence(call, settings), tmp_path / "s.wav")
    )
    assert (alone_rate, rate) == (22_050, 44_100)
    assert once[::2] == alone
    middle = len(alone) // 2
    assert once[2 * middle + 1] == round((alone[middle] + alone[middle + 1]) / 2)
    assert "layanan KTP Elektronik" in sentence(call, settings)  # the setting reaches the words


def test_a_recorded_call_without_the_chime_is_the_sentence_alone(tmp_path: Path) -> None:
    from antrian.voice.calls import render_call_wav, sentence

    settings = VoiceSettings(rate=1.5, chime=False)
    call = _call(6, "A012", 1)
    recorded = _samples(render_call_wav(call, settings, tmp_path / "call.wav"))
    alone = _samples(SpeechRenderer(rate=1.5).render(sentence(call, settings), tmp_path / "s.wav"))
    assert recorded == alone


def test_a_stereo_sentence_is_mixed_to_mono_and_8_bit_audio_is_refused(tmp_path: Path) -> None:
    from antrian.voice.calls import _mono
    from antrian.voice.speech import SpeechUnavailable

    stereo = tmp_path / "stereo.wav"
    with wave.open(str(stereo), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(array("h", [1000, 3000, -500, -1500, 7, 8]).tobytes())
    assert _mono(stereo) == (array("h", [2000, -1000, 7]), 16_000)
    narrow = tmp_path / "narrow.wav"
    with wave.open(str(narrow), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(bytes([128, 200, 50]))
    with pytest.raises(SpeechUnavailable) as refused:
        _mono(narrow)
    assert (refused.value.code, refused.value.params) == ("recording.unsupported_format", {"bits": 8})


def test_voice_test_command_records_with_the_office_voice_settings(tmp_path: Path) -> None:
    """`antrian voice test --wav FILE`: an admin hears the office's current settings without a display."""
    from antrian import assets
    from antrian.domain.roles import SYSTEM
    from antrian.services.display import save_voice_settings
    from antrian.store.database import open_database
    from tests.conftest import seed_office

    path = tmp_path / "office.db"
    db = open_database(str(path), create=True)
    seed_office(db)

    def voice_test(wav: Path, *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "antrian", "--db", str(path), "voice", "test", "--wav", str(wav)]
        env = {**os.environ, "ANTRIAN_LANG": "id"}
        return subprocess.run([*command, *args], capture_output=True, text=True, timeout=60, env=env)

    try:
        default = voice_test(tmp_path / "default.wav")
        assert default.returncode == 0, default.stderr
        assert default.stdout.startswith("Panggilan A001 ke loket 1 direkam di "), default.stdout
        chime, _ = _samples(assets.path(assets.CHIME))
        assert _samples(tmp_path / "default.wav")[0][: len(chime)] == chime
        with db.write() as session:
            save_voice_settings(session, VoiceSettings(chime=False, repeat=3, rate=1.4), actor=SYSTEM)
        office = voice_test(tmp_path / "office.wav", "--number", "b7", "--counter", "2", "--json")
        assert office.returncode == 0, office.stderr
        reported = json.loads(office.stdout)
        assert (reported["number"], reported["counter"]) == ("B007", 2)
        recorded, _ = _samples(tmp_path / "office.wav")
        once = SpeechRenderer(rate=1.4).render(announcement("B007", 2), tmp_path / "once.wav")
        assert recorded == _samples(once)[0] * 3, "no chime, the sentence three times"
        assert abs(reported["seconds"] - 3 * wav_seconds(once)) < 0.01
        unknown = voice_test(tmp_path / "z.wav", "--number", "Z001")
        assert unknown.returncode == 2 and "Z" in unknown.stderr, unknown.stderr
        assert not (tmp_path / "z.wav").exists()
    finally:
        db.dispose()


def test_display_brings_the_office_voice_settings_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    """The announcer starts with the defaults (no database read on the GUI thread); the display's
    background read then gives it the office's settings."""
    from antrian.domain.roles import SYSTEM
    from antrian.gui.display.window import DisplayWindow
    from antrian.gui.tasks import TaskRunner
    from antrian.services.display import save_voice_settings
    from antrian.store.database import open_database
    from antrian.voice.announcer import Announcer
    from tests.conftest import seed_office

    db = open_database(str(tmp_path / "s.db"), create=True)
    seed_office(db)
    with db.write() as s:
        save_voice_settings(s, VoiceSettings(repeat=3, rate=0.7), actor=SYSTEM)
    runner = TaskRunner()
    announcer = Announcer(VoiceSettings())
    try:
        window = DisplayWindow(db, lambda work, done: runner.submit(work, done, done), announcer=announcer)
        qtbot.addWidget(window)
        assert announcer.settings == VoiceSettings(), "nothing was read while the window was being built"
        qtbot.waitUntil(lambda: announcer.settings.repeat == 3, timeout=5000)
        assert announcer.settings.rate == 0.7
    finally:
        announcer.close()
        runner.wait()
        db.dispose()
