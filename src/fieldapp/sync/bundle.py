"""The team key bundle: data keys, recovery keys and the member roster, signed epoch by epoch as a chain.

Rules a device checks before it takes a new epoch (`check_successor`): the same team, the next epoch number,
signed by a device that was an active member of the previous epoch (or by the recovery signing key), every
older data key byte-identical, the recovery keys unchanged, roster entries never changed or brought back, a
device removed only together with a new data key, and a new key only as the current one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from fieldapp.sync import crypto, identity
from fieldapp.sync.crypto import CryptoError

RECOVERY_SIGNER = "recovery"


@dataclass(frozen=True)
class Member:
    """A device some member approved: its two public keys, the epoch it joined, and, once removed, the epoch
    of its removal and the highest batch number of it the remover had applied (later ones are refused)."""

    x25519: bytes
    ed25519: bytes
    added: int
    removed: int | None = None
    cutoff: int | None = None

    @property
    def active(self) -> bool:
        return self.removed is None

    @property
    def device_keys(self) -> bytes:
        return identity.join_device_keys(self.x25519, self.ed25519)

    def to_json(self) -> dict[str, Any]:
        return {"x25519": self.x25519.hex(), "ed25519": self.ed25519.hex(), "added": self.added,
                "removed": self.removed, "cutoff": self.cutoff}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Member:
        removed, cutoff = d.get("removed"), d.get("cutoff")
        return cls(bytes.fromhex(d["x25519"]), bytes.fromhex(d["ed25519"]), int(d["added"]),
                   None if removed is None else int(removed), None if cutoff is None else int(cutoff))


@dataclass(frozen=True)
class KeyBundle:
    """Every data key the team has had (with the epoch each came in), the current one, the recovery keys and
    the roster, signed by `signer`. The server only ever stores it wrapped and cannot sign one."""

    team_id: str
    epoch: int
    current: str
    keys: dict[str, bytes]
    recovery_public: bytes
    recovery_signing: bytes
    roster: dict[str, Member] = field(default_factory=dict)
    key_epochs: dict[str, int] = field(default_factory=dict)
    signer: str = ""
    signature: bytes = b""

    @property
    def current_key(self) -> bytes:
        return self.keys[self.current]

    @property
    def members(self) -> dict[str, bytes]:
        """Active members and their X25519 keys: whom this epoch is wrapped for."""
        return {d: m.x25519 for d, m in self.roster.items() if m.active}

    def retired_at(self, key_id: str) -> int | None:
        """The epoch in which the next data key replaced `key_id` (None while it is current)."""
        start = self.key_epochs.get(key_id)
        later = [e for k, e in self.key_epochs.items() if start is not None and e > start]
        return min(later) if later else None

    def _doc(self) -> dict[str, Any]:
        return {"team_id": self.team_id, "epoch": self.epoch, "current": self.current,
                "keys": {k: v.hex() for k, v in sorted(self.keys.items())},
                "key_epochs": dict(sorted(self.key_epochs.items())),
                "recovery_public": self.recovery_public.hex(), "recovery_signing": self.recovery_signing.hex(),
                "roster": {d: m.to_json() for d, m in sorted(self.roster.items())}, "signer": self.signer}

    def signed_bytes(self) -> bytes:
        return b"fieldapp-bundle-v2\0" + json.dumps(self._doc(), sort_keys=True, separators=(",", ":")).encode()

    def to_bytes(self) -> bytes:
        return json.dumps({**self._doc(), "signature": self.signature.hex()}, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyBundle:
        try:
            d = json.loads(data)
            bundle = cls(d["team_id"], int(d["epoch"]), d["current"],
                         {k: bytes.fromhex(v) for k, v in d["keys"].items()}, bytes.fromhex(d["recovery_public"]),
                         bytes.fromhex(d["recovery_signing"]),
                         {k: Member.from_json(v) for k, v in d["roster"].items()},
                         {k: int(v) for k, v in d["key_epochs"].items()}, str(d["signer"]),
                         bytes.fromhex(d["signature"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CryptoError("the key bundle is not readable (or from an older release)") from exc
        if (bundle.current not in bundle.keys or any(len(k) != 32 for k in bundle.keys.values())
                or set(bundle.key_epochs) != set(bundle.keys)):
            raise CryptoError("the key bundle is inconsistent")
        return bundle

    # Making the next epoch (each returns an unsigned bundle; sign it with `signed`) ---------------------

    def rotated(self, removed_cutoffs: dict[str, int]) -> KeyBundle:
        """A new current data key; the devices in `removed_cutoffs` leave, with the highest batch number of
        each that stays acceptable. Old keys are kept, to read old batches."""
        epoch = self.epoch + 1
        key_id = crypto.new_key_id()
        roster = {d: (replace(m, removed=epoch, cutoff=removed_cutoffs[d]) if d in removed_cutoffs and m.active else m)
                  for d, m in self.roster.items()}
        return replace(self, epoch=epoch, current=key_id, keys={**self.keys, key_id: crypto.new_key()},
                       key_epochs={**self.key_epochs, key_id: epoch}, roster=roster, signer="", signature=b"")

    def with_member(self, device_id: str, x25519: bytes, ed25519: bytes) -> KeyBundle:
        """The same keys with one more member (an approval or a recovery): the next epoch."""
        epoch = self.epoch + 1
        return replace(self, epoch=epoch, roster={**self.roster, device_id: Member(x25519, ed25519, epoch)},
                       signer="", signature=b"")

    def signed(self, signer: str, signing_private: bytes) -> KeyBundle:
        unsigned = replace(self, signer=signer, signature=b"")
        return replace(unsigned, signature=identity.sign(signing_private, unsigned.signed_bytes()))


def first_bundle(team_id: str, device_id: str, x25519: bytes, ed25519: bytes, recovery_public: bytes,
                 recovery_signing: bytes) -> KeyBundle:
    key_id = crypto.new_key_id()
    return KeyBundle(team_id, 1, key_id, {key_id: crypto.new_key()}, recovery_public, recovery_signing,
                     {device_id: Member(x25519, ed25519, 1)}, {key_id: 1})


class UntrustedBundle(CryptoError):
    """A bundle that does not follow from the last one this device trusted (forged, or broken rules)."""


def _signer_key(signer: str, trusted: KeyBundle) -> bytes:
    if signer == RECOVERY_SIGNER:
        return trusted.recovery_signing
    member = trusted.roster.get(signer)
    if member is None or not member.active:
        raise UntrustedBundle(f"epoch signed by {signer or 'nobody'}, who is not a member")
    return member.ed25519


def _check_signature(bundle: KeyBundle, trusted: KeyBundle) -> None:
    if not identity.verify(_signer_key(bundle.signer, trusted), bundle.signature, bundle.signed_bytes()):
        raise UntrustedBundle(f"the signature of epoch {bundle.epoch} does not verify")


def check_self_signed(bundle: KeyBundle) -> None:
    """Signed by one of its own active members or by its recovery key (what a recovery can check)."""
    _check_signature(bundle, bundle)


def check_root(bundle: KeyBundle, *, device_id: str, device_keys: bytes) -> None:
    """The first bundle a device takes (its own founding, its approval, a recovery): signed by one of its own
    members (or the recovery key), and listing this device with its own keys. That it came from the right
    team is what the team key fingerprint, compared by the two people, settles."""
    _check_signature(bundle, bundle)
    me = bundle.roster.get(device_id)
    if me is None or not me.active or me.device_keys != device_keys:
        raise UntrustedBundle("the bundle does not list this device with its keys")


def check_successor(prev: KeyBundle, new: KeyBundle) -> None:
    """Raise UntrustedBundle unless `new` is a valid next epoch after `prev` (see the module docstring)."""
    if new.team_id != prev.team_id or new.epoch != prev.epoch + 1:
        raise UntrustedBundle(f"epoch {new.epoch} does not follow epoch {prev.epoch} of this team")
    _check_signature(new, prev)
    if new.recovery_public != prev.recovery_public or new.recovery_signing != prev.recovery_signing:
        raise UntrustedBundle("the recovery key was changed")
    for key_id, key in prev.keys.items():
        if new.keys.get(key_id) != key or new.key_epochs.get(key_id) != prev.key_epochs[key_id]:
            raise UntrustedBundle(f"data key {key_id} was changed or dropped")
    added_keys = set(new.keys) - set(prev.keys)
    if added_keys and (added_keys != {new.current} or new.key_epochs[new.current] != new.epoch):
        raise UntrustedBundle("a new data key must be the current one, from this epoch")
    if not added_keys and new.current != prev.current:
        raise UntrustedBundle("the current key went back to an older one")
    removed_now = False
    for device, old in prev.roster.items():
        now = new.roster.get(device)
        if now is None or (now.x25519, now.ed25519, now.added) != (old.x25519, old.ed25519, old.added):
            raise UntrustedBundle(f"member {device} was changed or dropped")
        if not old.active:
            if now != old:
                raise UntrustedBundle(f"removed member {device} was changed")
        elif not now.active:
            if now.removed != new.epoch or now.cutoff is None or now.cutoff < 0:
                raise UntrustedBundle(f"member {device} was removed inconsistently")
            removed_now = True
    if removed_now and not added_keys:
        raise UntrustedBundle("a member was removed without a new data key")
    for device in set(new.roster) - set(prev.roster):
        if new.roster[device].added != new.epoch or not new.roster[device].active:
            raise UntrustedBundle(f"new member {device} is inconsistent")


def team_key_fingerprint(bundle: KeyBundle) -> str:
    """What a newly approved device shows and its approver confirms: it covers the team, every data key and
    the recovery keys, so a bundle the server made cannot show the same."""
    h = hashlib.sha256(b"fieldapp-teamkey-v2\0" + bundle.team_id.encode() + b"\0" + bundle.recovery_public
                       + bundle.recovery_signing)
    for key_id in sorted(bundle.keys):
        h.update(b"\0" + key_id.encode() + b"\0" + bundle.keys[key_id])
    return crypto.group_b32(h.digest()[:8], 12)


def seal_bundle(bundle: KeyBundle, recipient: str, recipient_public: bytes) -> bytes:
    return crypto.wrap(bundle.to_bytes(), recipient_public,
                       context=crypto.wrap_context(team_id=bundle.team_id, recipient=recipient, key_epoch=bundle.epoch))


def open_bundle(blob: bytes, private: bytes, *, team_id: str, recipient: str, key_epoch: int) -> KeyBundle:
    data = crypto.unwrap(blob, private, context=crypto.wrap_context(team_id=team_id, recipient=recipient,
                                                                    key_epoch=key_epoch))
    bundle = KeyBundle.from_bytes(data)
    if bundle.team_id != team_id or bundle.epoch != key_epoch:
        raise CryptoError("the key bundle belongs to another team or epoch")
    return bundle
