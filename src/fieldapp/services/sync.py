"""Sync for the app: state, one run with progress, enrollment, devices, conflicts and exporting local data.

Plain Python, no Qt: the UI calls these from its sync thread (network) or its database worker (the rest),
never from the UI thread. Results are frozen dataclasses; errors are `SyncError`s with a kind.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldapp.domain import hlc
from fieldapp.domain.messages import DomainError, Message
from fieldapp.services import duplicates
from fieldapp.services.exporting import write_export
from fieldapp.services.search import INDEX_STEP, index_visits
from fieldapp.services.status import WaitingForSync, waiting_for_sync
from fieldapp.services.workspace import Workspace
from fieldapp.storage import erasure, sync_state
from fieldapp.sync import errors
from fieldapp.sync.engine import Progress, SyncClient
from fieldapp.sync.errors import SyncError

__all__ = [
    "ConflictItem",
    "Device",
    "Enrolled",
    "Overview",
    "Pending",
    "Reset",
    "RunResult",
    "SyncError",
    "Syncer",
    "conflicts",
    "default_device_name",
    "dismiss_conflict",
    "export_local",
    "leave_team",
    "overview",
    "restore_conflict",
]

def default_device_name() -> str:
    """A neutral suggestion for a new device's name: never the host or user name (often the employee's
    name), since the server stores device names in plaintext."""
    return "Fieldapp-" + "".join(secrets.choice("ABCDEFGHJKMNPQRSTVWXYZ23456789") for _ in range(4))


# Error kinds after which retrying on a timer is pointless until a person acts.
STOPPING_KINDS = frozenset({"auth", "too_old", "history", "keys", "setup", "trust"})


@dataclass(frozen=True)
class Overview:
    """What the status bar needs, read from the data folder (no network)."""

    enrolled: bool
    server_url: str = ""
    team_name: str = ""
    waiting_changes: int = 0  # records waiting (see `waiting`), no longer field changes
    open_conflicts: int = 0
    waiting: WaitingForSync = field(default_factory=WaitingForSync)
    duplicates: int = 0  # pairs of records that are one person (or employer): services/duplicates.py


@dataclass(frozen=True)
class RunResult:
    state: str  # done | error | paused
    finished_at: datetime
    error_kind: str | None = None
    message: Message | None = None
    retry_after: float | None = None
    pushed_changes: int = 0
    applied_changes: int = 0
    pulled_batches: int = 0
    conflicts: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    team_key_fingerprint: str | None = None
    changed_entities: frozenset[str] = frozenset()
    duplicates: int = 0  # found after this run's pull: the same person (or employer) registered twice

    @property
    def ok(self) -> bool:
        return self.state == "done"


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    status: str  # pending | active | revoked
    fingerprint: str
    enrolled_at: str
    this_device: bool
    last_seen: str | None = None  # the device's last request to the server (None: not yet, or an older server)


@dataclass(frozen=True)
class Pending:
    device_id: str
    name: str
    fingerprint: str


@dataclass(frozen=True)
class Enrolled:
    team_name: str
    status: str  # active | pending
    fingerprint: str
    recovery_key: str | None


@dataclass(frozen=True)
class ConflictItem:
    id: int
    kind: str  # overwritten | edit_on_deleted | signed_version | merged_value | merged
    entity: str
    entity_id: str
    field: str
    local_value: Any
    remote_value: Any
    local_when: datetime | None
    remote_when: datetime
    local_by: str | None
    remote_by: str | None
    local_device: str | None
    remote_device: str
    detected_at: datetime

    @property
    def restorable(self) -> bool:
        return self.kind in ("overwritten", "merged_value")


def _when(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(hlc.unpack(ts)[0] / 1000, UTC)


def overview(ws: Workspace) -> Overview:
    account = sync_state.get_account(ws.folder)
    waiting = waiting_for_sync(ws)
    # A merge's own entry is listed for review but is not a value sync overwrote, which is what the count says.
    open_conflicts = sum(1 for c in sync_state.conflicts(ws.folder) if c.kind != "merged")
    twice = duplicates.count(ws)
    if account is None:
        return Overview(False, waiting_changes=waiting.total, open_conflicts=open_conflicts, waiting=waiting,
                        duplicates=twice)
    return Overview(True, account.server_url, account.team_name, waiting.total, open_conflicts, waiting, twice)


def _entities(report_changes: int, erased: bool) -> frozenset[str]:
    # The engine does not say which tables a run touched; any applied change may concern any view, and an erasure
    # received deletes rows from every table a participant owns (and writes the erasure log) without applying any.
    if not report_changes and not erased:
        return frozenset()
    from fieldapp.storage.capture import synced_tables

    return frozenset(t.name for t in synced_tables())


class Syncer:
    """One device's sync client, used from one thread (the UI's sync thread, or a test)."""

    def __init__(self, ws: Workspace, **transport_options: Any) -> None:
        self.ws = ws
        self.client = SyncClient(ws.folder, **transport_options)

    def close(self) -> None:
        self.client.close()

    def enrolled(self) -> bool:
        return sync_state.get_account(self.ws.folder) is not None

    def fingerprint(self) -> str:
        return self.client.fingerprint()

    def run(self, progress: Progress | None = None) -> RunResult:
        """One pull and push. Never raises for a known problem: the result says what happened."""
        erasures = erasure.log_mark(self.ws.folder)
        report = self.client.sync(progress)
        if report.applied_changes:
            index_visits(self.ws, step=INDEX_STEP)  # while the sync thread still has the work, not at the next search
        err = report.error
        return RunResult(
            state=report.state, finished_at=datetime.now(UTC), error_kind=err.kind if err else None,
            message=err.message if err else None, retry_after=err.retry_after if err else None,
            pushed_changes=report.pushed_changes, applied_changes=report.applied_changes,
            pulled_batches=report.pulled_batches, conflicts=report.conflicts, quarantined=report.quarantined,
            seconds=report.seconds, team_key_fingerprint=report.team_key_fingerprint,
            changed_entities=_entities(report.applied_changes, erasure.log_mark(self.ws.folder) != erasures),
            duplicates=duplicates.count(self.ws) if report.state == "done" else 0)

    def enroll(self, server_url: str, code: str, *, name: str, recovery_key: str | None = None) -> Enrolled:
        from fieldapp.storage import sync_reset

        if sync_reset.stored_device_id(self.ws.folder) != self.ws.device_id:
            raise errors.sync_error("setup", "reopen", "Denne datamappen har forlatt teamet og fått ny enhets-id. "
                                    "Lukk Fieldapp og åpne den igjen før du kobler til en server.",
                                    "This data folder has left its team and has a new device id. Close Fieldapp "
                                    "and open it again before connecting to a server.")
        url = server_url.strip()
        if not url.startswith(("http://", "https://")):
            raise errors.sync_error("setup", "bad_url", "Serveradressen må begynne med https:// (eller http://).",
                                    "The server address must start with https:// (or http://).")
        got = self.client.enroll(url, code, name=name, recovery_key=recovery_key or None)
        return Enrolled(got.team_name, got.status, got.fingerprint, got.recovery_key)

    def pending_devices(self) -> list[Pending]:
        return [Pending(d.device_id, d.name, d.fingerprint) for d in self.client.pending_devices()]

    def approve(self, device_id: str, fingerprint: str) -> str:
        return self.client.approve(device_id, fingerprint)

    def devices(self) -> list[Device]:
        from fieldapp.sync import crypto

        return [Device(d.device_id, d.name, d.status, crypto.fingerprint(d.device_id, d.public_key), d.created_at,
                       d.device_id == self.ws.device_id, d.last_seen_at) for d in self.client.devices()]

    def revoke(self, device_id: str) -> None:
        if device_id == self.ws.device_id:
            raise errors.sync_error("setup", "revoke_self", "En enhet kan ikke tilbakekalle seg selv her.",
                                    "A device cannot revoke itself here.")
        self.client.revoke(device_id)


def conflicts(ws: Workspace, *, include_resolved: bool = False) -> list[ConflictItem]:
    out = []
    for c in sync_state.conflicts(ws.folder, include_resolved=include_resolved):
        remote_when = _when(c.remote_hlc)
        assert remote_when is not None
        out.append(ConflictItem(
            c.id, c.kind, c.entity, c.entity_id, c.field, c.local_value, c.remote_value, _when(c.local_hlc), remote_when,
            sync_state.change_actor(ws.folder, c.entity, c.entity_id, c.local_hlc, c.local_device),
            sync_state.change_actor(ws.folder, c.entity, c.entity_id, c.remote_hlc, c.remote_device),
            c.local_device, c.remote_device, c.detected_at))
    return out


def _resolve(ws: Workspace, conflict_id: int, *, restore: bool) -> str:
    try:
        entity, _ = sync_state.resolve_conflict(ws.folder, conflict_id, restore=restore)
    except sync_state.ConflictGone as exc:
        raise DomainError(Message("sync.conflict_gone", "Konflikten er allerede løst.",
                                  "The conflict has already been resolved.")) from exc
    except ValueError as exc:
        raise DomainError(Message("sync.not_restorable", "Denne verdien kan ikke gjenopprettes.",
                                  "This value cannot be restored.")) from exc
    return entity


def restore_conflict(ws: Workspace, conflict_id: int) -> str:
    """Write this device's lost value back as a new change (it syncs like any edit). Returns the entity."""
    return _resolve(ws, conflict_id, restore=True)


def dismiss_conflict(ws: Workspace, conflict_id: int) -> str:
    """Keep the current value and close the conflict. Returns the entity."""
    return _resolve(ws, conflict_id, restore=False)


def export_local(ws: Workspace, out: Path) -> int:
    """Everything in this data folder as JSON (docs/export-format.md); returns the number of records."""
    return sum(write_export(ws, out).values())


@dataclass(frozen=True)
class Reset:
    old_device_id: str
    new_device_id: str
    kept_records: int  # records whose changes the team does not have yet: pushed after enrolling again


def leave_team(ws: Workspace) -> Reset:
    """Leave the sync team and keep everything: every record and every change the server has not acknowledged.

    For a revoked or stuck device. The folder forgets its membership and keys and takes a new device id
    (the server refuses the old one), so it can enroll again with a new code; its unsynced changes are then
    pushed under the new membership. Close and reopen the workspace afterwards (it holds the old device id).
    """
    from fieldapp.storage import sync_reset
    from fieldapp.sync import keys

    if sync_state.get_account(ws.folder) is None:
        raise DomainError(Message("sync.not_enrolled", "Denne datamappen er ikke med i noe team.",
                                  "This data folder is not in a team."))
    # The keys first: if the keyring fails, nothing has changed yet, and a second try does the whole reset.
    keys.forget(sync_reset.stored_device_id(ws.folder))
    done = sync_reset.reset_membership(ws.folder)
    return Reset(done.old_device_id, done.new_device_id, done.kept_records)


def wait_seconds(failures: int, *, base: float = 5.0, cap: float = 900.0,
                 rand: Callable[[], float] = random.random) -> float:
    """Exponential backoff with full jitter: a random wait in [base/2, min(cap, base·2^failures)]."""
    ceiling = min(cap, base * 2 ** max(0, failures - 1))
    return max(base / 2, ceiling * rand())


@dataclass
class History:
    """The last few run results, newest first (kept in memory by the UI)."""

    results: list[RunResult] = field(default_factory=list)
    keep: int = 20

    def add(self, result: RunResult) -> None:
        self.results.insert(0, result)
        del self.results[self.keep:]
