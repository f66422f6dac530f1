"""The agreement editor's services: prefill from master data, drafts, lifecycle steps, versions and diff."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.services import agreement_documents as docs
from fieldapp.services import agreement_editing as editing
from tests.support.visit_data import participant_in_job

TODAY = date(2026, 11, 23)


def _complete(ws, participant_id):
    base = complete_example_content()
    start, end = date(2027, 1, 4), date(2027, 6, 30)
    content = replace(base, duration=replace(base.duration, start=start, end=end, extension_consider_by=date(2027, 6, 1),
                                             evaluation_date=date(2027, 3, 1)),
                      follow_ups=tuple(replace(f, from_date=start, to_date=end) for f in base.follow_ups),
                      accommodations=tuple(replace(a, from_date=start, to_date=end) for a in base.accommodations),
                      job=replace(base.job, start=start))
    agreement_id = editing.create(ws, participant_id, editing.prefill(ws, participant_id))
    data = editing.load(ws, agreement_id, today=TODAY)
    editing.save_draft(ws, data.version.id, content)
    return agreement_id, data.version.id


def _sign_all(ws, version_id):
    for role in ("employee", "employer", "nav", "job_specialist"):
        result = docs.sign(ws, version_id, role=role, name=role, method="paper", confirmation_text="Lest.")
    return result


def test_prefill_takes_participant_placement_employer_and_nav_contact(workspace):
    participant, placement, contact = participant_in_job(workspace, job_start=date(2026, 12, 1))
    content = editing.prefill(workspace, participant.id)
    assert content.parties.participant.name == "Åse Brøndbo"
    assert content.parties.employer.name == "Solbakken Bakeri AS"
    assert content.parties.employer_contact.name == "Ola Bergstrøm"
    assert content.parties.nav_contact is not None and content.parties.nav_contact.name == "Per Ødegård"
    assert content.job.title == "Bakerassistent" and content.job.start == date(2026, 12, 1)
    assert content.duration.start == date(2026, 12, 1)
    assert {r.party_role for r in content.responsibilities} >= {"employee", "employer"}
    agreement_id = editing.create(workspace, participant.id, content)
    data = editing.load(workspace, agreement_id, today=TODAY)
    assert data.status == "draft" and data.editable and data.missing
    assert data.agreement.placement_id == placement.id
    assert [e.kind for e in data.events] == ["created"]


def test_lifecycle_freeze_sign_new_version_and_diff(workspace):
    participant, _, _ = participant_in_job(workspace, job_start=date(2026, 12, 1))
    agreement_id, version_id = _complete(workspace, participant.id)
    assert editing.load(workspace, agreement_id, today=TODAY).missing == ()
    editing.freeze(workspace, version_id)
    with pytest.raises(DomainError):
        editing.save_draft(workspace, version_id, complete_example_content())
    result = _sign_all(workspace, version_id)
    assert result.status == "concluded" and result.sealed is not None
    with pytest.raises(ValidationFailed) as caught:
        editing.new_version(workspace, agreement_id, change_type="shorten", new_end=date(2027, 5, 31))
    assert caught.value.fields == ("reason",)
    new = editing.new_version(workspace, agreement_id, change_type="extend", new_end=date(2027, 12, 31))
    assert "extend" in new.change_types and new.version_no == 2
    data = editing.load(workspace, agreement_id, today=TODAY)
    assert data.version.version_no == 2 and data.status == "draft" and data.awaiting_resigning
    assert data.valid_signed_version_no == 1 and data.valid_signed_status == "concluded"
    goals = data.version.content.goals + (replace(data.version.content.goals[0], description="Nytt mål"),)
    editing.save_draft(workspace, new.id, replace(data.version.content, goals=goals))
    history = editing.history(workspace, agreement_id, today=TODAY)
    assert [(v.version_no, v.status) for v in history] == [(1, "concluded"), (2, "draft")]
    assert set(history[1].change_types) >= {"extend", "change_goals"}
    changed = dict((p, (o, n)) for p, o, n in editing.diff_versions(workspace, agreement_id, 1, 2))
    assert changed["duration.end"] == (date(2027, 6, 30), date(2027, 12, 31))
    assert "goals[2]" in changed


def test_revoke_is_logged_and_annul_needs_reason(workspace):
    participant, _, _ = participant_in_job(workspace, job_start=date(2026, 12, 1))
    agreement_id, version_id = _complete(workspace, participant.id)
    editing.freeze(workspace, version_id)
    docs.sign(workspace, version_id, role="employee", name="Åse", method="paper", confirmation_text="Lest.")
    with pytest.raises(DomainError):
        editing.reopen(workspace, version_id)
    assert editing.revoke(workspace, version_id, reason="Feil i arbeidstid") == 1
    editing.reopen(workspace, version_id)
    data = editing.load(workspace, agreement_id, today=TODAY)
    assert data.editable
    revoked = [e for e in data.events if e.kind == "signatures_revoked"]
    assert len(revoked) == 1 and "Feil i arbeidstid" in (revoked[0].details or "")
    with pytest.raises(DomainError):
        editing.annul(workspace, agreement_id, reason="  ")
    editing.annul(workspace, agreement_id, reason="Registrert ved en feil")
    assert editing.load(workspace, agreement_id, today=TODAY).status == "annulled"


def test_too_long_text_is_refused_with_its_field_and_nothing_saved(workspace):
    participant, _, _ = participant_in_job(workspace, job_start=date(2026, 12, 1))
    agreement_id = editing.create(workspace, participant.id, editing.prefill(workspace, participant.id))
    data = editing.load(workspace, agreement_id, today=TODAY)
    long = replace(data.version.content, job=replace(data.version.content.job, tasks="x" * 1001))
    with pytest.raises(ValidationFailed) as caught:
        editing.save_draft(workspace, data.version.id, long)
    assert caught.value.fields == ("job.tasks",)
    assert editing.load(workspace, agreement_id, today=TODAY).version.content == data.version.content


def test_read_scan_accepts_pdf_png_jpeg_only(tmp_path):
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 10)
    (tmp_path / "a.txt").write_bytes(b"hello")
    assert editing.read_scan(tmp_path / "a.png")[1] == "image/png"
    with pytest.raises(DomainError):
        editing.read_scan(tmp_path / "a.txt")
