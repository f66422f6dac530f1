"""The participant's access log ("Hvem har sett opplysningene"), and the subject access export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from fieldapp.domain.access_log import ACCESS_KINDS
from fieldapp.services import access_log as service
from fieldapp.services.access_log import AccessEntry
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_datetime
from fieldapp.ui.i18n import label, message, translate
from fieldapp.ui.models.table import Column
from fieldapp.ui.privacy import device_names
from fieldapp.ui.widgets.record_list import RecordList

ENTITIES = frozenset({"read_log"})


class AccessLogTab(QWidget):
    """Emits nothing; reloads when the log changes (an export, a reveal, a sync bringing other devices' entries)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("access_log_tab")
        self.participant_id: str | None = None
        self.participant_name = ""
        this_device = translate("AccessLogTab", "this computer")
        columns: list[Column[AccessEntry]] = [
            Column(translate("AccessLogTab", "When"), lambda e: fmt_datetime(e.at.astimezone()), sort_key=lambda e: e.at),
            Column(translate("AccessLogTab", "Who"), lambda e: e.who),
            Column(translate("AccessLogTab", "What"), lambda e: label(ACCESS_KINDS, e.kind)),
            device_names.device_column(translate("AccessLogTab", "Device"), this_device, self._device_id),
        ]
        self.list = RecordList(translate("AccessLogTab", "Who has seen the information"), columns, "access_log_table")
        self.export_button = self.list.add_button(translate("AccessLogTab", "E&xport subject access copy …"),
                                                  self.ask_export, "export_access_copy")
        self.export_button.setToolTip(translate("AccessLogTab", "One readable PDF and the JSON export of everything "
                                                                "stored about the participant (logged)"))
        # Erasure sits with the other privacy actions on the participant.
        self.erase_button = self.list.add_button(translate("AccessLogTab", "Erase participant …"), self.ask_erase,
                                                 "erase_participant")
        self.status = QLabel()
        self.status.setObjectName("access_log_status")
        self.status.setWordWrap(True)
        note = QLabel(translate("AccessLogTab", "The log shows who opened, printed, exported or revealed this "
                                                "participant's information, on every synced device. It holds no content."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        ctx.changes.data_changed.connect(self._data_changed)

    def _device_id(self) -> str:
        return self.ctx.ws.device_id if self.ctx.has_workspace else ""

    def _data_changed(self, entities: frozenset[str]) -> None:
        if self.participant_id and entities & ENTITIES:
            self.load(self.participant_id)

    def load(self, participant_id: str, name: str = "") -> None:
        self.participant_id = participant_id
        self.participant_name = name or self.participant_name
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda: service.entries_for(ws, participant_id),
                           lambda rows: self._show(participant_id, rows), owner=self)

    def _show(self, participant_id: str, rows: list[AccessEntry]) -> None:
        if participant_id == self.participant_id:
            self.list.set_rows(rows, translate("AccessLogTab", "Nobody has opened this participant yet."))
            # Another device's entry: its name is on the sync server (the main window's controller asks).
            device_names.ask_names_for(rows, self._device_id(), getattr(self.window(), "sync", None),
                                       lambda: self.load(participant_id) if self.participant_id else None, self)

    def ask_erase(self) -> None:
        if self.participant_id:
            from fieldapp.ui.privacy.erase_dialog import ask_and_erase

            ask_and_erase(self.ctx, self, self.participant_id)

    def ask_export(self) -> None:
        if not self.participant_id:
            return
        folder = QFileDialog.getExistingDirectory(self, translate("AccessLogTab", "Folder for the subject access copy"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        from fieldapp.services.subject_access import export_subject_access

        ws, participant_id = self.ctx.ws, self.participant_id
        assert participant_id is not None
        self.status.setText(translate("AccessLogTab", "Exporting …"))
        self.ctx.tasks.run(lambda: export_subject_access(ws, participant_id, folder), self._exported,
                           on_error=self._failed, owner=self)

    def _exported(self, files: tuple[Path, Path]) -> None:
        self.status.setText(translate("AccessLogTab", "Saved %1 and %2.").replace("%1", str(files[0]))
                            .replace("%2", files[1].name))

    def _failed(self, exc: BaseException) -> None:
        from fieldapp.domain.messages import DomainError

        if isinstance(exc, (DomainError, OSError)):
            text = message(exc) if isinstance(exc, DomainError) else str(exc)
            self.status.setText(translate("AccessLogTab", "The export failed: %1").replace("%1", text))
            return
        raise exc
