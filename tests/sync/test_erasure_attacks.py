"""Attacks on erasure: tombstones forged, relabelled, replayed or signed by a removed device, and a wrapped
participant key uploaded again after the erasure (docs/sync.md, "Erasure"; docs/security.md)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.records import Participant
from fieldapp.server import erasure_store as server_side
from fieldapp.server import store
from fieldapp.server.db import shred_keys
from fieldapp.server.errors import ApiError
from fieldapp.services import erasure, records
from fieldapp.storage import erasure as erasure_store
from fieldapp.sync import identity, keys
from fieldapp.sync.erasure_protocol import WireErasure, WireParticipantKey, erasure_message
from tests.support.tombstones import forge


def _tombstone(team_id: str, handle: str, device_id: str, private: bytes) -> WireErasure:
    unsigned = WireErasure(handle, "2026-12-03T10:00:00Z", device_id, "other", b"")
    return WireErasure(handle, unsigned.erased_at, device_id, "other",
                       identity.sign(private, erasure_message(team_id, unsigned)))


def test_a_tombstone_signed_by_a_key_outside_the_roster_erases_no_one(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """Correctly signed, but by a device the team never approved, or by an outsider claiming a member's id
    (written into the server's table past its own check, as a hostile operator would)."""
    srv, team_id, (a, b, _) = team
    p = records.save(a.ws, Participant(first_name="Ingrid", last_name="Utenforstående"))
    q = records.save(a.ws, Participant(first_name="Iver", last_name="Utenforstående"))
    a.sync()
    b.sync()
    outsider = identity.new_identity()
    forge(srv.engine, team_id, [_tombstone(team_id, participant_handle(p.id), str(uuid.uuid4()), outsider),
                                _tombstone(team_id, participant_handle(q.id), a.id, outsider)])
    b.sync()
    for kept in (p, q):
        assert records.get(b.ws, Participant, kept.id) is not None
        assert participant_handle(kept.id) not in erasure_store.erased_handles(b.ws.folder)


def test_a_members_signature_moved_to_another_participant_erases_no_one(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """The server replays a real tombstone, and relabels it for a participant the member did not erase."""
    srv, team_id, (a, b, _) = team
    gone = records.save(a.ws, Participant(first_name="Gunn", last_name="Slettet"))
    kept = records.save(a.ws, Participant(first_name="Kari", last_name="Blir"))
    a.sync()
    b.sync()
    erasure.erase(a.ws, participant_id=gone.id, reason_code="participant_request")
    a.sync()
    caller = store.authenticate(srv.engine, keys.token(a.id))  # type: ignore[arg-type]  # the token exists: the device enrolled
    real = [e for e in server_side.erasures_after(srv.engine, caller, 0, limit=100)[0]
            if e.handle == participant_handle(gone.id)]
    assert len(real) == 1
    t = real[0]
    assert server_side.erase(srv.engine, caller, [t]) == 0  # a replay stores nothing new
    moved = WireErasure(participant_handle(kept.id), t.erased_at, t.device_id, t.reason_code, t.signature)
    with pytest.raises(ApiError):  # refused when a device sends it; a hostile operator writes it in directly
        server_side.erase(srv.engine, caller, [moved])
    forge(srv.engine, team_id, [moved])
    b.sync()
    assert records.get(b.ws, Participant, gone.id) is None
    assert records.get(b.ws, Participant, kept.id) is not None
    assert erasure_store.erased_handles(b.ws.folder) == {participant_handle(gone.id)}


def test_a_wrapped_key_uploaded_again_after_the_erasure_is_refused(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """A device (or a server replaying an old upload) offers the erased participant's wrapped key again: the
    server does not store it, says the participant is erased, and hands no key for them to anyone."""
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Olav", last_name="Nøkkelløs"))
    a.sync()
    c.sync()
    handle = participant_handle(p.id)
    with srv.engine.begin() as conn:
        row = conn.execute(select(shred_keys).where(shred_keys.c.handle == handle)).one()
    old_upload = WireParticipantKey(handle, row.key_id, row.wrapped)

    erasure.erase(a.ws, participant_id=p.id, reason_code="registered_in_error")
    a.sync()
    caller = store.authenticate(srv.engine, keys.token(c.id))  # type: ignore[arg-type]  # the token exists: the device enrolled
    held, erased = server_side.store_keys(srv.engine, caller, [old_upload])
    assert held == [] and erased == [handle]
    with srv.engine.begin() as conn:
        assert conn.execute(select(shred_keys).where(shred_keys.c.handle == handle)).first() is None
    assert all(k.handle != handle for k in server_side.keys_after(srv.engine, caller, 0, limit=1000)[0])
    c.sync()  # c still held the key and the participant until now
    assert records.get(c.ws, Participant, p.id) is None
    with srv.engine.begin() as conn:
        assert conn.execute(select(shred_keys).where(shred_keys.c.handle == handle)).first() is None


def test_a_removed_devices_identity_still_signs_a_tombstone_the_team_takes(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """The stated limit (docs/security.md): a tombstone is checked against the roster, which keeps removed
    devices (an erasure they made before removal must still reach everyone), so a server holding a removed
    device's identity key can erase a participant. It destroys; it reads nothing."""
    srv, team_id, (a, b, c) = team
    p = records.save(a.ws, Participant(first_name="Per", last_name="Fjernet"))
    a.sync()
    b.sync()
    store.revoke_device(srv.engine, c.id)
    a.sync()  # rotates the key and removes c from the roster
    b.sync()
    private = keys.identity_private_key(c.id)
    assert private is not None
    forge(srv.engine, team_id, [_tombstone(team_id, participant_handle(p.id), c.id, private)])
    b.sync()
    assert records.get(b.ws, Participant, p.id) is None


def test_the_server_holds_a_participants_handle_never_their_id(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """Every row of every server table and the server's database files: the handle is there, the id is not."""
    from datetime import UTC, datetime

    from fieldapp.domain.visit_records import Visit
    from fieldapp.server.db import metadata

    srv, _, (a, b, _) = team
    p = records.save(a.ws, Participant(first_name="Hanne", last_name="Hashet"))
    records.save(a.ws, Visit(participant_id=p.id, summary="Et besøk", starts_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    a.sync()
    b.sync()
    assert records.get(b.ws, Participant, p.id) is not None
    dump = b""
    with srv.engine.begin() as conn:
        for table in metadata.sorted_tables:
            dump += repr(conn.execute(table.select()).all()).encode()
    dump += b"".join(f.read_bytes() for f in srv.settings.data_dir.glob("server.db*"))
    assert participant_handle(p.id).encode() in dump
    for form in {p.id, p.id.replace("-", ""), uuid.UUID(p.id).bytes.hex()}:
        assert form.encode() not in dump, form
    assert uuid.UUID(p.id).bytes not in dump


def test_erasing_a_merged_person_erases_the_record_merged_into_them_everywhere(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """The same person registered twice and merged: the merged-away record holds their name and number too."""
    import random
    from datetime import date

    from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
    from fieldapp.services import duplicates

    srv, _, (a, b, _) = team
    fnr = synthetic_fodselsnummer(date(1980, 1, 2), random.Random(5))
    kept = records.save(a.ws, Participant(first_name="Åse", last_name="Tvilling", fodselsnummer=fnr))
    a.sync()
    twin = records.save(b.ws, Participant(first_name="Åse", last_name="Tvilling Lie", fodselsnummer=fnr))
    b.sync()
    a.sync()
    duplicates.merge(a.ws, entity="participant", from_id=twin.id, into_id=kept.id)
    a.sync()
    b.sync()
    erasure.erase(a.ws, participant_id=kept.id, reason_code="participant_request")
    a.sync()
    b.sync()
    handles = {participant_handle(kept.id), participant_handle(twin.id)}
    for dev in (a, b):
        assert records.get(dev.ws, Participant, kept.id) is None and records.get(dev.ws, Participant, twin.id) is None
        assert handles <= erasure_store.erased_handles(dev.ws.folder)
        with dev.ws.folder.read() as session:
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM participant WHERE fodselsnummer = ?", (fnr,)).scalar_one() == 0
    with srv.engine.begin() as conn:
        assert conn.execute(select(shred_keys).where(shred_keys.c.handle.in_(handles))).first() is None


def test_a_merge_the_erasing_device_had_not_seen_is_erased_too(team) -> None:  # type: ignore[no-untyped-def]  # the team fixture is untyped
    """B merges its record of the person into A's while A erases A's: the merged-away record (same name and
    number) must not stay behind as a deleted record on any device, nor its key on the server."""
    import random
    from datetime import date

    from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
    from fieldapp.services import duplicates

    srv, _, (a, b, c) = team
    fnr = synthetic_fodselsnummer(date(1981, 5, 6), random.Random(9))
    kept = records.save(a.ws, Participant(first_name="Åse", last_name="Samtidig", fodselsnummer=fnr))
    a.sync()
    twin = records.save(b.ws, Participant(first_name="Åse", last_name="Samtidig Lie", fodselsnummer=fnr))
    for dev in (b, a, c):
        dev.sync()
    erasure.erase(a.ws, participant_id=kept.id, reason_code="participant_request")
    duplicates.merge(b.ws, entity="participant", from_id=twin.id, into_id=kept.id)
    for dev in (a, b, a, b, c):
        dev.sync()
    for dev in (a, b, c):
        with dev.ws.folder.read() as session:
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM participant WHERE fodselsnummer = ?", (fnr,)).scalar_one() == 0, dev.name
        assert participant_handle(twin.id) in erasure_store.erased_handles(dev.ws.folder), dev.name
    with srv.engine.begin() as conn:
        assert conn.execute(select(shred_keys).where(shred_keys.c.handle == participant_handle(twin.id))).first() is None
