"""Opening agreement editors: one window per agreement, and creating a new agreement for a participant."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldapp.domain.messages import DomainError
from fieldapp.services import access_log
from fieldapp.services import agreement_editing as service
from fieldapp.ui.context import AppContext
from fieldapp.ui.i18n import current_language

_open: dict[str, QWidget] = {}


def open_agreement(ctx: AppContext, agreement_id: str, parent: QWidget) -> QWidget:
    """Show the agreement's editor (raising the one already open)."""
    from fieldapp.ui.agreements.editor import AgreementEditor

    editor = _open.get(agreement_id)
    if editor is not None:
        editor.raise_()
        editor.activateWindow()
        return editor
    editor = AgreementEditor(ctx, agreement_id, parent=parent.window())
    _open[agreement_id] = editor
    ws = ctx.ws
    ctx.tasks.run(lambda: access_log.record_agreement(ws, agreement_id), owner=editor)
    editor.destroyed.connect(lambda *_: _open.pop(agreement_id, None))
    editor.show()
    return editor


def new_agreement(ctx: AppContext, participant_id: str, parent: QWidget, on_open=None,
                  on_error=None) -> None:
    """Create a draft agreement prefilled from the participant's master data, then open it."""
    ws, lang = ctx.ws, current_language()

    def job() -> str:
        return service.create(ws, participant_id, service.prefill(ws, participant_id, lang=lang))

    def done(agreement_id: str) -> None:
        editor = open_agreement(ctx, agreement_id, parent)
        if on_open is not None:
            on_open(editor)

    def failed(exc: BaseException) -> None:
        if on_error is not None and isinstance(exc, DomainError):
            on_error(exc)
        else:
            raise exc

    ctx.tasks.run(job, done, on_error=failed, owner=parent)
