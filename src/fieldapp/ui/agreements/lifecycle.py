"""The agreement's lifecycle actions: ready for signing, reopen, sign, revoke signatures, new version, annul.

Which actions show follows from the derived status; every step runs in the services (which enforce the
rules and log the event) on the worker thread. Dialogs are opened with `open()` so tests can fill them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from fieldapp.domain import agreement_rules as rules
from fieldapp.domain import agreement_vocab as av
from fieldapp.domain.messages import DomainError, FieldError, ValidationFailed
from fieldapp.services import agreement_editing as service
from fieldapp.services.agreement_editing import EditorData
from fieldapp.ui.agreements.signature_pad import SignatureDialog, SignRequest
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language, label, message, translate
from fieldapp.ui.widgets.dates import OptionalDateEdit
from fieldapp.ui.widgets.screen import fit_to_screen
from fieldapp.ui.widgets.theme import warning_style



class EditorHost(Protocol):
    """What the bar needs of the editor window it sits in (kept apart so the two modules do not import each other)."""

    data: EditorData | None

    def show_errors(self, errors: ValidationFailed | list[FieldError]) -> None: ...

    def save_before(self, then: Callable[[], None]) -> None: ...

S = rules.AgreementStatus
NEW_VERSION_TYPES = (rules.ChangeType.EXTEND, rules.ChangeType.SHORTEN, rules.ChangeType.CHANGE_GOALS,
                     rules.ChangeType.CHANGE_FOLLOW_UP, rules.ChangeType.CHANGE_ACCOMMODATIONS,
                     rules.ChangeType.CHANGE_JOB, rules.ChangeType.CHANGE_CONTACT_INFO)


class ReasonDialog(QDialog):
    """Asks for a reason (revoking signatures, annulling); `submitted(reason)` when OK is pressed."""

    submitted = Signal(str)

    def __init__(self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(prompt)
        self.error = QLabel()
        self.error.setObjectName("reason_error")
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reason_ok")
        buttons.accepted.connect(lambda: self.submitted.emit(self.reason.toPlainText().strip()))
        buttons.rejected.connect(self.reject)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(460, 240))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class NewVersionDialog(QDialog):
    """Choose what changes (extend, shorten with reason, goals …); extend/shorten take the new end date."""

    submitted = Signal(str, str, object)  # change type, reason, new end date or None

    def __init__(self, current_end: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_version_dialog")
        self.setWindowTitle(translate("AgreementLifecycle", "New version"))
        self.change_type = QComboBox()
        self.change_type.setObjectName("change_type")
        for code in NEW_VERSION_TYPES:
            self.change_type.addItem(self._type_text(code), code)
        self.new_end = OptionalDateEdit()
        self.new_end.set_value(current_end)
        self.new_end.setObjectName("new_end")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.error = QLabel()
        self.error.setObjectName("new_version_error")
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(translate("AgreementLifecycle", "What &changes"), self.change_type)
        self.end_label = QLabel(translate("AgreementLifecycle", "New &end date"))
        self.end_label.setBuddy(self.new_end)
        form.addRow(self.end_label, self.new_end)
        form.addRow(translate("AgreementLifecycle", "&Reason"), self.reason)
        note = QLabel(translate("AgreementLifecycle", "The new version is a draft and is not signed by the parties "
                                                      "until they sign it again. The signed version stays valid "
                                                      "until then."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(translate("AgreementLifecycle", "Make new version"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("new_version_ok")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.change_type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        fit_to_screen(self, QSize(500, 320))

    @staticmethod
    def _type_text(code: str) -> str:
        return {rules.ChangeType.EXTEND: translate("AgreementLifecycle", "Extend the agreement"),
                rules.ChangeType.SHORTEN: translate("AgreementLifecycle", "Shorten the agreement (give a reason)"),
                rules.ChangeType.CHANGE_GOALS: translate("AgreementLifecycle", "Change goals"),
                rules.ChangeType.CHANGE_FOLLOW_UP: translate("AgreementLifecycle", "Change follow-up"),
                rules.ChangeType.CHANGE_ACCOMMODATIONS: translate("AgreementLifecycle", "Change accommodations"),
                rules.ChangeType.CHANGE_JOB: translate("AgreementLifecycle", "Change the job"),
                rules.ChangeType.CHANGE_CONTACT_INFO: translate("AgreementLifecycle", "Change contact information"),
                }[code]

    def _type_changed(self) -> None:
        dated = self.change_type.currentData() in (rules.ChangeType.EXTEND, rules.ChangeType.SHORTEN)
        self.new_end.setVisible(dated)
        self.end_label.setVisible(dated)

    def _submit(self) -> None:
        code = self.change_type.currentData()
        end = self.new_end.value() if code in (rules.ChangeType.EXTEND, rules.ChangeType.SHORTEN) else None
        self.submitted.emit(code, self.reason.toPlainText().strip(), end)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class LifecycleBar(QWidget):
    """Buttons for the steps the version's status allows. `done(kind)` after a step succeeded."""

    done = Signal(str)

    def __init__(self, ctx: AppContext, editor: EditorHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor = editor
        self.setObjectName("lifecycle_bar")
        self.dialog: QDialog | None = None
        self.freeze_button = self._button(translate("AgreementLifecycle", "&Ready for signing"), "freeze_button",
                                          self.freeze, translate("AgreementLifecycle", "Lock the content for signing "
                                                                                      "(it is hashed and a PDF can be made)"))
        self.reopen_button = self._button(translate("AgreementLifecycle", "Re&open as draft"), "reopen_button",
                                          self.reopen)
        self.sign_button = self._button(translate("AgreementLifecycle", "&Sign …"), "sign_button", self.ask_sign)
        self.revoke_button = self._button(translate("AgreementLifecycle", "Revoke si&gnatures …"), "revoke_button",
                                          self.ask_revoke)
        self.new_version_button = self._button(translate("AgreementLifecycle", "&New version …"),
                                               "new_version_button", self.ask_new_version)
        self.annul_button = self._button(translate("AgreementLifecycle", "Annul …"), "annul_button", self.ask_annul)
        self.signers = QLabel()
        self.signers.setObjectName("signers_label")
        self.signers.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("lifecycle_error")
        self.error.setStyleSheet(warning_style())
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.freeze_button, self.reopen_button, self.sign_button, self.revoke_button,
                  self.new_version_button, self.annul_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.signers)
        layout.addWidget(self.error)

    def _button(self, text: str, name: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda *_: slot())
        return button

    @property
    def data(self) -> EditorData:
        assert self.editor.data is not None
        return self.editor.data

    def update_for(self, data: EditorData) -> None:
        self.error.hide()
        s, annulled = data.status, data.agreement.annulled_at is not None
        frozen, signed = data.version.frozen_at is not None, bool(data.signed_roles)
        latest = data.is_latest and not annulled
        self.freeze_button.setVisible(latest and s == S.DRAFT)
        self.reopen_button.setVisible(latest and frozen and not signed)
        self.sign_button.setVisible(latest and s in (S.READY_FOR_SIGNING, S.PARTLY_SIGNED))
        self.revoke_button.setVisible(latest and signed)
        self.new_version_button.setVisible(latest and frozen)
        self.annul_button.setVisible(not annulled)
        parts = []
        for role in data.required_signers:
            term = label(av.SIGNER_ROLES, role)
            sig = next((x for x in data.signatures if x.role == role and x.revoked_at is None), None)
            parts.append(f"{term}: " + (label(av.SIGNATURE_METHODS, sig.method).lower() + f" ({sig.name})" if sig
                                        else translate("AgreementLifecycle", "not signed")))
        self.signers.setText(translate("AgreementLifecycle", "Signatures – %1").replace("%1", "; ".join(parts))
                             if frozen else "")
        self.signers.setVisible(frozen)

    # --- running steps ----------------------------------------------------------------------------------
    def _run(self, kind: str, job: Callable[[], Any], on_error: Callable[[BaseException], None] | None = None,
             after: Callable[[Any], None] | None = None) -> None:
        def finished(result: Any) -> None:
            if after is not None:
                after(result)
            self.done.emit(kind)

        self.ctx.tasks.run(job, finished, on_error=on_error or self._show_error, owner=self)

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.editor.show_errors(exc)
        if isinstance(exc, (DomainError, ValidationFailed)):
            self.error.setText(message(exc) if isinstance(exc, DomainError)
                               else translate("AgreementLifecycle", "Something is missing or wrong: see the marked "
                                                                    "fields and the list on the right."))
            self.error.show()
            return
        raise exc

    def freeze(self) -> None:
        ws, version_id = self.ctx.ws, self.data.version.id
        self.editor.save_before(lambda: self._run("ready_for_signing", lambda: service.freeze(ws, version_id)))

    def reopen(self) -> None:
        ws, version_id = self.ctx.ws, self.data.version.id
        self._run("reopened", lambda: service.reopen(ws, version_id))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _dialog_error(self, dialog: Any) -> Callable[[BaseException], None]:
        def show(exc: BaseException) -> None:
            if isinstance(exc, (DomainError, ValidationFailed)):
                dialog.show_error(message(exc))
            else:
                raise exc
        return show

    def ask_revoke(self) -> None:
        dialog = ReasonDialog(translate("AgreementLifecycle", "Revoke signatures"),
                              translate("AgreementLifecycle", "Why are the signatures revoked? The reason is logged. "
                                                              "Afterwards the version can be reopened and changed, "
                                                              "and must be signed again."),
                              translate("AgreementLifecycle", "Revoke signatures"), self)
        ws, version_id = self.ctx.ws, self.data.version.id
        dialog.submitted.connect(lambda reason: self._run(
            "signatures_revoked", lambda: service.revoke(ws, version_id, reason=reason),
            on_error=self._dialog_error(dialog), after=lambda _: dialog.accept()))
        self._open(dialog)

    def ask_annul(self) -> None:
        dialog = ReasonDialog(translate("AgreementLifecycle", "Annul the agreement"),
                              translate("AgreementLifecycle", "Why is the agreement annulled (never happened, "
                                                              "registered by mistake …)? Nothing is deleted."),
                              translate("AgreementLifecycle", "Annul"), self)
        ws, agreement_id = self.ctx.ws, self.data.agreement.id
        dialog.submitted.connect(lambda reason: self._run(
            "annulled", lambda: service.annul(ws, agreement_id, reason=reason),
            on_error=self._dialog_error(dialog), after=lambda _: dialog.accept()))
        self._open(dialog)

    def ask_new_version(self) -> None:
        dialog = NewVersionDialog(self.data.version.content.duration.end, self)
        ws, agreement_id = self.ctx.ws, self.data.agreement.id
        dialog.submitted.connect(lambda kind, reason, end: self._run(
            "new_version", lambda: service.new_version(ws, agreement_id, change_type=kind, reason=reason, new_end=end),
            on_error=self._dialog_error(dialog), after=lambda _: dialog.accept()))
        self._open(dialog)

    def ask_sign(self) -> None:
        data = self.data
        pending = [r for r in data.required_signers if r not in data.signed_roles]
        dialog = SignatureDialog(data.version.content, pending, number=data.agreement.number,
                                 version_no=data.version.version_no, now=self.ctx.now(), parent=self)
        dialog.sign_requested.connect(lambda request: self._sign(dialog, request))
        self._open(dialog)

    def _sign(self, dialog: SignatureDialog, request: SignRequest) -> None:
        from fieldapp.services import agreement_documents as docs

        ws, version_id, lang = self.ctx.ws, self.data.version.id, current_language()

        def job() -> Any:
            scan, mime = service.read_scan(request.scan_path) if request.scan_path else (None, None)
            return docs.sign(ws, version_id, role=request.role, name=request.name, method=request.method,
                             confirmation_text=request.confirmation_text, strokes_json=request.strokes_json,
                             scan=scan, scan_mime=mime, on_behalf_reason=request.on_behalf_reason,
                             party_informed=request.party_informed, signed_at=request.signed_at, lang=lang)

        self._run("signed", job, on_error=self._dialog_error(dialog), after=lambda _: dialog.accept())
