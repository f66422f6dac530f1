"""What the status bar shows (connection and unsynced changes) and whether a data folder is still unused."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.services.workspace import Workspace
from fieldapp.storage.queries import status as q


@dataclass(frozen=True)
class SyncStatus:
    """There is no sync engine yet, so the app is always offline and every local change is unsynced."""

    online: bool
    unsynced_changes: int


def sync_status(ws: Workspace) -> SyncStatus:
    with ws.folder.read() as session:
        # Each change-log row is one changed field, which is the unit sync will ship.
        return SyncStatus(online=False, unsynced_changes=q.change_log_rows(session))


def folder_is_empty(ws: Workspace) -> bool:
    """True for a new data folder nobody has entered participants or employers into."""
    with ws.folder.read() as session:
        return not q.holds_records(session)
