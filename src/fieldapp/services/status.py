"""What the status bar tells about the data folder: still unused (first start offers demo data), records waiting."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.services.workspace import Workspace
from fieldapp.storage import sync_state
from fieldapp.storage.queries import status as q


@dataclass(frozen=True)
class WaitingForSync:
    """Records changed on this device that the server does not have yet, as the user counts them."""

    participants: int = 0
    visits: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.participants + self.visits + self.other


def folder_is_empty(ws: Workspace) -> bool:
    """True for a new data folder nobody has entered participants or employers into."""
    with ws.folder.read() as session:
        return not q.holds_records(session)


def waiting_for_sync(ws: Workspace) -> WaitingForSync:
    """Participants, visits (with their attendees, actions and notes) and other records waiting to be sent."""
    return WaitingForSync(*sync_state.waiting_by_kind(ws.folder))
