"""The team's keys on this device: the first key, taking (and verifying) new epochs, approval, recovery, rotation.

Every epoch this device takes must extend the last one it verified (bundle.check_successor); it wraps keys
only for devices in its own verified roster, and refuses when the server lists an active device that is not
there with the same public keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.storage import sync_seen
from fieldapp.sync import bundle as bundles
from fieldapp.sync import crypto, errors, identity, keys
from fieldapp.sync.bundle import RECOVERY_SIGNER, KeyBundle, UntrustedBundle
from fieldapp.sync.context import Context, check, parse
from fieldapp.sync.protocol import RECOVERY_RECIPIENT, DeviceInfo, KeyEnvelope, KeyUpdate, Status, b64e


def trusted_bundle(device_id: str) -> KeyBundle | None:
    try:
        return keys.bundle(device_id)
    except crypto.CryptoError as exc:
        raise errors.sync_error(
            "keys", "bundle_unreadable",
            "Teamnøklene i nøkkelringen kan ikke leses (fra en eldre versjon?). Registrer enheten på nytt.",
            "The team keys in the keyring cannot be read (from an older release?). Enroll the device again.") from exc


def current_bundle(ctx: Context, status: Status) -> KeyBundle:
    """The verified bundle for the server's current epoch, fetching and checking any newer epochs first."""
    trusted = trusted_bundle(ctx.me)
    if status.current_key_id is None:
        create_first_key(ctx)
        trusted = trusted_bundle(ctx.me)
    elif trusted is None or status.key_epoch > trusted.epoch or status.current_key_id not in trusted.keys:
        body = check(ctx.t.call("GET", "/v1/keys"), "nøkkelforespørselen / the key request")
        envelopes = sorted((parse(KeyEnvelope.from_json, item) for item in body.get("envelopes", [])),
                           key=lambda e: e.key_epoch)
        mine = ctx.keys()
        for env in envelopes:
            if trusted is not None and env.key_epoch <= trusted.epoch:
                continue
            try:
                opened = bundles.open_bundle(env.blob, mine.x25519_private, team_id=ctx.team_id, recipient=ctx.me,
                                             key_epoch=env.key_epoch)
                if trusted is None:
                    bundles.check_root(opened, device_id=ctx.me, device_keys=mine.public)
                else:
                    bundles.check_successor(trusted, opened)
            except UntrustedBundle as exc:
                raise errors.untrusted_bundle(f"epoch {env.key_epoch}: {exc}") from exc
            except crypto.CryptoError as exc:
                raise errors.sync_error("keys", "bad_envelope", f"Teamnøkkelen kunne ikke åpnes: {exc}",
                                        f"The team key could not be opened: {exc}") from exc
            trusted = keys.store_bundle(ctx.me, opened)
    if trusted is None or status.current_key_id not in trusted.keys:
        raise errors.sync_error("keys", "no_team_key",
                                "Enheten har ikke fått teamets nøkkel ennå (venter på godkjenning eller nøkkelbytte).",
                                "This device has not received the team's key yet (waiting for approval or a key change).")
    return trusted


def create_first_key(ctx: Context) -> str:
    """The first device of a team makes the data key and the printable recovery key; returns the latter."""
    recovery_private, recovery_public = crypto.new_device_keypair()
    recovery_signing = identity.identity_public(identity.recovery_signing_private(recovery_private))
    mine = ctx.keys()
    new = bundles.first_bundle(ctx.team_id, ctx.me, mine.x25519_public, mine.ed25519_public, recovery_public,
                               recovery_signing).signed(ctx.me, mine.ed25519_private)
    upd = KeyUpdate(0, new.current, envelopes(new, [ctx.me]), crypto.recovery_auth_hash(recovery_private))
    check(ctx.t.call("POST", "/v1/keys", json=upd.to_json()), "den første teamnøkkelen / the first team key")
    keys.store_bundle(ctx.me, new)
    return crypto.recovery_text(recovery_private)


def recover(ctx: Context, recovery_private: bytes) -> None:
    """Open the recovery envelope, prove the recovery key to the server, and join the roster (signed with the
    recovery signing key, which every member can check against the bundle)."""
    env = parse(KeyEnvelope.from_json, check(ctx.t.call("GET", "/v1/recovery"), "gjenopprettingen / the recovery"))
    try:
        found = bundles.open_bundle(env.blob, recovery_private, team_id=ctx.team_id, recipient=RECOVERY_RECIPIENT,
                                    key_epoch=env.key_epoch)
    except crypto.CryptoError as exc:
        raise errors.sync_error("keys", "bad_recovery_key", "Gjenopprettingsnøkkelen passer ikke til dette teamet.",
                                "The recovery key does not fit this team.") from exc
    signing_private = identity.recovery_signing_private(recovery_private)
    try:
        if (found.recovery_public != crypto.public_key(recovery_private)
                or found.recovery_signing != identity.identity_public(signing_private)):
            raise UntrustedBundle("it names another recovery key")
        bundles.check_self_signed(found)
    except UntrustedBundle as exc:
        raise errors.untrusted_bundle(f"recovery: {exc}") from exc
    check(ctx.t.call("POST", "/v1/recovery", json={"recovery_auth": b64e(crypto.recovery_auth(recovery_private))}),
          "gjenopprettingen / the recovery")
    active = active_devices(ctx.devices(), exclude=ctx.me)
    checked_members(found, active)
    mine = ctx.keys()
    new = found.with_member(ctx.me, mine.x25519_public, mine.ed25519_public).signed(RECOVERY_SIGNER, signing_private)
    upd = KeyUpdate(found.epoch, new.current, envelopes(new, [*active, ctx.me]))
    check(ctx.t.call("POST", "/v1/keys", json=upd.to_json()), "gjenopprettingen / the recovery")
    keys.store_bundle(ctx.me, new)


def approve(ctx: Context, target: DeviceInfo) -> str:
    """Add a pending device to the roster as the next epoch; returns the team key fingerprint it will show."""
    split = identity.split_device_keys(target.public_key)
    if split is None:
        raise errors.sync_error("setup", "device_too_old",
                                "Enheten bruker en eldre versjon av Fieldapp uten signaturnøkkel; oppdater den og "
                                "registrer den på nytt.",
                                "The device runs an older release of Fieldapp without a signing key; update it "
                                "and enroll it again.")
    current = current_bundle(ctx, ctx.status())
    active = active_devices(ctx.devices())
    checked_members(current, active)
    mine = ctx.keys()
    new = current.with_member(target.device_id, *split).signed(ctx.me, mine.ed25519_private)
    upd = KeyUpdate(current.epoch, new.current, envelopes(new, [*active, target.device_id]))
    check(ctx.t.call("POST", f"/v1/devices/{target.device_id}/approve", json=upd.to_json()),
          "godkjenningen / the approval")
    keys.store_bundle(ctx.me, new)
    return bundles.team_key_fingerprint(new)


def rotate(ctx: Context, status: Status, current: KeyBundle) -> KeyBundle:
    """After a revocation: a new data key for the remaining devices (and recovery); old keys stay for reading.
    Each member that leaves gets a cutoff: the highest of its batches this device has taken in (it pulled
    everything first), so a batch it makes later with a key it kept is refused everywhere."""
    for _ in range(3):
        active = {d.device_id: d.public_key for d in status.active_devices}
        checked_members(current, active)
        seen = sync_seen.highest_seqs(ctx.folder)
        leaving = {d: seen.get(d, 0) for d in current.members if d not in active}
        mine = ctx.keys()
        new = current.rotated(leaving).signed(ctx.me, mine.ed25519_private)
        resp = ctx.t.call("POST", "/v1/keys", json=KeyUpdate(current.epoch, new.current,
                                                             envelopes(new, active)).to_json())
        if resp.status == 200:
            return keys.store_bundle(ctx.me, new)
        # Someone else rotated, or the members changed meanwhile: look again.
        status = ctx.status()
        current = current_bundle(ctx, status)
        if not status.rotation_needed:
            return current
    raise errors.sync_error("conflict", "rotation_failed", "Nøkkelbyttet lyktes ikke; prøv igjen.",
                            "The key change did not succeed; try again.")


def active_devices(devices: list[DeviceInfo], *, exclude: str | None = None) -> dict[str, bytes]:
    return {d.device_id: d.public_key for d in devices if d.status == "active" and d.device_id != exclude}


def checked_members(current: KeyBundle, active: dict[str, bytes]) -> None:
    """Every device the server lists as active must be an active member of our verified roster with the same
    public keys; otherwise nothing is wrapped for anyone."""
    strangers = sorted(d for d, pub in active.items()
                       if d not in current.members or current.roster[d].device_keys != pub)
    if strangers:
        raise errors.sync_error(
            "keys", "unknown_member",
            f"Serveren oppgir enheter som ingen i teamet har godkjent ({', '.join(strangers)}). Teamnøkkelen "
            "blir IKKE delt med dem. Kontakt administratoren: serveren kan være kompromittert.",
            f"The server lists devices no member of the team approved ({', '.join(strangers)}). The team key "
            "is NOT shared with them. Contact the administrator: the server may be compromised.")


def envelopes(new: KeyBundle, recipients: Iterable[str]) -> tuple[KeyEnvelope, ...]:
    """The bundle wrapped for each recipient (active members of `new` only) and for the recovery key."""
    out = [KeyEnvelope(d, new.epoch, bundles.seal_bundle(new, d, new.roster[d].x25519))
           for d in dict.fromkeys(recipients) if d in new.members]
    out.append(KeyEnvelope(RECOVERY_RECIPIENT, new.epoch,
                           bundles.seal_bundle(new, RECOVERY_RECIPIENT, new.recovery_public)))
    return tuple(out)
