"""Before the employer's copy is printed or saved: a warning when consent to share with the employer is missing
or withdrawn (the user may go on), and a refusal for sensitive goals without consent."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.records import Consent
from fieldapp.services import access_log
from fieldapp.services import participants as ps
from fieldapp.ui.agreements.preview import PreviewWindow
from tests.ui.agreement_helpers import concluded_agreement


def _preview(qtbot, ctx, agreement_id: str) -> PreviewWindow:
    window = PreviewWindow(ctx, agreement_id, 1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.print_button.isEnabled(), timeout=20_000)
    return window


def _participant_of(ctx, agreement_id: str) -> str:
    from fieldapp.services.privacy import check_employer_copy

    return check_employer_copy(ctx.ws, agreement_id).participant_id


def test_missing_consent_warns_before_saving_and_the_user_may_go_on(qtbot, ctx, monkeypatch) -> None:
    agreement_id, _ = concluded_agreement(ctx.ws)
    window = _preview(qtbot, ctx, agreement_id)
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_save", lambda: asked.append(True))
    window.save_button.click()
    qtbot.waitUntil(lambda: getattr(window, "consent_box", None) is not None, timeout=5000)
    box = window.consent_box
    assert box.objectName() == "consent_warning" and "ikke registrert" in box.text()
    assert not asked
    box.findChild(object, "consent_continue").click()
    assert asked == [True]
    # Viewing the PDF was logged for the participant.
    assert "pdf" in [e.kind for e in access_log.entries_for(ctx.ws, _participant_of(ctx, agreement_id))]


def test_withdrawn_consent_warns_and_cancel_stops(qtbot, ctx, monkeypatch) -> None:
    agreement_id, _ = concluded_agreement(ctx.ws)
    participant_id = _participant_of(ctx, agreement_id)
    consent = ps.save_consent(ctx.ws, Consent(participant_id=participant_id, recipient="employer", scope="Tilrettelegging",
                                              given=True, decided_on=date(2026, 11, 1)))
    ps.withdraw_consent(ctx.ws, consent.id, on=date(2026, 11, 20))
    window = _preview(qtbot, ctx, agreement_id)
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_print", lambda: asked.append(True))
    window.print_button.click()
    qtbot.waitUntil(lambda: getattr(window, "consent_box", None) is not None, timeout=5000)
    assert "trukket tilbake" in window.consent_box.text()
    window.consent_box.button(QMessageBox.StandardButton.Cancel).click()
    assert not asked


def test_given_consent_goes_straight_on(qtbot, ctx, monkeypatch) -> None:
    agreement_id, _ = concluded_agreement(ctx.ws)
    ps.save_consent(ctx.ws, Consent(participant_id=_participant_of(ctx, agreement_id), recipient="employer",
                                    scope="Tilrettelegging", given=True, decided_on=date(2026, 11, 1)))
    window = _preview(qtbot, ctx, agreement_id)
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_save", lambda: asked.append(True))
    window.save_button.click()
    qtbot.waitUntil(lambda: asked == [True], timeout=5000)
    assert getattr(window, "consent_box", None) is None


def _health_goal_agreement(ws):
    from dataclasses import replace

    from fieldapp.domain.agreement_content import Goal
    from fieldapp.services import agreement_editing as editing
    from tests.support.visit_data import participant_in_job
    from tests.ui.agreement_helpers import START, complete_content

    participant, _, _ = participant_in_job(ws, job_start=START)
    base = complete_content()
    content = replace(base, goals=base.goals + (Goal("Helse og arbeid", "Få behandling og jobb til å gå sammen", ""),))
    agreement_id = editing.create(ws, participant.id, content)
    return participant, agreement_id


def test_editor_lists_a_sensitive_goal_without_consent_as_missing(qtbot, ctx) -> None:
    from fieldapp.ui.agreements.editor import AgreementEditor

    _, agreement_id = _health_goal_agreement(ctx.ws)
    editor = AgreementEditor(ctx, agreement_id)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.data is not None, timeout=10_000)
    codes = [e.message.code for e in editor.missing_now()]
    assert codes == ["goal.sensitive_without_consent"]


def test_sensitive_goal_whose_consent_was_withdrawn_blocks_the_employer_copy(qtbot, ctx, monkeypatch) -> None:
    from fieldapp.services import agreement_editing as editing

    participant, agreement_id = _health_goal_agreement(ctx.ws)
    consent = ps.save_consent(ctx.ws, Consent(participant_id=participant.id, recipient="employer",
                                              scope="Helse og behandling", given=True, decided_on=date(2026, 11, 1)))
    editing.freeze(ctx.ws, editing.load(ctx.ws, agreement_id).version.id)
    ps.withdraw_consent(ctx.ws, consent.id, on=date(2026, 11, 20))
    window = _preview(qtbot, ctx, agreement_id)
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_print", lambda: asked.append(True))
    window.print_button.click()
    qtbot.waitUntil(lambda: getattr(window, "consent_box", None) is not None, timeout=5000)
    assert window.consent_box.objectName() == "consent_blocked" and "Helse og arbeid" in window.consent_box.text()
    window.consent_box.button(QMessageBox.StandardButton.Ok).click()
    assert not asked
