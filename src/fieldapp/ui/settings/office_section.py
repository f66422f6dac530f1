"""The office's reporting settings in Settings: the caseload limit per job specialist and the small-number
threshold of the period reports (kept in the data folder, read by the overview, IPS-25 and the reports)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QMessageBox, QSpinBox, QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.services import report_settings as rs
from fieldapp.ui.i18n import message, translate


class OfficeSettings(QGroupBox):
    """Read in the background when shown; `save()` writes only what changed, then tells the views through the
    change bus ("settings"). `window` is the main window, whose `ctx` gives the data folder."""

    def __init__(self, window: QWidget | None) -> None:
        super().__init__(translate("OfficeSettings", "Office and reports"))
        self.setObjectName("office_settings")
        self.window_ = window
        self.ctx = getattr(window, "ctx", None)
        self.caseload_limit = self._spin("caseload_limit", rs.CASELOAD_LIMIT,
                                         translate("OfficeSettings", " participants"))
        self.caseload_limit.setToolTip(translate(
            "OfficeSettings", "Participants one job specialist follows at most (IPS: 20). The overview and the "
                              "IPS-25 form measure each caseload against it."))
        self.small_cell = self._spin("small_cell_threshold", rs.SMALL_CELL, "")
        self.small_cell.setToolTip(translate(
            "OfficeSettings", "Counts below this number are shown as \"<N\" in period reports, so nobody can be "
                              "recognised. At least 3."))
        self.error = QLabel()
        self.error.setObjectName("office_settings_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("OfficeSettings", "Caseload li&mit per job specialist"), self.caseload_limit)
        form.addRow(translate("OfficeSettings", "Hide small numbers in reports &under"), self.small_cell)
        form.addRow(self.error)
        self._loaded: dict[str, int] = {}
        if self.ctx is not None and self.ctx.has_workspace:
            ws = self.ctx.ws
            self.ctx.tasks.run(lambda: {rs.CASELOAD_LIMIT: rs.caseload_limit(ws),
                                        rs.SMALL_CELL: rs.small_cell_threshold(ws)},
                               self._show, on_error=self._failed, owner=self)

    def _spin(self, name: str, key: str, suffix: str) -> QSpinBox:
        low, high = rs.RANGES[key]
        spin = QSpinBox(minimum=low, maximum=high, value=rs.DEFAULTS[key])
        spin.setObjectName(name)
        spin.setSuffix(suffix)
        spin.setEnabled(False)  # until the stored value is read
        return spin

    def _widgets(self) -> dict[str, QSpinBox]:
        return {rs.CASELOAD_LIMIT: self.caseload_limit, rs.SMALL_CELL: self.small_cell}

    def _show(self, values: dict[str, int]) -> None:
        self._loaded = dict(values)
        for key, spin in self._widgets().items():
            spin.setValue(values[key])
            spin.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.error.setText(message(exc))

    def changed(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self._widgets().items()
                if key in self._loaded and spin.value() != self._loaded[key]}

    def save(self) -> None:
        changed = self.changed()
        if self.ctx is None or not changed:
            return
        ws, changes, window = self.ctx.ws, self.ctx.changes, self.window_

        def write() -> None:
            for key, value in changed.items():
                rs.set_value(ws, key, value)

        def refused(exc: BaseException) -> None:
            # The dialog is closed by now: the main window says what was not saved.
            if not isinstance(exc, DomainError):
                raise exc
            QMessageBox.warning(window, translate("OfficeSettings", "Settings not saved"), message(exc))

        self.ctx.tasks.run(write, lambda _: changes.notify({"settings"}), on_error=refused)
