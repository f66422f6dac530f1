"""Erasing one participant from a team of three devices, an old laptop, a recovery key and a server (SQLite and
PostgreSQL): afterwards no file and no key anyone holds yields the person, and a late offline edit stays out."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp import paths
from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.records import Employer, Participant, Placement
from fieldapp.domain.synthetic_ids import synthetic_fodselsnummer
from fieldapp.domain.visit_records import Visit
from fieldapp.server import store
from fieldapp.server.config import Settings
from fieldapp.services import erasure, records
from fieldapp.storage import cipher_format
from fieldapp.storage import erasure as erasure_store
from fieldapp.storage import erasure_quarantine
from fieldapp.storage.datafolder import read_folder_id
from fieldapp.storage.keystore import load_key
from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, keys
from fieldapp.sync.context import Context
from fieldapp.sync.participant_crypto import ENVELOPE, open_envelopes, unwrap_key
from fieldapp.sync.protocol import RECOVERY_RECIPIENT
from fieldapp.sync.push import push
from fieldapp.sync.team_keys import current_bundle
from fieldapp.storage import sync_state
from tests.support.sqlcipher_pages import plaintext
from tests.support.sync_server import LiveServer
from tests.sync.conftest import Device

NAME = "Synnøve Slettesen-Kvåle"
FNR = synthetic_fodselsnummer(date(1987, 4, 12), random.Random(7))
VISIT_TEXT = "Besøket på Ørneredet gikk fint, ny avtale om turnus 4471"
OFFLINE_EDIT = "Frakoblet endring fra Måsøy 9931"
OFFLINE_EDIT_2 = "Enda en frakoblet endring Båtsfjord 5512"
NEEDLES = [NAME.split()[1], FNR, "Ørneredet", "Måsøy 9931", "Båtsfjord 5512"]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    url = None
    cluster = None
    if request.param == "postgresql":
        from tests.support.pg import Cluster

        cluster = Cluster()
        url = cluster.new_database()
    srv = LiveServer(Settings(data_dir=tmp_path / "server", database_url=url)).start()
    try:
        yield srv
    finally:
        srv.stop()
        if cluster is not None:
            cluster.stop()


def _join(first: Device, dev: Device, srv: LiveServer, team_id: str) -> None:
    assert dev.client.enroll(srv.url, srv.code(team_id), name=dev.name).status == "pending"
    pending = {p.device_id: p for p in first.client.pending_devices()}
    first.client.approve(dev.id, pending[dev.id].fingerprint)


def _files_hold(data_dir: Path, needles: list[str]) -> list[str]:
    """Needles found in any file of the data folder: raw bytes, and every decrypted page of each database."""
    key = load_key(read_folder_id(paths.folder_id_file(data_dir)))
    assert key is not None
    found = []
    for f in data_dir.rglob("*"):
        if not f.is_file():
            continue
        raw = f.read_bytes()
        views = [raw]
        if (f.suffix == ".db" or f.name.endswith(".db-wal")) and len(raw) >= cipher_format.LEGACY.page_size:
            views.append(plaintext(f, key))
        for n in needles:
            if any(n.encode() in v for v in views):
                found.append(f"{f.name}: {n}")
    return found


def _server_rows(srv: LiveServer, team_id: str) -> tuple[list[dict[str, object]], list[dict[str, object]],
                                                         list[dict[str, object]]]:
    with srv.engine.begin() as conn:
        batches = [dict(r._mapping) for r in conn.execute(
            text("SELECT cursor, device_id, seq, key_id, blob FROM batches WHERE team_id = :t"), {"t": team_id})]
        shred = [dict(r._mapping) for r in conn.execute(
            text("SELECT handle, key_id, wrapped FROM shred_keys WHERE team_id = :t"), {"t": team_id})]
        envelopes = [dict(r._mapping) for r in conn.execute(
            text("SELECT recipient, key_epoch, blob FROM key_envelopes WHERE team_id = :t"), {"t": team_id})]
    return batches, shred, envelopes


def _everything_readable(srv: LiveServer, team_id: str, team_keys: dict[str, bytes]) -> str:
    """All text the server's state yields to someone holding every one of these team keys."""
    batches, shred, _ = _server_rows(srv, team_id)
    participant_keys = []
    for row in shred:
        for key in team_keys.values():
            try:
                participant_keys.append(unwrap_key(key, bytes(row["wrapped"]), team_id=team_id,
                                                   handle=str(row["handle"]), key_id=str(row["key_id"])))
            except crypto.CryptoError:
                continue
    out = []
    for b in batches:
        ciphertext, _ = crypto.split_batch(bytes(b["blob"]))
        for key in team_keys.values():
            try:
                payload = crypto.decode_payload(crypto.decrypt_batch(
                    key, ciphertext, team_id=team_id, device_id=str(b["device_id"]), seq=int(b["seq"]),
                    key_id=str(b["key_id"])))
            except crypto.CryptoError:
                continue
            out.append(repr([c for c in payload.changes if c[0] != ENVELOPE]))
            for change in payload.changes:
                if change[0] != ENVELOPE:
                    continue
                for pk in participant_keys:
                    try:
                        opened, _ = open_envelopes([change], lambda _pid, k=pk: k, lambda _pid: False,
                                                   team_id=team_id, device_id=str(b["device_id"]), seq=int(b["seq"]))
                    except crypto.CryptoError:
                        continue
                    out.append(repr(opened))
    return "\n".join(out)


def _recovery_keys(srv: LiveServer, team_id: str, recovery_key: str) -> dict[str, bytes]:
    private = crypto.parse_recovery_text(recovery_key)
    found: dict[str, bytes] = {}
    for row in _server_rows(srv, team_id)[2]:
        if row["recipient"] == RECOVERY_RECIPIENT:
            opened = bundles.open_bundle(bytes(row["blob"]), private, team_id=team_id,
                                         recipient=RECOVERY_RECIPIENT, key_epoch=int(row["key_epoch"]))
            found.update(opened.keys)
    return found


def _push_before_pull(dev: Device) -> None:
    """What a device does if its push reaches the server before it pulls the erasure (sent from another run)."""
    account = sync_state.get_account(dev.ws.folder)
    assert account is not None
    ctx = Context(dev.ws.folder, account, dev.client._reused_transport(account))

    class Report:
        pushed_batches = 0
        pushed_changes = 0

    push(ctx, current_bundle(ctx, ctx.status()), Report())


def _events(dev: Device) -> list[tuple[str, str]]:
    return [(e.event, e.handle) for e in erasure_store.erasure_log(dev.ws.folder)]


def test_an_erased_participant_is_gone_from_every_device_file_and_key(any_server: LiveServer, make_device) -> None:
    srv = any_server
    team_id = srv.team()
    a, b, c, old = (make_device(n) for n in ("a", "b", "c", "old"))
    enrolled = a.client.enroll(srv.url, srv.code(team_id), name="a")
    assert enrolled.recovery_key
    for dev in (b, c, old):
        _join(a, dev, srv, team_id)
    a.sync()
    old.sync()
    # The old laptop is retired before the person is registered; it keeps the team keys it had.
    store.revoke_device(srv.engine, old.id)
    a.sync()
    old_keys = keys.bundle(old.id)
    assert old_keys is not None

    p = records.save(a.ws, Participant(first_name=NAME.split()[0], last_name=NAME.split()[1], fodselsnummer=FNR))
    kept = records.save(a.ws, Participant(first_name="Beate", last_name="Blirværende"))
    employer = records.save(a.ws, Employer(name="Kafé Måken"))
    job = records.save(a.ws, Placement(participant_id=p.id, employer_id=employer.id, job_title="Kokk"))
    visit = records.save(a.ws, Visit(participant_id=p.id, placement_id=job.id, summary=VISIT_TEXT,
                                     starts_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    for dev in (a, b, c, a):
        dev.sync()
    assert records.get(c.ws, Visit, visit.id) is not None
    all_keys = dict(keys.bundle(a.id).keys)
    # Control: before the erasure, the server's state and the team keys do give the person away.
    assert NAME.split()[1] in _everything_readable(srv, team_id, all_keys)
    assert _files_hold(b.ws.path, NEEDLES[:3]) != []  # and the file check sees the person in a database

    # The data folder holds an old backup and an export naming the person.
    backups = paths.backups_dir(a.ws.path)
    backups.mkdir(mode=0o700, exist_ok=True)
    raw = a.ws.folder.engine.raw_connection()
    cipher_format.copy_into(raw.driver_connection, backups / "fieldapp-0011-old.db")
    raw.close()
    (a.ws.path / "exports").mkdir()
    (a.ws.path / "exports" / "innsyn.csv").write_text(f"navn;fnr\n{NAME};{FNR}\n", encoding="utf-8")
    (a.ws.path / "exports" / "andre.csv").write_text("navn\nBeate Blirværende\n", encoding="utf-8")

    # c is offline and edits the visit twice; the first edit reaches the server late, the second never leaves c.
    got = records.get(c.ws, Visit, visit.id)
    assert got is not None
    records.save(c.ws, dataclasses.replace(got, summary=OFFLINE_EDIT))

    # b holds quarantined batches (as if they had failed to apply) from before the erasure; some hold the person.
    from_a = [r for r in _server_rows(srv, team_id)[0] if str(r["device_id"]) == a.id]
    with b.ws.folder.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO sync_quarantine (cursor, device_id, seq, key_id, reason, blob, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r["cursor"], r["device_id"], r["seq"], r["key_id"], "could not be applied: as if refused",
              bytes(r["blob"]), "2026-12-01T00:00:00.000000Z")
             for r in from_a])

    wrapped = [bytes(r["wrapped"]) for r in _server_rows(srv, team_id)[1]
               if r["handle"] == participant_handle(p.id)]
    assert wrapped  # the person's key is on the server before the erasure
    what = erasure.preview(a.ws, p.id)
    assert what.full_name == NAME and what.counts["visit"] == 1 and what.backups == 1
    done = erasure.erase(a.ws, participant_id=p.id, reason_code="participant_request")
    assert done.rows == 3 and done.backups_deleted == 1 and done.exports_deleted == 1
    assert (a.ws.path / "exports" / "andre.csv").exists()
    a.sync()
    b.sync()
    assert records.get(b.ws, Participant, p.id) is None

    _push_before_pull(c)  # the late edit arrives at the server after the erasure
    got = records.get(c.ws, Visit, visit.id)
    assert got is not None
    records.save(c.ws, dataclasses.replace(got, summary=OFFLINE_EDIT_2))
    for dev in (c, a, b, c, a, b):
        dev.sync()

    handle = participant_handle(p.id)
    for dev in (a, b, c):
        assert records.get(dev.ws, Participant, p.id) is None, dev.name
        assert records.get(dev.ws, Visit, visit.id) is None, dev.name
        assert records.get(dev.ws, Participant, kept.id) is not None, dev.name
        assert handle in erasure_store.erased_handles(dev.ws.folder)
        assert _files_hold(dev.ws.path, NEEDLES) == [], dev.name
    assert ("erased", handle) in _events(a)
    assert ("erasure_received", handle) in _events(b) and ("erasure_received", handle) in _events(c)
    # The late edit's arrival is recorded where it was refused; c's unsent edit is recorded on c.
    assert ("late_change_refused", handle) in _events(a) and ("late_change_refused", handle) in _events(b)
    assert ("late_change_refused", handle) in _events(c)
    assert not (backups / "fieldapp-0011-old.db").exists() and len(list(backups.iterdir())) == 1
    left = [(q.device_id, q.seq, q.key_id, q.blob) for q in erasure_quarantine.quarantined_batches(b.ws.folder)]
    assert from_a and len(left) < len(from_a)  # those holding the person went (the others would stay)
    for device, seq, key_id, blob in left:
        payload = crypto.decode_payload(crypto.decrypt_batch(all_keys[key_id], crypto.split_batch(blob)[0],
                                                             team_id=team_id, device_id=device, seq=seq, key_id=key_id))
        assert p.id not in {c[1] for c in payload.changes}

    # The server: no readable trace, and its key table no longer holds the person's key.
    batches, shred, _ = _server_rows(srv, team_id)
    assert handle not in {r["handle"] for r in shred}
    assert any(r["handle"] == participant_handle(kept.id) for r in shred)
    dump = b"".join(bytes(r["blob"]) for r in batches)
    from fieldapp.server.db import metadata

    with srv.engine.begin() as conn:  # every row of every server table, SQLite or PostgreSQL
        for table in metadata.sorted_tables:
            dump += repr(conn.execute(table.select()).all()).encode()
    if srv.settings.database_url is None:
        dump += b"".join(f.read_bytes() for f in (srv.settings.data_dir).glob("server.db*"))
    for needle in NEEDLES:
        assert needle.encode() not in dump, needle
    for key in wrapped:  # not in any row, nor in the database file's free pages or its WAL
        assert key not in dump
    every_key = {**all_keys, **old_keys.keys, **_recovery_keys(srv, team_id, enrolled.recovery_key),
                 **keys.bundle(a.id).keys}
    readable = _everything_readable(srv, team_id, every_key)
    assert "Blirværende" in readable  # the method reads what is still there
    for needle in NEEDLES:
        assert needle not in readable, needle


def test_a_server_cannot_erase_anyone(team) -> None:
    """A tombstone the server makes up (no member's signature) is ignored: the participant stays."""
    from fieldapp.server import erasure_store as server_side
    from fieldapp.server.errors import ApiError
    from fieldapp.sync.erasure_protocol import WireErasure
    from tests.support.tombstones import forge

    srv, team_id, (a, b, _) = team
    p = records.save(a.ws, Participant(first_name="Ingrid", last_name="Urørt"))
    a.sync()
    b.sync()
    caller = store.authenticate(srv.engine, keys.token(a.id))
    forged = WireErasure(participant_handle(p.id), "2026-12-03T10:00:00Z", a.id, "other", b"\x01" * 64)
    with pytest.raises(ApiError, match="signature"):  # the server's own check refuses it from a device
        server_side.erase(srv.engine, caller, [forged])
    forge(srv.engine, team_id, [forged])  # a hostile operator writes it into the table, past that check
    with srv.engine.begin() as conn:  # and deletes the wrapped key, as an erasure would
        conn.execute(text("DELETE FROM shred_keys WHERE handle = :h"), {"h": participant_handle(p.id)})
    b.sync()
    assert records.get(b.ws, Participant, p.id) is not None
    assert participant_handle(p.id) not in erasure_store.erased_handles(b.ws.folder)
    # The server did delete the key, so a device that never had it cannot read the participant: a denial of
    # service the server can always do (it can delete batches too), never a forged erasure.
