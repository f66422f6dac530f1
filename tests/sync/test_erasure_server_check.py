"""A member device cannot take a participant's tombstone place on the server with one nobody can verify, so the
real erasure made afterwards still reaches every device."""

from __future__ import annotations

import logging

import pytest

from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.records import Participant
from fieldapp.services import erasure, records
from fieldapp.storage import erasure as erasure_store
from fieldapp.storage import sync_state
from fieldapp.sync import identity, keys
from fieldapp.sync.context import Context
from fieldapp.sync.erasure_protocol import WireErasure, erasure_message
from tests.support.tombstones import forge
from tests.sync.conftest import Device


def _post_as(dev: Device, items: list[WireErasure]) -> tuple[int, str | None]:
    account = sync_state.get_account(dev.ws.folder)
    assert account is not None
    ctx = Context(dev.ws.folder, account, dev.client._reused_transport(account))  # noqa: SLF001  # the device's own transport
    resp = ctx.t.call("POST", "/v1/erasures", json={"erasures": [e.to_json() for e in items]})
    return resp.status, resp.code


def test_tombstones_a_colleague_sends_for_another_device_or_unsigned_are_refused_and_the_real_one_reaches_all(
        team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Torstein", last_name="Førstemann"))
    for dev in (a, b, c):
        dev.sync()
    handle = participant_handle(p.id)
    b_key = keys.identity_private_key(b.id)
    assert b_key is not None

    unsigned = WireErasure(handle, "2026-12-03T10:00:00Z", a.id, "other", b"")
    in_a_name = WireErasure(handle, unsigned.erased_at, a.id, "other",
                            identity.sign(b_key, erasure_message(team_id, unsigned)))
    garbage = WireErasure(handle, unsigned.erased_at, b.id, "other", b"\x03" * 64)
    assert _post_as(b, [in_a_name]) == (403, "erasure_not_yours")
    assert _post_as(b, [garbage]) == (403, "erasure_bad_signature")
    c.sync()  # nothing was stored, so nothing happens, and the pull goes on
    assert records.get(c.ws, Participant, p.id) is not None

    erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    a.sync()
    c.sync()
    assert records.get(c.ws, Participant, p.id) is None
    assert handle in erasure_store.erased_handles(c.ws.folder)
    assert ("erasure_received", handle) in [(e.event, e.handle) for e in erasure_store.erasure_log(c.ws.folder)]


def test_a_forged_tombstone_in_the_servers_table_is_ignored_and_the_real_erasure_still_reaches_all(
        team, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """Written into the table before the server checked (or by its operator): devices ignore and log it and go on
    pulling; the real tombstone takes its place on the server and reaches every device."""
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Frida", last_name="Forfalsket"))
    for dev in (a, b, c):
        dev.sync()
    handle = participant_handle(p.id)
    forge(srv.engine, team_id, [WireErasure(handle, "2026-12-02T09:00:00Z", b.id, "other", b"\x04" * 64)])
    with caplog.at_level(logging.WARNING, logger="fieldapp.sync.participant_sync"):
        c.sync()
    assert records.get(c.ws, Participant, p.id) is not None
    assert any(handle in r.getMessage() and "not signed" in r.getMessage() for r in caplog.records)

    erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    a.sync()
    for dev in (b, c):
        dev.sync()
        assert records.get(dev.ws, Participant, p.id) is None, dev.name
        assert handle in erasure_store.erased_handles(dev.ws.folder), dev.name


def test_a_tombstone_sent_while_a_forged_one_held_its_place_is_sent_again_and_reaches_all(
        team, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """Sent before the server checked tombstones, the real one was refused as known (a forged one was first) and
    marked sent. The erasing device, seeing the forged one, sends its own again; the server lets it take the
    place, and every device gets it."""
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Sigrun", last_name="Sendtfør"))
    for dev in (a, b, c):
        dev.sync()
    handle = participant_handle(p.id)
    erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    erasure_store.mark_sent(a.ws.folder, [handle], {})  # what the older server answered: known, nothing stored
    forge(srv.engine, team_id, [WireErasure(handle, "2026-12-02T09:00:00Z", b.id, "other", b"\x05" * 64)])
    with caplog.at_level(logging.WARNING, logger="fieldapp.sync.participant_sync"):
        a.sync()
    assert any(handle in r.getMessage() and "not signed" in r.getMessage() for r in caplog.records)
    assert erasure_store.tombstones(a.ws.folder, unsent_only=True) == []  # sent again in the same run
    for dev in (b, c):
        dev.sync()
        assert records.get(dev.ws, Participant, p.id) is None, dev.name
        assert handle in erasure_store.erased_handles(dev.ws.folder), dev.name


def test_a_tombstone_signed_anew_after_a_reset_names_the_device_that_signed_it(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """`fieldapp sync reset` clears the tombstones' signatures, and the next run signs them as this device under
    its new id. The local row must then name that device, as the server's copy does: otherwise a forged tombstone
    later seen in its place would not send this one again (mark_unsent looks for this device's own)."""
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Reidun", last_name="Resatt"))
    a.sync()
    handle = participant_handle(p.id)
    erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    with a.ws.folder.write() as session:  # what a reset leaves: unsent, unsigned, made under the id given up
        session.connection().exec_driver_sql(
            "UPDATE participant_erasure SET sent = 0, signature = NULL, device_id = ? WHERE handle = ?",
            ("00000000-0000-4000-8000-00000000dead", handle))
    a.sync()
    [mine] = erasure_store.tombstones(a.ws.folder)
    assert mine.device_id == a.id and mine.signature is not None
    assert erasure_store.mark_unsent(a.ws.folder, handle, a.id)
    b.sync()
    assert records.get(b.ws, Participant, p.id) is None
