"""Protocol and merge rules: versions, unknown fields, clocks far ahead, a server with another history,
signed agreement versions, and the crypto building blocks."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, update

from fieldapp.domain import hlc
from fieldapp.domain.records import Participant
from fieldapp.server.db import batches, teams
from fieldapp.services import records
from fieldapp.storage import integrity, merge, sync_state
from fieldapp.sync import crypto, transport
from tests.sync.test_end_to_end import rows


def _apply(ws, batch: merge.RemoteBatch) -> merge.PageResult:
    account = sync_state.get_account(ws.folder)
    if account is None:
        sync_state.save_account(ws.folder, server_url="http://x", team_id=str(uuid.uuid4()), team_name="t",
                                history_id=str(uuid.uuid4()))
        account = sync_state.get_account(ws.folder)
    return merge.apply_page(ws.folder, [batch], expected_cursor=account.cursor, next_cursor=account.cursor + 1)


def test_fields_and_records_this_release_does_not_know_are_kept(workspace) -> None:
    p = records.save(workspace, Participant(first_name="Ny", last_name="Versjon"))
    other = str(uuid.uuid4())
    stamp = workspace.folder.clock.now() + 10
    result = _apply(workspace, merge.RemoteBatch(1, other, 1, "0" * 16, b"", 0, (
        ("participant", p.id, "favourite_colour", "grønn", stamp),
        ("participant", p.id, "notes", "fra en nyere versjon", stamp),
        ("future_thing", str(uuid.uuid4()), "label", "ukjent", stamp),
    )))
    assert (result.batches, result.changes, result.quarantined) == (1, 3, 0)
    with workspace.folder.read() as s:
        conn = s.connection()
        kept = conn.exec_driver_sql("SELECT entity, field, value FROM foreign_change WHERE device_id = ?",
                                    (other,)).all()
        clock = conn.exec_driver_sql("SELECT fields FROM record_clock WHERE entity_id = ?", (p.id,)).scalar_one()
        assert integrity.check(conn).ok
    assert ("participant", "favourite_colour", "grønn") in kept and ("future_thing", "label", "ukjent") in kept
    assert f'"notes":[{stamp},"{other}"]' in clock  # the known field took the remote clock
    assert records.get(workspace, Participant, p.id).notes == "fra en nyere versjon"


def test_a_clock_far_ahead_is_quarantined_without_blocking(workspace) -> None:
    far = hlc.pack(hlc.unpack(workspace.folder.clock.now())[0] + 3 * 24 * 3600 * 1000, 0)
    other = str(uuid.uuid4())
    result = _apply(workspace, merge.RemoteBatch(1, other, 1, "0" * 16, b"x", 0, (
        ("participant", str(uuid.uuid4()), "notes", "fra framtiden", far),)))
    assert result.quarantined == 1 and "ahead" in result.quarantine_reasons[0]
    assert workspace.folder.clock.last < far
    assert sync_state.get_account(workspace.folder).cursor == 1


def test_a_signed_agreement_version_is_never_merged(workspace) -> None:
    from fieldapp.storage.capture import close_capture, open_capture

    # A frozen version written directly (the agreement services are another engineer's area).
    pid = records.save(workspace, Participant(first_name="Avtale", last_name="Part")).id
    aid, vid = str(uuid.uuid4()), str(uuid.uuid4())
    now = "2026-01-01T00:00:00.000000Z"
    with workspace.folder.write() as s:
        conn = s.connection()
        open_capture(conn, hlc=workspace.folder.clock.now(), device_id=workspace.device_id)
        common = (now, "x", now, "x")
        conn.exec_driver_sql(
            "INSERT INTO agreement (id, number, agreement_type, participant_id, created_at, created_by, updated_at,"
            " updated_by) VALUES (?, 'A-1', 'toa', ?, ?, ?, ?, ?)", (aid, pid, *common))
        conn.exec_driver_sql(
            "INSERT INTO agreement_version (id, agreement_id, version_no, content_json, change_types, frozen_at,"
            " content_hash, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, '{}', '[]', ?, 'h', ?, ?,"
            " ?, ?)", (vid, aid, now, *common))
        close_capture(conn)
    result = _apply(workspace, merge.RemoteBatch(1, str(uuid.uuid4()), 1, "0" * 16, b"", 0, (
        ("agreement_version", vid, "content_json", '{"endret": true}', workspace.folder.clock.now() + 5),)))
    assert result.quarantined == 0
    with workspace.folder.read() as s:
        assert s.connection().exec_driver_sql("SELECT content_json FROM agreement_version").scalar_one() == "{}"
        assert integrity.check(s.connection()).ok
    [c] = sync_state.conflicts(workspace.folder)
    assert (c.kind, c.field, c.local_value, c.remote_value) == ("signed_version", "content_json", "{}",
                                                                 '{"endret": true}')


def test_a_server_with_another_or_shorter_history_never_changes_local_data(team) -> None:
    server, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Behold", last_name="Meg"))
    a.sync()
    b.sync()
    before_a, before_b = rows(a), rows(b)
    with server.engine.begin() as conn:  # a restored backup: the batches are gone
        conn.execute(delete(batches))
        conn.execute(update(teams).values(next_cursor=1))
    for dev in (a, b):
        report = dev.client.sync()
        assert report.state == "error" and report.error.kind == "history", report.error
    with server.engine.begin() as conn:  # a different server / team history
        conn.execute(update(teams).values(history_id=str(uuid.uuid4()), next_cursor=100))
    report = b.client.sync()
    assert report.state == "error" and report.error.kind == "history"
    assert rows(a) == before_a and rows(b) == before_b
    assert records.get(b.ws, Participant, p.id) is not None


def test_a_too_old_client_is_told_to_update(team, monkeypatch) -> None:
    from fieldapp.sync.protocol import PROTOCOL_VERSION

    server, _, (a, b, c) = team
    # One release behind (protocol 1: unsigned bundles and batches) gets the "update" answer, not a crash.
    monkeypatch.setattr(transport, "PROTOCOL_VERSION", PROTOCOL_VERSION - 1)
    a.client.close()
    report = a.client.sync()
    assert report.state == "error" and report.error.kind == "too_old"
    assert "update Fieldapp" in report.error.text("en")


# Crypto building blocks -------------------------------------------------------------------------

values = st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.text(max_size=50), st.binary(max_size=40),
                   st.floats(allow_nan=False))
changes = st.lists(st.tuples(st.sampled_from(["participant", "visit"]), st.uuids().map(str),
                             st.sampled_from(["notes", "phone"]), values, st.integers(0, hlc.MAX_TS)), max_size=20)


@settings(max_examples=60, deadline=None)
@given(changes=changes, base=st.integers(0, 2**40))
def test_payload_round_trip(changes, base) -> None:
    key = crypto.new_key()
    ctx = dict(team_id="t", device_id="d", seq=3, key_id="ab" * 8)
    blob = crypto.encrypt_batch(key, crypto.encode_payload(changes, base=base), **ctx)
    payload = crypto.decode_payload(crypto.decrypt_batch(key, blob, **ctx))
    assert payload.base == base and list(payload.changes) == [tuple(c) for c in changes]
    for other in (dict(ctx, seq=4), dict(ctx, team_id="u"), dict(ctx, device_id="e"), dict(ctx, key_id="cd" * 8)):
        with pytest.raises(crypto.CryptoError):
            crypto.decrypt_batch(key, blob, **other)
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt_batch(crypto.new_key(), blob, **ctx)


def test_key_wrap_recovery_text_and_fingerprints() -> None:
    from fieldapp.sync import bundle as bundles
    from fieldapp.sync import identity

    priv, pub = crypto.new_device_keypair()
    signing = identity.new_identity()
    bundle = bundles.first_bundle("team", "dev", pub, identity.identity_public(signing), pub,
                                  identity.identity_public(signing)).signed("dev", signing)
    blob = bundles.seal_bundle(bundle, "dev", pub)
    assert bundles.open_bundle(blob, priv, team_id="team", recipient="dev", key_epoch=1) == bundle
    for wrong in (dict(team_id="x", recipient="dev", key_epoch=1), dict(team_id="team", recipient="other", key_epoch=1),
                  dict(team_id="team", recipient="dev", key_epoch=2)):
        with pytest.raises(crypto.CryptoError):
            bundles.open_bundle(blob, priv, **wrong)
    with pytest.raises(crypto.CryptoError):
        bundles.open_bundle(blob, crypto.new_device_keypair()[0], team_id="team", recipient="dev", key_epoch=1)
    text = crypto.recovery_text(priv)
    assert crypto.parse_recovery_text(text.lower().replace("-", " ")) == priv
    typo = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(crypto.CryptoError):
        crypto.parse_recovery_text(typo)
    fp = crypto.fingerprint("dev", pub)
    assert len(fp) == 14 and crypto.normalise_fingerprint(fp.lower().replace("-", "")) == fp
    assert crypto.fingerprint("dev2", pub) != fp
    rotated = bundle.rotated({}).signed("dev", signing)
    assert rotated.epoch == 2 and set(bundle.keys) < set(rotated.keys) and rotated.members == {"dev": pub}
    assert bundles.KeyBundle.from_bytes(rotated.to_bytes()) == rotated
    bundles.check_successor(bundle, rotated)
    assert bundles.team_key_fingerprint(rotated) != bundles.team_key_fingerprint(bundle)


# Every run ends: done, error or paused ----------------------------------------------------------

def test_retry_after_is_honoured_and_a_long_one_pauses(team) -> None:
    import time as _time

    server, _, (a, b, c) = team
    srv = server.app.state.server
    waits: list[float] = []
    a.client.close()
    a.client.transport_options.update(sleep=waits.append, max_attempts=3)
    object.__setattr__(srv.settings, "max_in_flight", 0)
    object.__setattr__(srv.settings, "retry_after_s", 2)
    started = _time.monotonic()
    report = a.client.sync()
    assert report.state == "paused" and report.error.retry_after == 2
    assert waits == [2.0, 2.0]  # honoured twice, then paused instead of hammering the server
    object.__setattr__(srv.settings, "retry_after_s", 3600)
    a.client.close()
    waits.clear()
    report = a.client.sync()
    assert report.state == "paused" and waits == []  # too long to wait in this run
    assert _time.monotonic() - started < 5
    object.__setattr__(srv.settings, "max_in_flight", 64)
    a.client.close()
    assert a.client.sync().state == "done"


def test_auth_errors_stop_at_once(team) -> None:
    from fieldapp.server import store as server_store

    server, _, (a, b, c) = team
    waits: list[float] = []
    b.client.transport_options.update(sleep=waits.append)
    server_store.revoke_device(server.engine, b.id)
    report = b.client.sync()
    assert report.state == "error" and report.error.kind == "auth" and waits == []


def test_a_server_that_never_answers_ends_in_an_error(make_device, tmp_path) -> None:
    import socket
    import time as _time

    from fieldapp.storage import sync_state as ss
    from fieldapp.sync import keys as sync_keys

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never reads or answers
    try:
        dev = make_device("stuck", timeout=0.3, max_attempts=3, deadline_s=3.0, sleep=lambda s: None)
        ss.save_account(dev.ws.folder, server_url=f"http://127.0.0.1:{silent.getsockname()[1]}",
                        team_id=str(uuid.uuid4()), team_name="t", history_id=str(uuid.uuid4()))
        sync_keys.store_token(dev.id, "x" * 43)
        started = _time.monotonic()
        report = dev.client.sync()
        assert report.state == "error" and report.error.kind == "outage"
        assert _time.monotonic() - started < 5
    finally:
        silent.close()
