"""The hostile-server harness, one attack per test: the attack fails, the device says so (state and message),
nothing is applied, and nothing the operator can decrypt holds a participant's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.cli.main import main
from fieldapp.domain.records import Participant
from fieldapp.server import store
from fieldapp.server.db import key_envelopes
from fieldapp.services import records
from fieldapp.storage import outbox_cut, sync_state
from fieldapp.sync import keys
from tests.sync.conftest import Device
from tests.sync.hostile import HostileServer

NAMES = ("Ingrid", "Hemmelighet", "Sigrun", "Skjult", "Falsk", "Borte", "Rekkefølge")


@pytest.fixture
def hostile(team, monkeypatch: pytest.MonkeyPatch) -> tuple[HostileServer, list[Device]]:
    server, team_id, devices = team
    return HostileServer(server, team_id, monkeypatch), devices


def _pushed(dev: Device, first: str, last: str) -> Participant:
    p = records.save(dev.ws, Participant(first_name=first, last_name=last))
    dev.sync()
    return p


def test_a_substituted_key_bundle_is_refused_and_nothing_is_sent_under_it(
        hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    evil, (a, b, c) = hostile
    for dev in (a, b, c):
        dev.sync()  # every device holds the team's verified keys
    before_attack = _pushed(a, "Ingrid", "Hemmelighet")
    forged = evil.substitute_bundle([a.id, b.id, c.id])
    records.save(b.ws, Participant(first_name="Sigrun", last_name="Skjult"))
    stored = len(evil.batch_rows())
    trusted = keys.bundle(b.id)
    report = b.client.sync()
    assert report.state == "error" and report.error is not None
    assert report.error.kind == "trust" and report.error.code == "sync.untrusted_bundle"
    assert "do not come from a member" in report.error.text("en")
    assert "kommer fra et medlem" in report.error.text("nb")
    assert records.get(b.ws, Participant, before_attack.id) is None  # nothing applied behind a refused bundle
    assert len(evil.batch_rows()) == stored  # nothing pushed under the server's key
    assert keys.bundle(b.id) == trusted and forged.current not in trusted.keys
    # The rotation flag does not make a wrap the older keys for the server's device either.
    assert a.client.sync().error.code == "sync.untrusted_bundle"
    with evil.engine.connect() as conn:
        recipients = {r.recipient for r in conn.execute(select(key_envelopes.c.recipient))}
    assert recipients <= {a.id, b.id, c.id, "recovery"}
    # `fieldapp sync` exits non-zero with the message.
    c.ws.close()
    monkeypatch.setenv("FIELDAPP_LANG", "en")
    assert main(["sync", "--data-dir", str(tmp_path / "c")]) == 2
    assert "do not come from a member" in capsys.readouterr().err
    evil.assert_blind(*NAMES)


def test_the_servers_own_device_in_the_member_list_never_gets_a_key(hostile) -> None:
    evil, (a, b, c) = hostile
    _pushed(a, "Ingrid", "Hemmelighet")
    intruder, _ = evil.new_device(name="innbrudd")
    from sqlalchemy import update

    from fieldapp.server.db import teams
    with evil.engine.begin() as conn:
        conn.execute(update(teams).values(rotation_needed=True))
    for dev in (a, b):
        report = dev.client.sync()
        assert report.state == "error" and report.error.code == "sync.unknown_member"
        assert intruder in report.error.text("en")
    with evil.engine.connect() as conn:
        assert conn.execute(select(key_envelopes).where(key_envelopes.c.recipient == intruder)).first() is None
    evil.assert_blind(*NAMES)


def test_a_forged_bundle_that_adds_the_servers_device_is_refused(hostile) -> None:
    evil, (a, b, c) = hostile
    b.sync()
    evil.substitute_bundle([b.id], with_own_device=True)
    report = b.client.sync()
    assert report.error is not None and report.error.code == "sync.untrusted_bundle"
    assert "not a member" in report.error.text("en")
    evil.assert_blind(*NAMES)


def test_a_batch_dropped_for_one_reader_is_reported_retried_and_never_skipped(hostile) -> None:
    evil, (a, b, c) = hostile
    people = [_pushed(a, "Borte", str(i)) for i in (1, 2, 3)]
    evil.hide_from(b.id, lambda wb: wb.device_id == a.id and wb.seq == 2)
    report = b.client.sync()
    assert report.state == "error" and report.error.kind == "gap"
    assert f"Batch 2 of device {a.id} is missing" in report.error.text("en")
    assert f"Endringspakke 2 fra enhet {a.id} mangler" in report.error.text("nb")
    assert records.get(b.ws, Participant, people[0].id) is not None
    assert all(records.get(b.ws, Participant, p.id) is None for p in people[1:])  # nothing after the gap
    c.sync()  # the other reader sees everything
    assert all(records.get(c.ws, Participant, p.id) is not None for p in people)
    again = b.client.sync()  # retried next run, still reported
    assert again.error is not None and again.error.kind == "gap"
    evil.behave()
    b.sync()
    assert all(records.get(b.ws, Participant, p.id) is not None for p in people)
    evil.assert_blind(*NAMES)


def test_a_replayed_old_batch_is_quarantined_and_changes_nothing(hostile) -> None:
    import dataclasses

    evil, (a, b, c) = hostile
    p = _pushed(a, "Ingrid", "Hemmelighet")
    records.save(a.ws, dataclasses.replace(p, notes="ny verdi"))
    a.sync()
    b.sync()
    evil.append_batch(evil.batch_rows()[0])  # the first version of the record, served again as new
    report = b.sync()
    assert report.quarantined == 1 and "replayed" in report.quarantine_reasons[0]
    assert records.get(b.ws, Participant, p.id).notes == "ny verdi"
    evil.assert_blind(*NAMES)


def test_reordered_batches_stop_at_the_gap_and_apply_nothing_out_of_order(hostile) -> None:
    evil, (a, b, c) = hostile
    people = [_pushed(a, "Rekkefølge", str(i)) for i in (1, 2, 3)]
    rows = evil.batch_rows()
    evil.swap(rows[1], rows[2])
    report = b.client.sync()
    assert report.state == "error" and report.error.kind == "gap"
    assert f"Batch 2 of device {a.id}" in report.error.text("en")
    assert records.get(b.ws, Participant, people[0].id) is not None
    assert all(records.get(b.ws, Participant, p.id) is None for p in people[1:])
    assert sync_state.quarantined(b.ws.folder) == []
    evil.assert_blind(*NAMES)


def test_a_batch_under_a_retired_key_is_refused(hostile) -> None:
    evil, (a, b, c) = hostile
    _pushed(a, "Ingrid", "Hemmelighet")
    c.sync()
    old = keys.bundle(c.id)
    account = sync_state.get_account(c.ws.folder)
    store.revoke_device(evil.engine, c.id)  # the laptop is lost, with its keys
    assert b.sync().rotated_key
    a.sync()
    # The thief seals a batch under the retired key, signed by the laptop's own identity; the server stores it.
    forged = records.save(c.ws, Participant(first_name="Falsk", last_name="Endring"))
    outbox_cut.fill_outbox(c.ws.folder, c.client._encrypt(account, old))  # noqa: SLF001 - the test reaches the private part it checks or replaces
    [sealed] = sync_state.unpushed(c.ws.folder)
    template = evil.batch_rows()[0]
    evil.append_batch(template, device_id=c.id, seq=sealed.seq, key_id=sealed.key_id, blob=sealed.blob,
                      size=len(sealed.blob))
    # The server also re-sends a's first batch, made under the retired key, as if it were new.
    evil.append_batch(template)
    for dev, expected in ((b, 2), (a, 1)):  # a ignores its own batch coming back
        report = dev.sync()
        assert report.quarantined == expected, report.quarantine_reasons
        reasons = " | ".join(report.quarantine_reasons)
        assert f"removed device {c.id} is past its last accepted batch 0" in reasons
        assert dev is a or "replayed" in reasons
        assert records.get(dev.ws, Participant, forged.id) is None
    evil.assert_blind(*NAMES)


def _seal_forged_copy(signed, dev: Device, *, claimant: str, endorse=None):
    """A re-rendered PDF of the agreement, sealed with a new key, stored on `dev` as a newer sealed copy that
    claims to be `claimant`'s; returns the sealed PDF."""
    from datetime import timedelta

    from fieldapp.documents import seal_key
    from fieldapp.documents.seal import seal_pdf
    from fieldapp.domain.agreement_records import SealedDocument
    from fieldapp.services import agreement_documents as docs
    from fieldapp.storage import agreement_documents as docs_store

    real = signed.result.sealed
    fresh = docs.render_pdf(dev.ws, signed.agreement_id, prefer_sealed=False)
    forged = seal_pdf(fresh.pdf, seal_key.generate(claimant, endorse=endorse), reason="forfalsket")
    with dev.ws.folder.write() as session:
        docs_store.add_sealed(session, SealedDocument(
            agreement_id=real.agreement_id, version_id=real.version_id, content_hash=real.content_hash,
            sha256=forged.sha256, pdf=forged.pdf, lang=real.lang, sealed_at=real.sealed_at + timedelta(days=1),
            device_id=claimant, signer_cert_sha256=forged_cert_sha256(forged.pdf)))
    return forged


@pytest.mark.parametrize("attack", ["in_another_devices_name", "with_another_devices_endorsement"])
def test_an_injected_sealed_copy_of_a_forged_pdf_is_refused(hostile, attack: str) -> None:
    from fieldapp.services import agreement_documents as docs
    from fieldapp.storage import agreement_documents as docs_store
    from fieldapp.sync import identity
    from tests.documents.helpers import signed_agreement

    evil, (a, b, c) = hostile
    signed = signed_agreement(a.ws)
    real = signed.result.sealed
    assert real is not None
    a.sync()
    for dev in (b, c):
        dev.sync()
        genuine = docs.verify_pdf(dev.ws, real.pdf)  # a genuine copy from a member is taken in and verifies
        assert genuine.ok and genuine.sealed_by_device == a.id and genuine.job_specialist, genuine.message
    # c turns bad (or its keys are in the operator's hands) and syncs a newer "sealed copy" of a forged PDF:
    # in a's name, or in its own name with a certificate whose endorsement claims to be a's.
    if attack == "in_another_devices_name":
        forged = _seal_forged_copy(signed, c, claimant=a.id)
        expected = f"it names device {a.id} but was sent by device {c.id}"
    else:
        stranger = identity.new_identity()
        forged = _seal_forged_copy(signed, c, claimant=c.id, endorse=lambda m: identity.sign(stranger, m))
        expected = f"endorsement is not by member device {c.id}"
    c.sync()
    for dev in (a, b):
        report = dev.sync()
        assert report.quarantined == 1 and expected in report.quarantine_reasons[0], report.quarantine_reasons
        assert not docs.verify_pdf(dev.ws, forged.pdf).ok
        still = docs.verify_pdf(dev.ws, real.pdf)
        assert still.ok and not still.superseded  # the real copy is not marked superseded
        with dev.ws.folder.read() as session:
            assert docs_store.sealed_by_sha256(session, forged.sha256) is None
    evil.assert_blind(*NAMES, "Kari Fjellheim")


def test_a_member_sealing_in_its_own_name_is_named_by_verify(hostile) -> None:
    from fieldapp.services import agreement_documents as docs
    from fieldapp.sync import identity
    from tests.documents.helpers import signed_agreement

    evil, (a, b, c) = hostile
    signed = signed_agreement(a.ws)
    a.sync()
    c.sync()
    own = keys.identity_private_key(c.id)
    assert own is not None
    forged = _seal_forged_copy(signed, c, claimant=c.id, endorse=lambda m: identity.sign(own, m))
    c.sync()
    assert b.sync().quarantined == 0  # a member may seal; it cannot hide that it did
    result = docs.verify_pdf(b.ws, forged.pdf)
    assert result.sealed_by_device == c.id and result.member_seal
    assert docs.verify_pdf(b.ws, signed.result.sealed.pdf).superseded


def forged_cert_sha256(pdf: bytes) -> str:
    from fieldapp.documents.seal import check_seal

    return check_seal(pdf).signer_cert_sha256


def test_a_bundle_forged_for_a_new_device_shows_another_team_key_fingerprint(server, make_device, monkeypatch) -> None:
    """A brand-new device has nothing to check its first bundle against: the two users comparing the team key
    fingerprint is what catches a server that hands it a bundle of its own."""
    from fieldapp.server.db import key_envelopes as envelopes_table

    team_id = server.team()
    a, b = make_device("a"), make_device("b")
    a.client.enroll(server.url, server.code(team_id), name="a")
    out = b.client.enroll(server.url, server.code(team_id), name="b")
    shown_on_approver = a.client.approve(b.id, out.fingerprint)
    evil = HostileServer(server, team_id, monkeypatch)
    epoch = evil.team_row().key_epoch
    with evil.engine.begin() as conn:  # the operator withholds the real envelope and puts its own in its place
        conn.execute(envelopes_table.delete().where(envelopes_table.c.recipient == b.id))
    evil.substitute_bundle([b.id], epoch=epoch)
    report = b.client.sync()
    assert report.team_key_fingerprint is not None and report.team_key_fingerprint != shown_on_approver
