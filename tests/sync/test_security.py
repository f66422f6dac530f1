"""What a hostile or broken server can do: tamper, swap key ids, replay, move batches; revocation and rotation."""

from __future__ import annotations

import dataclasses
import os

import pytest
from sqlalchemy import insert, select, update

from fieldapp.domain.records import Participant
from fieldapp.server import store
from fieldapp.server.db import batches, devices, key_envelopes, teams
from fieldapp.services import records
from fieldapp.storage import outbox_cut, sync_state
from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, identity, keys
from tests.sync.conftest import Device


def _batch_rows(server):
    with server.engine.connect() as conn:
        return conn.execute(select(batches).order_by(batches.c.cursor)).all()


def _new(dev: Device, last: str) -> str:
    p = records.save(dev.ws, Participant(first_name="Test", last_name=last))
    dev.sync()
    return p.id


def test_tampered_and_relabelled_batches_are_quarantined_and_do_not_block(team) -> None:
    server, team_id, (a, b, c) = team
    ids = [_new(a, name) for name in ("Tuklet", "Feilnøkkel", "Gyldig")]
    rows = _batch_rows(server)
    assert len(rows) == 3
    with server.engine.begin() as conn:
        blob = bytearray(rows[0].blob)
        blob[30] ^= 1
        conn.execute(update(batches).where(batches.c.cursor == rows[0].cursor).values(blob=bytes(blob)))
        conn.execute(update(batches).where(batches.c.cursor == rows[1].cursor).values(key_id="f" * 16))
    report = b.sync()
    assert report.quarantined == 2, report.quarantine_reasons
    # The signature covers key id and ciphertext, so both are caught before decryption is even tried.
    assert all("signature does not verify" in r for r in report.quarantine_reasons)
    assert report.pulled_batches == 1
    assert records.get(b.ws, Participant, ids[2]) is not None  # the good batch behind the bad ones was applied
    assert all(records.get(b.ws, Participant, i) is None for i in ids[:2])
    kept = sync_state.quarantined(b.ws.folder)
    assert len(kept) == 2 and all(q.blob for q in kept)  # kept with the ciphertext, to show and export


def test_a_batch_moved_to_another_number_is_a_gap_and_nothing_after_it_is_taken_in(team) -> None:
    server, team_id, (a, b, c) = team
    first = _new(a, "Først")
    moved = _new(a, "Flyttet")
    with server.engine.begin() as conn:
        # The server claims batch 2 is batch 99: batch 2 is now missing before it.
        conn.execute(update(batches).where(batches.c.cursor == _batch_rows(server)[-1].cursor).values(seq=99))
    report = b.client.sync()
    assert report.state == "error" and report.error.kind == "gap"
    assert "Batch 2 of device " + a.id in report.error.text("en")
    assert records.get(b.ws, Participant, first) is not None
    assert records.get(b.ws, Participant, moved) is None
    assert b.client.sync().error.code == "sync.batch_gap"  # type: ignore[union-attr]  # retried, still reported


def test_a_batch_applied_twice_is_recognised_as_a_replay(team) -> None:
    server, team_id, (a, b, c) = team
    _new(a, "Én gang")
    b.sync()
    row = _batch_rows(server)[0]
    with server.engine.begin() as conn:
        nxt = conn.execute(select(teams.c.next_cursor).where(teams.c.id == team_id)).scalar_one()
        # The server serves the same (device, seq, bytes) again later, as if it were new.
        conn.execute(batches.delete().where(batches.c.cursor == row.cursor))
        conn.execute(insert(batches).values({**row._mapping, "cursor": nxt}))
        conn.execute(update(teams).values(next_cursor=nxt + 1))
    report = b.sync()
    assert report.quarantined == 1 and "replayed" in report.quarantine_reasons[0]


def test_revoked_device_gets_401_and_cannot_read_batches_after_the_rotation(team) -> None:
    server, team_id, (a, b, c) = team
    _new(a, "Før")
    c.sync()
    old_bundle = keys.bundle(c.id)
    c_private = keys.device_private_key(c.id)  # what a stolen laptop's keyring would give up
    assert old_bundle is not None and c_private is not None
    store.revoke_device(server.engine, c.id)
    report = c.client.sync()
    assert report.state == "error" and report.error.kind == "auth"
    rotated = b.sync()
    assert rotated.rotated_key
    secret = records.save(b.ws, Participant(first_name="Etter", last_name="Rotasjonen"))
    b.sync()
    a.sync()
    assert records.get(a.ws, Participant, secret.id) is not None  # the remaining devices got the new key
    new_bundle = keys.bundle(b.id)
    assert new_bundle is not None and new_bundle.current != old_bundle.current
    assert old_bundle.current in new_bundle.keys  # old keys stay, to read old batches
    last = _batch_rows(server)[-1]
    assert last.key_id == new_bundle.current and last.key_id not in old_bundle.keys
    # Even holding the old keys and the ciphertext, the revoked device cannot read what came after.
    ciphertext, _ = crypto.split_batch(last.blob)
    where = dict(team_id=team_id, device_id=last.device_id, seq=last.seq, key_id=last.key_id)
    assert crypto.decrypt_batch(new_bundle.keys[last.key_id], ciphertext, **where)  # the check can succeed
    for key in old_bundle.keys.values():
        with pytest.raises(crypto.CryptoError):
            crypto.decrypt_batch(key, ciphertext, **where)
    # Nor does its own device key open any key envelope made after its removal, whoever it is addressed to.
    with server.engine.connect() as conn:
        later = conn.execute(select(key_envelopes).where(key_envelopes.c.team_id == team_id,
                                                         key_envelopes.c.key_epoch > old_bundle.epoch)).all()
    assert later and c.id not in {env.recipient for env in later}
    b_private = keys.device_private_key(b.id)
    assert b_private is not None and any(  # the check can succeed: a remaining member opens its own
        bundles.open_bundle(env.blob, b_private, team_id=team_id, recipient=b.id, key_epoch=env.key_epoch)
        for env in later if env.recipient == b.id)
    for env in later:
        for recipient in (env.recipient, c.id):
            with pytest.raises(crypto.CryptoError):
                crypto.unwrap(env.blob, c_private, context=crypto.wrap_context(
                    team_id=team_id, recipient=recipient, key_epoch=env.key_epoch))


def test_recovery_key_restores_access_when_every_device_is_lost(server, make_device) -> None:
    team_id = server.team()
    a = make_device("a")
    enrolled = a.client.enroll(server.url, server.code(team_id), name="a")
    p = records.save(a.ws, Participant(first_name="Gjenopprett", last_name="Meg"))
    a.sync()
    store.revoke_device(server.engine, a.id)  # the laptop is lost
    fresh = make_device("fresh")
    wrong = crypto.recovery_text(crypto.new_device_keypair()[0])
    try:
        fresh.client.enroll(server.url, server.code(team_id), name="fresh", recovery_key=wrong)
    except Exception as exc:  # noqa: BLE001 - any failure is the finding here, reported by the test
        assert "recovery" in str(exc.text("en")).lower()
    else:
        raise AssertionError("a wrong recovery key was accepted")
    new = make_device("new")
    out = new.client.enroll(server.url, server.code(team_id), name="new", recovery_key=enrolled.recovery_key)
    assert out.status == "active"
    report = new.sync()
    assert report.rotated_key  # the revocation of the lost laptop rotates the key
    assert records.get(new.ws, Participant, p.id) is not None


def test_approval_needs_the_right_fingerprint(server, make_device) -> None:
    team_id = server.team()
    a, b = make_device("a"), make_device("b")
    a.client.enroll(server.url, server.code(team_id), name="a")
    out = b.client.enroll(server.url, server.code(team_id), name="b")
    assert out.status == "pending"
    pending_report = b.client.sync()
    assert pending_report.state == "error" and pending_report.error.kind == "pending"
    assert out.fingerprint in pending_report.error.text("en")
    [shown] = a.client.pending_devices()
    assert shown.fingerprint == out.fingerprint  # both screens show the same
    try:
        a.client.approve(b.id, "AAAA-BBBB-CCCC")
    except Exception as exc:  # noqa: BLE001 - any failure is the finding here, reported by the test
        assert exc.code == "sync.fingerprint_mismatch"
    else:
        raise AssertionError("approved with a wrong fingerprint")
    team_key = a.client.approve(b.id, out.fingerprint.lower().replace("-", " "))
    p = records.save(a.ws, Participant(first_name="Del", last_name="Meg"))
    a.sync()
    assert b.sync().team_key_fingerprint == team_key  # the new device can check the key came from a member
    assert b.sync().team_key_fingerprint is None
    assert records.get(b.ws, Participant, p.id) is not None
    assert dataclasses.asdict(records.get(b.ws, Participant, p.id)) == dataclasses.asdict(p)


def test_batches_sealed_before_a_rotation_are_resealed_with_the_new_key(team) -> None:
    server, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Forseglet", last_name="Før bytte"))
    account = sync_state.get_account(a.ws.folder)
    old = keys.bundle(a.id)
    assert outbox_cut.fill_outbox(a.ws.folder, a.client._encrypt(account, old)) == 1  # noqa: SLF001 - sealed, not sent
    store.revoke_device(server.engine, c.id)
    assert b.sync().rotated_key
    report = a.sync()  # the server refuses the old key (409 stale_key); a re-seals and pushes
    assert report.ok and report.pushed_batches == 1
    assert _batch_rows(server)[-1].key_id == keys.bundle(b.id).current != old.current
    b.sync()
    assert records.get(b.ws, Participant, p.id) is not None


def _sealed_not_sent(dev: Device, last: str) -> str:
    p = records.save(dev.ws, Participant(first_name="Forseglet", last_name=last))
    account = sync_state.get_account(dev.ws.folder)
    assert outbox_cut.fill_outbox(dev.ws.folder, dev.client._encrypt(account, keys.bundle(dev.id))) == 1  # noqa: SLF001 - sealed, not sent
    return p.id


def _damage_outbox(dev: Device, at: int) -> None:
    """One bit of the outbox's sealed batch changed, as a bug or a failing disk would (at -1: its signature)."""
    with dev.ws.folder.write() as session:
        conn = session.connection()
        seq, blob = conn.exec_driver_sql("SELECT seq, blob FROM sync_outbox").one()
        damaged = bytearray(blob)
        damaged[at] ^= 1
        conn.exec_driver_sql("UPDATE sync_outbox SET blob = ? WHERE seq = ?", (bytes(damaged), seq))


def test_a_batch_whose_signature_the_server_refuses_is_signed_again_not_lost(team) -> None:
    server, team_id, (a, b, c) = team
    pid = _sealed_not_sent(a, "Signatur")
    _damage_outbox(a, -1)
    before = len(_batch_rows(server))
    report = a.sync()  # refused (409 batch_bad_signature); a seals it again from the plaintext and pushes
    assert report.pushed_batches == 1 and len(_batch_rows(server)) == before + 1
    assert sync_state.pending_count(a.ws.folder) == (0, 0)
    assert b.sync().quarantined == 0
    assert records.get(b.ws, Participant, pid) is not None


@pytest.mark.parametrize("case", ["ciphertext", "server_key"])
def test_a_batch_the_server_will_not_take_stays_in_the_outbox_with_a_message(team, case: str) -> None:
    """Before the server checked signatures it stored such a batch and acknowledged it: the device deleted it and
    every other device refused it, so its changes were lost for good."""
    server, team_id, (a, b, c) = team
    _sealed_not_sent(a, "Blir her")
    if case == "ciphertext":
        _damage_outbox(a, 20)  # cannot be opened, so cannot be signed again
    else:  # the server holds another signing key for a (its database changed): signing again does not help
        other = identity.join_device_keys(os.urandom(32), identity.identity_public(identity.new_identity()))
        with server.engine.begin() as conn:
            conn.execute(update(devices).where(devices.c.id == a.id).values(public_key=other))
    before = len(_batch_rows(server))
    report = a.client.sync()
    assert report.state == "error" and report.error is not None
    expected = {"ciphertext": "sync.outbox_unreadable", "server_key": "sync.batch_bad_signature"}[case]
    assert report.error.code == expected and "Nothing was deleted" in report.error.text("en")
    assert "Ingenting er slettet" in report.error.text("nb")
    assert len(_batch_rows(server)) == before
    assert sync_state.pending_count(a.ws.folder)[1] == 1  # still waiting, not deleted


def test_a_server_that_always_says_the_key_changed_gets_a_message_not_a_thousand_reseals(
        team, monkeypatch: pytest.MonkeyPatch) -> None:
    server, team_id, (a, b, c) = team
    _sealed_not_sent(a, "Nøkkelløkke")
    from fieldapp.server import batch_store
    from fieldapp.server import errors as server_errors
    from fieldapp.storage import sync_state as state

    def always_stale(engine: object, caller: object, items: object) -> tuple[list[object], object]:
        return [], server_errors.conflict("stale_key", "the team's data key has changed", seq=1,
                                          current_key_id=keys.bundle(a.id).current)

    reseals: list[int] = []
    real = state.reencrypt_unpushed
    monkeypatch.setattr(batch_store, "push", always_stale)
    monkeypatch.setattr(state, "reencrypt_unpushed", lambda *args: reseals.append(1) or real(*args))
    report = a.client.sync()
    assert report.state == "error" and report.error is not None
    assert report.error.code == "sync.stale_key_loop" and "Nothing was deleted" in report.error.text("en")
    assert len(reseals) == 3
    assert sync_state.pending_count(a.ws.folder)[1] == 1


def test_a_device_the_server_slips_in_never_gets_the_team_key(team) -> None:
    import os
    import uuid
    from datetime import UTC, datetime

    from fieldapp.server.db import devices, key_envelopes

    server, team_id, (a, b, c) = team
    fake = str(uuid.uuid4())
    with server.engine.begin() as conn:  # a hostile server: an "active" device nobody approved, and a rotation
        conn.execute(insert(devices).values(id=fake, team_id=team_id, name="innbrudd", public_key=os.urandom(32),
                                            token_hash="f" * 64, status="active", created_at=datetime.now(UTC)))
        conn.execute(update(teams).values(rotation_needed=True))
    report = b.client.sync()
    assert report.state == "error" and report.error.code == "sync.unknown_member", report.error
    with server.engine.connect() as conn:
        assert conn.execute(select(key_envelopes).where(key_envelopes.c.recipient == fake)).first() is None
    records.save(a.ws, Participant(first_name="Fortsatt", last_name="Hemmelig"))
    assert a.client.sync().error.code == "sync.unknown_member"
    # Members' changes stay on the devices until the stranger is gone; then sync resumes.
    with server.engine.begin() as conn:
        conn.execute(update(devices).where(devices.c.id == fake).values(status="revoked"))
    assert a.sync().rotated_key
    b.sync()
    assert len(rows_of(b)) == len(rows_of(a))


def rows_of(dev: Device) -> list[object]:
    with dev.ws.folder.read() as s:
        return s.connection().exec_driver_sql("SELECT id FROM participant").all()


def test_an_epoch_signed_with_the_recovery_key_is_taken_by_the_remaining_members(server, make_device) -> None:
    from fieldapp.sync.bundle import RECOVERY_SIGNER

    team_id = server.team()
    a, b = make_device("a"), make_device("b")
    enrolled = a.client.enroll(server.url, server.code(team_id), name="a")
    out = b.client.enroll(server.url, server.code(team_id), name="b")
    a.client.approve(b.id, out.fingerprint)
    _new(a, "Før tapet")
    b.sync()
    store.revoke_device(server.engine, a.id)  # a is lost; b stays
    new = make_device("new")
    assert new.client.enroll(server.url, server.code(team_id), name="new",
                             recovery_key=enrolled.recovery_key).status == "active"
    joined = keys.bundle(new.id)
    assert joined is not None and joined.signer == RECOVERY_SIGNER
    b.sync()  # b checks the recovery signature against the recovery signing key fixed in its bundle
    assert keys.bundle(b.id).epoch >= joined.epoch
    p = records.save(new.ws, Participant(first_name="Etter", last_name="Gjenoppretting"))
    new.sync()
    b.sync()
    assert records.get(b.ws, Participant, p.id) is not None
