"""An agreement's versions with their status, its event log, and what changed between two versions."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from fieldapp.domain import agreement_content as ac
from fieldapp.domain import agreement_vocab as av
from fieldapp.domain.agreement_records import AgreementEvent
from fieldapp.services import agreement_editing as service
from fieldapp.services.agreement_editing import VersionSummary
from fieldapp.ui.context import AppContext
from fieldapp.ui.formatting import fmt_date, fmt_datetime
from fieldapp.ui.i18n import current_language, label, translate
from fieldapp.ui.models.table import Column, RowTableModel
from fieldapp.ui.widgets.screen import close_on_escape, fit_to_screen
from fieldapp.ui.widgets.tables import RowTable

_CODED = {"frequency": av.FREQUENCIES, "form": av.FOLLOW_UP_FORMS, "employment_form": av.EMPLOYMENT_FORMS,
          "agreement_type": av.AGREEMENT_TYPES, "party_role": av.SIGNER_ROLES, "actor_role": av.FOLLOW_UP_ACTORS,
          "role": av.PARTY_ROLES}


def event_text(kind: str) -> str:
    return {"created": translate("AgreementHistory", "Created"), "changed": translate("AgreementHistory", "Changed"),
            "ready_for_signing": translate("AgreementHistory", "Ready for signing"),
            "reopened": translate("AgreementHistory", "Reopened as draft"),
            "signed": translate("AgreementHistory", "Signed"),
            "signatures_revoked": translate("AgreementHistory", "Signatures revoked"),
            "concluded": translate("AgreementHistory", "Concluded"),
            "new_version": translate("AgreementHistory", "New version"),
            "annulled": translate("AgreementHistory", "Annulled"), "pdf_made": translate("AgreementHistory", "PDF made"),
            "printed": translate("AgreementHistory", "Printed"), "sealed": translate("AgreementHistory", "Sealed"),
            }.get(kind, kind)


def _details(event: AgreementEvent) -> str:
    try:
        data = json.loads(event.details) if event.details else {}
    except ValueError:
        return event.details or ""
    parts = []
    if "role" in data:
        parts.append(label(av.SIGNER_ROLES, data["role"]))
    if "method" in data:
        parts.append(label(av.SIGNATURE_METHODS, data["method"]).lower())
    if "reason" in data:
        parts.append(translate("AgreementHistory", "reason: %1").replace("%1", str(data["reason"])))
    if "change_types" in data:
        parts.append(", ".join(label(av.CHANGE_TYPES, c) for c in data["change_types"]))
    if "copies" in data:
        parts.append(translate("AgreementHistory", "%n copy(ies)", None, int(data["copies"])))
    return "; ".join(parts)


def value_text(path: str, value: Any) -> str:
    """A changed value as the job specialist reads it: dates as dd.mm.yyyy, codes by their label."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return translate("AgreementHistory", "Yes") if value else translate("AgreementHistory", "No")
    if isinstance(value, date):
        return fmt_date(value)
    if dataclasses.is_dataclass(value):
        return "; ".join(value_text(f"{path}.{k}", v) for k, v in ac.walk(value) if v not in (None, "", ()))
    last = path.rsplit(".", 1)[-1]
    if last in _CODED and isinstance(value, str):
        return label(_CODED[last], value)
    return str(value)


@dataclasses.dataclass(frozen=True)
class DiffRow:
    path: str
    old: Any
    new: Any


class HistoryWindow(QWidget):
    """Signals: `history_loaded()`, `diff_shown(count)`."""

    history_loaded = Signal()
    diff_shown = Signal(int)

    def __init__(self, ctx: AppContext, agreement_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.agreement_id = agreement_id
        self.setObjectName("agreement_history")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("AgreementHistory", "Versions and history"))
        self.versions_model: RowTableModel[VersionSummary] = RowTableModel([
            Column(translate("AgreementHistory", "Version"), lambda v: str(v.version_no), sort_key=lambda v: v.version_no),
            Column(translate("AgreementHistory", "Status"), self._status_text),
            Column(translate("AgreementHistory", "Change"),
                   lambda v: ", ".join(label(av.CHANGE_TYPES, c) for c in v.change_types)),
            Column(translate("AgreementHistory", "Reason"), lambda v: v.change_reason or ""),
            Column(translate("AgreementHistory", "Signed by"),
                   lambda v: ", ".join(label(av.SIGNER_ROLES, r) for r in v.signed_by)),
        ], self)
        self.versions = RowTable(self.versions_model, "versions_table")
        self.events_model: RowTableModel[AgreementEvent] = RowTableModel([
            Column(translate("AgreementHistory", "Time"), lambda e: fmt_datetime(e.at), sort_key=lambda e: e.at),
            Column(translate("AgreementHistory", "Event"), lambda e: event_text(e.kind)),
            Column(translate("AgreementHistory", "Version"), lambda e: self._version_no(e.version_id)),
            Column(translate("AgreementHistory", "Details"), _details),
        ], self)
        self.events = RowTable(self.events_model, "events_table")
        self.old = QComboBox()
        self.old.setObjectName("diff_old")
        self.new = QComboBox()
        self.new.setObjectName("diff_new")
        compare = QPushButton(translate("AgreementHistory", "&Compare"))
        compare.setObjectName("compare_button")
        compare.clicked.connect(self.compare)
        self.diff_model: RowTableModel[DiffRow] = RowTableModel([
            Column(translate("AgreementHistory", "Field"), lambda d: ac.field_label(d.path, current_language())),
            Column(translate("AgreementHistory", "Before"), lambda d: value_text(d.path, d.old)),
            Column(translate("AgreementHistory", "After"), lambda d: value_text(d.path, d.new)),
        ], self)
        self.diff = RowTable(self.diff_model, "diff_table")
        self.diff_info = QLabel()
        self.diff_info.setObjectName("diff_info")
        pick = QHBoxLayout()
        pick.addWidget(QLabel(translate("AgreementHistory", "What changed from version")))
        pick.addWidget(self.old)
        pick.addWidget(QLabel(translate("AgreementHistory", "to version")))
        pick.addWidget(self.new)
        pick.addWidget(compare)
        pick.addStretch(1)
        diff_box = QWidget()
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addLayout(pick)
        diff_layout.addWidget(self.diff_info)
        diff_layout.addWidget(self.diff, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("<h3>" + translate("AgreementHistory", "Versions") + "</h3>"))
        top_layout.addWidget(self.versions, 1)
        events_box = QWidget()
        events_layout = QVBoxLayout(events_box)
        events_layout.setContentsMargins(0, 0, 0, 0)
        events_layout.addWidget(QLabel("<h3>" + translate("AgreementHistory", "Event log") + "</h3>"))
        events_layout.addWidget(self.events, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for w in (top, diff_box, events_box):
            splitter.addWidget(w)
        splitter.setSizes([140, 260, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._numbers: dict[str, int] = {}
        fit_to_screen(self, QSize(1000, 820))
        close_on_escape(self)
        self.load()

    def _status_text(self, v: VersionSummary) -> str:
        text = label(av.AGREEMENT_STATUSES, v.status)
        signed_before = any(o.version_no < v.version_no and o.status in service.SIGNED_STATUSES
                            for o in self.versions_model.rows)
        if signed_before and v.status not in service.SIGNED_STATUSES and v.status != "annulled":
            text += " – " + translate("AgreementHistory", "not signed by the parties")
        return text

    def _version_no(self, version_id: str | None) -> str:
        return str(self._numbers.get(version_id or "", "")) if version_id else ""

    def load(self) -> None:
        ws, agreement_id, today = self.ctx.ws, self.agreement_id, self.ctx.now().astimezone().date()

        def job() -> tuple[list[VersionSummary], tuple[AgreementEvent, ...]]:
            return (service.history(ws, agreement_id, today=today),
                    service.load(ws, agreement_id, today=today).events)

        self.ctx.tasks.run(job, self._show, owner=self)

    def _show(self, found: tuple[list[VersionSummary], tuple[AgreementEvent, ...]]) -> None:
        versions, events = found
        self._numbers = {v.version_id: v.version_no for v in versions}
        self.versions_model.set_rows(versions)
        self.events_model.set_rows(list(reversed(events)))
        for combo in (self.old, self.new):
            combo.clear()
            for v in versions:
                combo.addItem(str(v.version_no), v.version_no)
        if len(versions) > 1:
            self.old.setCurrentIndex(len(versions) - 2)
            self.new.setCurrentIndex(len(versions) - 1)
        self.versions.fit_columns()
        self.events.fit_columns(400)
        self.history_loaded.emit()
        if len(versions) > 1:
            self.compare()
        else:
            self.diff_info.setText(translate("AgreementHistory", "There is only one version so far."))

    def compare(self) -> None:
        old, new = self.old.currentData(), self.new.currentData()
        if old is None or new is None:
            return
        ws, agreement_id = self.ctx.ws, self.agreement_id
        self.ctx.tasks.run(lambda: service.diff_versions(ws, agreement_id, old, new),
                           lambda rows: self._show_diff(old, new, rows), owner=self)

    def _show_diff(self, old: int, new: int, rows: list[tuple[str, object, object]]) -> None:
        self.diff_model.set_rows([DiffRow(*r) for r in rows])
        self.diff.fit_columns(360)
        self.diff_info.setText(translate("AgreementHistory", "%n field(s) changed", None, len(rows))
                               if rows else translate("AgreementHistory", "No differences."))
        self.diff_shown.emit(len(rows))

