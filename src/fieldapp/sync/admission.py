"""Checks on every pulled batch before it reaches merge: who signed it, under which key, in which order.

Rules (docs/security.md):
- the batch must be signed by the Ed25519 key the verified roster holds for its device;
- a removed device's batches are accepted only up to its cutoff (the highest number of it the remover had
  taken in when the key was rotated), so one made later with a key it kept is refused;
- a device must have been a member while the batch's key was current (joined before it was retired, not
  removed before it was made);
- each device's batches are taken in number by number: a higher number than the next expected one is a gap
  (reported, nothing after it taken in, retried next run), a lower one is a replay (quarantined);
- a sealed copy of an agreement in it must be genuine and sealed by the pushing member (seal_trust.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fieldapp.domain.record_changes import entities_of
from fieldapp.storage import merge
from fieldapp.sync import batch_signature, crypto, seal_trust
from fieldapp.sync.bundle import KeyBundle
from fieldapp.sync.protocol import WireBatch


MAX_REFRESHES = 3


@dataclass(frozen=True)
class Gap:
    device_id: str
    expected: int


@dataclass
class Admission:
    team_id: str
    me: str
    current: KeyBundle
    highest: dict[str, int]  # per device, the highest batch number taken in (applied or quarantined)
    # Fetches newer epochs: a device approved, or a key made, after this run's first page is not yet known.
    refresh: Callable[[], KeyBundle] | None = None
    # Erasure: opens each participant's envelope in a batch, dropping those of erased participants.
    opener: Callable[[crypto.Payload, WireBatch], crypto.Payload] | None = None
    _refreshed: set[str] = field(default_factory=set)

    def _known(self, device_id: str, key_id: str) -> bool:
        return device_id in self.current.roster and key_id in self.current.keys

    def _refresh_for(self, b: WireBatch) -> None:
        marker = f"{b.device_id}/{b.key_id}"
        # A few per run: a server inventing device ids must not turn every batch into a key request.
        if (self.refresh is not None and not self._known(b.device_id, b.key_id) and marker not in self._refreshed
                and len(self._refreshed) < MAX_REFRESHES):
            self._refreshed.add(marker)
            self.current = self.refresh()

    def take(self, b: WireBatch) -> merge.RemoteBatch | Gap:
        """The batch as merge should see it (decrypted, or with the problem that quarantines it), or a gap."""
        assert b.cursor is not None
        if b.device_id == self.me:
            return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b"")
        self._refresh_for(b)
        member = self.current.roster.get(b.device_id)
        if member is None:
            return self._refused(b, f"signed by no member: device {b.device_id} is not in the team's roster")
        expected = self.highest.get(b.device_id, 0) + 1
        if b.seq > expected:
            return Gap(b.device_id, expected)
        if b.seq < expected:
            return self._refused(b, f"replayed: batch {b.seq} of device {b.device_id} was already taken in")
        self.highest[b.device_id] = b.seq
        if not batch_signature.signature_ok(member.ed25519, b.blob, team_id=self.team_id, device_id=b.device_id,
                                         seq=b.seq, key_id=b.key_id):
            return self._refused(b, f"signature does not verify: not made by device {b.device_id}")
        if member.cutoff is not None and b.seq > member.cutoff:
            return self._refused(b, f"batch {b.seq} of removed device {b.device_id} is past its last accepted "
                                    f"batch {member.cutoff}")
        key = self.current.keys.get(b.key_id)
        if key is None:
            return self._refused(b, f"unknown key id {b.key_id}")
        retired = self.current.retired_at(b.key_id)
        if retired is not None and member.added >= retired:
            return self._refused(b, f"key {b.key_id} was retired before device {b.device_id} joined")
        if member.removed is not None and self.current.key_epochs[b.key_id] >= member.removed:
            return self._refused(b, f"key {b.key_id} was made after device {b.device_id} was removed")
        try:
            ciphertext, _ = crypto.split_batch(b.blob)
            plain = crypto.decrypt_batch(key, ciphertext, team_id=self.team_id, device_id=b.device_id, seq=b.seq,
                                         key_id=b.key_id)
            payload = crypto.decode_payload(plain)
            if self.opener is not None:
                payload = self.opener(payload, b)
        except crypto.CryptoError as exc:
            return self._refused(b, f"cannot decrypt: {exc}")
        # Most batches hold no sealed copy: looked for at C speed before the per-change scan.
        sealed = (seal_trust.problem(payload.changes, device_id=b.device_id, roster=self.current)
                  if seal_trust.ENTITY in entities_of(payload.changes) else None)
        if sealed is not None:
            return self._refused(b, sealed)
        return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b.blob, payload.base, payload.changes)

    @staticmethod
    def _refused(b: WireBatch, problem: str) -> merge.RemoteBatch:
        assert b.cursor is not None
        return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b.blob, problem=problem)
