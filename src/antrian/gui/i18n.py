"""The interface language of the windows: Qt's translators for labels and buttons, ``antrian.words`` for
messages, switched together.

Window texts are written in English in the code (``self.tr("Call Next")``) and translated to Bahasa
Indonesia by the ``.qm`` files compiled from ``src/antrian/gui/translations/*_id.ts`` (one per window, so that
work on one window never touches another's catalogue; ``scripts/translations.py`` updates and compiles
them). English needs no file: it is the source text. ``set_language`` installs the language's translators
and sets ``antrian.words``; Qt then sends every widget a ``LanguageChange`` event, on which the windows say
their texts again (``retranslate``).
"""

from __future__ import annotations

import logging
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QTranslator

from antrian import words

if TYPE_CHECKING:  # the checker sees the widget the mixin goes before (at run time, the next base)
    from PySide6.QtWidgets import QWidget as _MixedInto
else:
    _MixedInto = object

log = logging.getLogger(__name__)

TRANSLATIONS = "antrian.gui.translations"

# Qt's own buttons (message and input dialogs) have no Indonesian translation in Qt; these entries, in the
# contexts Qt asks with, give them one from our catalogue.
QT_OWN = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
)

_installed: list[QTranslator] = []


def qm_files(lang: str) -> list[str]:
    """The names of the compiled catalogues of ``lang`` shipped in the package."""
    folder = files(TRANSLATIONS)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(f"_{lang}.qm"))


def set_language(lang: str) -> str:
    """Make ``lang`` ("id" or "en") the language of every window and message of this process."""
    app = QCoreApplication.instance()
    lang = words.set_language(lang)
    if app is None:
        return lang
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    folder = files(TRANSLATIONS)
    for name in qm_files(lang):
        translator = QTranslator(app)
        with as_file(folder.joinpath(name)) as path:
            if not translator.load(str(path)):
                log.error("translation %s could not be loaded", name)
                continue
        app.installTranslator(translator)
        _installed.append(translator)
    return lang


class Retranslated(_MixedInto):
    """Mixed into a widget (before its Qt class) that says its texts in ``retranslate``: Qt's
    ``LanguageChange`` calls it again, so the widget follows ``set_language`` while it is open."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
