"""The display and voice page: how the displays speak calls (office-wide, the "voice" setting read through
``services.display``), the sentence a sample ticket would get, and "Tes suara", which speaks that sample on
this PC through the same announcer the display uses (``voice.announcer``: rendered off the GUI thread,
played by QtMultimedia), and says so when this PC has no audio device or speech engine. Saved settings reach
the open displays through the change feed (they re-read "voice" on its ``settings_changed`` event)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QWidget,
)

from antrian import words
from antrian.domain.announce import NumberReading
from antrian.domain.labels import format_label
from antrian.domain.messages import Message
from antrian.domain.roles import Actor
from antrian.gui.admin.settings.base import SettingsPage
from antrian.gui.forms.voice_page_ui import Ui_VoicePage
from antrian.gui.tasks import TaskRunner
from antrian.gui.theme.metrics import SIZE
from antrian.services.display import Call, VoiceSettings, get_voice_settings, save_voice_settings
from antrian.services.office import get_office
from antrian.services.setup import list_services
from antrian.store.database import Database
from antrian.voice.calls import sentence

if TYPE_CHECKING:
    from antrian.voice.announcer import Announcer

SAMPLE_NUMBER = 123  # read whole ("seratus dua puluh tiga") or digit by digit, the difference is plain
SAMPLE_COUNTER = 2


@dataclass(frozen=True, slots=True)
class _Stored:
    settings: VoiceSettings
    sample: Call


def _sample(code: str, name: str, width: int) -> Call:
    number = format_label(code, SAMPLE_NUMBER, width)
    return Call(0, datetime.now(UTC), number, SAMPLE_COUNTER, code, name, recall=False)


class VoicePage(SettingsPage):
    """The office's voice settings, a preview of the spoken sentence, and "Tes suara" on this PC."""

    def __init__(self, database: Database, runner: TaskRunner, actor: Actor, parent: QWidget | None = None):
        super().__init__(database, runner, actor, parent)
        self._stored = VoiceSettings()
        self._sample = _sample("A", "", 3)
        # made on the first "Tes suara": the display's own announcer class
        self._announcer: Announcer | None = None
        self._test_id = 0
        self.loaded = False  # the stored settings are on screen
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_voice)
        self.heading.setText(self.tr("Display and voice"))
        self.about.setText(
            self.tr(
                "How every display of the office calls the numbers. Saved settings reach the open displays "
                "within a second."
            )
        )
        self.content = QWidget(self)
        self.form = Ui_VoicePage()  # the settings and the sample call: ui/admin/settings/voice_page.ui
        self.form.setupUi(self.content)
        self._take_form()
        self.body.addWidget(self.content)
        self.body.addStretch(1)
        self.fields += [
            self.enabled,
            self.whole,
            self.digits,
            self.rate,
            self.repeat,
            self.chime,
            self.volume,
            self.with_service,
            self.save_button,
        ]
        self.lock_if_read_only()
        self.save_button.setVisible(self.editable)
        for signal in (
            self.enabled.toggled,
            self.whole.toggled,
            self.rate.valueChanged,
            self.chime.toggled,
            self.repeat.valueChanged,
            self.with_service.toggled,
        ):
            signal.connect(self._update_preview)
        self._update_preview()

    def title(self) -> str:
        return self.tr("Display and voice")

    # -- building ----------------------------------------------------------------------------------------
    def _take_form(self) -> None:
        form = self.form
        self.enabled, self.whole, self.digits = form.enabled, form.whole, form.digits
        self.rate, self.repeat, self.chime = form.rate, form.repeat, form.chime
        self.volume, self.volume_label, self.with_service = form.volume, form.volume_label, form.with_service
        self.sample_line, self.preview, self.sequence = form.sample_line, form.preview, form.sequence
        self.save_button, self.test_button = form.save_button, form.test_button
        self.rate.setMaximumWidth(SIZE.number_field)
        if words.language() == "id":  # 0,75 as Indonesians write it
            self.rate.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.repeat.setMaximumWidth(SIZE.number_field)
        self.volume_label.setMinimumWidth(SIZE.value_label)
        self.volume.valueChanged.connect(lambda value: self.volume_label.setText(f"{value} %"))
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_voice)

    # -- reading -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        def read() -> _Stored:
            with self._database.read() as session:
                office = get_office(session)
                services = [s for s in list_services(session) if s.active]
                first = services[0] if services else None
                sample = _sample(
                    first.code if first else "A", first.name if first else "", office.label_width
                )
                return _Stored(get_voice_settings(session), sample)

        self.run(read, self._show, "read the voice settings")

    def _show(self, stored: _Stored) -> None:
        edited = self.loaded and self.on_screen() != self._stored
        self._stored, self._sample = stored.settings, stored.sample
        if edited:  # another change to the office's settings must not wipe out what the admin is typing
            self._update_preview()
            return
        settings = stored.settings
        self.enabled.setChecked(settings.enabled)
        (self.digits if settings.reading == NumberReading.DIGITS.value else self.whole).setChecked(True)
        self.rate.setValue(settings.rate)
        self.repeat.setValue(settings.repeat)
        self.volume.setValue(round(settings.volume * 100))
        self.chime.setChecked(settings.chime)
        self.with_service.setChecked(settings.with_service)
        self._update_preview()
        self.loaded = True

    def on_screen(self) -> VoiceSettings:
        """The settings as the fields show them; those the page does not edit keep their stored values."""
        return replace(
            self._stored,
            enabled=self.enabled.isChecked(),
            reading=(NumberReading.DIGITS if self.digits.isChecked() else NumberReading.WHOLE).value,
            rate=round(self.rate.value(), 2),
            repeat=self.repeat.value(),
            volume=self.volume.value() / 100,
            chime=self.chime.isChecked(),
            with_service=self.with_service.isChecked(),
        )

    def _update_preview(self) -> None:
        settings = self.on_screen()
        call = self._sample
        self.sample_line.setText(
            self.tr("Ticket {number} called to counter {counter}:").format(
                number=call.number, counter=call.counter
            )
        )
        try:
            self.preview.setText(sentence(call, settings))
        except Exception as error:  # a stored template this sample cannot fill: say why, keep the page
            from antrian.gui.errors import error_text

            self.preview.setText(error_text(error))
        steps = [self.tr("chime")] if settings.chime else []
        steps += [self.tr("the sentence")] * settings.repeat
        self.sequence.setText(
            self.tr("The display plays: {steps}.").format(steps=" \u2192 ".join(steps))
            if settings.enabled
            else self.tr("Calls are not spoken; the display only shows them.")
        )

    # -- saving and testing ------------------------------------------------------------------------------
    def save(self) -> None:
        wanted = self.on_screen()

        def write() -> VoiceSettings:
            with self._database.write() as session:
                return save_voice_settings(session, wanted, actor=self._actor)

        def saved(settings: VoiceSettings) -> None:
            self._stored = settings
            self.show_message(self.tr("Saved. The displays speak with these settings from the next call."))

        self.run(write, saved, "save the voice settings")

    def test_voice(self) -> None:
        """Speak the sample call here with the settings on screen (switched on for the test)."""
        from antrian.voice.announcer import Announcer

        try:
            settings = replace(self.on_screen(), enabled=True).validated()
        except Exception as error:
            self.failed(error, "test the voice")
            return
        if self._announcer is None:
            self._announcer = Announcer(settings, self)
            self._announcer.finished.connect(self._test_spoken)
            self._announcer.skipped.connect(self._test_skipped)
            self._announcer.problemChanged.connect(self._voice_problem)
        else:
            self._announcer.update_settings(settings)
        self._test_id -= 1  # never the id of a real call
        self._announcer.announce(replace(self._sample, event_id=self._test_id, at=datetime.now(UTC)))
        self.show_message(self.tr("Speaking the sample call on this PC\u2026"))

    @property
    def announcer(self) -> Announcer | None:
        """The announcer "Tes suara" speaks through (None before the first test)."""
        return self._announcer

    def _test_spoken(self, event_id: int) -> None:
        if event_id == self._test_id:
            self.show_message(self.tr("The sample call was spoken on this PC."))

    def _test_skipped(self, event_id: int, _why: str) -> None:
        if event_id != self._test_id:
            return
        problem = self._announcer.problem if self._announcer is not None else None
        text = words.say(problem) if problem else self.tr("The sample call could not be played; see the log.")
        self.show_message(self.tr("Not spoken on this PC: {problem}").format(problem=text), "error")

    def _voice_problem(self, problem: Message | None) -> None:
        if problem is not None:
            self.show_message(
                self.tr("Not spoken on this PC: {problem}").format(problem=words.say(problem)), "error"
            )

    def close_voice(self) -> None:
        """Stop the test announcer (its thread and temporary files); the page's window calls it on close."""
        if self._announcer is not None:
            self._announcer.close()
            self._announcer = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_voice()
        super().closeEvent(event)
