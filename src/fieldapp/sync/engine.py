"""The sync engine: enrollment, key distribution, and one full push-and-pull run. Plain Python, no Qt.

A run always ends in one of three states: done, error (with a kind) or paused (the server asked to
come back later). Local data is never deleted or rolled back by a run, whatever the server answers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fieldapp.domain.messages import DomainError
from fieldapp.storage import merge, sync_state
from fieldapp.storage.datafolder import DataFolder
from fieldapp.sync import crypto, errors, keys, token
from fieldapp.sync.errors import SyncError
from fieldapp.sync.protocol import (
    RECOVERY_RECIPIENT, Accepted, DeviceInfo, EnrollRequest, EnrollResponse, KeyEnvelope, KeyUpdate, ProtocolError,
    PullPage, PushRequest, Status, WireBatch, b64e,
)

if TYPE_CHECKING:  # httpx (through transport) is imported only when a sync really starts
    from fieldapp.sync.transport import Response, Transport

MAX_PUSH_BYTES = 16 * 1024 * 1024
MAX_PUSH_BATCHES = 100
PULL_LIMIT = 25  # batches per page: bounded memory while catching up (a batch is up to ~2,000 changes)

# progress(done, total): batches pulled so far and batches there were to pull when the run started.
Progress = Callable[[int, int], None]


@dataclass
class SyncReport:
    state: str = "done"  # done | error | paused
    pushed_batches: int = 0
    pushed_changes: int = 0
    pulled_batches: int = 0
    applied_changes: int = 0
    conflicts: int = 0
    quarantined: int = 0
    rotated_key: bool = False
    team_key_fingerprint: str | None = None  # set when this device received the team's keys for the first time
    error: SyncError | None = None
    seconds: float = 0.0
    quarantine_reasons: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.state == "done"


@dataclass(frozen=True)
class Enrollment:
    team_id: str
    team_name: str
    status: str  # active | pending
    fingerprint: str
    recovery_key: str | None  # printed once, for the first device of a team


@dataclass(frozen=True)
class PendingDevice:
    device_id: str
    name: str
    fingerprint: str
    created_at: str


def _check(resp: Response, what: str) -> Any:
    if resp.status not in (200, 201):
        msg = resp.body.get("message") if isinstance(resp.body, dict) else resp.body
        # One language at a time: `what` is "bokmål / English"; the server's own message is English only.
        what_nb, _, what_en = what.partition(" / ")
        raise errors.sync_error("conflict" if resp.status == 409 else "setup", f"refused.{resp.code or resp.status}",
                                f"Serveren avviste {what_nb} ({resp.code or resp.status}).",
                                f"The server refused {what_en or what_nb}: {msg}")
    if not isinstance(resp.body, dict):
        raise errors.protocol(f"{what}: expected a JSON object")
    return resp.body


class SyncClient:
    """Sync for one open data folder. `transport_options` go to every Transport (tests shorten timeouts)."""

    def __init__(self, folder: DataFolder, **transport_options: Any) -> None:
        self.folder = folder
        self.me = folder.device_id
        self.transport_options = transport_options
        self._kept: tuple[tuple[str, str], Transport] | None = None

    def close(self) -> None:
        if self._kept is not None:
            self._kept[1].close()
            self._kept = None

    # Enrollment and devices ----------------------------------------------------------------------

    def fingerprint(self) -> str:
        private = keys.device_private_key(self.me, create=True)
        assert private is not None
        return crypto.fingerprint(self.me, crypto.public_key(private))

    def enroll(self, server_url: str, code: str, *, name: str, recovery_key: str | None = None) -> Enrollment:
        if sync_state.get_account(self.folder) is not None:
            raise errors.sync_error("setup", "already_enrolled", "Denne datamappen er allerede registrert hos en server.",
                                    "This data folder is already enrolled with a server.")
        recovery_private = crypto.parse_recovery_text(recovery_key) if recovery_key else None
        private = keys.device_private_key(self.me, create=True)
        assert private is not None
        req = EnrollRequest(code.strip(), self.me, name[:200] or "device", crypto.public_key(private))
        from fieldapp.sync.transport import Transport

        with Transport(server_url, **self.transport_options) as t:
            resp = t.call("POST", "/v1/enroll", json=req.to_json(), idempotent=False)
            if resp.status == 403:
                raise errors.sync_error("setup", "bad_code", "Registreringskoden er ukjent, brukt eller utløpt.",
                                        "The enrollment code is unknown, already used or expired.")
            enrolled = self._parse(EnrollResponse.from_json, _check(resp, "registreringen / the enrollment"))
        keys.store_token(self.me, enrolled.token)
        sync_state.save_account(self.folder, server_url=server_url, team_id=enrolled.team_id,
                                team_name=enrolled.team_name, history_id=enrolled.history_id)
        recovery_text = None
        with self._transport() as t:
            if enrolled.status == "active":
                recovery_text = self._create_first_key(t, enrolled.team_id)
            elif recovery_private is not None:
                self._recover(t, enrolled.team_id, recovery_private)
        status = "active" if enrolled.status == "active" or recovery_private is not None else "pending"
        return Enrollment(enrolled.team_id, enrolled.team_name, status, self.fingerprint(), recovery_text)

    def pending_devices(self) -> list[PendingDevice]:
        with self._transport() as t:
            return [PendingDevice(d.device_id, d.name, crypto.fingerprint(d.device_id, d.public_key), d.created_at)
                    for d in self._devices(t) if d.status == "pending"]

    def approve(self, device_id: str, fingerprint: str) -> str:
        """Approve a pending device; returns the team key fingerprint the new device will show."""
        account = self._account()
        with self._transport() as t:
            target = next((d for d in self._devices(t) if d.device_id == device_id), None)
            if target is None or target.status != "pending":
                raise errors.sync_error("setup", "no_pending_device", f"Ingen enhet {device_id} venter på godkjenning.",
                                        f"No device {device_id} is waiting for approval.")
            actual = crypto.fingerprint(target.device_id, target.public_key)
            if crypto.normalise_fingerprint(fingerprint) != actual:
                raise errors.sync_error(
                    "setup", "fingerprint_mismatch",
                    f"Fingeravtrykket stemmer ikke (serveren viser {actual}). Enheten er IKKE godkjent; sjekk at du "
                    "godkjenner riktig enhet.",
                    f"The fingerprint does not match (the server shows {actual}). The device was NOT approved; check "
                    "that you approve the right device.")
            status = self._status(t, account)
            bundle = self._current_bundle(t, account, status)
            active = {d.device_id: d.public_key for d in self._devices(t) if d.status == "active"}
            members = self._checked_members(bundle, active)
            members[device_id] = target.public_key
            new = bundle.with_members(members)
            resp = t.call("POST", f"/v1/devices/{device_id}/approve",
                          json=KeyUpdate(bundle.epoch, new.current, self._envelopes(new)).to_json())
            _check(resp, "godkjenningen / the approval")
            keys.store_bundle(self.me, new)
            bundle = new
            return crypto.team_key_fingerprint(bundle)

    def devices(self) -> list[DeviceInfo]:
        """Every device of the team, pending, active and revoked (this device must be active)."""
        with self._transport() as t:
            return self._devices(t)

    def revoke(self, device_id: str) -> None:
        """Revoke another device of the team (a lost laptop); the next member to sync rotates the team key."""
        with self._transport() as t:
            _check(t.call("POST", f"/v1/devices/{device_id}/revoke"), "tilbakekallingen / the revocation")

    # The run ------------------------------------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        report = SyncReport()
        started = time.perf_counter()
        try:
            account = self._account()
            t = self._reused_transport(account)
            # Pull first: its first page carries the team's status (history, keys, rotation), so a
            # sync with nothing to do is one request, and one with local changes two.
            status, bundle = self._pull(t, account, report, progress)
            if status.rotation_needed:
                bundle = self._rotate(t, account, status, bundle)
                report.rotated_key = True
                # A key rotation follows a revocation: this device's token is renewed with it (sync/token.py).
                token.rotate_token(t, self.me)
            self._push(t, account, bundle, report)
        except merge.CursorMoved:
            report.state, report.error = "error", errors.sync_error(
                "conflict", "concurrent_sync", "En annen synkronisering av denne mappen pågikk samtidig; prøv igjen.",
                "Another sync of this folder ran at the same time; try again.")
        except SyncError as exc:
            report.state = "paused" if exc.kind == "paused" else "error"
            report.error = exc
        except DomainError as exc:  # e.g. no usable keyring: known, shown, and the run still ends
            report.state, report.error = "error", SyncError("setup", exc.message)
        report.seconds = time.perf_counter() - started
        return report

    # Internals ----------------------------------------------------------------------------------

    def _account(self) -> sync_state.Account:
        account = sync_state.get_account(self.folder)
        if account is None:
            raise errors.not_enrolled()
        return account

    def _reused_transport(self, account: sync_state.Account) -> Transport:
        """The connection pool is kept between runs (a UI syncs every few seconds); the deadline is per run."""
        token = keys.token(self.me)
        if token is None:
            raise errors.auth_failed()
        key = (account.server_url, token)
        if self._kept is None or self._kept[0] != key:
            self.close()
            from fieldapp.sync.transport import Transport

            self._kept = (key, Transport(account.server_url, token, **self.transport_options))
        t = self._kept[1]
        t.restart_deadline(self.transport_options.get("deadline_s", 300.0))
        return t

    def _transport(self) -> Transport:
        account = self._account()
        token = keys.token(self.me)
        if token is None:
            raise errors.auth_failed()
        from fieldapp.sync.transport import Transport

        return Transport(account.server_url, token, **self.transport_options)

    @staticmethod
    def _parse(parser: Any, body: Any) -> Any:
        try:
            return parser(body)
        except ProtocolError as exc:
            raise errors.protocol(str(exc)) from exc

    def _devices(self, t: Transport) -> list[DeviceInfo]:
        body = _check(t.call("GET", "/v1/devices"), "enhetslisten / the device list")
        return [self._parse(DeviceInfo.from_json, d) for d in body.get("devices", [])]

    def _status(self, t: Transport, account: sync_state.Account) -> Status:
        resp = t.call("GET", "/v1/status")
        status: Status = self._parse(Status.from_json, _check(resp, "statusforespørselen / the status request"))
        return self._check_status(status, account)

    def _check_status(self, status: Status, account: sync_state.Account) -> Status:
        """The server must hold the history this device has seen; otherwise nothing is done locally."""
        if status.team_id != account.team_id:
            raise errors.history("et annet team", "another team")
        if status.history_id != account.history_id:
            raise errors.history("en annen historikk-id", "another history id")
        if status.max_cursor < account.cursor:
            raise errors.history(f"serveren har {status.max_cursor} endringspakker, denne enheten har sett {account.cursor}",
                                 f"the server holds {status.max_cursor} batches, this device has seen {account.cursor}")
        if status.device_status != "active":
            raise errors.pending(self.fingerprint())
        return status

    def _private(self) -> bytes:
        private = keys.device_private_key(self.me)
        if private is None:
            raise errors.sync_error("keys", "device_key_missing",
                                    "Enhetens nøkkel mangler i nøkkelringen; registrer enheten på nytt.",
                                    "This device's key is missing from the keyring; enroll the device again.")
        return private

    def _current_bundle(self, t: Transport, account: sync_state.Account, status: Status) -> crypto.KeyBundle:
        bundle = keys.bundle(self.me)
        if status.current_key_id is None:
            self._create_first_key(t, account.team_id)
            bundle = keys.bundle(self.me)
        elif bundle is None or status.key_epoch > bundle.epoch or status.current_key_id not in bundle.keys:
            body = _check(t.call("GET", "/v1/keys"), "nøkkelforespørselen / the key request")
            private = self._private()
            for item in body.get("envelopes", []):
                env = self._parse(KeyEnvelope.from_json, item)
                if bundle is not None and env.key_epoch <= bundle.epoch:
                    continue
                try:
                    opened = crypto.open_bundle(env.blob, private, team_id=account.team_id, recipient=self.me,
                                                key_epoch=env.key_epoch)
                except crypto.CryptoError as exc:
                    raise errors.sync_error("keys", "bad_envelope", f"Teamnøkkelen kunne ikke åpnes: {exc}",
                                            f"The team key could not be opened: {exc}") from exc
                bundle = keys.store_bundle(self.me, opened)
        if bundle is None or status.current_key_id not in bundle.keys:
            raise errors.sync_error("keys", "no_team_key",
                                    "Enheten har ikke fått teamets nøkkel ennå (venter på godkjenning eller nøkkelbytte).",
                                    "This device has not received the team's key yet (waiting for approval or a key change).")
        return bundle

    def _create_first_key(self, t: Transport, team_id: str) -> str:
        """The first device of a team makes the data key and the printable recovery key."""
        recovery_private, recovery_public = crypto.new_device_keypair()
        key_id = crypto.new_key_id()
        private = self._private()
        bundle = crypto.KeyBundle(team_id, 1, key_id, {key_id: crypto.new_key()}, recovery_public,
                                  {self.me: crypto.public_key(private)})
        envelopes = (
            KeyEnvelope(self.me, 1, crypto.seal_bundle(bundle, self.me, crypto.public_key(private))),
            KeyEnvelope(RECOVERY_RECIPIENT, 1, crypto.seal_bundle(bundle, RECOVERY_RECIPIENT, recovery_public)),
        )
        upd = KeyUpdate(0, key_id, envelopes, crypto.recovery_auth_hash(recovery_private))
        _check(t.call("POST", "/v1/keys", json=upd.to_json()), "den første teamnøkkelen / the first team key")
        keys.store_bundle(self.me, bundle)
        return crypto.recovery_text(recovery_private)

    def _recover(self, t: Transport, team_id: str, recovery_private: bytes) -> None:
        env = self._parse(KeyEnvelope.from_json, _check(t.call("GET", "/v1/recovery"), "gjenopprettingen / the recovery"))
        try:
            bundle = crypto.open_bundle(env.blob, recovery_private, team_id=team_id, recipient=RECOVERY_RECIPIENT,
                                        key_epoch=env.key_epoch)
        except crypto.CryptoError as exc:
            raise errors.sync_error("keys", "bad_recovery_key", "Gjenopprettingsnøkkelen passer ikke til dette teamet.",
                                    "The recovery key does not fit this team.") from exc
        _check(t.call("POST", "/v1/recovery", json={"recovery_auth": b64e(crypto.recovery_auth(recovery_private))}),
               "gjenopprettingen / the recovery")
        # Now active: join the member list, so a later rotation wraps the key for this device too.
        active = {d.device_id: d.public_key for d in self._devices(t) if d.status == "active" and d.device_id != self.me}
        members = self._checked_members(bundle, active)
        members[self.me] = crypto.public_key(self._private())
        new = bundle.with_members(members)
        _check(t.call("POST", "/v1/keys", json=KeyUpdate(bundle.epoch, new.current, self._envelopes(new)).to_json()),
               "gjenopprettingen / the recovery")
        keys.store_bundle(self.me, new)

    def _rotate(self, t: Transport, account: sync_state.Account, status: Status,
                bundle: crypto.KeyBundle) -> crypto.KeyBundle:
        """After a revocation: a new data key for the remaining devices (and recovery); old keys stay for reading."""
        for _ in range(3):
            members = self._checked_members(bundle, {d.device_id: d.public_key for d in status.active_devices})
            new = bundle.rotated(members)
            resp = t.call("POST", "/v1/keys", json=KeyUpdate(bundle.epoch, new.current,
                                                             self._envelopes(new)).to_json())
            if resp.status == 200:
                return keys.store_bundle(self.me, new)
            # Someone else rotated, or the members changed meanwhile: look again.
            status = self._status(t, account)
            bundle = self._current_bundle(t, account, status)
            if not status.rotation_needed:
                return bundle
        raise errors.sync_error("conflict", "rotation_failed", "Nøkkelbyttet lyktes ikke; prøv igjen.",
                                "The key change did not succeed; try again.")

    def _checked_members(self, bundle: crypto.KeyBundle, active: dict[str, bytes]) -> dict[str, bytes]:
        """The members to wrap keys for: the server's active devices, each of which must be in our (server-proof)
        member list with the same public key. Revoked members drop out."""
        strangers = sorted(d for d, pub in active.items() if bundle.members.get(d) != pub)
        if strangers:
            raise errors.sync_error(
                "keys", "unknown_member",
                f"Serveren oppgir enheter som ingen i teamet har godkjent ({', '.join(strangers)}). Teamnøkkelen "
                "blir IKKE delt med dem. Kontakt administratoren: serveren kan være kompromittert.",
                f"The server lists devices no member of the team approved ({', '.join(strangers)}). The team key "
                "is NOT shared with them. Contact the administrator: the server may be compromised.")
        return {d: bundle.members[d] for d in active}

    @staticmethod
    def _envelopes(bundle: crypto.KeyBundle) -> tuple[KeyEnvelope, ...]:
        out = [KeyEnvelope(d, bundle.epoch, crypto.seal_bundle(bundle, d, pub)) for d, pub in bundle.members.items()]
        out.append(KeyEnvelope(RECOVERY_RECIPIENT, bundle.epoch,
                               crypto.seal_bundle(bundle, RECOVERY_RECIPIENT, bundle.recovery_public)))
        return tuple(out)

    def _encrypt(self, account: sync_state.Account, bundle: crypto.KeyBundle) -> sync_state.Encrypt:
        def encrypt(seq: int, changes: list[tuple[str, str, str, Any, int]], base: int) -> tuple[str, bytes]:
            blob = crypto.encrypt_batch(bundle.current_key, crypto.encode_payload(changes, base=base),
                                        team_id=account.team_id, device_id=self.me, seq=seq, key_id=bundle.current)
            return bundle.current, blob
        return encrypt

    def _push(self, t: Transport, account: sync_state.Account, bundle: crypto.KeyBundle, report: SyncReport) -> None:
        sync_state.fill_outbox(self.folder, self._encrypt(account, bundle))
        for _ in range(1000):
            todo = sync_state.unpushed(self.folder, limit=MAX_PUSH_BATCHES)
            if not todo:
                return
            chunk, size = [], 0
            for b in todo:
                if chunk and size + len(b.blob) > MAX_PUSH_BYTES:
                    break
                chunk.append(b)
                size += len(b.blob)
            req = PushRequest(tuple(WireBatch(self.me, b.seq, b.key_id, b.blob) for b in chunk))
            resp = t.call("POST", "/v1/batches", json=req.to_json())
            body = resp.body if isinstance(resp.body, dict) else {}
            accepted = [self._parse(Accepted.from_json, a) for a in body.get("accepted", [])]
            sync_state.mark_pushed(self.folder, [(a.seq, a.cursor) for a in accepted])
            counts = {b.seq: b.change_count for b in chunk}
            report.pushed_batches += sum(1 for a in accepted if not a.duplicate)
            report.pushed_changes += sum(counts.get(a.seq, 0) for a in accepted if not a.duplicate)
            if resp.status == 200:
                if len(chunk) == len(todo) < MAX_PUSH_BATCHES:
                    return  # that was all of it
                continue
            if resp.code == "stale_key":
                status = self._status(t, account)
                bundle = self._current_bundle(t, account, status)

                def reseal(b: sync_state.OutboxBatch, bundle: crypto.KeyBundle = bundle) -> tuple[str, bytes]:
                    plain = crypto.decrypt_batch(bundle.keys[b.key_id], b.blob, team_id=account.team_id,
                                                 device_id=self.me, seq=b.seq, key_id=b.key_id)
                    return bundle.current, crypto.encrypt_batch(bundle.current_key, plain, team_id=account.team_id,
                                                                device_id=self.me, seq=b.seq, key_id=bundle.current)
                sync_state.reencrypt_unpushed(self.folder, reseal)
                continue
            if resp.code in ("batch_differs", "seq_gap"):
                raise errors.history(f"serveren avviste endringspakke {body.get('seq')} ({resp.code})",
                                     f"the server refused batch {body.get('seq')} ({resp.code})")
            raise errors.protocol(f"push answered {resp.status} {resp.code}")

    def _pull(self, t: Transport, account: sync_state.Account, report: SyncReport,
              progress: Progress | None = None) -> tuple[Status, crypto.KeyBundle]:
        """Pull every page, applying each in one transaction with the cursor. Returns the team's status."""
        cursor = start = account.cursor
        status: Status | None = None
        bundle: crypto.KeyBundle | None = None
        while True:
            resp = t.call("GET", "/v1/batches", params={"after": cursor, "limit": PULL_LIMIT})
            if resp.status == 403 and resp.code == "awaiting_approval":
                raise errors.pending(self.fingerprint())
            page: PullPage = self._parse(lambda b: PullPage.from_json(b, max_blob=1 << 30),
                                         _check(resp, "hentingen / the pull"))
            if status is None or bundle is None:
                status = self._check_status(page.status, account) if page.status else self._status(t, account)
                first_keys = keys.bundle(self.me) is None
                bundle = self._current_bundle(t, account, status)
                if first_keys:
                    report.team_key_fingerprint = crypto.team_key_fingerprint(bundle)
            last = cursor
            for b in page.batches:
                assert b.cursor is not None
                if b.cursor <= last:
                    raise errors.protocol("batches out of order")
                last = b.cursor
            if page.next_cursor < last or (not page.batches and page.next_cursor != cursor):
                raise errors.protocol("inconsistent pull cursor")
            if page.batches:
                remote = [self._open(account, bundle, b) for b in page.batches]
                result = merge.apply_page(self.folder, remote, expected_cursor=cursor, next_cursor=page.next_cursor)
                report.pulled_batches += result.batches
                report.applied_changes += result.changes
                report.conflicts += result.conflicts
                report.quarantined += result.quarantined
                report.quarantine_reasons += result.quarantine_reasons
                cursor = page.next_cursor
                if progress is not None:
                    progress(cursor - start, max(status.max_cursor, cursor) - start)
            if not page.batches or not page.has_more:
                return status, bundle

    def _open(self, account: sync_state.Account, bundle: crypto.KeyBundle | None, b: WireBatch) -> merge.RemoteBatch:
        assert b.cursor is not None
        if b.device_id == self.me:
            return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b"")
        key = bundle.keys.get(b.key_id) if bundle else None
        if key is None:
            return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b.blob,
                                     problem=f"unknown key id {b.key_id}")
        try:
            plain = crypto.decrypt_batch(key, b.blob, team_id=account.team_id, device_id=b.device_id, seq=b.seq,
                                         key_id=b.key_id)
            payload = crypto.decode_payload(plain)
        except crypto.CryptoError as exc:
            return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b.blob, problem=f"cannot decrypt: {exc}")
        return merge.RemoteBatch(b.cursor, b.device_id, b.seq, b.key_id, b.blob, payload.base, payload.changes)
