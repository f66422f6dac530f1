"""Settings: the UI language (takes effect at the next start)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from fieldapp.ui.i18n import DEFAULT_LANGUAGE, translate

LANGUAGE_KEY = "language"


def saved_language(settings: QSettings) -> str:
    return str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settings_dialog")
        self.setWindowTitle(translate("Settings", "Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setAccessibleName(translate("Settings", "Language"))
        # Each language is named in itself, so it can be found whatever language is on screen.
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language(settings))))
        note = QLabel(translate("Settings", "A new language is used from the next time Fieldapp starts."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Settings", "&Language"), self.language)
        form.addRow(note)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.sync()
        super().accept()
