"""The sync client: enrollment, devices, and one full pull-rotate-push run. Plain Python, no Qt.

The steps live in their own modules: team_keys (the key bundle chain, approval, recovery, rotation),
pull and admission (checking and applying what others pushed), push (sealing and sending ours).
A run always ends in one of three states: done, error (with a kind) or paused (the server asked to
come back later). Local data is never deleted or rolled back by a run, whatever the server answers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fieldapp.domain.messages import DomainError
from fieldapp.storage import merge, outbox_cut, sync_state
from fieldapp.storage.datafolder import DataFolder
from fieldapp.sync import crypto, errors, keys, team_keys, token
from fieldapp.sync.bundle import KeyBundle
from fieldapp.sync.context import Context, check, device_keys, parse
from fieldapp.sync.errors import SyncError
from fieldapp.sync.protocol import DeviceInfo, EnrollRequest, EnrollResponse
from fieldapp.sync.pull import PULL_LIMIT, Progress, pull
from fieldapp.sync.push import MAX_PUSH_BATCHES, MAX_PUSH_BYTES, push, sealer

if TYPE_CHECKING:  # httpx (through transport) is imported only when a sync really starts
    from fieldapp.sync.transport import Transport

__all__ = [
    "MAX_PUSH_BATCHES",
    "MAX_PUSH_BYTES",
    "PULL_LIMIT",
    "Enrollment",
    "PendingDevice",
    "Progress",
    "SyncClient",
    "SyncReport",
]


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
        """What this device shows at approval: it covers its key-wrap key and its signing key."""
        return device_keys(self.me, create=True).fingerprint

    def enroll(self, server_url: str, code: str, *, name: str, recovery_key: str | None = None) -> Enrollment:
        if sync_state.get_account(self.folder) is not None:
            raise errors.sync_error("setup", "already_enrolled", "Denne datamappen er allerede registrert hos en server.",
                                    "This data folder is already enrolled with a server.")
        recovery_private = crypto.parse_recovery_text(recovery_key) if recovery_key else None
        mine = device_keys(self.me, create=True)
        req = EnrollRequest(code.strip(), self.me, name[:200] or "device", mine.public)
        from fieldapp.sync.transport import Transport

        with Transport(server_url, **self.transport_options) as t:
            resp = t.call("POST", "/v1/enroll", json=req.to_json(), idempotent=False)
            if resp.status == 403:
                raise errors.sync_error("setup", "bad_code", "Registreringskoden er ukjent, brukt eller utløpt.",
                                        "The enrollment code is unknown, already used or expired.")
            enrolled = parse(EnrollResponse.from_json, check(resp, "registreringen / the enrollment"))
        keys.store_token(self.me, enrolled.token)
        sync_state.save_account(self.folder, server_url=server_url, team_id=enrolled.team_id,
                                team_name=enrolled.team_name, history_id=enrolled.history_id)
        recovery_text = None
        with self._context() as ctx:
            if enrolled.status == "active":
                recovery_text = team_keys.create_first_key(ctx)
            elif recovery_private is not None:
                team_keys.recover(ctx, recovery_private)
        status = "active" if enrolled.status == "active" or recovery_private is not None else "pending"
        return Enrollment(enrolled.team_id, enrolled.team_name, status, mine.fingerprint, recovery_text)

    def pending_devices(self) -> list[PendingDevice]:
        with self._context() as ctx:
            return [PendingDevice(d.device_id, d.name, crypto.fingerprint(d.device_id, d.public_key), d.created_at)
                    for d in ctx.devices() if d.status == "pending"]

    def approve(self, device_id: str, fingerprint: str) -> str:
        """Approve a pending device; returns the team key fingerprint the new device will show (its user and
        the approving user compare the two)."""
        with self._context() as ctx:
            target = next((d for d in ctx.devices() if d.device_id == device_id), None)
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
            return team_keys.approve(ctx, target)

    def devices(self) -> list[DeviceInfo]:
        """Every device of the team, pending, active and revoked (this device must be active)."""
        with self._context() as ctx:
            return ctx.devices()

    def revoke(self, device_id: str) -> None:
        """Revoke another device of the team (a lost laptop); the next member to sync rotates the team key."""
        with self._context() as ctx:
            check(ctx.t.call("POST", f"/v1/devices/{device_id}/revoke"), "tilbakekallingen / the revocation")

    # The run ------------------------------------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> SyncReport:
        report = SyncReport()
        started = time.perf_counter()
        try:
            account = self._account()
            ctx = Context(self.folder, account, self._reused_transport(account))
            # Pull first: its first page carries the team's status (history, keys, rotation), so a
            # sync with nothing to do is one request, and one with local changes two.
            status, current = pull(ctx, report, progress)
            if status.rotation_needed:
                current = team_keys.rotate(ctx, status, current)
                report.rotated_key = True
                # A key rotation follows a revocation: this device's token is renewed with it (sync/token.py).
                token.rotate_token(ctx.t, self.me)
            push(ctx, current, report)
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

    def _encrypt(self, account: sync_state.Account, current: KeyBundle) -> outbox_cut.Encrypt:
        """The outbox sealer under `current` (tests seal a batch without sending it)."""
        return sealer(account.team_id, device_keys(self.me), current)

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

    def _context(self) -> _OneOff:
        account = self._account()
        token = keys.token(self.me)
        if token is None:
            raise errors.auth_failed()
        from fieldapp.sync.transport import Transport

        return _OneOff(Context(self.folder, account, Transport(account.server_url, token, **self.transport_options)))


class _OneOff:
    """A context whose transport is closed when the `with` block ends."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def __enter__(self) -> Context:
        return self.ctx

    def __exit__(self, *exc: object) -> None:
        self.ctx.t.close()
