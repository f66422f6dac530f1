"""Pushing this device's batches: sealed once (encrypted and signed) into the outbox, sent until acknowledged."""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol

from fieldapp.storage import outbox_cut, sync_state
from fieldapp.sync import crypto, errors, participant_sync
from fieldapp.sync.bundle import KeyBundle
from fieldapp.sync.context import Context, DeviceKeys, parse
from fieldapp.sync.protocol import Accepted, PushRequest, WireBatch
from fieldapp.sync.team_keys import current_bundle

MAX_PUSH_BYTES = 16 * 1024 * 1024
MAX_PUSH_BATCHES = 100
# How often one push seals its unsent batches again for each refusal that asks for it.
RESEALS = {"stale_key": 3, "batch_bad_signature": 1}


class PushReport(Protocol):
    pushed_batches: int
    pushed_changes: int


def sealer(team_id: str, mine: DeviceKeys, current: KeyBundle) -> outbox_cut.Encrypt:
    """What fill_outbox calls for each new batch: encrypt under the current key and sign as this device."""
    def encrypt(seq: int, changes: list[tuple[str, str, str, Any, int]], base: int) -> tuple[str, bytes]:
        blob = crypto.seal_batch(current.current_key, mine.ed25519_private, crypto.encode_payload(changes, base=base),
                                 team_id=team_id, device_id=mine.device_id, seq=seq, key_id=current.current)
        return current.current, blob
    return encrypt


def _resealer(team_id: str, mine: DeviceKeys, current: KeyBundle) -> Any:
    def reseal(b: sync_state.OutboxBatch) -> tuple[str, bytes]:
        ciphertext, _ = crypto.split_batch(b.blob)
        plain = crypto.decrypt_batch(current.keys[b.key_id], ciphertext, team_id=team_id, device_id=mine.device_id,
                                     seq=b.seq, key_id=b.key_id)
        return current.current, crypto.seal_batch(current.current_key, mine.ed25519_private, plain, team_id=team_id,
                                                  device_id=mine.device_id, seq=b.seq, key_id=current.current)
    return reseal


def push(ctx: Context, current: KeyBundle, report: PushReport) -> None:
    mine = ctx.keys()
    # Erasure: each participant's changes sealed under their own key, uploaded (wrapped) before the batch.
    participant_sync.fill_outbox(ctx, current, sealer(ctx.team_id, mine, current))
    reseals: Counter[str] = Counter()
    for _ in range(1000):
        todo = sync_state.unpushed(ctx.folder, limit=MAX_PUSH_BATCHES)
        if not todo:
            return
        chunk: list[sync_state.OutboxBatch] = []
        size = 0
        for b in todo:
            if chunk and size + len(b.blob) > MAX_PUSH_BYTES:
                break
            chunk.append(b)
            size += len(b.blob)
        req = PushRequest(tuple(WireBatch(ctx.me, b.seq, b.key_id, b.blob) for b in chunk))
        resp = ctx.t.call("POST", "/v1/batches", json=req.to_json())
        body = resp.body if isinstance(resp.body, dict) else {}
        accepted = [parse(Accepted.from_json, a) for a in body.get("accepted", [])]
        sync_state.mark_pushed(ctx.folder, [(a.seq, a.cursor) for a in accepted])
        counts = {b.seq: b.change_count for b in chunk}
        report.pushed_batches += sum(1 for a in accepted if not a.duplicate)
        report.pushed_changes += sum(counts.get(a.seq, 0) for a in accepted if not a.duplicate)
        if resp.status == 200:
            if len(chunk) == len(todo) < MAX_PUSH_BATCHES:
                return  # that was all of it
            continue
        if resp.code in RESEALS:
            # Both are answered by sealing the unsent batches again from their plaintext: under the new key after
            # a rotation while this push ran, or signed anew when the server (which checks each batch's signature
            # against this device's enrolled key) refused one. A server that keeps answering so is not helped by
            # it: without a limit each round resealed the whole outbox, and after 1,000 the run ended as if done.
            reseals[resp.code] += 1
            if reseals[resp.code] > RESEALS[resp.code]:
                raise _refused_again(resp.code)
            current = current_bundle(ctx, ctx.status())
            try:
                sync_state.reencrypt_unpushed(ctx.folder, _resealer(ctx.team_id, mine, current))
            except (crypto.CryptoError, KeyError) as exc:
                raise errors.sync_error(
                    "keys", "outbox_unreadable",
                    "Endringer som venter på å bli sendt, kan ikke åpnes med teamets nøkler (laget av en eldre "
                    "versjon?). Ingenting er slettet; eksporter dataene og kontakt administratoren.",
                    "Changes waiting to be sent cannot be opened with the team's keys (made by an older "
                    "release?). Nothing was deleted; export the data and contact the administrator.") from exc
            continue
        if resp.code in ("batch_differs", "seq_gap"):
            raise errors.history(f"serveren avviste endringspakke {body.get('seq')} ({resp.code})",
                                 f"the server refused batch {body.get('seq')} ({resp.code})")
        raise errors.protocol(f"push answered {resp.status} {resp.code}")


def _refused_again(code: str) -> errors.SyncError:
    if code == "stale_key":
        return errors.sync_error(
            "keys", "stale_key_loop",
            "Serveren avviser endringene fordi teamets nøkkel er byttet, men avviser dem også under den nye "
            "nøkkelen. Ingenting er slettet; endringene blir liggende her. Prøv igjen senere, og kontakt "
            "administratoren hvis det gjentar seg.",
            "The server refuses the changes because the team's key has changed, and refuses them under the new "
            "key too. Nothing was deleted; the changes stay here. Try again later, and contact the administrator "
            "if it happens again.")
    return errors.sync_error(
        "keys", "batch_bad_signature",
        "Serveren godtar ikke signaturen på endringene denne enheten sender, heller ikke etter at de er signert på "
        "nytt. Ingenting er slettet; endringene blir liggende her. Kontakt administratoren.",
        "The server does not accept the signature on the changes this device sends, even after they were signed "
        "again. Nothing was deleted; the changes stay here. Contact the administrator.")
