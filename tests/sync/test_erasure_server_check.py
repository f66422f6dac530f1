"""A member device cannot take a participant's tombstone place on the server with one nobody can verify, so the
real erasure made afterwards still reaches every device."""

from __future__ import annotations

from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.records import Participant
from fieldapp.services import erasure, records
from fieldapp.storage import erasure as erasure_store
from fieldapp.storage import sync_state
from fieldapp.sync import identity, keys
from fieldapp.sync.context import Context
from fieldapp.sync.erasure_protocol import WireErasure, erasure_message
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
