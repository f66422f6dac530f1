"""The privacy part of Settings: the idle lock, the app PIN, the office's retention period, the erasure log."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QWidget)

from fieldapp.domain import retention as retention_rules
from fieldapp.domain.messages import DomainError
from fieldapp.services import app_pin
from fieldapp.ui.i18n import message, translate
from fieldapp.ui.privacy.lock import IDLE_KEY, LockController, idle_minutes, remember_pin


class PrivacySettings(QGroupBox):
    """`ctx` is taken from the dialog's parent window (the main window) when it has one."""

    def __init__(self, settings: QSettings, window: QWidget | None) -> None:
        super().__init__(translate("PrivacySettings", "Privacy"))
        self.setObjectName("privacy_settings")
        self.settings = settings
        self.window_ = window
        self.ctx = getattr(window, "ctx", None)
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(translate("PrivacySettings", " min"))
        self.idle.setSpecialValueText(translate("PrivacySettings", "Never (only Ctrl+L)"))
        self.idle.setValue(idle_minutes(settings))
        self.pin_state = QLabel()
        self.pin_state.setObjectName("pin_state")
        self.set_pin_button = QPushButton(translate("PrivacySettings", "Set &PIN …"))
        self.set_pin_button.setObjectName("set_pin")
        self.set_pin_button.clicked.connect(self.set_pin)
        self.clear_pin_button = QPushButton(translate("PrivacySettings", "Remove PIN"))
        self.clear_pin_button.setObjectName("clear_pin")
        self.clear_pin_button.clicked.connect(self.clear_pin)
        pin_row = QHBoxLayout()
        for w in (self.pin_state, self.set_pin_button, self.clear_pin_button):
            pin_row.addWidget(w)
        self.years = QSpinBox()
        self.years.setObjectName("retention_years")
        self.years.setRange(retention_rules.MIN_YEARS, retention_rules.MAX_YEARS)
        self.years.setSuffix(translate("PrivacySettings", " years"))
        self.years.setValue(retention_rules.DEFAULT_YEARS)
        self.years.setToolTip(translate("PrivacySettings", "How long records are kept after follow-up has ended, "
                                                           "before Today lists them for review. The office decides."))
        self.years.setEnabled(False)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("PrivacySettings", "Lock after &idle time"), self.idle)
        form.addRow(translate("PrivacySettings", "App PIN"), pin_row)
        form.addRow(translate("PrivacySettings", "Re&tention period"), self.years)
        self.erasure_log_button = QPushButton(translate("PrivacySettings", "Show erasure lo&g …"))
        self.erasure_log_button.setObjectName("show_erasure_log")
        self.erasure_log_button.setToolTip(translate("PrivacySettings", "When participants were erased, and why: "
                                                                        "here and by the rest of the team"))
        self.erasure_log_button.clicked.connect(self.show_erasure_log)
        self.erasure_log_button.setEnabled(self.ctx is not None and self.ctx.has_workspace)
        form.addRow(translate("PrivacySettings", "Erasures"), self.erasure_log_button)
        form.addRow(self.error)
        self._show_pin_state()
        if self.ctx is not None and self.ctx.has_workspace:
            from fieldapp.services.retention import retention_years

            ws = self.ctx.ws
            self.ctx.tasks.run(lambda: retention_years(ws), self._show_years, owner=self)

    def show_erasure_log(self) -> QWidget:
        from fieldapp.ui.privacy.erasure_log import show_erasure_log

        assert self.ctx is not None
        return show_erasure_log(self.ctx, self.window(), getattr(self.window_, "sync", None))

    def _show_years(self, years: int) -> None:
        self.years.setValue(years)
        self._loaded_years = years
        self.years.setEnabled(True)

    def _show_pin_state(self) -> None:
        try:
            has = app_pin.has_pin()
        except DomainError as exc:
            self.error.setText(message(exc))
            has = False
            self.set_pin_button.setEnabled(False)
        else:
            remember_pin(self.settings, has)  # the next start locks at once when a PIN is set
        self.pin_state.setText(translate("PrivacySettings", "Set") if has else translate("PrivacySettings", "Not set"))
        self.clear_pin_button.setEnabled(has)

    def set_pin(self) -> None:
        from fieldapp.ui.dialogs.pin_dialog import PinDialog

        PinDialog(self).exec()
        self._show_pin_state()

    def clear_pin(self) -> None:
        try:
            app_pin.clear_pin()
        except DomainError as exc:
            self.error.setText(message(exc))
        self._show_pin_state()

    def save(self) -> None:
        self.settings.setValue(IDLE_KEY, self.idle.value())
        for lock in (self.window_.findChildren(LockController) if self.window_ is not None else []):
            lock.apply_settings(self.idle.value())
        if self.ctx is not None and self.years.isEnabled() and self.years.value() != getattr(self, "_loaded_years", None):
            from fieldapp.services.retention import set_retention_years

            ws, years, changes = self.ctx.ws, self.years.value(), self.ctx.changes
            self.ctx.tasks.run(lambda: set_retention_years(ws, years), lambda _: changes.notify({"participant"}))
