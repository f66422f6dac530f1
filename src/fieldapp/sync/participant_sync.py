"""Erasure in a sync run: tombstones go out and come in first, participant keys go up before batches.

Order in a run (docs/sync.md, "Erasure"): our unsent tombstones are sent (the server deletes the wrapped
keys), the team's tombstones are taken in and applied (each erases the participant here), new wrapped keys
are fetched; pulled batches then open each participant envelope with its key, and drop (and count) those of
erased participants. Before pushing, every participant gets a key, uploaded before any batch uses it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fieldapp.domain.erasure import participant_handle
from fieldapp.domain.record_changes import Record, entities_of
from fieldapp.storage import erasure, merges, outbox_cut, sync_state
from fieldapp.storage import erasure_quarantine as quarantine
from fieldapp.storage.merge import ErasedMeanwhile, RemoteBatch, apply_page
from fieldapp.storage import participant_keys as stored
from fieldapp.sync import errors, identity
from fieldapp.sync.admission import Admission
from fieldapp.sync.bundle import KeyBundle
from fieldapp.sync.context import Context, check, parse
from fieldapp.sync.crypto import CryptoError, Payload, decode_payload, decrypt_batch, split_batch
from fieldapp.sync.erasure_protocol import WireErasure, WireParticipantKey, erasure_message, parse_list
from fieldapp.sync.participant_crypto import (
    ENVELOPE, KeyMissing, open_envelopes, seal_records, unwrap_key, wrap_key,
)
from fieldapp.sync.protocol import WireBatch
from fieldapp.sync.team_keys import current_bundle

log = logging.getLogger(__name__)
KEYS_CURSOR = "participant_keys_cursor"
ERASURES_CURSOR = "erasures_cursor"
UPLOAD_CHUNK = 5000


def send_erasures(ctx: Context) -> int:
    """Sign and send tombstones made here and not yet on the server."""
    todo = erasure.tombstones(ctx.folder, unsent_only=True)
    if not todo:
        return 0
    mine = ctx.keys()
    wire, signatures, signers = [], {}, {}
    for t in todo:
        # Unsigned: made here, or kept from a team this folder left (its signature named that team): sign as us.
        device = t.device_id if t.signature else ctx.me
        unsigned = WireErasure(t.handle, t.erased_at, device, t.reason_code, b"\0" * 64)
        signature = t.signature or identity.sign(mine.ed25519_private, erasure_message(ctx.team_id, unsigned))
        signatures[t.handle], signers[t.handle] = signature, device
        wire.append(WireErasure(t.handle, t.erased_at, device, t.reason_code, signature))
    check(ctx.t.call("POST", "/v1/erasures", json={"erasures": [w.to_json() for w in wire]}),
          "slettingen / the erasure")
    erasure.mark_sent(ctx.folder, [t.handle for t in todo], signatures, signers)
    return len(todo)


def receive_erasures(ctx: Context, current: KeyBundle) -> int:
    """Apply the team's tombstones not seen yet. Returns how many participants were erased here."""
    after = stored.read_cursor(ctx.folder, ERASURES_CURSOR)
    done = 0
    while True:
        body = check(ctx.t.call("GET", "/v1/erasures", params={"after": after}), "slettelisten / the erasure list")
        found = parse(lambda b: parse_list(b, "erasures", WireErasure.from_json, "erasures"), body)
        known = erasure.erased_handles(ctx.folder)
        for e in found:
            member = current.roster.get(e.device_id)
            if member is None or not identity.verify(member.ed25519, e.signature, erasure_message(ctx.team_id, e)):
                # A server cannot erase anyone: only a member's signed tombstone counts.
                log.warning("erasure of %s not signed by a member device; ignored", e.handle)
                if e.handle in known:  # ours, sent while this one held its place: sent again, so it takes it
                    erasure.mark_unsent(ctx.folder, e.handle, ctx.me)
            elif e.handle not in known:
                merged_away = _merged_into_handle(ctx, e.handle)
                tomb = erasure.Tombstone(e.handle, None, e.erased_at, "", e.device_id, e.reason_code, e.signature)
                erasure.erase_participant(ctx.folder, tomb, event="erasure_received", sent=True)
                done += 1
                # A merge made here that the erasing device had not seen: the same person's other record goes
                # too, with a tombstone of ours that the next run sends to the others.
                for pid in merged_away:
                    own = erasure.Tombstone(participant_handle(pid), pid, erasure.stamp(), "", ctx.me,
                                            e.reason_code)
                    erasure.erase_participant(ctx.folder, own, event="erased", sent=False)
                known = erasure.erased_handles(ctx.folder)
            after = max(after, e.cursor or after)
        if found:  # a write transaction (and a disk flush) only when there was something new
            stored.save_cursor(ctx.folder, ERASURES_CURSOR, after)
        if not body.get("has_more"):
            return done


def _merged_into_handle(ctx: Context, handle: str) -> list[str]:
    """The records merged here into the participant this handle names that this device still holds."""
    with ctx.folder.read() as session:
        conn = session.connection()
        pid = erasure.participant_for_handle(conn, handle)
        if pid is None:
            return []
        held = {r[0] for r in conn.exec_driver_sql("SELECT id FROM participant")}
        return [m for m in merges.merged_into(conn, "participant", pid) if m in held]


def fetch_keys(ctx: Context, current: KeyBundle) -> int:
    """Take in the wrapped participant keys others uploaded since the last run."""
    after = stored.read_cursor(ctx.folder, KEYS_CURSOR)
    taken = 0
    while True:
        body = check(ctx.t.call("GET", "/v1/participant-keys", params={"after": after}),
                     "deltakernøklene / the participant keys")
        found = parse(lambda b: parse_list(b, "keys", WireParticipantKey.from_json, "participant_keys"), body)
        stored.keep(ctx.folder, _unwrapped(ctx, current, found))
        taken += len(found)
        for k in found:
            after = max(after, k.cursor or after)
        if found:
            stored.save_cursor(ctx.folder, KEYS_CURSOR, after)
        if not body.get("has_more"):
            return taken


def _unwrapped(ctx: Context, current: KeyBundle, found: list[WireParticipantKey]) -> list[tuple[str, bytes]]:
    out = []
    for k in found:
        team_key = current.keys.get(k.key_id)
        if team_key is None:
            log.warning("participant key under unknown team key %s; skipped", k.key_id)
            continue
        try:
            out.append((k.handle, unwrap_key(team_key, k.wrapped, team_id=ctx.team_id, handle=k.handle,
                                             key_id=k.key_id)))
        except CryptoError:
            log.warning("participant key of %s does not open; skipped", k.handle)
    return out


def upload_keys(ctx: Context, current: KeyBundle) -> int:
    """Give every participant a key and upload the new ones; the server's copy wins when another came first."""
    todo = stored.missing_keys(ctx.folder)
    for start in range(0, len(todo), UPLOAD_CHUNK):
        chunk = todo[start:start + UPLOAD_CHUNK]
        wire = [WireParticipantKey(h, current.current, wrap_key(current.current_key, key, team_id=ctx.team_id,
                                                                handle=h, key_id=current.current))
                for h, key in chunk]
        body = check(ctx.t.call("POST", "/v1/participant-keys", json={"keys": [w.to_json() for w in wire]}),
                     "deltakernøklene / the participant keys")
        held = parse(lambda b: parse_list(b, "keys", WireParticipantKey.from_json, "participant_keys"), body)
        kept = _unwrapped(ctx, current, held)
        stored.keep(ctx.folder, kept)
        # A key that did not open is not read past here: fetch_keys meets it again (and logs it) after a rotation.
        opened = {h for h, _ in kept}
        _read_past(ctx, [k for k in held if k.handle in opened])
    return len(todo)


def _read_past(ctx: Context, held: list[WireParticipantKey]) -> None:
    """The keys just kept as the server holds them need not be fetched again: when their cursors directly follow
    the key cursor (no other key in between), it moves past them, as fetch_keys would after reading them."""
    after = stored.read_cursor(ctx.folder, KEYS_CURSOR)
    moved = after
    for cursor in sorted(k.cursor for k in held if k.cursor is not None):
        if cursor == moved + 1:
            moved = cursor
        elif cursor > moved:
            break  # another key in between, not seen yet: fetch_keys reads from here
    if moved != after:
        stored.save_cursor(ctx.folder, KEYS_CURSOR, moved)


def purge_quarantine(ctx: Context, current: KeyBundle) -> int:
    """Take quarantined batches that hold an erased participant in again, without that participant.

    Quarantine keeps a batch that could not be applied; the reason is often the participant erased since. So
    such a batch (refused when applied, or for a participant key missing) goes through admission once more
    (signature, key, order) with the erased envelopes left out, and is applied, leaving quarantine, in one
    transaction; the other participants' changes in it are kept. Every other batch refused when applied goes
    with it, in cursor order: a later batch changing a record the first one made could not be applied alone,
    and taken in before it (or never) the older value would win for good. An admission refusal (a replay, a bad
    signature) is never retried: it is evidence. One holding an erased participant that is refused again stays
    quarantined (its erased envelopes are ciphertext under a key no one has any more) and is marked, so it is
    not taken again every run, unless it holds an erased participant's own record in plain (an older release):
    then it is deleted. Batches that do not open at all are kept: nothing in them is readable. Returns how many
    batches were taken in again."""
    rows = quarantine.quarantined_batches(ctx.folder)
    erased = erasure.erased_handles(ctx.folder) if rows else set()
    retry: list[quarantine.QuarantinedBatch] = []
    holding: set[int] = set()  # rows with an erased participant's changes
    readable: list[tuple[str, int]] = []
    due = False
    for q in rows:
        key = current.keys.get(q.key_id)
        if key is None:
            continue
        try:
            ciphertext, _ = split_batch(q.blob)
            payload = decode_payload(decrypt_batch(key, ciphertext, team_id=ctx.team_id, device_id=q.device_id,
                                                   seq=q.seq, key_id=q.key_id))
        except CryptoError:
            continue
        hits = {c[0] for c in payload.changes if c[0] in (ENVELOPE, "participant")
                and participant_handle(c[1]) in erased}
        retryable = quarantine.retryable(q.reason)
        if "participant" in hits and (q.retried or not retryable):
            quarantine.drop_quarantined(ctx.folder, [q.row_id])
            continue
        if not retryable:
            continue
        if "participant" in hits:
            readable.append((q.device_id, q.seq))
        if hits:
            holding.add(q.row_id)
            due = due or not q.retried
        retry.append(q)
    if not due:
        return 0
    retry.sort(key=lambda q: (q.cursor, q.seq))  # a device's batches in the order it made them
    keys = stored.keys_by_handle(ctx.folder)
    taken = []
    for q in retry:
        # One batch at a time, as the next one expected from its device: the order check has passed before.
        admission = Admission(ctx.team_id, ctx.me, current, {q.device_id: q.seq - 1},
                              opener=_without_erased(ctx, keys, erased))
        found = admission.take(WireBatch(q.device_id, q.seq, q.key_id, q.blob, q.cursor))
        assert isinstance(found, RemoteBatch)  # no gap: its number is the one expected
        taken.append(found)
    account = sync_state.get_account(ctx.folder)
    assert account is not None  # a sync runs only for an enrolled folder
    # The pull cursor stays where it is: these batches lie behind it.
    try:
        result = apply_page(ctx.folder, taken, expected_cursor=account.cursor, next_cursor=account.cursor,
                            erasures_seen=len(erased), retried=[q.row_id for q in retry])
    except ErasedMeanwhile:
        return 0  # the user erased someone these batches may hold: they stay quarantined, taken at the next run
    quarantine.settle_retried(ctx.folder, [(q.device_id, q.seq) for q in retry if q.row_id in holding], readable)
    return result.batches


def _without_erased(ctx: Context, keys: dict[str, bytes], erased: set[str]) -> Callable[[Payload, WireBatch], Payload]:
    """Opens a retried batch's envelopes, leaving the erased ones out (not logged again: they never arrived
    as changes, they sat in quarantine)."""
    def open_(payload: Payload, b: WireBatch) -> Payload:
        try:
            changes, _ = open_envelopes(payload.changes, lambda pid: keys.get(participant_handle(pid)),
                                        lambda pid: participant_handle(pid) in erased, team_id=ctx.team_id,
                                        device_id=b.device_id, seq=b.seq)
        except KeyMissing as exc:
            raise CryptoError(f"no key for participant {exc.args[0]}") from exc
        return Payload(payload.base, changes)
    return open_


def before_pull(ctx: Context, current: KeyBundle) -> Callable[[Payload, WireBatch], Payload]:
    """Tombstones out and in, new keys in; returns what admission calls to open each batch's envelopes."""
    send_erasures(ctx)
    receive_erasures(ctx, current)
    # Tombstones of records merged here into an erased participant, erased just now; or ours, to send again.
    send_erasures(ctx)
    fetch_keys(ctx, current)
    purge_quarantine(ctx, current)  # after the keys: one not fetched yet would refuse the retry
    return Opener(ctx, current)


class Opener:
    def __init__(self, ctx: Context, current: KeyBundle) -> None:
        self.ctx, self.current = ctx, current
        self.erased = erasure.erased_handles(ctx.folder)
        self.keys = stored.keys_by_handle(ctx.folder)
        self.refreshed = False
        self._handles: dict[str, str] = {}

    def __call__(self, payload: Payload, b: WireBatch) -> Payload:
        if entities_of(payload.changes).isdisjoint((ENVELOPE, "participant")):
            return payload
        try:
            changes, dropped = self._open(payload, b)
        except KeyMissing as exc:
            if self.refreshed:
                raise CryptoError(f"no key for participant {exc.args[0]} on the server") from exc
            # Uploaded or erased after this run's first look (perhaps under a key made since): one more look.
            self.refreshed = True
            self.current = current_bundle(self.ctx, self.ctx.status())
            receive_erasures(self.ctx, self.current)
            fetch_keys(self.ctx, self.current)
            self.erased = erasure.erased_handles(self.ctx.folder)
            self.keys = stored.keys_by_handle(self.ctx.folder)
            return self(payload, b)
        if dropped:
            erasure.record_refused(self.ctx.folder,
                                   {(participant_handle(pid), b.device_id): n for pid, n in dropped.items()}, seq=b.seq)
        return Payload(payload.base, changes)

    def _open(self, payload: Payload, b: WireBatch) -> tuple[Any, dict[str, int]]:
        return open_envelopes(payload.changes, lambda pid: self.keys.get(self._handle(pid)),
                              lambda pid: self._handle(pid) in self.erased, team_id=self.ctx.team_id,
                              device_id=b.device_id, seq=b.seq)

    def _handle(self, pid: str) -> str:
        """participant_handle(pid), worked out once per participant in a run (a hash, asked twice per envelope)."""
        handle = self._handles.get(pid)
        if handle is None:
            handle = self._handles[pid] = participant_handle(pid)
        return handle


def fill_outbox(ctx: Context, current: KeyBundle, encrypt: outbox_cut.Encrypt) -> int:
    """outbox_cut.fill_outbox_records, with each participant's records sealed in their envelope first."""
    folder = ctx.folder
    for _ in range(3):
        upload_keys(ctx, current)
        by_handle = stored.keys_by_handle(folder)
        by_pid: dict[str, bytes | None] = {}  # each participant's handle (a hash) worked out once per push

        def sealed(seq: int, records: list[Record], base: int, owners: dict[tuple[str, str], str],
                   by_handle: dict[str, bytes] = by_handle,
                   by_pid: dict[str, bytes | None] = by_pid) -> tuple[str, bytes]:  # bound: called in this turn
            for pid in set(owners.values()).difference(by_pid):
                by_pid[pid] = by_handle.get(participant_handle(pid))
            keys = {pid: key for pid in set(owners.values()) if (key := by_pid[pid]) is not None}
            return encrypt(seq, seal_records(records, owners, keys, team_id=ctx.team_id, device_id=folder.device_id,
                                             seq=seq), base)
        try:
            return outbox_cut.fill_outbox_records(folder, sealed)
        except KeyMissing:
            continue  # a participant made while the outbox was cut: give them a key and cut again
    raise errors.sync_error("keys", "participant_key_missing",
                            "En deltaker mangler nøkkel for synkronisering; prøv igjen.",
                            "A participant has no sync key yet; try again.")

