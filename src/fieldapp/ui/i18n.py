"""The UI's languages: Norwegian bokmål by default, English selectable.

Source strings in the code are English and wrapped in `translate("Context", "text")` (or `self.tr`),
so `pyside6-lupdate` finds them; the bokmål translations live in `resources/translations/*_nb.ts`
and are compiled to `.qm` by `make translations`. Domain messages and vocabulary carry both
languages themselves; `label()` and `message()` pick the one in use.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldapp import paths
from fieldapp.domain import vocab
from fieldapp.domain.messages import DomainError, Message, ValidationFailed

log = logging.getLogger(__name__)

translate = QCoreApplication.translate
LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def current_language() -> str:
    return _current


def install_language(app: QCoreApplication, lang: str) -> list[Path]:
    """Load the app's and Qt's own translations for `lang`; returns the .qm files loaded.

    English is the source language: its file holds only the plural forms ("1 day", "2 days"). A
    missing bokmål file (translations not built) is logged and the UI falls back to English rather
    than refusing to start.
    """
    global _current
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal if _current == "nb" else QLocale.Language.English,
                               QLocale.Country.Norway))
    loaded = []
    files = sorted(translations_dir().glob(f"*_{_current}.qm"))
    if not files:
        log.warning("no compiled translations in %s; run `make translations`", translations_dir())
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in [*files, Path(qt_dir) / f"qtbase_{_current}.qm"]:
        translator = QTranslator(app)
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    return loaded


def label(terms: tuple[vocab.Term, ...], code: str | None) -> str:
    return vocab.label(terms, code, _current)


def message(msg: Message | DomainError | ValidationFailed) -> str:
    return msg.text(_current)
