"""The admin's display and voice page on a real database (SQLite and PostgreSQL): the voice settings saved
through it, the sentence preview, a display picking the change up from its event, "Tes suara" speaking the
sample call through the display's announcer into a real audio output (PulseAudio null sink), silence said
plainly when the speech engine has no such voice, and a supervisor who may only look."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from antrian import words
from antrian.domain.errors import InvalidInput
from antrian.domain.messages import Message
from antrian.domain.roles import SYSTEM, Role
from antrian.gui.admin.settings.voice_page import VoicePage
from antrian.gui.tasks import TaskRunner
from antrian.services.display import VoiceSettings, get_voice_settings, save_voice_settings
from antrian.store.database import Database
from antrian.store.models import Event
from tests.gui.settings_pages import said, user
from tests.helpers import raises_code

SPOKEN = "Contoh panggilan sudah diucapkan di PC ini."


@pytest.fixture
def make(qtbot: QtBot) -> Iterator[Callable[[Database, Role], VoicePage]]:
    runner = TaskRunner()
    pages: list[VoicePage] = []

    def build(db: Database, role: Role) -> VoicePage:
        page = VoicePage(db, runner, user(db, role))
        qtbot.addWidget(page)
        pages.append(page)
        page.resize(1100, 680)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.loaded, timeout=5000)
        return page

    yield build
    for page in pages:
        page.close_voice()
    runner.wait()


def test_the_voice_settings_are_saved_through_the_page(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = make(office, Role.ADMIN)
    assert page.whole.isChecked() and page.enabled.isChecked() and page.chime.isChecked()
    assert page.preview.text() == "Nomor antrean a seratus dua puluh tiga, silakan menuju loket dua."
    assert page.sequence.text() == "Layar display memutar: nada \u2192 kalimat."
    page.digits.setChecked(True)
    page.rate.setValue(0.9)
    page.repeat.setValue(2)
    page.chime.setChecked(False)
    page.volume.setValue(80)
    page.with_service.setChecked(True)
    assert page.preview.text() == (
        "Nomor antrean a satu dua tiga, layanan KTP Elektronik, silakan menuju loket dua."
    ), "the preview follows the fields before they are saved"
    assert page.sequence.text() == "Layar display memutar: kalimat \u2192 kalimat."
    page.save_button.click()
    said(qtbot, page, "Tersimpan. Layar display memakai pengaturan ini mulai panggilan berikutnya.", "info")
    with office.read() as s:
        assert get_voice_settings(s) == VoiceSettings(
            reading="digits", rate=0.9, repeat=2, chime=False, volume=0.8, with_service=True
        )
        last = s.execute(select(Event).order_by(Event.id.desc()).limit(1)).scalar_one()
        assert (last.kind, last.data["settings"]) == ("settings_changed", "voice")


def test_settings_the_page_does_not_show_are_kept(make, office: Database, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        save_voice_settings(s, VoiceSettings(voice="id+f2", max_age_s=30), actor=SYSTEM)
    page = make(office, Role.ADMIN)
    page.enabled.setChecked(False)
    assert page.sequence.text() == "Panggilan tidak diucapkan; layar display hanya menampilkannya."
    page.save_button.click()
    said(qtbot, page, "Tersimpan. Layar display memakai pengaturan ini mulai panggilan berikutnya.")
    with office.read() as s:
        assert get_voice_settings(s) == VoiceSettings(enabled=False, voice="id+f2", max_age_s=30)


def test_the_service_refuses_settings_out_of_range() -> None:
    with raises_code(InvalidInput, "voice.reading_invalid", reading="roman"):
        VoiceSettings(reading="roman").validated()
    with raises_code(InvalidInput, "voice.repeat_range"):
        VoiceSettings(repeat=4).validated()
    with raises_code(InvalidInput, "voice.rate_range"):
        VoiceSettings(rate=2.5).validated()


def test_an_open_display_takes_what_the_page_saved(  # type: ignore[no-untyped-def]
    make, office_db: Database, qtbot: QtBot, audio_sink: str
) -> None:
    from antrian.gui.display.window import DisplayWindow
    from antrian.services.queries import events_after
    from antrian.voice.announcer import Announcer

    runner = TaskRunner()
    announcer = Announcer(VoiceSettings())
    display = DisplayWindow(
        office_db, lambda work, done: runner.submit(work, done, done), announcer=announcer
    )
    qtbot.addWidget(display)
    try:
        page = make(office_db, Role.ADMIN)
        page.repeat.setValue(3)
        page.digits.setChecked(True)
        page.save_button.click()
        said(qtbot, page, "Tersimpan. Layar display memakai pengaturan ini mulai panggilan berikutnya.")
        with office_db.read() as s:
            display.handle_events(events_after(s, 0))  # what its change feed delivers
        qtbot.waitUntil(lambda: announcer.settings.repeat == 3, timeout=5000)
        assert announcer.settings.reading == "digits"
    finally:
        announcer.close()
        runner.wait()


def test_tes_suara_speaks_the_sample_through_the_announcer(  # type: ignore[no-untyped-def]
    make, office_db: Database, qtbot: QtBot, audio_sink: str, tmp_path: Path
) -> None:
    from PySide6.QtMultimedia import QSoundEffect

    from antrian import assets
    from tests.voice.test_voice import sox_stats

    page = make(office_db, Role.ADMIN)
    page.repeat.setValue(2)
    page.rate.setValue(1.2)
    page.digits.setChecked(True)
    page.test_button.click()
    assert page.message.text() == "Mengucapkan contoh panggilan di PC ini\u2026", "at once: nothing waits"
    announcer = page.announcer
    assert announcer is not None
    kept: list[Path] = []

    def keep(_event_id: int) -> None:  # the sentence's sound, as it starts playing
        chime = str(assets.path(assets.CHIME))
        for effect in announcer.findChildren(QSoundEffect):
            played = effect.source().toLocalFile()
            if played and played != chime:
                kept.append(Path(shutil.copy(played, tmp_path / "spoken.wav")))

    announcer.speechStarted.connect(keep)
    with qtbot.waitSignal(announcer.speechStarted, timeout=15000):
        pass
    said(qtbot, page, SPOKEN, "info", timeout=30000)
    assert (announcer.settings.repeat, announcer.settings.rate, announcer.settings.reading) == (
        2,
        1.2,
        "digits",
    )
    with office_db.read() as s:
        assert get_voice_settings(s) == VoiceSettings(), "testing saves nothing"
    assert kept, "the sentence was rendered by the speech engine"
    stats = sox_stats(kept[0])
    assert stats["Length (seconds)"] > 1.5 and stats["RMS     amplitude"] > 0.02

    page.test_button.click()  # again, on the same announcer
    said(qtbot, page, SPOKEN, "info", timeout=30000)


def test_tes_suara_says_why_nothing_is_heard(
    make, office_db: Database, qtbot: QtBot, audio_sink: str
) -> None:  # type: ignore[no-untyped-def]
    with office_db.write() as s:
        save_voice_settings(s, VoiceSettings(voice="zz-none"), actor=SYSTEM)
    page = make(office_db, Role.ADMIN)
    page.test_button.click()
    problem = words.say(Message("speech.no_voice", voice="zz-none"))
    said(qtbot, page, f"Tidak diucapkan di PC ini: {problem}", "error", timeout=15000)


def test_a_supervisor_sees_the_voice_settings_only(make, office: Database) -> None:  # type: ignore[no-untyped-def]
    with office.write() as s:
        save_voice_settings(s, VoiceSettings(repeat=2), actor=SYSTEM)
    page = make(office, Role.SUPERVISOR)
    assert page.repeat.value() == 2
    assert page.read_only.isVisible() and not page.save_button.isVisible()
    assert not any(field.isEnabled() for field in page.fields)
    assert page.test_button.isEnabled(), "hearing the voice on this PC changes nothing"
    assert page.title() == "Layar dan suara"


def test_a_refresh_shows_changes_made_elsewhere_but_keeps_unsaved_edits(  # type: ignore[no-untyped-def]
    make, office_db: Database, qtbot: QtBot
) -> None:
    page = make(office_db, Role.ADMIN)
    with office_db.write() as s:
        save_voice_settings(s, VoiceSettings(repeat=2), actor=SYSTEM)
    page.refresh()  # as the window does on the settings_changed event
    qtbot.waitUntil(lambda: page.repeat.value() == 2, timeout=5000)
    page.chime.setChecked(False)  # being edited
    with office_db.write() as s:  # the voice, which the page does not edit, shows that this was read
        save_voice_settings(s, VoiceSettings(repeat=3, voice="id-lain"), actor=SYSTEM)
    page.refresh()
    qtbot.waitUntil(lambda: page.on_screen().voice == "id-lain", timeout=5000)
    assert page.on_screen().repeat == 2, "the edit in progress stays"
    assert not page.chime.isChecked()
