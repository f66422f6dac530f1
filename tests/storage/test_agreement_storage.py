"""The agreement lifecycle in storage: rules hold whatever calls storage, even raw SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from fieldapp.domain.agreement_examples import complete_example_content
from fieldapp.domain.agreement_rules import AgreementStatus
from fieldapp.domain.messages import DomainError, ValidationFailed
from fieldapp.domain.records import Participant
from fieldapp.services import records
from fieldapp.storage import agreements as store


def _setup(workspace):
    p = records.save(workspace, Participant(first_name="Kari", last_name="Ødegård"))
    content = complete_example_content()
    with workspace.folder.write() as s:
        agreement, version = store.create(s, device_id=workspace.device_id, participant_id=p.id, content=content)
    return agreement, version, content


def _sign_all(workspace, version_id: str) -> None:
    with workspace.folder.write() as s:
        for role in ("employee", "employer", "nav", "job_specialist"):
            store.sign(s, version_id, role=role, name=role, method="paper", confirmation_text="Lest og godtatt.",
                       device_id=workspace.device_id)


def test_lifecycle_draft_to_active_with_events(workspace) -> None:
    agreement, version, content = _setup(workspace)
    with workspace.folder.read() as s:
        assert store.status(s, agreement.id) == AgreementStatus.DRAFT
    with workspace.folder.write() as s:
        frozen = store.freeze(s, version.id)
    assert frozen.content_hash and len(frozen.content_hash) == 64
    with workspace.folder.write() as s:
        store.sign(s, version.id, role="employee", name="Kari", method="drawn", confirmation_text="Lest.",
                   device_id=workspace.device_id)
        assert store.status(s, agreement.id) == AgreementStatus.PARTLY_SIGNED
        with pytest.raises(DomainError) as err:
            store.sign(s, version.id, role="job_specialist", name="JS", method="drawn", confirmation_text="Lest.",
                       device_id=workspace.device_id)
        assert err.value.code == "agreement.sign.job_specialist_last"
    with workspace.folder.write() as s:
        for role in ("employer", "nav", "job_specialist"):
            store.sign(s, version.id, role=role, name=role, method="paper", confirmation_text="Lest.",
                       device_id=workspace.device_id)
        during = content.duration.start + timedelta(days=1)
        assert store.status(s, agreement.id, today=during) == AgreementStatus.ACTIVE
        assert store.status(s, agreement.id, today=content.duration.start - timedelta(days=1)) == AgreementStatus.CONCLUDED
        kinds = [k for (k,) in s.connection().exec_driver_sql(
            "SELECT kind FROM agreement_event WHERE agreement_id = ? ORDER BY created_at, rowid", (agreement.id,))]
    assert kinds[:2] == ["created", "ready_for_signing"]
    assert kinds.count("signed") == 4 and kinds[-1] == "concluded"


def test_freeze_refused_while_required_fields_are_missing(workspace) -> None:
    agreement, version, content = _setup(workspace)
    with workspace.folder.write() as s:
        store.update_draft(s, version.id, replace(content, goals=()))
    with workspace.folder.write() as s, pytest.raises(ValidationFailed) as err:
        store.freeze(s, version.id)
    assert any(e.field.startswith("goals") for e in err.value.errors)


def test_signed_version_cannot_change_through_storage_or_sql(workspace) -> None:
    agreement, version, content = _setup(workspace)
    with workspace.folder.write() as s:
        store.freeze(s, version.id)
    _sign_all(workspace, version.id)
    with workspace.folder.write() as s, pytest.raises(DomainError):
        store.update_draft(s, version.id, replace(content, goals=()))
    with workspace.folder.write() as s, pytest.raises(DomainError):
        store.reopen(s, version.id)
    # Even raw SQL inside a proper capture context is refused by the database's own rule triggers.
    from fieldapp.storage.capture import close_capture, open_capture
    with pytest.raises(IntegrityError, match="cannot change"):
        with workspace.folder.write() as s:
            conn = s.connection()
            open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.device_id)
            conn.exec_driver_sql("UPDATE agreement_version SET content_json = '{}' WHERE id = ?", (version.id,))
            close_capture(conn)
    with pytest.raises(IntegrityError, match="only be revoked"):
        with workspace.folder.write() as s:
            conn = s.connection()
            open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.device_id)
            conn.exec_driver_sql("UPDATE signature SET name = 'Noen andre' WHERE version_id = ?", (version.id,))
            close_capture(conn)
    with workspace.folder.read() as s:
        assert store.latest_version(s, agreement.id).content == content


def test_change_after_conclusion_makes_a_new_version_and_keeps_the_signed_one(workspace) -> None:
    agreement, version, content = _setup(workspace)
    with workspace.folder.write() as s:
        store.freeze(s, version.id)
    _sign_all(workspace, version.id)
    longer = replace(content, duration=replace(content.duration, end=content.duration.end + timedelta(days=90),
                                               may_extend=True))
    with workspace.folder.write() as s:
        v2 = store.new_version(s, agreement.id, longer)
    assert v2.version_no == 2 and "extend" in v2.change_types
    with workspace.folder.read() as s:
        assert len(store.signatures(s, version.id)) == 4
        assert store.latest_version(s, agreement.id).id == v2.id
    shorter = replace(content, duration=replace(content.duration, end=content.duration.end - timedelta(days=30)))
    with workspace.folder.write() as s:
        store.freeze(s, v2.id)
    _sign_all(workspace, v2.id)
    with workspace.folder.write() as s, pytest.raises(DomainError) as err:
        store.new_version(s, agreement.id, shorter)
    assert err.value.code == "agreement.shorten.reason"


def test_revoking_signatures_allows_reopening_and_is_logged(workspace) -> None:
    agreement, version, content = _setup(workspace)
    with workspace.folder.write() as s:
        store.freeze(s, version.id)
        store.sign(s, version.id, role="employee", name="Kari", method="paper", confirmation_text="Lest.",
                   device_id=workspace.device_id)
    with workspace.folder.write() as s:
        assert store.revoke_signatures(s, version.id, reason="Feil i arbeidstiden") == 1
        reopened = store.reopen(s, version.id)
    assert reopened.frozen_at is None
    with workspace.folder.write() as s:
        new_goal = replace(content.goals[0], description="Jobbe 60 % innen juni")
        store.update_draft(s, version.id, replace(content, goals=(new_goal,) + content.goals[1:]))
    with workspace.folder.read() as s:
        kinds = [k for (k,) in s.connection().exec_driver_sql(
            "SELECT kind FROM agreement_event WHERE agreement_id = ?", (agreement.id,))]
    assert "signatures_revoked" in kinds and "reopened" in kinds and "changed" in kinds


def test_annul_needs_reason(workspace) -> None:
    agreement, _, _ = _setup(workspace)
    with workspace.folder.write() as s, pytest.raises(DomainError):
        store.annul(s, agreement.id, reason="  ")
    with workspace.folder.write() as s:
        store.annul(s, agreement.id, reason="Registrert ved en feil")
        assert store.status(s, agreement.id) == AgreementStatus.ANNULLED
