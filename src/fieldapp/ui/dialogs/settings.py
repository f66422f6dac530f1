"""Settings: the UI language (the app offers to restart in it), and the way to the sync server set-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QSpinBox,
                               QWidget)

from fieldapp.domain.pre_job_cadence import DEFAULT_INTERVAL_DAYS, DEFAULT_WEEKLY_TARGET

from fieldapp.ui.i18n import DEFAULT_LANGUAGE, translate
from fieldapp.ui.privacy.settings_section import PrivacySettings
from fieldapp.ui.settings.office_section import OfficeSettings
from fieldapp.ui.widgets.screen import fit_to_screen

if TYPE_CHECKING:
    from fieldapp.ui.sync.setup_dialog import SetupDialog
    from fieldapp.ui.sync.worker import SyncController

LANGUAGE_KEY = "language"
WEEKLY_TARGET_KEY = "job_development/weekly_contact_target"
PRE_JOB_INTERVAL_KEY = "follow_up/pre_job_interval_days"


def saved_language(settings: QSettings) -> str:
    return str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))


def _saved_int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(settings.value(key, default))
    except (TypeError, ValueError):
        return default
    return value if low <= value <= high else default


def weekly_contact_target(settings: QSettings) -> int:
    """Employer contacts a week the job specialist aims at (IPS fidelity: about six)."""
    return _saved_int(settings, WEEKLY_TARGET_KEY, DEFAULT_WEEKLY_TARGET, 1, 50)


def pre_job_interval_days(settings: QSettings) -> int:
    """Days a participant without a job may go unseen before the follow-up is overdue."""
    return _saved_int(settings, PRE_JOB_INTERVAL_KEY, DEFAULT_INTERVAL_DAYS, 1, 90)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None,
                 sync: SyncController | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.sync = sync
        self.setup_dialog: SetupDialog | None = None
        self.setObjectName("settings_dialog")
        self.setWindowTitle(translate("Settings", "Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setAccessibleName(translate("Settings", "Language"))
        # Each language is named in itself, so it can be found whatever language is on screen.
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language(settings))))
        self.language_changed = False
        note = QLabel(translate("Settings", "A new language needs a restart: Fieldapp offers one when you save."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Settings", "&Language"), self.language)
        form.addRow(note)
        self.weekly_target = QSpinBox(minimum=1, maximum=50, value=weekly_contact_target(settings))
        self.weekly_target.setObjectName("weekly_contact_target")
        self.weekly_target.setAccessibleName(translate("Settings", "Employer contacts a week (target)"))
        form.addRow(translate("Settings", "Employer contacts a &week (target)"), self.weekly_target)
        self.pre_job_interval = QSpinBox(minimum=1, maximum=90, value=pre_job_interval_days(settings))
        self.pre_job_interval.setObjectName("pre_job_interval_days")
        self.pre_job_interval.setSuffix(translate("Settings", " days"))
        self.pre_job_interval.setAccessibleName(translate("Settings", "Follow-up before a job, at least every"))
        form.addRow(translate("Settings", "Follow-up before a job, at least &every"), self.pre_job_interval)
        if sync is not None:
            self.sync_button = QPushButton(translate("Settings", "Sync server …"))
            self.sync_button.setObjectName("open_sync_setup")
            self.sync_button.setToolTip(translate("Settings", "Connect this computer to the team's sync server"))
            self.sync_button.clicked.connect(self.open_sync_setup)
            form.addRow(translate("Settings", "Sync"), self.sync_button)
        self.privacy = PrivacySettings(settings, parent)
        form.addRow(self.privacy)
        self.office = OfficeSettings(parent)
        form.addRow(self.office)
        form.addRow(buttons)

    def open_sync_setup(self) -> SetupDialog:
        """The same set-up dialog as Sync → Set up, for the main window's sync controller (window-modal)."""
        from fieldapp.ui.sync.setup_dialog import SetupDialog

        assert self.sync is not None
        self.setup_dialog = SetupDialog(self.sync, self)
        fit_to_screen(self.setup_dialog)
        self.setup_dialog.open()
        return self.setup_dialog

    def accept(self) -> None:
        self.language_changed = self.language.currentData() != saved_language(self.settings)
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.privacy.save()
        self.office.save()
        self.settings.setValue(WEEKLY_TARGET_KEY, self.weekly_target.value())
        self.settings.setValue(PRE_JOB_INTERVAL_KEY, self.pre_job_interval.value())
        self.settings.sync()
        super().accept()
