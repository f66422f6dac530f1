"""Before an employer-facing document is printed or saved: refuse sensitive goals without consent, and warn when
the participant's consent to share with the employer is missing or withdrawn."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from fieldapp.services.privacy import EmployerCopyCheck, check_employer_copy
from fieldapp.ui.i18n import message, translate

if TYPE_CHECKING:  # the preview imports this module
    from fieldapp.ui.agreements.preview import PreviewWindow


def consent_gate(window: PreviewWindow, proceed: Callable[[], None]) -> None:
    """Check the consents of `window`'s agreement (it has ctx, agreement_id and version_no), then call `proceed`
    at once, after the user chose to go on past a warning, or not at all. The box is kept as `window.consent_box`."""
    ctx, agreement_id, version_no = window.ctx, window.agreement_id, window.version_no
    ws = ctx.ws
    ctx.tasks.run(lambda: check_employer_copy(ws, agreement_id, version_no=version_no),
                  lambda check: _decide(window, check, proceed), owner=window)


def _decide(window: PreviewWindow, check: EmployerCopyCheck, proceed: Callable[[], None]) -> None:
    if check.blocking:
        box = QMessageBox(QMessageBox.Icon.Critical, translate("ConsentWarning", "The employer's copy cannot be made"),
                          "\n\n".join(message(e.message) for e in check.blocking), QMessageBox.StandardButton.Ok, window)
        box.setObjectName("consent_blocked")
        window.consent_box = box  # kept on the preview for its tests, not declared there
        box.open()
        return
    if check.warning is None:
        proceed()
        return
    box = QMessageBox(QMessageBox.Icon.Warning, translate("ConsentWarning", "Consent to share with the employer"),
                      message(check.warning), QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("consent_warning")
    go_on = box.addButton(translate("ConsentWarning", "&Continue anyway"), QMessageBox.ButtonRole.AcceptRole)
    go_on.setObjectName("consent_continue")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.accepted.connect(proceed)
    window.consent_box = box  # kept on the preview for its tests, not declared there
    box.open()
